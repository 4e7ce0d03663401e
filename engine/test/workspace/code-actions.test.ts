import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadRuleset } from "../../src/rules/load.js";
import { parseRuleDocument, type RuleDocument } from "../../src/rules/yaml-document.js";
import { applyEdits, codeActionsAt } from "../../src/workspace/code-actions.js";
import { formatDocument } from "../../src/workspace/formatting.js";
import { signatureAt } from "../../src/workspace/signature.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const VERSION = join(ROOT, "rules", "turkistan", "districts", "2026.1");
const REVENUE = join(VERSION, "blocks", "03-revenue.yaml");
const original = loadRuleset(VERSION);
const revenueText = original.documents.find((d) => d.file === REVENUE)?.text ?? "";

/** The version loaded with the revenue block replaced by `text` (as an open buffer would be). */
function withRevenue(text: string) {
  const loaded = loadRuleset(VERSION, { readFile: (p) => (p === REVENUE ? text : undefined) });
  const document = loaded.documents.find((d) => d.file === REVENUE) as RuleDocument;
  const diagnostics = loaded.diagnostics.filter((d) => d.file === REVENUE);
  return { loaded, document, diagnostics };
}

function actions(text: string, at: string) {
  const { loaded, document, diagnostics } = withRevenue(text);
  const offset = text.indexOf(at);
  const here = diagnostics.filter((d) => d.range.start.offset <= offset && offset <= d.range.end.offset);
  return {
    loaded,
    list: codeActionsAt({
      document,
      start: offset,
      end: offset,
      diagnostics: here,
      documents: loaded.documents,
      ...(loaded.model ? { model: loaded.model } : {}),
    }),
  };
}

describe("code actions", () => {
  test("did you mean: the edit replaces the misspelt name and the file checks clean again", () => {
    const text = revenueText.replace("ytd(own_revenue) / ytd", "ytd(own_revenu) / ytd");
    const { list } = actions(text, "own_revenu)");
    const fix = list.find((a) => a.title === "Change to `own_revenue`");
    expect(fix?.preferred).toBe(true);
    const fixed = applyEdits(text, fix?.edits ?? []);
    expect(fixed).toBe(revenueText);
    expect(withRevenue(fixed).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("declare an unknown field in fields.yaml; the ruleset then knows it", () => {
    const text = revenueText.replace("formula: ytd(tax_receipts)\n", "formula: ytd(tax_receipts) + land_sales\n");
    const { list, loaded } = actions(text, "land_sales");
    const declare = list.find((a) => a.title.startsWith("Declare the field `land_sales`"));
    const edit = declare?.edits[0];
    expect(edit?.file).toBe(join(VERSION, "fields.yaml"));
    const fieldsText = loaded.documents.find((d) => d.file === edit?.file)?.text ?? "";
    const after = applyEdits(fieldsText, declare?.edits ?? []);
    expect(after.endsWith('  - id: land_sales\n    name:\n      kk: "…"\n    measure: "…"\n')).toBe(true);
    const reloaded = loadRuleset(VERSION, {
      readFile: (p) => (p === REVENUE ? text : p === edit?.file ? after : undefined),
    });
    expect(reloaded.diagnostics.filter((d) => d.code === "F200")).toEqual([]);
  });

  test("add a Russian name stub to a flow mapping and to a block mapping", () => {
    const flow = revenueText.replace(
      "    name:\n      kk: Өзіндік кірістер жоспарының орындалуы\n      ru: Исполнение плана собственных доходов\n",
      "    name: { kk: Өзіндік кірістер жоспарының орындалуы }\n",
    );
    const stub = actions(flow, "Өзіндік кірістер жоспарының").list.find((a) => a.title.includes("(ru)"));
    expect(applyEdits(flow, stub?.edits ?? [])).toContain(
      'name: { kk: Өзіндік кірістер жоспарының орындалуы, ru: "…" }',
    );
    const block = revenueText.replace("      ru: Исполнение плана собственных доходов\n", "");
    const stub2 = actions(block, "en: Own revenue plan execution").list.find((a) => a.title.includes("(ru)"));
    expect(applyEdits(block, stub2?.edits ?? [])).toContain(
      '      kk: Өзіндік кірістер жоспарының орындалуы\n      ru: "…"\n      en: Own revenue plan execution\n',
    );
  });

  test("rescale indicator weights to the block's weight, keeping each indicator's points", () => {
    // revenue: weight 15, indicator weights 4 2 1 1 ... adding up to 14.
    const { list } = actions(revenueText, "block: revenue");
    const rescale = list.find((a) => a.title.startsWith("Rescale"));
    const after = applyEdits(revenueText, rescale?.edits ?? []);
    // own_revenue_execution: 4 * 15 / 14 = 4.28571428571429 (15 significant digits)
    expect(after).toContain("weight: 4.28571428571429\n    score: { method: goalposts, min: 80, max: 100 }");
    const doc = parseRuleDocument(REVENUE, after).document.data as { indicators: { weight: number }[] };
    const sum = doc.indicators.reduce((s, i) => s + i.weight, 0);
    expect(sum).toBeCloseTo(15, 12);
  });

  test("a long quoted formula becomes a block scalar with the same value", () => {
    const long = "if(ytd(own_revenue_plan) > 0, ytd(own_revenue) / ytd(own_revenue_plan) * 100, missing)";
    const text = revenueText.replace("formula: ytd(own_revenue) / ytd(own_revenue_plan) * 100", `formula: "${long}"`);
    const action = actions(text, "if(ytd").list.find((a) => a.title.startsWith("Write the formula as a block"));
    const after = applyEdits(text, action?.edits ?? []);
    expect(after).toContain(`formula: |-\n      ${long}\n`);
  });
});

describe("formatting prints formulas canonically and leaves the rest byte for byte", () => {
  const file = "/r/blocks/b.yaml";
  const base = (formula: string) =>
    `# comment  kept\nblock: b\nweight: 10\nindicators:\n  - id: a\n    formula: ${formula}\n    weight: 1   # odd spacing kept\n`;

  test.each([
    ["plain", "ROUND( x/2 ,1 )", "round(x / 2, 1)"],
    ["double-quoted", '"IF(a=1,\\"k\\",\\"m\\")"', '"if(a = 1, \\"k\\", \\"m\\")"'],
    ["single-quoted", "'x+y'", "'x + y'"],
    ["a plain one that would read as YAML", "'a  :  b'", "'a  :  b'"],
  ])("%s", (_, written, expected) => {
    const doc = parseRuleDocument(file, base(written)).document;
    expect(applyEdits(doc.text, formatDocument(doc))).toBe(base(expected));
  });

  test("a block scalar keeps its header and indentation; CRLF stays CRLF", () => {
    const text = base("|\n      (a)+b*(c)\n").replaceAll("\n", "\r\n");
    const doc = parseRuleDocument(file, text).document;
    expect(applyEdits(text, formatDocument(doc))).toBe(base("|\n      a + b * c\n").replaceAll("\n", "\r\n"));
  });

  test("a formula with errors is left alone", () => {
    const doc = parseRuleDocument(file, base("round(x,")).document;
    expect(formatDocument(doc)).toEqual([]);
  });

  test("on the Turkistan rules only number spellings change, and a literal block keeps its line breaks", () => {
    const changed = original.documents.flatMap((d) => formatDocument(d).map((e) => ({ d, e })));
    expect(changed.map(({ d }) => d.file)).toEqual([join(VERSION, "blocks", "02-economy.yaml")]);
    const { d, e } = changed[0] as (typeof changed)[number];
    expect(d.text.slice(e.start, e.end)).toContain("\n        + 0.20 * trade_index + 0.10 * transport_index");
    expect(e.newText).toContain("\n        + 0.2 * trade_index + 0.1 * transport_index");
  });
});

describe("signature help", () => {
  test("the active parameter of round inside ytd's result", () => {
    const text = "block: b\nindicators:\n  - id: a\n    formula: round(ytd(x) / 2, \n";
    const doc = parseRuleDocument("/b.yaml", text).document;
    const sig = signatureAt(doc, text.indexOf(", ") + 2, "ru");
    expect(sig?.label).toBe("round(x, [digits])");
    expect(sig?.activeParameter).toBe(1);
    expect(sig?.label.slice(sig.parameters[1]?.start, sig.parameters[1]?.end)).toBe("digits");
    expect(sig?.documentation).toMatch(/Округление/);
  });
});
