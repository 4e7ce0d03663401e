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
    // Or fewer surveyed: 50 / s * 100 >= 70 → s <= 71.428571...
    const surveyed = input(r, "satisfaction", "surveyed");
    expect(surveyed.to).toBeCloseTo(500 / 7, 10);
    expect(surveyed.to).toBeLessThanOrEqual(500 / 7 + 1e-12);
    // Jobs at their best (30 → score 1) give 45 + 15 = 60 < 63.5; revenue already meets its plan.
    expect(input(r, "jobs_created", "jobs").to).toBeUndefined();
    expect(input(r, "revenue_execution", "revenue").to).toBeUndefined();
    // The plan is the cheapest single change that reaches: surveyed moves 28.6%, satisfied 40%.
    expect(r.plan).toHaveLength(1);
    expect(r.plan[0].field).toBe("surveyed");
    expect(r.planReaches).toBe(true);
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
    const text = await runInProcess(
      [
        "explain",
        "2026.1",
        "arys",
        "--data",
        "sample-data",
        "--period",
        "2026-Q1",
        "--target",
        "rank:1",
        "--lang",
        "ru",
      ],
      MINI,
    );
    expect(text.stdout).toContain("Цель недостижима за счёт собственных данных единицы.");
    expect(text.stdout).not.toMatch(/cannot|found by|Plan/);
    const done = await target(MINI, "2026.1", "kentau", "2026-Q1", "rank:1");
    expect(done).toMatchObject({ reached: true, plan: [] });
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
    // Tax arrears (a stock: the quarter is September's value) found by bisection.
    const arrears = input(r, "tax_arrears_change", "tax_arrears");
    expect(arrears).toMatchObject({ from: 91.8, how: "searched" });
    expect(arrears.to).toBeLessThan(91.8);
    const cell = "kentau,2026-09,tax_arrears";
    expect((await standing(at(cell, arrears.to), ".", "kentau", "2026-Q3")).rank).toBe(2);
    expect((await standing(at(cell, arrears.to + 0.01), ".", "kentau", "2026-Q3")).rank).toBe(3);
  }, 120_000);
});
