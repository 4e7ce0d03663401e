import type { Localized, Rating, Ruleset } from "./ruleset.js";

/** Whether the rating grades its units: by its own grades or the ruleset's (a rating may have none). */
export function isGraded(ruleset: Ruleset, rating: Rating): boolean {
  return (rating.grades?.length ?? 0) > 0 || ruleset.grades.length > 0;
}

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
 * The ids of the grades a rating gives, best first: its own grades in the order written (checked so, and
 * written best first, as the GDI's groups are), else the ruleset's from the highest min down.
 */
export function gradeOrder(ruleset: Ruleset, rating: Rating | undefined): readonly string[] {
  if (rating?.grades) return rating.grades.map((g) => g.id);
  return [...ruleset.grades].sort((a, b) => b.min - a.min).map((g) => g.id);
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
