import { averageRanks } from "./stats.js";

/**
 * Correlations with pairwise deletion: NaN marks a missing value, and each pair of series is correlated over
 * the units where both are present (the JRC's and COINr's default), with the count reported beside it.
 */
export interface Correlation {
  /** Undefined when fewer than three units have both values, or one of them does not vary there. */
  readonly r?: number;
  /** The units where both series have a value. */
  readonly n: number;
}

/** The units where both have a value. */
export function pairwise(x: readonly number[], y: readonly number[]): { x: number[]; y: number[] } {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const u = x[i] as number;
    const v = y[i] as number;
    if (Number.isFinite(u) && Number.isFinite(v)) {
      a.push(u);
      b.push(v);
    }
  }
  return { x: a, y: b };
}

/** Pearson's r of complete pairs (two-pass: means first, so large values do not cancel). */
export function pearsonComplete(x: readonly number[], y: readonly number[]): number | undefined {
  const n = x.length;
  if (n < 3) return undefined;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return undefined;
  // Rounding can carry |r| a hair past 1 for identical series.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

export function pearson(x: readonly number[], y: readonly number[]): Correlation {
  const p = pairwise(x, y);
  const r = pearsonComplete(p.x, p.y);
  return r === undefined ? { n: p.x.length } : { r, n: p.x.length };
}

/** Spearman's rho: Pearson's r of the average ranks, ranked within the complete pairs. */
export function spearman(x: readonly number[], y: readonly number[]): Correlation {
  const p = pairwise(x, y);
  const r = pearsonComplete(averageRanks(p.x), averageRanks(p.y));
  return r === undefined ? { n: p.x.length } : { r, n: p.x.length };
}

/** The matrix of Pearson's r between series (pairwise deletion); 1 on the diagonal of a varying series. */
export function correlationMatrix(
  series: readonly (readonly number[])[],
  method: "pearson" | "spearman" = "pearson",
): Correlation[][] {
  const f = method === "pearson" ? pearson : spearman;
  const m: Correlation[][] = series.map(() => []);
  for (let i = 0; i < series.length; i++) {
    for (let j = i; j < series.length; j++) {
      const c = f(series[i] as number[], series[j] as number[]);
      (m[i] as Correlation[])[j] = c;
      (m[j] as Correlation[])[i] = c;
    }
  }
  return m;
}
