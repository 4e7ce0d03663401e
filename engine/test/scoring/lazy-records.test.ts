import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/data/period.js";
import { defaultFormulaCompiler } from "../../src/scoring/compiler.js";
import { rate } from "../../src/scoring/engine.js";
import { Evaluator } from "../../src/scoring/evaluator.js";
import { lazyProperty } from "../../src/scoring/lazy-property.js";
import { prepareRuleset } from "../../src/scoring/prepare.js";
import type { RatingResult } from "../../src/scoring/result.js";
import { cell, makeRuleset, storeOf } from "./fixture.js";

describe("lazyProperty", () => {
  it("computes the value at the first read, once", () => {
    let calls = 0;
    const target = lazyProperty({ a: 1, b: 0, c: 3 }, "b", () => {
      calls++;
      return 2;
    });
    expect(calls).toBe(0);
    expect(target.b).toBe(2);
    expect(target.b).toBe(2);
    expect(calls).toBe(1);
  });

  it("keeps the key's place: JSON, keys and deep equality see a plain object", () => {
    const target = lazyProperty({ a: 1, b: {} as { x?: number }, c: 3 }, "b", () => ({ x: 2 }));
    expect(Object.keys(target)).toEqual(["a", "b", "c"]);
    expect(JSON.stringify(target)).toBe('{"a":1,"b":{"x":2},"c":3}');
    expect(target).toStrictEqual({ a: 1, b: { x: 2 }, c: 3 });
    expect({ ...target }).toStrictEqual({ a: 1, b: { x: 2 }, c: 3 });
  });

  it("still gives the value on a frozen object", () => {
    const target = Object.freeze(lazyProperty({ a: 1, b: 0 }, "b", () => 2));
    expect(target.b).toBe(2);
    expect(JSON.stringify(target)).toBe('{"a":1,"b":2}');
  });

  it("takes an assignment without computing", () => {
    let calls = 0;
    const target = lazyProperty({ b: 0 }, "b", () => ++calls);
    target.b = 7;
    expect(target.b).toBe(7);
    expect(calls).toBe(0);
  });
});

describe("indicator records built at their first read", () => {
  // Two blocks (arithmetic, geometric), a missing month, an excluded and a not-applicable indicator, and a
  // peer-relative method, so the records carry every status.
  const ruleset = makeRuleset({
    units: ["arys", "kentau", "turkistan"],
    fields: ["jobs", "plan", { id: "revenue", cumulative: true }],
    blocks: [
      {
        id: "economy",
        weight: 60,
        indicators: [
          { id: "jobs_done", formula: "jobs / plan * 100", score: { method: "goalposts", min: 50, max: 120 } },
          { id: "revenue_rank", formula: "revenue", score: { method: "minmax" }, weight: 2 },
          { id: "city_only", formula: "jobs", applies: { units: ["turkistan"] }, score: { method: "minmax" } },
        ],
      },
      {
        id: "social",
        weight: 40,
        aggregation: "geometric",
        missing: "exclude",
        indicators: [
          { id: "growth", formula: "revenue - prev(revenue)", score: { method: "zscore" } },
          { id: "jobs_rank", formula: "jobs", score: { method: "rank" } },
        ],
      },
    ],
  });
  const observations = ["arys", "kentau", "turkistan"].flatMap((unit, u) =>
    ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"].flatMap((month, m) => [
      ...(unit === "kentau" && month === "2026-05" ? [] : [cell(unit, "jobs", month, 10 + u * 3 + m)]),
      cell(unit, "plan", month, 12),
      cell(unit, "revenue", month, (m + 1) * (100 + 17 * u)),
    ]),
  );
  const store = storeOf(ruleset, observations);
  const { prepared } = prepareRuleset(ruleset, defaultFormulaCompiler);
  if (!prepared) throw new Error("the fixture does not prepare");
  const period = (text: string) => parsePeriod(text) ?? { kind: "quarter" as const, year: 0, index: 0 };
  const json = (r: RatingResult | undefined) => JSON.stringify(r);

  it("are not built by rating, and are there when read", () => {
    const run = rate(prepared, store, { rating: "quarterly", period: period("2026-Q2"), previous: "none" });
    const first = run.result?.results[0];
    if (!first) throw new Error("no result");
    expect(Object.getOwnPropertyDescriptor(first, "indicators")?.get).toBeDefined();
    expect(Object.keys(first.indicators)).toEqual(["jobs_done", "revenue_rank", "city_only", "growth", "jobs_rank"]);
    expect(Object.getOwnPropertyDescriptor(first, "indicators")?.value).toBe(first.indicators);
  });

  it("read after later periods were rated with the same evaluator are those of a rating on its own", () => {
    const alone = rate(prepared, store, { rating: "quarterly", period: period("2026-Q1"), previous: "none" });
    const expected = json(alone.result); // every record built now
    const evaluator = new Evaluator(prepared, store, [0, 1, 2]);
    const q1 = rate(prepared, store, { rating: "quarterly", period: period("2026-Q1"), previous: "none", evaluator });
    const q2 = rate(prepared, store, {
      rating: "quarterly",
      period: period("2026-Q2"),
      previous: q1.result,
      evaluator,
    });
    expect(q2.result?.results.some((r) => r.indicators.jobs_done?.status === "missing-zero")).toBe(true);
    expect(json(q1.result)).toBe(expected);
  });
});
