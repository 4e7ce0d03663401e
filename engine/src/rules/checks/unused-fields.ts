import { defineCodes } from "../../diagnostics/catalog.js";
import { allIndicators, type RuleCheck } from "./check.js";
import { isReserved } from "./reserved-names.js";

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
  run({ ruleset, formulas, report, incomplete }) {
    // A formula with errors may be meant to read any field: judge only when every formula is sound.
    if (incomplete || formulas.some((f) => f.hasErrors)) return;
    const read = new Set<string>();
    for (const f of formulas) for (const r of f.references) if (r.binding.kind === "field") read.add(r.binding.name);
    const ids = [...ruleset.fields.map((f) => f.id), ...allIndicators(ruleset).map((i) => i.id)];
    const once = (id: string) => ids.indexOf(id) === ids.lastIndexOf(id);
    for (const field of ruleset.fields) {
      // A duplicated or reserved id has its own error; that nothing reads it is an echo of it.
      if (field.id === "" || read.has(field.id) || !once(field.id) || isReserved(field.id)) continue;
      report({
        code: UnusedFieldCode.R250,
        severity: "warning",
        message: `no formula reads the field \`${field.id}\``,
        ...field.at,
        suggestion: "use it in an indicator, or remove it from the fields",
        tags: ["unnecessary"],
      });
    }
  },
};
