import { defineCodes } from "../diagnostics/catalog.js";

/**
 * Diagnostics of the data store (S1xx), of rating (S2xx) and of rule tests (S3xx). Documented once here;
 * docs/diagnostics.md is generated from these entries.
 */
export const ScoringCode = defineCodes({
  S101: {
    severity: "error",
    title: "Value reported twice",
    description:
      "Two data cells give different values for the same unit, field and period, so Tarazy cannot tell which one is right.",
    example: "own_revenue for arys in 2026-03 is 1200 in one file and 1250 in another",
    fix: "Keep one of the two values (correct or delete the other cell).",
  },
  S102: {
    severity: "error",
    title: "Running total contradicts the period value",
    description:
      "A cumulative field was reported both for a quarter or year and for its last month, with different running totals.",
    example: "own_revenue (cumulative) for arys: 2026-Q1 = 3600 but 2026-03 = 3500",
    fix: "Correct one of the two values; for a cumulative field both are the running total since January.",
  },
  S103: {
    severity: "error",
    title: "Unknown unit in data",
    description: "A data row names a unit that is not in the ruleset's units.yaml (by id or alias).",
    example: "unit: arysh",
    fix: "Correct the spelling, or add the spelling to the unit's aliases in units.yaml.",
  },
  S104: {
    severity: "error",
    title: "Unknown field in data",
    description: "A data row names a field that is not in the ruleset's fields.yaml.",
    example: "field: own_revenu",
    fix: "Correct the field id, or declare the field in fields.yaml.",
  },
  S105: {
    severity: "error",
    title: "Unreadable period in data",
    description: "A data row's period is not a month, quarter or year.",
    example: "period: 2026-13",
    fix: "Write a month as 2026-03, a quarter as 2026-Q1, a year as 2026.",
  },
  S201: {
    severity: "error",
    title: "Missing value under the fail policy",
    description:
      "An indicator has no value for a unit and period, and its missing-data policy is `fail`, so the rating stops.",
    example: "missing: fail, and own_revenue for arys in 2026-08 was not reported",
    fix: "Supply the data, or change the policy of the indicator, block or ruleset to `zero` or `exclude`.",
  },
  S202: {
    severity: "error",
    title: "Unknown rating",
    description: "The rating asked for is not one of the ruleset's ratings.",
    example: "tarazy rate rules/x --rating quartely",
    fix: "Use one of the rating ids listed in ruleset.yaml.",
  },
  S203: {
    severity: "error",
    title: "Period does not match the rating's rhythm",
    description: "A monthly rating is rated for months, a quarterly one for quarters, a yearly one for years.",
    example: "the economy rating is monthly, but --period 2026-Q3 was given",
    fix: "Give a period of the rating's frequency, or choose another rating.",
  },
  S204: {
    severity: "error",
    title: "Unknown unit",
    description: "A unit named on the command line or in a rule test is not in the ruleset.",
    example: "tarazy explain arysh ...",
    fix: "Use a unit id (or alias) from units.yaml.",
  },
  S205: {
    severity: "error",
    title: "Formula cannot be evaluated",
    description:
      "A formula of the ruleset did not parse or check, so the rating cannot use it. The rule files' own diagnostics say why.",
    example: "formula: own_revenue / (own_revenue_plan",
    fix: "Run `tarazy validate` on the ruleset and fix the errors it reports.",
  },
  S206: {
    severity: "warning",
    title: "Nothing to rate for a unit",
    description:
      "Every indicator of every block of the rating was excluded or not applicable for this unit, so its total is 0.",
    example: "a unit for which every indicator's data is n/a",
    fix: "Check the unit's data and the indicators' `applies` rules.",
  },
  S207: {
    severity: "error",
    title: "No data for the period",
    description:
      "None of the units rated has a value of any field the rating needs in this period, so every unit would score 0 (or nothing). The message names the fields missing and the data files read with the periods they hold.",
    example: "tarazy rate rules/turkistan/procurement --period 2026-10 with data that ends in 2026-09",
    fix: "Give the data files of the period (--data), or rate a period the data covers (`tarazy data check` lists them).",
  },
  S208: {
    severity: "error",
    title: "No unit has enough data to be rated",
    description:
      "Every unit's data covers less than the ruleset's `policies.coverage` minimum, so no unit can be ranked. The message names the fields missing most often and the data files read.",
    example: "min_weight_share: 0.9, and a block's file for the quarter was not given",
    fix: "Give the missing data files, or lower `policies.coverage` in ruleset.yaml if the methodology allows it.",
  },
  S209: {
    severity: "error",
    title: "Version not in force in the period",
    description:
      "A version folder was rated (or compared) for a period outside its effective dates (`effective.from` to `effective.to`, or to the month before the family's next version). Its fields usually have no data then, and the rules that applied were another version's.",
    example: "tarazy rate rules/turkistan/districts/2025.1 --period 2026-Q3",
    fix: "Rate the family folder (the version in force is chosen), or add --allow-out-of-period to rate this version on purpose (the output says so).",
  },
  S301: {
    severity: "error",
    title: "Rule test file is malformed",
    description: "A file in tests/ is not a valid rule test (see docs/rule-format.md, Rule tests).",
    example: "a test without `period`, or `expect` that is a list",
    fix: "Follow the rule test format: test, rating, period, units, data, expect, tolerance.",
  },
  S302: {
    severity: "error",
    title: "Rule test expectation not met",
    description: "A rule test expected a value, score, rank or grade that the rating does not produce.",
    example: "expected score 87.5 for turkistan, got 86.25",
    fix: "Correct the rule, or the test's expectation if the rule is right; the explain trace shows the arithmetic.",
  },
});
