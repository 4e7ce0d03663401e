import { defineCodes } from "../../diagnostics/catalog.js";
import type { Lang, Localized, LocalizedNote } from "../../model/ruleset.js";
import type { CheckContext, RuleCheck } from "./check.js";

export const LanguageCode = defineCodes({
  R350: {
    severity: "warning",
    title: "Text missing in a declared language",
    description:
      "The ruleset declares its languages (`languages: [kk, ru, en]` in ruleset.yaml), and a name, title, label, description, rationale or unit of measure lacks one of them, so a report in that language would show it in another language.",
    example: "languages: [kk, ru, en] and an indicator with rationale: { en: Own revenues are a priority }",
    fix: "Add the missing languages to the text (kk:, ru:, en:). A unit of measure written as text (mln KZT) is named in each language in ruleset.yaml's `measures`, or written in place as { kk, ru, en }.",
  },
});

const LANGUAGE_NAMES: Record<Lang, string> = { kk: "Kazakh (kk)", ru: "Russian (ru)", en: "English (en)" };

/** A measure with no letters ("%") reads the same in every language. */
const NEUTRAL_MEASURE = /^[^\p{L}]*$/u;

/** When a ruleset declares its languages, every text of it exists in each of them, reported where the text is. */
export const languages: RuleCheck = {
  name: "languages",
  run(context) {
    const declared = context.ruleset.languages;
    if (!declared || context.sources.isBroken(context.ruleset, "languages")) return;
    const check = textChecker(context, declared);
    const { ruleset } = context;
    check(ruleset, "title", ruleset.title, "the ruleset's title");
    check(ruleset, "description", ruleset.description, "the ruleset's description");
    for (const [text, names] of Object.entries(ruleset.measures ?? {}))
      check(names, undefined, names, `the unit of measure \`${text}\` in \`measures\``);
    for (const g of ruleset.grades) check(g, "label", g.label, `the label of grade \`${g.id}\``);
    for (const r of ruleset.ratings) check(r, "title", r.title, `the title of rating \`${r.id}\``);
    for (const u of ruleset.units) check(u, "name", u.name, `the name of unit \`${u.id}\``);
    for (const f of ruleset.fields) {
      check(f, "name", f.name, `the name of field \`${f.id}\``);
      check(f, "description", f.description, `the description of field \`${f.id}\``);
      measure(context, declared, f, `field \`${f.id}\``, check);
    }
    for (const b of ruleset.blocks) {
      check(b, "name", b.name, `the name of block \`${b.id}\``);
      check(b, "description", b.description, `the description of block \`${b.id}\``);
      for (const i of b.indicators) {
        check(i, "name", i.name, `the name of indicator \`${i.id}\``);
        check(i, "rationale", i.rationale, `the rationale of indicator \`${i.id}\``);
        measure(context, declared, i, `indicator \`${i.id}\``, check);
      }
    }
  },
};

type TextCheck = (element: object, property: string | undefined, text: Texts | undefined, what: string) => void;
type Texts = Localized | LocalizedNote;

/** Reports a text (absent: nothing to translate) that lacks a declared language, at the text itself. */
function textChecker({ sources, report }: CheckContext, declared: readonly Lang[]): TextCheck {
  return (element, property, text, what) => {
    if (!text || (property !== undefined && (!sources.has(element, property) || sources.isBroken(element, property))))
      return;
    const missing = declared.filter((lang) => !text[lang]);
    const at = sources.value(element, property);
    if (missing.length === 0 || !at) return;
    report({
      code: LanguageCode.R350,
      severity: "warning",
      message: `${what} has no ${list(missing.map((l) => LANGUAGE_NAMES[l]))} text, though the ruleset declares the languages ${declared.join(", ")}`,
      ...at,
      suggestion: `add ${missing.map((l) => `${l}:`).join(", ")} to it`,
    });
  };
}

/**
 * A measure written in place is checked there; one written as text is named by the `measures` table
 * (checked once, at the table) or, when the table lacks it and it has letters, reported at the element.
 */
function measure(
  { sources, report }: CheckContext,
  declared: readonly Lang[],
  element: { readonly measure: string; readonly measureText?: Localized },
  what: string,
  check: TextCheck,
): void {
  if (!sources.has(element, "measure") || sources.isBroken(element, "measure")) return;
  const at = sources.value(element, "measure");
  // Names from the table were recorded at their entry; names written in place were not.
  if (element.measureText && !sources.originOf(element.measureText)) {
    check(element, "measure", element.measureText, `the unit of measure of ${what}`);
    return;
  }
  if (element.measureText || NEUTRAL_MEASURE.test(element.measure) || !at) return;
  report({
    code: LanguageCode.R350,
    severity: "warning",
    message: `the unit of measure of ${what}, \`${element.measure}\`, has no ${list(declared.map((l) => LANGUAGE_NAMES[l]))} text, though the ruleset declares the languages ${declared.join(", ")}`,
    ...at,
    suggestion: `name it in each language in ruleset.yaml's \`measures\` (${element.measure}: { ${declared.map((l) => `${l}: ...`).join(", ")} }), or write it here as { ${declared.map((l) => `${l}: ...`).join(", ")} }`,
  });
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}
