import { defineCodes } from "../diagnostics/catalog.js";

/** Problems in a sensitivity assumptions file (`tarazy sensitivity --assumptions FILE`, docs/audit.md). */
export const SensitivityCode = defineCodes({
  U101: {
    severity: "error",
    title: "Assumptions file does not match its schema",
    description:
      "The assumptions file has a key, value or shape that engine/schema/tarazy-sensitivity.schema.json does not allow: an unknown key, a missing `spread`, or an assumption with none or two of `weights`, `aggregation`, `missing`, `rounding`.",
    example: "- { id: w, weights: blocks }   (no spread)",
    fix: "Write each assumption as an id and exactly one kind, as in the worked example of docs/audit.md.",
  },
  U102: {
    severity: "error",
    title: "Unknown block or indicator in an assumption",
    description:
      "An assumption's `blocks` names a block that is not among the rating's blocks, or a `score` assumption's `indicator` is not an indicator of the rating.",
    example: "blocks: [econmy]",
    fix: "Use the block and indicator ids of the ruleset's block files.",
  },
  U103: {
    severity: "error",
    title: "Assumption id used twice",
    description: "Two assumptions have the same id, so their results could not be told apart.",
    example: "- id: weights ... - id: weights",
    fix: "Give each assumption its own id.",
  },
  U104: {
    severity: "error",
    title: "Group weights varied in a rating without groups",
    description:
      'An assumption `weights: groups` varies the weights of groups (docs/rule-format.md, "Groups"), but the rating\'s blocks (or the blocks it names in `blocks`) have none, so it would vary nothing.',
    example: "- { id: gw, weights: groups, spread: 0.2 }   (a ruleset of blocks of indicators)",
    fix: "Vary `weights: blocks` or `weights: indicators`, or name blocks that have groups in `blocks`.",
  },
});
