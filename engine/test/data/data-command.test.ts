import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeDataCommand, type RulesetLoader } from "../../src/cli/commands/data.js";
import type { CliIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import type { Ruleset } from "../../src/model/ruleset.js";
import { FIXTURES, MODEL } from "./model.js";

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), "golden");
const ruleset = { id: "test-rules", version: "2026.1", ...MODEL } as unknown as Ruleset;
const loadsModel: RulesetLoader = async () => ({ ruleset, diagnostics: [] });

async function run(args: string[], loader: RulesetLoader = loadsModel) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: FIXTURES,
    isTTY: false,
    env: {},
  };
  const code = await makeDataCommand(loader).run(args, io);
  return { code, stdout, stderr };
}

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it (then review the diff). */
function golden(name: string, actual: string) {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("tarazy data check", () => {
  it("clean data: exit 0 and a summary of what was read", async () => {
    const r = await run(["check", "rules", "--data", "semicolon-bom-crlf.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "0 errors, 0 warnings\n\nData: 1 file, 10 rows, 10 observations\nCovered: 5 units x 3 fields x 1 period (2026-01)\n",
    );
  });

  it("data with errors: exit 1, each diagnostic with the CSV line and a caret (golden file)", async () => {
    const r = await run(["check", "rules", "--data", "long.csv", "wide.csv", "dup-a.csv", "--data=dup-b.csv"]);
    expect(r.code).toBe(1);
    golden("data-check.txt", r.stdout);
  });

  it("--format json: files, summary, counts and sorted diagnostics", async () => {
    const r = await run(["check", "rules", "--format", "json", "--data", "long.csv", "wide.csv"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ruleset).toEqual({ id: "test-rules", version: "2026.1" });
    expect(report.files.map((f: { path: string; rows: number }) => [f.path, f.rows])).toEqual([
      ["long.csv", 6],
      ["wide.csv", 5],
    ]);
    expect(report.summary).toEqual({
      files: 2,
      rows: 11,
      observations: 13,
      notApplicable: 3,
      setAside: 0,
      units: 5,
      fields: 4,
      periods: ["2026-01", "2026-Q1", "2026-02"],
    });
    expect([report.errors, report.warnings]).toEqual([2, 1]);
    expect(report.diagnostics.map((d: { code: string; file: string }) => `${d.code} ${d.file}`)).toEqual([
      "D131 long.csv",
      "D134 wide.csv",
      "D132 wide.csv",
    ]);
  });

  it("a warning alone does not fail the check", async () => {
    const r = await run(["check", "rules", "--data", "cp1251.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 errors, 2 warnings");
  });

  it("a field no version of the family declares stays an error; --period goes to the loader", async () => {
    const choices: unknown[] = [];
    const withFamily: RulesetLoader = async (_path, choice) => {
      choices.push(choice);
      const family = {
        version: "2026.1",
        others: [{ version: "2025.1", fields: [{ id: "new_jobs_old", name: { kk: "Жаңа жұмыс орындары (ескі)" } }] }],
      };
      const model = { ...ruleset, fields: ruleset.fields.filter((f) => f.id !== "new_jobs") } as Ruleset;
      return { ruleset: model, diagnostics: [], family };
    };
    // dup-a.csv has a new_jobs value: this version lacks the field, and the family only has new_jobs_old.
    const unknown = await run(["check", "rules", "--period", "2026-Q1", "--data", "dup-a.csv"], withFamily);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('error D122: unknown field "new_jobs"');
    expect(choices).toEqual([{ period: "2026-Q1" }]);
  });

  it("a field of another version only: an info note, and the values counted as set aside", async () => {
    const family = {
      version: "2026.1",
      others: [{ version: "2025.1", fields: [{ id: "new_jobs", name: { kk: "Жаңа жұмыс орындары" } }] }],
    };
    const model = { ...ruleset, fields: ruleset.fields.filter((f) => f.id !== "new_jobs") } as Ruleset;
    const loader: RulesetLoader = async () => ({ ruleset: model, diagnostics: [], family });
    const r = await run(["check", "rules", "--version", "2026.1", "--data", "dup-a.csv"], loader);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "dup-a.csv:4:16: info D128: field new_jobs is not part of version 2026.1 (it belongs to 2025.1): its 1 value in this file is not used",
    );
    expect(r.stdout).toContain(
      "0 errors, 0 warnings\n\nData: 1 file, 4 rows, 3 observations, 1 value of other versions' fields set aside\n",
    );
  });

  it("a ruleset that cannot be loaded: its errors, and no data check", async () => {
    const broken: RulesetLoader = async () => ({
      diagnostics: [
        {
          code: "R100",
          severity: "error",
          message: "no ruleset.yaml here",
          file: path.join(FIXTURES, "rules", "ruleset.yaml"),
          range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
        },
      ],
    });
    const r = await run(["check", "rules", "--data", "long.csv"], broken);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "rules/ruleset.yaml:1:1: error R100: no ruleset.yaml here\n  = docs: docs/diagnostics.md#r100\n\n1 error, 0 warnings\n\nThe ruleset could not be loaded, so the data was not checked (tarazy validate shows why).\n",
    );
  });

  it("checks the Turkistan rulesets' sample data with the real rules loader", async () => {
    const root = path.resolve(FIXTURES, "../../../..");
    const check = async (ruleset: string, data: string[]) => {
      let stdout = "";
      const io: CliIO = {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stdout += t),
        cwd: root,
        isTTY: false,
        env: {},
      };
      const code = await runCli(["data", "check", ruleset, "--format", "json", "--data", ...data], io);
      return { code, report: JSON.parse(stdout) };
    };
    // The whole folder serves both versions: each sets the other's fields aside, with a note per file and field.
    const sample = "rules/turkistan/districts/sample-data";
    const districts = await check("rules/turkistan/districts/2026.1", [sample]);
    expect([districts.code, districts.report.errors, districts.report.warnings]).toEqual([0, 0, 0]);
    expect(districts.report.summary.units).toBe(17);
    expect(districts.report.setAside).toEqual([
      { file: `${sample}/unit-reported-2025.csv`, field: "asp_recipients", versions: ["2025.1"], values: 200 },
    ]);
    expect(districts.report.diagnostics.map((d: { code: string }) => d.code)).toEqual(["D128"]);
    const of2025 = await check("rules/turkistan/districts", ["--version", "2025.1", "--data", sample]);
    expect([of2025.code, of2025.report.ruleset.version, of2025.report.summary.setAside]).toEqual([0, "2025.1", 50]);
    expect(of2025.report.setAside[0].field).toBe("families_level_up_share");
    const procurement = await check("rules/turkistan/procurement/2026.1", ["rules/turkistan/procurement/sample-data"]);
    expect([procurement.code, procurement.report.errors]).toEqual([0, 0]);
  });

  it.each([
    [["data"], "missing subcommand: check"],
    [["data", "verify"], "unknown subcommand 'verify'"],
    [["data", "check"], "missing RULESET (a ruleset folder)"],
    [["data", "check", "rules"], "missing --data PATH"],
    [["data", "check", "rules", "--data", "x.csv", "--format", "xml"], "--format must be text or json, not 'xml'"],
    [["data", "check", "rules", "--data", "x.csv", "--format"], "--format needs a value: text or json"],
    [["data", "check", "rules", "--strict", "--data", "x.csv"], "unknown option '--strict'"],
    [["data", "check", "rules", "--data", "x.csv", "--version"], "--version needs a value"],
    [
      ["data", "check", "rules", "--period", "2026-Q1", "--version", "2026.1", "--data", "x.csv"],
      "give either --version or --period, not both",
    ],
    [["data", "check", "rules", "other", "--data", "x.csv"], "unexpected argument 'other' (data paths follow --data)"],
  ])("bad usage %j exits 2: %s", async (argv, message) => {
    let stderr = "";
    const io: CliIO = { stdout: () => {}, stderr: (t) => (stderr += t), cwd: FIXTURES, isTTY: false, env: {} };
    expect(await runCli(argv, io)).toBe(2);
    expect(stderr.split("\n")[0]).toBe(`tarazy data: ${message}`);
  });
});
