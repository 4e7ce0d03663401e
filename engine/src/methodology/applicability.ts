import type { Applicability, Lang, Ruleset } from "../model/ruleset.js";
import { type LabelKey, label, localize } from "../report/labels.js";
import { formulaText } from "./formula-text.js";
import { joinRich, type Rich, richLabel } from "./rich-text.js";

const KIND_LABELS: Readonly<Record<string, LabelKey>> = {
  city: "kindCity",
  district: "kindDistrict",
  department: "kindDepartment",
};

/** A unit kind in words ("cities"); a kind the labels do not know is shown by its id. */
export function kindText(kind: string, lang: Lang): string {
  const key = KIND_LABELS[kind];
  return key ? label(key, lang) : kind;
}

/** Which units an indicator applies to, in words: "all units", "only districts; except Turkistan city". */
export function appliesText(applies: Applicability | undefined, ruleset: Ruleset, lang: Lang): Rich {
  const unitName = (id: string) => {
    const u = ruleset.units.find((x) => x.id === id);
    return u ? localize(u.name, lang) : id;
  };
  const parts: Rich[] = [];
  if (applies?.kinds?.length) {
    parts.push(richLabel("appliesKinds", lang, { kinds: applies.kinds.map((k) => kindText(k, lang)).join(", ") }));
  }
  if (applies?.units?.length) {
    parts.push(richLabel("appliesUnits", lang, { units: applies.units.map(unitName).join(", ") }));
  }
  if (applies?.except?.length) {
    parts.push(richLabel("appliesExcept", lang, { units: applies.except.map(unitName).join(", ") }));
  }
  if (applies?.when) parts.push(richLabel("appliesWhen", lang, { formula: { code: formulaText(applies.when) } }));
  return parts.length === 0 ? richLabel("appliesAll", lang) : joinRich(parts, "; ");
}
