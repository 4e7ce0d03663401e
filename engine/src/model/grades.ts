import type { Localized, Ruleset } from "./ruleset.js";

/**
 * The grade of a result by its id: the ruleset's grades, then the ratings' own (a rating may grade on its own
 * terms, as the gallery's GDI does), so every face shows a grade's label, never its id.
 */
export function gradeById(
  ruleset: Ruleset,
  id: string,
): { readonly id: string; readonly label: Localized } | undefined {
  return (
    ruleset.grades.find((g) => g.id === id) ?? ruleset.ratings.flatMap((r) => r.grades ?? []).find((g) => g.id === id)
  );
}

/**
 * The grades a rating's units are given, in their order: the rating's own when it has them, else the
 * ruleset's. Sensitivity's zone probabilities are over these.
 */
export function ratingGrades(
  ruleset: Ruleset,
  rating: string,
): readonly { readonly id: string; readonly label: Localized; readonly color: string }[] {
  return ruleset.ratings.find((r) => r.id === rating)?.grades ?? ruleset.grades;
}
