import { defineCodes } from "../../diagnostics/catalog.js";
import type { RelatedLocation } from "../../diagnostics/diagnostic.js";
import { allGroups, groupPath } from "../../model/groups.js";
import type { Frequency, Group, Indicator } from "../../model/ruleset.js";
import { FREQUENCY_ORDER, inputsOf } from "../link.js";
import { allIndicators, type CheckContext, type RuleCheck } from "./check.js";

export const FrequencyCode = defineCodes({
  R260: {
    severity: "error",
    title: "Indicator more frequent than its inputs",
    description:
      "An indicator's `frequency` says how often it can be rated; it cannot be more frequent than the data it reads. A monthly indicator cannot read a field reported quarterly or yearly.",
    example: "frequency: month with formula: households_connected / households   # households is reported yearly",
    fix: "Make the indicator as infrequent as its least frequent input (e.g. frequency: year), or read monthly data.",
  },
  R261: {
    severity: "error",
    title: "Rating more frequent than its indicators",
    description:
      "A rating published every month includes a block with an indicator that can only be computed every quarter or year, so in most months it would have no value.",
    example: "ratings: [{ id: economy, frequency: month, blocks: [economy] }] with a quarterly indicator in economy",
    fix: "Publish the rating less often, move the indicator to another block, or make it computable monthly.",
  },
  R262: {
    severity: "error",
    title: "Indicator or group more frequent than its group",
    description:
      "A group's `frequency` is the most frequent period its members can be rated in; an indicator or inner group inside it that says it is rated more often contradicts it. Indicators without their own `frequency` take the group's.",
    example: "a group with frequency: year holding an indicator with frequency: quarter",
    fix: "Remove the member's `frequency` (it then takes the group's), or make the group as frequent as the member.",
  },
});

const ADVERB: Record<Frequency, string> = { month: "monthly", quarter: "quarterly", year: "yearly" };

/** An indicator is no more frequent than its inputs; a rating no more frequent than its indicators. */
export const frequencies: RuleCheck = {
  name: "frequencies",
  run(context) {
    const { ruleset, formulas, sources, report } = context;
    const fields = new Map(ruleset.fields.map((f) => [f.id, f] as const));
    const indicators = new Map(allIndicators(ruleset).map((i) => [i.id, i] as const));
    for (const indicator of allIndicators(ruleset)) {
      if (!sources.has(indicator, "frequency") || sources.isBroken(indicator, "frequency")) continue;
      const mine = FREQUENCY_ORDER[indicator.frequency];
      const reported = new Set<string>();
      for (const ref of inputsOf(indicator, formulas)) {
        const input = ref.binding.kind === "field" ? fields.get(ref.binding.name) : indicators.get(ref.binding.name);
        if (!input || reported.has(ref.binding.name) || FREQUENCY_ORDER[input.frequency] <= mine) continue;
        reported.add(ref.binding.name);
        const what = ref.binding.kind === "field" ? "reported" : "computed";
        const related: RelatedLocation[] = [];
        const frequencyAt = sources.value(indicator, "frequency");
        if (frequencyAt) related.push({ message: "the indicator's frequency", ...frequencyAt });
        const inputAt = sources.value(input, "frequency");
        if (inputAt) related.push({ message: `\`${input.id}\`'s frequency`, ...inputAt });
        report({
          code: FrequencyCode.R260,
          severity: "error",
          message: `indicator \`${indicator.id}\` is ${ADVERB[indicator.frequency]}, but \`${ref.binding.name}\` is ${what} ${ADVERB[input.frequency]}`,
          file: indicator.formula.at.file,
          range: ref.range,
          related,
          suggestion: `set \`frequency: ${input.frequency}\` on the indicator, or read data reported ${ADVERB[indicator.frequency]}`,
        });
      }
    }
    groupFrequencies(context);
    ratingFrequencies(context);
  },
};

/** No indicator or inner group says it is rated more often than a group holding it (R262). */
function groupFrequencies({ ruleset, sources, report }: CheckContext): void {
  for (const block of ruleset.blocks) {
    const members: { what: string; member: Indicator | Group; path: readonly Group[] }[] = [
      ...allGroups(block).map((g) => ({ what: "group", member: g, path: groupPath(block, g.id).slice(0, -1) })),
      ...block.indicators.map((i) => ({ what: "indicator", member: i, path: groupPath(block, i.group) })),
    ];
    for (const { what, member, path } of members) {
      const at = sources.value(member, "frequency");
      if (!member.frequency || !at || sources.isBroken(member, "frequency")) continue;
      const outer = path.find(
        (g) => g.frequency && FREQUENCY_ORDER[g.frequency] > FREQUENCY_ORDER[member.frequency as Frequency],
      );
      if (!outer?.frequency) continue;
      const outerAt = sources.value(outer, "frequency");
      report({
        code: FrequencyCode.R262,
        severity: "error",
        message: `${what} \`${member.id}\` is ${ADVERB[member.frequency]}, but its group \`${outer.id}\` is rated ${ADVERB[outer.frequency]}`,
        ...at,
        related: outerAt ? [{ message: `\`${outer.id}\`'s frequency`, ...outerAt }] : [],
        suggestion: `remove \`frequency\` from the ${what} (it then takes \`${outer.frequency}\`), or set \`frequency: ${member.frequency}\` on \`${outer.id}\``,
      });
    }
  }
}

function ratingFrequencies({ ruleset, sources, report }: CheckContext): void {
  const blocks = new Map(ruleset.blocks.map((b) => [b.id, b] as const));
  for (const rating of ruleset.ratings) {
    const at = sources.value(rating, "frequency");
    if (!at || sources.isBroken(rating, "frequency")) continue;
    const slow: Indicator[] = [];
    for (const id of new Set(rating.blocks))
      for (const indicator of blocks.get(id)?.indicators ?? [])
        if (FREQUENCY_ORDER[indicator.frequency] > FREQUENCY_ORDER[rating.frequency]) slow.push(indicator);
    const [first] = slow;
    if (!first) continue;
    const slowest = slow.reduce((a, b) => (FREQUENCY_ORDER[b.frequency] > FREQUENCY_ORDER[a.frequency] ? b : a));
    const names = slow.map((i) => `\`${i.id}\``).join(", ");
    const blockNames = [...new Set(slow.map((i) => `\`${i.block}\``))].join(", ");
    report({
      code: FrequencyCode.R261,
      severity: "error",
      message: `rating \`${rating.id}\` is ${ADVERB[rating.frequency]}, but ${slow.length === 1 ? `indicator ${names} (block ${blockNames}) is` : `indicators ${names} (block ${blockNames}) are`} computed only ${ADVERB[slowest.frequency]}`,
      ...at,
      related: slow.map((i) => ({
        message: `\`${i.id}\` is ${ADVERB[i.frequency]}`,
        ...(sources.value(i, "frequency") ?? i.at),
      })),
      suggestion: `publish the rating ${ADVERB[slowest.frequency]}, or leave block ${blockNames} out of it`,
    });
  }
}
