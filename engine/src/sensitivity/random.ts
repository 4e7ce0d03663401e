/**
 * The seeded, deterministic sampling of the sensitivity analysis: a 32-bit generator (mulberry32: a Weyl
 * sequence through an integer mixer; small, fast, and the same numbers on every platform since it uses only
 * 32-bit integer operations) and Latin hypercube samples drawn with it. A Latin hypercube of n points puts
 * exactly one point in each of the n equal slices of every dimension, so each marginal is stratified: a
 * discrete assumption of m options (with m dividing n) takes each option exactly n/m times.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n points in [0, 1)^d, row by row: column j of row i is (pi_j(i) + U) / n for a random permutation pi_j. */
export function latinHypercube(n: number, d: number, random: Random): Float64Array[] {
  const rows = Array.from({ length: n }, () => new Float64Array(d));
  const perm = new Int32Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(random() * (i + 1));
      const t = perm[i] as number;
      perm[i] = perm[k] as number;
      perm[k] = t;
    }
    for (let i = 0; i < n; i++) (rows[i] as Float64Array)[j] = ((perm[i] as number) + random()) / n;
  }
  return rows;
}
