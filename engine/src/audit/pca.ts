/**
 * Eigenvalues of a symmetric matrix by the cyclic Jacobi method: each sweep zeroes every off-diagonal entry in
 * turn by a plane rotation, and the diagonal converges to the eigenvalues. Exact enough for the small
 * correlation matrices of a block (a handful of indicators), deterministic, and, unlike power iteration, it
 * cannot miss the largest eigenvalue when a start happens to be orthogonal to its vector.
 */
export function symmetricEigenvalues(matrix: readonly (readonly number[])[], maxSweeps = 100): number[] {
  const p = matrix.length;
  const a = matrix.map((row) => [...row]);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += (a[i]?.[j] as number) ** 2;
    if (off < 1e-30) break;
    for (let i = 0; i < p; i++) {
      for (let j = i + 1; j < p; j++) rotate(a, i, j);
    }
  }
  return a.map((row, i) => row[i] as number).sort((x, y) => y - x);
}

/** The Jacobi rotation in the (i, j) plane that zeroes a[i][j] (Golub and Van Loan, algorithm 8.4.1). */
function rotate(a: number[][], i: number, j: number): void {
  const aij = a[i]?.[j] as number;
  if (aij === 0) return;
  const aii = a[i]?.[i] as number;
  const ajj = a[j]?.[j] as number;
  const theta = (ajj - aii) / (2 * aij);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  const p = a.length;
  for (let k = 0; k < p; k++) {
    const aki = a[k]?.[i] as number;
    const akj = a[k]?.[j] as number;
    (a[k] as number[])[i] = c * aki - s * akj;
    (a[k] as number[])[j] = s * aki + c * akj;
  }
  for (let k = 0; k < p; k++) {
    const aik = a[i]?.[k] as number;
    const ajk = a[j]?.[k] as number;
    (a[i] as number[])[k] = c * aik - s * ajk;
    (a[j] as number[])[k] = s * aik + c * ajk;
  }
}

/** The largest eigenvalue. */
export function firstEigenvalue(matrix: readonly (readonly number[])[]): number {
  return symmetricEigenvalues(matrix)[0] ?? 0;
}

/**
 * Share of the (standardised) variance explained by the first principal component of a correlation matrix:
 * lambda1 / p, the JRC's check that a block's indicators measure one thing.
 */
export function firstComponentShare(matrix: readonly (readonly number[])[]): number | undefined {
  const p = matrix.length;
  return p < 2 ? undefined : firstEigenvalue(matrix) / p;
}
