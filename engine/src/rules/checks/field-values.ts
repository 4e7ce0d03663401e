import { bounds } from "../../data/field-values.js";
import { defineCodes } from "../../diagnostics/catalog.js";
import type { RuleCheck } from "./check.js";

export const FieldValuesCode = defineCodes({
  R320: {
    severity: "error",
    title: "Field values allow nothing",
    description:
      "A field's `values` contradict each other, so no reported value could pass: a minimum above the maximum, or a `share` (0 to 100) with a minimum above 100 or a maximum below 0.",
    example: "values: { min: 10, max: 5 }",
    fix: "Correct `min` or `max` so that the range holds the values the field really takes.",
  },
});

/** A field's constraints leave some value: every data cell of it would be an error otherwise. */
export const fieldValues: RuleCheck = {
  name: "field-values",
  run({ ruleset, sources, report }) {
    for (const field of ruleset.fields) {
      if (!field.values || sources.isBroken(field, "values")) continue;
      const { min, max } = bounds(field.values);
      if (min === undefined || max === undefined || min <= max) continue;
      const at = sources.value(field, "values");
      if (!at) continue;
      report({
        code: FieldValuesCode.R320,
        severity: "error",
        message: `the values of field \`${field.id}\` must be at least ${min} and at most ${max}, which no value is`,
        ...at,
        suggestion: "correct `min` or `max`",
      });
    }
  },
};
