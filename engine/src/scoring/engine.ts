import { formatPeriod, lastMonth, type Period, previousPeriod } from "../data/period.js";
import { type DataStore, formatPeriodCode, periodCode } from "../data/store.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { describeMissing, isMissing, type Value } from "../formula/value.js";
import { ratingBlocks } from "../methodology/effective-weights.js";
import type { Block, Frequency, MissingPolicy, Rating } from "../model/ruleset.js";
import { rangeOfLength } from "../source/range.js";
import { didYouMean } from "../util/did-you-mean.js";
import { aggregateBlock, type CountedIndicator } from "./aggregate.js";
import { ScoringCode } from "./codes.js";
import { Evaluator } from "./evaluator.js";
import * as methods from "./methods.js";
import type { PreparedIndicator, PreparedRuleset } from "./prepare.js";
import { gradeOf, rankingKey, rankUnits } from "./ranking.js";
import type { BlockResult, IndicatorResult, IndicatorStatus, RatingResult, UnitResult } from "./result.js";

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
}

/** One indicator for one unit in the rated period, before weights. */
export interface IndicatorOutcome {
  readonly value: Value;
  /** The achievement plan's value, when the method has one. */
  readonly plan?: Value;
  readonly status: IndicatorStatus;
  readonly score: number | null;
  readonly policy?: MissingPolicy;
  readonly reason?: string;
}

/** One indicator of the rating in the rated period: the period it is evaluated in and every unit's outcome. */
export interface IndicatorRound {
  readonly prepared: PreparedIndicator;
  /** The period code the indicator is evaluated in (its own, coarser, period when its frequency is coarser). */
  readonly period: number;
  readonly outcomes: ReadonlyMap<number, IndicatorOutcome>;
  /** The statistics of the rated units' values, for the cross-unit methods (minmax, zscore, rank). */
  readonly stats?: methods.PeerStats;
  /** The best value among the rated units (by the indicator's direction), for comparison in explain. */
  readonly best?: { readonly unit: number; readonly value: number | boolean };
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
    return {
      ...empty,
      diagnostics: [
        problem(
          ScoringCode.S202,
          `the ruleset has no rating '${request.rating}' (it has: ${ids.join(", ")})`,
          didYouMean(request.rating, ids),
        ),
      ],
    };
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
  // The loader expands `blocks: all` to every block id.
  const blocks = ratingBlocks(ruleset, rating);
  const diagnostics: Diagnostic[] = [];
  const rounds = prepared.indicators
    .filter((p) => blocks.includes(p.block))
    .map((p) => evaluateIndicator(evaluator, p, request.period, diagnostics));
  if (diagnostics.length > 0) return { ...empty, rating, evaluator, rounds, diagnostics };

  const unitResults = units.indices.map((u) => unitResult(evaluator, blocks, rounds, u, diagnostics));
  const ranked = rankUnits(
    unitResults.map((r) => ({ unit: r.unit, total: r.score })),
    ruleset.rank,
  );
  const byId = new Map(unitResults.map((r) => [r.unit, r]));
  const previous = previousResult(prepared, store, request, evaluator);
  const previousRanks = new Map(previous?.results.map((r) => [r.unit, r.rank]));
  const results: UnitResult[] = ranked.map(({ unit, rank }) => {
    const r = byId.get(unit);
    if (!r) throw new Error(`unit ${unit} lost in ranking`);
    const previousRank = previousRanks.get(unit);
    return {
      unit,
      score: r.score,
      rank,
      ...(previousRank !== undefined ? { previousRank, rankChange: previousRank - rank } : {}),
      grade: gradeOf(rankingKey(r.score, ruleset.rank), ruleset.grades),
      blocks: r.blocks,
      indicators: r.indicators,
    };
  });
  const result: RatingResult = {
    ruleset: { id: ruleset.id, version: ruleset.version, hash: ruleset.hash },
    rating: rating.id,
    period: formatPeriod(request.period),
    results,
  };
  return { result, diagnostics, rating, period: request.period, evaluator, rounds };
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
          `unknown unit '${id}'`,
          didYouMean(
            id,
            units.map((u) => u.id),
          ),
        ),
      );
    } else if (!indices.includes(i)) indices.push(i);
  }
  return diagnostics.length > 0 ? { diagnostics } : { indices: indices.sort((a, b) => a - b) };
}

function policyOf(p: PreparedIndicator, prepared: Evaluator): MissingPolicy {
  return p.indicator.missing ?? p.block.missing ?? prepared.prepared.ruleset.missing;
}

/** Values and scores of one indicator for every rated unit in the rated period. */
function evaluateIndicator(
  evaluator: Evaluator,
  p: PreparedIndicator,
  ratedPeriod: Period,
  diagnostics: Diagnostic[],
): IndicatorRound {
  const period = periodCode(evaluationPeriod(p.indicator.frequency, ratedPeriod));
  const { indicator } = p;
  const values = new Map<number, Value>();
  for (const u of evaluator.peers(p.index)) values.set(u, evaluator.indicatorValue(p.index, u, period));
  const numbers = [...values.values()].filter((v): v is number => typeof v === "number");
  const method = indicator.score.method;
  const stats =
    method === "minmax" || method === "zscore" || method === "rank" ? methods.peerStats(numbers) : undefined;
  const outcomes = new Map<number, IndicatorOutcome>();
  let best: { unit: number; value: number | boolean } | undefined;
  for (const u of evaluator.ratedUnits) {
    const notApplicable = evaluator.whyNotApplicable(p.index, u);
    const value = values.get(u) ?? evaluator.indicatorValue(p.index, u, period);
    if (notApplicable !== undefined) {
      outcomes.set(u, { value, status: "not-applicable", score: null, reason: notApplicable });
      continue;
    }
    const plan = p.plan ? evaluator.run(p.index, p.plan, u, period) : undefined;
    const scored = scoreValue(evaluator, p, value, plan, stats, u, period);
    const outcome = applyPolicy(evaluator, p, value, plan, scored, u, period, diagnostics);
    outcomes.set(u, outcome);
    if (typeof value !== "object" && typeof value !== "string" && isBetter(value, best?.value, indicator.better)) {
      best = { unit: u, value };
    }
  }
  return { prepared: p, period, outcomes, ...(stats ? { stats } : {}), ...(best ? { best } : {}) };
}

function isBetter(value: number | boolean, than: number | boolean | undefined, better: "higher" | "lower"): boolean {
  if (than === undefined) return true;
  const a = Number(value);
  const b = Number(than);
  return better === "higher" ? a > b : a < b;
}

/** The score of a present value, or why there is none (a Missing value or plan, or the method's reason). */
function scoreValue(
  evaluator: Evaluator,
  p: PreparedIndicator,
  value: Value,
  plan: Value | undefined,
  stats: methods.PeerStats | undefined,
  unit: number,
  period: number,
): methods.ScoreOutcome | Value {
  if (isMissing(value)) return value;
  const { indicator } = p;
  const method = indicator.score;
  const better = indicator.better;
  if (method.method === "yesno") return methods.yesno(value, better);
  if (method.method === "formula") {
    if (!p.score) return { unscored: "the score formula cannot be evaluated" };
    const result = evaluator.run(p.index, p.score, unit, period);
    return isMissing(result) ? result : methods.formulaScore(result);
  }
  if (typeof value !== "number")
    return { unscored: `${method.method} needs a number, the formula gives ${String(value)}` };
  switch (method.method) {
    case "achievement":
      if (plan === undefined || isMissing(plan)) return plan ?? { unscored: "the plan cannot be evaluated" };
      if (typeof plan !== "number") return { unscored: `the plan must be a number, it is ${String(plan)}` };
      return methods.achievement(value, plan, method.cap, better);
    case "goalposts":
      return methods.goalposts(value, method.min, method.max, method.transform, better);
    case "minmax":
      return stats ? methods.minmax(value, stats, better) : { unscored: "no peers" };
    case "zscore":
      return stats ? methods.zscore(value, stats, method.clip, better) : { unscored: "no peers" };
    case "rank":
      return stats ? methods.rank(value, stats, better) : { unscored: "no peers" };
    case "bands":
      return methods.bands(value, method.bands, better);
  }
}

/** A score, or the missing-data policy applied to the reason there is none. */
function applyPolicy(
  evaluator: Evaluator,
  p: PreparedIndicator,
  value: Value,
  plan: Value | undefined,
  scored: methods.ScoreOutcome | Value,
  unit: number,
  period: number,
  diagnostics: Diagnostic[],
): IndicatorOutcome {
  const withPlan = plan !== undefined ? { plan } : {};
  if (typeof scored === "number") {
    if (!Number.isFinite(scored))
      throw new Error(`the score of ${p.indicator.id} is not finite (value ${String(value)})`);
    return { value, ...withPlan, status: "scored", score: scored };
  }
  let reason: string;
  if (typeof scored === "object" && "missing" in scored) {
    reason = describeMissing(scored.reason);
    if (scored.reason.kind === "not-applicable") {
      return { value, ...withPlan, status: "not-applicable", score: null, reason };
    }
  } else if (typeof scored === "object" && "unscored" in scored) reason = scored.unscored;
  else reason = `cannot score ${String(scored)}`;
  const policy = policyOf(p, evaluator);
  if (policy === "zero") return { value, ...withPlan, status: "missing-zero", score: 0, policy, reason };
  if (policy === "fail") {
    const unitId = evaluator.unitName(unit);
    const periodName = formatPeriodCode(period);
    diagnostics.push({
      code: ScoringCode.S201,
      severity: "error",
      message: `${p.indicator.id} has no value for ${unitId} in ${periodName} (${reason}), and the missing-data policy is fail`,
      file: p.indicator.at.file,
      range: p.indicator.at.range,
      suggestion:
        "supply the data, or set `missing: zero` or `missing: exclude` on the indicator, its block or the ruleset",
    });
  }
  return { value, ...withPlan, status: "missing-excluded", score: null, policy, reason };
}

interface UnitTotals {
  readonly unit: string;
  readonly score: number;
  readonly blocks: Record<string, BlockResult>;
  readonly indicators: Record<string, IndicatorResult>;
}

/**
 * A unit's blocks and total. Block weights are put on the ruleset's scale over the blocks that have
 * something to rate for the unit (a subset rating, or a block whose indicators are all excluded or not
 * applicable, is rescaled to the full scale); within a block, the counted indicators share its weight.
 */
function unitResult(
  evaluator: Evaluator,
  blocks: readonly Block[],
  rounds: readonly IndicatorRound[],
  unit: number,
  diagnostics: Diagnostic[],
): UnitTotals {
  const { ruleset } = evaluator.prepared;
  const counted = new Map<Block, { round: IndicatorRound; outcome: IndicatorOutcome }[]>();
  for (const b of blocks) counted.set(b, []);
  for (const round of rounds) {
    const outcome = round.outcomes.get(unit);
    if (outcome && outcome.score !== null) counted.get(round.prepared.block)?.push({ round, outcome });
  }
  const live = blocks.filter((b) => (counted.get(b)?.length ?? 0) > 0 && b.weight > 0);
  const liveWeight = live.reduce((s, b) => s + b.weight, 0);
  const blockResults: Record<string, BlockResult> = {};
  const effective = new Map<IndicatorRound, number>();
  let total = 0;
  for (const b of blocks) {
    const items = counted.get(b) ?? [];
    const weight = live.includes(b) && liveWeight > 0 ? (b.weight * ruleset.scale) / liveWeight : 0;
    const aggregate =
      weight > 0
        ? aggregateBlock(
            b.aggregation,
            items.map(
              (i): CountedIndicator => ({ score: i.outcome.score ?? 0, weight: i.round.prepared.indicator.weight }),
            ),
            weight,
          )
        : undefined;
    if (!aggregate) {
      blockResults[b.id] = {
        score: 0,
        weight: 0,
        reason: "every indicator of the block is excluded or not applicable",
      };
      continue;
    }
    items.forEach((item, k) => {
      effective.set(item.round, aggregate.effectiveWeights[k] ?? 0);
    });
    blockResults[b.id] = { score: aggregate.points, weight };
    total += aggregate.points;
  }
  const unitId = evaluator.unitName(unit);
  if (live.length === 0) {
    diagnostics.push({
      code: ScoringCode.S206,
      severity: "warning",
      message: `nothing to rate for ${unitId}: every indicator is excluded or not applicable, so its total is 0`,
      range: rangeOfLength(0),
    });
  }
  const indicators: Record<string, IndicatorResult> = {};
  for (const round of rounds) {
    const outcome = round.outcomes.get(unit);
    if (!outcome) continue;
    const weight = effective.get(round) ?? 0;
    const value = outcome.value;
    indicators[round.prepared.indicator.id] = {
      value: typeof value === "number" || typeof value === "boolean" ? value : null,
      score: outcome.score,
      weight,
      points: (outcome.score ?? 0) * weight,
      status: outcome.status,
      ...(outcome.policy ? { policy: outcome.policy } : {}),
      ...(outcome.reason ? { reason: outcome.reason } : {}),
    };
  }
  // Sums of doubles can pass the scale by an ulp; a total is never above the scale.
  return { unit: unitId, score: Math.max(0, Math.min(ruleset.scale, total)), blocks: blockResults, indicators };
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
  return run.rounds.some((r) => [...r.outcomes.values()].some((o) => o.status === "scored"));
}
