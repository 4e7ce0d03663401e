import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Block } from "../model/ruleset.js";
import { rangeOfLength } from "../source/range.js";
import { aggregateBlock } from "./aggregate.js";
import { ScoringCode } from "./codes.js";
import type { Evaluator } from "./evaluator.js";
import type { BlockResult, IndicatorResult } from "./result.js";
import { type IndicatorRound, STATUS, scoreOf } from "./round.js";

export interface UnitTotals {
  readonly unit: string;
  readonly score: number;
  readonly blocks: Record<string, BlockResult>;
  readonly indicators: Record<string, IndicatorResult>;
}

const LEFT_OUT = "every indicator of the block is excluded or not applicable";

/**
 * A unit's blocks and total. Block weights are put on the ruleset's scale over the blocks that have
 * something to rate for the unit (a subset rating, or a block whose indicators are all excluded or not
 * applicable, is rescaled to the full scale); within a block, the counted indicators share its weight.
 * `blockRounds` holds each rating block's rounds, in block order.
 */
export function unitTotals(
  evaluator: Evaluator,
  blocks: readonly Block[],
  blockRounds: readonly (readonly IndicatorRound[])[],
  unit: number,
  diagnostics: Diagnostic[],
): UnitTotals {
  const { ruleset } = evaluator.prepared;
  let liveWeight = 0;
  blocks.forEach((b, k) => {
    if (b.weight > 0 && (blockRounds[k] ?? []).some((r) => (scoreOf(r, unit) ?? null) !== null)) liveWeight += b.weight;
  });
  const blockResults: Record<string, BlockResult> = {};
  const indicators: Record<string, IndicatorResult> = {};
  let total = 0;
  blocks.forEach((b, k) => {
    const rounds = blockRounds[k] ?? [];
    const scores: number[] = [];
    const weights: number[] = [];
    const counted: number[] = []; // positions in `rounds`
    rounds.forEach((round, i) => {
      const score = scoreOf(round, unit);
      if (score === null || score === undefined) return;
      scores.push(score);
      weights.push(round.prepared.indicator.weight);
      counted.push(i);
    });
    const weight = counted.length > 0 && b.weight > 0 && liveWeight > 0 ? (b.weight * ruleset.scale) / liveWeight : 0;
    const aggregate = weight > 0 ? aggregateBlock(b.aggregation, scores, weights, weight) : undefined;
    const effective = new Float64Array(rounds.length);
    if (aggregate) {
      counted.forEach((i, n) => {
        effective[i] = aggregate.effectiveWeights[n] ?? 0;
      });
      blockResults[b.id] = { score: aggregate.points, weight };
      total += aggregate.points;
    } else blockResults[b.id] = { score: 0, weight: 0, reason: LEFT_OUT };
    rounds.forEach((round, i) => {
      const status = STATUS[round.status[unit] ?? 0];
      if (!status) return;
      const score = scoreOf(round, unit) ?? null;
      const v = evaluator.indicatorValue(round.prepared.index, unit, round.period);
      const w = effective[i] ?? 0;
      // One shape for every indicator: absent policy and reason are undefined, which JSON leaves out.
      indicators[round.prepared.indicator.id] = {
        value: typeof v === "number" || typeof v === "boolean" ? v : null,
        score,
        weight: w,
        points: (score ?? 0) * w,
        status,
        policy: round.policies.get(unit),
        reason: round.reasons.get(unit),
      };
    });
  });
  const unitId = evaluator.unitName(unit);
  if (liveWeight === 0) {
    diagnostics.push({
      code: ScoringCode.S206,
      severity: "warning",
      message: `nothing to rate for ${unitId}: every indicator is excluded or not applicable, so its total is 0`,
      range: rangeOfLength(0),
    });
  }
  // Sums of doubles can pass the scale by an ulp; a total is never above the scale.
  return { unit: unitId, score: Math.max(0, Math.min(ruleset.scale, total)), blocks: blockResults, indicators };
}
