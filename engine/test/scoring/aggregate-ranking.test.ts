import { describe, expect, it } from "vitest";
import type { Grade } from "../../src/model/ruleset.js";
import { aggregateBlock } from "../../src/scoring/aggregate.js";
import { gradeOf, rankUnits } from "../../src/scoring/ranking.js";

describe("block aggregation", () => {
  const scores = [1, 0.5];
  const weights = [3, 1];
  it("arithmetic: weights are relative; points = score x block weight x weight / sum of weights", () => {
    // effective weights 20 * 3/4 = 15 and 20 * 1/4 = 5; points 15 * 1 + 5 * 0.5 = 17.5
    expect(aggregateBlock("arithmetic", scores, weights, 20)).toEqual({ points: 17.5, effectiveWeights: [15, 5] });
  });
  it("geometric: block weight x prod(score ^ (w / sum w))", () => {
    // 20 * 1^(3/4) * 0.5^(1/4) = 20 * 0.8408964152537145
    expect(aggregateBlock("geometric", scores, weights, 20)?.points).toBeCloseTo(16.81792830507429, 12);
  });
  it("geometric: a score of 0 makes the block 0 (no epsilon floor)", () => {
    expect(aggregateBlock("geometric", [...scores, 0], [...weights, 1], 20)?.points).toBe(0);
  });
  it("min: the lowest score, whatever the weights", () => {
    expect(aggregateBlock("min", scores, weights, 20)?.points).toBe(10);
  });
  it("nothing counted: no aggregate (the block leaves the unit's total)", () => {
    expect(aggregateBlock("arithmetic", [], [], 20)).toBeUndefined();
  });
});

describe("ranking", () => {
  const totals = [
    { unit: "d", total: 70 },
    { unit: "a", total: 80 },
    { unit: "c", total: 75.004 },
    { unit: "b", total: 74.996 },
    { unit: "e", total: 60 },
  ];
  const ranks = (ties: "competition" | "dense" | "shared", round?: number) =>
    rankUnits(totals, round === undefined ? { ties } : { ties, round }).map((r) => `${r.unit}:${r.rank}`);
  it("ranks the exact totals when no rounding is asked", () => {
    expect(ranks("competition")).toEqual(["a:1", "c:2", "b:3", "d:4", "e:5"]);
  });
  it("competition 1224 on totals rounded to 2 decimals (75.004 and 74.996 are both 75.00), ties by unit id", () => {
    expect(ranks("competition", 2)).toEqual(["a:1", "b:2", "c:2", "d:4", "e:5"]);
  });
  it("dense 1223", () => {
    expect(ranks("dense", 2)).toEqual(["a:1", "b:2", "c:2", "d:3", "e:4"]);
  });
  it("shared 1 2.5 2.5 4", () => {
    expect(ranks("shared", 2)).toEqual(["a:1", "b:2.5", "c:2.5", "d:4", "e:5"]);
  });
  it("rounds half away from zero as a person does: 87.125 -> 87.13 ties with 87.13", () => {
    const r = rankUnits(
      [
        { unit: "x", total: 87.125 },
        { unit: "y", total: 87.13 },
      ],
      { ties: "competition", round: 2 },
    );
    expect(r.map((x) => [x.unit, x.key, x.rank])).toEqual([
      ["x", 87.13, 1],
      ["y", 87.13, 1],
    ]);
  });
  it("compares keys at 15 significant digits: binary noise does not break a tie", () => {
    const r = rankUnits(
      [
        { unit: "p", total: 0.1 + 0.2 },
        { unit: "q", total: 0.3 },
      ],
      { ties: "competition" },
    );
    expect(r.map((x) => x.rank)).toEqual([1, 1]);
  });
});

describe("grades", () => {
  const label = { kk: "x" };
  const grades: Grade[] = [
    { id: "red", min: 0, label, color: "#c62828" },
    { id: "green", min: 80, label, color: "#2e7d32" },
    { id: "yellow", min: 60, label, color: "#f9a825" },
  ];
  it("gives the first grade from the highest min down whose min the total reaches", () => {
    expect(gradeOf(80, grades)).toBe("green");
    expect(gradeOf(79.99, grades)).toBe("yellow");
    expect(gradeOf(0, grades)).toBe("red");
  });
  it("compares with the grade min at 15 digits", () => {
    expect(gradeOf((4262.4 / 4736) * 100 - 10, [{ id: "g", min: 80, label, color: "#000" }])).toBe("g");
  });
  it("gives no grade when no min is reached", () => {
    expect(gradeOf(-1, grades)).toBe("");
  });
});
