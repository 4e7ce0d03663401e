import type { Value } from "../formula/value.js";
import { computedBlocks } from "../methodology/effective-weights.js";
import { allGroups } from "../model/groups.js";
import type { RatingRun } from "../scoring/engine.js";
import { NUMBER } from "../scoring/evaluator.js";
import type { PreparedFormula, PreparedRuleset } from "../scoring/prepare.js";
import { SCORED, STATUS } from "../scoring/round.js";

/**
 * The series the audit works on, read from one rating run of the engine (nothing is scored twice): for each
 * indicator its scores and values by unit, for each block its normalised points, and the totals. NaN marks a
 * unit without a score: its value was missing (whatever the missing-data policy then gave it: a 0 under
 * `zero` is the policy's, not a measurement), or the indicator does not apply. Statistics then leave it out
 * pairwise and report the coverage.
 */
export interface AuditSeries {
  /** Unit ids, in the rating's order. */
  readonly units: readonly string[];
  readonly indicators: readonly IndicatorSeries[];
  readonly blocks: readonly BlockSeries[];
  /** Each group's score (0..1) by unit, NaN where it was left out; empty for a ruleset without groups. */
  readonly groups: readonly BlockSeries[];
  /** Totals by unit. */
  readonly total: readonly number[];
}

export interface IndicatorSeries {
  readonly id: string;
  readonly block: string;
  /** Units it applies to (scored or missing). */
  readonly applicable: number;
  /** Score in [0, 1] of each unit scored from its value; NaN otherwise. */
  readonly scores: readonly number[];
  /**
   * The numeric value of each scored unit, or for an achievement indicator its value / plan (the ratio the
   * score caps); NaN otherwise (and for yes/no values).
   */
  readonly values: readonly number[];
}

export interface BlockSeries {
  readonly id: string;
  /** Block points / block weight (in [0, 1]) of each unit; NaN when the block was left out of its total. */
  readonly scores: readonly number[];
}

export function auditSeries(prepared: PreparedRuleset, run: RatingRun): AuditSeries | undefined {
  const result = run.result;
  if (!result) return undefined;
  const unitIndex = new Map(prepared.ruleset.units.map((u, i) => [u.id, i]));
  const units = result.results.map((r) => r.unit);
  const places = units.map((id) => unitIndex.get(id) ?? -1);
  const indicators = run.rounds.map((round): IndicatorSeries => {
    const p = round.prepared;
    const evaluator = run.evaluator;
    // An achievement indicator enters the rating as value / plan: that ratio's shape is what matters.
    const plan =
      p.plan && evaluator
        ? (u: number) => evaluator.run(p.index, p.plan as PreparedFormula, u, round.period)
        : undefined;
    let applicable = 0;
    const scores: number[] = [];
    const values: number[] = [];
    for (const u of places) {
      const status = round.status[u] ?? 0;
      const kind = STATUS[status];
      if (kind && kind !== "not-applicable") applicable++;
      const scored = status === SCORED;
      scores.push(scored ? (round.scores[u] as number) : Number.NaN);
      const isNumber = round.values.state[u] === NUMBER;
      const value = scored && isNumber ? (round.values.numbers[u] as number) : Number.NaN;
      values.push(plan ? planRatio(value, plan(u)) : value);
    }
    return { id: round.prepared.indicator.id, block: round.prepared.block.id, applicable, scores, values };
  });
  const blockIds = Object.keys(result.results[0]?.blocks ?? {});
  const blocks = blockIds.map((id) => ({
    id,
    scores: result.results.map((r) => {
      const b = r.blocks[id];
      return b && b.weight > 0 && !b.reason ? b.score / b.weight : Number.NaN;
    }),
  }));
  const groupIds = computedBlocks(prepared.ruleset, run.rating).flatMap(allGroups);
  const groups = groupIds.map((g) => ({
    id: g.id,
    scores: result.results.map((r) => r.groups?.[g.id]?.score ?? Number.NaN),
  }));
  return { units, indicators, blocks, groups, total: result.results.map((r) => r.score) };
}

function planRatio(value: number, plan: Value): number {
  return typeof plan === "number" && plan > 0 && Number.isFinite(value) ? value / plan : Number.NaN;
}
