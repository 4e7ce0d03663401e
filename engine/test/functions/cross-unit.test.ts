import { describe, expect, it } from "vitest";
import { checkFormula } from "../../src/check/checker.js";
import { compileFormula } from "../../src/compile/compiler.js";
import type { EvalContext } from "../../src/formula/context.js";
import { evaluateFormula, formatValue } from "../../src/formula/evaluate.js";
import { MemoryContext, type MemoryValue } from "../../src/formula/memory-context.js";
import { parseFormula } from "../../src/formula/parser.js";
import { environment } from "../compile/fixtures.js";

const env = environment({ x: "number", y: "number" });

/** Five units in 2026-Q1; sairam's x is n/a and turkistan's y is absent. */
const X: Record<string, MemoryValue> = { arys: 4, kentau: 7, keles: 7, sairam: "n/a", turkistan: 12 };
const Y: Record<string, MemoryValue> = { arys: 1, kentau: 2, keles: 3, sairam: 4 };
const UNITS = Object.keys(X);
const ctx = new MemoryContext(env, {
  units: UNITS,
  periods: ["2026-Q1"],
  values: {
    x: Object.fromEntries(UNITS.map((u) => [u, { "2026-Q1": X[u] as MemoryValue }])),
    y: Object.fromEntries(Object.entries(Y).map(([u, v]) => [u, { "2026-Q1": v }])),
  },
});

function at(unit: string, formula: string): string {
  const result = evaluateFormula(formula, { env, context: ctx, unit: ctx.unit(unit), period: 0 });
  if (!result.value) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; "));
  return formatValue(result.value);
}

describe("region_* over the units rated in the period, skipping missing values", () => {
  it.each([
    ["region_sum(x)", "30"],
    ["region_avg(x)", "7.5"],
    ["region_min(x)", "4"],
    ["region_max(x)", "12"],
    ["region_median(x)", "7"],
    ["region_median(y)", "2.5"], // even count: mean of the middle two
    ["region_avg(x / y)", "3.27777777777778"], // (4/1 + 7/2 + 7/3) / 3, shown at 15 digits
    ["x - region_avg(x)", "4.5"],
  ])("%s = %s", (formula, expected) => expect(at("turkistan", formula)).toBe(expected));

  it("gives the same value for every unit, even one whose own value is missing", () => {
    expect(at("sairam", "region_avg(x)")).toBe("7.5");
  });

  it("is missing with reason no-peers when no unit has a value", () => {
    expect(at("arys", "region_sum(x / 0)")).toBe("missing: region_sum: no unit has a value in this period");
  });
});

describe("rank", () => {
  it("ranks 1 = highest, equal values sharing the best rank (1, 2, 2, 4)", () => {
    const ranks = Object.fromEntries(UNITS.filter((u) => u !== "sairam").map((u) => [u, at(u, "rank(x)")]));
    expect(ranks).toEqual({ turkistan: "1", kentau: "2", keles: "2", arys: "4" });
  });

  it('ranks ascending with rank(x, "asc")', () => {
    const ranks = Object.fromEntries(UNITS.filter((u) => u !== "sairam").map((u) => [u, at(u, 'rank(x, "asc")')]));
    expect(ranks).toEqual({ arys: "1", kentau: "2", keles: "2", turkistan: "4" });
    expect(at("arys", 'rank(x, "desc")')).toBe("4");
  });

  it("is missing for a unit whose value is missing", () => {
    expect(at("sairam", "rank(x)")).toBe("missing: x is not applicable (n/a) for sairam in 2026-Q1");
  });

  it("compares at 15 significant digits, so values equal to a person tie", () => {
    const tie = new MemoryContext(env, {
      units: ["a", "b"],
      periods: ["2026-03"],
      values: { x: { a: { "2026-03": 0.3 } }, y: { a: { "2026-03": 1 } } },
    });
    tie.set("x", "b", "2026-03", 0.1);
    tie.set("y", "b", "2026-03", 2);
    // a: 0.3 * 1 = 0.3; b: 0.1 * 2 + 0.1 = 0.30000000000000004
    const ast = parseFormula("rank(if(y = 1, x * y, x * y + 0.1))").ast;
    if (!ast) throw new Error("parse");
    const compiled = compileFormula(ast, env);
    expect([compiled.run(tie, 0, 0), compiled.run(tie, 1, 0)]).toEqual([1, 1]);
  });
});

/** Counts reads, to show the cost of rating n units is O(n), not O(n^2). */
function countingContext(inner: EvalContext): EvalContext & { reads: number } {
  const counted = {
    reads: 0,
    memo: inner.memo,
    get(slot: number, unit: number, period: number) {
      counted.reads++;
      return inner.get(slot, unit, period);
    },
    ytd: inner.ytd.bind(inner),
    prev: inner.prev.bind(inner),
    prevYear: inner.prevYear.bind(inner),
    peers: inner.peers.bind(inner),
    unitName: inner.unitName.bind(inner),
    periodName: inner.periodName.bind(inner),
  };
  return counted;
}

describe("memoised per call site and period", () => {
  const n = 300;
  const units = Array.from({ length: n }, (_, i) => `u${i}`);
  const big = new MemoryContext(env, {
    units,
    periods: ["2026-01", "2026-02"],
    values: { x: Object.fromEntries(units.map((u, i) => [u, { "2026-01": i, "2026-02": 2 * i }])) },
  });

  function readsToRateAll(formula: string, period: number): { reads: number; values: unknown[] } {
    const ast = parseFormula(formula).ast;
    if (!ast || checkFormula(ast, env).diagnostics.length > 0) throw new Error(formula);
    const compiled = compileFormula(ast, env);
    const counting = countingContext(big);
    const values = units.map((_, unit) => compiled.run(counting, unit, period));
    return { reads: counting.reads, values };
  }

  it("reads each unit's input once for the aggregate and once for its own value", () => {
    const { reads, values } = readsToRateAll("x - region_avg(x)", 0);
    expect(reads).toBe(2 * n);
    expect(values[0]).toBe(-(n - 1) / 2);
  });

  it("ranks n units with 2n reads", () => {
    const { reads, values } = readsToRateAll("rank(x)", 0);
    expect(reads).toBe(2 * n);
    expect(values[0]).toBe(n);
    expect(values[n - 1]).toBe(1);
  });

  it("keeps separate results per period", () => {
    expect(readsToRateAll("region_max(x)", 0).values[0]).toBe(n - 1);
    expect(readsToRateAll("region_max(x)", 1).values[0]).toBe(2 * (n - 1));
  });

  it("recomputes after the data changes (MemoryContext.set clears the memo)", () => {
    const small = new MemoryContext(env, { units: ["a", "b"], periods: ["2026-01"] });
    small.set("x", "a", "2026-01", 1);
    small.set("x", "b", "2026-01", 3);
    const ast = parseFormula("region_sum(x)").ast;
    if (!ast) throw new Error("parse");
    const compiled = compileFormula(ast, env);
    expect(compiled.run(small, 0, 0)).toBe(4);
    small.set("x", "b", "2026-01", 5);
    expect(compiled.run(small, 0, 0)).toBe(6);
  });
});
