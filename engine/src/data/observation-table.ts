import { positionIn, type Range } from "../source/range.js";
import type { CellRun } from "./cell-run.js";
import { CellSlots, VALUE_CHUNK_BITS } from "./cell-slots.js";
import type { Observation, ObservationList, Provenance } from "./observation.js";
import type { DataField, DataUnit } from "./readers/model.js";
import { formatPeriodCode } from "./store.js";

/**
 * Where the cells of one file (or one Excel sheet) are, so that a cell's range can be rebuilt from its row,
 * column and length: the line starts of a text file, or the sheet's index in its workbook.
 */
export type CellSource =
  | { readonly file: string; readonly lineStarts: readonly number[]; readonly textLength: number }
  | { readonly file: string; readonly sheet: string; readonly sheetIndex: number };

/** Entries per chunk: the columns grow a chunk at a time, so nothing is copied as they grow. */
const CHUNK_BITS = VALUE_CHUNK_BITS;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/** Narrow columns hold values up to this; a chunk given a larger one widens them (Chunk.widen). */
const NARROW_MAX = 0xffff;

/**
 * One chunk of the cells' own columns: field, value, and where in its row the cell is (column and length).
 * Field, column and length are 16-bit while they fit (they do in all but odd files: more than 65,535 fields,
 * or lines that long); memory touched the first time costs more than the writes themselves.
 */
class Chunk {
  field: Uint16Array | Int32Array = new Uint16Array(CHUNK);
  /** NaN for n/a (a read value is always finite). */
  readonly value = new Float64Array(CHUNK);
  column: Uint16Array | Int32Array = new Uint16Array(CHUNK);
  /** End offset minus start offset of the cell in its text (1 in a sheet). */
  length: Uint16Array | Int32Array = new Uint16Array(CHUNK);
  wide = false;

  /** Makes the narrow columns 32-bit, keeping what they hold. */
  widen(): void {
    this.wide = true;
    this.field = Int32Array.from(this.field);
    this.column = Int32Array.from(this.column);
    this.length = Int32Array.from(this.length);
  }
}

/** A row record: the index of its first cell, then unit, period code, source and row (line) of its cells. */
const ROW = 5;
const START = 0;
const UNIT = 1;
const PERIOD = 2;
const SOURCE = 3;
const LINE = 4;

/** Excel sheet offsets are an ordering key: sheet, then row, then column (as xlsx-reader.ts makes them). */
const SHEET_SPAN = 2 ** 34;

/**
 * The observations of the data files as columns, all numbers in typed arrays and no object per cell. What a
 * row of a file shares (unit, period code, file and row) is kept once for the run of cells that share it,
 * in a row record; each cell keeps its field, value, column and length: 14 bytes a cell in a wide file
 * (a record of 20 bytes per row of 100 cells), 34 in a long one (a record per cell). A cell's Observation,
 * Provenance or range is made only when asked for (explain, diagnostics, tests). The value column is the only
 * copy of the values: the data store reads it through `slots` (which cell each observation fills, filled by
 * the readers' merger) and keeps no values of its own.
 */
export class ObservationTable implements ObservationList {
  private readonly chunks: Chunk[] = [];
  readonly slots: CellSlots;
  private count = 0;
  private rows = new Int32Array(ROW * 1024);
  private rowTotal = 0;
  /** The row record found last (cells are mostly read in order, so the next lookup is at it or after it). */
  private lastRow = 0;
  /** Units and fields by the index the columns hold; the index of each by its object. */
  readonly units: DataUnit[] = [];
  readonly fields: DataField[] = [];
  private readonly unitIndex = new Map<DataUnit, number>();
  private readonly fieldIndex = new Map<DataField, number>();
  readonly sources: CellSource[] = [];

  /** `units`: how many units the slots are made wide enough for at once. */
  constructor(units = 64) {
    this.slots = new CellSlots(units);
  }

  /** The value column in chunks of 65,536 (NaN for n/a): value i is chunk i >>> 16, entry i & 0xffff. */
  valueChunks(): Float64Array[] {
    return this.chunks.map((c) => c.value);
  }

  get length(): number {
    return this.count;
  }

  /** How many row records there are (runs of cells of one unit, period, file and row). */
  get rowCount(): number {
    return this.rowTotal;
  }

  /** The index of a unit (or field) object, given one at its first sight. */
  unitOf(unit: DataUnit): number {
    return indexOf(this.unitIndex, this.units, unit);
  }

  fieldOf(field: DataField): number {
    return indexOf(this.fieldIndex, this.fields, field);
  }

  addSource(source: CellSource): number {
    return this.sources.push(source) - 1;
  }

  /** Appends one observation; returns its index. `value` is NaN for n/a. */
  add(
    unit: number,
    field: number,
    period: number,
    value: number,
    source: number,
    row: number,
    column: number,
    length: number,
  ): number {
    const index = this.count++;
    const at = index & MASK;
    const chunk = this.chunks[index >>> CHUNK_BITS] ?? this.newChunk();
    if ((field | column | length) >>> 0 > NARROW_MAX && !chunk.wide) chunk.widen();
    chunk.field[at] = field;
    chunk.value[at] = value;
    chunk.column[at] = column;
    chunk.length[at] = length;
    this.rowFor(index, unit, period, source, row);
    return index;
  }

  /**
   * Appends the cells `run.kept[0 .. count - 1]` of a run (cell-run.ts), all of one unit, period and row of a
   * text file, whose line starts at offset `lineStart`; the first gets index `length` (as read before).
   */
  addRun(
    unit: number,
    period: number,
    source: number,
    row: number,
    lineStart: number,
    run: CellRun,
    count: number,
  ): void {
    if (count === 0) return;
    this.rowFor(this.count, unit, period, source, row);
    const { kept, field, values, starts, ends } = run;
    for (let j = 0; j < count; j++) {
      const i = kept[j] as number;
      const index = this.count++;
      const at = index & MASK;
      const chunk = this.chunks[index >>> CHUNK_BITS] ?? this.newChunk();
      const start = starts[i] as number;
      const f = field[i] as number;
      const column = start - lineStart + 1;
      const length = (ends[i] as number) - start;
      if ((f | column | length) >>> 0 > NARROW_MAX && !chunk.wide) chunk.widen();
      chunk.field[at] = f;
      chunk.value[at] = values[i] as number;
      chunk.column[at] = column;
      chunk.length[at] = length;
    }
  }

  private newChunk(): Chunk {
    const chunk = new Chunk();
    this.chunks.push(chunk);
    return chunk;
  }

  /** Starts a row record at cell `index` unless the last one has the same unit, period, source and row. */
  private rowFor(index: number, unit: number, period: number, source: number, row: number): void {
    const r = (this.rowTotal - 1) * ROW;
    const rows = this.rows;
    if (
      r < 0 ||
      rows[r + UNIT] !== unit ||
      rows[r + PERIOD] !== period ||
      rows[r + SOURCE] !== source ||
      rows[r + LINE] !== row
    ) {
      this.addRow(index, unit, period, source, row);
    }
  }

  private addRow(start: number, unit: number, period: number, source: number, row: number): void {
    let at = this.rowTotal * ROW;
    if (at + ROW > this.rows.length) {
      const rows = new Int32Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    const rows = this.rows;
    rows[at++] = start;
    rows[at++] = unit;
    rows[at++] = period;
    rows[at++] = source;
    rows[at] = row;
    this.rowTotal++;
  }

  /** The index of the first cell of row record `r`; rowStart(rowCount) is the length. */
  rowStart(r: number): number {
    return r >= this.rowTotal ? this.count : (this.rows[r * ROW + START] as number);
  }

  rowUnit(r: number): number {
    return this.rows[r * ROW + UNIT] as number;
  }

  /** The period code of row record `r` (see store.ts, periodCode). */
  rowPeriod(r: number): number {
    return this.rows[r * ROW + PERIOD] as number;
  }

  rowSource(r: number): CellSource {
    return this.sources[this.rows[r * ROW + SOURCE] as number] as CellSource;
  }

  /** The row record that holds the cell: the one found last or the next (reading in order), else a search. */
  private rowOf(index: number): number {
    let r = this.lastRow;
    if (r < this.rowTotal && this.rowStart(r) <= index) {
      if (index < this.rowStart(r + 1)) return r;
      if (index < this.rowStart(r + 2)) {
        this.lastRow = r + 1;
        return r + 1;
      }
    }
    let low = 0;
    let high = this.rowTotal - 1;
    while (low < high) {
      r = (low + high + 1) >>> 1;
      if (this.rowStart(r) <= index) low = r;
      else high = r - 1;
    }
    this.lastRow = low;
    return low;
  }

  private rowValue(index: number, what: number): number {
    return this.rows[this.rowOf(index) * ROW + what] as number;
  }

  private chunk(index: number): Chunk {
    return this.chunks[index >>> CHUNK_BITS] as Chunk;
  }

  unit(index: number): number {
    return this.rowValue(index, UNIT);
  }

  field(index: number): number {
    return this.chunk(index).field[index & MASK] as number;
  }

  /** The period code (see store.ts, periodCode). */
  period(index: number): number {
    return this.rowValue(index, PERIOD);
  }

  /** The value as the readers give it: a finite number or "n/a". */
  value(index: number): number | "n/a" {
    const v = this.chunk(index).value[index & MASK] as number;
    // biome-ignore lint/suspicious/noSelfCompare: NaN marks n/a
    return v === v ? v : "n/a";
  }

  sourceOf(index: number): CellSource {
    return this.sources[this.rowValue(index, SOURCE)] as CellSource;
  }

  provenance(index: number): Provenance {
    const source = this.sourceOf(index);
    return {
      file: source.file,
      row: this.rowValue(index, LINE),
      column: this.chunk(index).column[index & MASK] as number,
      ...("sheet" in source ? { sheet: source.sheet } : {}),
    };
  }

  observation(index: number): Observation | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return {
      unit: this.units[this.unit(index)]?.id ?? "",
      field: this.fields[this.field(index)]?.id ?? "",
      period: formatPeriodCode(this.period(index)),
      value: this.value(index),
      source: this.provenance(index),
    };
  }

  /** The cell's range in its file, as the reader reported it. */
  range(index: number): Range {
    const chunk = this.chunk(index);
    const at = index & MASK;
    const row = this.rowValue(index, LINE);
    const column = chunk.column[at] as number;
    const source = this.sourceOf(index);
    if ("sheet" in source) {
      const offset = source.sheetIndex * SHEET_SPAN + (row - 1) * 2 ** 14 + (column - 1);
      return { start: { offset, line: row, column }, end: { offset: offset + 1, line: row, column: column + 1 } };
    }
    const offset = (source.lineStarts[row - 1] ?? 0) + column - 1;
    const end = positionIn(source.lineStarts, source.textLength, offset + (chunk.length[at] as number));
    return { start: { offset, line: row, column }, end };
  }

  /** The distinct periods, in time order. */
  periods(): string[] {
    const codes = new Set<number>();
    for (let r = 0; r < this.rowTotal; r++) codes.add(this.rowPeriod(r));
    return [...codes].sort((a, b) => a - b).map(formatPeriodCode);
  }

  /** Every observation as an object, in order (for tests and small data; the rating reads the columns). */
  toArray(): Observation[] {
    const out: Observation[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.observation(i) as Observation);
    return out;
  }
}

function indexOf<T>(index: Map<T, number>, items: T[], item: T): number {
  let i = index.get(item);
  if (i === undefined) {
    i = items.push(item) - 1;
    index.set(item, i);
  }
  return i;
}
