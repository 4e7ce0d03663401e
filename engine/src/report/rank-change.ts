import type { Lang } from "../model/ruleset.js";
import { label } from "./labels.js";
import { formatShort } from "./number-format.js";
import type { UnitRow } from "./view.js";

/** A unit's move since the previous period: a short sign for tables and the words for titles and readers. */
export interface RankChangeView {
  readonly kind: "up" | "down" | "same" | "none";
  /** "▲ 2", "▼ 1", "=", "—" */
  readonly symbol: string;
  /** "up 2", "unchanged", "no previous period", in the language. */
  readonly words: string;
}

export function rankChange(row: Pick<UnitRow, "rankChange">, lang: Lang): RankChangeView {
  const n = row.rankChange;
  if (n === undefined) return { kind: "none", symbol: "—", words: label("noPrevious", lang) };
  const steps = formatShort(Math.abs(n), lang, 1);
  if (n > 0) return { kind: "up", symbol: `▲ ${steps}`, words: label("movedUp", lang, { n: steps }) };
  if (n < 0) return { kind: "down", symbol: `▼ ${steps}`, words: label("movedDown", lang, { n: steps }) };
  return { kind: "same", symbol: "=", words: label("unchanged", lang) };
}

/** A rank for display: whole, or with one decimal for a shared tie (2.5, or 2,5 in kk/ru). */
export function rankText(rank: number, lang: Lang): string {
  return formatShort(rank, lang, 1);
}
