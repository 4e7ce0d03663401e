import { defineCodes } from "../../diagnostics/catalog.js";
import type { RuleCheck } from "./check.js";

export const UnusedFieldCode = defineCodes({
  R250: {
    severity: "warning",
    title: "Field nobody reads",
    description: "No formula of the ruleset reads the field, so its data is collected for nothing.",
    example: "a field `population_2019` that no indicator uses",
    fix: "Use the field in an indicator, or remove it from fields.yaml.",
  },
});

/** Every field is read by some formula. */
export const unusedFields: RuleCheck = {
  name: "unused-fields",
  run({ ruleset, formulas, report }) {
    // A formula that did not parse may read anything: judge only when every formula is known.
    if (formulas.some((f) => !f.source.ast && f.source.text !== "")) return;
    const read = new Set<string>();
    for (const f of formulas) for (const r of f.references) if (r.binding.kind === "field") read.add(r.binding.name);
    for (const field of ruleset.fields) {
      if (field.id === "" || read.has(field.id)) continue;
      report({
        code: UnusedFieldCode.R250,
        severity: "warning",
        message: `no formula reads the field \`${field.id}\``,
        ...field.at,
        suggestion: "use it in an indicator, or remove it from the fields",
      });
    }
  },
};
