import { CheckCodes } from "../../check/codes.js";
import { defineCodes } from "../../diagnostics/catalog.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { scoreName } from "../../formula/parser.js";
import { allGroups, membersOf } from "../../model/groups.js";
import type { Block, Group, Ruleset } from "../../model/ruleset.js";
import { checkFormulaCached } from "../check-cache.js";
import { levelEnvironment } from "../environment.js";
import type { RulesetSources } from "../sources.js";
import type { RuleCheck } from "./check.js";

export const LevelFormulaCode = defineCodes({
  R285: {
    severity: "error",
    title: "Formula and aggregation disagree",
    description:
      "A block or group with `aggregation: formula` computes its score with its `formula` over its members' scores, so it needs one; a `formula` with any other aggregation would be ignored.",
    example: "aggregation: formula without formula; formula: score(a) / score(b) with aggregation: geometric",
    fix: "Give the level its `formula`, or remove the formula (or write `aggregation: formula`).",
  },
  R286: {
    severity: "error",
    title: "A level's formula reads something other than its members' scores",
    description:
      "The formula of a block or group (`aggregation: formula`) reads its own members' scores, each written score(x): not a value (a bare name), not another level's or indicator's score, and it gives a number (the level's score, clamped to 0..1). Read another level through a member: an indicator whose formula is score(other).",
    example: "formula: 1 - harm / score(reference)   # harm is a member: write score(harm)",
    fix: "Write score(x) for a member x of this level, or make the level you need a member of it.",
  },
});

/** `aggregation: formula` has its formula, which reads only its members' scores and gives a number. */
export const levelFormulas: RuleCheck = {
  name: "level-formulas",
  run({ ruleset, sources, report }) {
    for (const level of ruleset.blocks.flatMap((b) => [b, ...allGroups(b)])) {
      const what = `${"block" in level ? "group" : "block"} \`${level.id}\``;
      if ((level.aggregation === "formula") !== (level.formula !== undefined)) {
        const at = sources.value(level, level.formula ? "formula" : "aggregation") ?? level.at;
        report({
          code: LevelFormulaCode.R285,
          severity: "error",
          message: level.formula
            ? `${what} has a formula, but its aggregation is ${level.aggregation}, so the formula would be ignored`
            : `${what} has \`aggregation: formula\` but no \`formula\``,
          ...at,
          suggestion: level.formula
            ? "write `aggregation: formula`, or remove the formula"
            : `add \`formula:\` over its members' scores, e.g. ${membersOf(level)
                .slice(0, 2)
                .map((m) => scoreName(m.id))
                .join(" / ")}`,
        });
        continue;
      }
      if (level.aggregation === "formula" && level.formula?.ast) {
        const result = checkFormulaCached(level.formula.ast, levelEnvironment(level), level.formula.at.file);
        for (const d of result.diagnostics) report(memberOnly(d, level, what, ruleset, sources));
        if (result.type && result.type !== "number" && result.diagnostics.length === 0)
          report({
            code: LevelFormulaCode.R286,
            severity: "error",
            message: `the formula of ${what} gives ${result.type === "boolean" ? "yes/no" : "text"}, but a level's score is a number`,
            ...level.formula.at,
            suggestion: "write a number from 0 to 1 over the members' scores, e.g. score(a) / score(b)",
          });
      }
    }
  },
};

/** An unknown name in a level's formula: say what it is and which names the level can read. */
function memberOnly(
  d: Diagnostic,
  level: Block | Group,
  what: string,
  ruleset: Ruleset,
  sources: RulesetSources,
): Diagnostic {
  const file = d.file ?? level.formula?.at.file ?? level.at.file;
  if (d.code !== CheckCodes.F200) return { ...d, file };
  const text = sources.documentOf(level)?.text.slice(d.range.start.offset, d.range.end.offset) ?? "";
  const members = membersOf(level).map((m) => scoreName(m.id));
  const bare = members.includes(scoreName(text));
  const id = /^score\((.*)\)$/.exec(text)?.[1];
  const elsewhere = id !== undefined && knownIds(ruleset).has(id);
  if (!bare && !elsewhere) return { ...d, file };
  return {
    code: LevelFormulaCode.R286,
    severity: "error",
    file,
    range: d.range,
    message: bare
      ? `\`${text}\` would be a value; the formula of ${what} reads its members' scores: write ${scoreName(text)}`
      : `\`${id}\` is not a member of ${what}, whose formula reads only its members' scores (${members.join(", ")})`,
    suggestion: bare ? `write ${scoreName(text)}` : `read one of ${members.join(", ")}, or make \`${id}\` a member`,
  };
}

function knownIds(ruleset: Ruleset): Set<string> {
  return new Set(
    ruleset.blocks.flatMap((b) => [b.id, ...allGroups(b).map((g) => g.id), ...b.indicators.map((i) => i.id)]),
  );
}
