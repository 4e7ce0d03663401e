import { describe, expect, it } from "vitest";
import type { Band } from "../../src/model/ruleset.js";
import {
  achievement,
  bands,
  formulaScore,
  goalposts,
  minmax,
  peerStats,
  rank,
  yesno,
  zscore,
} from "../../src/scoring/methods.js";

const at = {
  file: "b.yaml",
  range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
};
const band = (score: number, bound: { min?: number; max?: number }): Band => ({ score, at, ...bound });

describe("achievement", () => {
  it("divides value by plan when higher is better, capped and divided by the cap", () => {
    expect(achievement(80, 100, 1, "higher")).toBe(0.8);
    expect(achievement(130, 100, 1, "higher")).toBe(1);
    expect(achievement(110, 100, 1.2, "higher")).toBeCloseTo(1.1 / 1.2, 15); // 110% of a 120% cap
    expect(achievement(150, 100, 1.2, "higher")).toBe(1);
    expect(achievement(-5, 100, 1, "higher")).toBe(0);
  });
  it("reaches the cap at 15 significant digits: 4736 of a 4736 plan after float noise is 1", () => {
    expect(achievement(0.1 + 0.2, 0.3, 1, "higher")).toBe(1); // 0.30000000000000004 / 0.3 > 1 by an ulp
  });
  it("divides plan by value when lower is better", () => {
    expect(achievement(125, 100, 1, "lower")).toBe(0.8); // 100 / 125
    expect(achievement(50, 100, 1, "lower")).toBe(1);
    expect(achievement(0, 100, 1, "lower")).toBe(1); // nothing is below zero: the plan is beaten
  });
  it("states the zero-plan rules: no score when higher; met or not when lower", () => {
    expect(achievement(5, 0, 1, "higher")).toEqual({ unscored: "the plan is 0, so value / plan has no meaning" });
    expect(achievement(5, -2, 1, "higher")).toEqual({ unscored: "the plan is -2, so value / plan has no meaning" });
    expect(achievement(0, 0, 1, "lower")).toBe(1);
    expect(achievement(3, 0, 1, "lower")).toBe(0);
    expect(achievement(3, -1, 1, "lower")).toEqual({ unscored: "the plan is -1, so plan / value has no meaning" });
  });
});

describe("goalposts", () => {
  it("scales linearly between the goalposts and clamps outside", () => {
    expect(goalposts(90, 80, 100, "none", "higher")).toBe(0.5);
    expect(goalposts(70, 80, 100, "none", "higher")).toBe(0);
    expect(goalposts(120, 80, 100, "none", "higher")).toBe(1);
    expect(goalposts(85, 80, 100, "none", "lower")).toBe(0.75); // (100 - 85) / 20
  });
  it("applies ln before scaling: halfway in logs is the geometric midpoint", () => {
    expect(goalposts(100, 10, 1000, "ln", "higher")).toBeCloseTo(0.5, 15); // ln 100 is halfway from ln 10 to ln 1000
  });
  it("puts values <= 0 below the lower goalpost under ln", () => {
    expect(goalposts(0, 10, 1000, "ln", "higher")).toBe(0);
    expect(goalposts(-3, 10, 1000, "ln", "lower")).toBe(1);
  });
  it("refuses ln with a goalpost <= 0 and reversed goalposts", () => {
    expect(goalposts(5, 0, 10, "ln", "higher")).toEqual({ unscored: "ln goalposts need min > 0, it is 0" });
    expect(goalposts(5, 10, 1, "none", "higher")).toEqual({ unscored: "the goalposts are reversed: min 10 > max 1" });
  });
  it("compares the goalposts at 15 digits", () => {
    expect(goalposts(0.1 + 0.2, 0, 0.3, "none", "higher")).toBe(1);
  });
});

describe("cross-unit methods", () => {
  const peers = peerStats([10, 20, 20, 50]); // mean 25, population sd sqrt((225+25+25+625)/4) = 15
  it("computes the peers' statistics (population deviation)", () => {
    expect(peers).toMatchObject({ count: 4, lowest: 10, highest: 50, mean: 25, deviation: 15 });
  });
  it("minmax: (v - lowest) / (highest - lowest), reversed when lower is better", () => {
    expect(minmax(20, peers, "higher")).toBe(0.25); // (20 - 10) / 40
    expect(minmax(20, peers, "lower")).toBe(0.75);
    expect(minmax(50, peers, "higher")).toBe(1);
  });
  it("minmax: everyone equal scores 1", () => {
    expect(minmax(7, peerStats([7, 7, 7]), "higher")).toBe(1);
    expect(minmax(0.1, peerStats([0.1, 0.30000000000000004 / 3]), "lower")).toBe(1);
  });
  it("zscore: clipped z mapped to [0, 1], the mean at 0.5", () => {
    expect(zscore(25, peers, 2, "higher")).toBe(0.5);
    expect(zscore(40, peers, 2, "higher")).toBe(0.75); // z = 1 -> (1 + 2) / 4
    expect(zscore(40, peers, 2, "lower")).toBe(0.25);
    expect(zscore(100, peers, 2, "higher")).toBe(1); // z = 5, clipped to 2
    expect(zscore(3, peerStats([3, 3]), 2, "higher")).toBe(0.5);
  });
  it("stay finite for values near the largest doubles and near zero", () => {
    const huge = peerStats([1.7e308, -1.7e308, 0]); // highest - lowest overflows in doubles
    expect(minmax(0, huge, "higher")).toBe(0.5);
    expect(zscore(1.7e308, huge, 2, "higher")).toBeCloseTo(0.5 + Math.sqrt(1.5) / 4, 12); // z = sqrt(3/2)
    const tiny = peerStats([1e-200, 3e-200]); // squares vanish in doubles
    expect(zscore(3e-200, tiny, 2, "higher")).toBe(0.75); // z = 1
  });
  it("rank: best 1, worst 0, ties share the average rank", () => {
    // Places: 50 -> 1, 20 and 20 -> 2.5, 10 -> 4; score (n - place) / (n - 1)
    expect(rank(50, peers, "higher")).toBe(1);
    expect(rank(20, peers, "higher")).toBe(0.5); // (4 - 2.5) / 3
    expect(rank(10, peers, "higher")).toBe(0);
    expect(rank(10, peers, "lower")).toBe(1);
    expect(rank(50, peers, "lower")).toBe(0);
    expect(rank(5, peerStats([5]), "higher")).toBe(1);
  });
});

describe("bands", () => {
  const higher = [band(1, { min: 100 }), band(0.5, { min: 90 }), band(0, {})];
  it("takes the first band whose min the value reaches", () => {
    expect(bands(100, higher, "higher")).toBe(1);
    expect(bands(95, higher, "higher")).toBe(0.5);
    expect(bands(12, higher, "higher")).toBe(0);
  });
  it("puts 4262.4 of a 4736 plan (exactly 90%) in the 90% band", () => {
    const percent = (4262.4 / 4736) * 100; // 89.99999999999999 in binary
    expect(percent).toBeLessThan(90);
    expect(bands(percent, higher, "higher")).toBe(0.5);
  });
  it("takes the first band whose max the value does not exceed when lower is better", () => {
    const lower = [band(1, { max: 90 }), band(0.5, { max: 100 }), band(0, {})];
    expect(bands(90, lower, "lower")).toBe(1);
    expect(bands(99, lower, "lower")).toBe(0.5);
    expect(bands(101, lower, "lower")).toBe(0);
  });
  it("scores 0 when no band matches and there is no open band", () => {
    expect(bands(50, [band(1, { min: 100 })], "higher")).toBe(0);
  });
});

describe("yesno and formula", () => {
  it("yes scores 1 and no 0, reversed when lower is better", () => {
    expect(yesno(true, "higher")).toBe(1);
    expect(yesno(false, "higher")).toBe(0);
    expect(yesno(true, "lower")).toBe(0);
    expect(yesno(1, "higher")).toEqual({ unscored: "yesno needs a yes/no value, the formula gives 1" });
  });
  it("clamps the score formula's result to [0, 1]", () => {
    expect(formulaScore(0.4)).toBe(0.4);
    expect(formulaScore(1.7)).toBe(1);
    expect(formulaScore(-2)).toBe(0);
    expect(formulaScore(true)).toBe(1);
  });
});
