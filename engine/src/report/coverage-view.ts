import type { Lang } from "../model/ruleset.js";
import { missingList } from "../scoring/coverage.js";
import type { Coverage, RatingResult } from "../scoring/result.js";
import { label } from "./labels.js";
import { formatShort } from "./number-format.js";

/**
 * What the reports show of coverage (scoring/coverage.ts): each rated unit's share of the weight with data,
 * the units not rated and why, and how many values the zero policy scored 0. Resolved once for every format.
 */
export interface NotRatedRow {
  readonly unitId: string;
  readonly name: string;
  readonly coverage: Coverage;
  /** Why, in the report's language: the share with data and the missing fields. */
  readonly reason: string;
}

export interface CoverageNotes {
  /** Indicator values of rated units scored 0 for missing data, and how many units they belong to. */
  readonly zeroed: number;
  readonly zeroedUnits: number;
  readonly minWeightShare: number;
  readonly notRated: readonly NotRatedRow[];
}

/** A share 0..1 as a percentage with up to one decimal, in the language's notation: 98,9% or 98.9%. */
export function coveragePercent(share: number, lang: Lang): string {
  return `${formatShort(share * 100, lang, 1)}%`;
}

export function coverageNotes(result: RatingResult, name: (id: string) => string, lang: Lang): CoverageNotes {
  const notRated = (result.notRated ?? []).map((n) => ({
    unitId: n.unit,
    name: name(n.unit),
    coverage: n.coverage,
    reason: label("notRatedReason", lang, {
      share: coveragePercent(n.coverage.weight, lang),
      fields: missingList(n.coverage.missingFields),
    }),
  }));
  return {
    zeroed: result.coverage?.zeroed ?? 0,
    zeroedUnits: result.results.filter((u) => (u.coverage?.zeroed ?? 0) > 0).length,
    minWeightShare: result.coverage?.minWeightShare ?? 0,
    notRated,
  };
}

/** The notes under a ranking, one line each: what the Data column means, zeroed values, units not rated. */
export function coverageNoteLines(notes: CoverageNotes, lang: Lang): string[] {
  const lines = [label("coverageHelp", lang)];
  if (notes.zeroed > 0) lines.push(label("zeroedNote", lang, { n: notes.zeroed, units: notes.zeroedUnits }));
  if (notes.notRated.length > 0)
    lines.push(
      `${label("notRated", lang)} (${notes.notRated.length}): ${label("notRatedNote", lang, { min: coveragePercent(notes.minWeightShare, lang) })}`,
    );
  return lines;
}
