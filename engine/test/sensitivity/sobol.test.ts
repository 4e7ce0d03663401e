import { describe, expect, test } from "vitest";
import { pick } from "../../src/sensitivity/assumptions.js";
import { latinHypercube, seededRandom } from "../../src/sensitivity/random.js";
import { saltelliRuns, sobolIndices } from "../../src/sensitivity/sobol.js";

describe("the seeded Latin hypercube", () => {
  test("the same seed gives the same points; another seed others", () => {
    const a = latinHypercube(8, 3, seededRandom(7));
    expect(latinHypercube(8, 3, seededRandom(7))).toEqual(a);
    expect(latinHypercube(8, 3, seededRandom(8))).not.toEqual(a);
  });
  test("each column has exactly one point in each of the n slices", () => {
    const n = 50;
    const rows = latinHypercube(n, 4, seededRandom(1));
    for (let j = 0; j < 4; j++) {
      const slices = rows.map((r) => Math.floor((r[j] as number) * n)).sort((x, y) => x - y);
      expect(slices).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });
  test("so a discrete option of m, m dividing n, is taken exactly n/m times", () => {
    const rows = latinHypercube(30, 1, seededRandom(3));
    const counts = [0, 0, 0];
    for (const r of rows) {
      const k = pick([0, 1, 2], r[0] as number);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts).toEqual([10, 10, 10]);
  });
});

describe("Saltelli and Jansen estimators", () => {
  test("linear additive model y = 1·x1 + 2·x2 + 3·x3, x ~ U(0,1): S_j = ST_j = a_j² / Σ a² = 1/14, 4/14, 9/14", () => {
    const a = [1, 2, 3];
    const runs = saltelliRuns(4096, [1, 1, 1], 11, (x) =>
      Float64Array.of(
        (a[0] as number) * (x[0] as number) + (a[1] as number) * (x[1] as number) + (a[2] as number) * (x[2] as number),
      ),
    );
    const { first, total, variance } = sobolIndices(runs, 0);
    // V = Σ a² / 12 = 14/12.
    expect(variance).toBeCloseTo(14 / 12, 2);
    [1 / 14, 4 / 14, 9 / 14].forEach((s, j) => {
      expect(first[j]).toBeCloseTo(s, 1);
      expect(Math.abs((first[j] as number) - s)).toBeLessThan(0.03);
      expect(Math.abs((total[j] as number) - s)).toBeLessThan(0.03);
    });
  });

  test("a group of inputs is one input: y = x1 + x2 + x3 with groups {x1, x2} and {x3}: S = 2/3 and 1/3", () => {
    const runs = saltelliRuns(4096, [2, 1], 5, (x) =>
      Float64Array.of((x[0] as number) + (x[1] as number) + (x[2] as number)),
    );
    const { first } = sobolIndices(runs, 0);
    expect(Math.abs((first[0] as number) - 2 / 3)).toBeLessThan(0.03);
    expect(Math.abs((first[1] as number) - 1 / 3)).toBeLessThan(0.03);
  });

  test("a tiny discrete model against exhaustive enumeration of its 6 equally likely cases", () => {
    // x1 in {0, 1}, x2 in {0, 1, 2}; y = x1 + x2 + 2·x1·x2 (an interaction, so S_j < ST_j).
    const f = (x1: number, x2: number) => x1 + x2 + 2 * x1 * x2;
    const cases = [0, 1].flatMap((x1) => [0, 1, 2].map((x2) => ({ x1, x2, y: f(x1, x2) })));
    const mean = (ys: number[]) => ys.reduce((s, y) => s + y, 0) / ys.length;
    const variance = (ys: number[]) => mean(ys.map((y) => (y - mean(ys)) ** 2));
    const V = variance(cases.map((c) => c.y));
    const V1 = variance([0, 1].map((x1) => mean(cases.filter((c) => c.x1 === x1).map((c) => c.y))));
    const V2 = variance([0, 1, 2].map((x2) => mean(cases.filter((c) => c.x2 === x2).map((c) => c.y))));
    // Total of x1: E over x2 of Var(y | x2); of x2: E over x1 of Var(y | x1).
    const VT1 = mean([0, 1, 2].map((x2) => variance(cases.filter((c) => c.x2 === x2).map((c) => c.y))));
    const VT2 = mean([0, 1].map((x1) => variance(cases.filter((c) => c.x1 === x1).map((c) => c.y))));
    // By hand: y = 0 1 2 (x1 = 0) and 1 4 7 (x1 = 1): mean 2.5, E[y²] = 71/6, so V = 71/6 - 6.25 = 67/12.
    expect(V).toBeCloseTo(67 / 12, 14);
    const runs = saltelliRuns(6000, [1, 1], 2026, (x) =>
      Float64Array.of(f(pick([0, 1], x[0] as number), pick([0, 1, 2], x[1] as number))),
    );
    const est = sobolIndices(runs, 0);
    expect(est.variance).toBeCloseTo(V, 1);
    expect(Math.abs((est.first[0] as number) - V1 / V)).toBeLessThan(0.03);
    expect(Math.abs((est.first[1] as number) - V2 / V)).toBeLessThan(0.03);
    expect(Math.abs((est.total[0] as number) - VT1 / V)).toBeLessThan(0.03);
    expect(Math.abs((est.total[1] as number) - VT2 / V)).toBeLessThan(0.03);
    expect(V1 / V).toBeLessThan(VT1 / V);
  });

  test("an output that does not vary has no indices", () => {
    const runs = saltelliRuns(16, [1, 2], 1, () => Float64Array.of(3));
    const { first, total, variance } = sobolIndices(runs, 0);
    expect(variance).toBe(0);
    expect(first).toEqual([undefined, undefined]);
    expect(total).toEqual([undefined, undefined]);
  });
});
