import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import type { RatingResult } from "../../src/scoring/result.js";

/**
 * The Turkistan rulesets end to end through the CLI, in process: they validate clean, their hand-computed
 * rule tests pass, and every period of the synthetic sample data rates without a problem, with totals that
 * tell the units apart.
 */
const ROOT = resolve(import.meta.dirname, "../../..");

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: ROOT,
    isTTY: false,
    env: {},
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** The shared CSV files of a family's sample data, and the folder of the fields only `version` declares. */
function sampleData(family: string, version?: string): string[] {
  const base = `rules/turkistan/${family}/sample-data`;
  const shared = readdirSync(join(ROOT, base))
    .filter((name) => name.endsWith(".csv"))
    .sort()
    .map((name) => `${base}/${name}`);
  return version ? [...shared, `${base}/only-${version}`] : shared;
}

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
  // stderr says which version is in force for each period, and nothing else: no error, no warning.
  const notes = run.stderr.split("\n").filter((line) => line !== "");
  expect(
    notes.filter((line) => !/^\S+: turkistan-[a-z]+ [\d.]+ \(.*\): version [\d.]+, in force in /.test(line)),
  ).toEqual([]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as RatingResult[];
}

function expectSpread(results: readonly RatingResult[], units: number): void {
  for (const period of results) {
    expect(period.results, period.period).toHaveLength(units);
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
  it("districts 2025.1, every quarter of 2025", async () => {
    const results = await rateBatch("districts", sampleData("districts", "2025.1"), "2025-Q1", "2025-Q4");
    expect(results.map((r) => [r.ruleset.version, r.period])).toEqual([
      ["2025.1", "2025-Q1"],
      ["2025.1", "2025-Q2"],
      ["2025.1", "2025-Q3"],
      ["2025.1", "2025-Q4"],
    ]);
    expectSpread(results, 17);
  });

  it("districts 2026.1, quarterly and the monthly economic indicator", async () => {
    const data = sampleData("districts", "2026.1");
    expectSpread(await rateBatch("districts", data, "2026-Q1", "2026-Q3"), 17);
    const economy = await rateBatch("districts", data, "2026-01", "2026-09", "--rating", "economy");
    expect(economy.map((r) => r.rating)).toEqual(Array(9).fill("economy"));
    expectSpread(economy, 17);
  });

  it("departments every quarter and procurement customers every month of 2026", async () => {
    expectSpread(await rateBatch("departments", sampleData("departments"), "2026-Q1", "2026-Q3"), 12);
    expectSpread(await rateBatch("procurement", sampleData("procurement"), "2026-01", "2026-09"), 29);
  });
});
