import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runInProcess } from "../support/run-cli.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const MINI = join(ROOT, "engine/test/scoring/fixtures/mini");
const TURKISTAN = join(ROOT, "rules/turkistan/districts");

// biome-ignore lint/suspicious/noExplicitAny: the JSON is walked by key.
type Json = any;

async function target(dir: string, ruleset: string, unit: string, period: string, goal: string): Promise<Json> {
  const run = await runInProcess(
    ["explain", ruleset, unit, "--data", "sample-data", "--period", period, "--target", goal, "--format", "json"],
    dir,
  );
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

/** A copy of the ruleset folder whose data file has one cell replaced (unit,period,field → value). */
function withCell(from: string, file: string, cell: string, value: number): string {
  const dir = mkdtempSync(join(tmpdir(), "tarazy-target-"));
  cpSync(from, dir, { recursive: true });
  const path = join(dir, "sample-data", file);
  const text = readFileSync(path, "utf8");
  const line = new RegExp(`^${cell},[^\\n]*$`, "m");
  expect(text).toMatch(line);
  writeFileSync(path, text.replace(line, `${cell},${value}`));
  return dir;
}

async function standing(dir: string, ruleset: string, unit: string, period: string) {
  const run = await runInProcess(
    ["rate", ruleset, "--data", "sample-data", "--period", period, "--format", "json"],
    dir,
  );
  expect(run.code, run.stderr).toBe(0);
  const json = JSON.parse(run.stdout);
  const results = (json.results ?? json[0]?.results ?? json.periods?.[0]?.results) as Json[];
  return results.find((r) => r.unit === unit);
}

/** `tarazy explain` of Arys in the mini ruleset, 2026-Q1, as text in `lang`. */
function miniText(goal: string, lang: string) {
  const args = ["explain", "2026.1", "arys", "--data", "sample-data", "--period", "2026-Q1", "--target", goal];
  return runInProcess([...args, "--lang", lang], MINI);
}

const input = (report: Json, indicator: string, field: string) =>
  report.indicators.flatMap((i: Json) => i.inputs).find((x: Json) => x.indicator === indicator && x.field === field);

describe("explain --target on the mini ruleset (arys: 48, rank 3; baidibek 63.5; kentau 100)", () => {
  test("rank 2: satisfaction 50% → 70% reaches the 0.5 band (+20 points → 68 > 63.5); jobs alone cannot", async () => {
    const r = await target(MINI, "2026.1", "arys", "2026-Q1", "rank:2");
    expect(r.current).toEqual({ total: 48, rank: 3, grade: "red" });
    expect(r.reached).toBe(false);
    // satisfied / surveyed * 100 >= 70 with 100 surveyed: 70 satisfied.
    expect(input(r, "satisfaction", "satisfied")).toMatchObject({ from: 50, to: 70, change: 20, how: "searched" });
    expect(input(r, "satisfaction", "satisfied").after).toEqual({ total: 68, rank: 2, grade: "yellow" });
    // Or fewer surveyed: 50 / s * 100 >= 70 → s <= 71.428571..., proposed as the data are written (whole
    // people surveyed): 71; the exact boundary is kept as `least`.
    const surveyed = input(r, "satisfaction", "surveyed");
    expect(surveyed.least).toBeCloseTo(500 / 7, 10);
    expect(surveyed.least).toBeLessThanOrEqual(500 / 7 + 1e-12);
    expect(surveyed).toMatchObject({ from: 100, to: 71, change: -29 });
    // Jobs at their best (30 → score 1) give 45 + 15 = 60 < 63.5; revenue already meets its plan.
    expect(input(r, "jobs_created", "jobs").to).toBeUndefined();
    expect(input(r, "revenue_execution", "revenue").to).toBeUndefined();
    // Revenue scores 1 already: said so, not that it "cannot reach alone"; jobs is not at its full score.
    expect(input(r, "revenue_execution", "revenue").full).toBe(true);
    expect(input(r, "jobs_created", "jobs").full).toBeUndefined();
    // The plan is the cheapest single change that reaches: surveyed moves 28.6%, satisfied 40%.
    expect(r.plan).toHaveLength(1);
    expect(r.plan[0].field).toBe("surveyed");
    expect(r.planReaches).toBe(true);
  });

  test("an input already at its full score says so in kk, ru and en", async () => {
    const words = { kk: "ұпайы толық", ru: "уже на полном балле", en: "already at the full score" };
    for (const [lang, said] of Object.entries(words)) {
      const run = await miniText("rank:2", lang);
      expect(run.code, run.stderr).toBe(0);
      const line = run.stdout.split("\n").find((l) => l.includes("revenue_execution ·")) ?? "";
      expect(line).toContain(said);
      const jobs = run.stdout.split("\n").find((l) => l.includes("jobs_created ·")) ?? "";
      expect(jobs).not.toContain(said);
    }
  });

  test("the proposed satisfied = 70 re-rated from the data reaches rank 2, 69.99 does not", async () => {
    const at = (v: number) => withCell(MINI, "data.csv", "arys,2026-Q1,satisfied", v);
    expect((await standing(at(70), "2026.1", "arys", "2026-Q1")).rank).toBe(2);
    expect((await standing(at(69.99), "2026.1", "arys", "2026-Q1")).rank).toBe(3);
  });

  test("grade green needs 80: satisfaction 90% (+40 points → 88)", async () => {
    const r = await target(MINI, "2026.1", "arys", "2026-Q1", "grade:green");
    expect(input(r, "satisfaction", "satisfied")).toMatchObject({ to: 90, after: { total: 88, grade: "green" } });
  });

  test("rank 1 (kentau's 100) is out of reach and said so; a target already reached needs nothing", async () => {
    const r = await target(MINI, "2026.1", "arys", "2026-Q1", "rank:1");
    expect(r.planReaches).toBe(false);
    expect(r.indicators.flatMap((i: Json) => i.inputs).every((x: Json) => x.to === undefined)).toBe(true);
    const text = await miniText("rank:1", "ru");
    expect(text.stdout).toContain("Цель недостижима за счёт собственных данных единицы.");
    expect(text.stdout).not.toMatch(/cannot|found by|Plan/);
    const done = await target(MINI, "2026.1", "kentau", "2026-Q1", "rank:1");
    expect(done).toMatchObject({ reached: true, plan: [] });
  });

  test("grade:NAME reads the rating's own grades when it has them (top from 60 points, checked in the order written)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tarazy-target-"));
    cpSync(MINI, dir, { recursive: true });
    const file = join(dir, "2026.1", "ruleset.yaml");
    const own = [
      "    grades:",
      '      - { id: top, min: 60, color: "#2e7d32", label: { kk: Үздік, ru: Лучшие, en: Top } }',
      '      - { id: rest, color: "#c62828", label: { kk: Қалғандары, ru: Остальные, en: The rest } }',
    ].join("\n");
    const text = readFileSync(file, "utf8").replace("    blocks: all\n", `    blocks: all\n${own}\n`);
    writeFileSync(file, text);
    const r = await target(dir, "2026.1", "arys", "2026-Q1", "grade:top");
    expect(r.current).toEqual({ total: 48, rank: 3, grade: "rest" });
    // 70 of 100 satisfied: 68 ≥ 60. Grades read the total rounded to 2 decimals, as ranks do, so 59.995
    // is top: jobs (goalposts 0..30 inverted) 45 + 15 · j / 30 ≥ 59.995 → j ≥ 29.99, proposed as the data
    // are written (whole jobs): 30, a total of 60.
    expect(input(r, "satisfaction", "satisfied")).toMatchObject({ to: 70, after: { total: 68, grade: "top" } });
    expect(input(r, "jobs_created", "jobs")).toMatchObject({
      to: 30,
      least: 29.99,
      how: "inverted",
      after: { total: 60, grade: "top" },
    });
    expect(r.planAfter).toMatchObject({ grade: "top" });
    // The ruleset's grades are not this rating's.
    const run = await runInProcess(
      ["explain", "2026.1", "arys", "--data", "sample-data", "--period", "2026-Q1", "--target", "grade:green"],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the quarterly rating has no grade 'green' (it has: top, rest)");
  });

  test("a bad target is a usage error", async () => {
    for (const goal of ["rank:0", "grade:blue", "top"]) {
      const run = await runInProcess(
        ["explain", "2026.1", "arys", "--data", "sample-data", "--period", "2026-Q1", "--target", goal],
        MINI,
      );
      expect(run.code).toBe(2);
    }
  });
});

describe("explain --target on the Turkistan sample (kentau 79.06, rank 3; sozak 79.19)", () => {
  test("a band inverted and a searched input, both checked by re-rating the changed data", async () => {
    const r = await target(TURKISTAN, ".", "kentau", "2026-Q3", "rank:2");
    expect(r.current.rank).toBe(3);
    // Regional-level indicators are listed, never proposed.
    const regional = r.indicators.filter((i: Json) => !i.controlled);
    expect(regional.length).toBeGreaterThan(0);
    expect(regional.every((i: Json) => i.inputs.length === 0)).toBe(true);
    // projects_on_schedule is the field itself scored by bands: the next threshold, 90.
    const bands = input(r, "projects_on_schedule", "projects_on_schedule_share");
    expect(bands).toMatchObject({ from: 84.8, to: 90, how: "inverted" });
    const file = "unit-reported-2026.csv";
    const at = (cell: string, v: number) => withCell(TURKISTAN, file, cell, v);
    expect((await standing(at("kentau,2026-Q3,projects_on_schedule_share", 90), ".", "kentau", "2026-Q3")).rank).toBe(
      2,
    );
    expect((await standing(at("kentau,2026-Q3,projects_on_schedule_share", 89.9), ".", "kentau", "2026-Q3")).rank).toBe(
      3,
    );
    // Tax arrears (a stock: the quarter is September's value) found by bisection: the least value that
    // reaches, then proposed in the data's one decimal (rounded down, the way it moves).
    const arrears = input(r, "tax_arrears_change", "tax_arrears");
    expect(arrears).toMatchObject({ from: 91.8, how: "searched" });
    expect(arrears.least).toBeLessThan(91.8);
    expect(arrears.to).toBe(Math.floor(arrears.least * 10) / 10);
    const cell = "kentau,2026-09,tax_arrears";
    expect((await standing(at(cell, arrears.to), ".", "kentau", "2026-Q3")).rank).toBe(2);
    expect((await standing(at(cell, arrears.least), ".", "kentau", "2026-Q3")).rank).toBe(2);
    expect((await standing(at(cell, arrears.least + 0.01), ".", "kentau", "2026-Q3")).rank).toBe(3);
    // Goalposts inverted in closed form (lower is better): the unemployment rate that just reaches rank 2.
    const unemployment = input(r, "unemployment", "unemployment_rate");
    expect(unemployment).toMatchObject({ from: 4.6, how: "inverted", after: { rank: 2 } });
    expect(unemployment.least).toBeLessThan(4.6);
    expect(unemployment.to).toBe(Math.floor(unemployment.least * 10) / 10);
    const rate = "kentau,2026-Q3,unemployment_rate";
    expect((await standing(at(rate, unemployment.to), ".", "kentau", "2026-Q3")).rank).toBe(2);
    expect((await standing(at(rate, unemployment.least), ".", "kentau", "2026-Q3")).rank).toBe(2);
    expect((await standing(at(rate, unemployment.least + 1e-6), ".", "kentau", "2026-Q3")).rank).toBe(3);
    // A month's value in a year-to-date edit is a difference of running totals (6520.1 − 5761.9 in binary is
    // 758.2000000000007): shown as people subtract, 758.2, and the proposal in the data's one decimal.
    const allocated = input(r, "budget_execution", "budget_allocated");
    expect(allocated).toMatchObject({ from: 6520.1, to: 6371.3, change: -148.8 });
    expect(allocated.edit).toEqual({
      period: "2026-09",
      from: 758.2,
      to: 609.4,
      runningTotal: { from: 6520.1, to: 6371.3 },
    });
    // Far fewer full ratings than candidates: the standing now, one per proposal, one for the plan.
    const proposals = r.indicators.flatMap((i: Json) => i.inputs).filter((x: Json) => x.to !== undefined).length;
    expect(r.ratings.rated).toBe(proposals + 2);
  }, 120_000);

  test("the JSON shows numbers as a person reads them: 15 significant digits at most (no 1459.0800000000002)", async () => {
    const report = await target(TURKISTAN, "2026.1", "kentau", "2026-Q3", "rank:2");
    const numbers: number[] = [];
    JSON.stringify(report, (_k, v) => {
      if (typeof v === "number") numbers.push(v);
      return v;
    });
    expect(numbers.length).toBeGreaterThan(50);
    const digits = (x: number) => x.toExponential().replace(/^-/, "").split("e")[0]?.replace(".", "").length ?? 0;
    expect(numbers.filter((x) => digits(x) > 15)).toEqual([]);
  });

  test("a year-to-date total of the unit's own field (the region's top priority) is proposed, inverted through ytd", async () => {
    // Arys (44.8686362431606, rank 16) has opened 3 new facilities since January against a plan of 4:
    // achievement 3/4 = 0.75 × 16/3 points (weight 4 of the industry block's 15, 20 of 100) = 4. Rank 15 is
    // Tulkibas' 45.60, so a total of 45.595: a score s ≥ 0.75 + (45.595 − 44.8686362431606) / (16/3) =
    // 0.8862, that is ytd ≥ 4s = 3.545 facilities: a count, so 4 (+1 in the quarter), scoring 1: +4/3 points.
    const r = await target(TURKISTAN, ".", "arys", "2026-Q3", "rank:15");
    expect(r.current.rank).toBe(16);
    expect(r.current.total).toBeCloseTo(44.8686362431606, 10);
    const facilities = r.indicators.find((i: Json) => i.id === "new_facilities_execution");
    expect(facilities).toMatchObject({ controlled: true, regional: [], plans: ["new_facilities_plan"] });
    expect(facilities.inputs).toHaveLength(1);
    expect(facilities.inputs[0]).toMatchObject({
      field: "new_facilities",
      yearToDate: true,
      period: "2026-Q3",
      reportedIn: "2026-09",
      // The data edit: September's own count 1 (running totals 2 in August, 3 in September) → 2, so its
      // running total 3 → 4; October on stays as reported.
      edit: { period: "2026-09", from: 1, to: 2, runningTotal: { from: 3, to: 4 } },
      from: 3,
      to: 4,
      change: 1,
      how: "inverted",
      after: { rank: 15 },
    });
    expect(facilities.inputs[0].after.total).toBeCloseTo(44.8686362431606 + 4 / 3, 10);
    // The data is running totals: 4 reported for September (January-September) reaches rank 15 by `rate`.
    const at = (v: number) => withCell(TURKISTAN, "unit-reported-2026.csv", "arys,2026-09,new_facilities", v);
    const rated = await standing(at(4), ".", "arys", "2026-Q3");
    expect(rated.rank).toBe(15);
    expect(rated.score).toBeCloseTo(44.8686362431606 + 4 / 3, 10);
    const text = await runInProcess(
      ["explain", ".", "arys", "--data", "sample-data", "--period", "2026-Q3", "--target", "rank:15", "--lang", "ru"],
      TURKISTAN,
    );
    const lines = text.stdout.split("\n").filter((l) => l.includes("new_facilities_execution"));
    expect(lines[0]).toMatch(
      /^ {2}new_facilities_execution · .*, с начала года: 3 → 4 \(\+1 в 2026-Q3: значение за 2026-09 1 → 2, нарастающий итог 3 → 4; метод обращён\) ⇒ /,
    );
    expect(lines[1]).toBe("  new_facilities_execution (new_facilities_plan) — это план, он не меняется");
  }, 120_000);

  test("a year-to-date total is not proposed below what was reported before its edited month", async () => {
    // Arys' budget allocated since January: 6036.8 by August, 6831.1 by September. Rank 15 alone takes
    // 6547.11111111 at most, proposed in the data's one decimal: 6547.1 (−284): September's own 794.3 → 510.3.
    const r = await target(TURKISTAN, ".", "arys", "2026-Q3", "rank:15");
    const allocated = input(r, "budget_execution", "budget_allocated");
    expect(allocated).toMatchObject({ from: 6831.1, to: 6547.1, least: 6547.11111111, change: -284 });
    expect(allocated.edit).toEqual({
      period: "2026-09",
      from: 794.3,
      to: 510.3,
      runningTotal: { from: 6831.1, to: 6547.1 },
    });
    // With 6800 reported by August (September's own 31.1), the quarter and the total are as before, but the
    // total cannot fall below 6800 without un-reporting August: no single change of it reaches.
    const dir = withCell(TURKISTAN, "unit-reported-2026.csv", "arys,2026-08,budget_allocated", 6800);
    const bounded = await target(dir, ".", "arys", "2026-Q3", "rank:15");
    expect(bounded.current).toEqual(r.current);
    const held = input(bounded, "budget_execution", "budget_allocated");
    expect(held.from).toBe(6831.1);
    expect(held.to).toBeUndefined();
  }, 120_000);

  test("a plan is held fixed: manufacturing_vs_plan (fact − plan) moves the index, never its plan", async () => {
    const r = await target(TURKISTAN, ".", "arys", "2026-Q3", "rank:15");
    const manufacturing = r.indicators.find((i: Json) => i.id === "manufacturing_vs_plan");
    expect(manufacturing.plans).toEqual(["manufacturing_index_plan"]);
    expect(manufacturing.inputs.map((x: Json) => x.field)).toEqual(["manufacturing_index"]);
    // No plan anywhere is proposed: the fields declared `role: plan` and those achievements read as plans.
    const fields = r.indicators.flatMap((i: Json) => i.inputs.map((x: Json) => x.field));
    expect(fields.filter((f: string) => /_plan\b|_planned$|_plan_value$/.test(f))).toEqual([]);
    const index = manufacturing.inputs[0];
    expect(index).toMatchObject({ from: 102.9, how: "searched", after: { rank: 15 } });
    // By hand: plan 108.1, goalposts −5..0 on the gap, weight 2 of the block's 15 (20 of 100): 8/3 points.
    // The score needed is (45.595 − 44.8686362431606) / (8/3), the gap −5 + 5 × that, the index 108.1 + gap.
    expect(index.least).toBeCloseTo(108.1 - 5 + (5 * (45.595 - 44.8686362431606)) / (8 / 3), 9);
    // Proposed as the index is written, one decimal, rounded up: 104.5.
    expect(index.to).toBe(104.5);
    // The index is `last` over the months: September's value is the quarter's. Rated by `rate`: the proposal
    // and the least value reach, a millionth less than the least does not.
    const at = (v: number) => withCell(TURKISTAN, "unit-reported-2026.csv", "arys,2026-09,manufacturing_index", v);
    expect((await standing(at(index.to), ".", "arys", "2026-Q3")).rank).toBe(15);
    expect((await standing(at(index.least), ".", "arys", "2026-Q3")).rank).toBe(15);
    expect((await standing(at(index.least - 1e-6), ".", "arys", "2026-Q3")).rank).toBe(16);
  }, 120_000);
});

describe("closed-form inverses and the combined plan (the mini ruleset with one cell changed)", () => {
  // Baidibek with 60 of 100 satisfied (below the 70% band): 200/250 × 45 + 15/30 × 15 + 0 = 36 + 7.5 = 43.5,
  // rank 3; arys has 48. Ranks compare totals rounded to 2 decimals, and a tie shares the better place, so
  // rank 2 needs a total of 47.995.
  const baidibek = () => withCell(MINI, "data.csv", "baidibek,2026-Q1,satisfied", 60);

  test("rank 2: revenue ≥ 250 · (47.995 − 7.5) / 45 and jobs ≥ 23.99, both by the method's inverse", async () => {
    const dir = baidibek();
    const r = await target(dir, "2026.1", "baidibek", "2026-Q1", "rank:2");
    expect(r.current).toEqual({ total: 43.5, rank: 3, grade: "red" });
    const revenue = input(r, "revenue_execution", "revenue");
    expect(revenue).toMatchObject({ from: 200, how: "inverted", after: { rank: 2 } });
    expect(revenue.least).toBeCloseTo((250 * 40.495) / 45, 9);
    expect(revenue.to).toBe(225);
    // goalposts 0..30: 36 + 15 · j / 30 ≥ 47.995 → j ≥ 23.99; proposed in whole jobs, as reported: 24.
    expect(input(r, "jobs_created", "jobs")).toMatchObject({
      from: 15,
      to: 24,
      least: 23.99,
      change: 9,
      how: "inverted",
    });
    expect(input(r, "jobs_created", "jobs").after).toEqual({ total: 48, rank: 2, grade: "red" });
    // The ratio of two fields is no lone field: searched.
    expect(input(r, "satisfaction", "satisfied")).toMatchObject({ to: 70, how: "searched" });
    expect(r.planAfter).toMatchObject({ rank: 2 });
  });

  test("each inverted proposal, written into the data and rated by `tarazy rate`, reaches; a little less does not", async () => {
    const r = await target(baidibek(), "2026.1", "baidibek", "2026-Q1", "rank:2");
    const revenue = input(r, "revenue_execution", "revenue").least;
    const rank = async (cell: string, v: number) => {
      const dir = withCell(baidibek(), "data.csv", cell, v);
      return (await standing(dir, "2026.1", "baidibek", "2026-Q1")).rank;
    };
    // Revenue is cumulative: the quarter's value is March's running total.
    expect(await rank("baidibek,2026-03,revenue", revenue)).toBe(2);
    expect(await rank("baidibek,2026-03,revenue", 224.97)).toBe(3);
    // Jobs sum over the months: 5 + 5 + 13.99 = 23.99.
    expect(await rank("baidibek,2026-03,jobs", 13.99)).toBe(2);
    expect(await rank("baidibek,2026-03,jobs", 13.98)).toBe(3);
  }, 60_000);

  test("no single change reaches rank 1; revenue and jobs together do, and are rated together", async () => {
    // Arys with revenue 150 of its 300 plan and 95 of 100 satisfied: 22.5 + 3 + 40 = 65.5. Kentau has 100;
    // a tie at 100.00 shares rank 1, so rank 1 needs 99.995 before rounding.
    const arys = (revenue: number) =>
      withCell(withCell(MINI, "data.csv", "arys,2026-03,revenue", revenue), "data.csv", "arys,2026-Q1,satisfied", 95);
    const r = await target(arys(150), "2026.1", "arys", "2026-Q1", "rank:1");
    expect(r.current.total).toBe(65.5);
    // Revenue at its plan gives 88, jobs at 30 give 77.5: neither alone, said with how far each goes.
    expect(input(r, "revenue_execution", "revenue")).toMatchObject({ how: "inverted", most: { to: 300 } });
    expect(input(r, "revenue_execution", "revenue").most.after.total).toBe(88);
    expect(input(r, "jobs_created", "jobs")).toMatchObject({ how: "inverted", most: { to: 30 } });
    expect(input(r, "jobs_created", "jobs").to).toBeUndefined();
    // The plan: revenue first (22.5 points per 100% change against jobs' 3), then jobs only as far as
    // needed: 45 + 15 · j / 30 + 40 ≥ 99.995 → j ≥ 29.99, in whole jobs as reported: 30.
    expect(r.plan.map((x: Json) => [x.field, x.to])).toEqual([
      ["revenue", 300],
      ["jobs", 30],
    ]);
    expect(r.planAfter).toEqual({ total: 100, rank: 1, grade: "green" });
    expect(r.planReaches).toBe(true);
    // The same two changes written into the data and rated by `tarazy rate`: rank 1; jobs 29.98: rank 2.
    const both = (jobsMarch: number) => withCell(arys(300), "data.csv", "arys,2026-03,jobs", jobsMarch);
    expect((await standing(both(25.99), "2026.1", "arys", "2026-Q1")).rank).toBe(1);
    expect((await standing(both(25.98), "2026.1", "arys", "2026-Q1")).rank).toBe(2);
  }, 60_000);
});

describe("the unit's explain as an HTML page with what it takes", () => {
  const page = async (unit: string, extra: string[] = []) => {
    const run = await runInProcess(
      ["explain", "2026.1", unit, "--data", "sample-data", "--period", "2026-Q1", "--format", "html", ...extra],
      MINI,
    );
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  };

  test("by default one rank up: arys (3rd) → rank 2, the same proposal as the text, in Russian without English", async () => {
    const html = await page("arys", ["--lang", "ru"]);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<h2 id="what-it-takes-h">Что нужно для цели: место 2</h2>');
    // The proposal of the hand computation above: 70 satisfied, 68 points, rank 2.
    expect(html).toContain("→ 70 (+20; найдено поиском) ⇒ итог 68,00, место 2, Жёлтая зона");
    expect(html).toContain("Все изменения плана, оценённые вместе: итог 68,00, место 2, Жёлтая зона");
    // The blocks follow, as the text explain shows them.
    expect(html).toContain("satisfaction — ");
    expect(html).not.toMatch(/What it takes|found by search|method inverted|Plan \(|cannot reach|rated together/);
  });

  test("--target is honoured; the first unit has no default target and the page has no section", async () => {
    expect(await page("arys", ["--target", "grade:green", "--lang", "en"])).toContain("What it takes: Green zone");
    expect(await page("kentau", ["--lang", "en"])).not.toContain("what-it-takes");
  });
});

describe("score() of a block: the GDI (score(hdi_female) / score(hdi_male)) from one input", () => {
  const GDI = join(ROOT, "rules/examples/gdi");
  /** A copy of the GDI example with Chile's female life expectancy (81.877 reported) set to `v`. */
  const chileAt = (v: number) => {
    const dir = mkdtempSync(join(tmpdir(), "tarazy-target-"));
    cpSync(GDI, dir, { recursive: true });
    const path = join(dir, "data", "gdi-2022.csv");
    const text = readFileSync(path, "utf8");
    expect(text).toContain("\nchl,2022,81.877,");
    writeFileSync(path, text.replace("\nchl,2022,81.877,", `\nchl,2022,${v},`));
    return dir;
  };
  const rated = async (dir: string) => {
    const run = await runInProcess(["rate", "2022.1", "--data", "data", "--period", "2022", "--format", "json"], dir);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    const results: Json[] = json.results ?? json.periods[0].results;
    return results.find((r) => r.unit === "chl");
  };

  test("Chile (GDI 0.973, group 2) to group 1: each of its eight inputs alone, checked by a full rate", async () => {
    const run = await runInProcess(
      [
        "explain",
        "2022.1",
        "chl",
        "--data",
        "data",
        "--period",
        "2022",
        "--target",
        "grade:group1",
        "--format",
        "json",
      ],
      GDI,
    );
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.current).toMatchObject({ grade: "group2" });
    // Group 1: |1 − round(GDI, 3)| ≤ 0.025, that is GDI ≥ 0.9745. Every input of both HDIs reaches alone
    // (before, the fast path missed score(hdi_female) and found none).
    const inputs = r.indicators.flatMap((i: Json) => i.inputs);
    expect(inputs).toHaveLength(8);
    for (const x of inputs) {
      expect(x.after.grade).toBe("group1");
      expect(x.after.total).toBeGreaterThanOrEqual(0.9745 - 1e-12);
      expect(x.after.total).toBeLessThan(0.97451);
    }
    // By hand: health index (LE − 22.5) / 65, HDI the geometric mean of three, GDI = HDI_f / HDI_m; with the
    // published HDIs (0.846799773 and 0.86998757, 9 digits) the health index must grow by
    // (0.9745 × 0.86998757 / 0.846799773)³: LE ≥ 22.5 + (81.877 − 22.5) × that = 82.08826298 (to the
    // published HDIs' precision).
    const le = inputs.find((x: Json) => x.field === "life_expectancy_female");
    const byHand = 22.5 + (81.877 - 22.5) * ((0.9745 * 0.86998757) / 0.846799773) ** 3;
    expect(le.least).toBeCloseTo(byHand, 5);
    // Proposed in the data's three decimals (81.877), rounded up: 82.089.
    expect(le.to).toBe(Math.ceil(byHand * 1000) / 1000);
    expect(le.change).toBeGreaterThan(0);
    // The male inputs move down: a lower male HDI raises the ratio.
    expect(inputs.find((x: Json) => x.field === "life_expectancy_male").change).toBeLessThan(0);
    expect(r.planReaches).toBe(true);
    // The proposal written into the data and rated by `tarazy rate`: group 1; a millionth of a year less: 2.
    expect((await rated(chileAt(le.to))).grade).toBe("group1");
    expect((await rated(chileAt(le.least))).grade).toBe("group1");
    expect((await rated(chileAt(le.least - 1e-6))).grade).toBe("group2");
  }, 180_000);
});

describe("a rating without grades: the GII", () => {
  test("the standings name the total and the rank, and no empty grade after them", async () => {
    const run = await runInProcess(
      ["explain", "2022.1", "che", "--data", "data", "--period", "2022", "--target", "rank:1", "--lang", "ru"],
      join(ROOT, "rules/examples/gii"),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^сейчас: итог [0-9,]+, место 3\n/m);
    expect(run.stdout).toMatch(/⇒ итог [0-9,]+, место 1\n/);
    expect(run.stdout).not.toMatch(/, \n/);
  }, 120_000);
});
