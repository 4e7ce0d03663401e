import type { Aggregation } from "../model/ruleset.js";

/**
 * The weighted means that make a group's, a block's or the total's score from its members' scores (each on
 * 0..1), over the members that count; the weights are renormalised over them. Undefined when nothing counts
 * (or the weights add up to 0): the parent leaves this level out.
 *
 * - arithmetic: sum(w s) / sum(w)
 * - geometric: prod(s ^ (w / sum(w))); a score of 0 makes it 0 (no epsilon floor: it would be a hidden
 *   parameter that moves the ranking)
 * - harmonic: sum(w) / sum(w / s); a score of 0 makes it 0
 * - min: the lowest score (weights do not matter)
 * - power with exponent p: (sum(w s^p) / sum(w)) ^ (1 / p); p = 0 is the geometric mean, its limit
 *   (the checker asks for p != 0, R284, but the engine never divides by it)
 * The result is clamped to the lowest and highest score, so that rounding never takes a mean outside them.
 */
export function weightedMean(
  aggregation: Aggregation,
  scores: readonly number[],
  weights: readonly number[],
  exponent = 1,
): number | undefined {
  let total = 0;
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) {
    total += weights[i] as number;
    lowest = Math.min(lowest, scores[i] as number);
    highest = Math.max(highest, scores[i] as number);
  }
  if (scores.length === 0 || !(total > 0)) return undefined;
  const mean = meanOf(aggregation, scores, weights, total, lowest, exponent);
  return Math.max(lowest, Math.min(highest, mean));
}

function meanOf(
  aggregation: Aggregation,
  scores: readonly number[],
  weights: readonly number[],
  total: number,
  lowest: number,
  exponent: number,
): number {
  if (aggregation === "min") return lowest;
  // `formula` levels run their own formula (levels.ts); a mean of them is asked only for nominal shares.
  if (aggregation === "arithmetic" || aggregation === "formula") return sum(scores, weights, (s) => s) / total;
  if (aggregation === "power" && exponent === 1) return sum(scores, weights, (s) => s) / total;
  const p = aggregation === "geometric" ? 0 : aggregation === "harmonic" ? -1 : exponent;
  // A zero score: the geometric and every negative-exponent mean are 0 (their limit); a positive one is not.
  if (p <= 0 && lowest <= 0) return 0;
  if (p === 0) return Math.exp(sum(scores, weights, Math.log) / total);
  if (p === -1) return total / sum(scores, weights, (s) => 1 / s);
  return (sum(scores, weights, (s) => s ** p) / total) ** (1 / p);
}

function sum(scores: readonly number[], weights: readonly number[], f: (s: number) => number): number {
  let s = 0;
  for (let i = 0; i < scores.length; i++) s += (weights[i] as number) * f(scores[i] as number);
  return s;
}
