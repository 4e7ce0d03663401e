import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { bounds, valueProblem } from "../../src/data/field-values.js";
import { buildMethodology } from "../../src/methodology/index.js";
import { loadRuleset } from "../../src/rules/load.js";
import { miniCopy } from "../rules/helpers.js";
import { runInProcess } from "../support/run-cli.js";

/** Fields declare what a value may be (fields.yaml `values`); data check and rate refuse a cell that breaks it. */

/** The mini ruleset with `jobs` a count, `schools_ready` a share and `revenue` an amount of at most 5000. */
function constrained(extra: Record<string, string> = {}): string {
  const dir = miniCopy();
  const file = join(dir, "2026.1", "fields.yaml");
  const text = readFileSync(file, "utf8")
    .replace("    measure: count\n", "    measure: count\n    values: { integer: true, non_negative: true }\n")
    .replace('    measure: "%"\n', '    measure: "%"\n    values: { share: true }\n')
    .replace("  - id: revenue\n", "  - id: revenue\n    values: { non_negative: true, max: 5000 }\n");
  writeFileSync(file, text);
  for (const [path, content] of Object.entries(extra)) writeFileSync(join(dir, path), content);
  return dir;
}

const BAD = [
  "unit,period,field,value",
  "alpha,2026-01,jobs,12",
  "alpha,2026-02,jobs,-3",
  "beta,2026-01,jobs,2.5",
  "alpha,2026-Q1,schools_ready,100",
  "beta,2026-Q1,schools_ready,104.5",
  "gamma,2026-Q1,schools_ready,n/a",
  "gamma,2026-01,revenue,5000.01",
  "",
].join("\n");

describe("field values", () => {
  test("the loader keeps the constraints; the schema knows every key", () => {
    const dir = constrained();
    const loaded = loadRuleset(join(dir, "2026.1"));
    rmSync(dir, { recursive: true, force: true });
    expect(loaded.diagnostics).toEqual([]);
    const values = Object.fromEntries(loaded.ruleset?.fields.map((f) => [f.id, f.values]) ?? []);
    expect(values).toMatchObject({
      jobs: { integer: true, nonNegative: true },
      schools_ready: { share: true },
      revenue: { nonNegative: true, max: 5000 },
      harvest: undefined,
    });
  });

  test("data check reports each cell that breaks them at file:row:column, with a stable code", async () => {
    const dir = constrained({ "bad.csv": BAD });
    const run = await runInProcess(["data", "check", "2026.1", "--data", "bad.csv", "--format", "json"], dir);
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      diagnostics: {
        code: string;
        message: string;
        file: string;
        range: { start: { line: number; column: number } };
      }[];
    };
    const found = report.diagnostics
      .filter((d) => d.code === "D170")
      .map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.message}`);
    expect(found).toEqual([
      "bad.csv:3:20 jobs = -3 for alpha in 2026-02 is negative, and the field's values are 0 or more (`non_negative`)",
      "bad.csv:4:19 jobs = 2.5 for beta in 2026-01 is not a whole number, and the field's values are whole numbers (`integer`)",
      "bad.csv:6:28 schools_ready = 104.5 for beta in 2026-Q1 is not a share: the field's values are from 0 to 100 (`share`)",
      "bad.csv:8:23 revenue = 5000.01 for gamma in 2026-01 is above the field's maximum 5000 (`max`)",
    ]);
  });

  test("rate stops at such a cell, saying where it is", async () => {
    const dir = constrained({ "bad.csv": BAD });
    const run = await runInProcess(["rate", "2026.1", "--data", "bad.csv", "--period", "2026-Q1"], dir);
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("bad.csv:3:20: error D170: jobs = -3 for alpha in 2026-02 is negative");
  });

  test("constraints that leave no value are an error at `values` (R320)", () => {
    const dir = constrained();
    const file = join(dir, "2026.1", "fields.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("values: { share: true }", "values: { share: true, min: 150 }"),
    );
    const loaded = loadRuleset(join(dir, "2026.1"));
    rmSync(dir, { recursive: true, force: true });
    expect(loaded.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "R320 the values of field `schools_ready` must be at least 150 and at most 100, which no value is",
    ]);
  });

  test("the methodology document lists them in Kazakh, Russian and English", () => {
    const dir = constrained();
    const ruleset = loadRuleset(join(dir, "2026.1")).ruleset;
    rmSync(dir, { recursive: true, force: true });
    if (!ruleset) throw new Error("not loaded");
    const jobs = (lang: "kk" | "ru" | "en") =>
      buildMethodology({ ruleset, lang })
        .blocks.flatMap((b) => b.indicators)
        .flatMap((i) => i.inputs)
        .find((x) => x.name === "jobs")?.allowed;
    expect(jobs("kk")).toBe("рұқсат етілген мәндер: бүтін сан, теріс емес");
    expect(jobs("ru")).toBe("допустимые значения: целое число, неотрицательное");
    expect(jobs("en")).toBe("allowed values: a whole number, not negative");
  });

  test("a value passes exactly when it is within the bounds (and whole where asked)", () => {
    const constraint = fc.record(
      {
        min: fc.integer({ min: -50, max: 50 }),
        max: fc.integer({ min: -50, max: 150 }),
        integer: fc.boolean(),
        share: fc.boolean(),
        nonNegative: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(constraint, fc.double({ min: -200, max: 200, noNaN: true }), (values, x) => {
        const { min = -Infinity, max = Infinity } = bounds(values);
        const allowed = x >= min && x <= max && (!values.integer || Number.isInteger(x));
        expect(valueProblem(values, x) === undefined).toBe(allowed);
      }),
    );
  });
});
