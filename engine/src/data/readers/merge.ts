import { decimalEqual } from "../../util/decimal-compare.js";
import { DataCode } from "../codes.js";
import type { Observation } from "../observation.js";
import { formatPeriod, lastMonth, monthsIn, monthsOf, type Period } from "../period.js";
import type { CellAt } from "./cell.js";
import type { DataField } from "./model.js";
import type { FileProblems } from "./problems.js";

interface Kept {
  readonly observation: Observation;
  readonly period: Period;
  readonly at: CellAt;
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
  private readonly kept = new Map<string, Kept>();

  /** Adds the observation unless it repeats or contradicts one already kept; returns whether it was added. */
  add(observation: Observation, period: Period, field: DataField, at: CellAt, problems: FileProblems): boolean {
    const own = field.cumulative ? endMonth(period) : period;
    const key = cellKey(observation.unit, field.id, own);
    const earlier = this.kept.get(key);
    if (earlier) {
      this.reportRepeat(observation, earlier, at, problems);
      return false;
    }
    if (!field.cumulative) {
      const overlap = this.overlapping(observation.unit, field.id, period);
      if (overlap) {
        problems.report(
          DataCode.D127,
          at,
          `${field.id} of ${observation.unit} is given for ${observation.period} and also for ${overlap.observation.period}, which ${monthsIn(overlap.period.kind) > monthsIn(period.kind) ? "contains" : "is part of"} it`,
          {
            suggestion: "give either the value of the whole period or the values of its parts, not both",
            related: [related(`the value for ${overlap.observation.period}`, overlap)],
          },
        );
        return false;
      }
    }
    this.kept.set(key, { observation, period, at });
    this.observations.push(observation);
    return true;
  }

  private reportRepeat(observation: Observation, earlier: Kept, at: CellAt, problems: FileProblems): void {
    const a = observation.value;
    const b = earlier.observation.value;
    const same = a === b || (typeof a === "number" && typeof b === "number" && decimalEqual(a, b));
    const what = `${observation.field} of ${observation.unit} for ${observation.period}`;
    const otherPeriod =
      earlier.observation.period === observation.period
        ? "given before"
        : `given as the running total for ${earlier.observation.period}`;
    if (same) {
      problems.report(DataCode.D141, at, `${what} is ${String(a)}, the same value ${otherPeriod}`, {
        suggestion: "delete one of the two cells",
        related: [related("the same value given before", earlier)],
      });
      return;
    }
    problems.report(DataCode.D140, at, `${what} is ${String(a)} here but ${String(b)} ${otherPeriod}`, {
      suggestion: "keep one of the two values: correct or delete the other cell",
      related: [related(`the other value (${String(b)})`, earlier)],
    });
  }

  /** A value kept for a period that contains `period` or lies inside it (same unit and field). */
  private overlapping(unit: string, field: string, period: Period): Kept | undefined {
    const candidates: Period[] = [];
    if (period.kind !== "year") candidates.push({ kind: "year", year: period.year, index: 1 });
    if (period.kind === "month")
      candidates.push({ kind: "quarter", year: period.year, index: Math.ceil(period.index / 3) });
    if (period.kind === "year") {
      for (let q = 1; q <= 4; q++) candidates.push({ kind: "quarter", year: period.year, index: q });
    }
    if (period.kind !== "month") candidates.push(...monthsOf(period));
    for (const p of candidates) {
      const kept = this.kept.get(cellKey(unit, field, p));
      if (kept) return kept;
    }
    return undefined;
  }
}

function endMonth(p: Period): Period {
  return { kind: "month", year: p.year, index: lastMonth(p) };
}

function cellKey(unit: string, field: string, period: Period): string {
  return `${unit}\u0000${field}\u0000${formatPeriod(period)}`;
}

function related(message: string, kept: Kept) {
  return { message, file: kept.observation.source.file, range: kept.at.range };
}
