import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Lang, Localized, LocalizedNote, Ruleset } from "../../src/model/ruleset.js";
import { localize, localizeMeasure } from "../../src/report/labels.js";
import { loadFamily } from "../../src/rules/load.js";
import { runInProcess } from "../support/run-cli.js";

/**
 * The Turkistan rulesets in three languages: every text of the rule files (titles, names, labels, notes,
 * units of measure) exists in Kazakh, Russian and English, the Kazakh and Russian ones are written in
 * Cyrillic, and what `docs`, `rate` and `explain` print in kk or ru carries none of the English texts.
 *
 * Scope: the words the engine itself prints (method names in explain, the B1..B9 column heads, reasons for a
 * missing value) are the engine's labels and are checked by their own tests; here the methodology document
 * is scanned for every Latin-script word, the rating and the explanation for the rule files' English texts.
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const cli = (...args: string[]) => runInProcess(args, ROOT);
const LANGS: readonly Lang[] = ["kk", "ru"];

/** Each version with a period its sample data rates. */
const VERSIONS = [
  { family: "districts", version: "2025.1", period: "2025-Q3" },
  { family: "districts", version: "2026.1", period: "2026-Q1" },
  { family: "departments", version: "2026.1", period: "2026-Q1" },
  { family: "procurement", version: "2026.1", period: "2026-03" },
];

interface Text {
  readonly what: string;
  readonly shown: (lang: Lang) => string;
  readonly text: Localized | LocalizedNote;
}

/** Every human text a ruleset holds, as a reader in `lang` is shown it. */
function texts(r: Ruleset): Text[] {
  const out: Text[] = [];
  const note = (what: string, text: Localized | LocalizedNote | undefined) => {
    if (text) out.push({ what, text, shown: (lang) => localize(text, lang) });
  };
  const measure = (what: string, x: { measure: string; measureText?: Localized }) => {
    if (x.measure !== "%")
      out.push({ what, text: x.measureText ?? { en: x.measure }, shown: (lang) => localizeMeasure(x, lang) });
  };
  note("title", r.title);
  note("description", r.description);
  for (const g of r.grades) note(`grade ${g.id}`, g.label);
  for (const x of r.ratings) note(`rating ${x.id}`, x.title);
  for (const u of r.units) note(`unit ${u.id}`, u.name);
  for (const f of r.fields) {
    note(`field ${f.id}`, f.name);
    note(`field ${f.id} description`, f.description);
    measure(`field ${f.id} measure`, f);
  }
  for (const b of r.blocks) {
    note(`block ${b.id}`, b.name);
    note(`block ${b.id} description`, b.description);
    for (const i of b.indicators) {
      note(`indicator ${i.id}`, i.name);
      note(`indicator ${i.id} rationale`, i.rationale);
      measure(`indicator ${i.id} measure`, i);
    }
  }
  return out;
}

const LATIN = /\p{Script=Latin}/u;

function loaded(family: string, version: string) {
  const result = loadFamily(resolve(ROOT, "rules/turkistan", family)).versions.find((v) => v.version === version);
  if (!result?.ruleset) throw new Error(`${family} ${version} did not load`);
  return result;
}

/** Visible text of the methodology document: code spans and HTML markup left out. */
function prose(document: string): string {
  return document
    .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<code\b[^>]*>[\s\S]*?<\/code>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/`[^`\n]*`/g, " ");
}

/** Latin-script words, with what is attached to them (2026-Q1, turkistan-districts). */
const latinWords = (text: string) => text.match(/[\p{L}\p{N}_.-]*\p{Script=Latin}[\p{L}\p{N}_.-]*/gu) ?? [];

/** An English text of the rule files printed as a whole word or phrase. */
function contains(output: string, english: string): boolean {
  const escaped = english.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, "u").test(output);
}

for (const { family, version, period } of VERSIONS) {
  describe(`turkistan ${family} ${version}`, () => {
    const result = loaded(family, version);
    const ruleset = result.ruleset as Ruleset;
    const folder = `rules/turkistan/${family}/${version}`;
    const data = `rules/turkistan/${family}/sample-data`;
    const all = texts(ruleset);
    /** English texts a kk or ru reader must not see: those that differ from what that reader is shown. */
    const english = (lang: Lang) =>
      all.filter((t) => t.text.en && t.text.en !== t.shown(lang)).map((t) => t.text.en as string);

    it("declares kk, ru and en, and every text has all three (no R350)", () => {
      expect(ruleset.languages).toEqual(["kk", "ru", "en"]);
      expect(result.diagnostics.filter((d) => d.code === "R350")).toEqual([]);
      const missing = all.flatMap((t) =>
        (["kk", "ru", "en"] as const).filter((l) => !t.text[l]).map((l) => `${t.what} ${l}`),
      );
      expect(missing).toEqual([]);
      expect(all.length).toBeGreaterThan(50);
    });

    it.each(LANGS)("shows every text in %s in Cyrillic, with no Latin letter", (lang) => {
      const latin = all.filter((t) => LATIN.test(t.shown(lang))).map((t) => `${t.what}: ${t.shown(lang)}`);
      expect(latin).toEqual([]);
    });

    it.each(LANGS)(
      "writes the methodology document in %s with no Latin-script word but ids and codes",
      async (lang) => {
        const allowed = (word: string) =>
          word === ruleset.id || // the ruleset's id, in the header and colophon
          word === "Tarazy" || // the product's name, in the colophon
          /^\d{4}-Q[1-4]$/.test(word) || // period codes, as data files write them
          /^[0-9a-f]{12,}$/.test(word) || // the rule files' hash
          // the values of a field's `aggregate` key, quoted by the function reference of ytd()
          ["sum", "last", "mean"].includes(word);
        for (const format of ["md", "html"]) {
          const run = await cli("docs", folder, "--lang", lang, "--format", format);
          expect(run.code).toBe(0);
          expect(latinWords(prose(run.stdout)).filter((w) => !allowed(w))).toEqual([]);
          // The translated texts are the ones shown: a rationale in the reader's language is in the document.
          const rationale = ruleset.blocks.flatMap((b) => b.indicators).find((i) => i.rationale)?.rationale;
          expect(run.stdout).toContain(rationale?.[lang]?.split(" ").slice(0, 3).join(" "));
        }
      },
    );

    it.each(LANGS)("rates and explains in %s without an English text of the rule files", async (lang) => {
      const rate = await cli("rate", folder, "--data", data, "--period", period, "--lang", lang);
      expect(rate.code).toBe(0);
      const unit = ruleset.units[0];
      if (!unit) throw new Error("no unit");
      // Names may be cut to the column's width; the zones are whole.
      expect(ruleset.grades.filter((g) => rate.stdout.includes(localize(g.label, lang)))).not.toEqual([]);
      const explain = await cli("explain", folder, unit.id, "--data", data, "--period", period, "--lang", lang);
      expect(explain.code).toBe(0);
      expect(explain.stdout).toContain(localize(unit.name, lang));
      for (const [command, output] of [
        ["rate", rate.stdout],
        ["explain", explain.stdout],
      ] as const)
        expect(
          english(lang).filter((text) => contains(output, text)),
          command,
        ).toEqual([]);
    });
  });
}
