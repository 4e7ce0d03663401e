import type { Lang } from "../model/ruleset.js";
import type { GroupResult, IndicatorResult } from "../scoring/result.js";
import { label } from "./labels.js";
import { formatNumber } from "./number-format.js";

/** An indicator's value for display: a number, yes/no, or why there is none. */
export function valueText(r: IndicatorResult | undefined, lang: Lang): string {
  if (!r) return "";
  if (r.status === "not-applicable") return label("notApplicable", lang);
  if (r.value === null) return label("missingValue", lang);
  if (typeof r.value === "boolean") return label(r.value ? "yes" : "no", lang);
  return formatNumber(r.value, lang);
}

/** An indicator's points for display; says why when it earned none for lack of data or applicability. */
export function pointsText(r: IndicatorResult | undefined, lang: Lang): string {
  if (!r) return "";
  switch (r.status) {
    case "scored":
      return formatNumber(r.points, lang);
    case "missing-zero":
      return `${formatNumber(r.points, lang)} (${label("missingValue", lang)})`;
    case "missing-excluded":
      return label("missingValue", lang);
    case "not-applicable":
      return label("notApplicable", lang);
  }
}

/** A group's score on 0..1 at 3 decimals; empty when every member was left out for the unit. */
export function groupScoreText(r: GroupResult | undefined, lang: Lang): string {
  return r ? formatNumber(r.score, lang, 3) : "";
}

/** A group's column head: its name and the range of its score. */
export function groupHead(name: string): string {
  return `${name} (0–1)`;
}
