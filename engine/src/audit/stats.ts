/**
 * Descriptive statistics for the audit. Inputs are finite numbers only: the caller drops missing values
 * first (so every statistic says over how many units it was taken). Every function is pure and takes its
 * sums in array order, so the same data give the same bits.
 */

export function mean(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return xs.length === 0 ? 0 : sum / xs.length;
}

/** Sample variance (divisor n - 1); 0 for fewer than two values. */
export function sampleVariance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return ss / (xs.length - 1);
}

/** Central moment sums (x - mean)^2, ^3, ^4: one pass after the mean, so no cancellation of large values. */
function momentSums(xs: readonly number[]): { s2: number; s3: number; s4: number } {
  const m = mean(xs);
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (const x of xs) {
    const d = x - m;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  return { s2, s3, s4 };
}

/**
 * Sample skewness G1 = sqrt(n(n-1)) / (n-2) x m3 / m2^(3/2), the adjusted Fisher-Pearson coefficient (Excel's
 * SKEW, e1071 type 2), which is what the JRC's audits and COINr use. Undefined for n < 3 or equal values.
 */
export function skewness(xs: readonly number[]): number | undefined {
  const n = xs.length;
  if (n < 3) return undefined;
  const { s2, s3 } = momentSums(xs);
  if (!(s2 > 0)) return undefined;
  const m2 = s2 / n;
  const g1 = s3 / n / (m2 * Math.sqrt(m2));
  return (Math.sqrt(n * (n - 1)) / (n - 2)) * g1;
}

/**
 * Sample EXCESS kurtosis G2 = ((n+1) g2 + 6)(n-1) / ((n-2)(n-3)), g2 = m4 / m2^2 - 3 (Excel's KURT, e1071 type
 * 2): a normal distribution has 0. The JRC's outlier rule (kurtosis above 3.5) is on this excess kurtosis:
 * COINr's kurt(), which implements it, is this formula. Undefined for n < 4 or equal values.
 */
export function excessKurtosis(xs: readonly number[]): number | undefined {
  const n = xs.length;
  if (n < 4) return undefined;
  const { s2, s4 } = momentSums(xs);
  if (!(s2 > 0)) return undefined;
  const m2 = s2 / n;
  const g2 = s4 / n / (m2 * m2) - 3;
  return (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/** How many different values (compared exactly: scores are computed, not typed). */
export function distinctCount(xs: readonly number[]): number {
  return new Set(xs).size;
}

/** Ranks from 1 (smallest), ties sharing the mean of their places: the ranks Spearman's rho correlates. */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x || a.i - b.i);
  const ranks = new Array<number>(xs.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && order[end]?.x === order[start]?.x) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[(order[k] as { i: number }).i] = rank;
    start = end;
  }
  return ranks;
}

/** The p-quantile (0..1) of sorted values by linear interpolation between order statistics (R type 7). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Cronbach's alpha of k items over the same respondents (units): k/(k-1) x (1 - sum of item variances /
 * variance of the item sums). `items[j][u]` is item j of unit u; units must be complete cases. Undefined for
 * fewer than two items or units, or when the sums do not vary.
 */
export function cronbachAlpha(items: readonly (readonly number[])[]): number | undefined {
  const k = items.length;
  const n = items[0]?.length ?? 0;
  if (k < 2 || n < 2) return undefined;
  const sums = new Array<number>(n).fill(0);
  let itemVariance = 0;
  for (const item of items) {
    itemVariance += sampleVariance(item);
    for (let u = 0; u < n; u++) sums[u] = (sums[u] as number) + (item[u] as number);
  }
  const totalVariance = sampleVariance(sums);
  if (!(totalVariance > 0)) return undefined;
  return (k / (k - 1)) * (1 - itemVariance / totalVariance);
}

/** A statistic as the JSON and the reports show it: at most 15 significant digits, so no float noise. */
export function tidy(x: number): number {
  return Number(x.toPrecision(15));
}
