import { compareNumbers } from "../compile/compare.js";
import type { Band, Direction } from "../model/ruleset.js";
import { toSignificant } from "../util/decimal-compare.js";

/**
 * Score methods: each turns an indicator's value into a score in [0, 1] (docs/rule-format.md, "Score
 * methods"; the rules for edge cases are in docs/scoring.md). Every threshold comparison is made at 15
 * significant digits (compareNumbers: compareDecimal without its cost when the numbers are far apart), so
 * 4262.4 of a 4736 plan is exactly 90%. A method that cannot give
 * a score says why; the engine then applies the missing-data policy with that reason.
 */
export type ScoreOutcome = number | { readonly unscored: string };

function unscored(reason: string): ScoreOutcome {
  return { unscored: reason };
}

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));

/** Numbers as people wrote them, for reasons: 0.1 + 0.2 shows as 0.3. */
export function show(x: number): string {
  return String(toSignificant(x));
}

/**
 * higher: min(value / plan, cap) / cap; lower: min(plan / value, cap) / cap.
 * - higher, plan <= 0: no score (a ratio to a zero or negative plan means nothing); negative value: 0.
 * - lower, plan = 0: 1 if value <= 0 (the zero plan is met), else 0; lower, value <= 0 < plan: 1 (beaten
 *   outright); lower, plan < 0: no score.
 */
export function achievement(value: number, plan: number, cap: number, better: Direction): ScoreOutcome {
  if (!(cap > 0)) return unscored(`the cap must be positive, it is ${show(cap)}`);
  const planSign = compareNumbers(plan, 0);
  if (better === "higher") {
    if (planSign <= 0) return unscored(`the plan is ${show(plan)}, so value / plan has no meaning`);
    return capped(value / plan, cap);
  }
  if (planSign < 0) return unscored(`the plan is ${show(plan)}, so plan / value has no meaning`);
  if (compareNumbers(value, 0) <= 0) return 1;
  if (planSign === 0) return 0;
  return capped(plan / value, cap);
}

function capped(ratio: number, cap: number): number {
  if (compareNumbers(ratio, cap) >= 0) return 1;
  if (compareNumbers(ratio, 0) <= 0) return 0;
  return ratio / cap;
}

/**
 * (t(value) - t(min)) / (t(max) - t(min)) clamped to [0, 1]; lower is better: (t(max) - t(value)) / (...).
 * Under `ln`, a value <= 0 is below any positive goalpost: 0 when higher is better, 1 when lower is.
 */
export function goalposts(
  value: number,
  min: number,
  max: number,
  transform: "none" | "ln",
  better: Direction,
): ScoreOutcome {
  if (compareNumbers(min, max) > 0) return unscored(`the goalposts are reversed: min ${show(min)} > max ${show(max)}`);
  if (transform === "ln" && !(min > 0)) return unscored(`ln goalposts need min > 0, it is ${show(min)}`);
  let up: number;
  if (compareNumbers(value, max) >= 0) up = 1;
  else if (compareNumbers(value, min) <= 0) up = 0;
  else if (transform === "ln") up = (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
  else up = (value - min) / (max - min);
  return better === "higher" ? clamp01(up) : clamp01(1 - up);
}

/** What the cross-unit methods need of the values of the units rated together. */
export interface PeerStats {
  readonly count: number;
  readonly lowest: number;
  readonly highest: number;
  readonly mean: number;
  /** Population standard deviation (divided by n: the units rated are the whole population). */
  readonly deviation: number;
  /**
   * 1, or for values beyond 1e150 (or below 1e-150) in magnitude the largest magnitude among them:
   * minmax and zscore then work on the values divided by it, so that differences and squares never
   * overflow to Infinity or vanish to 0. Ordinary values are not rescaled, so hand computations match.
   */
  readonly magnitude: number;
  /** The values ascending, for ranks (rounding to 15 digits keeps this order). */
  readonly sorted: Float64Array;
}

export function peerStats(values: readonly number[]): PeerStats {
  const ascending = Float64Array.from(values);
  let sorted = false;
  const count = values.length;
  let lowest = count ? Number.POSITIVE_INFINITY : 0;
  let highest = count ? Number.NEGATIVE_INFINITY : 0;
  for (let i = 0; i < count; i++) {
    const v = values[i] as number;
    if (v < lowest) lowest = v;
    if (v > highest) highest = v;
  }
  const largest = Math.max(Math.abs(lowest), Math.abs(highest));
  const magnitude = largest > 1e150 || (largest > 0 && largest < 1e-150) ? largest : 1;
  const scaled = magnitude === 1 ? values : values.map((v) => v / magnitude);
  const meanScaled = preciseSum(scaled) / Math.max(1, count);
  const deviationScaled = Math.sqrt(
    preciseSum(scaled.map((v) => (v - meanScaled) * (v - meanScaled))) / Math.max(1, count),
  );
  return {
    count,
    lowest,
    highest,
    mean: meanScaled * magnitude,
    deviation: deviationScaled * magnitude,
    magnitude,
    // Sorted at the first use: only rank needs the order, and sorting is most of the cost here.
    get sorted() {
      if (!sorted) ascending.sort();
      sorted = true;
      return ascending;
    },
  };
}

/** Neumaier's compensated sum: the order of the units does not change the mean in the last digits. */
function preciseSum(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** (value - lowest) / (highest - lowest); reversed when lower is better; all values equal: everyone 1. */
export function minmax(value: number, peers: PeerStats, better: Direction): ScoreOutcome {
  if (compareNumbers(peers.highest, peers.lowest) === 0) return 1;
  const m = peers.magnitude;
  const [v, lo, hi] = [value / m, peers.lowest / m, peers.highest / m];
  const up = better === "higher" ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo);
  return clamp01(up);
}

/**
 * z = (value - mean) / deviation (negated when lower is better), clamped to [-clip, clip], mapped linearly
 * to [0, 1]: the mean scores 0.5. All values equal: everyone is the mean, 0.5.
 */
export function zscore(value: number, peers: PeerStats, clip: number, better: Direction): ScoreOutcome {
  if (!(clip > 0)) return unscored(`clip must be positive, it is ${show(clip)}`);
  const m = peers.magnitude;
  const deviation = peers.deviation / m;
  if (
    compareNumbers(peers.highest, peers.lowest) === 0 ||
    compareNumbers(value, peers.mean) === 0 ||
    !(deviation > 0)
  ) {
    return 0.5;
  }
  const z = ((value / m - peers.mean / m) / deviation) * (better === "higher" ? 1 : -1);
  const clipped = Math.max(-clip, Math.min(clip, z));
  return clamp01((clipped + clip) / (2 * clip));
}

/**
 * Best unit 1, worst 0, linearly by rank: (n - rank) / (n - 1). Equal values (at 15 digits) share the
 * average of their ranks, so they score the same. A single unit scores 1.
 */
export function rank(value: number, peers: PeerStats, better: Direction): ScoreOutcome {
  const n = peers.count;
  if (n <= 1) return 1;
  const below = bound(peers.sorted, value, false);
  const equal = Math.max(1, bound(peers.sorted, value, true) - below);
  const ahead = better === "higher" ? n - below - equal : below;
  const averageRank = ahead + (equal + 1) / 2;
  return clamp01((n - averageRank) / (n - 1));
}

/**
 * The number of values below v (or, with `orEqual`, at most v), equal meaning equal at 15 significant
 * digits: rounding is monotone, so the values equal to v are contiguous in the sorted array.
 */
function bound(sorted: Float64Array, v: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = compareNumbers(sorted[mid] ?? 0, v);
    if (c < 0 || (orEqual && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first band whose `min` the value reaches (higher) or whose `max` it does not exceed (lower); a band
 * without the bound takes every value that reaches it. No band matching: 0.
 */
export function bands(value: number, list: readonly Band[], better: Direction): ScoreOutcome {
  for (const band of list) {
    const bound = better === "higher" ? band.min : band.max;
    if (bound === undefined) return clamp01(band.score);
    const c = compareNumbers(value, bound);
    if (better === "higher" ? c >= 0 : c <= 0) return clamp01(band.score);
  }
  return 0;
}

/** Yes 1, no 0; reversed when lower is better. */
export function yesno(value: number | boolean | string, better: Direction): ScoreOutcome {
  if (typeof value !== "boolean") return unscored(`yesno needs a yes/no value, the formula gives ${String(value)}`);
  return value === (better === "higher") ? 1 : 0;
}

/** The score formula's result, clamped to [0, 1]; yes/no count as 1/0. */
export function formulaScore(result: number | boolean | string): ScoreOutcome {
  if (typeof result === "boolean") return result ? 1 : 0;
  if (typeof result !== "number") return unscored(`the score formula gives text: ${result}`);
  return clamp01(result);
}
