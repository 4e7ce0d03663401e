import { defineCodes } from "../../diagnostics/catalog.js";
import { allGroups } from "../../model/groups.js";
import type { Located } from "../../model/ruleset.js";
import type { CheckContext, RuleCheck } from "./check.js";
import { allIndicators, article } from "./check.js";

export const DuplicateIdCode = defineCodes({
  R201: {
    severity: "error",
    title: "Id defined twice",
    description:
      "Ids are unique across all files of a ruleset version: fields and indicators share one set of names (formulas read both), and units, blocks (with the groups inside them), ratings and grades each have their own.",
    example: "an indicator `own_revenue` in blocks/03-revenue.yaml and a field `own_revenue` in fields.yaml",
    fix: "Rename one of the two (and the formulas that use it), or remove the copy.",
  },
  R202: {
    severity: "error",
    title: "Unit spelling used twice",
    description:
      "A unit's id or alias is also the id or alias of another unit, so a data row naming it could belong to either.",
    example: "aliases: [Арыс] on two units",
    fix: "Keep the spelling on the unit it belongs to.",
  },
});

interface Named {
  readonly id: string;
  readonly what: string;
  readonly at: Located | undefined;
}

/** Duplicate ids, with the first definition as related location. */
export const duplicateIds: RuleCheck = {
  name: "duplicate-ids",
  run(context) {
    const { ruleset, sources } = context;
    const names: Named[] = [
      ...ruleset.fields.map((f) => ({ id: f.id, what: "field", at: f.at })),
      ...allIndicators(ruleset).map((i) => ({ id: i.id, what: "indicator", at: i.at })),
    ];
    reportDuplicates(context, names);
    reportDuplicates(
      context,
      ruleset.units.map((u) => ({ id: u.id, what: "unit", at: u.at })),
    );
    reportDuplicates(context, [
      ...ruleset.blocks.map((b) => ({ id: b.id, what: "block", at: sources.value(b, "block") })),
      // Groups share the blocks' names: a rule test, score() and the reports name either by id.
      ...ruleset.blocks.flatMap(allGroups).map((g) => ({ id: g.id, what: "group", at: sources.value(g, "id") })),
    ]);
    reportDuplicates(
      context,
      ruleset.ratings.map((r) => ({ id: r.id, what: "rating", at: r.at })),
    );
    reportDuplicates(
      context,
      ruleset.grades.map((g) => ({ id: g.id, what: "grade", at: sources.value(g, "id") })),
    );
    unitSpellings(context);
  },
};

function reportDuplicates(context: CheckContext, items: readonly Named[]): void {
  const first = new Map<string, Named>();
  for (const item of items) {
    if (item.id === "" || !item.at) continue;
    const earlier = first.get(item.id);
    if (!earlier) {
      first.set(item.id, item);
      continue;
    }
    const same = earlier.what === item.what;
    context.report({
      code: DuplicateIdCode.R201,
      severity: "error",
      message: same
        ? `${item.what} \`${item.id}\` is defined twice`
        : `\`${item.id}\` is defined twice: as ${article(earlier.what)} and as ${article(item.what)}; formulas could not tell them apart`,
      file: item.at.file,
      range: item.at.range,
      related: earlier.at ? [{ message: `first defined here as ${article(earlier.what)}`, ...earlier.at }] : [],
      suggestion: `rename one of them`,
    });
  }
}

function unitSpellings(context: CheckContext): void {
  // Ids first (their repeats are R201), then aliases: an alias that another unit already answers to.
  const owner = new Map<string, { unit: string; at: Located }>();
  for (const unit of context.ruleset.units)
    if (unit.id !== "" && !owner.has(unit.id.toLowerCase()))
      owner.set(unit.id.toLowerCase(), { unit: unit.id, at: unit.at });
  for (const unit of context.ruleset.units) {
    if (unit.id === "") continue;
    for (const [i, alias] of unit.aliases.entries()) {
      const key = alias.toLowerCase();
      const at = context.sources.value(unit, `aliases/${i}`) ?? unit.at;
      const earlier = owner.get(key);
      if (!earlier) {
        owner.set(key, { unit: unit.id, at });
        continue;
      }
      if (earlier.unit === unit.id) continue;
      context.report({
        code: DuplicateIdCode.R202,
        severity: "error",
        message: `\`${alias}\` names both unit \`${earlier.unit}\` and unit \`${unit.id}\`; data rows naming it would be ambiguous`,
        file: at.file,
        range: at.range,
        related: [{ message: `\`${earlier.unit}\` answers to it here`, ...earlier.at }],
        suggestion: "keep the spelling on the unit it belongs to",
      });
    }
  }
}
