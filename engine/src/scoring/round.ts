import { formatPeriodCode } from "../data/store.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { describeMissing, isMissing, type MissingReason, type Value } from "../formula/value.js";
import { groupPolicy } from "../model/groups.js";
import type { MissingPolicy } from "../model/ruleset.js";
import { ScoringCode } from "./codes.js";
import type { Evaluator, ValueMemo } from "./evaluator.js";
import * as methods from "./methods.js";
import type { PreparedIndicator } from "./prepare.js";
import type { IndicatorStatus } from "./result.js";

/**
 * One indicator of a rating in the rated period, for every rated unit: its scores and statuses in typed
 * arrays indexed by unit (a rating of thousands of units makes no object per unit here), the reasons and
 * policies of the few that are not scored, the peers' statistics and the best value. The values themselves
 * stay in the evaluator's memo.
 */
export interface IndicatorRound {
  readonly prepared: PreparedIndicator;
  /** The period code the indicator is evaluated in (its own, coarser, period when its frequency is coarser). */
  readonly period: number;
  /** By unit index: the status code (STATUS below; 0 for a unit not rated). */
  readonly status: Uint8Array;
  /** By unit index: the score, for the scored and missing-zero units. */
  readonly scores: Float64Array;
  /** The indicator's values in the period (the evaluator's memo). */
  readonly values: ValueMemo;
  /** Why a unit's value is missing or not applicable, and the policy that applied. */
  readonly reasons: ReadonlyMap<number, string>;
  readonly policies: ReadonlyMap<number, MissingPolicy>;
  /**
   * The units whose value is missing for lack of data (no value reported, a time function before the data,
   * no peer with a value), with what is missing: the field's id, or the reason in words. Coverage counts
   * these; a division by zero or an unscorable value is computed from data and is not among them.
   */
  readonly noData: ReadonlyMap<number, string>;
  /** The statistics of the rated units' values, for the cross-unit methods (minmax, zscore, rank). */
  readonly stats?: methods.PeerStats;
  /**
   * The unit with the best score among those scored (the first of them on a tie) and its value, for
   * comparison in explain. By score, not by value: with a plan or a peer method the largest value is often
   * not the best result (1000 of a 2000 plan scores below 500 of a 500 plan).
   */
  readonly best?: { readonly unit: number; readonly value: number | boolean; readonly score: number };
}

export const STATUS: readonly (IndicatorStatus | undefined)[] = [
  undefined,
  "scored",
  "missing-zero",
  "missing-excluded",
  "not-applicable",
];
export const SCORED = 1;
export const MISSING_ZERO = 2;
const MISSING_EXCLUDED = 3;
export const NOT_APPLICABLE = 4;

/** One unit's outcome, as plain data (for explain and rule tests). */
export interface IndicatorOutcome {
  readonly value: Value;
  /** The achievement plan's value, when the method has one. */
  readonly plan?: Value;
  readonly status: IndicatorStatus;
  readonly score: number | null;
  readonly policy?: MissingPolicy;
  readonly reason?: string;
}

/** The score of a unit (null when left out), or undefined for a unit not rated. */
export function scoreOf(round: IndicatorRound, unit: number): number | null | undefined {
  const s = round.status[unit];
  if (!s) return undefined;
  return s === SCORED || s === MISSING_ZERO ? (round.scores[unit] ?? 0) : null;
}

export function outcomeOf(evaluator: Evaluator, round: IndicatorRound, unit: number): IndicatorOutcome | undefined {
  const status = STATUS[round.status[unit] ?? 0];
  if (!status) return undefined;
  const p = round.prepared;
  const value = evaluator.indicatorValue(p.index, unit, round.period);
  const plan = p.plan && status !== "not-applicable" ? evaluator.run(p.index, p.plan, unit, round.period) : undefined;
  const policy = round.policies.get(unit);
  const reason = round.reasons.get(unit);
  return {
    value,
    ...(plan !== undefined ? { plan } : {}),
    status,
    score: scoreOf(round, unit) ?? null,
    ...(policy ? { policy } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** Values and scores of one indicator for every rated unit, in the period code given. */
export function evaluateRound(
  evaluator: Evaluator,
  p: PreparedIndicator,
  period: number,
  diagnostics: Diagnostic[],
  excludeNoData = false,
): IndicatorRound {
  const { indicator } = p;
  const method = indicator.score.method;
  let stats: methods.PeerStats | undefined;
  if (method === "minmax" || method === "zscore" || method === "rank") {
    const numbers: number[] = [];
    for (const u of evaluator.peers(p.index)) {
      const v = evaluator.indicatorValue(p.index, u, period);
      if (typeof v === "number") numbers.push(v);
    }
    stats = methods.peerStats(numbers);
  }
  const count = evaluator.prepared.ruleset.units.length;
  const round = {
    prepared: p,
    period,
    status: new Uint8Array(count),
    scores: new Float64Array(count),
    values: evaluator.memo(p.index, period),
    reasons: new Map<number, string>(),
    policies: new Map<number, MissingPolicy>(),
    noData: new Map<number, string>(),
  };
  const policy =
    indicator.missing ?? groupPolicy(p.block, indicator) ?? p.block.missing ?? evaluator.prepared.ruleset.missing;
  const planContext = p.plan ? evaluator.context(p.index, p.plan) : undefined;
  let bestUnit = -1;
  let bestValue: number | boolean = 0;
  let bestScore = 0;
  for (const u of evaluator.ratedUnits) {
    if (!evaluator.applies(p.index, u)) {
      round.status[u] = NOT_APPLICABLE;
      round.reasons.set(u, evaluator.whyNotApplicable(p.index, u) ?? "does not apply");
      continue;
    }
    const value = evaluator.indicatorValue(p.index, u, period);
    const plan = p.plan && planContext ? p.plan.compiled.run(planContext, u, period) : undefined;
    const scored = scoreValue(evaluator, p, value, plan, stats, u, period);
    if (typeof scored === "number") {
      if (!Number.isFinite(scored))
        throw new Error(`the score of ${indicator.id} is not finite (value ${String(value)})`);
      round.status[u] = SCORED;
      round.scores[u] = scored;
      if ((typeof value === "number" || typeof value === "boolean") && (bestUnit < 0 || scored > bestScore)) {
        bestUnit = u;
        bestValue = value;
        bestScore = scored;
      }
    } else {
      const gap = "missing" in scored;
      const notApplicable = gap && scored.reason.kind === "not-applicable";
      round.reasons.set(u, gap ? describeMissing(scored.reason) : scored.unscored);
      if (notApplicable) round.status[u] = NOT_APPLICABLE;
      else {
        const lack = gap ? lackOfData(scored.reason) : undefined;
        if (lack !== undefined) round.noData.set(u, lack);
        const applied = excludeNoData && lack !== undefined ? "exclude" : policy;
        round.policies.set(u, applied);
        round.status[u] = applied === "zero" ? MISSING_ZERO : MISSING_EXCLUDED;
        if (applied === "fail") diagnostics.push(failure(evaluator, p, u, period, round.reasons.get(u) ?? ""));
      }
    }
  }
  // One shape for every round (stats and best undefined when absent): the record builders read thousands of
  // units' fields from them, and a property read that sees one shape is the fastest.
  return {
    ...round,
    stats,
    best: bestUnit >= 0 ? { unit: bestUnit, value: bestValue, score: bestScore } : undefined,
  };
}

/** What is missing when a value is missing for lack of data; undefined for a computed gap. */
function lackOfData(reason: MissingReason): string | undefined {
  if (reason.kind === "no-data") return reason.name;
  if (reason.kind === "out-of-range" || reason.kind === "no-peers") return describeMissing(reason);
  return undefined;
}

export type Unscored = { readonly unscored: string };

/** The score of a present value, or why there is none (a Missing value or plan, or the method's reason). */
export function scoreValue(
  evaluator: Evaluator,
  p: PreparedIndicator,
  value: Value,
  plan: Value | undefined,
  stats: methods.PeerStats | undefined,
  unit: number,
  period: number,
): number | Unscored | Extract<Value, object> {
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
      if (plan === undefined) return { unscored: "the plan cannot be evaluated" };
      if (isMissing(plan)) return plan;
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

function failure(evaluator: Evaluator, p: PreparedIndicator, unit: number, period: number, reason: string): Diagnostic {
  return {
    code: ScoringCode.S201,
    severity: "error",
    message: `${p.indicator.id} has no value for ${evaluator.unitName(unit)} in ${formatPeriodCode(period)} (${reason}), and the missing-data policy is fail`,
    file: p.indicator.at.file,
    range: p.indicator.at.range,
    suggestion:
      "supply the data, or set `missing: zero` or `missing: exclude` on the indicator, its block or the ruleset",
  };
}
