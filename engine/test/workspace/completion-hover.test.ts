import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Lang } from "../../src/model/ruleset.js";
import { loadRuleset } from "../../src/rules/load.js";
import { parseRuleDocument } from "../../src/rules/yaml-document.js";
import { completionsAt } from "../../src/workspace/completion.js";
import { describeDiagnosticCode } from "../../src/workspace/describe.js";
import { hoverAt } from "../../src/workspace/hover.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const DISTRICTS = join(ROOT, "rules", "turkistan", "districts", "2026.1");
const loaded = loadRuleset(DISTRICTS);
const model = loaded.model;
const REVENUE = join(DISTRICTS, "blocks", "03-revenue.yaml");
const revenueText = loaded.documents.find((d) => d.file === REVENUE)?.text ?? "";

/** The revenue block with `find` replaced by `replace` (with `¦` as the cursor). */
function edited(find: string, replace: string, file = REVENUE, base = revenueText) {
  const marked = base.replace(find, replace);
  const offset = marked.indexOf("¦");
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { document: parseRuleDocument(file, text).document, offset, text, ...(model ? { model } : {}) };
}

const labels = (lang: Lang, find: string, replace: string) =>
  completionsAt({ ...edited(find, replace), lang }).map((c) => c.label);

describe("completion", () => {
  test("inside a formula: fields, indicators and functions, replacing the name being written", () => {
    const input = edited("ytd(own_revenue) / ytd", "ytd(own_rev¦) / ytd");
    const items = completionsAt({ ...input, lang: "en" });
    const own = items.find((c) => c.label === "own_revenue");
    expect(own).toMatchObject({ kind: "field" });
    expect(input.text.slice(own?.start, own?.end)).toBe("own_rev");
    // ytd's argument is a field name: indicators and functions are not offered there.
    expect(items.some((c) => c.kind === "indicator" || c.kind === "function")).toBe(false);
  });

  test("function candidates carry a snippet and docs in the client's language", () => {
    for (const [lang, word] of [
      ["en", "Rounds"],
      ["ru", "Округл"],
      ["kk", "дөңгелектеу"],
    ] as const) {
      const round = completionsAt({
        ...edited("formula: ytd(own_revenue) /", "formula: ro¦ytd(own_revenue) /"),
        lang,
      }).find((c) => c.label === "round");
      expect(round?.snippet).toBe(`round(${"$"}{1:x})`);
      expect(round?.documentation).toContain(word);
    }
  });

  test("a level's own formula (aggregation: formula) offers its members' scores, not fields", () => {
    const level = (formula: string) =>
      completionsAt({
        ...edited("aggregation: arithmetic\n", `aggregation: formula\nformula: ${formula}\n`),
        lang: "ru",
      });
    // Inside score(: the block's members by id, with their names; nothing else.
    const inside = level("1 - score(own¦)");
    expect(inside.map((c) => c.label)).toContain("own_revenue_execution");
    expect(inside.find((c) => c.label === "own_revenue_execution")).toMatchObject({ kind: "indicator" });
    expect(inside.find((c) => c.label === "own_revenue_execution")?.detail).toMatch(/показатель/);
    expect(inside.every((c) => c.kind === "indicator")).toBe(true);
    // At the start: score(member) for each member, then functions; a field is no member, so not offered.
    const start = level("¦");
    expect(start.map((c) => c.label)).toContain("score(own_revenue_execution)");
    expect(start.map((c) => c.label)).toContain("min");
    expect(start.some((c) => c.label === "own_revenue" || c.kind === "field")).toBe(false);
  });

  test("unit. offers the unit attributes only", () => {
    const items = labels("en", "formula: ytd(own_revenue) /", "formula: unit.¦ + ytd(own_revenue) /");
    expect(items).toContain("unit.population");
    expect(items.every((l) => l.startsWith("unit."))).toBe(true);
  });

  test("score method values from the schema's enum with their descriptions", () => {
    const items = completionsAt({
      ...edited("score: { method: goalposts, min: 80, max: 100 }", "score:\n      method: ¦"),
      lang: "en",
    });
    expect(items.map((c) => c.label)).toEqual(expect.arrayContaining(["achievement", "goalposts", "bands", "formula"]));
    expect(items.find((c) => c.label === "goalposts")?.documentation).toContain("goalposts");
  });

  test("keys valid in a score of method goalposts, mid-edit (half a key)", () => {
    const items = labels(
      "en",
      "score: { method: goalposts, min: 80, max: 100 }",
      "score:\n      method: goalposts\n      tr¦",
    );
    expect(items).toEqual(expect.arrayContaining(["min", "max", "transform"]));
    expect(items).not.toContain("plan");
    expect(items).not.toContain("method");
  });

  test("keys of an indicator leave out the ones already written", () => {
    const items = labels(
      "en",
      "    better: higher\n    frequency: month\n    source: unit\n    weight: 4\n",
      "    better: higher\n    ¦\n",
    );
    expect(items).toEqual(expect.arrayContaining(["frequency", "weight", "applies", "missing"]));
    expect(items).not.toContain("formula");
    expect(items).not.toContain("id");
  });

  test("unit ids where a reference is expected", () => {
    const items = completionsAt({
      ...edited("    source: unit\n    weight: 4\n", "    source: unit\n    applies: { except: [¦] }\n    weight: 4\n"),
      lang: "ru",
    });
    const sairam = items.find((c) => c.label === "sairam");
    expect(sairam?.kind).toBe("unit");
    expect(sairam?.detail).toMatch(/Сайрам/);
  });
});

describe("hover", () => {
  const hover = (lang: Lang, find: string, replace: string) => hoverAt({ ...edited(find, replace), lang });

  test("a field in a formula: names in all languages and its measure", () => {
    const h = hover("en", "ytd(own_revenue) / ytd", "ytd(own_re¦venue) / ytd");
    expect(h?.markdown).toContain("**own_revenue**");
    expect(h?.markdown).toMatch(/- kk: .+\n- ru: .+\n- en: .+/);
    expect(h?.markdown).toContain("mln KZT");
  });

  test("a function: signature, docs in the reader's language and an example", () => {
    const h = hover("kk", "formula: ytd(own_revenue) /", "formula: y¦td(own_revenue) /");
    expect(h?.markdown).toContain("ytd(field)");
    expect(h?.markdown).toContain("Мысал");
  });

  test("an indicator id: block, weights (in-block and effective) and the canonical formula", () => {
    const h = hover("en", "- id: own_revenue_execution", "- id: own_revenue_exec¦ution");
    // revenue: weight 15, own_revenue_execution 4 of 14 indicator weight: 15 * 4 / 14 = 4.2857
    expect(h?.markdown).toContain("Weight in the block: 4 of 14");
    expect(h?.markdown).toContain("Weight in the total: 4.2857 of 100");
    expect(h?.markdown).toContain("ytd(own_revenue) / ytd(own_revenue_plan) * 100");
    expect(h?.markdown).toContain("revenue (Own revenues and budget)");
  });

  test("inside score(x): the block or indicator x, also in a level's own formula", () => {
    const level = (formula: string) =>
      hover("ru", "aggregation: arithmetic\n", `aggregation: formula\nformula: ${formula}\n`)?.markdown;
    // A member indicator of the block's own formula: its weights and formula, as on its id.
    expect(level("1 - score(tax_receipts_exe¦cution) / 2")).toContain("ytd(tax_receipts)");
    // A block read by score() (any formula may read a block's score): its weight.
    expect(
      hover("ru", "formula: ytd(own_revenue) /", "formula: score(reve¦nue) + ytd(own_revenue) /")?.markdown,
    ).toContain("Вес блока: 15");
  });

  test("the block id: its weight and the sum of its indicators' weights", () => {
    const h = hover("ru", "block: revenue", "block: reve¦nue");
    expect(h?.markdown).toContain("Вес блока: 15");
    expect(h?.markdown).toContain("сумма весов показателей: 14");
  });

  test("a key: the schema's description", () => {
    const h = hover("en", "    better: higher", "    bet¦ter: higher");
    expect(h?.markdown).toMatch(/higher|lower/);
  });
});

describe("references, periods and catalog entries", () => {
  const TEST_FILE = join(DISTRICTS, "tests", "own-revenue-and-new-facilities.yaml");
  const testText = readFileSync(TEST_FILE, "utf8");

  test("a rule test's period: the periods of the ruleset's first year, quarters first", () => {
    const input = edited("period: 2026-Q2", "period: 2026-¦", TEST_FILE, testText);
    const items = completionsAt({ ...input, lang: "en" });
    expect(items.slice(0, 5).map((c) => c.label)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026-01"]);
    expect(items.find((c) => c.label === "2026")?.insertText).toBe('"2026"');
    expect(items.every((c) => c.kind === "period")).toBe(true);
  });

  test("a rule test's rating: the ruleset's rating ids with their titles", () => {
    const items = completionsAt({ ...edited("rating: quarterly", "rating: q¦", TEST_FILE, testText), lang: "kk" });
    expect(items.map((c) => [c.label, c.detail])).toEqual([
      ["quarterly", "Тоқсандық рейтинг"],
      ["economy", "Экономикалық даму индикаторы"],
    ]);
  });

  test("a diagnostic code's catalog entry", () => {
    const text = describeDiagnosticCode("F200", "ru");
    expect(text).toContain("**F200**");
    expect(text).toContain("Как исправить");
    expect(describeDiagnosticCode("X999", "en")).toBeUndefined();
  });
});

describe("completion asked as the colon is typed", () => {
  test("a value right after `method:` starts with the space YAML needs", () => {
    const items = completionsAt({
      ...edited("score: { method: goalposts, min: 80, max: 100 }", "score:\n      method:¦"),
      lang: "en",
    });
    expect(items.find((c) => c.label === "goalposts")?.insertText).toBe(" goalposts");
  });
});

describe("the schema's descriptions in the client's language", () => {
  const keyDoc = (lang: Lang, key: string) => {
    const written = "    better: higher\n    frequency: month\n    source: unit\n    weight: 4\n";
    return completionsAt({ ...edited(written, "    better: higher\n    ¦\n"), lang }).find((c) => c.label === key);
  };

  test("completion of a key: its description (detail and documentation), English as written", () => {
    expect(keyDoc("en", "weight")).toMatchObject({ documentation: "Weight relative to the block's other indicators." });
    expect(keyDoc("ru", "weight")).toMatchObject({
      detail: "Вес относительно других показателей блока.",
      documentation: "Вес относительно других показателей блока.",
    });
    expect(keyDoc("kk", "weight")?.documentation).toBe("Блоктың басқа көрсеткіштеріне қатысты салмағы.");
    // `missing` is described through a $ref to missingPolicy: the key's own description wins.
    expect(keyDoc("ru", "missing")?.documentation).toBe(
      "Переопределение правила блока для отсутствующих данных: `zero` | `exclude` | `fail`.",
    );
  });

  test("completion of an enum value: its enumDescription", () => {
    const goalposts = (lang: Lang) =>
      completionsAt({
        ...edited("score: { method: goalposts, min: 80, max: 100 }", "score:\n      method: ¦"),
        lang,
      }).find((c) => c.label === "goalposts")?.documentation;
    expect(goalposts("ru")).toBe("фиксированные границы: `min` даёт 0, `max` даёт 1");
    expect(goalposts("kk")).toBe("тұрақты шектер: `min` мәні 0 баға, `max` мәні 1 баға береді");
  });

  test("hover on a key and on an enum value", () => {
    const hover = (lang: Lang, replace: string) =>
      hoverAt({ ...edited("    better: higher", replace), lang })?.markdown;
    expect(hover("ru", "    bet¦ter: higher")).toBe("`higher` | `lower`: какое направление лучше.");
    expect(hover("kk", "    bet¦ter: higher")).toBe("`higher` | `lower`: қай бағыт жақсы.");
    expect(hover("en", "    bet¦ter: higher")).toBe("higher | lower: which way is better.");
    expect(hover("kk", "    better: hig¦her")).toBe(
      "`higher` | `lower`: қай бағыт жақсы.\n\n`higher`: мән неғұрлым жоғары болса, соғұрлым жақсы",
    );
  });
});
