import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { EvalContext } from "../formula/context.js";
import type { Environment } from "../formula/environment.js";
import type { Value } from "../formula/value.js";
import { allGroups, groupPath } from "../model/groups.js";
import type { Block, FormulaSource, Group, Indicator, Ruleset } from "../model/ruleset.js";
import { levelEnvironment } from "../rules/environment.js";
import { ScoringCode } from "./codes.js";
import { type LevelFormula, levelFormula } from "./level-formulas.js";

/**
 * A ruleset made ready to rate: every formula compiled once, with the table that tells the evaluation
 * context what each slot of a compiled formula stands for (a field, another indicator, a unit attribute or
 * the score formula's `value`). The slot layout is the environment's (rulesetEnvironment); we read it from
 * the bindings, so we never assume one.
 */
/** What the engine needs of a compiled formula (compile/compiler.ts's CompiledFormula has it). */
export interface RunnableFormula {
  run(ctx: EvalContext, unit: number, period: number): Value;
}

/** Which formula of an indicator: its value, the achievement plan, the score formula, or `applies.when`. */
export type FormulaRole = "value" | "plan" | "score" | "applies";

/** How formulas are compiled: by default the project's compiler; tests may pass another. */
export interface FormulaCompiler {
  environment(ruleset: Ruleset, role: FormulaRole, indicator: Indicator): Environment;
  compile(source: FormulaSource, env: Environment): RunnableFormula | undefined;
}

export type SlotKind = "field" | "indicator" | "attribute" | "value" | "score";

/**
 * What each slot number stands for; `target` is the field's or indicator's index (for `score(x)`, the
 * indicator's, or -1 for a group or block), `name` the attribute's (for `score(x)`, x).
 */
export interface SlotTable {
  readonly kinds: readonly (SlotKind | undefined)[];
  readonly targets: readonly number[];
  readonly names: readonly string[];
}

export interface PreparedFormula {
  readonly source: FormulaSource;
  readonly compiled: RunnableFormula;
  readonly slots: SlotTable;
}

export interface PreparedIndicator {
  readonly indicator: Indicator;
  /** Index among all indicators of the ruleset, in block order. */
  readonly index: number;
  readonly block: Block;
  readonly value: PreparedFormula;
  readonly plan?: PreparedFormula;
  readonly score?: PreparedFormula;
  readonly when?: PreparedFormula;
  /** The `applies.when` of the indicator's groups that have one, outermost first. */
  readonly groupWhen?: readonly { readonly group: Group; readonly formula: PreparedFormula }[];
}

export interface PreparedRuleset {
  readonly ruleset: Ruleset;
  readonly indicators: readonly PreparedIndicator[];
  readonly indicatorIndex: ReadonlyMap<string, number>;
  readonly fieldIndex: ReadonlyMap<string, number>;
  /** The blocks' and groups' `aggregation: formula` (absent: the ruleset has none). */
  readonly levelFormula?: LevelFormula;
}

export function prepareRuleset(
  ruleset: Ruleset,
  compiler: FormulaCompiler,
): { prepared?: PreparedRuleset; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fieldIndex = new Map(ruleset.fields.map((f, i) => [f.id, i]));
  const all = ruleset.blocks.flatMap((block) => block.indicators.map((indicator) => ({ block, indicator })));
  const indicatorIndex = new Map(all.map((x, i) => [x.indicator.id, i]));
  const tables = new WeakMap<Environment, SlotTable>();
  const prepareFormula = (indicator: Indicator, role: FormulaRole, source: FormulaSource) => {
    const env = compiler.environment(ruleset, role, indicator);
    let compiled: RunnableFormula | undefined;
    try {
      compiled = source.ast ? compiler.compile(source, env) : undefined;
    } catch {
      compiled = undefined;
    }
    if (!compiled) {
      diagnostics.push({
        code: ScoringCode.S205,
        severity: "error",
        message: `the ${role === "value" ? "" : `${role} `}formula of ${indicator.id} cannot be evaluated`,
        file: source.at.file,
        range: source.at.range,
        suggestion: "run `tarazy validate` on the ruleset and fix the errors it reports",
      });
      return undefined;
    }
    let slots = tables.get(env);
    if (!slots) {
      slots = slotTable(env, fieldIndex, indicatorIndex);
      tables.set(env, slots);
    }
    return { source, compiled, slots };
  };
  const indicators: PreparedIndicator[] = [];
  all.forEach(({ block, indicator }, index) => {
    const value = prepareFormula(indicator, "value", indicator.formula);
    const method = indicator.score;
    const plan = method.method === "achievement" ? prepareFormula(indicator, "plan", method.plan) : undefined;
    const score = method.method === "formula" ? prepareFormula(indicator, "score", method.formula) : undefined;
    const when = indicator.applies?.when ? prepareFormula(indicator, "applies", indicator.applies.when) : undefined;
    const groupWhen = groupPath(block, indicator.group).flatMap((group) => {
      const formula = group.applies?.when ? prepareFormula(indicator, "applies", group.applies.when) : undefined;
      return formula ? [{ group, formula }] : [];
    });
    if (!value) return;
    indicators.push({
      indicator,
      index,
      block,
      value,
      ...(plan ? { plan } : {}),
      ...(score ? { score } : {}),
      ...(when ? { when } : {}),
      ...(groupWhen.length > 0 ? { groupWhen } : {}),
    });
  });
  const levels = prepareLevelFormulas(ruleset, compiler, diagnostics);
  if (diagnostics.length > 0) return { diagnostics };
  const levelFormulas = levels.size > 0 ? { levelFormula: levelFormula(levels) } : {};
  return { prepared: { ruleset, indicators, indicatorIndex, fieldIndex, ...levelFormulas }, diagnostics };
}

/** Each block's and group's `aggregation: formula`, compiled over its members' scores, by level id. */
function prepareLevelFormulas(
  ruleset: Ruleset,
  compiler: FormulaCompiler,
  diagnostics: Diagnostic[],
): Map<string, RunnableFormula> {
  const compiled = new Map<string, RunnableFormula>();
  for (const level of ruleset.blocks.flatMap((b) => [b, ...allGroups(b)])) {
    if (level.aggregation !== "formula") continue;
    let formula: RunnableFormula | undefined;
    try {
      formula = level.formula?.ast ? compiler.compile(level.formula, levelEnvironment(level)) : undefined;
    } catch {
      formula = undefined;
    }
    if (formula) compiled.set(level.id, formula);
    else
      diagnostics.push({
        code: ScoringCode.S205,
        severity: "error",
        message: `the formula of ${level.id} (aggregation: formula) cannot be evaluated`,
        file: (level.formula ?? level).at.file,
        range: (level.formula ?? level).at.range,
        suggestion: "run `tarazy validate` on the ruleset and fix the errors it reports",
      });
  }
  return compiled;
}

function slotTable(
  env: Environment,
  fieldIndex: ReadonlyMap<string, number>,
  indicatorIndex: ReadonlyMap<string, number>,
): SlotTable {
  const kinds: (SlotKind | undefined)[] = [];
  const targets: number[] = [];
  const names: string[] = [];
  for (const b of env.bindings()) {
    kinds[b.slot] = b.kind;
    const name =
      b.kind === "attribute" ? b.name.replace(/^unit\./, "") : b.kind === "score" ? b.name.slice(6, -1) : b.name;
    names[b.slot] = name;
    targets[b.slot] =
      b.kind === "field"
        ? (fieldIndex.get(name) ?? -1)
        : b.kind === "indicator" || b.kind === "score"
          ? (indicatorIndex.get(name) ?? -1)
          : -1;
  }
  return { kinds, targets, names };
}
