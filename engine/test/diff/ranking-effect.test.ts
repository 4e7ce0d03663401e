import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankingEffect } from "../../src/diff/ranking-effect.js";
import { diffRulesets } from "../../src/diff/rules-diff.js";
import type { Ruleset } from "../../src/model/ruleset.js";
import type { RatingResult, UnitResult } from "../../src/scoring/result.js";
import { type BlockSpec, cell, makeRuleset, type RulesetSpec, rateFixture } from "../scoring/fixture.js";

/** A unit's line of a rating result, with block points; indicators do not matter to the comparison. */
function unit(id: string, score: number, rank: number, grade: string, blocks: Record<string, number> = {}): UnitResult {
  const entries = Object.entries(blocks).map(([b, points]) => [b, { score: points, weight: 50 }] as const);
  const coverage = {
    indicators: 1,
    weight: 1,
    expected: 1,
    withData: 1,
    zeroed: 0,
    missingFields: [],
    missingIndicators: [],
  };
  return {
    unit: id,
    score,
    rankedScore: score,
    rank,
    grade,
    coverage,
    blocks: Object.fromEntries(entries),
    indicators: {},
  };
}

function result(version: string, units: UnitResult[], rating = "quarterly"): RatingResult {
  return {
    ruleset: { id: "fixture", version, hash: `h${version}` },
    rating,
    period: "2026-Q1",
    results: units,
    notRated: [],
    coverage: { minWeightShare: 0.5, minIndicatorShare: 0, zeroed: 0 },
  };
}

const SPEC: RulesetSpec = {
  units: ["a", "b", "c", "d"],
  fields: ["x", "y"],
  blocks: [
    { id: "one", weight: 50, indicators: [{ id: "p", formula: "x" }] },
    { id: "two", weight: 50, indicators: [{ id: "q", formula: "y" }] },
  ],
};
const RULES = makeRuleset(SPEC);

describe("rankingEffect on results made by hand", () => {
  it("pairs units, computes changes, lists units of one version, movers and zone changes", () => {
    const before = result("1", [
      unit("a", 70, 1, "green", { one: 40, two: 30 }),
      unit("b", 60, 2, "yellow", { one: 30, two: 30 }),
      unit("c", 50, 3, "yellow", { one: 25, two: 25 }),
      unit("gone", 10, 4, "red", { one: 5, two: 5 }),
    ]);
    const after = result("2", [
      unit("c", 75, 1, "green", { one: 45, two: 30 }),
      unit("a", 70, 2, "green", { one: 40, two: 30 }),
      unit("new", 65, 3, "yellow", { one: 35, two: 30 }),
      unit("b", 55, 4, "red", { one: 30, two: 25 }),
    ]);
    const effect = rankingEffect({ ruleset: RULES, result: before }, { ruleset: RULES, result: after });
    expect(effect.old).toEqual({ id: "fixture", version: "1", hash: "h1", rating: "quarterly" });
    expect(effect.units.map((u) => u.unit)).toEqual(["c", "a", "new", "b", "gone"]);
    expect(effect.units[0]).toEqual({
      unit: "c",
      old: { score: 50, rank: 3, grade: "yellow" },
      new: { score: 75, rank: 1, grade: "green" },
      scoreChange: 25,
      rankChange: 2,
      blocks: { one: { old: 25, new: 45, change: 20 }, two: { old: 25, new: 30, change: 5 } },
    });
    expect(effect.units[2]).toEqual({
      unit: "new",
      new: { score: 65, rank: 3, grade: "yellow" },
      blocks: { one: { old: null, new: 35, change: 35 }, two: { old: null, new: 30, change: 30 } },
    });
    expect(effect.onlyOld).toEqual(["gone"]);
    expect(effect.onlyNew).toEqual(["new"]);
    // c moved 2 places, b 2 places (down) but less in total (5 < 25); a moved 1 place, no points.
    expect(effect.movers).toEqual(["c", "b", "a"]);
    expect(effect.zoneChanges).toEqual([
      { unit: "c", from: "yellow", to: "green" },
      { unit: "b", from: "yellow", to: "red" },
    ]);
    // Over c, a, b: one +20, 0, 0; two +5, 0, -5.
    expect(effect.blocks).toEqual([
      { block: "one", inOld: true, inNew: true, meanChange: 20 / 3, changes: [] },
      { block: "two", inOld: true, inNew: true, meanChange: 0, changes: [] },
    ]);
  });

  it("--top limits the movers, and a unit that did not move is never one", () => {
    const before = result("1", [unit("a", 50, 1, "g"), unit("b", 40, 2, "g"), unit("c", 30, 3, "g")]);
    const after = result("2", [unit("b", 45, 1, "g"), unit("a", 44, 2, "g"), unit("c", 30, 3, "g")]);
    const effect = (top: number) =>
      rankingEffect({ ruleset: RULES, result: before }, { ruleset: RULES, result: after }, { top }).movers;
    expect(effect(5)).toEqual(["a", "b"]);
    expect(effect(1)).toEqual(["a"]);
  });

  it("totals equal at 15 significant digits are no change; shared ranks give half places", () => {
    const before = result("1", [unit("a", 0.1 + 0.2, 1.5, "g"), unit("b", 0.3, 1.5, "g")]);
    const after = result("2", [unit("a", 0.3, 1, "g"), unit("b", 0.29, 2, "g")]);
    const effect = rankingEffect({ ruleset: RULES, result: before }, { ruleset: RULES, result: after });
    expect(effect.units.map((u) => [u.unit, u.scoreChange, u.rankChange])).toEqual([
      ["a", 0, 0.5],
      ["b", 0.29 - 0.3, -0.5],
    ]);
    expect(effect.movers).toEqual(["b", "a"]);
  });

  it("a block in one rating only: null points on the other side, counted as 0 in the change", () => {
    const before = result("1", [unit("a", 60, 1, "g", { one: 60 })]);
    const after = result("2", [unit("a", 60, 1, "g", { one: 30, three: 30 })]);
    const effect = rankingEffect({ ruleset: RULES, result: before }, { ruleset: RULES, result: after });
    expect(effect.units[0]?.blocks).toEqual({
      one: { old: 60, new: 30, change: -30 },
      three: { old: null, new: 30, change: 30 },
    });
    expect(effect.blocks.map((b) => [b.block, b.inOld, b.inNew, b.meanChange])).toEqual([
      ["one", true, true, -30],
      ["three", false, true, 30],
    ]);
  });

  it("no unit rated under both: no movers, no zone changes, no mean change", () => {
    const effect = rankingEffect(
      { ruleset: RULES, result: result("1", [unit("a", 1, 1, "g", { one: 1 })]) },
      { ruleset: RULES, result: result("2", [unit("b", 2, 1, "g", { one: 2 })]) },
    );
    expect([effect.movers, effect.zoneChanges, effect.onlyOld, effect.onlyNew]).toEqual([[], [], ["a"], ["b"]]);
    expect(effect.blocks[0]?.meanChange).toBeNull();
  });
});

describe("which rule changes touched which blocks", () => {
  /** `rated`: the blocks of the rating (default: all). */
  function effectOf(oldSpec: RulesetSpec, newSpec: RulesetSpec, rated?: string[]) {
    const o = makeRuleset(oldSpec);
    const n = makeRuleset(newSpec);
    const blocks = Object.fromEntries((rated ?? o.blocks.map((b) => b.id)).map((b) => [b, 0]));
    const r = (rs: Ruleset) => ({ ruleset: rs, result: result("1", [unit("a", 0, 1, "g", blocks)]) });
    return rankingEffect(r(o), r(n), { diff: diffRulesets(o, n) });
  }
  const summary = (e: ReturnType<typeof effectOf>) => ({
    ...Object.fromEntries(e.blocks.map((b) => [b.block, b.changes.map((c) => `${c.element} ${c.id} ${c.property}`)])),
    other: e.otherChanges.map((c) => `${c.element} ${c.id} ${c.property}`),
  });

  it("a field goes to the blocks that read it, also through another indicator; an attribute likewise", () => {
    const base: RulesetSpec = {
      units: [{ id: "a", attributes: { area: 1 } }],
      fields: ["x", "y"],
      blocks: [
        { id: "one", weight: 50, indicators: [{ id: "p", formula: "x" }] },
        { id: "two", weight: 30, indicators: [{ id: "q", formula: "p * 2" }] },
        { id: "three", weight: 20, indicators: [{ id: "r", formula: "y", applies: { when: "unit.area > 0" } }] },
      ],
      grades: [
        { id: "g", min: 50 },
        { id: "r", min: 0 },
      ],
    };
    const changed: RulesetSpec = {
      ...base,
      units: [{ id: "a", attributes: { area: 2 } }],
      fields: [{ id: "x", aggregate: "mean" }, "y"],
      grades: [
        { id: "g", min: 55 },
        { id: "r", min: 0 },
      ],
    };
    expect(summary(effectOf(base, changed))).toEqual({
      one: ["field x aggregate"],
      two: ["field x aggregate"],
      three: ["unit a attributes.area"],
      other: ["grade g min"],
    });
  });

  it("an indicator moved to another block touches both; a block's own change touches it", () => {
    const base: RulesetSpec = {
      units: ["a"],
      fields: ["x", "y"],
      blocks: [
        { id: "one", weight: 50, indicators: [{ id: "p", formula: "x" }] },
        { id: "two", weight: 50, indicators: [{ id: "q", formula: "y" }] },
      ],
    };
    const changed: RulesetSpec = {
      ...base,
      blocks: [
        { id: "one", weight: 40, indicators: [] },
        {
          id: "two",
          weight: 60,
          indicators: [
            { id: "q", formula: "y" },
            { id: "p", formula: "x" },
          ],
        },
      ],
    };
    expect(summary(effectOf(base, changed))).toEqual({
      one: ["block one weight", "indicator p block"],
      two: ["block two weight", "indicator p block"],
      other: [],
    });
  });

  it("a change to a block outside the rating touches the rating as a whole", () => {
    const base: RulesetSpec = {
      units: ["a"],
      fields: ["x", "y"],
      blocks: [
        { id: "one", weight: 50, indicators: [{ id: "p", formula: "x" }] },
        { id: "two", weight: 50, indicators: [{ id: "q", formula: "y", weight: 1 }] },
      ],
    };
    const changed: RulesetSpec = {
      ...base,
      blocks: [
        base.blocks[0] as BlockSpec,
        { id: "two", weight: 50, indicators: [{ id: "q", formula: "y", weight: 2 }] },
      ],
    };
    expect(summary(effectOf(base, changed, ["one"]))).toEqual({ one: [], other: ["indicator q weight"] });
  });
});

describe("rankingEffect on real ratings", () => {
  const units = ["a", "b", "c"];
  const data = [
    ...units.map((u, i) => cell(u, "x", "2026-Q1", [90, 60, 30][i] as number)),
    ...units.map((u, i) => cell(u, "y", "2026-Q1", [10, 50, 90][i] as number)),
  ];
  const spec = (xWeight: number, yWeight: number): RulesetSpec => ({
    units,
    fields: [
      { id: "x", frequency: "quarter" },
      { id: "y", frequency: "quarter" },
    ],
    blocks: [
      {
        id: "one",
        weight: xWeight,
        indicators: [{ id: "p", formula: "x", score: { method: "goalposts", min: 0, max: 100 } }],
      },
      {
        id: "two",
        weight: yWeight,
        indicators: [{ id: "q", formula: "y", score: { method: "goalposts", min: 0, max: 100 } }],
      },
    ],
  });

  it("moving weight from one block to the other reverses the ranking, as computed by hand", () => {
    const o = makeRuleset(spec(80, 20));
    const n = makeRuleset(spec(20, 80));
    const run = (rs: Ruleset) => {
      const r = rateFixture(rs, data, { period: "2026-Q1" }).result;
      if (!r) throw new Error("not rated");
      return { ruleset: rs, result: r };
    };
    const effect = rankingEffect(run(o), run(n), { diff: diffRulesets(o, n) });
    // Old: a 0.9*80 + 0.1*20 = 74, b 48 + 10 = 58, c 24 + 18 = 42. New: a 18 + 8 = 26, b 12 + 40 = 52, c 6 + 72 = 78.
    const round = (x: number | undefined) => (x === undefined ? x : Number(x.toFixed(9)));
    const lines = effect.units.map((u) => [
      u.unit,
      round(u.old?.score),
      round(u.new?.score),
      u.rankChange,
      u.old?.grade,
      u.new?.grade,
    ]);
    expect(lines).toEqual([
      ["c", 42, 78, 2, "red", "yellow"],
      ["b", 58, 52, 0, "red", "red"],
      ["a", 74, 26, -2, "yellow", "red"],
    ]);
    expect(effect.movers).toEqual(["a", "c", "b"]);
    expect(effect.zoneChanges.map((z) => `${z.unit} ${z.from}->${z.to}`)).toEqual(["c red->yellow", "a yellow->red"]);
    expect(effect.blocks.map((b) => [b.block, b.changes.map((c) => c.property)])).toEqual([
      ["one", ["weight"]],
      ["two", ["weight"]],
    ]);
    // Block one: a 72 -> 18, b 48 -> 12, c 24 -> 6: mean -36. Block two: a +6, b +30, c +54: mean +30.
    expect(effect.blocks.map((b) => Number(b.meanChange?.toFixed(9)))).toEqual([-36, 30]);
  });
});

describe("properties", () => {
  const units = fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f"), { minLength: 1, maxLength: 6 });
  const rated = (ids: string[]) =>
    fc
      .array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: ids.length, maxLength: ids.length })
      .map((scores) => {
        const sorted = ids.map((id, i) => ({ id, score: scores[i] ?? 0 })).sort((x, y) => y.score - x.score);
        return result(
          "v",
          sorted.map((u, i) => unit(u.id, u.score, i + 1, u.score >= 50 ? "g" : "r", { one: u.score })),
        );
      });
  const pair = fc.tuple(units.chain(rated), units.chain(rated));

  it("a rating compared with itself: nothing moves", () => {
    fc.assert(
      fc.property(units.chain(rated), (r) => {
        const effect = rankingEffect({ ruleset: RULES, result: r }, { ruleset: RULES, result: r });
        expect(effect.movers).toEqual([]);
        expect(effect.zoneChanges).toEqual([]);
        expect(effect.units.every((u) => u.scoreChange === 0 && u.rankChange === 0)).toBe(true);
      }),
    );
  });

  it("every unit once; swapping the versions negates every change; movers within --top and moved", () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 1, max: 6 }), ([a, b], top) => {
        const forward = rankingEffect({ ruleset: RULES, result: a }, { ruleset: RULES, result: b }, { top });
        const backward = rankingEffect({ ruleset: RULES, result: b }, { ruleset: RULES, result: a }, { top });
        const all = new Set([...a.results, ...b.results].map((u) => u.unit));
        expect(new Set(forward.units.map((u) => u.unit))).toEqual(all);
        expect(forward.units).toHaveLength(all.size);
        for (const u of forward.units) {
          const v = backward.units.find((x) => x.unit === u.unit);
          expect(v?.scoreChange === undefined ? undefined : 0 - v.scoreChange).toBe(u.scoreChange);
          expect(v?.rankChange === undefined ? undefined : 0 - v.rankChange).toBe(u.rankChange);
        }
        expect(forward.movers.length).toBeLessThanOrEqual(top);
        for (const id of forward.movers) {
          const u = forward.units.find((x) => x.unit === id);
          expect(u?.rankChange !== 0 || u?.scoreChange !== 0).toBe(true);
        }
        expect(forward.onlyOld).toEqual(backward.onlyNew);
      }),
    );
  });
});
