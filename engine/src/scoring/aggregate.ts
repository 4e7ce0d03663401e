import type { Aggregation } from "../model/ruleset.js";

/**
 * Block aggregation. The block's indicators that count (scored, or scored 0 under the `zero` policy) share
 * the block's weight on the scale in proportion to their relative weights; excluded and not-applicable
 * indicators have already been left out, so their weight is redistributed.
 */
export interface BlockAggregate {
  /** Points on the rating's scale (blockWeight x the aggregated score). */
  readonly points: number;
  /** Each counted indicator's effective weight on the scale: blockWeight x weight / sum of weights. */
  readonly effectiveWeights: readonly number[];
}

/**
 * - arithmetic: the sum of the indicators' points (score x effective weight), so the points add up exactly.
 * - geometric: blockWeight x prod(score ^ (weight / sum of weights)). A score of 0 makes the block 0: that is
 *   the geometric mean's own value, and the reason to choose it (a failure is not compensated). We do not
 *   floor zeros at a small epsilon: any epsilon is an arbitrary hidden parameter that moves the ranking.
 * - min: blockWeight x the lowest score (weights do not matter).
 * `scores` and `weights` are the counted indicators'. Undefined when nothing counts (or the weights add up
 * to 0): the block is left out of the unit's total.
 */
export function aggregateBlock(
  aggregation: Aggregation,
  scores: readonly number[],
  weights: readonly number[],
  blockWeight: number,
): BlockAggregate | undefined {
  let totalWeight = 0;
  for (const w of weights) totalWeight += w;
  if (scores.length === 0 || !(totalWeight > 0)) return undefined;
  const effectiveWeights = weights.map((w) => (blockWeight * w) / totalWeight);
  let points = 0;
  if (aggregation === "min") points = blockWeight * Math.min(...scores);
  else if (aggregation === "geometric") points = blockWeight * geometricMean(scores, weights, totalWeight);
  else
    scores.forEach((s, i) => {
      points += s * (effectiveWeights[i] ?? 0);
    });
  return { points: Math.max(0, Math.min(blockWeight, points)), effectiveWeights };
}

function geometricMean(scores: readonly number[], weights: readonly number[], totalWeight: number): number {
  if (scores.some((s) => s <= 0)) return 0;
  let logSum = 0;
  scores.forEach((s, i) => {
    logSum += ((weights[i] ?? 0) / totalWeight) * Math.log(s);
  });
  return Math.exp(logSum);
}
