import type { Observation } from "../data/observation.js";
import { comparePeriods, formatPeriod, type Period, parsePeriod, periodRange } from "../data/period.js";
import type { DataStore } from "../data/store.js";
import { DEFAULT_COVERAGE, type Frequency, type Ruleset } from "../model/ruleset.js";
import { ScoringCode } from "./codes.js";
import { rate } from "./engine.js";
import type { PreparedRuleset } from "./prepare.js";
import type { Coverage } from "./result.js";

/**
 * What `tarazy data check` says of coverage: for each rating of the version and each period it would rate
 * (from `effective.from` to `effective.to`, or to the end of the last year with data), every unit's
 * coverage, which units would not be rated, and the periods with no data at all.
 */
export interface PeriodCoverage {
  readonly rating: string;
  readonly period: string;
  /** "rated", "no-data" (S207) or "too-little-data" (S208: no unit meets policies.coverage). */
  readonly status: "rated" | "no-data" | "too-little-data";
  /** By unit id, in unit order; empty when the period has no data. */
  readonly units: readonly { readonly unit: string; readonly coverage: Coverage; readonly rated: boolean }[];
}

export interface CoverageReport {
  readonly minWeightShare: number;
  readonly periods: readonly PeriodCoverage[];
}

export function coverageByPeriod(
  prepared: PreparedRuleset,
  store: DataStore,
  /** The data's periods (observations will do; one per distinct period is enough). */
  observations: readonly Pick<Observation, "period">[],
): CoverageReport {
  const { ruleset } = prepared;
  const periods: PeriodCoverage[] = [];
  for (const rating of ruleset.ratings) {
    for (const period of ratedPeriods(ruleset, rating.frequency, observations)) {
      const run = rate(prepared, store, { rating: rating.id, period, previous: "none" });
      const name = formatPeriod(period);
      const codes = run.diagnostics.map((d) => d.code);
      if (!run.result) {
        const status = codes.includes(ScoringCode.S207) ? "no-data" : "too-little-data";
        // S208: every unit is below the minimum; their coverage comes from a rating that ignores it.
        const units =
          status === "no-data"
            ? []
            : unitsOf(
                rate(prepared, store, { rating: rating.id, period, previous: "none", applyCoverage: false }).result,
                false,
              );
        periods.push({ rating: rating.id, period: name, status, units });
        continue;
      }
      periods.push({ rating: rating.id, period: name, status: "rated", units: unitsOf(run.result, true) });
    }
  }
  return { minWeightShare: (ruleset.coverage ?? DEFAULT_COVERAGE).minWeightShare, periods };
}

function unitsOf(result: ReturnType<typeof rate>["result"], ratedMeansRanked: boolean): PeriodCoverage["units"] {
  if (!result) return [];
  const rated = result.results.map((u) => ({ unit: u.unit, coverage: u.coverage, rated: ratedMeansRanked }));
  const not = result.notRated.map((u) => ({ unit: u.unit, coverage: u.coverage, rated: false }));
  return [...rated, ...not].sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}

/** The periods of one frequency the version would rate: its effective months, ended at the last data year. */
function ratedPeriods(
  ruleset: Ruleset,
  frequency: Frequency,
  observations: readonly Pick<Observation, "period">[],
): Period[] {
  let last: Period | undefined;
  for (const o of observations) {
    const p = parsePeriod(o.period);
    if (p && (!last || comparePeriods(p, last) > 0)) last = p;
  }
  const from = parsePeriod(ruleset.effective.from);
  const endMonth = ruleset.effective.to ?? (last ? `${last.year}-12` : undefined);
  const to = endMonth ? parsePeriod(endMonth) : undefined;
  if (!from || !to) return [];
  const start = containing(frequency, from);
  const end = containing(frequency, to);
  return comparePeriods(start, end) <= 0 ? periodRange(start, end) : [];
}

/** The period of a frequency that holds a month. */
function containing(frequency: Frequency, month: Period): Period {
  const m = month.index;
  if (frequency === "year") return { kind: "year", year: month.year, index: 1 };
  if (frequency === "quarter") return { kind: "quarter", year: month.year, index: Math.ceil(m / 3) };
  return month;
}
