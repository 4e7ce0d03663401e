import type { FormulaReference } from "../../check/checker.js";
import { defineCodes } from "../../diagnostics/catalog.js";
import { scoreName } from "../../formula/parser.js";
import { allIndicators as allGroupIndicators, allGroups } from "../../model/groups.js";
import type { Indicator, Ruleset } from "../../model/ruleset.js";
import type { Range } from "../../source/range.js";
import { type FormulaUse, inputsOf } from "../link.js";
import { allIndicators, type RuleCheck } from "./check.js";

export const CycleCode = defineCodes({
  R220: {
    severity: "error",
    title: "Indicators depend on each other in a cycle",
    description:
      "An indicator's formula reads another indicator (its value, or its score with score(x), or the score of a group or block holding it), which (directly or through others) reads the first, so none of them can be computed.",
    example: "a: formula: b * 2\nb: formula: a / 2",
    fix: "Break the cycle: compute one of the indicators from fields only.",
  },
});

/** Cycles between indicators, each reported once, naming every member in order with where it reads the next. */
export const indicatorCycles: RuleCheck = {
  name: "indicator-cycles",
  run({ ruleset, formulas, report }) {
    const byId = new Map<string, Indicator>();
    for (const i of allIndicators(ruleset)) if (i.id !== "" && !byId.has(i.id)) byId.set(i.id, i);
    const edges = new Map<Indicator, { to: Indicator; range: Range }[]>();
    const scored = scoreTargets(ruleset, byId);
    const scoreReads = scoreReadsOf(formulas);
    for (const indicator of byId.values()) {
      const out: { to: Indicator; range: Range }[] = [];
      const add = (to: Indicator | undefined, range: Range) => {
        if (to && !out.some((e) => e.to === to)) out.push({ to, range });
      };
      for (const ref of inputsOf(indicator, formulas))
        if (ref.binding.kind === "indicator") add(byId.get(ref.binding.name), ref.range);
      // score(x) depends on x, or on every indicator of the group or block x.
      for (const ref of scoreReads.get(indicator) ?? [])
        for (const to of scored.get(ref.binding.name) ?? []) add(to, ref.range);
      edges.set(indicator, out);
    }
    for (const component of stronglyConnected([...byId.values()], edges)) {
      const selfLoop =
        component.length === 1 && edges.get(component[0] as Indicator)?.some((e) => e.to === component[0]);
      if (component.length < 2 && !selfLoop) continue;
      const cycle = cycleThrough(component, edges);
      const [head] = cycle;
      if (!head) continue;
      const names = [...cycle.map((s) => s.from.id), head.from.id].map((id) => `\`${id}\``).join(" -> ");
      report({
        code: CycleCode.R220,
        severity: "error",
        message:
          cycle.length === 1
            ? `indicator \`${head.from.id}\` reads its own value`
            : `indicators depend on each other in a cycle: ${names}`,
        file: head.from.at.file,
        range: head.range,
        related: cycle.slice(1).map((s) => ({
          message: `\`${s.from.id}\` reads \`${s.to.id}\` here`,
          file: s.from.formula.at.file,
          range: s.range,
        })),
        suggestion: "compute one of these indicators from fields only",
      });
    }
  },
};

/**
 * The `score(x)` references of each indicator's formulas, in formula order: gathered in one pass (scanning
 * every formula for every indicator was quadratic, a third of a second per check of 5,000 indicators).
 */
function scoreReadsOf(formulas: readonly FormulaUse[]): Map<Indicator, FormulaReference[]> {
  const reads = new Map<Indicator, FormulaReference[]>();
  for (const f of formulas)
    for (const ref of f.references)
      if (ref.binding.kind === "score") {
        const list = reads.get(f.indicator) ?? [];
        list.push(ref);
        reads.set(f.indicator, list);
      }
  return reads;
}

/** What each `score(x)` depends on: the indicator x, or the indicators of the group or block x. */
function scoreTargets(ruleset: Ruleset, byId: ReadonlyMap<string, Indicator>): Map<string, Indicator[]> {
  const targets = new Map<string, Indicator[]>();
  for (const [id, indicator] of byId) targets.set(scoreName(id), [indicator]);
  for (const block of ruleset.blocks) {
    targets.set(scoreName(block.id), [...block.indicators]);
    for (const group of allGroups(block)) targets.set(scoreName(group.id), allGroupIndicators(group));
  }
  return targets;
}

type Edges = Map<Indicator, { to: Indicator; range: Range }[]>;

/** Tarjan's algorithm; components in discovery order, members in file order. */
function stronglyConnected(nodes: readonly Indicator[], edges: Edges): Indicator[][] {
  const index = new Map<Indicator, number>();
  const low = new Map<Indicator, number>();
  const stack: Indicator[] = [];
  const onStack = new Set<Indicator>();
  const out: Indicator[][] = [];
  // Positions looked up in a map: nodes.indexOf in the sorts below made the search quadratic (5,000 indicators).
  const position = new Map(nodes.map((n, i) => [n, i]));
  const at = (n: Indicator | undefined) => (n ? (position.get(n) ?? 0) : 0);
  let counter = 0;
  const visit = (v: Indicator) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const { to } of edges.get(v) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v) ?? 0, index.get(to) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: Indicator[] = [];
      let w: Indicator | undefined;
      do {
        w = stack.pop();
        if (w) {
          onStack.delete(w);
          component.push(w);
        }
      } while (w && w !== v);
      out.push(component.sort((a, b) => at(a) - at(b)));
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return out.sort((a, b) => at(a[0]) - at(b[0]));
}

/** A cycle inside a strongly connected component, starting at its first member: the steps from -> to. */
function cycleThrough(
  component: readonly Indicator[],
  edges: Edges,
): { from: Indicator; to: Indicator; range: Range }[] {
  const members = new Set(component);
  const start = component[0] as Indicator;
  const path: { from: Indicator; to: Indicator; range: Range }[] = [];
  const seen = new Set<Indicator>();
  const walk = (v: Indicator): boolean => {
    seen.add(v);
    for (const e of edges.get(v) ?? []) {
      if (!members.has(e.to)) continue;
      path.push({ from: v, to: e.to, range: e.range });
      if (e.to === start || (!seen.has(e.to) && walk(e.to))) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return path;
}
