import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import type { RatingResult } from "../../src/scoring/result.js";
import { expectGolden } from "../report/golden.js";
import { runInProcess } from "../support/run-cli.js";

/**
 * End to end on the Turkistan rulesets and their synthetic sample data: the ranking of 2026-Q3 against golden
 * files (UPDATE_GOLDEN=1 rewrites them after a deliberate change to the rules, the data or the engine).
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const GOLDEN = join(import.meta.dirname, "golden");
const schema = JSON.parse(readFileSync(join(ROOT, "engine/schema/rating-result.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

const cli = (...args: string[]) => runInProcess(args, ROOT);

/** A family's sample data: one folder for every version (each sets the other versions' fields aside, D128). */
function sampleData(family: string): string[] {
  return [`rules/turkistan/${family}/sample-data`];
}

/** The ranking in short: rank, change, unit, total, grade and block points, one line per unit. */
function ranking(r: RatingResult): string {
  return `${r.results
    .map((u) =>
      [
        u.rank,
        u.rankChange ?? "",
        u.unit,
        u.score,
        u.grade,
        ...Object.entries(u.blocks).map(([id, b]) => `${id}=${b.score}`),
      ].join(" "),
    )
    .join("\n")}\n`;
}

describe("Turkistan districts, 2026-Q3", () => {
  it("rates the 17 units as the golden ranking says, with JSON valid against the schema", async () => {
    const r = await cli(
      "rate",
      "rules/turkistan/districts",
      "--period",
      "2026-Q3",
      "--format",
      "json",
      "--data",
      ...sampleData("districts"),
    );
    expect(r.stderr).toContain(
      "\n2026-Q3: turkistan-districts 2026.1 (rules/turkistan/districts/2026.1): version 2026.1, in force in 2026-Q3\n",
    );
    // A clean run's notes are one line each, with no error summary before the result.
    expect(r.stderr).toMatch(/^\S+:\d+:\d+: note D128: field asp_recipients is not part of version 2026\.1/m);
    expect(r.stderr).not.toContain("errors");
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as RatingResult;
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    expect(result.results).toHaveLength(17);
    expectGolden(GOLDEN, "turkistan-districts-2026-Q3.ranking.txt", ranking(result));
  });
  it("prints the table in Kazakh within 100 columns", async () => {
    const r = await cli(
      "rate",
      "rules/turkistan/districts",
      "--period",
      "2026-Q3",
      "--data",
      ...sampleData("districts"),
    );
    expect(r.code).toBe(0);
    expectGolden(GOLDEN, "turkistan-districts-2026-Q3.kk.txt", r.stdout);
    expect(Math.max(...r.stdout.split("\n").map((l) => l.length))).toBeLessThanOrEqual(100);
  });
  it("rates the monthly economy indicator", async () => {
    const r = await cli(
      "rate",
      "rules/turkistan/districts",
      "--period",
      "2026-09",
      "--format",
      "json",
      "--data",
      ...sampleData("districts"),
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as RatingResult;
    expect(result.rating).toBe("economy");
    expect(Object.keys(result.results[0]?.blocks ?? {})).toEqual(["economy"]);
    expectGolden(GOLDEN, "turkistan-districts-2026-09-economy.ranking.txt", ranking(result));
  });
});

describe("the other Turkistan rulesets", () => {
  it("rates the regional departments for 2026-Q3 and procurement for 2026-09", async () => {
    const departments = await cli(
      "rate",
      "rules/turkistan/departments",
      "--period",
      "2026-Q3",
      "--format",
      "json",
      "--data",
      ...sampleData("departments"),
    );
    expect(departments.code).toBe(0);
    expect(validate(JSON.parse(departments.stdout))).toBe(true);
    expectGolden(GOLDEN, "turkistan-departments-2026-Q3.ranking.txt", ranking(JSON.parse(departments.stdout)));
    const procurement = await cli(
      "rate",
      "rules/turkistan/procurement",
      "--period",
      "2026-09",
      "--format",
      "json",
      "--data",
      ...sampleData("procurement"),
    );
    expect(procurement.code).toBe(0);
    expect(validate(JSON.parse(procurement.stdout))).toBe(true);
    expectGolden(GOLDEN, "turkistan-procurement-2026-09.ranking.txt", ranking(JSON.parse(procurement.stdout)));
  });
});
