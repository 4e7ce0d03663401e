import { defineCodes } from "../../diagnostics/catalog.js";
import { allGroups } from "../../model/groups.js";
import type { Aggregation, Block, Group, Ruleset } from "../../model/ruleset.js";
import type { CheckContext, RuleCheck } from "./check.js";
import { allIndicators } from "./check.js";

export const LevelCode = defineCodes({
  R232: {
    severity: "error",
    title: "Block weight and helper disagree",
    description:
      "A block that counts carries a weight (points of the scale); a helper block (`helper: true`) carries none and is in no rating's list of blocks (docs/rule-format.md, Helper blocks).",
    example: "a block without `weight`, or `helper: true` with `weight: 10`",
    fix: "Give the block its weight, or mark it `helper: true` and remove its weight and its place in ratings.",
  },
  R233: {
    severity: "error",
    title: "Block or group without members",
    description: "A block or a group lists neither `groups` nor `indicators`, so it has nothing to score.",
    example: "a group with only an id, a name and a weight",
    fix: "Give it `indicators` (or `groups`), or remove it.",
  },
  R284: {
    severity: "error",
    title: "Exponent and aggregation disagree",
    description:
      "`aggregation: power` needs `exponent: p` (p not 0: the power mean with exponent 0 is the geometric mean, so write `geometric`), and `exponent` means nothing with another aggregation.",
    example: "aggregation: power without exponent; exponent: 2 with aggregation: arithmetic",
    fix: "Give the power mean its exponent (1 is arithmetic, -1 harmonic), or remove the exponent.",
  },
  R222: {
    severity: "error",
    title: "Grades decided on an unknown value",
    description:
      "A rating's `grades_on` names the indicator whose value decides its grades; it must be an indicator of the ruleset, and the rating needs its own `grades` to go with it.",
    example: "grades_on: parity without an indicator `parity`",
    fix: "Name an indicator (a helper block can hold it), and give the rating its `grades`.",
  },
});

/** Weights of helper blocks, members of every level, exponents and ratings' `grades_on`. */
export const levels: RuleCheck = {
  name: "levels",
  run(context) {
    const { ruleset } = context;
    for (const block of ruleset.blocks) {
      helperWeight(context, block);
      for (const node of [block, ...allGroups(block)]) {
        members(context, node);
        exponent(context, node, node.aggregation, node.exponent);
      }
    }
    if (ruleset.total) exponent(context, ruleset.total, ruleset.total.aggregation, ruleset.total.exponent);
    helpersInRatings(context, ruleset);
    gradesOn(context, ruleset);
  },
};

function helperWeight({ sources, report }: CheckContext, block: Block) {
  const weighted = sources.has(block, "weight");
  if (weighted !== Boolean(block.helper)) return;
  const at = (block.helper ? sources.value(block, "weight") : sources.value(block, "block")) ?? block.at;
  report({
    code: LevelCode.R232,
    severity: "error",
    message: block.helper
      ? `block \`${block.id}\` is a helper, so it carries no weight`
      : `block \`${block.id}\` has no weight: a block that counts carries points of the scale`,
    ...at,
    suggestion: block.helper ? "remove the weight" : "give it `weight:`, or mark it `helper: true`",
  });
}

function members({ sources, report }: CheckContext, node: Block | Group) {
  const own = "block" in node ? node.indicators : node.indicators.filter((i) => i.group === undefined);
  if ((node.groups?.length ?? 0) > 0 || own.length > 0) return;
  if (sources.isBroken(node, "indicators") || sources.isBroken(node, "groups")) return;
  const what = "block" in node ? `group \`${node.id}\`` : `block \`${node.id}\``;
  report({
    code: LevelCode.R233,
    severity: "error",
    message: `${what} has neither groups nor indicators`,
    ...(sources.value(node, "block" in node ? "id" : "block") ?? node.at),
    suggestion: "give it `indicators:` (or `groups:`), or remove it",
  });
}

function exponent(
  { sources, report }: CheckContext,
  element: object,
  aggregation: Aggregation,
  value: number | undefined,
) {
  const power = aggregation === "power";
  if (power && value !== undefined && value !== 0) return;
  if (!power && value === undefined) return;
  const at = sources.value(element, power && value === undefined ? "aggregation" : "exponent");
  if (!at) return;
  report({
    code: LevelCode.R284,
    severity: "error",
    message: !power
      ? `\`exponent\` belongs to \`aggregation: power\`; this aggregation is ${aggregation}`
      : value === undefined
        ? "the power mean needs `exponent: p`"
        : "the power mean with exponent 0 is the geometric mean",
    ...at,
    suggestion: !power
      ? "remove the exponent, or write `aggregation: power`"
      : value === undefined
        ? "add `exponent:` (1 is the arithmetic mean, -1 the harmonic)"
        : "write `aggregation: geometric`",
  });
}

function helpersInRatings({ sources, report }: CheckContext, ruleset: Ruleset) {
  const helpers = new Set(ruleset.blocks.filter((b) => b.helper).map((b) => b.id));
  for (const rating of ruleset.ratings) {
    rating.blocks.forEach((id, i) => {
      const at = sources.value(rating, `blocks/${i}`);
      if (!helpers.has(id) || !at) return;
      report({
        code: LevelCode.R232,
        severity: "error",
        message: `block \`${id}\` is a helper: it carries no weight in rating \`${rating.id}\``,
        ...at,
        suggestion: "remove it from the rating's blocks (helpers are computed in every rating)",
      });
    });
  }
}

function gradesOn({ sources, report }: CheckContext, ruleset: Ruleset) {
  const ids = new Set(allIndicators(ruleset).map((i) => i.id));
  for (const rating of ruleset.ratings) {
    if (rating.gradesOn === undefined) continue;
    const at = sources.value(rating, "grades_on") ?? rating.at;
    const unknown = !ids.has(rating.gradesOn);
    if (!unknown && rating.grades) continue;
    report({
      code: LevelCode.R222,
      severity: "error",
      message: unknown
        ? `rating \`${rating.id}\` decides its grades on \`${rating.gradesOn}\`, which is no indicator`
        : `rating \`${rating.id}\` decides its grades on \`${rating.gradesOn}\` but has no grades of its own`,
      ...at,
      suggestion: unknown ? "name an indicator (a helper block can hold it)" : "add the rating's `grades:`",
    });
  }
}
