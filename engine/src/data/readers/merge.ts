import { decimalEqual } from "../../util/decimal-compare.js";
import { DataCode } from "../codes.js";
import type { Observation } from "../observation.js";
import { firstMonth, lastMonth, monthsIn, type Period, type PeriodKind } from "../period.js";
import type { CellAt } from "./cell.js";
import type { DataField } from "./model.js";
import type { FileProblems } from "./problems.js";

interface Kept {
  readonly observation: Observation;
  readonly period: Period;
  readonly at: CellAt;
}

const KIND_CODE: Readonly<Record<PeriodKind, number>> = { month: 0, quarter: 1, year: 2 };

/** A period as one integer (first month's ordinal and kind), so that lookups allocate nothing. */
function code(year: number, month: number, kind: PeriodKind): number {
  return (year * 12 + month - 1) * 3 + KIND_CODE[kind];
}

/**
 * Gathers the observations of all files and refuses to let one overwrite another: two different values
 * for the same unit, field and period are an error pointing at both cells; the same value twice is a
 * warning. Values are compared at 15 significant digits (util/decimal-compare), so "1 234,5" and
 * "1234.50" are the same value.
 *
 * For a cumulative field a quarter's or year's value is the running total at its last month (as the data
 * store reads it), so 2026-Q1 and 2026-03 are one cell. For other fields a period given both whole and in
 * parts (2026-Q1 and 2026-02) is an error: two sources for one figure.
 */
export class ObservationMerger {
  readonly observations: Observation[] = [];
  /** Per unit and field, the kept values by period code. */
  private readonly kept = new Map<string, Map<number, Kept>>();

  /** Adds the observation unless it repeats or contradicts one already kept; returns whether it was added. */
  add(observation: Observation, period: Period, field: DataField, at: CellAt, problems: FileProblems): boolean {
    const series = this.series(observation.unit, field.id);
    const own = field.cumulative
      ? code(period.year, lastMonth(period), "month")
      : code(period.year, firstMonth(period), period.kind);
    const earlier = series.get(own);
    if (earlier) {
      reportRepeat(observation, earlier, at, problems);
      return false;
    }
    const overlap = field.cumulative ? undefined : overlapping(series, period);
    if (overlap) {
      const longer = monthsIn(overlap.period.kind) > monthsIn(period.kind);
      problems.report(
        DataCode.D127,
        at,
        `${field.id} of ${observation.unit} is given for ${observation.period} and also for ${overlap.observation.period}, which ${longer ? "contains" : "is part of"} it`,
        {
          suggestion: "give either the value of the whole period or the values of its parts, not both",
          related: [related(`the value for ${overlap.observation.period}`, overlap)],
        },
      );
      return false;
    }
    series.set(own, { observation, period, at });
    this.observations.push(observation);
    return true;
  }

  private series(unit: string, field: string): Map<number, Kept> {
    const key = `${unit}\u0000${field}`;
    let series = this.kept.get(key);
    if (!series) {
      series = new Map();
      this.kept.set(key, series);
    }
    return series;
  }
}

function reportRepeat(observation: Observation, earlier: Kept, at: CellAt, problems: FileProblems): void {
  const a = observation.value;
  const b = earlier.observation.value;
  const same = a === b || (typeof a === "number" && typeof b === "number" && decimalEqual(a, b));
  const what = `${observation.field} of ${observation.unit} for ${observation.period}`;
  const before =
    earlier.observation.period === observation.period
      ? "given before"
      : `given as the running total for ${earlier.observation.period}`;
  if (same) {
    problems.report(DataCode.D141, at, `${what} is ${String(a)}, the same value ${before}`, {
      suggestion: "delete one of the two cells",
      related: [related("the same value given before", earlier)],
      // A file that repeats another (an example, a corrected copy) is one finding, not thousands.
      repeatKey: `${earlier.observation.source.file}\u0000${earlier.observation.period === observation.period}`,
    });
    return;
  }
  problems.report(DataCode.D140, at, `${what} is ${String(a)} here but ${String(b)} ${before}`, {
    suggestion: "keep one of the two values: correct or delete the other cell",
    related: [related(`the other value (${String(b)})`, earlier)],
  });
}

/** A value kept for a period that contains `period` or lies inside it. */
function overlapping(series: ReadonlyMap<number, Kept>, period: Period): Kept | undefined {
  const { year } = period;
  const first = firstMonth(period);
  const find = (month: number, kind: PeriodKind) => series.get(code(year, month, kind));
  if (period.kind !== "year") {
    const found = find(1, "year") ?? (period.kind === "month" ? find(first - ((first - 1) % 3), "quarter") : undefined);
    if (found) return found;
  }
  if (period.kind === "year") {
    for (let q = 1; q <= 10; q += 3) {
      const found = find(q, "quarter");
      if (found) return found;
    }
  }
  if (period.kind !== "month") {
    for (let m = first; m <= lastMonth(period); m++) {
      const found = find(m, "month");
      if (found) return found;
    }
  }
  return undefined;
}

function related(message: string, kept: Kept) {
  return { message, file: kept.observation.source.file, range: kept.at.range };
}
