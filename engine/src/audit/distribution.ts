import { excessKurtosis, mean, quantileSorted, sampleVariance, skewness } from "./stats.js";

/** The shape of an indicator's values and the JRC's outlier rule, with what a treatment would leave. */
export interface Distribution {
  readonly n: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly median: number;
  readonly sd: number;
  readonly skewness?: number;
  /** Excess kurtosis (0 for a normal distribution). */
  readonly kurtosis?: number;
  /** |skewness| > threshold and kurtosis > threshold. */
  readonly outliers: boolean;
  /** Present when outliers: the shape after winsorising, or after a log when winsorising is not enough. */
  readonly treatment?: Treatment;
}

export interface Treatment {
  /** How many of the most extreme values winsorising replaced (up to WINSOR_MAX), and the shape after. */
  readonly winsorised: { readonly points: number; readonly skewness?: number; readonly kurtosis?: number };
  readonly winsorisedPasses: boolean;
  /** ln(x), or ln(x - min + 1) when some value is not positive, and the shape after. */
  readonly log: { readonly shifted: boolean; readonly skewness?: number; readonly kurtosis?: number };
  readonly logPasses: boolean;
}

export interface ShapeRule {
  readonly skewness: number;
  readonly kurtosis: number;
}

/** COINr's default: at most 5 points are winsorised before a log is tried instead. */
export const WINSOR_MAX = 5;

export function hasOutliers(xs: readonly number[], rule: ShapeRule): boolean {
  const s = skewness(xs);
  const k = excessKurtosis(xs);
  return s !== undefined && k !== undefined && Math.abs(s) > rule.skewness && k > rule.kurtosis;
}

export function distribution(xs: readonly number[], rule: ShapeRule): Distribution | undefined {
  if (xs.length === 0) return undefined;
  const sorted = [...xs].sort((a, b) => a - b);
  const s = skewness(xs);
  const k = excessKurtosis(xs);
  const outliers = hasOutliers(xs, rule);
  return {
    n: xs.length,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    mean: mean(xs),
    median: quantileSorted(sorted, 0.5),
    sd: Math.sqrt(sampleVariance(xs)),
    ...(s !== undefined ? { skewness: s } : {}),
    ...(k !== undefined ? { kurtosis: k } : {}),
    outliers,
    ...(outliers ? { treatment: treatment(xs, rule) } : {}),
  };
}

/**
 * Winsorising as the JRC does it: one at a time, the most extreme value on the side of the skew takes the
 * value of the next one in, until the rule passes or WINSOR_MAX values were replaced. Then, independently,
 * the log.
 */
export function winsorise(xs: readonly number[], rule: ShapeRule): { values: number[]; points: number } {
  const values = [...xs];
  let points = 0;
  while (points < WINSOR_MAX && hasOutliers(values, rule)) {
    const high = (skewness(values) ?? 0) > 0;
    const sorted = [...values].sort((a, b) => a - b);
    const extreme = high ? sorted[sorted.length - 1 - points] : sorted[points];
    const next = high ? sorted[sorted.length - 2 - points] : sorted[points + 1];
    if (extreme === undefined || next === undefined) break;
    for (let i = 0; i < values.length; i++) if (values[i] === extreme) values[i] = next;
    points++;
  }
  return { values, points };
}

function treatment(xs: readonly number[], rule: ShapeRule): Treatment {
  const w = winsorise(xs, rule);
  const min = Math.min(...xs);
  const shifted = !(min > 0);
  const logged = xs.map((x) => Math.log(shifted ? x - min + 1 : x));
  const shape = (v: readonly number[]) => {
    const s = skewness(v);
    const k = excessKurtosis(v);
    return { ...(s !== undefined ? { skewness: s } : {}), ...(k !== undefined ? { kurtosis: k } : {}) };
  };
  return {
    winsorised: { points: w.points, ...shape(w.values) },
    winsorisedPasses: !hasOutliers(w.values, rule),
    log: { shifted, ...shape(logged) },
    logPasses: !hasOutliers(logged, rule),
  };
}
