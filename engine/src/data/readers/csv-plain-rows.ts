import type { Range, SourceText } from "../../source/range.js";
import { CellRun } from "../cell-run.js";
import { formatPeriod, monthsIn, type Period, parsePeriod } from "../period.js";
import type { CellAt } from "./cell.js";
import type { CharCodes, CsvChars } from "./csv-chars.js";
import type { DataField } from "./model.js";
import { plainNumberIn, type RecordContext, readFieldValue } from "./records.js";
import type { Layout } from "./table.js";
import { TextCell } from "./text-cell.js";

type WideLayout = Extract<Layout, { kind: "wide" }>;
type LongLayout = Extract<Layout, { kind: "long" }>;

/**
 * The common row of a CSV file read straight from the text into the merger: plain cells (no quotes), a known
 * unit, a period, and plain numbers as values: in the field columns of a wide file, or a known field of the
 * version and its value in a long one. No cell object, no string and no position is made for a cell that is
 * read without a problem. In a wide row a cell that needs more (a locale-formatted number, n/a, a bad value)
 * goes through the general record reader. A row with anything unusual (quotes, more or fewer cells than the
 * header, values under blank or set-aside columns, an unknown unit, period or field, a long row whose value is
 * not a plain number) is left to the general table reader, so every diagnostic is exactly as it would be.
 */
export class PlainRowReader {
  private readonly cursor: CellCursor;
  private readonly codes: CharCodes;
  private readonly lines: SourceText;
  private readonly sep: number;
  /** Cell bounds of the row being read. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Wide: the table's index of each field column's field. Long: of each field met, by the field. */
  private readonly fieldIndex: Int32Array;
  /** Wide: the months of each field column's frequency (a value for a shorter period is the general reader's). */
  private readonly fieldMonths: Int32Array;
  /** Wide: the plain cells of the row, given to the merger at once. */
  private readonly run: CellRun;
  private readonly longFields = new Map<DataField, number>();
  /** Each period's text parsed once per file: a long file repeats a few dozen periods on every row. */
  private readonly periods = new Map<string, Period | undefined>();
  private readonly source: number;
  /** The line of the last row read (rows follow each other, so the next line is tried first). */
  private line = 0;

  constructor(
    private readonly ctx: RecordContext,
    private readonly layout: Layout,
    private readonly chars: CsvChars,
    separator: string,
  ) {
    this.lines = chars.source;
    this.cursor = new CellCursor(this.lines);
    this.codes = chars.codes;
    this.sep = separator.charCodeAt(0);
    this.starts = new Int32Array(layout.width);
    this.ends = new Int32Array(layout.width);
    const fields = layout.kind === "wide" ? layout.fields : [];
    this.fieldIndex = Int32Array.from(fields, ({ field }) => ctx.merger.table.fieldOf(field));
    this.fieldMonths = Int32Array.from(fields, ({ field }) => monthsIn(field.frequency));
    this.run = new CellRun(fields.length);
    this.source = ctx.merger.textSource(ctx.file);
  }

  /** Reads the record at `offset`; returns where the next one starts, or -1 when it is not a common row. */
  readAt(offset: number): number {
    const next = this.scan(offset);
    if (next < 0) return -1;
    const read =
      this.layout.kind === "wide" ? this.readRow(offset, this.layout) : this.readLongRow(offset, this.layout);
    return read ? next : -1;
  }

  /** Finds the cells of a record of plain cells and exactly the header's width; -1 for anything else. */
  private scan(offset: number): number {
    const { codes, sep, starts, ends } = this;
    const n = codes.length;
    const width = starts.length;
    let i = offset;
    for (let column = 0; ; column++) {
      if (column >= width || codes[i] === QUOTE) return -1;
      starts[column] = i;
      let c = 0;
      for (; i < n; i++) {
        c = codes[i] as number;
        if (c === sep || c === CR || c === LF) break;
      }
      ends[column] = i;
      if (i >= n) return column === width - 1 ? n : -1;
      if (c !== sep) {
        if (column !== width - 1) return -1;
        return i + (c === CR && codes[i + 1] === LF ? 2 : 1);
      }
      i++;
      if (i >= n) return -1; // a separator at the very end: a last empty cell, left to the general reader
    }
  }

  private readRow(offset: number, layout: WideLayout): boolean {
    const { ctx, codes, starts, ends, cursor, fieldIndex, fieldMonths, run } = this;
    for (const column of layout.blank) if (!this.blank(column)) return false;
    for (const { column } of layout.setAside) if (!this.blank(column)) return false;
    const unitMatch = ctx.units.lookup(this.cellText(layout.unit).trim());
    const period = this.periodOf(this.cellText(layout.period));
    if (unitMatch.kind !== "found" || !period) return false;
    const unit = unitMatch.item;
    ctx.counts.rows++;
    const line = this.lineAt(offset);
    const lineStart = cursor.onLine(line);
    const { merger, problems } = ctx;
    merger.record(unit, period);
    const months = monthsIn(period.kind);
    let periodId: string | undefined;
    const fields = layout.fields;
    for (let k = 0; k < fields.length; k++) {
      const { column, field } = fields[k] as WideLayout["fields"][number];
      const start = starts[column] as number;
      const end = ends[column] as number;
      if (start === end) continue;
      const value = months >= (fieldMonths[k] as number) ? plainNumberIn(codes, start, end) : Number.NaN;
      // biome-ignore lint/suspicious/noSelfCompare: NaN marks a cell that is not a plain numeral
      if (value === value) {
        const n = run.count++;
        run.fields[n] = field;
        run.field[n] = fieldIndex[k] as number;
        run.values[n] = value;
        run.starts[n] = start;
        run.ends[n] = end;
        continue;
      }
      if (this.blank(column)) continue;
      // A cell for the general reader: the plain cells before it go first, so cells stay in file order.
      merger.run(run, this.source, line, lineStart, cursor, problems);
      run.count = 0;
      periodId ??= formatPeriod(period);
      const cell = { text: this.cellText(column), start, end };
      readFieldValue(ctx, unit, period, periodId, field, new TextCell(cell, this.lines, line));
    }
    merger.run(run, this.source, line, lineStart, cursor, problems);
    run.count = 0;
    return true;
  }

  /**
   * A long row: a known unit, period and field of the version, a plain number its frequency allows. Anything
   * else (an empty value, n/a, a locale-formatted number, a field set aside or unknown) is read by the general
   * reader: nothing is kept or counted here before every check has passed.
   */
  private readLongRow(offset: number, layout: LongLayout): boolean {
    const { ctx, codes, starts, ends } = this;
    for (const column of layout.blank) if (!this.blank(column)) return false;
    const start = starts[layout.value] as number;
    const end = ends[layout.value] as number;
    const value = plainNumberIn(codes, start, end);
    // biome-ignore lint/suspicious/noSelfCompare: NaN marks a cell that is not a plain numeral
    if (value !== value) return false;
    const unitMatch = ctx.units.lookup(this.cellText(layout.unit).trim());
    const fieldMatch = ctx.fields.lookup(this.cellText(layout.field).trim());
    const period = this.periodOf(this.cellText(layout.period));
    if (unitMatch.kind !== "found" || fieldMatch.kind !== "found" || !period) return false;
    const field = fieldMatch.item;
    if (monthsIn(period.kind) < monthsIn(field.frequency)) return false;
    ctx.counts.rows++;
    const line = this.lineAt(offset);
    const lineStart = this.cursor.onLine(line);
    ctx.merger.record(unitMatch.item, period);
    const at = this.cursor.at(start, end);
    const f = this.longFieldIndex(field);
    ctx.merger.value(field, f, value, this.source, line, start - lineStart + 1, end - start, at, ctx.problems);
    return true;
  }

  private periodOf(text: string): Period | undefined {
    if (this.periods.has(text)) return this.periods.get(text);
    const period = parsePeriod(text);
    this.periods.set(text, period);
    return period;
  }

  private longFieldIndex(field: DataField): number {
    let f = this.longFields.get(field);
    if (f === undefined) {
      f = this.ctx.merger.table.fieldOf(field);
      this.longFields.set(field, f);
    }
    return f;
  }

  /** The line of the row at `offset` (rows follow each other, so the line after the last is tried first). */
  private lineAt(offset: number): number {
    this.line = this.lines.positionFrom(offset, this.line + 1).line;
    return this.line;
  }

  private cellText(column: number): string {
    return this.chars.slice(this.starts[column] as number, this.ends[column] as number);
  }

  private blank(column: number): boolean {
    return this.starts[column] === this.ends[column] || this.cellText(column).trim() === "";
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * One reused CellAt for the cell being read, on the line of its row (a plain row has no line break inside):
 * row, column and length without a search, the range only when a problem is reported (a report takes the
 * range, never this object).
 */
class CellCursor implements CellAt {
  private start = 0;
  private end = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly source: SourceText) {}

  /** The row being read is on this line; returns where the line starts. */
  onLine(line: number): number {
    this.line = line;
    this.lineStart = this.source.lineStarts[line - 1] ?? 0;
    return this.lineStart;
  }

  at(start: number, end: number): CellCursor {
    this.start = start;
    this.end = end;
    return this;
  }

  get row(): number {
    return this.line;
  }

  get column(): number {
    return this.start - this.lineStart + 1;
  }

  get length(): number {
    return this.end - this.start;
  }

  get range(): Range {
    const start = { offset: this.start, line: this.line, column: this.column };
    return { start, end: this.source.position(this.end) };
  }
}
