import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ruleSchema } from "../../src/rules/schema.js";
import { SCHEMA_TRANSLATION_URLS, schemaText } from "../../src/rules/schema-text.js";
import { allowedLatinWords, latinWords } from "../support/latin-words.js";

/** Every description and enumDescription of the rule schema: the texts the editor shows. */
function schemaTexts(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const v of node) schemaTexts(v, out);
  else if (node && typeof node === "object") {
    const { description, enumDescriptions } = node as { description?: unknown; enumDescriptions?: unknown };
    if (typeof description === "string") out.add(description);
    if (Array.isArray(enumDescriptions)) for (const d of enumDescriptions) out.add(d);
    for (const v of Object.values(node)) schemaTexts(v, out);
  }
  return out;
}

/** Names that belong to no language, allowed bare beside the schema's keys. */
const allowedWords = () => allowedLatinWords(["Tarazy", "YAML", "JRC", "COINr", "Excel"]);

const TEXTS = [...schemaTexts(ruleSchema())];

describe.each(["kk", "ru"] as const)("the rule schema's texts in %s", (lang) => {
  const table = JSON.parse(readFileSync(SCHEMA_TRANSLATION_URLS[lang], "utf8")) as Record<string, string>;

  it("translate every description and enumDescription, with no translation of a text no longer there", () => {
    expect(TEXTS.length).toBeGreaterThan(200);
    expect(TEXTS.filter((t) => !table[t]?.trim())).toEqual([]);
    expect(Object.keys(table).filter((t) => !TEXTS.includes(t))).toEqual([]);
  });

  it("hold no English outside code in backticks, and keep the English text's code as written", () => {
    const allowed = allowedWords();
    const english = Object.values(table).flatMap((t) => latinWords(t).filter((w) => !allowed.has(w)));
    expect([...new Set(english)]).toEqual([]);
    // A word mixing Latin and Cyrillic letters (a look-alike typed in the wrong layout) reads as a typo.
    expect(
      Object.values(table).filter((t) =>
        /\p{Script=Latin}\p{Script=Cyrillic}|\p{Script=Cyrillic}\p{Script=Latin}/u.test(t.replace(/`[^`]*`/g, " ")),
      ),
    ).toEqual([]);
    const lostCode = Object.entries(table).flatMap(([en, t]) =>
      (en.match(/`[^`]*`/g) ?? []).filter((c) => !t.includes(c)),
    );
    expect(lostCode).toEqual([]);
  });

  it("are what schemaText gives, and English is left as written", () => {
    const en = "Weight relative to the block's other indicators.";
    expect(schemaText(en, "en")).toBe(en);
    expect(schemaText(en, lang)).toBe(
      lang === "kk" ? "Блоктың басқа көрсеткіштеріне қатысты салмағы." : "Вес относительно других показателей блока.",
    );
    expect(schemaText("A text the schema does not hold.", lang)).toBe("A text the schema does not hold.");
  });
});
