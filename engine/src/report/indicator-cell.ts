import type { Lang } from "../model/ruleset.js";
import type { IndicatorResult } from "../scoring/result.js";
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
