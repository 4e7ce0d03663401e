import { describe, expect, it } from "vitest";
import { parsePeriod, previousPeriod, sameTimeLastYear } from "../../src/data/period.js";
import { periodCode, periodFromCode } from "../../src/data/store.js";
import type { MissingPolicy } from "../../src/model/ruleset.js";
import { IndicatorContext } from "../../src/scoring/context.js";
import { evaluationPeriod } from "../../src/scoring/engine.js";
import type { RatingResult } from "../../src/scoring/result.js";
import { explainUnit } from "../../src/scoring/trace.js";
import { cell, makeRuleset, type RulesetSpec, rateFixture, storeOf } from "./fixture.js";

/**
 * The worked example of docs/scoring.md. Scale 100: economy 60 points, social 40.
 * economy: revenue achievement (weight 3) and jobs goalposts 0..30 (weight 1): effective weights 45 and 15.
 * social: satisfaction = satisfied / surveyed * 100 in bands (>= 90: 1, >= 70: 0.5, else 0).
 */
function spec(jobsMissing?: MissingPolicy): RulesetSpec {
  return {
    units: ["a", "b", "c"],
    fields: [
      { id: "revenue", cumulative: true },
      { id: "revenue_plan", cumulative: true },
      "jobs",
      { id: "satisfied", frequency: "quarter" },
      { id: "surveyed", frequency: "quarter" },
    ],
    blocks: [
      {
        id: "economy",
        weight: 60,
        indicators: [
          {
            id: "revenue_execution",
            formula: "revenue",
            score: { method: "achievement", plan: "revenue_plan" },
            weight: 3,
          },
          {
            id: "jobs_created",
            formula: "jobs",
            score: { method: "goalposts", min: 0, max: 30 },
            ...(jobsMissing ? { missing: jobsMissing } : {}),
          },
        ],
      },
      {
        id: "social",
        weight: 40,
        indicators: [
          {
            id: "satisfaction",
            formula: "satisfied / surveyed * 100",
            score: { method: "bands", bands: [{ min: 90, score: 1 }, { min: 70, score: 0.5 }, { score: 0 }] },
          },
        ],
      },
    ],
    ratings: [
      { id: "quarterly", frequency: "quarter" },
      { id: "economy", frequency: "quarter", blocks: ["economy"] },
    ],
  };
}

const data = [
  // Running totals since January: Q2 = June - March.
  ...[
    ["a", 300, 800, 300, 800], // revenue 500 of plan 500: 1
    ["b", 200, 600, 250, 750], // 400 of 500: 0.8
    ["c", 100, 250, 100, 400], // 150 of 300: 0.5
  ].flatMap(([u, r3, r6, p3, p6]) => [
    cell(String(u), "revenue", "2026-03", Number(r3)),
    cell(String(u), "revenue", "2026-06", Number(r6)),
    cell(String(u), "revenue_plan", "2026-03", Number(p3)),
    cell(String(u), "revenue_plan", "2026-06", Number(p6)),
  ]),
  // jobs: a 10+10+10 = 30 -> 1; b 5+5+5 = 15 -> 0.5; c has no May: missing.
  ...["04", "05", "06"].flatMap((m) => [cell("a", "jobs", `2026-${m}`, 10), cell("b", "jobs", `2026-${m}`, 5)]),
  cell("c", "jobs", "2026-04", 6),
  cell("c", "jobs", "2026-06", 6),
  // a: 4262.4 of 4736 is exactly 90% (89.99999999999999 in binary); b: 75%; c: n/a.
  cell("a", "satisfied", "2026-Q2", 4262.4),
  cell("a", "surveyed", "2026-Q2", 4736),
  cell("b", "satisfied", "2026-Q2", 75),
  cell("b", "surveyed", "2026-Q2", 100),
  cell("c", "satisfied", "2026-Q2", "n/a"),
  cell("c", "surveyed", "2026-Q2", 100),
];

function result(run: { result?: RatingResult; diagnostics: readonly { message: string }[] }): RatingResult {
  if (!run.result) throw new Error(run.diagnostics.map((d) => d.message).join("; "));
  return run.result;
}

const unit = (r: RatingResult, id: string) => {
  const u = r.results.find((x) => x.unit === id);
  if (!u) throw new Error(id);
  return u;
};

describe("the worked example (docs/scoring.md)", () => {
  const r = result(rateFixture(makeRuleset(spec()), data, { period: "2026-Q2" }));
  it("scores each indicator from its value", () => {
    expect(unit(r, "b").indicators.revenue_execution).toEqual({
      value: 400,
      score: 0.8,
      weight: 45,
      points: 36,
      status: "scored",
    });
    expect(unit(r, "a").indicators.satisfaction).toMatchObject({ score: 1, weight: 40, points: 40 });
  });
  it("scores a missing value 0 under the zero policy and says why", () => {
    expect(unit(r, "c").indicators.jobs_created).toEqual({
      value: null,
      score: 0,
      weight: 25, // c's economy block carries the whole scale (its social block is n/a): 100 x 1/4
      points: 0,
      status: "missing-zero",
      policy: "zero",
      reason: "no value of jobs for c in 2026-05",
    });
  });
  it("leaves out an n/a block and rescales the unit's other blocks to the full scale", () => {
    const c = unit(r, "c");
    expect(c.indicators.satisfaction).toMatchObject({ value: null, score: null, weight: 0, status: "not-applicable" });
    expect(c.blocks.social).toEqual({
      score: 0,
      weight: 0,
      reason: "every indicator of the block is excluded or not applicable",
    });
    // economy weight 60 x 100 / 60 = 100: revenue 75 x 0.5 = 37.5, jobs 25 x 0 = 0
    expect(c.blocks.economy).toEqual({ score: 37.5, weight: 100 });
  });
  it("adds block points to the total, ranks and grades", () => {
    // a: 45 + 15 + 40 = 100; b: 36 + 7.5 + 20 = 63.5; c: 37.5
    expect(r.results.map((u) => [u.unit, u.score, u.rank, u.grade])).toEqual([
      ["a", 100, 1, "green"],
      ["b", 63.5, 2, "yellow"],
      ["c", 37.5, 3, "red"],
    ]);
    expect(unit(r, "b").blocks).toEqual({ economy: { score: 43.5, weight: 60 }, social: { score: 20, weight: 40 } });
  });
});

describe("missing-data policies", () => {
  it("exclude: the weight goes to the block's other indicators", () => {
    const r = result(rateFixture(makeRuleset(spec("exclude")), data, { period: "2026-Q2" }));
    expect(unit(r, "c").indicators.jobs_created).toMatchObject({
      score: null,
      weight: 0,
      status: "missing-excluded",
      policy: "exclude",
    });
    expect(unit(r, "c").indicators.revenue_execution).toMatchObject({ weight: 100, points: 50 });
    expect(unit(r, "c").score).toBe(50);
  });
  it("fail: stops with a diagnostic naming unit, indicator, period and reason", () => {
    const run = rateFixture(makeRuleset(spec("fail")), data, { period: "2026-Q2" });
    expect(run.result).toBeUndefined();
    expect(run.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        "S201",
        "jobs_created has no value for c in 2026-Q2 (no value of jobs for c in 2026-05), and the missing-data policy is fail",
      ],
    ]);
  });
  it("the block's policy applies when the indicator has none, and the indicator's overrides it", () => {
    const s = spec();
    const economy = s.blocks[0];
    if (economy) economy.missing = "exclude";
    expect(unit(result(rateFixture(makeRuleset(s), data, { period: "2026-Q2" })), "c").score).toBe(50);
    const jobs = economy?.indicators[1];
    if (jobs) jobs.missing = "zero";
    expect(unit(result(rateFixture(makeRuleset(s), data, { period: "2026-Q2" })), "c").score).toBe(37.5);
  });
});

describe("the total as ranked beside the exact total", () => {
  it("holds rankedScore, the total rounded as the ranking rounds it, and grades on it", () => {
    const s = spec();
    const jobs = s.blocks[0]?.indicators[1];
    if (jobs) jobs.missing = "zero";
    s.rank = { round: 0, ties: "competition" };
    const c = unit(result(rateFixture(makeRuleset(s), data, { period: "2026-Q2" })), "c");
    expect(c.score).toBe(37.5);
    expect(c.rankedScore).toBe(38); // half away from zero
    s.rank = { ties: "competition" };
    const exact = unit(result(rateFixture(makeRuleset(s), data, { period: "2026-Q2" })), "c");
    expect(exact.rankedScore).toBe(37.5);
  });
});

describe("ratings over a subset of blocks", () => {
  it("rescale the named blocks to the full scale", () => {
    const r = result(rateFixture(makeRuleset(spec()), data, { period: "2026-Q2", rating: "economy" }));
    // economy carries 100: a 75 + 25 = 100; b 75 x 0.8 + 25 x 0.5 = 72.5; c 37.5
    expect(r.results.map((u) => [u.unit, u.score])).toEqual([
      ["a", 100],
      ["b", 72.5],
      ["c", 37.5],
    ]);
    expect(Object.keys(unit(r, "a").indicators)).toEqual(["revenue_execution", "jobs_created"]);
  });
});

describe("applicability", () => {
  const s: RulesetSpec = {
    units: [
      { id: "city", kind: "city", attributes: { farmland: 0 } },
      { id: "district", kind: "district", attributes: { farmland: 1200 } },
    ],
    fields: ["x", "y"],
    blocks: [
      {
        id: "b",
        weight: 100,
        indicators: [
          { id: "general", formula: "x", score: { method: "goalposts", min: 0, max: 10 } },
          {
            id: "rural",
            formula: "y",
            score: { method: "goalposts", min: 0, max: 10 },
            applies: { kinds: ["district"] },
            weight: 3,
          },
          {
            id: "farming",
            formula: "y",
            score: { method: "goalposts", min: 0, max: 10 },
            applies: { when: "unit.farmland > 0" },
          },
        ],
      },
    ],
  };
  const d = ["city", "district"].flatMap((u) => [cell(u, "x", "2026-Q1", 5), cell(u, "y", "2026-Q1", 10)]);
  const r = result(rateFixture(makeRuleset(s), d, { period: "2026-Q1" }));
  it("leaves an indicator out for units it does not apply to and gives its weight to the others", () => {
    expect(unit(r, "city").indicators.rural).toMatchObject({
      status: "not-applicable",
      weight: 0,
      reason: "rural applies to district units; city is a city",
    });
    expect(unit(r, "city").indicators.farming?.reason).toBe("applies.when (unit.farmland > 0) is false for city");
    expect(unit(r, "city").indicators.general).toMatchObject({ weight: 100, points: 50 });
    // district: weights 1, 3, 1 of 100 -> 20, 60, 20; points 10 + 60 + 20
    expect(unit(r, "district").score).toBe(90);
  });
});

describe("aggregations", () => {
  const s = (aggregation: "arithmetic" | "geometric" | "min"): RulesetSpec => ({
    units: ["u"],
    fields: ["x", "y"],
    blocks: [
      {
        id: "b",
        weight: 100,
        aggregation,
        indicators: [
          { id: "p", formula: "x", score: { method: "goalposts", min: 0, max: 100 } },
          { id: "q", formula: "y", score: { method: "goalposts", min: 0, max: 100 } },
        ],
      },
    ],
  });
  const d = [cell("u", "x", "2026-Q1", 100), cell("u", "y", "2026-Q1", 25)];
  it("arithmetic mean: (1 + 0.25) / 2", () => {
    expect(result(rateFixture(makeRuleset(s("arithmetic")), d, { period: "2026-Q1" })).results[0]?.score).toBe(62.5);
  });
  it("geometric mean: sqrt(1 x 0.25) = 0.5", () => {
    expect(result(rateFixture(makeRuleset(s("geometric")), d, { period: "2026-Q1" })).results[0]?.score).toBeCloseTo(
      50,
      12,
    );
  });
  it("minimum: 0.25", () => {
    expect(result(rateFixture(makeRuleset(s("min")), d, { period: "2026-Q1" })).results[0]?.score).toBe(25);
  });
});

describe("ties in a rating", () => {
  const s = (ties: "competition" | "dense" | "shared"): RulesetSpec => ({
    units: ["w", "x", "y", "z"],
    fields: ["v"],
    blocks: [
      {
        id: "b",
        weight: 100,
        indicators: [{ id: "i", formula: "v", score: { method: "goalposts", min: 0, max: 100 } }],
      },
    ],
    rank: { ties, round: 1 },
  });
  // Totals 90, 80.04 and 79.96 (both 80.0 rounded to 1 decimal), 70.
  const d = [
    cell("w", "v", "2026-Q1", 90),
    cell("y", "v", "2026-Q1", 80.04),
    cell("x", "v", "2026-Q1", 79.96),
    cell("z", "v", "2026-Q1", 70),
  ];
  const ranks = (ties: "competition" | "dense" | "shared") =>
    result(rateFixture(makeRuleset(s(ties)), d, { period: "2026-Q1" })).results.map((u) => `${u.unit}:${u.rank}`);
  it("competition, dense and shared; tied units in id order", () => {
    expect(ranks("competition")).toEqual(["w:1", "x:2", "y:2", "z:4"]);
    expect(ranks("dense")).toEqual(["w:1", "x:2", "y:2", "z:3"]);
    expect(ranks("shared")).toEqual(["w:1", "x:2.5", "y:2.5", "z:4"]);
  });
});

describe("time functions over cumulative and plain fields", () => {
  const s: RulesetSpec = {
    units: ["u"],
    fields: [{ id: "rev", cumulative: true }, "jobs", { id: "staff", aggregate: "last" }],
    blocks: [
      {
        id: "b",
        weight: 100,
        indicators: [
          { id: "rev_q", formula: "rev" },
          { id: "rev_prev", formula: "prev(rev)" },
          { id: "rev_prev_year", formula: "prev_year(rev)" },
          { id: "rev_ytd", formula: "ytd(rev)" },
          { id: "jobs_q", formula: "jobs" },
          { id: "jobs_prev", formula: "prev(jobs)" },
          { id: "jobs_ytd", formula: "ytd(jobs)" },
          { id: "jobs_prev_year", formula: "prev_year(jobs)" },
          { id: "staff_q", formula: "staff" },
        ],
      },
    ],
  };
  const d = [
    // rev running totals 2026: Mar 100, Jun 250, Sep 450; 2025: Jun 80, Sep 200.
    cell("u", "rev", "2026-03", 100),
    cell("u", "rev", "2026-06", 250),
    cell("u", "rev", "2026-09", 450),
    cell("u", "rev", "2025-06", 80),
    cell("u", "rev", "2025-09", 200),
    // jobs monthly 2026: 1..9; 2025-Q3: 10, 10, 10.
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => cell("u", "jobs", `2026-0${m}`, m)),
    ...[7, 8, 9].map((m) => cell("u", "jobs", `2025-0${m}`, 10)),
    cell("u", "staff", "2026-07", 40),
    cell("u", "staff", "2026-09", 42),
  ];
  const values = Object.fromEntries(
    Object.entries(result(rateFixture(makeRuleset(s), d, { period: "2026-Q3" })).results[0]?.indicators ?? {}).map(
      ([id, r]) => [id, r.value],
    ),
  );
  it("give the values a person computes by hand", () => {
    expect(values).toEqual({
      rev_q: 200, // 450 - 250
      rev_prev: 150, // Q2: 250 - 100
      rev_prev_year: 120, // 2025-Q3: 200 - 80
      rev_ytd: 450, // running total at September
      jobs_q: 24, // 7 + 8 + 9
      jobs_prev: 15, // 4 + 5 + 6
      jobs_ytd: 45, // 1 + ... + 9
      jobs_prev_year: 30, // 10 + 10 + 10
      staff_q: 42, // last month of the quarter
    });
  });
});

describe("rhythm", () => {
  it("a coarser indicator uses the latest complete period of its frequency", () => {
    const p = (kind: "month" | "quarter" | "year", year: number, index: number) => ({ kind, year, index });
    expect(evaluationPeriod("quarter", p("month", 2026, 5))).toEqual(p("quarter", 2026, 1));
    expect(evaluationPeriod("quarter", p("month", 2026, 6))).toEqual(p("quarter", 2026, 2));
    expect(evaluationPeriod("quarter", p("month", 2026, 2))).toEqual(p("quarter", 2025, 4));
    expect(evaluationPeriod("year", p("quarter", 2026, 3))).toEqual(p("year", 2025, 1));
    expect(evaluationPeriod("year", p("quarter", 2026, 4))).toEqual(p("year", 2026, 1));
    expect(evaluationPeriod("month", p("quarter", 2026, 3))).toEqual(p("quarter", 2026, 3));
  });
  it("rates a monthly rating with a quarterly indicator from its last complete quarter", () => {
    const s: RulesetSpec = {
      units: ["u"],
      fields: ["m", { id: "q", frequency: "quarter" }],
      blocks: [
        {
          id: "b",
          weight: 100,
          indicators: [
            { id: "monthly", formula: "m", frequency: "month", score: { method: "goalposts", min: 0, max: 10 } },
            { id: "quarterly", formula: "q", frequency: "quarter", score: { method: "goalposts", min: 0, max: 10 } },
          ],
        },
      ],
      ratings: [{ id: "monthly", frequency: "month" }],
    };
    const d = [cell("u", "m", "2026-05", 10), cell("u", "q", "2026-Q1", 5)];
    const r = result(rateFixture(makeRuleset(s), d, { period: "2026-05" }));
    expect(r.results[0]?.indicators.quarterly).toMatchObject({ value: 5, score: 0.5 });
    expect(r.results[0]?.score).toBe(75);
  });
  it("refuses a period of another rhythm, and an unknown rating", () => {
    const rs = makeRuleset(spec());
    expect(rateFixture(rs, data, { period: "2026-05" }).diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["S203", "the quarterly rating is rated by quarter, but the period 2026-05 is a month"],
    ]);
    expect(rateFixture(rs, data, { period: "2026-Q2", rating: "quartely" }).diagnostics[0]).toMatchObject({
      code: "S202",
      suggestion: "did you mean `quarterly`?",
    });
  });
});

describe("rank change", () => {
  it("compares with the previous period of the same rating when it has data", () => {
    const s: RulesetSpec = {
      units: ["a", "b"],
      fields: ["jobs"],
      blocks: [
        {
          id: "b",
          weight: 100,
          indicators: [{ id: "j", formula: "jobs", score: { method: "goalposts", min: 0, max: 30 } }],
        },
      ],
    };
    // b is ahead in Q1 (jobs 30 against 15), a in Q2.
    const d = [
      ...["01", "02", "03"].flatMap((m) => [cell("a", "jobs", `2026-${m}`, 5), cell("b", "jobs", `2026-${m}`, 10)]),
      ...["04", "05", "06"].flatMap((m) => [cell("a", "jobs", `2026-${m}`, 10), cell("b", "jobs", `2026-${m}`, 5)]),
    ];
    const r = result(rateFixture(makeRuleset(s), d, { period: "2026-Q2", previous: "auto" }));
    expect(r.results.map((u) => [u.unit, u.rank, u.previousRank, u.rankChange])).toEqual([
      ["a", 1, 2, 1],
      ["b", 2, 1, -1],
    ]);
    const first = result(rateFixture(makeRuleset(s), d, { period: "2026-Q1", previous: "auto" }));
    expect(first.results[0]).not.toHaveProperty("previousRank");
  });
});

describe("determinism", () => {
  it("gives the same bytes for the same input, whatever the order of the data rows", () => {
    const once = JSON.stringify(result(rateFixture(makeRuleset(spec()), data, { period: "2026-Q2" })));
    const twice = JSON.stringify(result(rateFixture(makeRuleset(spec()), [...data].reverse(), { period: "2026-Q2" })));
    expect(twice).toBe(once);
  });
});

describe("explain", () => {
  const run = rateFixture(makeRuleset(spec()), data, { period: "2026-Q2" });
  const trace = explainUnit(run, "b");
  const rowOf = (u: string, field: string, period: string) =>
    data.find((o) => o.unit === u && o.field === field && o.period === period)?.source.row;
  it("shows each indicator's inputs with their data cells, method, score, weight, points and points lost", () => {
    const economy = trace?.blocks.find((b) => b.id === "economy");
    const revenue = economy?.indicators.find((i) => i.id === "revenue_execution");
    expect(revenue).toMatchObject({
      period: "2026-Q2",
      formula: "revenue",
      value: 400,
      status: "scored",
      method: { method: "achievement", parameters: { plan: 500, cap: 1 }, formula: "revenue_plan" },
      score: 0.8,
      declaredWeight: 3,
      weight: 45,
      points: 36,
      lost: 9,
      best: { unit: "a", value: 500, score: 1 },
    });
    // Q2 of a cumulative field is June - March: both cells are its sources.
    expect(revenue?.inputs.map((i) => [i.name, i.period, i.value, i.sources.map((s) => s.row)])).toEqual([
      ["revenue", "2026-Q2", 400, [rowOf("b", "revenue", "2026-03"), rowOf("b", "revenue", "2026-06")]],
      ["revenue_plan", "2026-Q2", 500, [rowOf("b", "revenue_plan", "2026-03"), rowOf("b", "revenue_plan", "2026-06")]],
    ]);
  });
  it("names as best the unit with the best score, not the largest value", () => {
    // c reports 1000 of a 2000 plan (score 0.5): the largest value, but a (500 of 500, score 1) did best.
    const bigger = [
      ...data.filter((o) => !(o.unit === "c" && o.field.startsWith("revenue"))),
      cell("c", "revenue", "2026-03", 0),
      cell("c", "revenue", "2026-06", 1000),
      cell("c", "revenue_plan", "2026-03", 0),
      cell("c", "revenue_plan", "2026-06", 2000),
    ];
    const t = explainUnit(rateFixture(makeRuleset(spec()), bigger, { period: "2026-Q2" }), "b");
    const revenue = t?.blocks.flatMap((b) => b.indicators).find((i) => i.id === "revenue_execution");
    expect(revenue?.best).toMatchObject({ unit: "a", value: 500, score: 1 });
    expect(revenue?.best?.name).toBeDefined();
  });
  it("sums up the blocks and the total with rank and grade", () => {
    expect(trace?.blocks.map((b) => [b.id, b.weight, b.points, b.lost])).toEqual([
      ["economy", 60, 43.5, 16.5],
      ["social", 40, 20, 20],
    ]);
    expect(trace).toMatchObject({ total: 63.5, rank: 2, rankedUnits: 3, grade: "yellow", scale: 100 });
  });
  it("gives the missing-data reason and policy", () => {
    const c = explainUnit(run, "c");
    const jobs = c?.blocks[0]?.indicators.find((i) => i.id === "jobs_created");
    expect(jobs).toMatchObject({
      status: "missing-zero",
      policy: "zero",
      reason: "no value of jobs for c in 2026-05",
      points: 0,
      lost: 25,
    });
    expect(jobs?.inputs.map((i) => [i.name, i.value])).toEqual([["jobs", null]]);
    const satisfaction = c?.blocks[1];
    expect(satisfaction).toMatchObject({
      weight: 0,
      reason: "every indicator of the block is excluded or not applicable",
    });
    // Evaluation stops at the first n/a input: the trace lists what was read.
    expect(satisfaction?.indicators[0]?.inputs.map((i) => [i.name, i.value])).toEqual([["satisfied", "n/a"]]);
  });
  it("is plain data and undefined for a unit not rated", () => {
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
    expect(explainUnit(run, "nobody")).toBeUndefined();
  });
});

describe("period arithmetic of the evaluation context", () => {
  it("prev and prev_year move codes exactly as previousPeriod and sameTimeLastYear do", () => {
    const s = storeOf(makeRuleset(spec()), [cell("a", "jobs", "2020-01", 1)]);
    const ctx = new IndicatorContext(
      { store: s, indicatorValue: () => 0, attribute: () => 0, peers: () => [], unitName: () => "" },
      0,
      { kinds: [], targets: [], names: [] },
    );
    for (const text of ["2021-01", "2021-07", "2021-12", "2021-Q1", "2021-Q4", "2021", "2022-03"]) {
      const p = parsePeriod(text);
      if (!p) throw new Error(text);
      expect(periodFromCode(ctx.prev(periodCode(p))), text).toEqual(previousPeriod(p));
      expect(periodFromCode(ctx.prevYear(periodCode(p))), text).toEqual(sameTimeLastYear(p));
    }
    // Before the first year of data (2020) there is nothing: -1, which the compiler reports as out of range.
    expect(ctx.prev(periodCode({ kind: "month", year: 2020, index: 1 }))).toBe(-1);
    expect(ctx.prevYear(periodCode({ kind: "quarter", year: 2020, index: 3 }))).toBe(-1);
  });
});

describe("a unit with nothing to rate", () => {
  it("gets 0 and a warning naming it", () => {
    const d = data.filter((o) => o.unit !== "c");
    const na = ["revenue", "revenue_plan", "jobs"].flatMap((f) =>
      ["2026-03", "2026-04", "2026-05", "2026-06"].map((m) => cell("c", f, m, "n/a")),
    );
    const run = rateFixture(
      makeRuleset(spec()),
      [...d, ...na, cell("c", "satisfied", "2026-Q2", "n/a"), cell("c", "surveyed", "2026-Q2", 1)],
      { period: "2026-Q2" },
    );
    expect(unit(result(run), "c")).toMatchObject({ score: 0, rank: 3, grade: "red" });
    expect(run.diagnostics.map((x) => [x.code, x.severity, x.message])).toEqual([
      ["S206", "warning", "nothing to rate for c: every indicator is excluded or not applicable, so its total is 0"],
    ]);
  });
});
