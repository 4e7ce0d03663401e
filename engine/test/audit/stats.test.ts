import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { correlationMatrix, pearson, spearman } from "../../src/audit/correlation.js";
import { hasOutliers, winsorise } from "../../src/audit/distribution.js";
import { firstComponentShare, firstEigenvalue, symmetricEigenvalues } from "../../src/audit/pca.js";
import {
  averageRanks,
  cronbachAlpha,
  excessKurtosis,
  mean,
  quantileSorted,
  sampleVariance,
  skewness,
} from "../../src/audit/stats.js";

describe("moments", () => {
  // x = 1 2 3 4 10: mean 4, deviations -3 -2 -1 0 6.
  // Σd² = 50, Σd³ = 180, Σd⁴ = 1394; n = 5, so m2 = 10, m3 = 36, m4 = 278.8.
  const x = [1, 2, 3, 4, 10];
  test("mean and sample variance", () => {
    expect(mean(x)).toBe(4);
    expect(sampleVariance(x)).toBe(12.5); // 50 / 4
  });
  test("skewness G1 = sqrt(n(n-1))/(n-2) · m3/m2^1.5 = sqrt(20)/3 · 36/(10·sqrt(10)) = 1.2·sqrt(2)", () => {
    expect(skewness(x)).toBeCloseTo(1.2 * Math.SQRT2, 13);
  });
  test("excess kurtosis G2 = ((n+1)g2 + 6)(n-1)/((n-2)(n-3)), g2 = 278.8/100 - 3 = -0.212: (6·-0.212 + 6)·4/6 = 3.152 (Excel's KURT)", () => {
    expect(excessKurtosis(x)).toBeCloseTo(3.152, 13);
  });
  test("undefined for too few values or no variation", () => {
    expect(skewness([1, 2])).toBeUndefined();
    expect(excessKurtosis([1, 2, 3])).toBeUndefined();
    expect(skewness([5, 5, 5, 5])).toBeUndefined();
    expect(excessKurtosis([5, 5, 5, 5])).toBeUndefined();
  });
  test("a symmetric sample has skewness 0", () => {
    expect(skewness([1, 2, 3, 4, 5])).toBe(0);
    // 1..5: m2 = 2, m4 = (16+1+0+1+16)/5 = 6.8, g2 = 6.8/4 - 3 = -1.3; G2 = (6·-1.3 + 6)·4/6 = -1.2
    expect(excessKurtosis([1, 2, 3, 4, 5])).toBeCloseTo(-1.2, 13);
  });
  test("skewness and kurtosis do not change under a positive linear map; skewness changes sign when reflected", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 4, maxLength: 30 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: -100, max: 100 }),
        (xs, a, b) => {
          const s = skewness(xs);
          const k = excessKurtosis(xs);
          if (s === undefined || k === undefined) return;
          const y = xs.map((v) => a * v + b);
          expect(skewness(y)).toBeCloseTo(s, 8);
          expect(excessKurtosis(y)).toBeCloseTo(k, 8);
          expect(skewness(xs.map((v) => -v))).toBeCloseTo(-s, 8);
        },
      ),
    );
  });
});

describe("ranks and quantiles", () => {
  test("ties share the mean of their places", () => {
    expect(averageRanks([2, 4, 5, 4, 5])).toEqual([1, 2.5, 4.5, 2.5, 4.5]);
  });
  test("quantiles interpolate between order statistics (R type 7)", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2, 14);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8, 14);
  });
});

describe("correlations", () => {
  // x = 1..5, y = 2 4 5 4 5: dx = -2 -1 0 1 2, dy = -2 0 1 0 1; Σdxdy = 6, Σdx² = 10, Σdy² = 6; r = 6/sqrt(60) = sqrt(0.6).
  const x = [1, 2, 3, 4, 5];
  const y = [2, 4, 5, 4, 5];
  test("Pearson r by hand", () => {
    expect(pearson(x, y)).toEqual({ r: expect.closeTo(Math.sqrt(0.6), 14), n: 5 });
  });
  test("Spearman rho: ranks of y are 1 2.5 4.5 2.5 4.5, deviations -2 -.5 1.5 -.5 1.5; Σ = 7, Σd² = 9; rho = 7/sqrt(90)", () => {
    expect(spearman(x, y).r).toBeCloseTo(7 / Math.sqrt(90), 14);
  });
  test("missing values (NaN) are left out pairwise, and the count says how many pairs remain", () => {
    expect(pearson([1, 2, Number.NaN, 3, 4, 5], [2, 4, 9, 5, Number.NaN, 4]).n).toBe(4);
    // The four pairs (1,2) (2,4) (3,5) (5,4) equal the hand case without its fourth pair.
    const r = pearson([1, 2, Number.NaN, 3, 4, 5], [2, 4, 9, 5, Number.NaN, 4]).r;
    expect(r).toBeCloseTo(pearson([1, 2, 3, 5], [2, 4, 5, 4]).r as number, 14);
  });
  test("undefined when a series does not vary or fewer than three pairs", () => {
    expect(pearson([1, 1, 1, 1], [1, 2, 3, 4]).r).toBeUndefined();
    expect(pearson([1, 2], [1, 2]).r).toBeUndefined();
  });
  test("r and rho stay in [-1, 1] and rho is invariant under monotone maps", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: -50, max: 50 })), { minLength: 3 }),
        (pairs) => {
          const a = pairs.map((p) => p[0]);
          const b = pairs.map((p) => p[1]);
          const r = pearson(a, b).r;
          if (r !== undefined) expect(Math.abs(r)).toBeLessThanOrEqual(1);
          const rho = spearman(a, b).r;
          const rhoExp = spearman(
            a.map((v) => Math.exp(v / 10)),
            b,
          ).r;
          if (rho !== undefined) expect(rhoExp).toBeCloseTo(rho, 12);
        },
      ),
    );
  });
  test("the matrix is symmetric with 1 on the diagonal", () => {
    const m = correlationMatrix([x, y, [5, 3, 2, 2, 1]]);
    expect(m[0]?.[0]?.r).toBeCloseTo(1, 15);
    expect(m[1]?.[2]?.r).toBe(m[2]?.[1]?.r);
  });
});

describe("Cronbach's alpha", () => {
  test("by hand: items 1 2 3 4 / 2 2 3 3 / 1 3 2 4", () => {
    // Item variances 5/3, 1/3, 5/3 (sum 11/3); sums 4 7 8 11 have variance 25/3.
    // alpha = 3/2 · (1 - (11/3)/(25/3)) = 1.5 · 14/25 = 0.84.
    expect(
      cronbachAlpha([
        [1, 2, 3, 4],
        [2, 2, 3, 3],
        [1, 3, 2, 4],
      ]),
    ).toBeCloseTo(0.84, 14);
  });
  test("identical items give 1; one item gives none", () => {
    expect(
      cronbachAlpha([
        [1, 2, 3],
        [1, 2, 3],
      ]),
    ).toBeCloseTo(1, 14);
    expect(cronbachAlpha([[1, 2, 3]])).toBeUndefined();
  });
});

describe("first principal component", () => {
  test("2 x 2: eigenvalues 1 ± |r|, so the share is (1 + |r|)/2", () => {
    expect(
      firstComponentShare([
        [1, 0.6],
        [0.6, 1],
      ]),
    ).toBeCloseTo(0.8, 12);
    expect(
      firstComponentShare([
        [1, -0.6],
        [-0.6, 1],
      ]),
    ).toBeCloseTo(0.8, 12);
  });
  test("equicorrelation r among p variables: lambda1 = 1 + (p-1) r", () => {
    const p = 4;
    const r = 0.3;
    const m = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (__, j) => (i === j ? 1 : r)));
    expect(firstEigenvalue(m)).toBeCloseTo(1 + (p - 1) * r, 11);
  });
  test("uncorrelated: every eigenvalue 1, share 1/p", () => {
    expect(
      firstComponentShare([
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ]),
    ).toBeCloseTo(1 / 3, 12);
  });
  test("a start orthogonal to the top eigenvector still finds it", () => {
    // Eigenvalues 1.9 (vector (1,-1)/sqrt2) and 0.1 (vector (1,1)/sqrt2): the all-ones start sees only 0.1.
    expect(
      firstEigenvalue([
        [1, -0.9],
        [-0.9, 1],
      ]),
    ).toBeCloseTo(1.9, 12);
  });
});

describe("the JRC's outlier rule and winsorising", () => {
  const rule = { skewness: 2, kurtosis: 3.5 };
  // 16 values 1..16 and one of 200: strongly right-skewed and heavy-tailed.
  const xs = [...Array.from({ length: 16 }, (_, i) => i + 1), 200];
  test("flags a single far value and winsorising it once passes", () => {
    expect(hasOutliers(xs, rule)).toBe(true);
    const w = winsorise(xs, rule);
    expect(w.points).toBe(1);
    // 200 takes the next value in, 16.
    expect(w.values.at(-1)).toBe(16);
    expect(hasOutliers(w.values, rule)).toBe(false);
  });
  test("a uniform sample passes", () => {
    expect(hasOutliers([1, 2, 3, 4, 5, 6, 7, 8], rule)).toBe(false);
  });
});

describe("eigenvalues", () => {
  test("the eigenvalues of a correlation matrix add up to its trace, p", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 5, maxLength: 5 }), {
          minLength: 3,
          maxLength: 6,
        }),
        (rows) => {
          // A correlation matrix from random series (columns of `rows`), so it is positive semi-definite.
          const series = [0, 1, 2, 3, 4].map((c) => rows.map((r) => r[c] as number));
          const m = correlationMatrix(series);
          if (m.some((row) => row.some((c) => c.r === undefined))) return;
          const values = symmetricEigenvalues(m.map((row) => row.map((c) => c.r as number)));
          expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(5, 9);
          expect(values[values.length - 1]).toBeGreaterThan(-1e-9);
        },
      ),
    );
  });
});
