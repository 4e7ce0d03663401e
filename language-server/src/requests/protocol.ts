import type { Lang } from "@tarazy/engine";
import type { Location } from "vscode-languageserver";

/**
 * The custom requests of the Tarazy language server (docs: language-server/README.md, "Custom requests").
 * Paths are absolute file-system paths; locations are LSP Locations. The VS Code extension keeps a copy of
 * these shapes in vscode-extension/src/protocol.ts (it cannot import the server's sources).
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
