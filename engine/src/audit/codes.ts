import { defineCodes } from "../diagnostics/catalog.js";

/**
 * Findings of the statistical audit (`tarazy audit`, docs/audit.md): A1xx on one indicator, A2xx on the
 * correlations, A3xx on a block. They are placed at the indicator's (or block's) line in the rule files, so
 * the editor and CI show them like any lint. Thresholds are set in ruleset.yaml under `audit`.
 */
export const AuditCode = defineCodes({
  A101: {
    severity: "warning",
    title: "Low data coverage",
    description:
      "Fewer of the units the indicator applies to have a value than the ruleset's `audit.min_coverage` (default 0.65, the JRC's and COINr's threshold). The statistics of the indicator are taken over the units that have one.",
    example: "grain_yield has a value for 9 of 17 districts (53%)",
    fix: "Collect the missing data, or reconsider the indicator (a missing value under `missing: zero` scores 0, which ranks on reporting, not performance).",
  },
  A102: {
    severity: "warning",
    title: "Indicator ranks no one",
    description:
      "Every unit with a value gets the same score, so the indicator adds the same points to everyone and does not change the ranking.",
    example: "every district scores 1 on plan_submitted_on_time",
    fix: "Raise the goalposts or plan, use a finer score method, or drop the indicator and give its weight to others.",
  },
  A103: {
    severity: "info",
    title: "Many units at the score's floor or cap",
    description:
      "A share of the units above `audit.floor_cap_share` (default 0.5) scores exactly 0 or exactly 1, so the indicator tells them apart poorly.",
    example: "12 of 17 districts reach the cap of own_revenue_execution",
    fix: "Check the goalposts, plan or cap against the data; a cap that most units reach rewards no further effort.",
  },
  A104: {
    severity: "warning",
    title: "Outliers: skewed and heavy-tailed values",
    description:
      "The indicator's values have absolute skewness above `audit.skewness` (default 2) and excess kurtosis above `audit.kurtosis` (default 3.5), the JRC's rule for outliers that may dominate a min-max or z-score scale. The message says what winsorising or a log would leave.",
    example: "investment: skewness 3.4, kurtosis 12.1 (one city has 10 times the others)",
    fix: "Use goalposts, bands or a `ln` transform, or cap the values (winsorise) before scaling.",
  },
  A201: {
    severity: "warning",
    title: "Negative correlation with the block",
    description:
      "The indicator's scores correlate negatively with the rest of its block's points: it pulls against what the block measures, or its direction (`better`) is wrong.",
    example: "unemployment_rate with better: higher in a labour block",
    fix: "Check `better:` and the formula; if the trade-off is intended, say so in the rationale.",
  },
  A202: {
    severity: "info",
    title: "Near-duplicate indicators",
    description:
      "Two indicators of a block have scores with |Pearson r| above `audit.duplicate` (default 0.92): they measure nearly the same thing, so its weight counts twice.",
    example: "new_jobs and new_permanent_jobs: r = 0.97",
    fix: "Keep one, merge them, or lower their weights so that the block is not double counted.",
  },
  A203: {
    severity: "info",
    title: "Effective importance far below the nominal weight",
    description:
      "The indicator's effective importance (its squared correlation with the total, normalised; Paruolo, Saisana and Saltelli 2013) is below `audit.importance_ratio` (default 0.25) times its share of the nominal weight: the ranking hardly follows it, whatever its weight says.",
    example: "weight share 6%, effective importance 0.4%",
    fix: "If the indicator should matter as its weight says, check its spread and its correlation with the others.",
  },
  A301: {
    severity: "info",
    title: "Low internal consistency of a block",
    description:
      "The block's Cronbach's alpha (over its indicators' scores, units with every score) is below `audit.min_alpha` (default 0.7): its indicators do not measure one thing. That can be by design (a block of distinct duties), so this is information, not an error.",
    example: "social block: alpha 0.41, first principal component 38% of the variance",
    fix: "Look at the block's correlation matrix: split it, or accept it and say why in the block's description.",
  },
});
