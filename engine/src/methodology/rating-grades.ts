import type { Lang, Rating, RatingGrade, Ruleset } from "../model/ruleset.js";
import { hexColor } from "../report/colors.js";
import { label, localize } from "../report/labels.js";
import { localNumber } from "../report/number-format.js";

/** A rating's own grades for the methodology document: what decides them, and each grade's bounds. */
export interface RatingGradesDoc {
  readonly rating: string;
  /** The indicator whose value decides the grade, by name; absent: the total as ranked. */
  readonly on?: string;
  readonly grades: readonly { readonly label: string; readonly bounds: string; readonly color: string }[];
}

/** The ratings that have grades of their own, in ruleset order (docs/rule-format.md, "Rank order and grades"). */
export function ratingGradesDocs(ruleset: Ruleset, lang: Lang): RatingGradesDoc[] {
  return ruleset.ratings.flatMap((r) => (r.grades ? [ratingGradesDoc(ruleset, r, r.grades, lang)] : []));
}

function ratingGradesDoc(ruleset: Ruleset, rating: Rating, grades: readonly RatingGrade[], lang: Lang) {
  const indicator = ruleset.blocks.flatMap((b) => b.indicators).find((i) => i.id === rating.gradesOn);
  const on = indicator ? localize(indicator.name, lang) : rating.gradesOn;
  return {
    rating: localize(rating.title, lang),
    ...(on ? { on } : {}),
    grades: grades.map((g) => ({ label: localize(g.label, lang), bounds: bounds(g, lang), color: hexColor(g.color) })),
  };
}

/** "≥ 0", "≤ 0.025", "0 ≤ … ≤ 0.1" (both edges included), or every value that gets to the grade. */
function bounds(g: RatingGrade, lang: Lang): string {
  const min = g.min === undefined ? undefined : localNumber(g.min, lang);
  const max = g.max === undefined ? undefined : localNumber(g.max, lang);
  if (min !== undefined && max !== undefined) return `${min} ≤ … ≤ ${max}`;
  if (min !== undefined) return `≥ ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return label("gradeOtherwise", lang);
}

/** The heading line of a rating's own grades. */
export function ratingGradesHead(d: RatingGradesDoc, lang: Lang): string {
  return d.on
    ? label("ratingGradesOn", lang, { rating: d.rating, on: d.on })
    : label("ratingGradesTotal", lang, { rating: d.rating });
}
