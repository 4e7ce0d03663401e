import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { RatingResult } from "../../src/scoring/result.js";
import { runInProcess } from "../support/run-cli.js";

/**
 * The Turkistan rulesets end to end through the CLI, in process: they validate clean, their hand-computed
 * rule tests pass, and every period of the synthetic sample data rates without a problem, with totals that
 * tell the units apart.
 */
const ROOT = resolve(import.meta.dirname, "../../..");

const cli = (...args: string[]) => runInProcess(args, ROOT);

/** A family's sample data: one folder, for every version. */
const sampleData = (family: string) => [`rules/turkistan/${family}/sample-data`];

/** The line naming the version used for a period. */
const VERSION_LINE = /^\S+: turkistan-[a-z]+ [\d.]+ \(.*\): version [\d.]+, in force in /;

async function rateBatch(family: string, data: string[], from: string, to: string, ...more: string[]) {
  const run = await cli(
    "rate",
    `rules/turkistan/${family}`,
    "--from",
    from,
    "--to",
    to,
    "--format",
    "json",
    "--data",
    ...data,
    ...more,
  );
  // stderr says which version is in force for each period, and notes the fields of other versions set aside
  // (D128): no error, no warning.
  const lines = run.stderr.split("\n");
  const others = lines.filter(
    (line) =>
      line !== "" &&
      !VERSION_LINE.test(line) &&
      !/^\S+:\d+:\d+: note D128: /.test(line) &&
      !line.startsWith("  ") && // a note's source line, caret, suggestion and docs link
      line !== "0 errors, 0 warnings",
  );
  expect(others).toEqual([]);
  expect(run.code).toBe(0);
  const results = JSON.parse(run.stdout) as RatingResult[];
  expect(lines.filter((line) => VERSION_LINE.test(line))).toHaveLength(results.length);
  return { results, stderr: run.stderr };
}

function expectSpread(results: readonly RatingResult[], units: number): void {
  for (const period of results) {
    // Every unit is ranked, or not rated because the synthetic data leaves a gap in more than 10% of its
    // weight (policies.coverage asks 0.9): then it is listed with the fields it misses, never ranked on zeros.
    expect(period.results.length + period.notRated.length, period.period).toBe(units);
    expect(period.notRated.length, period.period).toBeLessThanOrEqual(3);
    for (const n of period.notRated) {
      expect(n.coverage.weight, `${period.period} ${n.unit}`).toBeLessThan(0.9);
      expect(n.coverage.missingFields.length, `${period.period} ${n.unit}`).toBeGreaterThan(0);
      expect(n.reason).toContain("missing: ");
    }
    const totals = period.results.map((r) => r.score);
    for (const total of totals) expect(total >= 0 && total <= 100, `${period.period} total ${total}`).toBe(true);
    expect(Math.max(...totals) - Math.min(...totals), period.period).toBeGreaterThan(10);
    expect(new Set(period.results.map((r) => r.grade)).size, period.period).toBeGreaterThan(1);
  }
}

describe.each(["districts", "departments", "procurement"])("rules/turkistan/%s", (family) => {
  it("validates without errors or warnings", async () => {
    const run = await cli("validate", `rules/turkistan/${family}`);
    expect(run.stdout).toContain("0 errors, 0 warnings");
    expect(run.code).toBe(0);
  });

  it("passes its hand-computed rule tests", async () => {
    const run = await cli("test", `rules/turkistan/${family}`);
    expect(run.stdout).toMatch(/\d+ passed, 0 failed/);
    expect(run.code).toBe(0);
  });
});

describe("the sample data rates every period", () => {
  it("districts 2025.1, every quarter of 2025, setting aside the field only 2026.1 declares", async () => {
    const { results, stderr } = await rateBatch("districts", sampleData("districts"), "2025-Q1", "2025-Q4");
    expect(stderr).toContain(
      "rules/turkistan/districts/sample-data/unit-reported-2026.csv:550:19: note D128: field families_level_up_share is not part of version 2025.1 (it belongs to 2026.1): its 50 values in this file are not used",
    );
    expect(results.map((r) => [r.ruleset.version, r.period])).toEqual([
      ["2025.1", "2025-Q1"],
      ["2025.1", "2025-Q2"],
      ["2025.1", "2025-Q3"],
      ["2025.1", "2025-Q4"],
    ]);
    expectSpread(results, 17);
  });

  it("districts 2026.1, quarterly and the monthly economic indicator", async () => {
    const data = sampleData("districts");
    const quarters = await rateBatch("districts", data, "2026-Q1", "2026-Q3");
    expect(quarters.stderr).toContain(
      "note D128: field asp_recipients is not part of version 2026.1 (it belongs to 2025.1): its 200 values in this file are not used",
    );
    expectSpread(quarters.results, 17);
    const { results: economy } = await rateBatch("districts", data, "2026-01", "2026-09", "--rating", "economy");
    expect(economy.map((r) => r.rating)).toEqual(Array(9).fill("economy"));
    expectSpread(economy, 17);
  });

  it("departments every quarter and procurement customers every month of 2026", async () => {
    const departments = await rateBatch("departments", sampleData("departments"), "2026-Q1", "2026-Q3");
    expectSpread(departments.results, 12);
    const procurement = await rateBatch("procurement", sampleData("procurement"), "2026-01", "2026-09");
    expectSpread(procurement.results, 29);
    expect(departments.stderr + procurement.stderr).not.toContain("D128");
  });
});
