import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient } from "../support/lsp-client.js";

const RULES = fileURLToPath(new URL("../../../rules/turkistan/", import.meta.url));
const DISTRICTS = join(RULES, "districts");
const DATA = join(DISTRICTS, "sample-data");
const INDUSTRY = join(DISTRICTS, "2026.1/blocks/01-industry.yaml");
const temp = mkdtempSync(join(tmpdir(), "tarazy-requests-"));

type Location = { uri: string; range: { start: { line: number; character: number } } };

describe("the extension's custom requests over stdio (tarazy/*)", () => {
  let client: LspClient;
  beforeAll(async () => {
    ({ client } = await LspClient.start([RULES], { locale: "en" }));
  });
  afterAll(() => {
    client?.kill();
    rmSync(temp, { recursive: true, force: true });
  });

  it("tarazy/rulesets lists every ruleset with versions, data folders and periods", async () => {
    const { rulesets } = await client.request<{
      rulesets: {
        path: string;
        name: string;
        versions: { version: string }[];
        dataFolders: string[];
        periods: string[];
      }[];
    }>("tarazy/rulesets", {});
    expect(rulesets.map((r) => r.name).sort()).toEqual([
      "turkistan-departments",
      "turkistan-districts",
      "turkistan-procurement",
    ]);
    const districts = rulesets.find((r) => r.name === "turkistan-districts");
    expect(districts?.versions.map((v) => v.version)).toEqual(["2025.1", "2026.1"]);
    expect(districts?.dataFolders[0]).toBe(DATA);
    expect(districts?.periods).toContain("2026-Q3");
  });

  it("tarazy/rulesetAt names the family, the version of the file and the preview data folder", async () => {
    const at = await client.request("tarazy/rulesetAt", { uri: pathToFileURL(INDUSTRY).href });
    expect(at).toEqual({ ruleset: DISTRICTS, version: "2026.1", dataFolder: DATA });
    expect(await client.request("tarazy/rulesetAt", { uri: pathToFileURL(join(RULES, "x.yaml")).href })).toEqual({});
  });

  it("tarazy/rate gives the rating JSON of 17 units and the HTML report", async () => {
    const answer = await client.request<{ result: { results: unknown[]; period: string }; html: string }>(
      "tarazy/rate",
      { ruleset: DISTRICTS, data: DATA, period: "2026-Q3", lang: "en" },
    );
    expect(answer.result.period).toBe("2026-Q3");
    expect(answer.result.results).toHaveLength(17);
    expect(answer.html.match(/<tr data-unit=/g)).toHaveLength(17);
    expect(answer.html).toContain('<html lang="en">');
  });

  it("tarazy/export writes the one file asked for", async () => {
    const out = join(temp, "export");
    const { files } = await client.request<{ files: string[] }>("tarazy/export", {
      ruleset: DISTRICTS,
      data: DATA,
      period: "2026-Q3",
      lang: "ru",
      format: "csv",
      out,
    });
    expect(files).toEqual([join(out, "rating.csv")]);
    const lines = readFileSync(join(out, "rating.csv"), "utf8").trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThanOrEqual(18);
  });

  it("tarazy/explain gives the trace, its text and links to rules and data cells", async () => {
    const answer = await client.request<{
      trace: { unit: { id: string } };
      text: string;
      links: { label: string; rule?: Location; cell?: { file: string; row: number; location?: Location } }[];
    }>("tarazy/explain", { ruleset: DISTRICTS, data: DATA, period: "2026-Q3", unit: "sairam", lang: "en" });
    expect(answer.trace.unit.id).toBe("sairam");
    expect(answer.text).toMatch(/^Explanation: /);
    const rule = answer.links.find((l) => l.rule);
    expect(rule?.rule?.uri).toMatch(/\/2026\.1\/blocks\/.*\.yaml$/);
    const cell = answer.links.find((l) => l.cell);
    expect(cell?.cell?.file.startsWith(DATA)).toBe(true);
    // The cell's location is its row (0-based) in the CSV, whose text there names the unit.
    const csv = readFileSync(cell?.cell?.file ?? "", "utf8").split("\n");
    expect(cell?.cell?.location?.range.start.line).toBe((cell?.cell?.row ?? 0) - 1);
    expect(csv[(cell?.cell?.row ?? 0) - 1]).toMatch(/^sairam,/);
  });

  it("rates and explains the open buffers: an unsaved edit of a rule file is in the answer", async () => {
    const uri = pathToFileURL(INDUSTRY).href;
    const edited = readFileSync(INDUSTRY, "utf8").replace(
      "en: New production facilities opened against plan",
      "en: Facilities opened (unsaved edit)",
    );
    expect(edited).toContain("unsaved edit");
    await client.open(INDUSTRY, edited);
    try {
      const params = { ruleset: DISTRICTS, data: DATA, period: "2026-Q3", unit: "sairam", lang: "en" };
      const answer = await client.request<{ text: string }>("tarazy/explain", params);
      expect(answer.text).toContain("Facilities opened (unsaved edit)");
      expect(answer.text).not.toContain("New production facilities opened against plan");
      const doc = await client.request<{ content: string }>("tarazy/methodology", {
        ruleset: DISTRICTS,
        lang: "en",
        format: "markdown",
      });
      expect(doc.content).toContain("Facilities opened (unsaved edit)");
    } finally {
      await client.notify("textDocument/didClose", { textDocument: { uri } });
    }
    const after = await client.request<{ text: string }>("tarazy/explain", {
      ruleset: DISTRICTS,
      data: DATA,
      period: "2026-Q3",
      unit: "sairam",
      lang: "en",
    });
    expect(after.text).toContain("New production facilities opened against plan");
  });

  it("tarazy/explain refuses an unknown unit with a plain message", async () => {
    await expect(
      client.request("tarazy/explain", { ruleset: DISTRICTS, data: DATA, period: "2026-Q3", unit: "nowhere" }),
    ).rejects.toThrow(/unit 'nowhere' was not rated in 2026-Q3/);
  });

  it("tarazy/rate refuses a period that is not one, without a stack trace", async () => {
    const error = await client.request("tarazy/rate", { ruleset: DISTRICTS, data: DATA, period: "Q3" }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/period/);
    expect(error?.message).not.toMatch(/\n\s+at /);
  });

  it("tarazy/diff lists the rule changes and, with data, the effect on 17 units", async () => {
    const params = { old: join(DISTRICTS, "2025.1"), new: join(DISTRICTS, "2026.1"), lang: "en" };
    const rulesOnly = await client.request<{ diff: { changes: unknown[] }; text: string; html: string }>(
      "tarazy/diff",
      params,
    );
    expect(rulesOnly.diff.changes.length).toBeGreaterThan(0);
    expect(rulesOnly.text).toMatch(/^turkistan-districts 2025\.1 -> turkistan-districts 2026\.1/);
    const withData = await client.request<{ diff: { effect: { units: unknown[] } }; text: string; html: string }>(
      "tarazy/diff",
      {
        ...params,
        data: DATA,
        period: "2026-Q3",
      },
    );
    expect(withData.diff.effect.units).toHaveLength(17);
    expect(withData.text).toContain("effect on the ranking");
    // The compare page in the language asked: all 17 units in its ranking table, the rules-only page without it.
    expect(withData.html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(withData.html.match(/<tr data-unit="/g)?.length).toBeGreaterThanOrEqual(17);
    expect(withData.html).toContain("Effect on the ranking");
    expect(rulesOnly.html).toContain("Rule changes by block");
    expect(rulesOnly.html).not.toContain('id="effect"');
  });

  it("tarazy/methodology gives the document in the language asked", async () => {
    const { content } = await client.request<{ content: string }>("tarazy/methodology", {
      ruleset: DISTRICTS,
      lang: "ru",
      format: "html",
    });
    expect(content).toContain('<html lang="ru">');
    const md = await client.request<{ content: string }>("tarazy/methodology", {
      ruleset: DISTRICTS,
      lang: "kk",
      format: "markdown",
    });
    expect(md.content).toMatch(/^# /);
  });

  it("tarazy/validateAll checks every ruleset again and counts what it found", async () => {
    const clean = await client.request<{ files: number; errors: number; warnings: number }>("tarazy/validateAll", {});
    expect(clean.errors).toBe(0);
    const text = readFileSync(INDUSTRY, "utf8").replace("formula: ytd(new_facilities)", "formula: ytd(new_facilitiez)");
    await client.open(INDUSTRY, text);
    const broken = await client.request<{ files: number; errors: number }>("tarazy/validateAll", {});
    expect(broken.errors).toBe(1);
    expect(broken.files).toBeGreaterThanOrEqual(Math.max(1, clean.files));
    await client.replace(INDUSTRY, readFileSync(INDUSTRY, "utf8"), 2);
  });

  it("tarazy/ruleTests runs the rule tests green", async () => {
    const { files } = await client.request<{ files: { tests: { status: string }[] }[] }>("tarazy/ruleTests", {
      ruleset: DISTRICTS,
    });
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.flatMap((f) => f.tests.map((t) => t.status))).toEqual(files.map(() => "passed"));
  });

  it("tarazy/ruleTests shows a broken expectation failed at its line, with expected and actual", async () => {
    const copy = join(temp, "districts");
    cpSync(join(DISTRICTS, "2026.1"), join(copy, "2026.1"), { recursive: true });
    const file = join(copy, "2026.1/tests/economy-ties.yaml");
    const text = readFileSync(file, "utf8").replace(
      "- { unit: sauran, score: 1.3636363636363635, rank: 3, grade: red }",
      "- { unit: sauran, score: 1.3636363636363635, rank: 2, grade: red }",
    );
    writeFileSync(file, text);
    const line = text.split("\n").findIndex((l) => l.includes("rank: 2, grade: red"));
    expect(existsSync(file)).toBe(true);
    const { files } = await client.request<{
      files: { tests: { status: string; failures: { expected?: string; actual?: string; location: Location }[] }[] }[];
    }>("tarazy/ruleTests", { file });
    expect(files).toHaveLength(1);
    const test = files[0]?.tests[0];
    expect(test?.status).toBe("failed");
    expect(test?.failures).toHaveLength(1);
    expect(test?.failures[0]).toMatchObject({ expected: "2", actual: "3" });
    expect(test?.failures[0]?.location.uri).toBe(pathToFileURL(file).href);
    expect(test?.failures[0]?.location.range.start.line).toBe(line);
  });
});
