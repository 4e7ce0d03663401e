import { beforeAll, describe, expect, it } from "vitest";
import { allDiagnosticDocs, type DiagnosticDoc } from "../../src/diagnostics/catalog.js";
import { CATALOG_WORDS } from "../../src/diagnostics/words/index.js";
import { ruleSchema } from "../../src/rules/schema.js";
import { describeDiagnosticCode } from "../../src/workspace/describe.js";
import { EDITOR_LABELS } from "../../src/workspace/labels.js";
import { loadAllCodes } from "../support/code-files.js";
import { latinWords } from "../support/latin-words.js";

/**
 * The rule format's keys are code (the rule files' words) and may stand bare; so may these names and formats that
 * belong to no language.
 */
function allowedWords(): Set<string> {
  const words = new Set([
    "Tarazy",
    "YAML",
    "JSON",
    "CSV",
    "XLSX",
    "UTF",
    "PDF",
    "HTML",
    "SARIF",
    "Excel",
    "Windows",
    "JavaScript",
  ]);
  const keys = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const properties = (node as { properties?: object }).properties;
    if (properties) for (const k of Object.keys(properties)) words.add(k);
    for (const v of Object.values(node)) keys(v);
  };
  keys(ruleSchema());
  return words;
}

const PARTS = ["title", "description", "fix"] as const;
let docs: DiagnosticDoc[] = [];
beforeAll(async () => {
  await loadAllCodes();
  docs = allDiagnosticDocs();
});

describe.each(["kk", "ru"] as const)("the diagnostics catalog in %s", (lang) => {
  it("has a title, a description and a fix for every code, and no words for a code that does not exist", () => {
    expect(docs.length).toBeGreaterThan(180);
    const missing = docs.flatMap((d) =>
      PARTS.filter((p) => !CATALOG_WORDS[d.code]?.[lang]?.[p]?.trim()).map((p) => `${d.code}.${p}`),
    );
    expect(missing).toEqual([]);
    const codes = new Set(docs.map((d) => d.code));
    expect(Object.keys(CATALOG_WORDS).filter((c) => !codes.has(c))).toEqual([]);
  });

  it("has no English outside code in backticks, keeps the English text's code, and mixes no scripts in a word", () => {
    const allowed = allowedWords();
    const english = docs.flatMap((d) =>
      PARTS.flatMap((p) => latinWords(CATALOG_WORDS[d.code]?.[lang]?.[p] ?? "").filter((w) => !allowed.has(w))).map(
        (w) => `${d.code}: ${w}`,
      ),
    );
    expect(english).toEqual([]);
    const lostCode = docs.flatMap((d) => {
      const words = CATALOG_WORDS[d.code]?.[lang];
      const all = words ? PARTS.map((p) => words[p]).join("\n") : "";
      const code = PARTS.flatMap((p) => d[p].match(/`[^`]*`/g) ?? []);
      return code.filter((c) => !all.includes(c)).map((c) => `${d.code}: ${c}`);
    });
    expect(lostCode).toEqual([]);
    const mixed = docs.filter((d) =>
      PARTS.some((p) =>
        /\p{Script=Latin}\p{Script=Cyrillic}|\p{Script=Cyrillic}\p{Script=Latin}/u.test(
          (CATALOG_WORDS[d.code]?.[lang]?.[p] ?? "").replace(/`[^`]*`/g, " "),
        ),
      ),
    );
    expect(mixed.map((d) => d.code)).toEqual([]);
  });

  it("is what the hover on a code shows, with the severity in the language and the example as written", () => {
    const wrong = docs.filter((d) => {
      const text = describeDiagnosticCode(d.code, lang) ?? "";
      const words = CATALOG_WORDS[d.code]?.[lang];
      return !(
        words &&
        text.startsWith(`**${d.code}** ${words.title} (${EDITOR_LABELS[d.severity][lang]})\n`) &&
        text.includes(`\n${words.description}\n`) &&
        text.includes(`\n${d.example}\n`) &&
        text.endsWith(`\n${EDITOR_LABELS.fix[lang]}: ${words.fix}`)
      );
    });
    expect(wrong.map((d) => d.code)).toEqual([]);
  });
});

describe("the diagnostics catalog in en", () => {
  it("is the catalog's own English text in the hover", () => {
    const d = docs.find((x) => x.code === "R201");
    expect(d).toBeDefined();
    const text = describeDiagnosticCode("R201", "en") ?? "";
    expect(text).toContain(`**R201** ${d?.title} (error)`);
    expect(text).toContain(`How to fix: ${d?.fix}`);
  });
});
