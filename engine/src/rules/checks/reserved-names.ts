import { defineCodes } from "../../diagnostics/catalog.js";
import { allIndicators, article, type RuleCheck } from "./check.js";

export const ReservedNameCode = defineCodes({
  R203: {
    severity: "error",
    title: "Reserved name used as an id",
    description:
      "The words true, false, missing, and, or, not (in any case), `value` and `unit` mean something in formulas, so a field or indicator with that id could never be read; `kind` is unit.kind, so no attribute may be called kind. No id or attribute may be `__proto__`: results are objects keyed by id, and JavaScript gives that key another meaning.",
    example: "fields: [{ id: value, ... }]",
    fix: "Choose another id, e.g. `export_value`.",
  },
});

const KEYWORDS = new Set(["true", "false", "missing", "and", "or", "not"]);
const NAMES = new Set(["value", "unit"]);
/** A key that JavaScript objects (and so JSON results keyed by id) do not hold as ordinary data. */
const OBJECT_MODEL = "__proto__";

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
    const keyed = [
      ...named,
      ...ruleset.units.map((u) => ({ id: u.id, what: "unit", at: u.at })),
      ...ruleset.blocks.map((b) => ({ id: b.id, what: "block", at: b.at })),
      ...ruleset.ratings.map((r) => ({ id: r.id, what: "rating", at: r.at })),
    ];
    for (const { id, what, at } of keyed.filter((k) => k.id === OBJECT_MODEL)) {
      report({
        code: ReservedNameCode.R203,
        severity: "error",
        message: `\`${id}\` cannot be the id of ${article(what)}: results are keyed by id and JavaScript reserves this key`,
        file: at.file,
        range: at.range,
        suggestion: `choose another id, e.g. \`proto_${what}\``,
      });
    }
    for (const unit of ruleset.units) {
      const attribute = sources.key(unit, `attributes/${OBJECT_MODEL}`);
      if (Object.hasOwn(unit.attributes, OBJECT_MODEL) && attribute) {
        report({
          code: ReservedNameCode.R203,
          severity: "error",
          message: "an attribute cannot be called `__proto__`: JavaScript reserves this key",
          ...attribute,
          suggestion: "rename the attribute",
        });
      }
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
