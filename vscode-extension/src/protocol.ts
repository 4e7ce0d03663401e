/**
 * The custom requests of the Tarazy language server, as the extension sees them (the server's own copy is
 * language-server/src/requests/protocol.ts; the contract is in language-server/README.md). Locations are
 * LSP Locations as JSON: 0-based lines and UTF-16 characters.
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
  validateAll: "tarazy/validateAll",
} as const;

export type Lang = "kk" | "ru" | "en";

export interface LspPosition {
  readonly line: number;
  readonly character: number;
}
export interface LspLocation {
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
  readonly location?: LspLocation;
}

/** The RatingResult JSON of `tarazy rate --format json`, as far as the extension reads it. */
export interface RatingResultJson {
  readonly ruleset: { readonly id: string; readonly version: string };
  readonly rating: string;
  readonly period: string;
  readonly results: readonly { unit: string; score: number; rank: number; grade: string }[];
}

export interface RateResult {
  readonly result: RatingResultJson | RatingResultJson[];
  readonly html: string;
  readonly diagnostics: readonly PlainDiagnostic[];
}

export interface ExplainLink {
  readonly label: string;
  readonly indicator: string;
  readonly rule?: LspLocation;
  readonly cell?: { file: string; row: number; column: number; sheet?: string; location?: LspLocation };
}

export interface ExplainResult {
  readonly trace: TraceJson;
  readonly text: string;
  readonly links: readonly ExplainLink[];
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
  readonly grade: string;
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
  readonly diff: { readonly changes: readonly unknown[] };
  readonly text: string;
}

export interface RuleTestFailure {
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly location: LspLocation;
}

export interface RuleTestResult {
  readonly id: string;
  readonly name: string;
  readonly location: LspLocation;
  readonly status: "passed" | "failed" | "error";
  readonly failures: readonly RuleTestFailure[];
}

export interface RuleTestsResult {
  readonly files: readonly { file: string; uri: string; tests: readonly RuleTestResult[] }[];
}

export interface ValidateAllResult {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}
