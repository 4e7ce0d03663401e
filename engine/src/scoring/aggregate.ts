import type { Aggregation } from "../model/ruleset.js";

/**
 * Block aggregation. The block's indicators that count (scored, or scored 0 under the `zero` policy) share
 * the block's weight on the scale in proportion to their relative weights; excluded and not-applicable
 * indicators have already been left out, so their weight is redistributed.
 */
export interface CountedIndicator {
  readonly score: number;
  /** Relative weight within the block, as written. */
  readonly weight: number;
}

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
 * Undefined when nothing counts (or the weights add up to 0): the block is left out of the unit's total.
 */
export function aggregateBlock(
  aggregation: Aggregation,
  items: readonly CountedIndicator[],
  blockWeight: number,
): BlockAggregate | undefined {
  const totalWeight = items.reduce((sum, i) => sum + i.weight, 0);
  if (items.length === 0 || !(totalWeight > 0)) return undefined;
  const effectiveWeights = items.map((i) => (blockWeight * i.weight) / totalWeight);
  let points: number;
  if (aggregation === "min") points = blockWeight * Math.min(...items.map((i) => i.score));
  else if (aggregation === "geometric") points = blockWeight * geometricMean(items, totalWeight);
  else points = items.reduce((sum, i, k) => sum + i.score * (effectiveWeights[k] ?? 0), 0);
  return { points: Math.max(0, Math.min(blockWeight, points)), effectiveWeights };
}

function geometricMean(items: readonly CountedIndicator[], totalWeight: number): number {
  if (items.some((i) => i.score <= 0)) return 0;
  let logSum = 0;
  for (const i of items) logSum += (i.weight / totalWeight) * Math.log(i.score);
  return Math.exp(logSum);
}
