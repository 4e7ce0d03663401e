import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import { MINI, miniCopy } from "./helpers.js";

const ENGINE = join(import.meta.dirname, "..", "..");
const CORPUS = join(import.meta.dirname, "corpus");

async function tarazy(args: string[], env: Record<string, string> = {}, cwd = ENGINE) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, isTTY: false, env };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe("tarazy validate", () => {
  test("a clean family: exit 0, what was checked, relative paths", async () => {
    const { code, stdout } = await tarazy(["validate", "test/rules/fixtures/mini"]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      "checked test/rules/fixtures/mini: mini 2025.1 (5 files, 4 indicators), mini 2026.1 (5 files, 4 indicators)\n0 errors, 0 warnings\n",
    );
  });

  test("errors: exit 1, file:line:col with the source line and a caret", async () => {
    const { code, stdout } = await tarazy(["validate", "test/rules/corpus/weights"]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      [
        "test/rules/corpus/weights/blocks/02-social.yaml:12:13: error R231: the weight of indicator `schools` is 0; weights must be above 0",
        "  12 |     weight: 0",
        "     |             ^",
      ].join("\n"),
    );
    expect(stdout).toContain(
      "  = note: block `social` weighs 30 (test/rules/corpus/weights/blocks/02-social.yaml:4:9)",
    );
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("3 errors, 0 warnings");
  });

  test("warnings pass, unless --fail-level warning or --max-warnings is exceeded", async () => {
    const path = "test/rules/corpus/unused-field";
    expect((await tarazy(["validate", path])).code).toBe(0);
    expect((await tarazy(["validate", path, "--fail-level", "warning"])).code).toBe(1);
    expect((await tarazy(["validate", path, "--max-warnings", "0"])).code).toBe(1);
    expect((await tarazy(["validate", path, "--max-warnings=1"])).code).toBe(0);
  });

  test("a rule file: only that file's problems", async () => {
    const { code, stdout } = await tarazy(["validate", "test/rules/corpus/weights/ruleset.yaml"]);
    expect(code).toBe(1);
    expect(stdout).toContain("ruleset.yaml:6:8: error R230");
    expect(stdout).not.toContain("R231");
  });

  test("a folder is searched for rulesets", async () => {
    const { stdout } = await tarazy(["validate", "test/rules/fixtures"]);
    expect(stdout.split("\n")[0]).toBe(
      "checked test/rules/fixtures/mini: mini 2025.1 (5 files, 4 indicators), mini 2026.1 (5 files, 4 indicators)",
    );
  });

  test("nothing to validate or bad usage: exit 2", async () => {
    const missing = await tarazy(["validate", "test/rules/no-such-folder"]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain("error R001:");
    const usage = await tarazy(["validate", "--format", "xml"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--format is text, json, sarif or github, not 'xml'");
  });

  test("--format json: every diagnostic with position, suggestion, fix and docs link", async () => {
    const { code, stdout } = await tarazy(["validate", "test/rules/corpus/unknown-keys", "--format", "json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.summary).toEqual({ errors: 6, warnings: 0, infos: 0 });
    expect(report.diagnostics[2]).toEqual({
      code: "R101",
      severity: "error",
      message: "unknown key `weigth` in indicator `revenue_execution`",
      file: "test/rules/corpus/unknown-keys/blocks/01-economy.yaml",
      line: 13,
      column: 5,
      endLine: 13,
      endColumn: 11,
      suggestion: "did you mean `weight`?",
      fix: {
        title: "Rename to weight",
        edits: [
          {
            file: "test/rules/corpus/unknown-keys/blocks/01-economy.yaml",
            line: 13,
            column: 5,
            endLine: 13,
            endColumn: 11,
            newText: "weight",
          },
        ],
      },
      docs: "docs/diagnostics.md#r101",
    });
  });

  test("--format github: workflow annotations, escaped", async () => {
    const { stdout } = await tarazy(["validate", "test/rules/corpus/weights", "--format", "github"]);
    expect(stdout.split("\n")[0]).toBe(
      "::error file=test/rules/corpus/weights/blocks/02-social.yaml,line=12,col=13,endLine=12,endColumn=14,title=R231::the weight of indicator `schools` is 0; weights must be above 0 (remove the element if it should not count, or give it a positive weight)",
    );
    const warning = await tarazy(["validate", "test/rules/corpus/unused-field", "--format", "github"]);
    expect(warning.stdout).toMatch(/^::warning file=/);
  });

  test("--format sarif: valid SARIF 2.1.0 with rule metadata from the catalog", async () => {
    const { stdout } = await tarazy(
      ["validate", "test/rules/corpus", "--format", "sarif", "--help-uri-base", "https://example.org/tarazy/"],
      {},
    );
    const log = JSON.parse(stdout);
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, "fixtures", "sarif-2.1.0-subset.schema.json"), "utf8"),
    );
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("tarazy");
    const r101 = run.tool.driver.rules.find((r: { id: string }) => r.id === "R101");
    expect(r101).toMatchObject({
      id: "R101",
      name: "UnknownKey",
      shortDescription: { text: "Unknown key" },
      helpUri: "https://example.org/tarazy/docs/diagnostics.md#r101",
      defaultConfiguration: { level: "error" },
    });
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(run.results.length).toBeGreaterThan(60);
  });

  test("--format sarif in GitHub Actions links rules to the repository at the commit", async () => {
    const env = { GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "org/repo", GITHUB_SHA: "abc123" };
    const { stdout } = await tarazy(["validate", "test/rules/corpus/weights", "--format", "sarif"], env);
    expect(JSON.parse(stdout).runs[0].tool.driver.rules[0].helpUri).toBe(
      "https://github.com/org/repo/blob/abc123/docs/diagnostics.md#r230",
    );
  });

  test("the same input gives the same bytes", async () => {
    const a = await tarazy(["validate", "test/rules/corpus", "--format", "json"]);
    const b = await tarazy(["validate", "test/rules/corpus", "--format", "json"]);
    expect(a.stdout).toBe(b.stdout);
  });

  test("the structure of rule tests (tests/*.yaml) is checked too", async () => {
    const dir = miniCopy({
      "2026.1/tests/smoke.yaml":
        "test: smoke\nrating: quarterly\nperiod: 2026-Q5\nexpect:\n  results:\n    - { unit: alpha, rnk: 1 }\n",
    });
    try {
      const { code, stdout } = await tarazy(["validate", "."], {}, dir);
      expect(code).toBe(1);
      expect(stdout).toContain("2026.1/tests/smoke.yaml:3:9: error R105: `2026-Q5` is not a valid `period`");
      expect(stdout).toContain("2026.1/tests/smoke.yaml:6:22: error R101: unknown key `rnk` in expected result 1");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("paths are relative to the current folder", async () => {
    const { stdout } = await tarazy(["validate", "weights"], {}, CORPUS);
    expect(stdout).toContain("weights/blocks/02-social.yaml:12:13: error R231");
  });
});

describe("tarazy diff", () => {
  test("family and two versions: text", async () => {
    const { code, stdout } = await tarazy(["diff", "test/rules/fixtures/mini", "2025.1", "2026.1"]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        "mini 2025.1 -> mini 2026.1",
        "",
        "Ruleset",
        "  ~ mini: effective.from `2025-01` -> `2026-01`",
        "  ~ mini: effective.to `2025-12` -> (none)",
        "",
        "Indicators",
        "  ~ harvest_good renamed to harvest_ok (block social)",
        "  ~ revenue_execution (block economy): formula `revenue / revenue_plan * 100` -> `ytd(revenue) / ytd(revenue_plan) * 100`",
        "  ~ schools (block social): weight 3 -> 2",
        "",
        "5 changes: 1 renamed, 4 changed",
        "",
      ].join("\n"),
    );
  });

  test("two version folders: json, and --exit-code", async () => {
    const args = ["diff", join(MINI, "2025.1"), join(MINI, "2026.1"), "--format", "json"];
    const { code, stdout } = await tarazy(args);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).changes).toHaveLength(5);
    expect((await tarazy([...args, "--exit-code"])).code).toBe(1);
    expect((await tarazy(["diff", join(MINI, "2026.1"), join(MINI, "2026.1"), "--exit-code"])).code).toBe(0);
  });

  test("a family folder needs its versions; a broken version is refused with its errors", async () => {
    const family = await tarazy(["diff", "test/rules/fixtures/mini", "test/rules/fixtures/mini/2026.1"]);
    expect(family.code).toBe(2);
    expect(family.stderr).toContain("is a family folder: give its versions too");
    const broken = await tarazy(["diff", "test/rules/fixtures/mini/2026.1", "test/rules/corpus/weights"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("the versions must be free of errors to compare");
    expect(broken.stderr).toContain("test/rules/corpus/weights/ruleset.yaml:6:8: error R230");
  });
});
