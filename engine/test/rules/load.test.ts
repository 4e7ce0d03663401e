import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { loadFamily, loadRuleset } from "../../src/rules/load.js";
import { MAX_RULE_FILE_BYTES } from "../../src/rules/read.js";
import { brief, MINI, MINI_2026, miniCopy } from "./helpers.js";

const temporary: string[] = [];
const copy = (files: Record<string, string> = {}) => {
  const dir = miniCopy(files);
  temporary.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe("loadRuleset: a version folder", () => {
  const result = loadRuleset(MINI_2026);

  test("the mini ruleset is clean and complete", () => {
    expect(result.diagnostics).toEqual([]);
    const r = result.ruleset;
    expect(r?.id).toBe("mini");
    expect(result.version).toBe("2026.1");
    expect(r?.units.map((u) => u.id)).toEqual(["alpha", "beta", "gamma"]);
    expect(r?.fields.map((f) => f.id)).toEqual(["revenue", "revenue_plan", "jobs", "schools_ready", "harvest"]);
    expect(r?.blocks.map((b) => [b.id, b.weight, b.indicators.map((i) => i.id)])).toEqual([
      ["economy", 60, ["revenue_execution", "jobs_per_1000"]],
      ["social", 40, ["schools", "harvest_ok"]],
    ]);
    expect(r?.ratings.map((x) => [x.id, x.frequency, x.blocks])).toEqual([
      ["quarterly", "quarter", ["economy", "social"]],
      ["economy", "month", ["economy"]],
    ]);
    expect(r?.rank).toEqual({ round: 2, ties: "competition" });
    expect(result.files.map((f) => f.slice(MINI_2026.length + 1))).toEqual([
      "ruleset.yaml",
      "units.yaml",
      "fields.yaml",
      "blocks/01-economy.yaml",
      "blocks/02-social.yaml",
    ]);
  });

  test("defaults: field aggregate and source, score cap, block aggregation", () => {
    const r = result.ruleset;
    expect(r?.fields.find((f) => f.id === "jobs")).toMatchObject({
      aggregate: "sum",
      cumulative: false,
      source: "unit",
    });
    expect(r?.blocks[0]?.aggregation).toBe("arithmetic");
    expect(r?.blocks[0]?.indicators[1]?.score).toMatchObject({ method: "achievement", cap: 1 });
  });

  test("an indicator without frequency takes the least frequent of its inputs", () => {
    const indicators = result.ruleset?.blocks.flatMap((b) => b.indicators) ?? [];
    expect(indicators.map((i) => [i.id, i.frequency])).toEqual([
      ["revenue_execution", "month"],
      ["jobs_per_1000", "month"],
      ["schools", "quarter"],
      ["harvest_ok", "quarter"],
    ]);
  });

  test("formula ASTs carry positions in the YAML file, for every scalar style", () => {
    const [economy, social] = result.ruleset?.blocks ?? [];
    // plain: `    formula: ytd(revenue) / ...` on line 9
    expect(economy?.indicators[0]?.formula.ast?.range.start).toMatchObject({ line: 9, column: 14 });
    // block literal: the formula is on the line after `formula: |`, indented 6
    expect(economy?.indicators[1]?.formula.ast?.range.start).toMatchObject({ line: 17, column: 7 });
    // double quoted: after the quote
    expect(social?.indicators[1]?.formula.ast?.range.start).toMatchObject({ line: 18, column: 15 });
    // a number as plan formula
    const plan = economy?.indicators[1]?.score;
    expect(plan?.method === "achievement" && plan.plan.ast).toMatchObject({ kind: "number", value: 1.5 });
  });

  test("the hash is sha256 over the files in path order: same content, same hash, wherever it lies", () => {
    expect(result.ruleset?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(loadRuleset(MINI_2026).ruleset?.hash).toBe(result.ruleset?.hash);
    const elsewhere = copy();
    expect(loadRuleset(join(elsewhere, "2026.1")).ruleset?.hash).toBe(result.ruleset?.hash);
    const changed = copy({ "2026.1/units.yaml": `${readFileSync(join(MINI_2026, "units.yaml"), "utf8")}# note\n` });
    expect(loadRuleset(join(changed, "2026.1")).ruleset?.hash).not.toBe(result.ruleset?.hash);
  });

  test("the parsed documents and element origins are kept for the language server", () => {
    expect(result.documents).toHaveLength(5);
    const indicator = result.ruleset?.blocks[0]?.indicators[0];
    const weight = indicator && result.sources?.value(indicator, "weight");
    expect(weight?.range.start).toMatchObject({ line: 12, column: 13 });
    expect(result.formulas.map((f) => `${f.indicator.id}:${f.role}:${f.type}`)).toEqual([
      "revenue_execution:formula:number",
      "jobs_per_1000:formula:number",
      "jobs_per_1000:plan:number",
      "schools:formula:number",
      "harvest_ok:formula:boolean",
      "harvest_ok:when:boolean",
    ]);
  });
});

describe("loadRuleset: what a path can be", () => {
  test("a rule file loads its whole version", () => {
    const result = loadRuleset(join(MINI_2026, "blocks", "02-social.yaml"));
    expect(result.version).toBe("2026.1");
    expect(result.ruleset?.blocks).toHaveLength(2);
  });

  test("a missing path: R001; a folder with no ruleset: R004", () => {
    expect(brief(loadRuleset(join(MINI, "nowhere")).diagnostics)).toEqual(["R001 1:1"]);
    expect(brief(loadRuleset(join(MINI_2026, "blocks")).diagnostics)).toEqual(["R004 1:1"]);
  });

  test("the editor's unsaved text is read instead of the disk", () => {
    const file = join(MINI_2026, "blocks", "01-economy.yaml");
    const unsaved = readFileSync(file, "utf8").replace("weight: 60", "weight: 50");
    const result = loadRuleset(MINI_2026, { readFile: (p) => (p === file ? unsaved : undefined) });
    expect(brief(result.diagnostics)).toEqual(["R230 7:8"]);
    expect(result.ruleset).toBeUndefined();
    expect(result.model?.blocks[0]?.weight).toBe(50);
  });

  test("a file over 1 MB: R003, and the rest is still checked", () => {
    const file = join(MINI_2026, "units.yaml");
    const big = `units: []\n# ${"x".repeat(MAX_RULE_FILE_BYTES)}\n`;
    const result = loadRuleset(MINI_2026, { readFile: (p) => (p === file ? big : undefined) });
    expect(result.diagnostics[0]).toMatchObject({
      code: "R003",
      message: "the file is 1.0 MB; rule files are limited to 1 MB",
    });
  });

  test("without `include`, every .yaml file of the version is read, except tests/", () => {
    const dir = copy({ "2026.1/tests/smoke.yaml": "test: smoke\n" });
    const rulesetFile = join(dir, "2026.1", "ruleset.yaml");
    const text = readFileSync(rulesetFile, "utf8").replace("include: [units.yaml, fields.yaml, blocks/]\n", "");
    const result = loadRuleset(join(dir, "2026.1"), { readFile: (p) => (p === rulesetFile ? text : undefined) });
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toHaveLength(5);
  });
});

describe("loadRuleset: versions of a family", () => {
  test("without a period, the latest version, and the reason", () => {
    const result = loadRuleset(MINI);
    expect(result.version).toBe("2026.1");
    expect(result.versionReason).toBe("version 2026.1, the latest (in force from 2026-01)");
  });

  test.each([
    ["2025-03", "2025.1"],
    ["2025-Q4", "2025.1"],
    ["2025", "2025.1"],
    ["2026-Q1", "2026.1"],
    ["2031-12", "2026.1"],
  ])("the period %s is rated with version %s", (period, version) => {
    const result = loadRuleset(MINI, { period });
    expect(result.version).toBe(version);
    expect(result.versionReason).toBe(`version ${version}, in force in ${period}`);
  });

  test("a version by id; an unknown one with did-you-mean", () => {
    expect(loadRuleset(MINI, { version: "2025.1" }).version).toBe("2025.1");
    const unknown = loadRuleset(MINI, { version: "2025.2" });
    expect(unknown.diagnostics.map((d) => [d.code, d.message, d.suggestion])).toEqual([
      ["R404", "there is no version 2025.2; the versions are 2025.1, 2026.1", "did you mean `2025.1` or `2026.1`?"],
    ]);
  });

  test("before the first version: R402; not a period: R406", () => {
    expect(loadRuleset(MINI, { period: "2024-Q4" }).diagnostics.map((d) => d.code)).toEqual(["R402"]);
    expect(loadRuleset(MINI, { period: "2026Q1" }).diagnostics.map((d) => [d.code, d.suggestion])).toEqual([
      ["R406", "write a month as 2026-03, a quarter as 2026-Q1, a year as 2026"],
    ]);
  });

  test("a quarter that starts under one version and ends under another: R403", () => {
    const dir = copy();
    const edits = new Map([
      [join(dir, "2026.1", "ruleset.yaml"), ["from: 2026-01", "from: 2026-02"]],
      [join(dir, "2025.1", "ruleset.yaml"), ["to: 2025-12", "to: 2026-01"]],
    ]);
    const readFile = (p: string) => {
      const edit = edits.get(p);
      return edit ? readFileSync(p, "utf8").replace(edit[0] as string, edit[1] as string) : undefined;
    };
    expect(loadRuleset(dir, { period: "2026-Q1", readFile }).diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["R403", "2026-Q1 starts under version 2025.1 and ends under version 2026.1"],
    ]);
    // With a gap instead (2025.1 ends in 2025-12), the first month has no version.
    edits.delete(join(dir, "2025.1", "ruleset.yaml"));
    expect(loadRuleset(dir, { period: "2026-Q1", readFile }).diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["R402", "no version is in force in 2026-01, the first month of 2026-Q1"],
    ]);
  });

  test("a version folder given with a period it does not cover", () => {
    const result = loadRuleset(join(MINI, "2025.1"), { period: "2026-Q1" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["R402"]);
    expect(result.ruleset).toBeUndefined();
  });

  test("loadFamily loads every version", () => {
    const family = loadFamily(MINI);
    expect(family.diagnostics).toEqual([]);
    expect(family.versions.map((v) => v.version)).toEqual(["2025.1", "2026.1"]);
  });
});

describe("checkRuleFile: one file outside a ruleset", () => {
  test("YAML, schema and formula syntax, without names", async () => {
    const { checkRuleFile } = await import("../../src/rules/load.js");
    const text =
      "block: b\nname: { kk: Б }\nweight: 10\nindicators:\n  - id: x\n    name: { kk: Икс }\n    formula: a / (b\n    better: higher\n    weigth: 1\n    score: { method: rank }\n";
    const { document, diagnostics } = checkRuleFile("/tmp/loose.yaml", text);
    expect(document.data).toMatchObject({ block: "b" });
    expect(brief(diagnostics)).toEqual(["F110 7:18", "R101 9:5"]);
  });
});
