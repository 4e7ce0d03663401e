import { defineCodes } from "../../diagnostics/catalog.js";
import type { Unit } from "../../model/ruleset.js";
import { appliesByLists } from "./applies.js";
import type { RuleCheck } from "./check.js";

export const AttributeCode = defineCodes({
  R300: {
    severity: "error",
    title: "Attribute of different types",
    description:
      "A unit attribute is a number for some units and text (or yes/no) for others, so a formula reading unit.<name> cannot be checked.",
    example: 'population: 200153 on one unit and population: "76 000" on another',
    fix: "Write the attribute the same way for every unit: numbers without quotes, codes in quotes.",
  },
  R301: {
    severity: "warning",
    title: "Attribute missing for some units",
    description:
      "A formula reads unit.<name>, but some units it applies to have no such attribute, so for them its value is missing.",
    example: "when: unit.farmland_ha > 0 with a unit that has no farmland_ha",
    fix: "Give every unit the attribute (0 where there is none).",
  },
});

function typeOf(v: number | string | boolean): string {
  return typeof v === "number" ? "a number" : typeof v === "boolean" ? "yes/no" : "text";
}

/** Unit attributes have one type across units, and are present where formulas read them. */
export const unitAttributes: RuleCheck = {
  name: "unit-attributes",
  run({ ruleset, formulas, sources, report, incomplete }) {
    const first = new Map<string, Unit>();
    for (const unit of ruleset.units) {
      for (const [name, value] of Object.entries(unit.attributes)) {
        const earlier = first.get(name);
        if (!earlier) {
          first.set(name, unit);
          continue;
        }
        const before = earlier.attributes[name] as number | string | boolean;
        if (typeof before === typeof value) continue;
        const at = sources.value(unit, `attributes/${name}`);
        const was = sources.value(earlier, `attributes/${name}`);
        if (!at) continue;
        report({
          code: AttributeCode.R300,
          severity: "error",
          message: `attribute \`${name}\` is ${typeOf(value)} for unit \`${unit.id}\` but ${typeOf(before)} for unit \`${earlier.id}\``,
          ...at,
          ...(was ? { related: [{ message: `\`${earlier.id}\`'s ${name}`, ...was }] } : {}),
          suggestion: "write it the same way for every unit: numbers without quotes, codes in quotes",
        });
      }
    }
    const reported = new Set<string>();
    if (incomplete) return;
    for (const use of formulas) {
      for (const ref of use.references) {
        if (ref.binding.kind !== "attribute" || ref.binding.name === "unit.kind") continue;
        const name = ref.binding.name.slice("unit.".length);
        const key = `${use.indicator.id}:${name}`;
        if (reported.has(key)) continue;
        const lacking = ruleset.units.filter(
          (u) => appliesByLists(use.indicator, u) && !Object.hasOwn(u.attributes, name),
        );
        if (lacking.length === 0) continue;
        reported.add(key);
        const list = lacking
          .slice(0, 5)
          .map((u) => `\`${u.id}\``)
          .join(", ");
        report({
          code: AttributeCode.R301,
          severity: "warning",
          message: `indicator \`${use.indicator.id}\` reads unit.${name}, but ${lacking.length === 1 ? "unit" : "units"} ${list}${lacking.length > 5 ? ` and ${lacking.length - 5} more` : ""} ${lacking.length === 1 ? "has" : "have"} no \`${name}\``,
          file: use.source.at.file,
          range: ref.range,
          suggestion: `give every unit the attribute \`${name}\` in units.yaml`,
        });
      }
    }
  },
};
