import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { loadRuleset } from "../../src/rules/load.js";
import { latinWords } from "../support/latin-words.js";
import { runInProcess } from "../support/run-cli.js";

/**
 * Kazakh and Russian output carries no English made by the engine: method and aggregation names, rank-change
 * and status words, sheet and column names, headings. Latin words allowed are those the rule files
 * themselves hold (ids, formulas, measures, names: their translation is the rule files' business), file
 * paths, and a few names that are not words of a language (Tarazy, the JRC, XLSX, n/a, Roman numerals, language codes,
 * the total sensitivity index ST).
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const MINI = "engine/test/scoring/fixtures/mini";
const DATA = `${MINI}/sample-data`;
const cli = (...args: string[]) => runInProcess(args, ROOT);

const NOT_WORDS = [
  "Tarazy",
  "tarazy",
  "JRC",
  "ST",
  "XLSX",
  "CSV",
  "HTML",
  "JSON",
  "ln",
  "I",
  "II",
  "III",
  "IV",
  "kk",
  "ru",
];
/** Keys of the model whose strings come from the rule files as written (ids, texts, formulas, measures). */
const RULE_TEXT = new Set(["id", "measure", "text", "kk", "ru", "en", "aliases", "unitKinds", "kind", "blocks"]);

function ruleWords(
  versions: readonly string[] = [`${MINI}/2025.1`, `${MINI}/2026.1`],
  ruleText: ReadonlySet<string> = RULE_TEXT,
): Set<string> {
  const words = new Set(NOT_WORDS);
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string") {
      if (ruleText.has(key)) for (const w of latinWords(value)) words.add(w);
    } else if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) if (k !== "at" && k !== "ast") walk(v, k);
  };
  for (const version of versions) walk(loadRuleset(join(ROOT, version)).ruleset, "");
  // The keys of the rule files (`weight`, `effective.from`) are code too: diff names the property changed.
  const schemaKeys = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const properties = (node as { properties?: object }).properties;
    if (properties) for (const k of Object.keys(properties)) words.add(k);
    for (const v of Object.values(node)) schemaKeys(v);
  };
  schemaKeys(JSON.parse(readFileSync(join(ROOT, "engine/schema/tarazy-rules.schema.json"), "utf8")));
  return words;
}

/** What a reader of an HTML page sees: its text without the stylesheet, tags and entities. */
function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&[#\w]+;/g, " ");
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

async function xlsxStrings(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === "string") out.push(cell.value);
      });
    });
  });
  return out.join("\n");
}

describe.each(["kk", "ru"] as const)("no English words in %s output", (lang) => {
  const allowed = ruleWords();
  const english = (text: string) => [...new Set(latinWords(text).filter((w) => !allowed.has(w)))];

  it("in the ranking table and in explain", async () => {
    const rate = await cli("rate", MINI, "--data", DATA, "--period", "2026-Q2", "--lang", lang);
    expect(rate.code).toBe(0);
    expect(english(rate.stdout)).toEqual([]);
    for (const unit of ["kentau", "arys"]) {
      const explain = await cli("explain", MINI, unit, "--data", DATA, "--period", "2026-Q2", "--lang", lang);
      expect(explain.code).toBe(0);
      expect(english(explain.stdout)).toEqual([]);
    }
  });

  it("in what it takes to reach a target (explain --target)", async () => {
    for (const target of ["rank:2", "rank:1", "grade:green"]) {
      const args = ["explain", `${MINI}/2026.1`, "arys", "--data", DATA, "--period", "2026-Q1", "--target", target];
      const run = await cli(...args, "--lang", lang);
      expect(run.code).toBe(0);
      expect(english(run.stdout)).toEqual([]);
    }
  });

  it("in the statistical audit, the sensitivity analysis and the explain page (text and HTML)", async () => {
    // Tags and styles are code, so are command-line options; the assumptions' ids (agg) are the user's words.
    const page = (t: string) =>
      t
        .replace(/<style>[\s\S]*?<\/style>/g, " ")
        .replace(/<[^>]+>/g, " ")
        .replace(/--[a-z-]+/g, " ")
        .replace(/\bagg\b/g, " ");
    const period = ["--data", DATA, "--period", "2026-Q1", "--lang", lang];
    const dir = mkdtempSync(join(tmpdir(), "tarazy-lang-"));
    temps.push(dir);
    const assumptions = join(dir, "assumptions.yaml");
    writeFileSync(
      assumptions,
      [
        "sensitivity:",
        "  runs: 20",
        "  assumptions:",
        "    - { id: agg, aggregation: [arithmetic, geometric] }",
        "    - { id: w, weights: blocks, spread: 0.2 }",
        "    - { id: m, missing: [zero, exclude] }",
        "    - { id: r, rounding: [2, none] }",
        "    - { id: s, score: { indicator: jobs_created, options: [{ method: rank }] } }",
        "",
      ].join("\n"),
    );
    for (const format of ["text", "html"]) {
      const audit = await cli("audit", `${MINI}/2026.1`, ...period, "--format", format);
      expect(audit.code).toBe(0);
      expect(english(page(audit.stdout))).toEqual([]);
      // The findings, on stderr with the words around them (severity, suggestion, docs).
      expect(audit.stderr).toMatch(/A103/);
      expect(english(audit.stderr)).toEqual([]);
      const sensitivity = await cli(
        "sensitivity",
        `${MINI}/2026.1`,
        ...period,
        "--assumptions",
        assumptions,
        "--format",
        format,
      );
      expect(sensitivity.code, sensitivity.stderr).toBe(0);
      expect(english(page(sensitivity.stdout))).toEqual([]);
      // The rating by its title and the zones by their labels, not by the ids the rule files give them.
      const title = { kk: "Тоқсандық рейтинг", ru: "Квартальный рейтинг" }[lang];
      const zone = { kk: "P(Жасыл аймақ)", ru: "P(Зелёная зона)" }[lang];
      for (const out of [audit.stdout, sensitivity.stdout]) expect(out).toContain(title);
      expect(sensitivity.stdout).toContain(zone);
      for (const out of [audit.stdout, sensitivity.stdout]) expect(page(out)).not.toMatch(/\bquarterly\b|\(green\)/);
    }
    const explain = await cli("explain", `${MINI}/2026.1`, "arys", ...period, "--format", "html");
    expect(explain.code).toBe(0);
    expect(english(page(explain.stdout))).toEqual([]);
  });

  it("in the effect of a new version on the ranking (diff --data)", async () => {
    const args = ["diff", `${MINI}/2025.1`, `${MINI}/2026.1`, "--data", DATA, "--period", "2026-Q2", "--lang", lang];
    const diff = await cli(...args);
    expect(diff.code).toBe(0);
    expect(english(diff.stdout)).toEqual([]);
  });

  it("in the compare page (diff --format html), with data and without", async () => {
    const versions = ["diff", `${MINI}/2025.1`, `${MINI}/2026.1`, "--format", "html", "--lang", lang];
    for (const args of [versions, [...versions, "--data", DATA, "--period", "2026-Q2"]]) {
      const page = await cli(...args);
      expect(page.code).toBe(0);
      expect(english(htmlText(page.stdout))).toEqual([]);
    }
  });

  it("in the reports (Markdown, CSV, XLSX sheets and columns) and the methodology document", async () => {
    const out = mkdtempSync(join(tmpdir(), "tarazy-lang-"));
    temps.push(out);
    const rate = await cli(
      "rate",
      MINI,
      "--data",
      DATA,
      "--from",
      "2026-Q1",
      "--to",
      "2026-Q2",
      "--lang",
      lang,
      "--out",
      out,
    );
    expect(rate.code).toBe(0);
    expect(english(readFileSync(join(out, "rating.md"), "utf8"))).toEqual([]);
    expect(english(readFileSync(join(out, "rating.csv"), "utf8").split("\r\n").slice(1).join("\n"))).toEqual([]);
    expect(english(await xlsxStrings(join(out, "rating.xlsx")))).toEqual([]);
    const docs = await cli("docs", `${MINI}/2026.1`, "--lang", lang, "--out", out);
    expect(docs.code).toBe(0);
    expect(english(readFileSync(join(out, `methodology.${lang}.md`), "utf8"))).toEqual([]);
  });
});

describe("explain's 'N of M' in each language's word order", () => {
  it("puts the whole first in Kazakh (100 ішінен 37,5), the part first in Russian and English", async () => {
    const line = async (lang: string) =>
      (await cli("explain", MINI, "kentau", "--data", DATA, "--period", "2026-Q2", "--lang", lang)).stdout
        .split("\n")
        .find((l) => /^(Жалпы балл|Итоговый балл|Total):/.test(l));
    expect(await line("kk")).toMatch(/: 100 ішінен 37,5 .* 3 ішінен 3 /);
    expect(await line("ru")).toMatch(/: 37,5 из 100 .* 3 из 3 /);
    expect(await line("en")).toMatch(/: 37\.5 of 100 .* 3 of 3 /);
  });
});

/**
 * The Turkistan rulesets as published, on their sample data: units with missing data, plans missing and
 * indicators not applicable give the reasons and policies in the reader's language too.
 */
describe.each(["kk", "ru"] as const)("no English words in %s output on the Turkistan sample", (lang) => {
  const cases = [
    { ruleset: "rules/turkistan/districts", period: "2026-Q3", units: ["turkistan", "otyrar", "kentau", "tulkibas"] },
    { ruleset: "rules/turkistan/departments", period: "2026-Q3", units: ["public_procurement", "education"] },
    { ruleset: "rules/turkistan/procurement", period: "2026-09", units: ["kazygurt", "sozak"] },
  ];
  it.each(cases)("$ruleset: the ranking, and explain of units with gaps", async ({ ruleset, period, units }) => {
    // Every name of these rulesets has its kk and ru text: their English names are not allowed either.
    const allowed = ruleWords([`${ruleset}/2026.1`], new Set([...RULE_TEXT].filter((k) => k !== "en")));
    const english = (text: string) => [...new Set(latinWords(text).filter((w) => !allowed.has(w)))];
    const data = `${ruleset}/sample-data`;
    const rate = await cli("rate", ruleset, "--data", data, "--period", period, "--lang", lang);
    expect(rate.code).toBe(0);
    expect(english(rate.stdout)).toEqual([]);
    for (const unit of units) {
      const explain = await cli("explain", ruleset, unit, "--data", data, "--period", period, "--lang", lang);
      expect(explain.code).toBe(0);
      expect(english(explain.stdout)).toEqual([]);
    }
  });

  it("what it takes for a district: year-to-date totals, where the change is made, plans held fixed", async () => {
    const ruleset = "rules/turkistan/districts";
    const allowed = ruleWords([`${ruleset}/2026.1`], new Set([...RULE_TEXT].filter((k) => k !== "en")));
    const english = (text: string) => [...new Set(latinWords(text).filter((w) => !allowed.has(w)))];
    const args = ["explain", ruleset, "arys", "--data", `${ruleset}/sample-data`, "--period", "2026-Q3"];
    const run = await cli(...args, "--target", "rank:15", "--lang", lang);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/new_facilities_execution \(new_facilities_plan\)/);
    expect(english(run.stdout)).toEqual([]);
  }, 60_000);

  it("the audit's findings of the districts (outliers, one score for all, low alpha), on stderr and in the JSON", async () => {
    const ruleset = "rules/turkistan/districts";
    const allowed = ruleWords([`${ruleset}/2026.1`], new Set([...RULE_TEXT].filter((k) => k !== "en")));
    const english = (text: string) => [...new Set(latinWords(text).filter((w) => !allowed.has(w)))];
    const args = ["audit", ruleset, "--data", `${ruleset}/sample-data`, "--period", "2026-Q3", "--lang", lang];
    const run = await cli(...args, "--format", "json");
    expect(run.code).toBe(0);
    const findings = JSON.parse(run.stdout).findings as { code: string; message: string; suggestion?: string }[];
    expect(new Set(findings.map((d) => d.code))).toEqual(new Set(["A102", "A103", "A104", "A203", "A301"]));
    expect(english(findings.map((d) => `${d.message}\n${d.suggestion ?? ""}`).join("\n"))).toEqual([]);
    // stderr: the findings and the words around them; the data loader's one-line notes (D128) are English.
    const stderr = run.stderr.split("\n").filter((l) => !/: note D1\d\d: /.test(l));
    expect(stderr.join("\n")).toMatch(/A104/);
    expect(english(stderr.join("\n"))).toEqual([]);
  });
});
