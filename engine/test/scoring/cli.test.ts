import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { expectGolden } from "../report/golden.js";
import { runInProcess } from "../support/run-cli.js";

/** The CLI in process, from the repository root, so paths in the output are stable. */
const ROOT = resolve(import.meta.dirname, "../../..");
const MINI = "engine/test/scoring/fixtures/mini";
const DATA = `${MINI}/sample-data`;
const GOLDEN = join(import.meta.dirname, "golden");

const cli = (...args: string[]) => runInProcess(args, ROOT);

const schema = JSON.parse(readFileSync(join(ROOT, "engine/schema/rating-result.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), "tarazy-scoring-"));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe("tarazy rate", () => {
  it("prints the ranking table with rank changes and the version it chose", async () => {
    const r = await cli("rate", MINI, "--data", DATA, "--period", "2026-Q2", "--lang", "en");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expectGolden(GOLDEN, "rate-mini-2026-Q2.en.txt", r.stdout);
    expect(Math.max(...r.stdout.split("\n").map((l) => l.length))).toBeLessThanOrEqual(100);
  });
  it("prints JSON that validates against rating-result.schema.json, the same bytes every time", async () => {
    const r = await cli("rate", MINI, "--data", DATA, "--period", "2026-Q2", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.results.map((u: { unit: string; score: number }) => [u.unit, u.score])).toEqual([
      ["arys", 100],
      ["baidibek", 63.5],
      ["kentau", 37.5],
    ]);
    expectGolden(GOLDEN, "rate-mini-2026-Q2.json", r.stdout);
    const again = await cli("rate", MINI, "--data", DATA, "--period", "2026-Q2", "--format", "json");
    expect(again.stdout).toBe(r.stdout);
    expect(r.stderr).toBe(
      "2026-Q2: mini 2026.1 (engine/test/scoring/fixtures/mini/2026.1): version 2026.1, in force in 2026-Q2\n",
    );
  });
  it("rates a range of periods in one batch, each with the version in force and its rank changes", async () => {
    const r = await cli("rate", MINI, "--data", DATA, "--from", "2025-Q4", "--to", "2026-Q2", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.map((x: { period: string; ruleset: { version: string } }) => [x.period, x.ruleset.version])).toEqual([
      ["2025-Q4", "2025.1"],
      ["2026-Q1", "2026.1"],
      ["2026-Q2", "2026.1"],
    ]);
    // 2026-Q1 ranks against 2025-Q4, rated with 2025.1: kentau 2 -> 1.
    const kentau = json[1].results.find((u: { unit: string }) => u.unit === "kentau");
    expect([kentau.rank, kentau.previousRank, kentau.rankChange]).toEqual([1, 2, 1]);
  });
  it("writes the reports with --out", async () => {
    const dir = temp();
    const r = await cli("rate", MINI, "--data", DATA, "--period", "2026-Q2", "--out", dir);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      "manifest.json",
      "rating.csv",
      "rating.html",
      "rating.json",
      "rating.md",
      "rating.xlsx",
    ]);
  });
  it("stops with the data file's line and column on bad data", async () => {
    const dir = temp();
    writeFileSync(join(dir, "bad.csv"), "unit,period,field,value\narys,2026-06,revenue,800\narysh,2026-06,revenue,1\n");
    const r = await cli("rate", MINI, "--data", join(dir, "bad.csv"), "--period", "2026-Q2");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/bad\.csv:3:1: error D120: .*arysh/);
    expect(r.stderr).toContain("did you mean `arys`?");
  });
  it("names an unknown rating and a period of the wrong rhythm", async () => {
    const unknown = await cli("rate", MINI, "--data", DATA, "--period", "2026-Q2", "--rating", "quartely");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("error S202: the ruleset has no rating 'quartely' (it has: quarterly, economy)");
    expect(unknown.stderr).toContain("did you mean `quarterly`?");
    // Said at the ruleset's ratings in ruleset.yaml, not as an error of no file.
    expect(unknown.stderr).toMatch(/ruleset\.yaml:\d+:\d+: error S202/);
    expect(unknown.stderr).not.toContain("tarazy: error");
    const rhythm = await cli("rate", MINI, "--data", DATA, "--period", "2026-05", "--rating", "quarterly");
    expect(rhythm.code).toBe(1);
    expect(rhythm.stderr).toContain(
      "S203: the quarterly rating is rated by quarter, but the period 2026-05 is a month",
    );
  });
  it("answers bad usage with the usage text and exit code 2", async () => {
    const r = await cli("rate", MINI, "--data", DATA, "--period", "2026-13");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--period '2026-13' is not a period");
    expect((await cli("rate", MINI, "--period", "2026-Q2")).stderr).toContain("missing --data PATH");
  });
});

describe("policies.rank.display_decimals", () => {
  it("sets the decimals of the totals in the ranking table, never fewer than the ranking's round", async () => {
    const dir = temp();
    cpSync(join(ROOT, MINI, "2026.1"), join(dir, "2026.1"), { recursive: true });
    const file = join(dir, "2026.1/ruleset.yaml");
    const yaml = readFileSync(file, "utf8");
    const show = async (rank: string) => {
      writeFileSync(file, yaml.replace("rank: { round: 2, ties: competition }", rank));
      const r = await cli("rate", join(dir, "2026.1"), "--data", DATA, "--period", "2026-Q2", "--lang", "en");
      expect(r.stderr).toBe("");
      return r.stdout;
    };
    expect(await show("rank: { round: 2, ties: competition, display_decimals: 3 }")).toMatch(/ 63\.500 /);
    expect(await show("rank: { round: 2, ties: competition, display_decimals: 0 }")).toMatch(/ 63\.50 /);
    expect(await show("rank: { round: 1, ties: competition }")).toMatch(/ 63\.5 /);
  });
});

describe("tarazy explain", () => {
  it("traces a unit's total to the data cells", async () => {
    const r = await cli("explain", MINI, "kentau", "--data", DATA, "--period", "2026-Q2", "--lang", "en");
    expect(r.code).toBe(0);
    expectGolden(GOLDEN, "explain-mini-kentau-2026-Q2.en.txt", r.stdout);
    expect(r.stdout).toContain("reason: no value of jobs for kentau in 2026-05 (policy: scores 0)");
  });
  it("gives the trace as JSON, optionally for one indicator", async () => {
    const r = await cli(
      "explain",
      MINI,
      "baidibek",
      "--data",
      DATA,
      "--period",
      "2026-Q2",
      "--format",
      "json",
      "--indicator",
      "revenue_execution",
    );
    expect(r.code).toBe(0);
    const trace = JSON.parse(r.stdout);
    expect(trace.total).toBe(63.5);
    expect(trace.blocks[0].indicators[0].at.file).toBe(`${MINI}/2026.1/blocks/01-economy.yaml`);
    expect(trace.blocks[0].indicators.map((i: { id: string; points: number }) => [i.id, i.points])).toEqual([
      ["revenue_execution", 36],
    ]);
    // revenue for Q2 is June - March: lines 9 and 28 of data.csv, the value in column 26.
    expect(trace.blocks[0].indicators[0].inputs[0].sources).toEqual([
      { file: `${DATA}/data.csv`, row: 9, column: 26 },
      { file: `${DATA}/data.csv`, row: 28, column: 26 },
    ]);
  });
  it("suggests the unit meant", async () => {
    const r = await cli("explain", MINI, "kentu", "--data", DATA, "--period", "2026-Q2");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unit 'kentu' was not rated in 2026-Q2");
    expect(r.stderr).toContain("did you mean `kentau`?");
  });
});

describe("tarazy test", () => {
  it("passes the fixture's rule tests", async () => {
    const r = await cli("test", MINI);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ worked-example.yaml: the worked example (19 checks)");
    expect(r.stdout).toContain("1 passed, 0 failed (19 checks)");
  });
  function withTest(name: string, text: string): string {
    const dir = temp();
    cpSync(join(ROOT, MINI, "2026.1"), join(dir, "2026.1"), { recursive: true });
    writeFileSync(join(dir, "2026.1/tests", name), text);
    return join(dir, "2026.1");
  }
  const failing = readFileSync(join(ROOT, MINI, "2026.1/tests/worked-example.yaml"), "utf8").replace(
    "{ unit: baidibek, score: 63.5, rank: 2, grade: yellow }",
    "{ unit: baidibek, score: 64, rank: 2, grade: yellow }",
  );
  it("reports a failure with expected and actual values, its line, and the trace; exit 1", async () => {
    const version = withTest("wrong.yaml", failing);
    const r = await cli("test", version);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/tests\/wrong\.yaml:\d+:\d+: baidibek: expected score 64, got 63\.5/);
    expect(r.stdout).toContain("expected 64, actual 63.5");
    expect(r.stdout).toContain("economy — Economy: 43.5 of 60 (lost 16.5, weighted arithmetic mean)");
    expect(r.stdout).toContain("1 passed, 1 failed");
  });
  it("writes JUnit XML", async () => {
    const version = withTest("wrong.yaml", failing);
    const r = await cli("test", version, "--format", "junit");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="tarazy test" tests="2" failures="1" errors="0">/,
    );
    expect(r.stdout).toContain('<failure type="S302" message="baidibek: expected score 64, got 63.5">');
    expect(r.stdout).toContain('name="worked-example.yaml: the worked example" ');
  });
  it("points at the place of a mistake in a test file", async () => {
    const version = withTest(
      "bad.yaml",
      "test: bad\nrating: quarterly\nperiod: 2026-Q2\nexpect:\n  indicators:\n    - { unit: arys, indicator: revenue_exec, score: 1 }\n",
    );
    const r = await cli("test", version);
    expect(r.code).toBe(1);
    // At the indicator's name (column 32), not at the score beside it.
    expect(r.stderr).toMatch(/bad\.yaml:6:32: error S301: unknown indicator 'revenue_exec'/);
    expect(r.stderr).toContain("did you mean `revenue_execution`?");
  });
  it("says an unknown unit or field of a data row at the name, not at the value", async () => {
    const version = withTest(
      "rows.yaml",
      [
        "test: rows",
        "rating: quarterly",
        "period: 2026-Q2",
        "data:",
        "  - { unit: arysh, period: 2026-06, field: revenue, value: 800 }",
        "  - { unit: arys, period: 2026-06, field: revenu, value: 800 }",
        "expect:",
        "  results:",
        "    - { unit: ariss, score: 1 }",
        "",
      ].join("\n"),
    );
    const r = await cli("test", version);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rows\.yaml:5:13: error S301: unknown unit 'arysh' in a data row/);
    expect(r.stderr).toMatch(/rows\.yaml:6:43: error S301: unknown field 'revenu' in a data row/);
    expect(r.stderr).toMatch(/rows\.yaml:9:15: error S301: unknown unit 'ariss'/);
  });
});
