/**
 * The custom requests of the Tarazy language server (docs: language-server/README.md, "Custom requests"):
 * the one description of their names and shapes, for the server and for the VS Code extension, which
 * re-exports this file (vscode-extension/src/protocol.ts). It imports nothing, so that the extension can
 * compile it without the engine. Paths are absolute file-system paths; locations are LSP Locations as JSON:
 * 0-based lines and UTF-16 characters.
 */
export const Requests = {
  rulesets: "tarazy/rulesets",
  rulesetAt: "tarazy/rulesetAt",
  rate: "tarazy/rate",
  export: "tarazy/export",
  explain: "tarazy/explain",
  diff: "tarazy/diff",
  methodology: "tarazy/methodology",
  ruleTests: "tarazy/ruleTests",
  /** Every rule file of the workspace re-read and checked: { files, errors, warnings } with diagnostics. */
  validateAll: "tarazy/validateAll",
} as const;

export type Lang = "kk" | "ru" | "en";

export interface LspPosition {
  readonly line: number;
  readonly character: number;
}

/** An LSP Location (vscode-languageserver's Location has this shape). */
export interface Location {
  readonly uri: string;
  readonly range: { readonly start: LspPosition; readonly end: LspPosition };
}

export interface RulesetInfo {
  readonly path: string;
  readonly name: string;
  readonly versions: readonly { version: string; path: string; from?: string; to?: string }[];
  readonly dataFolders: readonly string[];
  readonly periods: readonly string[];
}

export interface RulesetAtResult {
  readonly ruleset?: string;
  readonly version?: string;
  readonly dataFolder?: string;
}

export interface PlainDiagnostic {
  readonly code: string;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  readonly location?: Location;
}

export interface RateParams {
  readonly ruleset: string;
  readonly data: string;
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  readonly lang?: Lang;
}

export interface ExportParams extends RateParams {
  readonly format: "xlsx" | "html" | "csv" | "json" | "md";
  readonly out: string;
}

export interface ExplainParams {
  readonly ruleset: string;
  readonly data: string;
  readonly period: string;
  readonly unit: string;
  readonly lang?: Lang;
}

export interface ExplainLinkResult {
  readonly label: string;
  readonly indicator: string;
  readonly rule?: Location;
  readonly cell?: { file: string; row: number; column: number; sheet?: string; location?: Location };
}

export interface DiffParams {
  readonly old: string;
  readonly new: string;
  readonly data?: string;
  readonly period?: string;
  readonly lang?: Lang;
}

export interface MethodologyParams {
  readonly ruleset: string;
  readonly version?: string;
  readonly lang?: Lang;
  readonly format: "html" | "markdown";
}

export interface RuleTestsParams {
  readonly ruleset?: string;
  readonly file?: string;
  readonly test?: string;
}

export interface RuleTestFailureResult {
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly location: Location;
}

export interface RuleTestResult {
  readonly id: string;
  readonly name: string;
  readonly location: Location;
  readonly status: "passed" | "failed" | "error";
  readonly failures: readonly RuleTestFailureResult[];
}

export interface RuleTestFileResult {
  readonly file: string;
  readonly uri: string;
  readonly tests: readonly RuleTestResult[];
}

/** The RatingResult JSON of `tarazy rate --format json`, as far as the extension reads it. */
export interface RatingResultJson {
  readonly ruleset: { readonly id: string; readonly version: string };
  readonly rating: string;
  readonly period: string;
  readonly results: readonly { unit: string; score: number; rank: number; grade?: string }[];
}

export interface RateResult {
  readonly result: RatingResultJson | RatingResultJson[];
  readonly html: string;
  readonly diagnostics: readonly PlainDiagnostic[];
}

export interface ExplainResult {
  readonly trace: TraceJson;
  readonly text: string;
  readonly links: readonly ExplainLinkResult[];
}

/** The ExplainTrace JSON (engine/src/scoring/trace.ts), as far as the view shows it. */
export interface TraceJson {
  readonly ruleset: { id: string; version: string };
  readonly period: string;
  readonly scale: number;
  readonly unit: { id: string; name: Record<string, string> };
  readonly total: number;
  readonly rank: number;
  readonly rankedUnits: number;
  /** Absent when the rating has no grades. */
  readonly grade?: string;
  readonly blocks: readonly {
    id: string;
    name: Record<string, string>;
    weight: number;
    points: number;
    lost: number;
    indicators: readonly {
      id: string;
      name: Record<string, string>;
      measure: string;
      formula: string;
      value: number | boolean | null;
      status: string;
      score: number | null;
      weight: number;
      points: number;
      lost: number;
      inputs: readonly { name: string; period: string; value: unknown }[];
    }[];
  }[];
}

export interface DiffResult {
  /** The JSON of `tarazy diff --format json` (with data, `effect` on ranks and zones). */
  readonly diff: { readonly changes: readonly unknown[]; readonly effect?: unknown };
  /** The diff as the CLI prints it for people (with data, the effect in the request's language). */
  readonly text: string;
  /** The compare page of `tarazy diff --format html`, in the request's language: one self-contained document. */
  readonly html: string;
}

export interface RuleTestsResult {
  readonly files: readonly RuleTestFileResult[];
}

export interface ValidateAllResult {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}
