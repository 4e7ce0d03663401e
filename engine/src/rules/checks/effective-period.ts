import { defineCodes } from "../../diagnostics/catalog.js";
import type { RuleCheck } from "./check.js";

export const EffectiveCode = defineCodes({
  R310: {
    severity: "error",
    title: "Effective period ends before it starts",
    description: "`effective.to` is a month before `effective.from`, so the version is never in force.",
    example: "effective: { from: 2026-01, to: 2025-12 }",
    fix: "Correct the months; `to` is the last month in force and may be left out.",
  },
});

/** A version's effective period is not empty. */
export const effectivePeriod: RuleCheck = {
  name: "effective-period",
  run({ ruleset, sources, report }) {
    const { from, to } = ruleset.effective;
    if (!to || sources.isBroken(ruleset, "effective")) return;
    if (to >= from) return;
    const at = sources.value(ruleset, "effective/to");
    if (!at) return;
    report({
      code: EffectiveCode.R310,
      severity: "error",
      message: `the version is in force until ${to}, before it starts (${from})`,
      ...at,
      suggestion: "correct the months; `to` is the last month in force and may be left out",
    });
  },
};
