import type { Range } from "../source/range.js";

export type Severity = "error" | "warning" | "info";

export interface RelatedLocation {
  readonly message: string;
  readonly file?: string;
  readonly range: Range;
}

export interface TextEdit {
  readonly file?: string;
  readonly range: Range;
  readonly newText: string;
}

/** A fix the editor can apply and the CLI can describe. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/**
 * One diagnostic model for every stage (formula, rule files, data, scoring) and every face (CLI, language
 * server, reports). `code` is stable and documented in docs/diagnostics.md (see diagnostics/catalog.ts).
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  /** Plain words for a methodologist; never an internal token or class name. */
  readonly message: string;
  /** The file the range is in; absent for text given on the command line. */
  readonly file?: string;
  readonly range: Range;
  readonly related?: readonly RelatedLocation[];
  /** What to do about it, in words, where there is something to suggest. */
  readonly suggestion?: string;
  readonly fix?: Fix;
  /**
   * How an editor may show the range: `unnecessary` faded (a field nobody reads), `deprecated` struck through.
   * Absent for most diagnostics.
   */
  readonly tags?: readonly DiagnosticTag[];
}

export type DiagnosticTag = "unnecessary" | "deprecated";

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
