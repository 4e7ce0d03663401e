import type { Lang } from "../model/ruleset.js";
import { label } from "./labels.js";
import type { UnitRow } from "./view.js";

/** A unit's move since the previous period: a short sign for tables and the words for titles and readers. */
export interface RankChangeView {
  readonly kind: "up" | "down" | "same" | "none";
  /** "▲ 2", "▼ 1", "=", "—" */
  readonly symbol: string;
  /** "up 2", "unchanged", "no previous period", in the language. */
  readonly words: string;
}

export function rankChange(row: UnitRow, lang: Lang): RankChangeView {
  const n = row.rankChange;
  if (n === undefined) return { kind: "none", symbol: "—", words: label("noPrevious", lang) };
  if (n > 0) return { kind: "up", symbol: `▲ ${n}`, words: label("movedUp", lang, { n }) };
  if (n < 0) return { kind: "down", symbol: `▼ ${-n}`, words: label("movedDown", lang, { n: -n }) };
  return { kind: "same", symbol: "=", words: label("unchanged", lang) };
}
