import { diagnosticDoc } from "../../diagnostics/catalog.js";
import type { Diagnostic, RelatedLocation } from "../../diagnostics/diagnostic.js";
import { rangeOfLength } from "../../source/range.js";
import { DataCode } from "../codes.js";
import type { CellAt } from "./cell.js";

export interface ProblemDetails {
  readonly suggestion?: string | undefined;
  readonly related?: readonly RelatedLocation[];
}

/** Where a whole-file problem is shown: the start of the file. */
export const FILE_START: CellAt = { range: rangeOfLength(0), row: 1, column: 1 };

/**
 * The diagnostics of one file. After `limit` of them the rest are only counted, so that a file with a
 * wrong separator gives a screenful, not ten thousand lines; `finish` adds one line with the counts.
 */
export class FileProblems {
  readonly diagnostics: Diagnostic[] = [];
  private hiddenErrors = 0;
  private hiddenWarnings = 0;
  private errorCount = 0;

  constructor(
    readonly file: string,
    private readonly limit: number,
  ) {}

  report(code: string, at: CellAt, message: string, details: ProblemDetails = {}): void {
    const severity = diagnosticDoc(code)?.severity ?? "error";
    if (severity === "error") this.errorCount++;
    if (this.diagnostics.length >= this.limit) {
      if (severity === "error") this.hiddenErrors++;
      else if (severity === "warning") this.hiddenWarnings++;
      return;
    }
    this.diagnostics.push({
      code,
      severity,
      message: at.label ? `${at.label}: ${message}` : message,
      file: this.file,
      range: at.range,
      ...(details.related && details.related.length > 0 ? { related: details.related } : {}),
      ...(details.suggestion ? { suggestion: details.suggestion } : {}),
    });
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** The diagnostics, with the count of those not listed. */
  finish(): Diagnostic[] {
    const out = [...this.diagnostics];
    const more = (code: string, count: number, what: string) =>
      out.push({
        code,
        severity: diagnosticDoc(code)?.severity ?? "error",
        message: `${count} more ${what}${count === 1 ? "" : "s"} in this file not listed`,
        file: this.file,
        range: FILE_START.range,
        suggestion: "fix the problems listed (often one cause, such as a wrong column or separator) and check again",
      });
    if (this.hiddenErrors > 0) more(DataCode.D108, this.hiddenErrors, "error");
    if (this.hiddenWarnings > 0) more(DataCode.D109, this.hiddenWarnings, "warning");
    return out;
  }
}
