import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type Missing, missing } from "../formula/value.js";
import type { Field, Frequency, Unit } from "../model/ruleset.js";
import { ScoringCode } from "../scoring/codes.js";
import type { Range } from "../source/range.js";
import { didYouMean } from "../util/did-you-mean.js";
import { CellSlots, QUARTER_SLOT, SLOTS, slotOfCode, VALUE_CHUNK_BITS, YEAR_SLOT } from "./cell-slots.js";
import { listOf, type Observation, type ObservationList, type Provenance } from "./observation.js";
import { formatPeriod, type Period, type PeriodKind, parsePeriod, periodOrdinal } from "./period.js";

/**
 * The data store: measurement data in typed arrays indexed by field, unit and month, so that rating thousands
 * of units over years of data touches no object per cell. It answers "the value of field f for unit u in period
 * p" for months, quarters and years by the field's rules:
 *
 * - A value reported directly for the period is used as such.
 * - Otherwise a quarter or year is formed from the periods inside it (months of a quarter, quarters of a
 *   year) by the field's `aggregate`: `sum`, `mean`, or `last` (the last sub-period's value). It is formed only
 *   down to the field's own frequency: a quarterly field's quarter is never made up of months.
 * - Partial data is not summed: if any month of a quarter is missing, the quarter is missing and the reason
 *   names that month. A `last` field needs only its last month.
 * - n/a wins over missing: if any part is n/a the whole is not applicable (the indicator is excluded, not
 *   penalised).
 * - Cumulative fields hold running totals since January (as statistics are published). A period's value is
 *   its flow: running total at its end minus the running total just before it starts (nothing in January),
 *   so Q2 = cum(June) - cum(March) and Q1 = cum(March); months inside need not be reported. `mean` is that
 *   flow divided by the period's months; `last` is the running total at the end, as reported. A quarter or
 *   year value reported for a cumulative field is the running total at its last month.
 * - ytd(x) is the running total at the period's end: cum(end) for a cumulative field; for other fields the
 *   sum (or month-weighted mean) of January to the end, or the period's own value for `last`.
 *
 * Periods are passed as integer codes (see periodCode) so the scoring engine's EvalContext can use them
 * directly. Every cell remembers which observation filled it, for explain: the store holds no values of its
 * own, but the cell slots (cell-slots.ts) saying which value fills each cell, and reads the values where they
 * were put once (the ObservationTable's value column, or DataStoreBuilder's list).
 */

/** A field's value in a period: a finite number, or Missing with the reason (no data, or n/a). */
export type StoreValue = number | Missing;

export interface StoreModel {
  readonly units: readonly Pick<Unit, "id" | "aliases">[];
  readonly fields: readonly Pick<Field, "id" | "aggregate" | "cumulative" | "frequency">[];
}

const KIND_CODE: Readonly<Record<PeriodKind, number>> = { month: 0, quarter: 1, year: 2 };
const MONTH_STEP = 3;
const QUARTER_STEP = 9;

/**
 * A period as one integer: (year * 12 + first month - 1) * 3 + kind (0 month, 1 quarter, 2 year). Ordered by
 * first month, then shorter periods first, like comparePeriods.
 */
export function periodCode(p: Period): number {
  return periodOrdinal(p) * 3 + KIND_CODE[p.kind];
}

export function periodFromCode(code: number): Period {
  const kindCode = code % 3;
  const ordinal = (code - kindCode) / 3;
  const year = Math.floor(ordinal / 12);
  const month = (ordinal % 12) + 1;
  if (kindCode === 0) return { kind: "month", year, index: month };
  if (kindCode === 1) return { kind: "quarter", year, index: (month - 1) / 3 + 1 };
  return { kind: "year", year, index: 1 };
}

export function formatPeriodCode(code: number): string {
  return formatPeriod(periodFromCode(code));
}

const VALUE_MASK = (1 << VALUE_CHUNK_BITS) - 1;

/** Value i of values kept in chunks. */
function valueIn(values: readonly Float64Array[], i: number): number {
  return (values[i >>> VALUE_CHUNK_BITS] as Float64Array)[i & VALUE_MASK] as number;
}

/**
 * Where a store's values are: the slots, and the values their entries point at (entry k is value k - 1,
 * NaN for n/a); `observationOf` gives the observation of value k - 1 when it is not k - 1 itself.
 */
export interface StoreCells {
  readonly slots: CellSlots;
  readonly values: readonly Float64Array[];
  readonly observationOf?: readonly number[];
}

const FREQUENCY_RANK: Readonly<Record<Frequency, number>> = { month: 0, quarter: 1, year: 2 };

/** Called with the index of each observation a value was formed from (for explain's provenance). */
type Touch = (observation: number) => void;

/**
 * The values of one field in one formed period (a quarter or year, or a ytd) for every unit, formed at the
 * first read. A rating reads each such value several times (every indicator using the field, prev_year of
 * the next year, the plan of an achievement), and forming it means reading and checking several months.
 * A value that is not an ordinary number (Missing, or NaN) is NaN in `values` and kept in `others`.
 */
interface Column {
  readonly values: Float64Array;
  readonly others: Map<number, StoreValue>;
}

export class DataStore {
  /** The first year of data (January of it is the first month). */
  readonly firstYear: number;
  readonly years: number;
  private readonly months: number;
  private readonly firstOrdinal: number;
  private readonly unitCount: number;
  /** By field: formed columns by key (code * 2, plus 1 for a ytd); and the one read last, for a quick hit. */
  private readonly columns: Map<number, Column>[];
  private readonly lastKey: Float64Array;
  private readonly lastColumn: (Column | undefined)[];
  /** Where quickForm puts a piece of a ytd. */
  private readonly quick = new Float64Array(1);
  /** The slot blocks by field * years + year offset (undefined: no value of the field that year). */
  private readonly blocks: (Int32Array | undefined)[] = [];
  private readonly values: readonly Float64Array[];
  private readonly observationOf: readonly number[] | undefined;

  /** @internal built by DataStoreBuilder and buildDataStoreFromTable */
  constructor(
    readonly model: StoreModel,
    cells: StoreCells,
    private readonly monthHasData: Uint8Array,
    firstYear: number,
    years: number,
    private readonly observations: ObservationList,
  ) {
    this.firstYear = firstYear;
    this.years = years;
    this.months = years * 12;
    this.firstOrdinal = firstYear * 12;
    this.unitCount = model.units.length;
    this.columns = model.fields.map(() => new Map());
    this.lastKey = new Float64Array(model.fields.length).fill(-1);
    this.lastColumn = new Array(model.fields.length).fill(undefined);
    for (let f = 0; f < model.fields.length; f++) {
      for (let y = 0; y < years; y++) this.blocks.push(cells.slots.existing(f, firstYear + y));
    }
    this.values = cells.values;
    this.observationOf = cells.observationOf;
  }

  /** Value k - 1 (k from a slot, not 0): NaN for n/a. */
  private valueAt(k: number): number {
    return valueIn(this.values, k - 1);
  }

  /** The number in slot `at` of a block: NaN when the cell is empty or n/a. */
  private numberIn(block: Int32Array, at: number): number {
    const k = block[at] as number;
    return k === 0 ? Number.NaN : this.valueAt(k);
  }

  /** The slot entry of a cell: the value's index plus one, 0 when there is none. */
  private slotAt(field: number, unit: number, yearOffset: number, slot: number): number {
    const block = this.blocks[field * this.years + yearOffset];
    return block === undefined ? 0 : (block[unit * SLOTS + slot] as number);
  }

  /** The value of field `field` (index in model.fields) for unit `unit` (index in model.units) in a period. */
  value(field: number, unit: number, code: number, touch?: Touch): StoreValue {
    if (touch === undefined && code % 3 !== 0 && this.inColumns(field, unit, code)) {
      return this.fromColumn(field, unit, code * 2);
    }
    return this.formValue(field, unit, code, touch);
  }

  /** Year-to-date value at the end of the period (see the module comment). */
  ytd(field: number, unit: number, code: number, touch?: Touch): StoreValue {
    if (touch === undefined && this.inColumns(field, unit, code)) return this.fromColumn(field, unit, code * 2 + 1);
    return this.formYtd(field, unit, code, touch);
  }

  /** Whether a read can go through the columns: a known field and unit, and a period code of ours. */
  private inColumns(field: number, unit: number, code: number): boolean {
    return (
      field >= 0 && field < this.columns.length && unit >= 0 && unit < this.unitCount && code >= 0 && code % 1 === 0
    );
  }

  private fromColumn(field: number, unit: number, key: number): StoreValue {
    let column = this.lastColumn[field];
    if (column === undefined || this.lastKey[field] !== key) {
      column = this.column(field, key);
      this.lastColumn[field] = column;
      this.lastKey[field] = key;
    }
    const v = column.values[unit] as number;
    // biome-ignore lint/suspicious/noSelfCompare: NaN marks a value kept in `others`
    return v === v ? v : (column.others.get(unit) as StoreValue);
  }

  private column(field: number, key: number): Column {
    const byKey = this.columns[field] as Map<number, Column>;
    let column = byKey.get(key);
    if (!column) {
      const code = Math.floor(key / 2);
      const ytd = key % 2 === 1;
      const values = new Float64Array(this.unitCount);
      const others = new Map<number, StoreValue>();
      for (let u = 0; u < this.unitCount; u++) {
        if (this.quickForm(field, u, code, ytd, values, u)) continue;
        const v = ytd ? this.formYtd(field, u, code) : this.formValue(field, u, code);
        // biome-ignore lint/suspicious/noSelfCompare: NaN marks a value kept in `others`
        if (typeof v === "number" && v === v) values[u] = v;
        else {
          values[u] = Number.NaN;
          others.set(u, v);
        }
      }
      column = { values, others };
      byKey.set(key, column);
    }
    return column;
  }

  /**
   * The common case of forming a value without the general path's checks and calls: a quarter (or a
   * cumulative field's ytd at a quarter's end) from month cells that all hold numbers. Writes it to
   * `out[at]` (a returned double would be boxed on the heap) and returns true; false in any other case (a
   * cell absent or n/a, a quarter reported directly, another period), and the general path then forms the
   * value and says why it is missing. The same arithmetic in the same order, so the same bits.
   */
  private quickForm(field: number, unit: number, code: number, ytd: boolean, out: Float64Array, at: number): boolean {
    const f = this.model.fields[field];
    if (!f || code % 3 !== 1 || (ytd && !f.cumulative)) return false;
    const start = startOrdinalOf(code); // the quarter's first month
    const offset = start - this.firstOrdinal;
    if (offset < 0 || offset + 2 >= this.months) return false;
    const block = this.blocks[field * this.years + Math.floor(offset / 12)];
    if (block === undefined) return false;
    const base = unit * SLOTS;
    const end = base + (offset % 12) + 2; // the quarter's last month
    let value: number;
    // A NaN read (an empty or n/a cell) makes `value` NaN, and the general path takes over below.
    if (f.cumulative) {
      const atEnd = this.numberIn(block, end);
      if (ytd) value = f.aggregate === "mean" ? atEnd / (((start + 2) % 12) + 1) : atEnd;
      else if (f.aggregate === "last") value = atEnd;
      else {
        // The quarter before ends in the same year (the first quarter has nothing before it).
        const before = start % 12 !== 0 ? this.numberIn(block, end - 3) : 0;
        const flow = atEnd - before;
        value = f.aggregate === "mean" ? flow / 3 : flow;
      }
    } else {
      if (f.frequency !== "month" || block[base + QUARTER_SLOT + (offset % 12) / 3] !== 0) return false;
      if (f.aggregate === "last") value = this.numberIn(block, end);
      else {
        let total = 0;
        for (let m = end - 2; m <= end; m++) total += this.numberIn(block, m);
        value = f.aggregate === "mean" ? total / 3 : total;
      }
    }
    // biome-ignore lint/suspicious/noSelfCompare: a NaN (never from finite cells) is left to the general path
    if (value !== value) return false;
    out[at] = value;
    return true;
  }

  private formValue(field: number, unit: number, code: number, touch?: Touch): StoreValue {
    const f = this.model.fields[field];
    if (!f) throw new RangeError(`no field ${field}`);
    return f.cumulative ? this.flow(field, unit, code, touch) : this.plain(field, unit, code, touch);
  }

  private formYtd(field: number, unit: number, code: number, touch?: Touch): StoreValue {
    const f = this.model.fields[field];
    if (!f) throw new RangeError(`no field ${field}`);
    const endOrdinal = endOrdinalOf(code);
    const monthsSinceJanuary = (endOrdinal % 12) + 1;
    if (f.cumulative || f.aggregate === "last") {
      const end = f.cumulative
        ? this.runningTotal(field, unit, endOrdinal, touch)
        : this.plain(field, unit, code, touch);
      if (typeof end !== "number" || f.aggregate !== "mean") return end;
      return end / monthsSinceJanuary;
    }
    // Sum (or month-weighted mean) of the pieces from January to the end: whole quarters, then months.
    const mean = f.aggregate === "mean";
    let total = 0;
    let first: Missing | undefined;
    const quick = this.quick;
    const add = (piece: number) => {
      const v =
        touch === undefined && this.quickForm(field, unit, piece, false, quick, 0)
          ? (quick[0] as number)
          : this.plain(field, unit, piece, touch);
      if (typeof v === "number") total += mean ? v * monthsOfCode(piece) : v;
      else first = preferNotApplicable(first, v);
    };
    const kind = code % 3;
    if (kind !== 0 && kind !== 1) add(code);
    else {
      const yearStart = Math.floor(startOrdinalOf(code) / 12) * 12;
      const fullQuarters = Math.floor(monthsSinceJanuary / 3);
      for (let q = 0; q < fullQuarters; q++) add((yearStart + q * 3) * 3 + 1);
      for (let m = yearStart + fullQuarters * 3; m <= endOrdinal; m++) add(m * 3);
    }
    if (first) return first;
    return mean ? total / monthsSinceJanuary : total;
  }

  /** Where the value of a period (or its ytd) came from: the observations it was formed from, in data order. */
  sources(field: number, unit: number, code: number, ytd = false): Provenance[] {
    const used = new Set<number>();
    const touch: Touch = (i) => used.add(i);
    if (ytd) this.ytd(field, unit, code, touch);
    else this.value(field, unit, code, touch);
    return [...used]
      .sort((a, b) => a - b)
      .flatMap((i) => {
        const o = this.observations.observation(i);
        return o ? [o.source] : [];
      });
  }

  /** True when any field of any unit has a value in a month of the period. */
  hasDataIn(code: number): boolean {
    const start = startOrdinalOf(code) - this.firstOrdinal;
    const end = endOrdinalOf(code) - this.firstOrdinal;
    for (let m = Math.max(0, start); m <= Math.min(end, this.months - 1); m++) if (this.monthHasData[m]) return true;
    return false;
  }

  /** True when the period starts before the first month of data (time functions reaching it say so). */
  isBeforeData(code: number): boolean {
    return this.months === 0 || startOrdinalOf(code) < this.firstOrdinal;
  }

  fieldIndex(id: string): number {
    return this.model.fields.findIndex((f) => f.id === id);
  }

  unitIndex(id: string): number {
    return this.model.units.findIndex((u) => u.id === id);
  }

  /** A non-cumulative field: the direct value, else formed from the sub-periods down to the field's frequency. */
  private plain(field: number, unit: number, code: number, touch?: Touch): StoreValue {
    const kind = code % 3;
    const ordinal = (code - kind) / 3;
    const offset = ordinal - this.firstOrdinal;
    if (offset < 0 || offset >= this.months) return this.noData(field, unit, code);
    const year = Math.floor(offset / 12);
    const month = offset % 12;
    if (kind === 0) return this.cell(this.slotAt(field, unit, year, month), field, unit, code, touch);
    const f = this.model.fields[field];
    const finer = f !== undefined && FREQUENCY_RANK[f.frequency] < kind;
    if (kind === 1) {
      const direct = this.slotAt(field, unit, year, QUARTER_SLOT + month / 3);
      if (direct !== 0) return this.cell(direct, field, unit, code, touch);
      return finer ? this.combine(field, unit, ordinal * 3, MONTH_STEP, 3, touch) : this.noData(field, unit, code);
    }
    const direct = this.slotAt(field, unit, year, YEAR_SLOT);
    if (direct !== 0) return this.cell(direct, field, unit, code, touch);
    return finer ? this.combine(field, unit, ordinal * 3 + 1, QUARTER_STEP, 4, touch) : this.noData(field, unit, code);
  }

  /** Sum, mean or last of `count` consecutive sub-periods; any part missing makes the whole missing. */
  private combine(field: number, unit: number, first: number, step: number, count: number, touch?: Touch) {
    const aggregate = this.model.fields[field]?.aggregate;
    if (aggregate === "last") return this.plain(field, unit, first + step * (count - 1), touch);
    let total = 0;
    let gap: Missing | undefined;
    for (let i = 0; i < count; i++) {
      const v = this.plain(field, unit, first + step * i, touch);
      if (typeof v === "number") total += v;
      else gap = preferNotApplicable(gap, v);
    }
    if (gap) return gap;
    return aggregate === "mean" ? total / count : total;
  }

  /** A cumulative field: the flow of the period (or the running total at its end for `last`). */
  private flow(field: number, unit: number, code: number, touch?: Touch): StoreValue {
    const aggregate = this.model.fields[field]?.aggregate;
    const end = endOrdinalOf(code);
    const atEnd = this.runningTotal(field, unit, end, touch);
    if (aggregate === "last") return atEnd;
    const start = startOrdinalOf(code);
    const before = start % 12 === 0 ? 0 : this.runningTotal(field, unit, start - 1, touch);
    if (typeof atEnd !== "number" || typeof before !== "number") {
      return preferNotApplicable(typeof atEnd === "number" ? undefined : atEnd, before) as Missing;
    }
    const flow = atEnd - before;
    return aggregate === "mean" ? flow / (end - start + 1) : flow;
  }

  /** The running total of a cumulative field at the end of month `ordinal`. */
  private runningTotal(field: number, unit: number, ordinal: number, touch?: Touch): StoreValue {
    const offset = ordinal - this.firstOrdinal;
    const code = this.reportedPeriodOf(field, ordinal);
    if (offset < 0 || offset >= this.months) return this.noData(field, unit, code);
    return this.cell(this.slotAt(field, unit, Math.floor(offset / 12), offset % 12), field, unit, code, touch);
  }

  /** How a month reads in a reason: as the quarter or year a coarser field is reported for, when it ends one. */
  private reportedPeriodOf(field: number, ordinal: number): number {
    const frequency = this.model.fields[field]?.frequency;
    const month = ordinal % 12;
    if (frequency === "year" && month === 11) return (ordinal - 11) * 3 + 2;
    if (frequency === "quarter" && month % 3 === 2) return (ordinal - 2) * 3 + 1;
    return ordinal * 3;
  }

  /** The value of a cell whose slot entry is `k` (0: no value). */
  private cell(k: number, field: number, unit: number, code: number, touch?: Touch): StoreValue {
    if (k === 0) return this.noData(field, unit, code);
    if (touch) touch(this.observationOf ? (this.observationOf[k - 1] ?? -1) : k - 1);
    const value = this.valueAt(k);
    // biome-ignore lint/suspicious/noSelfCompare: NaN marks n/a
    if (value !== value) return missing({ kind: "not-applicable", ...this.names(field, unit, code) });
    return value;
  }

  private noData(field: number, unit: number, code: number): Missing {
    return missing({ kind: "no-data", ...this.names(field, unit, code) });
  }

  private names(field: number, unit: number, code: number) {
    return {
      name: this.model.fields[field]?.id ?? `#${field}`,
      unit: this.model.units[unit]?.id ?? `#${unit}`,
      period: formatPeriodCode(code),
    };
  }

  /** Number of units (for callers sizing arrays). */
  get units(): number {
    return this.unitCount;
  }
}

/** n/a wins over missing: an n/a part makes the whole not applicable. Otherwise the first missing part. */
function preferNotApplicable(current: Missing | undefined, next: StoreValue): Missing | undefined {
  if (typeof next === "number") return current;
  if (!current) return next;
  return current.reason.kind !== "not-applicable" && next.reason.kind === "not-applicable" ? next : current;
}

function startOrdinalOf(code: number): number {
  return (code - (code % 3)) / 3;
}

function monthsOfCode(code: number): number {
  const kind = code % 3;
  return kind === 0 ? 1 : kind === 1 ? 3 : 12;
}

function endOrdinalOf(code: number): number {
  return startOrdinalOf(code) + monthsOfCode(code) - 1;
}

/**
 * Fills a store cell by cell. `DataStore.fromObservations` uses it for data files; the benchmark uses it
 * directly to fill millions of cells without making an object per cell.
 */
export class DataStoreBuilder {
  private readonly slots: CellSlots;
  /** The values set, in chunks (see VALUE_CHUNK_BITS), and the observation of each. */
  private readonly values: Float64Array[] = [];
  private readonly observationOf: number[] = [];
  private readonly monthHasData: Uint8Array;
  private readonly months: number;
  private readonly years: number;
  readonly diagnostics: Diagnostic[] = [];
  /** Cells set twice with different values, reported by build (which knows the observations). */
  private readonly conflicts: { code: string; first: number; second: number }[] = [];

  constructor(
    private readonly model: StoreModel,
    private readonly firstYear: number,
    lastYear: number,
  ) {
    this.years = Math.max(0, lastYear - firstYear + 1);
    this.months = this.years * 12;
    this.slots = new CellSlots(model.units.length);
    this.monthHasData = new Uint8Array(this.months);
  }

  /**
   * Sets one cell. `observation` is the index of the observation in the array later given to `build` (for
   * provenance and for pointing at conflicting duplicates), or -1.
   */
  set(field: number, unit: number, period: Period, value: number | "n/a", observation = -1): void {
    this.setCode(field, unit, periodCode(period), value, observation);
  }

  /** Sets one cell of the period with this code (see periodCode). */
  setCode(field: number, unit: number, code: number, value: number | "n/a", observation = -1): void {
    const f = this.model.fields[field];
    const kind = code % 3;
    const offset = (code - kind) / 3 - this.firstYear * 12;
    if (!f || unit < 0 || unit >= this.model.units.length || offset < 0 || offset >= this.months) {
      throw new RangeError("cell outside the store");
    }
    const block = this.slots.block(field, this.firstYear + Math.floor(offset / 12), unit);
    const at = unit * SLOTS + slotOfCode(kind, offset % 12, f.cumulative);
    const number = value === "n/a" ? Number.NaN : value;
    const k = block[at] as number;
    if (k !== 0) {
      const kept = valueIn(this.values, k - 1);
      // biome-ignore lint/suspicious/noSelfCompare: NaN (n/a) is the same as NaN
      if (kept !== number && (kept === kept || number === number)) {
        // A cumulative field's quarter or year value is the running total at its last month.
        const conflictCode = kind !== 0 && f.cumulative ? ScoringCode.S102 : ScoringCode.S101;
        this.conflicts.push({ code: conflictCode, first: this.observationOf[k - 1] ?? -1, second: observation });
      }
      return;
    }
    block[at] = this.push(number, observation) + 1;
    const months = kind === 0 ? 1 : kind === 1 ? 3 : 12;
    for (let m = offset; m < offset + months; m++) this.monthHasData[m] = 1;
  }

  build(observations: readonly Observation[] | ObservationList = []): DataStore {
    const list = Array.isArray(observations) ? listOf(observations) : (observations as ObservationList);
    for (const c of this.conflicts) this.diagnostics.push(conflictDiagnostic(c, list));
    const cells = { slots: this.slots, values: this.values, observationOf: this.observationOf };
    return new DataStore(this.model, cells, this.monthHasData, this.firstYear, this.years, list);
  }

  /** Keeps a value and its observation; returns its index. */
  private push(value: number, observation: number): number {
    const i = this.observationOf.push(observation) - 1;
    if ((i & VALUE_MASK) === 0) this.values.push(new Float64Array(1 << VALUE_CHUNK_BITS));
    (this.values[i >>> VALUE_CHUNK_BITS] as Float64Array)[i & VALUE_MASK] = value;
    return i;
  }
}

/** Builds the store from observations; every row that cannot be placed is reported, never dropped silently. */
export function buildDataStore(
  model: StoreModel,
  observations: readonly Observation[],
): { store: DataStore; diagnostics: Diagnostic[] } {
  const unitIndex = new Map<string, number>();
  model.units.forEach((u, i) => {
    unitIndex.set(u.id, i);
    for (const alias of u.aliases) if (!unitIndex.has(alias)) unitIndex.set(alias, i);
  });
  const fieldIndex = new Map(model.fields.map((f, i) => [f.id, i]));
  const diagnostics: Diagnostic[] = [];
  const placed: { field: number; unit: number; period: Period; index: number }[] = [];
  let firstYear = Number.POSITIVE_INFINITY;
  let lastYear = Number.NEGATIVE_INFINITY;
  observations.forEach((o, index) => {
    const unit = unitIndex.get(o.unit);
    const field = fieldIndex.get(o.field);
    const period = parsePeriod(o.period);
    if (unit === undefined) {
      diagnostics.push(
        rowDiagnostic(ScoringCode.S103, o, `unknown unit '${o.unit}'`, didYouMean(o.unit, unitIndex.keys())),
      );
    } else if (field === undefined) {
      diagnostics.push(
        rowDiagnostic(ScoringCode.S104, o, `unknown field '${o.field}'`, didYouMean(o.field, fieldIndex.keys())),
      );
    } else if (!period) {
      diagnostics.push(
        rowDiagnostic(
          ScoringCode.S105,
          o,
          `'${o.period}' is not a month, quarter or year`,
          "write 2026-03, 2026-Q1 or 2026",
        ),
      );
    } else {
      placed.push({ field, unit, period, index });
      firstYear = Math.min(firstYear, period.year);
      lastYear = Math.max(lastYear, period.year);
    }
  });
  const builder =
    placed.length > 0 ? new DataStoreBuilder(model, firstYear, lastYear) : new DataStoreBuilder(model, 0, -1);
  // Months first, so a cumulative field's month value is kept as the source when a quarter repeats it.
  const order = { month: 0, quarter: 1, year: 2 };
  placed.sort((a, b) => order[a.period.kind] - order[b.period.kind] || a.index - b.index);
  for (const p of placed) {
    const o = observations[p.index];
    if (o) builder.set(p.field, p.unit, p.period, o.value, p.index);
  }
  const store = builder.build(observations);
  return { store, diagnostics: [...diagnostics, ...builder.diagnostics] };
}

function provenanceRange(source: Provenance): Range {
  const start = { offset: 0, line: Math.max(1, source.row), column: Math.max(1, source.column) };
  return { start, end: { ...start, column: start.column + 1 } };
}

function rowDiagnostic(code: string, o: Observation, message: string, suggestion?: string): Diagnostic {
  return {
    code,
    severity: "error",
    message,
    file: o.source.file,
    range: provenanceRange(o.source),
    ...(suggestion ? { suggestion } : {}),
  };
}

function conflictDiagnostic(
  c: { code: string; first: number; second: number },
  observations: ObservationList,
): Diagnostic {
  const first = observations.observation(c.first);
  const second = observations.observation(c.second) ?? first;
  const where = second?.source ?? { file: "<data>", row: 1, column: 1 };
  const what = second ? `${second.field} for ${second.unit} in ${second.period}` : "a value";
  const message =
    c.code === ScoringCode.S102
      ? `${what} = ${String(second?.value)} contradicts the running total ${String(first?.value)} reported for ${first?.period}`
      : `${what} is reported twice with different values: ${String(first?.value)} and ${String(second?.value)}`;
  return {
    code: c.code,
    severity: "error",
    message,
    file: where.file,
    range: provenanceRange(where),
    ...(first
      ? { related: [{ message: "the other value", file: first.source.file, range: provenanceRange(first.source) }] }
      : {}),
    suggestion: "keep one value: correct or delete the other cell",
  };
}
