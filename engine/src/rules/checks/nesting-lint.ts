import { defineCodes } from "../../diagnostics/catalog.js";
import type { Block } from "../../model/ruleset.js";
import type { CheckContext, RuleCheck } from "./check.js";

export const NestingCode = defineCodes({
  R236: {
    severity: "warning",
    title: "Weights that look like an attempt at levels",
    description:
      "A geometric, harmonic, power or min block whose indicators repeat unequal weights (2/1/1/2: two indicators given together the weight of one) is usually an attempt to average some indicators first; in such a block the weights do not do that, and the result is wrong. Groups do it (docs/rule-format.md, Groups). A block of one indicator with a non-arithmetic aggregation aggregates nothing: the aggregation across blocks is the ruleset's `total`.",
    example: "aggregation: geometric with weights 2, 1, 1, 2",
    fix: "Put the indicators meant to be averaged first into a group with its own aggregation, each group weighing 1; or set `total: { aggregation: ... }` for an aggregation across blocks. Ignore the warning where the weights are meant.",
  },
});

/** Lint (warning): weight patterns in blocks that groups would express (docs/rule-format.md). */
export const nestingLint: RuleCheck = {
  name: "nesting-lint",
  run(context) {
    for (const block of context.ruleset.blocks) if (!block.groups) lintBlock(context, block);
  },
};

function lintBlock({ sources, report }: CheckContext, block: Block) {
  if (block.aggregation === "arithmetic" || block.aggregation === "formula") return;
  const at = sources.value(block, "aggregation");
  if (!at) return;
  const weights = block.indicators.map((i) => i.weight);
  if (weights.length === 1) {
    report({
      code: NestingCode.R236,
      severity: "warning",
      message: `block \`${block.id}\` has one indicator, so its ${block.aggregation} aggregation aggregates nothing`,
      ...at,
      suggestion:
        "to aggregate across blocks, set `total: { aggregation: ... }` in ruleset.yaml (see Groups in docs/rule-format.md)",
    });
    return;
  }
  const distinct = new Set(weights);
  const repeated = weights.some((w, i) => weights.indexOf(w) !== i);
  if (distinct.size < 2 || !repeated) return;
  report({
    code: NestingCode.R236,
    severity: "warning",
    message: `block \`${block.id}\` is ${block.aggregation} with repeated unequal weights (${weights.join(", ")}): if some indicators are meant to be averaged first, weights cannot do it`,
    ...at,
    suggestion:
      "put them into a group with its own aggregation (docs/rule-format.md, Groups); ignore this where the weights are meant",
  });
}
