import type { Expr } from "../formula/ast.js";
import { type Binding, type Environment, MapEnvironment, type Type } from "../formula/environment.js";
import { scoreName } from "../formula/parser.js";
import { allGroups, membersOf } from "../model/groups.js";
import type { Block, Group, Indicator, Ruleset } from "../model/ruleset.js";

/**
 * The formula environments of a ruleset and their slot layout.
 *
 * Slot layout (the same for every scope, so one EvalContext serves all formulas of a ruleset):
 *   0 .. F-1            fields, in the order the files declare them (include order, then file order)
 *   F .. F+I-1          indicators, in block order, then in their block's order
 *   F+I                 unit.kind
 *   F+I+1 .. F+I+A      unit attributes (unit.<name>), sorted by name
 *   F+I+A+1             `value`, the indicator's value in a score formula
 *   F+I+A+2 ..          `score(x)` for each indicator, then each group and block, that a formula of the
 *                       ruleset reads (docs/rule-format.md): a ruleset that reads no score has the layout
 *                       it always had
 * Slots are stable for a given ruleset: the scoring engine binds data to them once.
 *
 * Scopes:
 *   indicator  an indicator's formula and an achievement plan: fields, other indicators, unit.kind, unit.<attribute>
 *   score      a `method: formula` score: everything of `indicator`, plus `value`
 *   when       an `applies.when` condition: unit.kind and unit.<attribute> only
 */
export type FormulaScope = "indicator" | "score" | "when";

export interface SlotLayout {
  readonly fields: ReadonlyMap<string, number>;
  readonly indicators: ReadonlyMap<string, number>;
  /** By attribute name without `unit.` ("kind", "population"). */
  readonly attributes: ReadonlyMap<string, number>;
  readonly value: number;
  /** Number of slots. */
  readonly size: number;
}

const layouts = new WeakMap<Ruleset, { layout: SlotLayout; bindings: Binding[] }>();
const environments = new WeakMap<Ruleset, Map<FormulaScope, Environment>>();

export function slotLayout(ruleset: Ruleset): SlotLayout {
  return computed(ruleset).layout;
}

export function rulesetEnvironment(ruleset: Ruleset, scope: FormulaScope): Environment {
  let byScope = environments.get(ruleset);
  if (!byScope) {
    byScope = new Map();
    environments.set(ruleset, byScope);
  }
  const cached = byScope.get(scope);
  if (cached) return cached;
  const visible = computed(ruleset).bindings.filter((b) =>
    scope === "when" ? b.kind === "attribute" : scope === "indicator" ? b.kind !== "value" : true,
  );
  const env = new MapEnvironment(visible);
  byScope.set(scope, env);
  return env;
}

const levelEnvironments = new WeakMap<Block | Group, Environment>();

/**
 * The environment of a block's or group's `formula` (aggregation: formula): score(x) of each of its members,
 * slot k for the k-th member (membersOf order), and nothing else. Its context is the members' scores
 * (scoring/level-formulas.ts), not the ruleset's slot layout.
 */
export function levelEnvironment(node: Block | Group): Environment {
  let env = levelEnvironments.get(node);
  if (!env) {
    env = new MapEnvironment(
      membersOf(node).map((m, slot) => ({
        name: scoreName(m.id),
        type: "number" as const,
        slot,
        kind: "score" as const,
        description: m.name,
      })),
    );
    levelEnvironments.set(node, env);
  }
  return env;
}

/** The type an indicator's value has: yes/no for `yesno` scoring, a number for every other method. */
export function indicatorType(indicator: Indicator): Type {
  return indicator.score.method === "yesno" ? "boolean" : "number";
}

/** The type of unit attribute `name` over all units: the first type found (conflicts are a check's concern). */
export function attributeType(ruleset: Ruleset, name: string): Type {
  if (name === "kind") return "string";
  for (const unit of ruleset.units) {
    const v = unit.attributes[name];
    if (v !== undefined) return typeof v === "number" ? "number" : typeof v === "boolean" ? "boolean" : "string";
  }
  return "number";
}

function computed(ruleset: Ruleset): { layout: SlotLayout; bindings: Binding[] } {
  const cached = layouts.get(ruleset);
  if (cached) return cached;
  const bindings: Binding[] = [];
  const fields = new Map<string, number>();
  const indicators = new Map<string, number>();
  const attributes = new Map<string, number>();
  // Duplicate or invalid ids keep their first slot; the checks report them.
  for (const field of ruleset.fields) {
    if (field.id === "" || fields.has(field.id)) continue;
    fields.set(field.id, bindings.length);
    bindings.push({
      name: field.id,
      type: "number",
      slot: bindings.length,
      kind: "field",
      description: field.name,
      ...(field.measure ? { measure: field.measure } : {}),
    });
  }
  for (const block of ruleset.blocks) {
    for (const indicator of block.indicators) {
      if (indicator.id === "" || indicators.has(indicator.id) || fields.has(indicator.id)) continue;
      indicators.set(indicator.id, bindings.length);
      bindings.push({
        name: indicator.id,
        type: indicatorType(indicator),
        slot: bindings.length,
        kind: "indicator",
        description: indicator.name,
        ...(indicator.measure ? { measure: indicator.measure } : {}),
      });
    }
  }
  const names = new Set<string>();
  for (const unit of ruleset.units)
    for (const name of Object.keys(unit.attributes)) if (name !== "kind") names.add(name);
  for (const name of ["kind", ...[...names].sort()]) {
    attributes.set(name, bindings.length);
    bindings.push({
      name: `unit.${name}`,
      type: attributeType(ruleset, name),
      slot: bindings.length,
      kind: "attribute",
    });
  }
  const value = bindings.length;
  bindings.push({ name: "value", type: "number", slot: value, kind: "value" });
  scoreBindings(ruleset, indicators, bindings);
  const result = { layout: { fields, indicators, attributes, value, size: bindings.length }, bindings };
  layouts.set(ruleset, result);
  return result;
}

/**
 * `score(x)` for every indicator, group and block, after `value` (so the slots before are those of a ruleset
 * that never used it). An id that names both an indicator and a group or block is bound to neither: the
 * checker then reports `score(x)` as an unknown name instead of guessing.
 */
function scoreBindings(ruleset: Ruleset, indicators: ReadonlyMap<string, number>, bindings: Binding[]): void {
  const read = scoresRead(ruleset);
  if (read.size === 0) return;
  const levels = ruleset.blocks.flatMap((b) => [b, ...allGroups(b)]);
  const levelIds = new Set(levels.map((l) => l.id));
  const seen = new Set<string>();
  const bind = (id: string, description: Binding["description"]) => {
    if (id === "" || seen.has(id) || !read.has(scoreName(id)) || (indicators.has(id) && levelIds.has(id))) return;
    seen.add(id);
    bindings.push({
      name: scoreName(id),
      type: "number",
      slot: bindings.length,
      kind: "score",
      ...(description ? { description } : {}),
    });
  };
  for (const block of ruleset.blocks) for (const i of block.indicators) if (indicators.has(i.id)) bind(i.id, i.name);
  for (const level of levels) bind(level.id, level.name);
}

/** The `score(x)` names the formulas of the ruleset read (values, plans and score formulas). */
function scoresRead(ruleset: Ruleset): Set<string> {
  const names = new Set<string>();
  const add = (e: Expr | undefined) => {
    if (e) for (const name of scoresReadBy(e)) names.add(name);
  };
  for (const block of ruleset.blocks)
    for (const i of block.indicators) {
      add(i.formula.ast);
      if (i.score.method === "achievement") add(i.score.plan.ast);
      if (i.score.method === "formula") add(i.score.formula.ast);
    }
  return names;
}

/**
 * The `score(x)` names one formula reads, found once per AST: an editor's re-load after an edit keeps the ASTs
 * of unchanged files, so only the edited file's formulas are walked again (not 5,000 of them per edit).
 */
const scoreNames = new WeakMap<Expr, readonly string[]>();
const NO_NAMES: readonly string[] = [];

function scoresReadBy(ast: Expr): readonly string[] {
  const known = scoreNames.get(ast);
  if (known) return known;
  const names: string[] = [];
  const walk = (e: Expr): void => {
    if (e.kind === "identifier" && e.name.startsWith("score(")) names.push(e.name);
    else if (e.kind === "unary") walk(e.operand);
    else if (e.kind === "binary") {
      walk(e.left);
      walk(e.right);
    } else if (e.kind === "call") for (const a of e.args) walk(a);
  };
  walk(ast);
  const result = names.length === 0 ? NO_NAMES : names;
  scoreNames.set(ast, result);
  return result;
}
