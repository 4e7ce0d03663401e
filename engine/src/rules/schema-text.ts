import { readFileSync } from "node:fs";
import type { Lang } from "../model/ruleset.js";
import { SCHEMA_DIR } from "../paths.js";

/**
 * The rule schema's descriptions and enumDescriptions in Kazakh and Russian: engine/schema/
 * tarazy-rules.schema.kk.json and .ru.json map each English text to its translation. Keyed by the English
 * text, so a description changed in the schema has no translation until one is written (a test names it).
 * The files sit beside the schema, which the language server's and the extension's bundles copy whole.
 */
export const SCHEMA_TRANSLATION_URLS: Readonly<Record<Exclude<Lang, "en">, URL>> = {
  kk: new URL("tarazy-rules.schema.kk.json", SCHEMA_DIR),
  ru: new URL("tarazy-rules.schema.ru.json", SCHEMA_DIR),
};

const cache = new Map<Lang, ReadonlyMap<string, string>>();

function translations(lang: Exclude<Lang, "en">): ReadonlyMap<string, string> {
  let table = cache.get(lang);
  if (!table) {
    const json = JSON.parse(readFileSync(SCHEMA_TRANSLATION_URLS[lang], "utf8")) as Record<string, string>;
    table = new Map(Object.entries(json));
    cache.set(lang, table);
  }
  return table;
}

/**
 * A description or enumDescription of the rule schema in the reader's language: the English as written for
 * en, else its translation; the English when none is written (never an empty text).
 */
export function schemaText(text: string, lang: Lang): string {
  if (lang === "en") return text;
  return translations(lang).get(text) || text;
}
