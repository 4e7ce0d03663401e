import { defineCodes } from "../../diagnostics/catalog.js";
import { closestNames, didYouMean } from "../../util/did-you-mean.js";
import { appliesOf, type RuleCheck } from "./check.js";

export const UnknownUnitCode = defineCodes({
  R212: {
    severity: "error",
    title: "Unknown unit",
    description: "An indicator's `applies.units` or `applies.except` names a unit that units.yaml does not define.",
    example: "applies: { except: [turkestan] }   # the unit's id is turkistan",
    fix: "Use the unit's id as units.yaml gives it (the message suggests the closest).",
  },
});

/** `applies.units` and `applies.except` must name units by id. */
export const unknownUnits: RuleCheck = {
  name: "unknown-units",
  run({ ruleset, sources, report, incomplete }) {
    if (incomplete) return;
    const ids = new Set(ruleset.units.map((u) => u.id));
    const byAlias = new Map<string, string>();
    for (const u of ruleset.units) for (const a of u.aliases) byAlias.set(a.toLowerCase(), u.id);
    for (const { what, applies } of appliesOf(ruleset)) {
      for (const key of ["units", "except"] as const) {
        (applies[key] ?? []).forEach((name, i) => {
          const at = sources.value(applies, `${key}/${i}`);
          if (!at || ids.has(name)) return;
          const alias = byAlias.get(name.toLowerCase());
          const close = alias ? [alias] : closestNames(name, ids, 3);
          report({
            code: UnknownUnitCode.R212,
            severity: "error",
            message: alias
              ? `\`${name}\` is an alias; \`applies.${key}\` of ${what} names units by id`
              : `unknown unit \`${name}\` in \`applies.${key}\` of ${what}`,
            ...at,
            ...(close.length > 0 ? { suggestion: didYouMean(name, close) ?? `did you mean \`${close[0]}\`?` } : {}),
            ...(close.length === 1 && close[0]
              ? { fix: { title: `Change to ${close[0]}`, edits: [{ ...at, newText: close[0] }] } }
              : {}),
          });
        });
      }
    }
  },
};
