import { defineCodes } from "../../diagnostics/catalog.js";
import { compareDecimal } from "../../util/decimal-compare.js";
import type { RuleCheck } from "./check.js";

export const GradeCode = defineCodes({
  R270: {
    severity: "error",
    title: "Grades do not start at 0",
    description: "Every total must earn a grade, so the lowest grade's `min` is 0.",
    example: "grades: [{ id: green, min: 80 }, { id: red, min: 40 }]   # a total of 30 has no grade",
    fix: "Set the lowest grade's min to 0.",
  },
  R271: {
    severity: "error",
    title: "Grade above the scale",
    description: "A grade's `min` is above the ruleset's scale, so no total can reach it.",
    example: "scale: 100 with { id: excellent, min: 120 }",
    fix: "Lower the min to the scale or below.",
  },
  R272: {
    severity: "error",
    title: "Two grades with the same min",
    description: "Two grades start at the same total, so the second can never be given.",
    example: "{ id: green, min: 80 } and { id: blue, min: 80 }",
    fix: "Give each grade its own min, or remove one.",
  },
});

/** Grades cover the scale from 0, each reachable (a ruleset may have none: its ratings then give no grade). */
export const grades: RuleCheck = {
  name: "grades",
  run({ ruleset, sources, report }) {
    const usable = ruleset.grades.filter((g) => !sources.isBroken(g, "min"));
    if (usable.length === 0 || usable.length < ruleset.grades.length) return;
    const lowest = usable.reduce((a, b) => (b.min < a.min ? b : a));
    const minAt = (g: object) => sources.value(g, "min");
    if (lowest.min !== 0) {
      const at = minAt(lowest);
      if (at)
        report({
          code: GradeCode.R270,
          severity: "error",
          message: `the lowest grade, \`${lowest.id}\`, starts at ${lowest.min}, so a total below ${lowest.min} has no grade`,
          ...at,
          suggestion: "set the lowest grade's min to 0",
          fix: { title: "Set min to 0", edits: [{ ...at, newText: "0" }] },
        });
    }
    const seen = new Map<number, (typeof usable)[number]>();
    for (const grade of usable) {
      const at = minAt(grade);
      if (!at) continue;
      if (!sources.isBroken(ruleset, "scale") && compareDecimal(grade.min, ruleset.scale) > 0)
        report({
          code: GradeCode.R271,
          severity: "error",
          message: `grade \`${grade.id}\` starts at ${grade.min}, above the scale of ${ruleset.scale}, so no total reaches it`,
          ...at,
        });
      const same = [...seen.entries()].find(([min]) => compareDecimal(min, grade.min) === 0)?.[1];
      const sameAt = same && minAt(same);
      if (same && sameAt)
        report({
          code: GradeCode.R272,
          severity: "error",
          message: `grades \`${same.id}\` and \`${grade.id}\` both start at ${grade.min}`,
          ...at,
          related: [{ message: `\`${same.id}\` starts here`, ...sameAt }],
        });
      else seen.set(grade.min, grade);
    }
  },
};
