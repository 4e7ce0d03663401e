import { defineCodes } from "../../diagnostics/catalog.js";
import { closestNames, didYouMean } from "../../util/did-you-mean.js";
import type { RuleCheck } from "./check.js";

export const UnknownBlockCode = defineCodes({
  R213: {
    severity: "error",
    title: "Unknown block in a rating",
    description: "A rating's `blocks` names a block that no block file defines.",
    example: "blocks: [econmy]",
    fix: "Use the block's id as its file's `block:` gives it, or `all`.",
  },
  R214: {
    severity: "warning",
    title: "Block in no rating",
    description: "No rating includes the block, so its indicators are computed for nothing.",
    example: "ratings list `blocks: [economy]` only, and a block `social` exists",
    fix: "Add the block to a rating (or use `blocks: all`), or remove it.",
  },
});

/** Ratings name existing blocks; every block is in some rating. */
export const unknownBlocks: RuleCheck = {
  name: "unknown-blocks",
  run({ ruleset, sources, report, incomplete }) {
    if (incomplete) return;
    const ids = new Set(ruleset.blocks.map((b) => b.id));
    const rated = new Set<string>();
    for (const rating of ruleset.ratings) {
      for (const [i, id] of rating.blocks.entries()) {
        rated.add(id);
        const at = sources.value(rating, `blocks/${i}`);
        if (ids.has(id) || !at) continue;
        const close = closestNames(id, ids, 3);
        report({
          code: UnknownBlockCode.R213,
          severity: "error",
          message: `rating \`${rating.id}\` names the block \`${id}\`, which no block file defines`,
          ...at,
          suggestion: didYouMean(id, close) ?? `the blocks are ${[...ids].map((b) => `\`${b}\``).join(", ")}`,
          ...(close.length === 1 && close[0]
            ? { fix: { title: `Change to ${close[0]}`, edits: [{ ...at, newText: close[0] }] } }
            : {}),
        });
      }
    }
    if (ruleset.ratings.length === 0 || sources.isBroken(ruleset, "ratings")) return;
    for (const block of ruleset.blocks) {
      const at = sources.value(block, "block");
      if (rated.has(block.id) || block.helper || block.id === "" || !at) continue;
      report({
        code: UnknownBlockCode.R214,
        severity: "warning",
        message: `no rating includes block \`${block.id}\``,
        ...at,
        suggestion: "add it to a rating's blocks in ruleset.yaml, or use `blocks: all`",
      });
    }
  },
};
