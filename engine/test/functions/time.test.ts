import { describe, expect, it } from "vitest";
import { evaluateFormula, formatValue } from "../../src/formula/evaluate.js";
import { MemoryContext } from "../../src/formula/memory-context.js";
import { environment } from "../compile/fixtures.js";

/** Revenue and plan of one unit over five months of 2026 and March 2025. */
const env = environment({
  revenue: "number",
  plan: "number",
  rate: "number",
  score: { type: "number", kind: "indicator" },
});
const ctx = new MemoryContext(env, {
  units: ["keles"],
  periods: ["2025-03", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"],
  values: {
    revenue: {
      keles: { "2025-03": 80, "2026-01": 90, "2026-02": 100, "2026-03": 120, "2026-04": "n/a", "2026-05": 50 },
    },
    plan: { keles: { "2026-01": 100, "2026-02": 100, "2026-03": 0, "2026-05": 40 } },
    rate: { keles: { "2026-01": 10, "2026-02": 20, "2026-03": 30 } },
  },
  aggregates: { rate: "mean" },
});

function at(period: string, formula: string): string {
  const result = evaluateFormula(formula, { env, context: ctx, unit: 0, period: ctx.period(period) });
  if (!result.value) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; "));
  return formatValue(result.value);
}

describe("prev", () => {
  it("evaluates its argument in the previous period", () => {
    expect(at("2026-03", "prev(revenue)")).toBe("100");
    expect(at("2026-03", "revenue - prev(revenue)")).toBe("20");
    expect(at("2026-03", "prev(prev(revenue))")).toBe("90");
  });

  it("evaluates a whole expression there: prev(a / b) is prev(a) / prev(b)", () => {
    expect(at("2026-03", "prev(revenue / plan * 100)")).toBe("100");
    expect(at("2026-03", "prev(revenue / plan * 100) = prev(revenue) / prev(plan) * 100")).toBe("true");
  });

  it("reaching before the data gives missing naming the period reached", () => {
    expect(at("2026-01", "prev(revenue)")).toBe("missing: prev reaches 2025-12, before the data begins");
    expect(at("2026-02", "prev(prev(revenue))")).toBe("missing: prev reaches 2025-12, before the data begins");
  });

  it("passes on the shifted period's missing values with their own period", () => {
    expect(at("2026-05", "prev(revenue)")).toBe("missing: revenue is not applicable (n/a) for keles in 2026-04");
    expect(at("2026-05", "prev(plan)")).toBe("missing: no value of plan for keles in 2026-04");
  });
});

describe("prev_year", () => {
  it("evaluates its argument one year earlier", () => {
    expect(at("2026-03", "revenue / prev_year(revenue) * 100")).toBe("150");
    expect(at("2026-02", "prev_year(revenue)")).toBe("missing: prev_year reaches 2025-02, before the data begins");
  });
});

describe("ytd", () => {
  it("sums the year's periods up to the one rated (aggregate: sum)", () => {
    expect(at("2026-03", "ytd(revenue)")).toBe("310");
    expect(at("2026-01", "ytd(revenue)")).toBe("90");
  });

  it("follows the field's aggregation rule (mean)", () => {
    expect(at("2026-03", "ytd(rate)")).toBe("20");
  });

  it("is missing when a month of the year is", () => {
    expect(at("2026-05", "ytd(revenue)")).toBe("missing: revenue is not applicable (n/a) for keles in 2026-04");
  });

  it("combines with prev", () => {
    expect(at("2026-03", "prev(ytd(revenue))")).toBe("190");
  });
});
