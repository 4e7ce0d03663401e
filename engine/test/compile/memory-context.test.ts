import { describe, expect, it } from "vitest";
import { MemoryContext } from "../../src/formula/memory-context.js";
import { environment } from "./fixtures.js";

const env = environment({ x: "number", kind: { type: "string", kind: "attribute" } });

describe("MemoryContext", () => {
  const ctx = new MemoryContext(env, {
    units: ["arys", "kentau"],
    periods: ["2025-Q4", "2026-Q1", "2026-Q2", "2025-q2"],
    values: {
      x: { arys: { "2026-Q1": 5, "2025-Q4": 3, "2026-Q2": "n/a" } },
      kind: { kentau: { "2026-Q1": "district" } },
    },
  });

  it("gives values by slot, unit and period index", () => {
    expect(ctx.get(0, ctx.unit("arys"), ctx.period("2026-Q1"))).toBe(5);
    expect(ctx.get(1, ctx.unit("kentau"), ctx.period("2026-q1"))).toBe("district");
  });

  it("says why a value is missing: no data, or n/a", () => {
    expect(ctx.get(0, 1, ctx.period("2026-Q1"))).toEqual({
      missing: true,
      reason: { kind: "no-data", name: "x", unit: "kentau", period: "2026-Q1" },
    });
    expect(ctx.get(0, 0, ctx.period("2026-Q2"))).toEqual({
      missing: true,
      reason: { kind: "not-applicable", name: "x", unit: "arys", period: "2026-Q2" },
    });
  });

  it("moves between periods of the same kind, within those listed", () => {
    expect(ctx.periodName(ctx.prev(ctx.period("2026-Q1")))).toBe("2025-Q4");
    expect(ctx.prev(ctx.period("2025-Q4"))).toBe(-1); // 2025-Q3 is not listed
    expect(ctx.periodName(ctx.prevYear(ctx.period("2026-Q2")))).toBe("2025-Q2");
    expect(ctx.prevYear(ctx.period("2026-Q1"))).toBe(-1);
  });

  it("rates every unit together by default, or the peers given", () => {
    expect(ctx.peers(0)).toEqual([0, 1]);
    const some = new MemoryContext(env, { units: ["a", "b", "c"], periods: ["2026"], peers: ["c", "a"] });
    expect(some.peers(0)).toEqual([2, 0]);
  });

  it("refuses data that does not fit, instead of dropping it", () => {
    const base = { units: ["a"], periods: ["2026-01"] };
    expect(() => new MemoryContext(env, { ...base, values: { x: { a: { "2026-01": "5" } } } })).toThrow(
      'x is declared as number, but "5" was given',
    );
    expect(() => new MemoryContext(env, { ...base, values: { y: { a: { "2026-01": 5 } } } })).toThrow(
      '"y" is not a name of the environment',
    );
    expect(() => new MemoryContext(env, { ...base, values: { x: { b: { "2026-01": 5 } } } })).toThrow(
      'unknown unit "b"',
    );
    expect(() => new MemoryContext(env, { ...base, values: { x: { a: { "2026-02": 5 } } } })).toThrow(
      'period "2026-02" is not among the periods of this context',
    );
    expect(() => new MemoryContext(env, { ...base, values: { x: { a: { "2026-01": Number.NaN } } } })).toThrow(
      "not a finite number",
    );
    expect(() => new MemoryContext(env, { units: ["a"], periods: ["March"] })).toThrow('period "March" is not a month');
  });

  it("names units and periods for reasons", () => {
    expect([ctx.unitName(1), ctx.periodName(1)]).toEqual(["kentau", "2026-Q1"]);
  });
});
