import { formatPeriod, lastMonth, type Period, previousPeriod } from "../data/period.js";
import { type DataStore, periodCode } from "../data/store.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { ratingBlocks } from "../methodology/effective-weights.js";
import { type CoveragePolicy, DEFAULT_COVERAGE, type Frequency, type Rating } from "../model/ruleset.js";
import { rangeOfLength } from "../source/range.js";
import { didYouMean } from "../util/did-you-mean.js";
import { ScoringCode } from "./codes.js";
import { meetsCoverage, missingList, notRatedReason, percent, unitCoverage } from "./coverage.js";
import { Evaluator, NUMBER } from "./evaluator.js";
import { lazyProperty } from "./lazy-property.js";
import type { PreparedRuleset } from "./prepare.js";
import { gradeOf, rankUnits, ratingGradeOf } from "./ranking.js";
import type { Coverage, NotRatedUnit, RatingResult, UnitResult } from "./result.js";
import { evaluateRound, type IndicatorRound } from "./round.js";
import { RatingTotals } from "./totals.js";

export type { IndicatorOutcome, IndicatorRound } from "./round.js";

export interface RateRequest {
  /** The rating's id (ruleset.yaml `ratings`). */
  readonly rating: string;
  /** A period of the rating's frequency. */
  readonly period: Period;
  /** Rate only these units (ids or aliases); default: every unit of the ruleset's unit kinds. */
  readonly units?: readonly string[];
  /**
   * The previous period's result, for rank changes: given, "auto" (rate the previous period with the same
   * ruleset when it has data; the default), or "none".
   */
  readonly previous?: RatingResult | "auto" | "none";
  /** Reuse an evaluator across periods of a batch (values of earlier periods are then computed once). */
  readonly evaluator?: Evaluator;
  /** The data read, in words ("data.csv (2026-01 .. 2026-09)"), for the errors of a period without data. */
  readonly sources?: string;
  /**
   * Every value missing for lack of data is left out (as `exclude`) whatever the policies say: `diff` compares
   * two versions only on what has data.
   */
  readonly excludeNoData?: boolean;
  /**
   * Apply `policies.coverage` (default true): units below it are not rated, and a period without data is an
   * error. Rule tests turn it off: their few rows test arithmetic, and coverage is still reported.
   */
  readonly applyCoverage?: boolean;
}

/** A rating of one period: the result, and what explain needs to show how it was reached. */
export interface RatingRun {
  readonly result?: RatingResult;
  readonly diagnostics: readonly Diagnostic[];
  readonly rating?: Rating;
  readonly period: Period;
  readonly evaluator?: Evaluator;
  readonly rounds: readonly IndicatorRound[];
}

const FREQUENCY_RANK: Readonly<Record<Frequency, number>> = { month: 0, quarter: 1, year: 2 };

/**
 * The period an indicator is evaluated in when the rating is of period `p`: `p` itself, unless the
 * indicator's frequency is coarser than the rating's; then the latest complete period of the indicator's
 * frequency ending by the end of `p` (a quarterly indicator in the monthly rating of May: Q1; of June: Q2;
 * a yearly indicator in a quarterly rating of 2026-Q3: 2025).
 */
export function evaluationPeriod(frequency: Frequency, p: Period): Period {
  if (FREQUENCY_RANK[frequency] <= FREQUENCY_RANK[p.kind]) return p;
  const end = lastMonth(p);
  if (frequency === "year")
    return end === 12 ? { kind: "year", year: p.year, index: 1 } : { kind: "year", year: p.year - 1, index: 1 };
  const quarter = Math.floor(end / 3);
  return quarter === 0
    ? { kind: "quarter", year: p.year - 1, index: 4 }
    : { kind: "quarter", year: p.year, index: quarter };
}

function problem(
  code: string,
  message: string,
  suggestion?: string,
  at?: { file: string; range: Diagnostic["range"] },
): Diagnostic {
  return {
    code,
    severity: "error",
    message,
    ...(at ? { file: at.file, range: at.range } : { range: rangeOfLength(0) }),
    ...(suggestion ? { suggestion } : {}),
  };
}

/** Rates one period: indicator values, scores, blocks, totals, ranks and grades. */
export function rate(prepared: PreparedRuleset, store: DataStore, request: RateRequest): RatingRun {
  const { ruleset } = prepared;
  const rating = ruleset.ratings.find((r) => r.id === request.rating);
  const empty = { period: request.period, rounds: [] };
  if (!rating) {
    const ids = ruleset.ratings.map((r) => r.id);
    // Said at the ruleset's list of ratings (or its ruleset.yaml), never at no file.
    const at = ruleset.ratings[0]?.at ?? ruleset.at;
    const message =
      ids.length === 0
        ? "the ruleset declares no ratings, so there is nothing to rate"
        : request.rating === ""
          ? `no rating was asked for (the ruleset has: ${ids.join(", ")})`
          : `the ruleset has no rating '${request.rating}' (it has: ${ids.join(", ")})`;
    const suggestion =
      ids.length === 0 ? "add a rating under `ratings` in ruleset.yaml" : didYouMean(request.rating, ids);
    return { ...empty, diagnostics: [problem(ScoringCode.S202, message, suggestion, at)] };
  }
  if (request.period.kind !== rating.frequency) {
    return {
      ...empty,
      rating,
      diagnostics: [
        problem(
          ScoringCode.S203,
          `the ${rating.id} rating is rated by ${rating.frequency}, but the period ${formatPeriod(request.period)} is a ${request.period.kind}`,
          rating.frequency === "month"
            ? "give a month such as 2026-03"
            : rating.frequency === "quarter"
              ? "give a quarter such as 2026-Q1"
              : "give a year such as 2026",
          rating.at,
        ),
      ],
    };
  }
  const units = selectUnits(prepared, request.units);
  if ("diagnostics" in units) return { ...empty, rating, diagnostics: units.diagnostics };
  const evaluator = request.evaluator ?? new Evaluator(prepared, store, units.indices);
  // The loader expands `blocks: all` to every block id but the helpers; helper blocks are computed in every
  // rating (formulas and rule tests read them) and carry no weight in it.
  const counted = ratingBlocks(ruleset, rating).filter((b) => !b.helper);
  const blocks = [...counted, ...ruleset.blocks.filter((b) => b.helper)];
  const diagnostics: Diagnostic[] = [];
  const rounds = prepared.indicators
    .filter((p) => blocks.includes(p.block))
    .map((p) =>
      evaluateRound(
        evaluator,
        p,
        periodCode(evaluationPeriod(p.indicator.frequency, request.period)),
        diagnostics,
        request.excludeNoData === true,
      ),
    );
  const blockRounds = blocks.map((b) => rounds.filter((r) => r.prepared.block === b));
  const coverages = new Map(
    units.indices.map((u) => [u, unitCoverage(counted, blockRounds.slice(0, counted.length), u)]),
  );
  // A period without data is one error, not one S201 per unit and indicator.
  const policy = ruleset.coverage ?? DEFAULT_COVERAGE;
  const applyCoverage = request.applyCoverage !== false;
  const lacking = applyCoverage ? coverageProblem(ruleset, policy, request, units.indices, coverages) : undefined;
  if (lacking) return { ...empty, rating, evaluator, rounds, diagnostics: [lacking] };
  if (diagnostics.length > 0) return { ...empty, rating, evaluator, rounds, diagnostics };
  const ratedIndices = applyCoverage
    ? units.indices.filter((u) => meetsCoverage(coverages.get(u) as Coverage, policy))
    : units.indices;
  const rated = new Set(ratedIndices);
  const notRated: NotRatedUnit[] = units.indices
    .filter((u) => !rated.has(u))
    .map((u) => {
      const coverage = coverages.get(u) as Coverage;
      return { unit: evaluator.unitName(u), coverage, reason: notRatedReason(coverage, policy) };
    })
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  const totals = new RatingTotals(evaluator, blocks, blockRounds);
  const unitResults = totals.all(ratedIndices, diagnostics);
  const ranked = rankUnits(
    unitResults.map((r) => ({ unit: r.unit, total: r.score })),
    ruleset.rank,
    rating.order,
  );
  const gradeFor = gradeDecider(ruleset, rating, rounds);
  const placeOf = new Map(unitResults.map((r, i) => [r.unit, i]));
  const previous = previousResult(prepared, store, request, evaluator);
  const previousRanks = new Map(previous?.results.map((r) => [r.unit, r.rank]));
  const results: UnitResult[] = ranked.map(({ unit, rank, key }) => {
    const place = placeOf.get(unit) ?? -1;
    const r = unitResults[place];
    if (!r) throw new Error(`unit ${unit} lost in ranking`);
    const previousRank = previousRanks.get(unit);
    const result: UnitResult = {
      unit,
      score: r.score,
      rankedScore: key,
      rank,
      ...(previousRank !== undefined ? { previousRank, rankChange: previousRank - rank } : {}),
      grade: gradeFor(key, ratedIndices[place] ?? -1),
      coverage: coverages.get(ratedIndices[place] ?? -1) as Coverage,
      blocks: r.blocks,
      ...(r.groups ? { groups: r.groups } : {}),
      indicators: {},
    };
    return withLazyIndicators(result, totals, ratedIndices[place] ?? -1);
  });
  const zeroed = results.reduce((sum, r) => sum + r.coverage.zeroed, 0);
  const result: RatingResult = {
    ruleset: { id: ruleset.id, version: ruleset.version, hash: ruleset.hash },
    rating: rating.id,
    period: formatPeriod(request.period),
    results,
    notRated,
    coverage: { ...policy, zeroed },
  };
  return { result, diagnostics, rating, period: request.period, evaluator, rounds };
}

/**
 * How a unit's grade is decided: the ruleset's grades on the ranking key, or the rating's own grades
 * (Rating.grades, in the order written) on the key or on the value of the indicator `grades_on` names.
 */
export function gradeDecider(
  ruleset: PreparedRuleset["ruleset"],
  rating: Rating,
  rounds: readonly IndicatorRound[],
): (key: number, unit: number) => string {
  const own = rating.grades;
  if (!own) return (key) => gradeOf(key, ruleset.grades);
  if (rating.gradesOn === undefined) return (key) => ratingGradeOf(key, own);
  const round = rounds.find((r) => r.prepared.indicator.id === rating.gradesOn);
  return (_key, unit) => {
    const value = round && round.values.state[unit] === NUMBER ? round.values.numbers[unit] : undefined;
    return ratingGradeOf(value, own);
  };
}

/**
 * The unit's indicator records, built at their first read: a ranking, or a batch that keeps only ranks, never
 * builds them. A function of its own so that the closure holds only `totals` and the unit, not rate's scope
 * (which holds the request and so the previous period's result: a batch would keep every period alive).
 */
function withLazyIndicators(result: UnitResult, totals: RatingTotals, unit: number): UnitResult {
  return lazyProperty(result, "indicators", () => totals.indicators(unit));
}

/**
 * S207 when no unit rated has data for the period, S208 when none has enough to be rated: each names the
 * fields missing (most often missing first) and the data read.
 */
function coverageProblem(
  ruleset: PreparedRuleset["ruleset"],
  policy: CoveragePolicy,
  request: RateRequest,
  units: readonly number[],
  coverages: ReadonlyMap<number, Coverage>,
): Diagnostic | undefined {
  const all = units.map((u) => coverages.get(u) as Coverage).filter((c) => c.expected > 0);
  if (all.length === 0) return undefined;
  const period = formatPeriod(request.period);
  const read = request.sources ? `; the data read: ${request.sources}` : "";
  const fields = missingByCount(all);
  if (all.every((c) => c.withData === 0))
    return problem(
      ScoringCode.S207,
      `no data for ${period}: none of the ${all.length} units has a value of the fields the rating needs (${missingList(fields)})${read}`,
      "give the data files of the period with --data, or rate a period the data covers (`tarazy data check` lists them)",
    );
  if (units.some((u) => meetsCoverage(coverages.get(u) as Coverage, policy))) return undefined;
  const best = Math.max(...all.map((c) => c.weight));
  return problem(
    ScoringCode.S208,
    `no unit has enough data to be rated in ${period}: the best covers ${percent(best)} of the weight, the minimum (policies.coverage) is ${percent(policy.minWeightShare)}${policy.minIndicatorShare > 0 ? ` of the weight and ${percent(policy.minIndicatorShare)} of the indicators` : ""}; missing: ${missingList(fields)}${read}`,
    "give the missing data files, or lower policies.coverage in ruleset.yaml if the methodology allows it",
    ruleset.at,
  );
}

/** The missing fields of all units, the most often missing first (then by name). */
function missingByCount(coverages: readonly Coverage[]): string[] {
  const counts = new Map<string, number>();
  for (const c of coverages) for (const f of c.missingFields) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([f]) => f);
}

function selectUnits(
  prepared: PreparedRuleset,
  ids: readonly string[] | undefined,
): { indices: number[] } | { diagnostics: Diagnostic[] } {
  const { units, unitKinds } = prepared.ruleset;
  if (!ids) {
    const indices = units.flatMap((u, i) => (unitKinds.length === 0 || unitKinds.includes(u.kind) ? [i] : []));
    return { indices };
  }
  const diagnostics: Diagnostic[] = [];
  const indices: number[] = [];
  for (const id of ids) {
    const i = units.findIndex((u) => u.id === id || u.aliases.includes(id));
    if (i < 0) {
      diagnostics.push(
        problem(
          ScoringCode.S204,
          `unknown unit '${id}': the ruleset's units are listed here`,
          didYouMean(
            id,
            units.map((u) => u.id),
          ),
          units[0]?.at ?? prepared.ruleset.at,
        ),
      );
    } else if (!indices.includes(i)) indices.push(i);
  }
  return diagnostics.length > 0 ? { diagnostics } : { indices: indices.sort((a, b) => a - b) };
}

/** The previous period's result of the same rating, for rank changes (see RateRequest.previous). */
function previousResult(
  prepared: PreparedRuleset,
  store: DataStore,
  request: RateRequest,
  evaluator: Evaluator,
): RatingResult | undefined {
  const previous = request.previous ?? "auto";
  if (previous === "none") return undefined;
  if (previous !== "auto") return previous;
  const period = previousPeriod(request.period);
  if (!store.hasDataIn(periodCode(period))) return undefined;
  const run = rate(prepared, store, { ...request, period, previous: "none", evaluator });
  return hasScores(run) ? run.result : undefined;
}

/** A run where nothing could be scored (no data for the period) is not a rating to compare ranks with. */
export function hasScores(run: RatingRun): boolean {
  return run.rounds.some((r) => r.status.includes(1));
}
