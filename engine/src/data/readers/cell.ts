import type { Range } from "../../source/range.js";

/**
 * One cell as any reader found it. CSV cells are always text; Excel cells may hold numbers, dates, booleans
 * or error values; JSON values map onto the same kinds. The record reader works on these only, so CSV,
 * XLSX and JSON follow the same rules.
 */
export type CellContent =
  | { readonly kind: "empty" }
  | { readonly kind: "text"; readonly text: string }
  /** `percentFormat`: an Excel number shown as a percent (the cell holds 0.45 and shows 45%). */
  | { readonly kind: "number"; readonly value: number; readonly percentFormat?: boolean }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "date"; readonly date: Date }
  /** An Excel error value such as #N/A or #DIV/0!. */
  | { readonly kind: "error"; readonly text: string }
  | { readonly kind: "formula-without-result" }
  /** A JSON object or array where a value was expected. */
  | { readonly kind: "other"; readonly description: string };

/** Where a cell is: the diagnostic range, the provenance row and column, and for Excel its sheet and address. */
export interface CellAt {
  readonly range: Range;
  /** 1-based text line (CSV, JSON) or sheet row (XLSX). */
  readonly row: number;
  /** 1-based character column (CSV, JSON) or sheet column number (XLSX). */
  readonly column: number;
  readonly sheet?: string;
  /** Excel only: "Data!B5", put in front of messages since a terminal cannot show the sheet. */
  readonly label?: string;
  /** End offset minus start offset of the range, when known without making the range (CSV cells). */
  readonly length?: number;
}

export interface Cell {
  readonly content: CellContent;
  readonly at: CellAt;
}

export const EMPTY: CellContent = { kind: "empty" };

export function isEmpty(content: CellContent): boolean {
  return content.kind === "empty" || (content.kind === "text" && content.text.trim() === "");
}

/** The cell as text, for names and periods; undefined when it has no textual meaning. */
export function cellText(content: CellContent): string | undefined {
  switch (content.kind) {
    case "text":
      return content.text.trim();
    case "number":
      return String(content.value);
    case "boolean":
      return String(content.value);
    case "error":
      return content.text;
    default:
      return undefined;
  }
}
