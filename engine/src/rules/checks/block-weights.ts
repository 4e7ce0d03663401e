import { defineCodes } from "../../diagnostics/catalog.js";
import { compareDecimal, toSignificant } from "../../util/decimal-compare.js";
import type { RuleCheck } from "./check.js";

export const BlockWeightCode = defineCodes({
  R230: {
    severity: "error",
    title: "Block weights do not add up to the scale",
    description:
      "The blocks' weights are the points of the scale each block carries, so together they must make the ruleset's `scale` (compared at 15 significant digits, so 33.3 + 33.3 + 33.4 is 100).",
    example: "scale: 100 with blocks weighing 20, 30 and 40",
    fix: "Change the block weights so that they add up to the scale (the message gives the difference).",
  },
});

/** `x` rounded to the 15 significant digits of `reference`: 100 - 99.89999999999999 is 0.1, as a person wrote it. */
function atScaleOf(x: number, reference: number): number {
  const decimals = Math.max(0, Math.min(100, 15 - Math.ceil(Math.log10(reference || 1))));
  return Number(x.toFixed(Math.min(decimals, 20)));
}

/** The blocks' weights add up to the scale. */
export const blockWeights: RuleCheck = {
  name: "block-weights",
  run({ ruleset, sources, report, incomplete }) {
    if (incomplete || ruleset.blocks.length === 0 || sources.isBroken(ruleset, "scale")) return;
    if (ruleset.blocks.some((b) => sources.isBroken(b, "weight"))) return;
    // Helper blocks carry no weight.
    const blocks = ruleset.blocks.filter((b) => !b.helper);
    const sum = blocks.reduce((s, b) => s + b.weight, 0);
    if (compareDecimal(sum, ruleset.scale) === 0) return;
    const at = sources.value(ruleset, "scale") ?? ruleset.at;
    const difference = atScaleOf(ruleset.scale - sum, Math.max(Math.abs(sum), Math.abs(ruleset.scale)));
    report({
      code: BlockWeightCode.R230,
      severity: "error",
      message: `the block weights add up to ${toSignificant(sum)}, but the scale is ${ruleset.scale} (${difference > 0 ? `${difference} missing` : `${-difference} too many`})`,
      ...at,
      related: blocks.flatMap((b) => {
        const w = sources.value(b, "weight");
        return w ? [{ message: `block \`${b.id}\` weighs ${b.weight}`, ...w }] : [];
      }),
      suggestion: "change the block weights so that they add up to the scale",
    });
  },
};
