import type { Lang, Ruleset } from "../model/ruleset.js";
import { FALLBACK_COLOR } from "../report/colors.js";
import { localize } from "../report/labels.js";
import { formatNumber, totalDecimals } from "../report/number-format.js";
import { type GradeView, gradeViews } from "../report/view.js";

/**
 * What the compare page needs to name and show things of two versions in one language: units, blocks and
 * grades by their localized names (the new version's, else the old one's), totals with each version's decimals.
 */
export interface CompareNames {
  readonly lang: Lang;
  readonly old: Ruleset;
  readonly new: Ruleset;
  unit(id: string): string;
  block(id: string): string;
  field(id: string): string;
  /** The grade of one side with its colour; an empty id (no grade's min reached) is a grey dash. */
  grade(id: string, side: Side): GradeView;
  /** A total of one side, with that version's display decimals. */
  total(x: number, side: Side): string;
  /** A change, signed: "+1.50", "-0.25", "0.00" (no sign when it shows as zero); its direction. */
  change(x: number): { readonly text: string; readonly kind: "up" | "down" | "same" };
}

export type Side = "old" | "new";

export function compareNames(oldRuleset: Ruleset, newRuleset: Ruleset, lang: Lang): CompareNames {
  const find = <T extends { id: string }>(pick: (r: Ruleset) => readonly T[], id: string) =>
    pick(newRuleset).find((x) => x.id === id) ?? pick(oldRuleset).find((x) => x.id === id);
  const grades = { old: gradeViews(oldRuleset, lang), new: gradeViews(newRuleset, lang) };
  const decimals = { old: totalDecimals(oldRuleset.rank), new: totalDecimals(newRuleset.rank) };
  const changeDecimals = Math.max(decimals.old, decimals.new);
  return {
    lang,
    old: oldRuleset,
    new: newRuleset,
    unit: (id) => localize(find((r) => r.units, id)?.name, lang) || id,
    block: (id) => localize(find((r) => r.blocks, id)?.name, lang) || id,
    field: (id) => localize(find((r) => r.fields, id)?.name, lang) || id,
    grade: (id, side) => grades[side].find((g) => g.id === id) ?? { id, label: id || "—", color: FALLBACK_COLOR },
    total: (x, side) => formatNumber(x, lang, decimals[side]),
    change: (x) => {
      const text = formatNumber(x, lang, changeDecimals);
      const shown = /[1-9]/.test(text);
      if (!shown) return { text, kind: "same" };
      return x > 0 ? { text: `+${text}`, kind: "up" } : { text, kind: "down" };
    },
  };
}
