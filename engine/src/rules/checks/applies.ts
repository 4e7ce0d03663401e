import { defineCodes } from "../../diagnostics/catalog.js";
import type { Indicator, Unit } from "../../model/ruleset.js";
import { allIndicators, type RuleCheck } from "./check.js";

export const AppliesCode = defineCodes({
  R290: {
    severity: "warning",
    title: "Indicator applies to no unit",
    description:
      "The indicator's `applies` (kinds, units, except) leaves no unit, so it never counts. A `when` condition is not judged here, only the lists.",
    example: "applies: { kinds: [city], units: [sairam] }   # sairam is a district",
    fix: "Correct the lists, or remove the indicator.",
  },
});

/** Whether `unit` is in the indicator's lists (kinds, units, except); `when` is left to the scoring. */
export function appliesByLists(indicator: Indicator, unit: Unit): boolean {
  const a = indicator.applies;
  if (!a) return true;
  if (a.kinds && !a.kinds.includes(unit.kind)) return false;
  if (a.units && !a.units.includes(unit.id)) return false;
  return !a.except?.includes(unit.id);
}

/** Every indicator applies to at least one unit. */
export const appliesToSomeUnit: RuleCheck = {
  name: "applies",
  run({ ruleset, sources, report, incomplete }) {
    if (ruleset.units.length === 0 || incomplete) return;
    const kinds = new Set(ruleset.unitKinds);
    const units = new Set(ruleset.units.map((u) => u.id));
    for (const indicator of allIndicators(ruleset)) {
      const a = indicator.applies;
      if (!a || sources.isBroken(indicator, "applies")) continue;
      // An unknown kind or unit in the lists has its own error; that nothing is left is its echo.
      const named = [...(a.units ?? []), ...(a.except ?? [])];
      if ((a.kinds ?? []).some((k) => !kinds.has(k)) || named.some((u) => !units.has(u))) continue;
      if (ruleset.units.some((u) => appliesByLists(indicator, u))) continue;
      const at = sources.key(indicator, "applies") ?? indicator.at;
      report({
        code: AppliesCode.R290,
        severity: "warning",
        message: `indicator \`${indicator.id}\` applies to no unit: its \`applies\` lists leave none`,
        ...at,
        suggestion: "correct the kinds, units and except lists",
      });
    }
  },
};
