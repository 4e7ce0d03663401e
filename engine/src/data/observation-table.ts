import { positionIn, type Range } from "../source/range.js";
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
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/** Narrow columns hold values up to this; a chunk given a larger one widens them (Chunk.widen). */
const NARROW_MAX = 0xffff;

/**
 * One chunk of every column. Unit, field, source, column and length are 16-bit while they fit (they do in
 * all but odd files: more than 65,535 units, fields or files, or lines that long), which saves 10 of the
 * 36 bytes a cell; memory touched the first time costs more than the writes themselves.
 */
class Chunk {
  unit: Uint16Array | Int32Array = new Uint16Array(CHUNK);
  field: Uint16Array | Int32Array = new Uint16Array(CHUNK);
  readonly period = new Int32Array(CHUNK);
  /** NaN for n/a (a read value is always finite). */
  readonly value = new Float64Array(CHUNK);
  source: Uint16Array | Int32Array = new Uint16Array(CHUNK);
  readonly row = new Int32Array(CHUNK);
  column: Uint16Array | Int32Array = new Uint16Array(CHUNK);
  /** End offset minus start offset of the cell in its text (1 in a sheet). */
  length: Uint16Array | Int32Array = new Uint16Array(CHUNK);
  wide = false;

  /** Makes the narrow columns 32-bit, keeping what they hold. */
  widen(): void {
    this.wide = true;
    this.unit = Int32Array.from(this.unit);
    this.field = Int32Array.from(this.field);
    this.source = Int32Array.from(this.source);
    this.column = Int32Array.from(this.column);
    this.length = Int32Array.from(this.length);
  }
}

/** Excel sheet offsets are an ordering key: sheet, then row, then column (as xlsx-reader.ts makes them). */
const SHEET_SPAN = 2 ** 34;

/**
 * The observations of the data files as columns: unit, field, period code, value and where the cell is (file,
 * row, column, length), all numbers in typed arrays, about 26 bytes a cell and no object per cell. A cell's
 * Observation, Provenance or range is made only when asked for (explain, diagnostics, tests).
 */
export class ObservationTable implements ObservationList {
  private readonly chunks: Chunk[] = [];
  private count = 0;
  /** Units and fields by the index the columns hold; the index of each by its object. */
  readonly units: DataUnit[] = [];
  readonly fields: DataField[] = [];
  private readonly unitIndex = new Map<DataUnit, number>();
  private readonly fieldIndex = new Map<DataField, number>();
  readonly sources: CellSource[] = [];

  get length(): number {
    return this.count;
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
    let chunk = this.chunks[index >>> CHUNK_BITS];
    if (!chunk) {
      chunk = new Chunk();
      this.chunks.push(chunk);
    }
    if ((unit | field | source | column | length) >>> 0 > NARROW_MAX && !chunk.wide) chunk.widen();
    chunk.unit[at] = unit;
    chunk.field[at] = field;
    chunk.period[at] = period;
    chunk.value[at] = value;
    chunk.source[at] = source;
    chunk.row[at] = row;
    chunk.column[at] = column;
    chunk.length[at] = length;
    return index;
  }

  private chunk(index: number): Chunk {
    return this.chunks[index >>> CHUNK_BITS] as Chunk;
  }

  unit(index: number): number {
    return this.chunk(index).unit[index & MASK] as number;
  }

  field(index: number): number {
    return this.chunk(index).field[index & MASK] as number;
  }

  /** The period code (see period-code.ts). */
  period(index: number): number {
    return this.chunk(index).period[index & MASK] as number;
  }

  /** The value as the readers give it: a finite number or "n/a". */
  value(index: number): number | "n/a" {
    const v = this.chunk(index).value[index & MASK] as number;
    // biome-ignore lint/suspicious/noSelfCompare: NaN marks n/a
    return v === v ? v : "n/a";
  }

  sourceOf(index: number): CellSource {
    return this.sources[this.chunk(index).source[index & MASK] as number] as CellSource;
  }

  provenance(index: number): Provenance {
    const chunk = this.chunk(index);
    const at = index & MASK;
    const source = this.sourceOf(index);
    return {
      file: source.file,
      row: chunk.row[at] as number,
      column: chunk.column[at] as number,
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
    const row = chunk.row[at] as number;
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
    for (let i = 0; i < this.count; i++) codes.add(this.period(i));
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
