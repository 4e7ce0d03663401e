import { diagnosticDoc } from "../../diagnostics/catalog.js";
import type { Diagnostic, RelatedLocation } from "../../diagnostics/diagnostic.js";
import { type Range, rangeOfLength } from "../../source/range.js";
import { DataCode } from "../codes.js";
import type { CellAt } from "./cell.js";

export interface ProblemDetails {
  readonly suggestion?: string | undefined;
  readonly related?: readonly RelatedLocation[];
  /**
   * Problems with the same key (e.g. one unknown unit name on many rows) are listed once, at the first
   * cell, and the message says how many more times it occurs.
   */
  readonly repeatKey?: string;
}

/** Where a whole-file problem is shown: the start of the file. */
export const FILE_START: CellAt = { range: rangeOfLength(0), row: 1, column: 1 };

/**
 * The diagnostics of one file. After `limit` of them the rest are only counted, so that a file with a
 * wrong separator gives a screenful, not ten thousand lines; `finish` adds one line with the counts, at
 * the first problem not listed.
 */
export class FileProblems {
  private readonly listed: Diagnostic[] = [];
  private readonly repeats = new Map<string, { index: number; more: number }>();
  private hidden = {
    errors: 0,
    warnings: 0,
    firstError: undefined as Range | undefined,
    firstWarning: undefined as Range | undefined,
  };
  private errorCount = 0;

  constructor(
    readonly file: string,
    private readonly limit: number,
  ) {}

  report(code: string, at: CellAt, message: string, details: ProblemDetails = {}): void {
    const severity = diagnosticDoc(code)?.severity ?? "error";
    if (severity === "error") this.errorCount++;
    const key = details.repeatKey === undefined ? undefined : `${code}\u0000${details.repeatKey}`;
    const repeat = key === undefined ? undefined : this.repeats.get(key);
    if (repeat) {
      repeat.more++;
      return;
    }
    if (this.listed.length >= this.limit) {
      if (severity === "error") {
        this.hidden.errors++;
        this.hidden.firstError ??= at.range;
      } else if (severity === "warning") {
        this.hidden.warnings++;
        this.hidden.firstWarning ??= at.range;
      }
      return;
    }
    if (key !== undefined) this.repeats.set(key, { index: this.listed.length, more: 0 });
    this.listed.push({
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

  /** The diagnostics, repeats counted in their first one, and one line for those not listed. */
  finish(): Diagnostic[] {
    const out = [...this.listed];
    for (const { index, more } of this.repeats.values()) {
      const d = out[index];
      if (d && more > 0)
        out[index] = { ...d, message: `${d.message} (and ${more} more time${more === 1 ? "" : "s"} in this file)` };
    }
    const more = (code: string, count: number, what: string, range: Range | undefined) =>
      out.push({
        code,
        severity: diagnosticDoc(code)?.severity ?? "error",
        message: `${count} more ${what}${count === 1 ? "" : "s"} in this file not listed, from here on`,
        file: this.file,
        range: range ?? FILE_START.range,
        suggestion: "fix the problems listed (often one cause, such as a wrong column or separator) and check again",
      });
    if (this.hidden.errors > 0) more(DataCode.D108, this.hidden.errors, "error", this.hidden.firstError);
    if (this.hidden.warnings > 0) more(DataCode.D109, this.hidden.warnings, "warning", this.hidden.firstWarning);
    return out;
  }
}
