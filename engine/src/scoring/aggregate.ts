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
  const effectiveWeights = new Array<number>(scores.length).fill(0);
  const points = aggregateInto(aggregation, scores, weights, scores.length, blockWeight, effectiveWeights);
  return points === undefined ? undefined : { points, effectiveWeights };
}

/**
 * aggregateBlock over the first `count` entries of `scores` and `weights`, writing the effective weights into
 * `effective` and returning the points. The rating itself sweeps all units at once (RatingTotals.all) and
 * takes every sum in the same order, so its numbers are these to the bit (a property test checks it).
 */
function aggregateInto(
  aggregation: Aggregation,
  scores: ArrayLike<number>,
  weights: ArrayLike<number>,
  count: number,
  blockWeight: number,
  effective: { [index: number]: number },
): number | undefined {
  let totalWeight = 0;
  for (let i = 0; i < count; i++) totalWeight += weights[i] as number;
  if (count === 0 || !(totalWeight > 0)) return undefined;
  for (let i = 0; i < count; i++) effective[i] = (blockWeight * (weights[i] as number)) / totalWeight;
  let points = 0;
  if (aggregation === "min") {
    let lowest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < count; i++) lowest = Math.min(lowest, scores[i] as number);
    points = blockWeight * lowest;
  } else if (aggregation === "geometric") points = blockWeight * geometricMean(scores, weights, count, totalWeight);
  else for (let i = 0; i < count; i++) points += (scores[i] as number) * (effective[i] as number);
  return Math.max(0, Math.min(blockWeight, points));
}

function geometricMean(scores: ArrayLike<number>, weights: ArrayLike<number>, count: number, totalWeight: number) {
  for (let i = 0; i < count; i++) if ((scores[i] as number) <= 0) return 0;
  let logSum = 0;
  for (let i = 0; i < count; i++) logSum += ((weights[i] as number) / totalWeight) * Math.log(scores[i] as number);
  return Math.exp(logSum);
}
