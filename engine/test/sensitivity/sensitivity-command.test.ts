import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runInProcess } from "../support/run-cli.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const MINI = join(ROOT, "engine/test/scoring/fixtures/mini");

// biome-ignore lint/suspicious/noExplicitAny: the JSON is walked by key.
type Json = any;

/** A copy of the mini ruleset with an assumptions file beside it. */
function workspace(assumptions: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tarazy-sensitivity-"));
  cpSync(MINI, dir, { recursive: true });
  writeFileSync(join(dir, "assumptions.yaml"), assumptions);
  return dir;
}

const ARGS = [
  "sensitivity",
  "2026.1",
  "--data",
  "sample-data",
  "--period",
  "2026-Q1",
  "--assumptions",
  "assumptions.yaml",
];

async function sensitivity(dir: string, extra: readonly string[] = []) {
  const run = await runInProcess([...ARGS, ...extra, "--format", "json"], dir);
  return { ...run, json: run.code === 0 ? (JSON.parse(run.stdout) as Json) : undefined };
}

async function rate(dir: string): Promise<Json> {
  const run = await runInProcess(
    ["rate", "2026.1", "--data", "sample-data", "--period", "2026-Q1", "--format", "json"],
    dir,
  );
  return JSON.parse(run.stdout);
}

describe("tarazy sensitivity on the mini ruleset", () => {
  test("when nothing varies, every run gives the nominal ranking", async () => {
    const dir = workspace(
      "sensitivity:\n  runs: 20\n  assumptions:\n    - { id: w, weights: blocks, spread: 0 }\n    - { id: r, rounding: [2] }\n",
    );
    const { json, code } = await sensitivity(dir);
    expect(code).toBe(0);
    const rated = await rate(dir);
    expect(json.meanRankShift).toBe(0);
    for (const u of json.units) {
      const nominal = rated.results.find((r: Json) => r.unit === u.unit);
      expect(u.nominalRank).toBe(nominal.rank);
      expect([u.medianRank, u.p5, u.p95]).toEqual([nominal.rank, nominal.rank, nominal.rank]);
      expect(u.zones[nominal.grade]).toBe(1);
    }
    expect(json.assumptions[0].shift).toEqual({});
    expect(json.ratings).toBe(20 * 4);
  });

  test("one discrete assumption, enumerated: each option is half the runs, and each agrees with `tarazy rate` of the rules so changed (min aggregation)", async () => {
    const dir = workspace(
      "sensitivity:\n  runs: 40\n  assumptions:\n    - { id: agg, aggregation: [arithmetic, min] }\n",
    );
    const { json } = await sensitivity(dir);
    const arithmetic = await rate(dir);
    for (const f of ["01-economy.yaml", "02-social.yaml"]) {
      const file = join(dir, "2026.1", "blocks", f);
      writeFileSync(file, readFileSync(file, "utf8").replace(/^weight: (\d+)$/m, "weight: $1\naggregation: min"));
    }
    const min = await rate(dir);
    for (const u of json.units) {
      const a = arithmetic.results.find((r: Json) => r.unit === u.unit);
      const g = min.results.find((r: Json) => r.unit === u.unit);
      expect(u.nominalRank).toBe(a.rank);
      expect(u.p5).toBe(Math.min(a.rank, g.rank));
      expect(u.p95).toBe(Math.max(a.rank, g.rank));
      expect(u.medianRank).toBe((a.rank + g.rank) / 2);
      const expected: Record<string, number> = { green: 0, yellow: 0, red: 0 };
      expected[a.grade] = (expected[a.grade] ?? 0) + 0.5;
      expected[g.grade] = (expected[g.grade] ?? 0) + 0.5;
      expect(u.zones).toEqual(expected);
    }
    // Not vacuous: under min, baidibek's 63.5 falls to 50, from the yellow zone to the red.
    expect(json.units.find((u: Json) => u.unit === "baidibek").zones).toEqual({ green: 0, yellow: 0.5, red: 0.5 });
    // The only assumption explains all the variance of the rank shift, alone.
    if (json.meanRankShift > 0) {
      expect(json.assumptions[0].shift.first).toBeCloseTo(1, 10);
      expect(json.assumptions[0].shift.total).toBeCloseTo(1, 10);
    }
  });

  test("the same seed gives the same bytes; --runs and --seed override the file", async () => {
    const dir = workspace(
      "sensitivity:\n  runs: 50\n  seed: 3\n  assumptions:\n    - { id: w, weights: indicators, spread: 0.9 }\n    - { id: m, missing: [zero, exclude] }\n",
    );
    const a = await sensitivity(dir);
    const b = await sensitivity(dir);
    expect(a.stdout).toBe(b.stdout);
    const c = await sensitivity(dir, ["--runs", "30", "--seed", "4"]);
    expect(c.json.runs).toBe(30);
    expect(c.json.seed).toBe(4);
  });

  test("mistakes in the assumptions file are diagnostics with their line", async () => {
    const dir = workspace(
      "sensitivity:\n  assumptions:\n    - { id: w, weights: blocks }\n    - { id: a, aggregation: [geometric], blocks: [econmy] }\n",
    );
    const run = await sensitivity(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("assumptions.yaml:3:");
    expect(run.stderr).toContain("U101");
    const fixed = workspace(
      "sensitivity:\n  assumptions:\n    - { id: a, aggregation: [geometric], blocks: [econmy] }\n",
    );
    const second = await sensitivity(fixed);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("U102");
    expect(second.stderr).toContain("economy");
  });
});

test("on the Turkistan districts, the analysis's nominal ranking is the rating's, to the rank", async () => {
  const args = ["rules/turkistan/districts", "--data", "rules/turkistan/districts/sample-data", "--period", "2026-Q3"];
  const dir = mkdtempSync(join(tmpdir(), "tarazy-sensitivity-"));
  const file = join(dir, "still.yaml");
  writeFileSync(file, "sensitivity:\n  runs: 4\n  assumptions:\n    - { id: w, weights: indicators, spread: 0 }\n");
  const run = await runInProcess(["sensitivity", ...args, "--assumptions", file, "--format", "json"], ROOT);
  const rated = JSON.parse((await runInProcess(["rate", ...args, "--format", "json"], ROOT)).stdout);
  const json = JSON.parse(run.stdout);
  expect(json.units.map((u: Json) => [u.unit, u.nominalRank, u.nominalGrade, u.p5, u.p95])).toEqual(
    rated.results.map((r: Json) => [r.unit, r.rank, r.grade, r.rank, r.rank]),
  );
});

test("--format html draws each unit's rank interval as a whisker", async () => {
  const dir = workspace(
    "sensitivity:\n  runs: 20\n  assumptions:\n    - { id: agg, aggregation: [arithmetic, min] }\n",
  );
  const run = await runInProcess([...ARGS, "--format", "html", "--lang", "en"], dir);
  expect(run.code).toBe(0);
  expect(run.stdout.startsWith("<!doctype html>")).toBe(true);
  expect(run.stdout.match(/<svg /g)).toHaveLength(3);
  expect(run.stdout).toContain('aria-label="ranks 2 to 2, median 2"');
  expect(run.stdout).not.toMatch(/NaN|undefined|<script/);
});

test("--lang kk|ru: the tables and the page have no English; the numbers are the same", async () => {
  const dir = workspace(
    "sensitivity:\n  runs: 20\n  assumptions:\n    - { id: agg, aggregation: [arithmetic, min] }\n",
  );
  const run = (lang: string, format: string) => runInProcess([...ARGS, "--format", format, "--lang", lang], dir);
  const english = /Sensitivity|assumption|ratings|rank statistics|median [0-9]|places|Whiskers|sampling|n\/a|\bkind\b/;
  for (const lang of ["kk", "ru"]) {
    for (const format of ["text", "html"]) {
      const out = await run(lang, format);
      expect(out.code, out.stderr).toBe(0);
      // The file's name is the user's, not a word of ours.
      expect(out.stdout.replaceAll("assumptions.yaml", ""), `${lang} ${format}`).not.toMatch(english);
    }
  }
  expect((await run("ru", "text")).stdout).toContain("Индексы чувствительности");
  expect((await run("kk", "html")).stdout).toContain('<html lang="kk">');
  expect((await run("en", "text")).stdout).toContain("Mean absolute rank shift");
});

test("a score assumption: each option re-scores the indicator's values, and agrees with `tarazy rate` of the rules so changed", async () => {
  // satisfaction as rated (bands 90 → 1, 70 → 0.5) or with one band from 50%: arys (50%) scores 1 instead
  // of 0, 48 + 40 = 88, and passes baidibek (80%: 63.5 + 20 = 83.5) — by hand, and by `tarazy rate` below.
  const dir = workspace(
    [
      "sensitivity:",
      "  runs: 40",
      "  assumptions:",
      "    - id: satisfaction_bands",
      "      score:",
      "        indicator: satisfaction",
      "        options:",
      "          - { method: bands, bands: [{ min: 90, score: 1 }, { min: 70, score: 0.5 }, { score: 0 }] }",
      "          - { method: bands, bands: [{ min: 50, score: 1 }, { score: 0 }] }",
      "",
    ].join("\n"),
  );
  const { json, code, stderr } = await sensitivity(dir);
  expect(code, stderr).toBe(0);
  const rated = await rate(dir);
  const file = join(dir, "2026.1", "blocks", "02-social.yaml");
  const text = readFileSync(file, "utf8");
  const changed = text.replace(
    /- \{ min: 90, score: 1 \}\n\s*- \{ min: 70, score: 0\.5 \}\n/,
    "- { min: 50, score: 1 }\n",
  );
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
  const other = await rate(dir);
  expect(other.results.map((r: Json) => [r.unit, r.score, r.rank])).toEqual([
    ["kentau", 100, 1],
    ["arys", 88, 2],
    ["baidibek", 83.5, 3],
  ]);
  for (const u of json.units) {
    const a = rated.results.find((r: Json) => r.unit === u.unit);
    const b = other.results.find((r: Json) => r.unit === u.unit);
    expect(u.nominalRank).toBe(a.rank);
    expect([u.p5, u.p95, u.medianRank]).toEqual([
      Math.min(a.rank, b.rank),
      Math.max(a.rank, b.rank),
      (a.rank + b.rank) / 2,
    ]);
  }
  expect(json.assumptions[0]).toMatchObject({ id: "satisfaction_bands", kind: "score" });
  // Half the runs take each option (the hypercube), and the second moves two of the three units one place:
  // a mean absolute rank shift of 1/2 × 2/3.
  expect(json.meanRankShift).toBeCloseTo(1 / 3, 12);
});

test("a score assumption on an unknown indicator, or with a formula method, is a diagnostic at its line", async () => {
  const dir = workspace(
    "sensitivity:\n  assumptions:\n    - { id: s, score: { indicator: satisfacton, options: [{ method: rank }] } }\n    - { id: t, score: { indicator: jobs_created, options: [{ method: formula, formula: '1' }] } }\n",
  );
  const run = await sensitivity(dir);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/assumptions\.yaml:4:.*U101/);
  const first = workspace(
    "sensitivity:\n  assumptions:\n    - { id: s, score: { indicator: satisfacton, options: [{ method: rank }] } }\n",
  );
  const second = await sensitivity(first);
  expect(second.stderr).toMatch(/assumptions\.yaml:3:.*U102.*'satisfacton' is not an indicator/);
  expect(second.stderr).toContain("satisfaction");
});
