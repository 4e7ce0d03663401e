import { defineCodes } from "../../diagnostics/catalog.js";
import type { Type } from "../../formula/environment.js";
import type { FormulaUse } from "../link.js";
import type { RuleCheck } from "./check.js";

export const FormulaTypeCode = defineCodes({
  R240: {
    severity: "error",
    title: "Formula type does not fit its place",
    description:
      "An indicator scored `yesno` needs a yes/no formula (a comparison, and/or); every other method needs a number; a plan and a score formula give numbers; `applies.when` is a yes/no condition.",
    example: "formula: electronic_share >= 90 with score: { method: goalposts, ... }",
    fix: "Change the score method to fit the formula, or the formula to fit the method (e.g. compare a number: x >= 90).",
  },
});

const NOUN: Record<Type, string> = { number: "a number", boolean: "yes/no (true or false)", string: "text" };

/** What a formula must give, from its place and the indicator's score method. */
function expectedType(use: FormulaUse): Type {
  if (use.role === "when") return "boolean";
  if (use.role === "formula" && use.indicator.score.method === "yesno") return "boolean";
  return "number";
}

function placeOf(use: FormulaUse): string {
  const id = `\`${use.indicator.id}\``;
  switch (use.role) {
    case "formula":
      return use.indicator.score.method === "yesno"
        ? `indicator ${id} is scored \`yesno\`, so its formula must give yes/no`
        : `indicator ${id} is scored \`${use.indicator.score.method}\`, so its formula must give a number`;
    case "plan":
      return `the plan of indicator ${id} must be a number`;
    case "score":
      return `the score formula of indicator ${id} must give a number from 0 to 1`;
    case "when":
      return `\`applies.when\` of ${use.group ? `group \`${use.group.id}\`` : `indicator ${id}`} is a condition, so it must give yes/no`;
  }
}

/** The formula's type fits its scoring method or place. */
export const formulaTypes: RuleCheck = {
  name: "formula-types",
  run({ formulas, sources, report }) {
    for (const use of formulas) {
      if (!use.type || !use.source.ast) continue;
      if (use.role === "formula" && sources.isBroken(use.indicator, "score")) continue;
      const expected = expectedType(use);
      if (use.type === expected) continue;
      const toYesNo = expected === "number" && use.type === "boolean" && use.role === "formula";
      report({
        code: FormulaTypeCode.R240,
        severity: "error",
        message: `${placeOf(use)}, but it gives ${NOUN[use.type]}`,
        file: use.source.at.file,
        range: use.source.ast.range,
        suggestion: toYesNo
          ? "score a yes/no formula with `score: { method: yesno }`"
          : expected === "boolean"
            ? "compare the value, e.g. write x > 0 instead of x"
            : "write a formula that gives a number",
      });
    }
  },
};
