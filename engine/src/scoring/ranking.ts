import { compareNumbers } from "../compile/compare.js";
import { roundHalfAway } from "../functions/excel-round.js";
import type { Grade, RankPolicy, RatingGrade } from "../model/ruleset.js";

/**
 * Ranking and grades. The ranking key is the total, or the total rounded to `round` decimals half away
 * from zero (as Excel and a person round) when the ruleset says so. Keys are compared at 15 significant
 * digits, so totals that differ only in binary noise tie. Ties are ordered by unit id so the output is the
 * same on every run.
 */
export interface Ranked {
  readonly unit: string;
  readonly key: number;
  readonly rank: number;
}

export function rankingKey(total: number, policy: RankPolicy): number {
  return policy.round === undefined ? total : roundHalfAway(total, policy.round);
}

/**
 * competition: 1 2 2 4 (a tie takes the best place, the next place is skipped);
 * dense: 1 2 2 3; shared: 1 2.5 2.5 4 (a tie shares the average of the places it covers).
 */
export function rankUnits(
  entries: readonly { unit: string; total: number }[],
  policy: RankPolicy,
  order: "ascending" | "descending" = "descending",
): Ranked[] {
  const keyed = entries.map((e) => ({ unit: e.unit, key: rankingKey(e.total, policy) }));
  const sign = order === "ascending" ? -1 : 1;
  keyed.sort((a, b) => sign * compareNumbers(b.key, a.key) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  const out: Ranked[] = [];
  let groupStart = 0;
  let distinct = 0;
  while (groupStart < keyed.length) {
    let groupEnd = groupStart + 1;
    while (groupEnd < keyed.length && compareNumbers(keyed[groupEnd]?.key ?? 0, keyed[groupStart]?.key ?? 0) === 0)
      groupEnd++;
    distinct += 1;
    const rank =
      policy.ties === "dense"
        ? distinct
        : policy.ties === "shared"
          ? groupStart + 1 + (groupEnd - groupStart - 1) / 2
          : groupStart + 1;
    for (let i = groupStart; i < groupEnd; i++) {
      const k = keyed[i];
      if (k) out.push({ unit: k.unit, key: k.key, rank });
    }
    groupStart = groupEnd;
  }
  return out;
}

/**
 * A rating's own grade (Rating.grades): the first, in the order written, whose bounds the value meets; `min`
 * and `max` both include their edge, compared at 15 significant digits. "" when none, or no value.
 */
export function ratingGradeOf(value: number | undefined, grades: readonly RatingGrade[]): string {
  if (value === undefined) return "";
  const meets = (g: RatingGrade) =>
    (g.min === undefined || compareNumbers(value, g.min) >= 0) &&
    (g.max === undefined || compareNumbers(value, g.max) <= 0);
  return grades.find(meets)?.id ?? "";
}

/** The first grade, from the highest min down, whose min the key reaches (at 15 digits); "" when none. */
export function gradeOf(key: number, grades: readonly Grade[]): string {
  const sorted = [...grades].sort((a, b) => b.min - a.min);
  return sorted.find((g) => compareNumbers(key, g.min) >= 0)?.id ?? "";
}
