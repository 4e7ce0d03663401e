import type { Indicator, Lang } from "../model/ruleset.js";
import { formatShort } from "../report/number-format.js";
import { formulaText } from "./formula-text.js";
import { joinRich, type Rich, richLabel } from "./rich-text.js";

/** The indicator's scoring rule in words, from its method and parameters, in the language. */
export function scoreRuleText(indicator: Indicator, lang: Lang): Rich {
  const n = (x: number) => formatShort(x, lang, 4);
  const higher = indicator.better === "higher";
  const s = indicator.score;
  switch (s.method) {
    case "achievement": {
      const ratio = richLabel(higher ? "ratioHigher" : "ratioLower", lang);
      const plan = richLabel("planIs", lang, { plan: { code: formulaText(s.plan) } });
      return s.cap === 1
        ? richLabel("scoreAchievementCap1", lang, { ratio, plan })
        : richLabel("scoreAchievement", lang, { ratio, plan, cap: n(s.cap) });
    }
    case "goalposts": {
      const rule = richLabel(higher ? "scoreGoalpostsHigher" : "scoreGoalpostsLower", lang, {
        min: n(s.min),
        max: n(s.max),
      });
      return s.transform === "ln" ? joinRich([rule, richLabel("logScale", lang)], " ") : rule;
    }
    case "minmax":
      return richLabel(higher ? "scoreMinmaxHigher" : "scoreMinmaxLower", lang);
    case "zscore":
      return richLabel(higher ? "scoreZscoreHigher" : "scoreZscoreLower", lang, { clip: n(s.clip) });
    case "rank":
      return richLabel("scoreRank", lang);
    case "bands": {
      const bands = s.bands.map((b): Rich => {
        if (higher && b.min !== undefined) return [`≥ ${n(b.min)}: ${n(b.score)}`];
        if (!higher && b.max !== undefined) return [`≤ ${n(b.max)}: ${n(b.score)}`];
        return richLabel("bandOtherwise", lang, { score: n(b.score) });
      });
      return richLabel("scoreBands", lang, { bands: joinRich(bands, "; ") });
    }
    case "yesno":
      return richLabel(higher ? "scoreYesNoHigher" : "scoreYesNoLower", lang);
    case "formula":
      return richLabel("scoreFormula", lang, { formula: { code: formulaText(s.formula) } });
  }
}
