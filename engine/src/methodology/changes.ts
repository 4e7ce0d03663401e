import type { DiffValue, ElementKind, RulesetChange, RulesetDiff } from "../diff/rules-diff.js";
import type { Lang, Localized, Ruleset } from "../model/ruleset.js";
import { type LabelKey, label, localize } from "../report/labels.js";
import { formatShort } from "../report/number-format.js";
import { type Rich, richLabel } from "./rich-text.js";

/**
 * The changes since the previous version, from the rules diff, as lines a reader of the methodology
 * understands: the element by its localized name, the YAML key and the old and new values as code.
 */
const ELEMENT: Readonly<Record<ElementKind, LabelKey>> = {
  ruleset: "elementRuleset",
  rating: "elementRating",
  grade: "elementGrade",
  unit: "elementUnit",
  field: "elementField",
  block: "elementBlock",
  indicator: "elementIndicator",
};

function namesOf(r: Ruleset): Map<string, Localized> {
  const out = new Map<string, Localized>();
  const add = (kind: ElementKind, id: string, name: Localized) => out.set(`${kind}:${id}`, name);
  add("ruleset", r.id, r.title);
  for (const x of r.ratings) add("rating", x.id, x.title);
  for (const x of r.grades) add("grade", x.id, x.label);
  for (const x of r.units) add("unit", x.id, x.name);
  for (const x of r.fields) add("field", x.id, x.name);
  for (const b of r.blocks) {
    add("block", b.id, b.name);
    for (const i of b.indicators) add("indicator", i.id, i.name);
  }
  return out;
}

function valueText(value: DiffValue | undefined, lang: Lang): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "number") return formatShort(value, lang, 6);
  if (typeof value === "boolean") return label(value ? "yes" : "no", lang);
  if (typeof value === "string") return value;
  return value.length === 0 ? "[]" : value.join(", ");
}

function changeLine(c: RulesetChange, names: (c: RulesetChange) => string, lang: Lang): Rich {
  const element = richLabel(ELEMENT[c.element], lang);
  const name = `«${names(c)}»`;
  switch (c.change) {
    case "added":
      return richLabel("changeAdded", lang, { element, name });
    case "removed":
      return richLabel("changeRemoved", lang, { element, name });
    case "renamed":
      return richLabel("changeRenamed", lang, { element, old: { code: c.oldId ?? "" }, new: { code: c.id } });
    case "changed":
      return richLabel("changeChanged", lang, {
        element,
        name,
        property: { code: c.property ?? "" },
        old: { code: valueText(c.old, lang) },
        new: { code: valueText(c.new, lang) },
      });
  }
}

/** One line per change, in the diff's order. Names come from the new version, or the old for removals. */
export function changeLines(diff: RulesetDiff, previous: Ruleset, current: Ruleset, lang: Lang): Rich[] {
  return diff.changes.map(changeDescriber(previous, current, lang));
}

/** Describes single changes of these two versions (the compare page lists them by block). */
export function changeDescriber(previous: Ruleset, current: Ruleset, lang: Lang): (c: RulesetChange) => Rich {
  const before = namesOf(previous);
  const after = namesOf(current);
  const name = (c: RulesetChange) => {
    const key = `${c.element}:${c.id}`;
    const found = c.change === "removed" ? (before.get(key) ?? after.get(key)) : (after.get(key) ?? before.get(key));
    return found ? localize(found, lang) : c.id;
  };
  return (c) => changeLine(c, name, lang);
}
