import { defineCodes } from "../../diagnostics/catalog.js";
import type { Range } from "../../source/range.js";
import { closestNames, didYouMean } from "../../util/did-you-mean.js";
import { appliesOf, type RuleCheck } from "./check.js";

export const UnknownKindCode = defineCodes({
  R210: {
    severity: "error",
    title: "Unknown unit kind",
    description:
      "A unit's `kind` or an indicator's `applies.kinds` names a kind that the ruleset's `unit_kinds` does not list.",
    example: "kind: distrct   # unit_kinds: [city, district]",
    fix: "Correct the spelling, or add the kind to `unit_kinds` in ruleset.yaml.",
  },
  R211: {
    severity: "warning",
    title: "Unit kind without units",
    description: "`unit_kinds` lists a kind that no unit has.",
    example: "unit_kinds: [city, district, department] with no unit of kind department",
    fix: "Remove the kind from `unit_kinds`, or add its units.",
  },
});

/** Kinds must be the ruleset's `unit_kinds`; a listed kind should have units. */
export const unknownKinds: RuleCheck = {
  name: "unknown-kinds",
  run({ ruleset, sources, report, incomplete }) {
    const kinds = new Set(ruleset.unitKinds);
    if (kinds.size === 0 || sources.isBroken(ruleset, "unit_kinds")) return;
    const unknown = (kind: string, at: { file: string; range: Range } | undefined, where: string) => {
      if (!at || kind === "" || kinds.has(kind)) return;
      const close = closestNames(kind, kinds, 3);
      report({
        code: UnknownKindCode.R210,
        severity: "error",
        message: `unknown unit kind \`${kind}\` in ${where}; the ruleset's unit_kinds are ${[...kinds].map((k) => `\`${k}\``).join(", ")}`,
        ...at,
        ...(close.length > 0
          ? { suggestion: didYouMean(kind, close) }
          : { suggestion: "add it to unit_kinds in ruleset.yaml" }),
        ...(close.length === 1 && close[0]
          ? { fix: { title: `Change to ${close[0]}`, edits: [{ ...at, newText: close[0] }] } }
          : {}),
      });
    };
    for (const unit of ruleset.units) unknown(unit.kind, sources.value(unit, "kind"), `unit \`${unit.id}\``);
    for (const { what, applies } of appliesOf(ruleset))
      for (const [i, kind] of (applies.kinds ?? []).entries())
        unknown(kind, sources.value(applies, `kinds/${i}`), what);
    const used = new Set(ruleset.units.map((u) => u.kind));
    if (ruleset.units.length === 0 || incomplete) return;
    ruleset.unitKinds.forEach((kind, i) => {
      const at = sources.value(ruleset, `unit_kinds/${i}`);
      if (used.has(kind) || !at) return;
      report({
        code: UnknownKindCode.R211,
        severity: "warning",
        message: `no unit has the kind \`${kind}\``,
        ...at,
        suggestion: "remove it from unit_kinds, or add its units to units.yaml",
      });
    });
  },
};
