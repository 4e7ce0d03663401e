import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "../support/run-cli.js";
import { makeRuleset, rateFixture } from "./fixture.js";

/** Missing data never becomes a ranking of zeros (issue 8): coverage, not-rated units, S207, S208, S209, D119. */
const ROOT = resolve(import.meta.dirname, "../../..");
const MINI = "engine/test/scoring/fixtures/mini";
const PROCUREMENT = "rules/turkistan/procurement";
const DISTRICTS = "rules/turkistan/districts";
const cli = (...args: string[]) => runInProcess(args, ROOT);

const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), "tarazy-coverage-"));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe("a period with no data", () => {
  it("procurement 2026-10 (the data ends in 2026-09) is S207 naming the fields and the file, not 29 units at 0", async () => {
    const r = await cli("rate", PROCUREMENT, "--data", `${PROCUREMENT}/sample-data`, "--period", "2026-10");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error S207: no data for 2026-10: none of the 29 units has a value");
    expect(r.stderr).toContain("procurement_contracted");
    expect(r.stderr).toContain("unit-reported-2026.csv (2026-01 .. 2026-09)");
  });

  it("an empty file or a header-only file as the only data is D119 at the file", async () => {
    const dir = temp();
    writeFileSync(join(dir, "empty.csv"), "");
    writeFileSync(join(dir, "header.csv"), "unit,period,field,value\n");
    for (const file of ["empty.csv", "header.csv"]) {
      const r = await cli("rate", MINI, "--data", join(dir, file), "--period", "2026-Q2");
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`${file}:1:1: error D119`));
      const check = await cli("data", "check", MINI, "--data", join(dir, file));
      expect(check.code).toBe(1);
      expect(check.stdout).toContain("D119");
    }
  });
});

describe("a unit whose data lacks the quarter", () => {
  // The mini data without kentau's rows of 2026-Q2 (its months April to June and the quarter itself).
  function withoutKentauQ2(): string {
    const dir = temp();
    const rows = readFileSync(join(ROOT, MINI, "sample-data/data.csv"), "utf8")
      .split("\n")
      .filter((line) => !/^kentau,2026-(0[4-6]|Q2),/.test(line));
    writeFileSync(join(dir, "data.csv"), rows.join("\n"));
    return dir;
  }

  it("is listed as not rated with its reason, never ranked last at 0 (text)", async () => {
    const r = await cli("rate", MINI, "--data", withoutKentauQ2(), "--period", "2026-Q2", "--lang", "en");
    expect(r.code, r.stderr).toBe(0);
    // arys and baidibek as in the worked example (100, 63.5); kentau has no row in the ranking.
    expect(r.stdout).toMatch(/ {3}1 .* Arys +100\.00 Green zone +100%/);
    expect(r.stdout).toMatch(/ {3}2 .* Baidibek +63\.50 Yellow zone +100%/);
    expect(r.stdout).not.toMatch(/ {3}3 /);
    expect(r.stdout).toContain("Not rated (1): Too little data (the minimum is 50% of the weight)");
    expect(r.stdout).toContain("  Kentau: 0% of the weight has data; missing: jobs, revenue, satisfied");
  });

  it("JSON: results hold the rated units, notRated the others with their coverage and reason", async () => {
    const r = await cli("rate", MINI, "--data", withoutKentauQ2(), "--period", "2026-Q2", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.results.map((u: { unit: string; rank: number }) => [u.unit, u.rank])).toEqual([
      ["arys", 1],
      ["baidibek", 2],
    ]);
    expect(json.notRated).toEqual([
      {
        unit: "kentau",
        coverage: {
          indicators: 0,
          weight: 0,
          expected: 3,
          withData: 0,
          zeroed: 3,
          missingFields: ["jobs", "revenue", "satisfied"],
          missingIndicators: ["revenue_execution", "jobs_created", "satisfaction"],
        },
        reason: "no data: jobs, revenue, satisfied",
      },
    ]);
    expect(json.coverage).toEqual({ minWeightShare: 0.5, minIndicatorShare: 0, zeroed: 0 });
  });

  it("explain says why the unit is not rated", async () => {
    const r = await cli("explain", MINI, "kentau", "--data", withoutKentauQ2(), "--period", "2026-Q2", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "Not rated, 2026-Q2: Kentau (kentau)\n0% of the weight has data; missing: jobs, revenue, satisfied\n",
    );
  });
});

describe("coverage on the worked example", () => {
  it("kentau: jobs (1 of the economy's 4 weights; social is not applicable) has no data: 75% of the weight", async () => {
    const r = await cli("rate", MINI, "--data", `${MINI}/sample-data`, "--period", "2026-Q2", "--format", "json");
    const kentau = JSON.parse(r.stdout).results.find((u: { unit: string }) => u.unit === "kentau");
    expect(kentau.coverage).toMatchObject({ indicators: 0.5, weight: 0.75, expected: 2, withData: 1, zeroed: 1 });
    const explained = await cli("explain", MINI, "kentau", "--data", `${MINI}/sample-data`, "--period", "2026-Q2");
    expect(explained.stdout).toContain("Деректер: 75% (1/2); дерек жоқ: jobs");
  });
});

describe("policies.coverage", () => {
  const spec = {
    units: ["a", "b"],
    fields: ["x", "y"],
    blocks: [
      { id: "one", weight: 60, indicators: [{ id: "p", formula: "x" }] },
      { id: "two", weight: 40, indicators: [{ id: "q", formula: "y" }] },
    ],
  };
  const cells = [
    { unit: "a", field: "x", period: "2026-Q1", value: 5 },
    { unit: "b", field: "y", period: "2026-Q1", value: 5 },
  ].map((c) => ({ ...c, value: c.value as number, source: { file: "d.csv", row: 1, column: 1 } }));

  it("a unit below the minimum is not rated; one at it is ranked (a: 60% of the weight, b: 40%)", () => {
    const ruleset = { ...makeRuleset(spec), coverage: { minWeightShare: 0.6, minIndicatorShare: 0 } };
    const run = rateFixture(ruleset, cells, { period: "2026-Q1" });
    expect(run.result?.results.map((u) => u.unit)).toEqual(["a"]);
    expect(run.result?.notRated.map((u) => [u.unit, u.reason])).toEqual([
      ["b", "40% of the weight has data, the minimum is 60%; missing: x"],
    ]);
  });

  it("no unit meeting the minimum is S208, naming the fields", () => {
    const ruleset = { ...makeRuleset(spec), coverage: { minWeightShare: 0.9, minIndicatorShare: 0 } };
    const run = rateFixture(ruleset, cells, { period: "2026-Q1" });
    expect(run.result).toBeUndefined();
    expect(run.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        "S208",
        "no unit has enough data to be rated in 2026-Q1: the best covers 60% of the weight, the minimum (policies.coverage) is 90%; missing: x, y",
      ],
    ]);
  });
});

describe("a version rated outside its effective dates", () => {
  it("is S209 at its effective.from, unless --allow-out-of-period, which the output states", async () => {
    const args = ["rate", `${DISTRICTS}/2025.1`, "--data", `${DISTRICTS}/sample-data`, "--period", "2026-Q3"];
    const refused = await cli(...args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /2025\.1\/ruleset\.yaml:\d+:\d+: error S209: version 2025\.1 is not in force in 2026-Q3/,
    );
    const explainArgs = ["explain", `${DISTRICTS}/2025.1`, "arys", ...args.slice(2)];
    expect((await cli(...explainArgs)).stderr).toContain("error S209");
    expect((await cli(...explainArgs, "--allow-out-of-period")).code).toBe(0);
    const allowed = await cli(...args, "--allow-out-of-period", "--lang", "en");
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toContain(
      "version 2025.1 is not in force in 2026-Q3 (in force from 2025-01 to 2025-12): rated on purpose with --allow-out-of-period",
    );
  });
});

describe("audit and sensitivity outside a version's effective dates", () => {
  const period = ["--data", `${DISTRICTS}/sample-data`, "--period", "2026-Q3"];
  const assumptions = ["--assumptions", "rules/sensitivity/turkistan-districts.yaml", "--runs", "2"];
  it.each([
    ["audit", []],
    ["sensitivity", assumptions],
  ])("%s is S209 too, unless --allow-out-of-period, which stderr states", async (command, more) => {
    const args = [command, `${DISTRICTS}/2025.1`, ...period, ...more];
    const refused = await cli(...args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("error S209: version 2025.1 is not in force in 2026-Q3");
    const allowed = await cli(...args, "--allow-out-of-period", "--lang", "en");
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stderr).toContain(
      `2026-Q3: turkistan-districts 2025.1 (${DISTRICTS}/2025.1): version 2025.1 is not in force in 2026-Q3 (in force from 2025-01 to 2025-12): rated on purpose with --allow-out-of-period`,
    );
    const kk = await cli(...args, "--allow-out-of-period");
    expect(kk.stderr).toContain("2026-Q3 кезеңінде қолданыста емес: --allow-out-of-period арқылы әдейі есептелді");
  });
});

describe("rate --out", () => {
  it("prints the ranking table as well as writing the files", async () => {
    const out = temp();
    const r = await cli(
      "rate",
      MINI,
      "--data",
      `${MINI}/sample-data`,
      "--period",
      "2026-Q2",
      "--out",
      out,
      "--lang",
      "en",
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Quarterly rating, 2026-Q2 · 3 units");
    expect(r.stdout).toMatch(/wrote .*rating\.csv/);
  });

  it("a range across two versions writes one report per version, in a folder named by version", async () => {
    const out = temp();
    const r = await cli(
      "rate",
      DISTRICTS,
      "--data",
      `${DISTRICTS}/sample-data`,
      "--from",
      "2025-Q4",
      "--to",
      "2026-Q1",
      "--out",
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const periods = (v: string) =>
      JSON.parse(readFileSync(join(out, v, "rating.json"), "utf8")).periods.map((x: { period: string }) => x.period);
    expect(existsSync(join(out, "rating.json"))).toBe(false);
    expect([periods("2025.1"), periods("2026.1")]).toEqual([["2025-Q4"], ["2026-Q1"]]);
  });
});

describe("data check: coverage per period and unit", () => {
  it("names each period's lowest unit, the units below the minimum and the periods without data", async () => {
    const r = await cli("data", "check", MINI, "--data", `${MINI}/sample-data`);
    expect(r.code).toBe(0);
    // kentau's jobs (1 of the economy's 4 weights; its social block does not apply) has no data in 2026-Q2.
    expect(r.stdout).toContain("  quarterly 2026-Q2: 3 units, lowest 75% (kentau)\n");
    expect(r.stdout).toContain(
      "No data at all (a rating would fail with S207): quarterly 2026-Q3, quarterly 2026-Q4, economy 2026-Q3, economy 2026-Q4",
    );
    const json = JSON.parse(
      (await cli("data", "check", MINI, "--data", `${MINI}/sample-data`, "--format", "json")).stdout,
    );
    const q2 = json.coverage.periods.find(
      (p: { rating: string; period: string }) => p.rating === "quarterly" && p.period === "2026-Q2",
    );
    expect(q2.status).toBe("rated");
    expect(
      q2.units.map((u: { unit: string; coverage: { weight: number }; rated: boolean }) => [
        u.unit,
        u.coverage.weight,
        u.rated,
      ]),
    ).toEqual([
      ["arys", 1, true],
      ["baidibek", 1, true],
      ["kentau", 0.75, true],
    ]);
    expect(json.coverage.periods.filter((p: { status: string }) => p.status === "no-data")).toHaveLength(4);
  });

  it("procurement: the months after the data ends are named, and the units a rating would leave out", async () => {
    const r = await cli("data", "check", PROCUREMENT, "--data", `${PROCUREMENT}/sample-data`);
    expect(r.stdout).toContain(
      "No data at all (a rating would fail with S207): monthly 2026-10, monthly 2026-11, monthly 2026-12",
    );
    expect(r.stdout).toMatch(/monthly 2026-09: 29 units, lowest 86\.7% \(agriculture\); not rated: agriculture 86\.7%/);
  });
});
