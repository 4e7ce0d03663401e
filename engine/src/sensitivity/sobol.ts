import { latinHypercube, seededRandom } from "./random.js";

/**
 * Variance-based sensitivity indices by the Saltelli (2010) design: two independent sample matrices A and B
 * of N rows, and for each group of inputs j the matrix AB_j, which is A with group j's columns taken from B.
 * N (k + 2) model runs give, for each group and each output,
 *   first order  S_j  = mean(f(B) (f(AB_j) - f(A))) / V           (Saltelli et al. 2010, eq. (b))
 *   total        ST_j = mean((f(A) - f(AB_j))^2) / (2 V)          (Jansen 1999)
 * with V the variance of f over the 2N runs of A and B. A group (all block weights, say) is treated as one
 * input: its indices say how much that assumption matters, whatever its number of parameters.
 */
export interface SaltelliRuns {
  /** f at the rows of A, of B, and of each AB_j: outputs[row][output]. */
  readonly a: readonly Float64Array[];
  readonly b: readonly Float64Array[];
  readonly ab: readonly (readonly Float64Array[])[];
}

export interface Indices {
  /** By group; undefined where the output does not vary. */
  readonly first: readonly (number | undefined)[];
  readonly total: readonly (number | undefined)[];
  readonly variance: number;
}

/** The group of each column, from the sizes of the groups: [2, 1] gives columns 0 1 to group 0, 2 to 1. */
function columnsOf(sizes: readonly number[]): number[][] {
  let at = 0;
  return sizes.map((size) => Array.from({ length: size }, () => at++));
}

/**
 * Runs the design: `model` maps one point of [0, 1)^D (D = the sum of the group sizes) to its outputs. A and B
 * are the two halves of one Latin hypercube of dimension 2D, seeded, so the runs are the same every time.
 */
export function saltelliRuns(
  n: number,
  groupSizes: readonly number[],
  seed: number,
  model: (point: Float64Array) => Float64Array,
): SaltelliRuns {
  const d = groupSizes.reduce((s, x) => s + x, 0);
  const rows = latinHypercube(n, 2 * d, seededRandom(seed));
  const aRows = rows.map((r) => r.slice(0, d));
  const bRows = rows.map((r) => r.slice(d));
  const groups = columnsOf(groupSizes);
  const a = aRows.map(model);
  const b = bRows.map(model);
  const ab = groups.map((columns) =>
    aRows.map((row, i) => {
      const mixed = row.slice();
      for (const c of columns) mixed[c] = (bRows[i] as Float64Array)[c] as number;
      return model(mixed);
    }),
  );
  return { a, b, ab };
}

/** The first-order and total indices of every group for output `k`. */
export function sobolIndices(runs: SaltelliRuns, k: number): Indices {
  const n = runs.a.length;
  const fa = runs.a.map((r) => r[k] as number);
  const fb = runs.b.map((r) => r[k] as number);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (fa[i] as number) + (fb[i] as number);
  mean /= 2 * n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += ((fa[i] as number) - mean) ** 2 + ((fb[i] as number) - mean) ** 2;
  variance /= 2 * n;
  const first: (number | undefined)[] = [];
  const total: (number | undefined)[] = [];
  for (const abj of runs.ab) {
    let s = 0;
    let t = 0;
    for (let i = 0; i < n; i++) {
      const fab = (abj[i] as Float64Array)[k] as number;
      s += (fb[i] as number) * (fab - (fa[i] as number));
      t += ((fa[i] as number) - fab) ** 2;
    }
    // A variance of rounding noise only is no variance: below 1e-12 of the squared mean there is nothing to split.
    const varies = variance > 1e-24 * Math.max(1, mean * mean);
    first.push(varies ? s / n / variance : undefined);
    total.push(varies ? t / (2 * n) / variance : undefined);
  }
  return { first, total, variance };
}
