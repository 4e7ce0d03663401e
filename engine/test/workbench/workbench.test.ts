import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { rateCommandCore } from "../../src/cli/rating-session.js";
import { parsePeriod } from "../../src/data/period.js";
import { rateBothVersions } from "../../src/diff/rate-both.js";
import { loadRuleset, versionHeaders } from "../../src/rules/load.js";
import { defaultFormulaCompiler } from "../../src/scoring/compiler.js";
import { prepareRuleset } from "../../src/scoring/prepare.js";
import { ruleTestFiles, runRuleTestFiles } from "../../src/scoring/rule-tests.js";
import { explainUnit } from "../../src/scoring/trace.js";
import { dataFoldersOf, listRulesets } from "../../src/workbench/catalog.js";
import { coveredPeriods } from "../../src/workbench/data-periods.js";
import { explainLinks } from "../../src/workbench/explain-links.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DISTRICTS = join(ROOT, "rules/turkistan/districts");
const temp = mkdtempSync(join(tmpdir(), "tarazy-workbench-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("coveredPeriods", () => {
  it("turns observed months into their quarters and years, newest first by last month", () => {
    expect(coveredPeriods(["2026-01", "2026-05", "2025-12"], ["quarter"])).toEqual(["2026-Q2", "2026-Q1", "2025-Q4"]);
    expect(coveredPeriods(["2026-02", "2026-Q1"], ["month", "quarter", "year"])).toEqual([
      "2026",
      "2026-Q1",
      "2026-02",
    ]);
  });
  it("never makes a finer period from a coarser one, and skips what is not a period", () => {
    expect(coveredPeriods(["2026-Q3", "2026", "Q3"], ["month"])).toEqual([]);
    expect(coveredPeriods(["2026-Q3"], ["year", "quarter"])).toEqual(["2026", "2026-Q3"]);
  });
});

describe("versionHeaders", () => {
  it("lists a family's versions with the month each stops being in force", () => {
    const headers = versionHeaders(DISTRICTS).map((h) => [h.version, h.from, h.to]);
    expect(headers).toEqual([
      ["2025.1", "2025-01", "2025-12"],
      ["2026.1", "2026-01", undefined],
    ]);
  });
  it("gives the open version the month before the next version's start", () => {
    const family = join(temp, "family");
    for (const [v, from] of [
      ["a", "2024-01"],
      ["b", "2024-07"],
    ] as const) {
      mkdirSync(join(family, v), { recursive: true });
      writeFileSync(join(family, v, "ruleset.yaml"), `ruleset: x\nversion: "${v}"\neffective: { from: ${from} }\n`);
    }
    expect(versionHeaders(family).map((h) => h.to)).toEqual(["2024-06", undefined]);
    expect(versionHeaders(join(family, "a")).map((h) => h.version)).toEqual(["a"]);
    expect(versionHeaders(join(temp, "nothing-here"))).toEqual([]);
  });
});

describe("listRulesets over the Turkistan rules", () => {
  it("finds the three families with versions, data folders (sample-data first) and periods", async () => {
    const list = await listRulesets([join(ROOT, "rules")]);
    expect(list.map((r) => r.name).sort()).toEqual([
      "turkistan-departments",
      "turkistan-districts",
      "turkistan-procurement",
      "undp-gdi",
      "undp-gii",
      "undp-hdi",
    ]);
    // The gallery's inputs (`data`) only: `published` holds CSV files too, but the published results (unit,
    // name, hdi, rank: no period column) are not data to rate.
    expect(list.find((r) => r.name === "undp-hdi")?.dataFolders).toEqual([join(ROOT, "rules/examples/hdi/data")]);
    const districts = list.find((r) => r.name === "turkistan-districts");
    expect(districts?.path).toBe(DISTRICTS);
    expect(districts?.versions.map((v) => v.version)).toEqual(["2025.1", "2026.1"]);
    expect(districts?.dataFolders).toEqual([join(DISTRICTS, "sample-data"), join(DISTRICTS, "examples")]);
    // Quarterly and monthly ratings: the sample data covers 2026-Q3 (README) and its months.
    expect(districts?.periods).toContain("2026-Q3");
    expect(districts?.periods).toContain("2026-09");
    expect(districts?.periods.indexOf("2026-Q3")).toBeLessThan(districts?.periods.indexOf("2026-Q2") ?? 0);
  });
});

describe("dataFoldersOf", () => {
  it("offers folders of data files (a period column in any of its names, any delimiter, a BOM), not other tables", () => {
    const root = join(temp, "folders");
    const put = (file: string, text: string) => {
      mkdirSync(join(root, file, ".."), { recursive: true });
      writeFileSync(join(root, file), text);
    };
    put("sample-data/wide.csv", "unit,period,revenue\narys,2026-03,1\n");
    put("ru/data.csv", '\uFEFF"Район";"Период";"Поле";"Значение"\r\narys;2026-03;revenue;1\r\n');
    put("kk/data.tsv", "аудан\tкезең\trevenue\narys\t2026-03\t1\n");
    put("published/results.csv", "unit,name,score,rank\narys,Arys,0.5,3\n");
    put("notes/readme.txt", "period\n");
    expect(dataFoldersOf(root)).toEqual([join(root, "sample-data"), join(root, "kk"), join(root, "ru")]);
  });
});

describe("explainLinks", () => {
  it("links every indicator to its formula and every input to the data cell it was read from", async () => {
    const batch = await rateCommandCore({
      ruleset: DISTRICTS,
      data: [join(DISTRICTS, "sample-data")],
      periods: [parsePeriod("2026-Q3") ?? { kind: "quarter", year: 2026, index: 3 }],
      cwd: ROOT,
    });
    const rated = batch.rated[0];
    if (!rated) throw new Error("the sample should rate");
    const trace = explainUnit(rated.run, "sairam");
    if (!trace) throw new Error("sairam should be rated");
    const links = explainLinks(trace);
    const indicators = trace.blocks.flatMap((b) => b.indicators);
    const rules = links.filter((l) => l.rule);
    expect(rules.map((l) => l.indicator)).toEqual(indicators.map((i) => i.id));
    for (const l of rules) expect(l.rule?.file).toMatch(/2026\.1[\\/]blocks[\\/].*\.yaml$/);
    const cells = links.filter((l) => l.cell);
    expect(cells.length).toBeGreaterThan(indicators.length);
    for (const l of cells) {
      expect(l.cell?.file).toMatch(/sample-data[\\/].*\.csv$/);
      expect(l.cell?.row).toBeGreaterThan(1);
      expect(l.label).toMatch(new RegExp(`^${l.indicator}: \\S+ \\S+ = `));
    }
  });
});

describe("rateBothVersions", () => {
  it("rates one period under both versions with the same data", async () => {
    const oldR = loadRuleset(join(DISTRICTS, "2025.1")).ruleset;
    const newR = loadRuleset(join(DISTRICTS, "2026.1")).ruleset;
    if (!oldR || !newR) throw new Error("both versions load");
    const both = await rateBothVersions(oldR, newR, {
      data: [join(DISTRICTS, "sample-data")],
      period: { kind: "quarter", year: 2026, index: 3 },
      cwd: ROOT,
    });
    expect(both.rated?.map((r) => r.ruleset.version)).toEqual(["2025.1", "2026.1"]);
    expect(both.rated?.[1].result.results).toHaveLength(17);
    expect(both.unscored).toEqual([]);
  });
});

describe("rule test outcomes", () => {
  it("say where each test starts in its file", () => {
    const folder = join(DISTRICTS, "2026.1");
    const ruleset = loadRuleset(folder).ruleset;
    if (!ruleset) throw new Error("loads");
    const { prepared } = prepareRuleset(ruleset, defaultFormulaCompiler);
    if (!prepared) throw new Error("prepares");
    const outcomes = runRuleTestFiles(prepared, ruleTestFiles(folder));
    expect(outcomes.length).toBeGreaterThan(0);
    for (const o of outcomes) {
      // The test's mapping starts at its first key, below the file's header comments.
      const line = readFileSync(o.file, "utf8").split("\n")[(o.at?.start.line ?? 0) - 1];
      expect(line).toMatch(/^[a-z]+:/);
    }
  });
});
