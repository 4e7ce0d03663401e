import type { SourceText } from "../../source/range.js";
import { DataCode } from "../codes.js";
import type { Cell } from "./cell.js";
import { CsvChars } from "./csv-chars.js";
import { type CsvRecord, detectSeparator, parseCsv, type Separator, separatorLine } from "./csv-parse.js";
import { PlainRowReader } from "./csv-plain-rows.js";
import type { RecordContext } from "./records.js";
import { type Layout, readHeader, readTableRow, type TableRow } from "./table.js";
import { TextCell } from "./text-cell.js";

export type ReaderContext = Omit<RecordContext, "decimalComma">;

/**
 * A CSV (or TSV) file's text, or its characters (csv-chars.ts: an ASCII file is read in its bytes). The
 * separator comes from an Excel "sep=" line or from the header; in a semicolon-separated file the comma is
 * the decimal separator (Excel writes such files in ru and kk locales). Cell positions are the text's line and
 * column, so diagnostics show the CSV line with a caret.
 */
export function readCsv(input: string | CsvChars, base: ReaderContext): void {
  const chars = typeof input === "string" ? CsvChars.ofText(input) : input;
  const { start, separator } = separatorOf(chars);
  const ctx: RecordContext = { ...base, decimalComma: separator === ";" };
  const source = chars.source;
  const text = generalText(chars);
  ctx.merger.useText(ctx.file, source);
  let layout: Layout | undefined;
  let plain: PlainRowReader | undefined;
  let headerSeen = false;
  const blankReported = new Set<number>();
  let at = start;
  while (at < chars.length) {
    if (plain) {
      const next = plain.readAt(at);
      if (next >= 0) {
        at = next;
        continue;
      }
    }
    const record: CsvRecord | undefined = parseCsv(text(at), separator, at).next().value ?? undefined;
    if (!record) break;
    at = record.next;
    if (!wellFormed(ctx, record, source)) {
      if (!headerSeen || record.cells.some((c) => c.unclosedQuote)) return;
      continue;
    }
    const row = toRow(record, source, layout?.width ?? 0);
    if (!headerSeen) {
      if (row.cells.every((c) => c.content.kind === "text" && c.content.text.trim() === "")) continue;
      headerSeen = true;
      const header = readHeader(ctx, row, false);
      if (!("layout" in header)) return;
      layout = header.layout;
      plain = new PlainRowReader(ctx, layout, chars, separator);
      continue;
    }
    if (layout) readTableRow(ctx, layout, row, blankReported);
  }
  if (ctx.counts.rows === 0 && !ctx.problems.hasErrors) {
    ctx.problems.report(
      DataCode.D106,
      { range: source.range(0, 0), row: 1, column: 1 },
      headerSeen ? "the file has a header but no data rows" : "the file is empty",
      { suggestion: "check that this is the right file" },
    );
  }
}

/** The start of a file that the separator is told from (a header and the blank lines before it). */
const HEAD = 1 << 16;

/**
 * The text the general reader parses the record at `at` from. The header (or any record near the start with no
 * quote on its line) is parsed from a prefix of the file, so a file whose rows all take the plain row reader is
 * never made into one string; anything else from the whole text. Offsets are the same in both.
 */
function generalText(chars: CsvChars): (at: number) => string {
  const { codes } = chars;
  return (at) => {
    if (at < HEAD) {
      let end = at;
      while (end < codes.length && codes[end] !== LF && codes[end] !== CR && codes[end] !== QUOTE) end++;
      if (codes[end] !== QUOTE) return chars.slice(0, end + (codes[end] === CR && codes[end + 1] === LF ? 2 : 1));
    }
    return chars.text;
  };
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** The separator and where the table starts: told from the start of the file (all of it, if that is all blank). */
function separatorOf(chars: CsvChars): { start: number; separator: Separator } {
  const head = chars.slice(0, HEAD);
  const declared = separatorLine(head);
  const start = declared?.start ?? 0;
  if (declared) return declared;
  const header = firstContentLine(head, start);
  const text = header >= head.length && head.length < chars.length ? chars.text : head;
  return { start, separator: detectSeparator(text, firstContentLine(text, start)) };
}

/** Skips blank lines before the header, so that the separator is taken from the header itself. */
function firstContentLine(text: string, start: number): number {
  const blank = /[ \t,;]*(?:\r\n|\n|\r)/y;
  let at = start;
  for (;;) {
    blank.lastIndex = at;
    if (!blank.test(text)) return at;
    at = blank.lastIndex;
  }
}

/** Reports an unclosed quote or text after a closing quote; false when the record cannot be read. */
function wellFormed(ctx: RecordContext, record: CsvRecord, source: SourceText): boolean {
  for (const cell of record.cells) {
    if (cell.unclosedQuote) {
      const at = source.position(cell.start);
      ctx.problems.report(
        DataCode.D113,
        { range: source.range(cell.start, cell.start + 1), row: at.line, column: at.column },
        `this quote is never closed, so the rest of the file from line ${at.line} cannot be read`,
        { suggestion: 'close the quote; to write a quote mark inside a quoted cell, double it ("")' },
      );
      return false;
    }
    if (cell.textAfterQuote !== undefined) {
      const at = source.position(cell.start);
      ctx.problems.report(
        DataCode.D114,
        { range: source.range(cell.start, cell.end), row: at.line, column: at.column },
        "there is text after the closing quote of this cell, so the row is not read",
        { suggestion: 'quote the whole cell, or double the quote mark inside it ("")' },
      );
      return false;
    }
  }
  return true;
}

function toRow(record: CsvRecord, source: SourceText, width: number): TableRow {
  const line = source.position(record.start).line;
  const cells: Cell[] = record.cells.map((c) => new TextCell(c, source, line));
  const last = record.cells.at(-1);
  const end = last ? last.end : record.start;
  while (cells.length < width) cells.push(new TextCell({ text: "", start: end, end }, source, line));
  const first = cells[0];
  const at = first ? first.at : new TextCell({ text: "", start: record.start, end: record.start }, source, line).at;
  return { cells, at };
}
