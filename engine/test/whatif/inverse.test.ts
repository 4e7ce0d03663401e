import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { RatingSession, type RatingSession as Session } from "../../src/cli/rating-session.js";
import { parsePeriod } from "../../src/data/period.js";
import { periodCode } from "../../src/data/store.js";
import type { Indicator } from "../../src/model/ruleset.js";
import * as methods from "../../src/scoring/methods.js";
import { inverseScore } from "../../src/whatif/inverse.js";
import { Rescorer } from "../../src/whatif/rescore.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");

/** Just what inverseScore reads of an indicator. */
function indicator(score: Indicator["score"], better: "higher" | "lower"): Indicator {
  return { score, better } as unknown as Indicator;
}

const achievement = (cap: number, better: "higher" | "lower") =>
  indicator({ method: "achievement", cap, plan: { text: "plan" } } as Indicator["score"], better);
const goalposts = (min: number, max: number, transform: "none" | "ln", better: "higher" | "lower") =>
  indicator({ method: "goalposts", min, max, transform } as Indicator["score"], better);

describe("the score methods' inverses", () => {
  test("hand-computed values", () => {
    // 0.9 of a plan of 250 with cap 1: 225; with cap 1.2 the full score needs 1.2 × 250 = 300.
    expect(inverseScore(achievement(1, "higher"), 0.9, 250)).toBeCloseTo(225, 12);
    expect(inverseScore(achievement(1.2, "higher"), 1, 250)).toBeCloseTo(300, 12);
    // lower is better: plan / (s · cap): a plan of 10 scored 0.5 needs the value 20.
    expect(inverseScore(achievement(1, "lower"), 0.5, 10)).toBeCloseTo(20, 12);
    // goalposts 0..30: 0.8 → 24; lower is better, 0..30: 0.8 → 6; ln 1..100: 0.5 → 10.
    expect(inverseScore(goalposts(0, 30, "none", "higher"), 0.8, undefined)).toBeCloseTo(24, 12);
    expect(inverseScore(goalposts(0, 30, "none", "lower"), 0.8, undefined)).toBeCloseTo(6, 12);
    expect(inverseScore(goalposts(1, 100, "ln", "higher"), 0.5, undefined)).toBeCloseTo(10, 12);
    // The goalposts themselves exactly, whatever binary arithmetic makes of min + (max − min).
    expect(inverseScore(goalposts(0.1, 0.3, "none", "higher"), 1, undefined)).toBe(0.3);
    // No inverse: a plan of 0 or below, and the other methods.
    expect(inverseScore(achievement(1, "higher"), 0.5, 0)).toBeUndefined();
    expect(inverseScore(indicator({ method: "rank" } as Indicator["score"], "higher"), 0.5, undefined)).toBeUndefined();
  });

  test("the method scores its inverse back to the score (at 15 significant digits)", () => {
    const s = fc.double({ min: 0.001, max: 1, noNaN: true });
    const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(s, positive, fc.double({ min: 0.5, max: 2, noNaN: true }), fc.boolean(), (score, plan, cap, up) => {
        const better = up ? "higher" : "lower";
        const v = inverseScore(achievement(cap, better), score, plan) as number;
        expect(methods.achievement(v, plan, cap, better) as number).toBeCloseTo(score, 9);
      }),
    );
    fc.assert(
      fc.property(s, positive, positive, fc.boolean(), fc.boolean(), (score, a, b, up, ln) => {
        fc.pre(Math.abs(a - b) > 1e-3 * Math.max(a, b));
        const [min, max] = [Math.min(a, b), Math.max(a, b)];
        const better = up ? "higher" : "lower";
        const transform = ln ? "ln" : "none";
        const v = inverseScore(goalposts(min, max, transform, better), score, undefined) as number;
        expect(methods.goalposts(v, min, max, transform, better) as number).toBeCloseTo(score, 9);
      }),
    );
  });
});

describe("the fast rescoring agrees with rate", () => {
  test("every unit-reported input of kentau moved 10% up and down: the same standing, to the bit", async () => {
    const session: Session = new RatingSession(
      "rules/turkistan/districts",
      ["rules/turkistan/districts/sample-data"],
      ROOT,
    );
    const period = parsePeriod("2026-Q3");
    if (!period) throw new Error("period");
    const { version } = await session.version(period);
    if (!version) throw new Error("the Turkistan sample did not load");
    const rescorer = new Rescorer({
      prepared: version.prepared,
      store: version.store,
      rating: "quarterly",
      period,
      unit: "kentau",
    });
    const unit = version.store.unitIndex("kentau");
    const code = periodCode(period);
    const before = rescorer.rated(new Map());
    let compared = 0;
    let moved = 0;
    for (const field of version.ruleset.fields.filter((f) => f.source === "unit")) {
      const f = version.store.fieldIndex(field.id);
      const v = version.store.value(f, unit, code);
      if (typeof v !== "number" || v === 0) continue;
      for (const factor of [0.9, 1.1]) {
        const change = new Map([[`${f}/${unit}/${code}`, v * factor]]);
        const fast = rescorer.standing(change);
        expect(fast, field.id).toEqual(rescorer.rated(change));
        compared++;
        if (fast?.total !== before?.total) moved++;
      }
    }
    // Not a comparison of unchanged ratings: many of the changes move the total.
    expect(compared).toBeGreaterThan(40);
    expect(moved).toBeGreaterThan(30);
  }, 60_000);
});
