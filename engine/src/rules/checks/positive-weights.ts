import { defineCodes } from "../../diagnostics/catalog.js";
import { allGroups } from "../../model/groups.js";
import type { RuleCheck } from "./check.js";

export const WeightCode = defineCodes({
  R231: {
    severity: "error",
    title: "Weight zero or negative",
    description:
      "A block, group or indicator weight is 0 or below. A zero weight silently removes the element from the rating; a negative one turns a good result into a loss.",
    example: "weight: 0",
    fix: "Give a positive weight, or remove the indicator, group or block.",
  },
});

/** Every block and indicator weight is positive. */
export const positiveWeights: RuleCheck = {
  name: "positive-weights",
  run({ ruleset, sources, report }) {
    const check = (element: object, weight: number, what: string) => {
      const at = sources.value(element, "weight");
      if (weight > 0 || !at || sources.isBroken(element, "weight") || !sources.has(element, "weight")) return;
      report({
        code: WeightCode.R231,
        severity: "error",
        message: `the weight of ${what} is ${weight}; weights must be above 0`,
        ...at,
        suggestion:
          weight === 0
            ? "remove the element if it should not count, or give it a positive weight"
            : "use a positive weight",
      });
    };
    for (const block of ruleset.blocks) {
      check(block, block.weight, `block \`${block.id}\``);
      for (const group of allGroups(block)) check(group, group.weight, `group \`${group.id}\``);
      for (const indicator of block.indicators) check(indicator, indicator.weight, `indicator \`${indicator.id}\``);
    }
  },
};
