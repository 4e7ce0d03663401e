import { defineCodes } from "../../diagnostics/catalog.js";
import { allIndicators, article, type RuleCheck } from "./check.js";

export const ReservedNameCode = defineCodes({
  R203: {
    severity: "error",
    title: "Reserved name used as an id",
    description:
      "The words true, false, missing, and, or, not (in any case), `value` and `unit` mean something in formulas, so a field or indicator with that id could never be read; `kind` is unit.kind, so no attribute may be called kind.",
    example: "fields: [{ id: value, ... }]",
    fix: "Choose another id, e.g. `export_value`.",
  },
});

const KEYWORDS = new Set(["true", "false", "missing", "and", "or", "not"]);
const NAMES = new Set(["value", "unit"]);

export function isReserved(id: string): boolean {
  return KEYWORDS.has(id.toLowerCase()) || NAMES.has(id);
}

/** Ids that formulas could never reach because the language gives them another meaning. */
export const reservedNames: RuleCheck = {
  name: "reserved-names",
  run({ ruleset, sources, report }) {
    const named = [
      ...ruleset.fields.map((f) => ({ id: f.id, what: "field", at: f.at })),
      ...allIndicators(ruleset).map((i) => ({ id: i.id, what: "indicator", at: i.at })),
    ];
    for (const { id, what, at } of named) {
      if (!isReserved(id)) continue;
      report({
        code: ReservedNameCode.R203,
        severity: "error",
        message: `\`${id}\` cannot be the id of ${article(what)}: it is a word of the formula language`,
        file: at.file,
        range: at.range,
        suggestion: `choose another id, e.g. \`${id.toLowerCase()}_${what}\``,
      });
    }
    for (const unit of ruleset.units) {
      if (!Object.hasOwn(unit.attributes, "kind")) continue;
      const at = sources.key(unit, "attributes/kind");
      if (!at) continue;
      report({
        code: ReservedNameCode.R203,
        severity: "error",
        message: "an attribute cannot be called `kind`: unit.kind is the unit's kind",
        ...at,
        suggestion: "rename the attribute, e.g. `type`",
      });
    }
  },
};
