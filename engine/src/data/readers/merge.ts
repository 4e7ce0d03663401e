import type { SourceText } from "../../source/range.js";
import { decimalEqual } from "../../util/decimal-compare.js";
import type { CellRun } from "../cell-run.js";
import { QUARTER_SLOT, SLOTS, YEAR_SLOT } from "../cell-slots.js";
import { DataCode } from "../codes.js";
import type { Observation } from "../observation.js";
import { ObservationTable } from "../observation-table.js";
import { firstMonth, formatPeriod, lastMonth, monthsIn, type Period } from "../period.js";
import { formatPeriodCode, periodCode } from "../store.js";
import type { CellAt } from "./cell.js";
import type { DataField, DataUnit } from "./model.js";
import type { FileProblems } from "./problems.js";

/** Excel sheet offsets start at sheet index x 2^34 (xlsx-reader.ts). */
const SHEET_SPAN = 2 ** 34;

function slotOf(kind: Period["kind"], month: number): number {
  return kind === "month" ? month - 1 : kind === "quarter" ? QUARTER_SLOT + (month - 1) / 3 : YEAR_SLOT;
}

/**
 * Gathers the observations of all files into an ObservationTable and refuses to let one overwrite another:
 * two different values for the same unit, field and period are an error pointing at both cells; the same
 * value twice is a warning. Values are compared at 15 significant digits (util/decimal-compare), so
 * "1 234,5" and "1234.50" are the same value.
 *
 * For a cumulative field a quarter's or year's value is the running total at its last month (as the data
 * store reads it), so 2026-Q1 and 2026-03 are one cell. For other fields a period given both whole and in
 * parts (2026-Q1 and 2026-02) is an error: two sources for one figure.
 *
 * What is kept is found through the table's cell slots (cell-slots.ts: by field, year and unit, the index of
 * the observation kept there, plus one), so a national data set makes no object or string key per cell; the
 * data store reads the same slots.
 */
export class ObservationMerger {
  readonly table: ObservationTable;
  /** The record being read (see record). */
  private unit: DataUnit | undefined;
  private unitIndex = -1;
  private period: Period = { kind: "month", year: 0, index: 1 };
  private code = 0;
  /** The record's slot for a cumulative field (its last month) and for others (its own); see value. */
  private lastSlot = 0;
  private ownSlot = 0;
  /** For a month: the slot of its quarter, which must not hold a value too (else -1: see overlapping). */
  private quarterSlot = -1;
  private year = 0;
  /** By field index: 1 for a cumulative field, 0 for another (read once, not from the field per cell). */
  private readonly cumulative: number[] = [];
  /** The source of the file being read (text files register theirs), and of Excel sheets by file and sheet. */
  private readonly textSources = new Map<string, number>();
  private readonly sheetSources = new Map<string, number>();

  /**
   * `model`: the units and fields the data is read for, registered in the table in the model's order so that
   * the table's indexes are the model's (and the data store can read the table's slots as they are).
   */
  constructor(model?: { readonly units: readonly DataUnit[]; readonly fields: readonly DataField[] }) {
    this.table = new ObservationTable(model?.units.length ?? 64);
    for (const unit of model?.units ?? []) this.table.unitOf(unit);
    for (const field of model?.fields ?? []) this.table.fieldOf(field);
  }

  /** Every observation as an object (tests and small data; the rating reads the table). */
  get observations(): Observation[] {
    return this.table.toArray();
  }

  /** Registers a text file, so that its cells' ranges can be rebuilt from line, column and length. */
  useText(file: string, source: SourceText): void {
    this.textSources.set(
      file,
      this.table.addSource({ file, lineStarts: source.lineStarts, textLength: source.length }),
    );
  }

  /** Adds the value unless it repeats or contradicts one already kept; returns whether it was added. */
  add(
    unit: DataUnit,
    field: DataField,
    period: Period,
    value: number | "n/a",
    at: CellAt,
    problems: FileProblems,
    file: string,
  ): boolean {
    this.record(unit, period);
    const length = at.length ?? at.range.end.offset - at.range.start.offset;
    const source = this.sourceOf(file, at);
    return this.value(field, this.table.fieldOf(field), value, source, at.row, at.column, length, at, problems);
  }

  /** The unit and period of the values that follow (one record). */
  record(unit: DataUnit, period: Period): void {
    if (unit !== this.unit) {
      this.unit = unit;
      this.unitIndex = this.table.unitOf(unit);
    }
    if (period === this.period) return;
    this.period = period;
    this.code = periodCode(period);
    this.lastSlot = lastMonth(period) - 1;
    this.ownSlot = slotOf(period.kind, firstMonth(period));
    this.year = period.year;
    this.quarterSlot = period.kind === "month" ? slotOf("quarter", period.index - ((period.index - 1) % 3)) : -1;
  }

  /**
   * Adds a value of field `field` (index `f` in the table) for the record's unit and period, found at `row`,
   * `column` (`length` characters) of `source`; `at` is only read to report a repeat. Returns whether it was added.
   */
  value(
    field: DataField,
    f: number,
    value: number | "n/a",
    source: number,
    row: number,
    column: number,
    length: number,
    at: CellAt,
    problems: FileProblems,
  ): boolean {
    const table = this.table;
    const u = this.unitIndex;
    const block = table.slots.block(f, this.year, u);
    const base = u * SLOTS;
    let cumulative = this.cumulative[f];
    if (cumulative === undefined) {
      cumulative = field.cumulative ? 1 : 0;
      this.cumulative[f] = cumulative;
    }
    const own = base + (cumulative === 1 ? this.lastSlot : this.ownSlot);
    if (block[own] !== 0) {
      reportRepeat(table, this.unit as DataUnit, field, this.period, value, (block[own] as number) - 1, at, problems);
      return false;
    }
    // A month of a field that is not cumulative: its year's and quarter's slots must be empty (the common
    // case, checked here without a call); other periods look at every slot they overlap.
    const quarter = this.quarterSlot;
    if (
      cumulative === 0 &&
      (quarter < 0 || block[base + YEAR_SLOT] !== 0 || block[base + quarter] !== 0) &&
      this.overlaps(field, block, base, at, problems)
    ) {
      return false;
    }
    const index = table.add(u, f, this.code, value === "n/a" ? Number.NaN : value, source, row, column, length);
    block[own] = index + 1;
    return true;
  }

  /**
   * Adds the cells of a run (cell-run.ts) for the record's unit and period, as `value` adds each, found on
   * `row` of text source `source`, whose line starts at offset `lineStart`; `at` is placed on a cell only to
   * report it. The slots take each kept cell's index before the table does (its cells are appended in order).
   */
  run(run: CellRun, source: number, row: number, lineStart: number, at: RunCursor, problems: FileProblems): void {
    const table = this.table;
    const u = this.unitIndex;
    const base = u * SLOTS;
    const quarter = this.quarterSlot;
    const { field, kept } = run;
    let first = table.length;
    let count = 0;
    for (let i = 0; i < run.count; i++) {
      const f = field[i] as number;
      const block = table.slots.block(f, this.year, u);
      let cumulative = this.cumulative[f];
      if (cumulative === undefined) {
        cumulative = (run.fields[i] as DataField).cumulative ? 1 : 0;
        this.cumulative[f] = cumulative;
      }
      const own = base + (cumulative === 1 ? this.lastSlot : this.ownSlot);
      const earlier = block[own] as number;
      if (
        earlier !== 0 ||
        (cumulative === 0 && (quarter < 0 || block[base + YEAR_SLOT] !== 0 || block[base + quarter] !== 0))
      ) {
        // Rare: the cells kept so far go into the table first, so that a report can point at any of them.
        table.addRun(u, this.code, source, row, lineStart, run, count);
        first = table.length;
        count = 0;
        if (this.refused(run, i, block, base, earlier, at, problems)) continue;
      }
      block[own] = first + count + 1;
      kept[count++] = i;
    }
    table.addRun(u, this.code, source, row, lineStart, run, count);
  }

  /** Reports cell `i` of a run when it repeats a value kept (`earlier`: its slot entry) or overlaps one. */
  private refused(
    run: CellRun,
    i: number,
    block: Int32Array,
    base: number,
    earlier: number,
    at: RunCursor,
    problems: FileProblems,
  ): boolean {
    const field = run.fields[i] as DataField;
    const cell = at.at(run.starts[i] as number, run.ends[i] as number);
    if (earlier !== 0) {
      reportRepeat(
        this.table,
        this.unit as DataUnit,
        field,
        this.period,
        run.values[i] as number,
        earlier - 1,
        cell,
        problems,
      );
      return true;
    }
    return this.overlaps(field, block, base, cell, problems);
  }

  /** Reports a value of the record's period that another value's period contains or lies inside (D127). */
  private overlaps(field: DataField, block: Int32Array, base: number, at: CellAt, problems: FileProblems): boolean {
    const { table, period } = this;
    const overlap = overlapping(block, base, period);
    if (overlap < 0) return false;
    const overlapPeriod = formatPeriodCode(table.period(overlap));
    const longer = monthsIn(PERIOD_KINDS[table.period(overlap) % 3] ?? "month") > monthsIn(period.kind);
    problems.report(
      DataCode.D127,
      at,
      `${field.id} of ${this.unit?.id} is given for ${formatPeriod(period)} and also for ${overlapPeriod}, which ${longer ? "contains" : "is part of"} it`,
      {
        suggestion: "give either the value of the whole period or the values of its parts, not both",
        related: [related(table, `the value for ${overlapPeriod}`, overlap)],
      },
    );
    return true;
  }

  /** The source index of a text file (registered by useText). */
  textSource(file: string): number {
    return this.sourceOf(file, NO_SHEET);
  }

  private sourceOf(file: string, at: CellAt): number {
    if (at.sheet === undefined) {
      const text = this.textSources.get(file);
      if (text !== undefined) return text;
      // A reader that registered no text: ranges are rebuilt as if the file were one line.
      this.textSources.set(file, this.table.addSource({ file, lineStarts: [0], textLength: Number.MAX_SAFE_INTEGER }));
      return this.textSources.get(file) as number;
    }
    const key = `${file}\u0000${at.sheet}`;
    let source = this.sheetSources.get(key);
    if (source === undefined) {
      const sheetIndex = Math.floor(at.range.start.offset / SHEET_SPAN);
      source = this.table.addSource({ file, sheet: at.sheet, sheetIndex });
      this.sheetSources.set(key, source);
    }
    return source;
  }
}

/** A reader's CellAt that can be placed on a cell of the row being read. */
export interface RunCursor {
  at(start: number, end: number): CellAt;
}

const PERIOD_KINDS = ["month", "quarter", "year"] as const;
const NO_SHEET: CellAt = {
  range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
  row: 1,
  column: 1,
};

function reportRepeat(
  table: ObservationTable,
  unit: DataUnit,
  field: DataField,
  period: Period,
  a: number | "n/a",
  earlier: number,
  at: CellAt,
  problems: FileProblems,
): void {
  const b = table.value(earlier);
  const same = a === b || (typeof a === "number" && typeof b === "number" && decimalEqual(a, b));
  const periodId = formatPeriod(period);
  const earlierPeriod = formatPeriodCode(table.period(earlier));
  const what = `${field.id} of ${unit.id} for ${periodId}`;
  const before = earlierPeriod === periodId ? "given before" : `given as the running total for ${earlierPeriod}`;
  if (same) {
    problems.report(DataCode.D141, at, `${what} is ${String(a)}, the same value ${before}`, {
      suggestion: "delete one of the two cells",
      related: [related(table, "the same value given before", earlier)],
      // A file that repeats another (an example, a corrected copy) is one finding, not thousands.
      repeatKey: `${table.sourceOf(earlier).file}\u0000${earlierPeriod === periodId}`,
    });
    return;
  }
  problems.report(DataCode.D140, at, `${what} is ${String(a)} here but ${String(b)} ${before}`, {
    suggestion: "keep one of the two values: correct or delete the other cell",
    related: [related(table, `the other value (${String(b)})`, earlier)],
  });
}

/**
 * The observation kept for a period that contains `period` or lies inside it, or -1: the year, then the
 * quarter holding a month; for a year its quarters; for a quarter or year its months.
 */
function overlapping(block: Int32Array, base: number, period: Period): number {
  const first = firstMonth(period);
  const find = (slot: number) => (block[base + slot] as number) - 1;
  if (period.kind !== "year") {
    const found = find(YEAR_SLOT);
    if (found >= 0) return found;
    if (period.kind === "month") {
      const quarter = find(slotOf("quarter", first - ((first - 1) % 3)));
      if (quarter >= 0) return quarter;
    }
  }
  if (period.kind === "year") {
    for (let q = 0; q < 4; q++) {
      const found = find(QUARTER_SLOT + q);
      if (found >= 0) return found;
    }
  }
  if (period.kind !== "month") {
    for (let m = first; m <= lastMonth(period); m++) {
      const found = find(m - 1);
      if (found >= 0) return found;
    }
  }
  return -1;
}

function related(table: ObservationTable, message: string, index: number) {
  return { message, file: table.sourceOf(index).file, range: table.range(index) };
}
