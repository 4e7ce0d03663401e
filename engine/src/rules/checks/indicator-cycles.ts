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
    const graph = dependencies(ruleset, formulas, byId);
    for (const component of stronglyConnected(graph)) {
      const selfLoop =
        component.length === 1 && graph.edges[component[0] as number]?.some((e) => e.to === component[0]);
      if (component.length < 2 && !selfLoop) continue;
      const cycle = cycleThrough(component, graph).map((s) => ({
        from: graph.nodes[s.from] as Indicator,
        to: graph.nodes[s.to] as Indicator,
        range: s.range,
      }));
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
 * Which indicator reads which, by position in file order (numbers, not objects: the search below runs over
 * every indicator on every re-check, 5,000 of them in a large ruleset). Each node's edges in the order its
 * formulas read them, once per target, with where the first read is.
 */
interface Graph {
  readonly nodes: readonly Indicator[];
  readonly edges: readonly (readonly Edge[])[];
}

interface Edge {
  readonly to: number;
  readonly range: Range;
}

function dependencies(ruleset: Ruleset, formulas: readonly FormulaUse[], byId: ReadonlyMap<string, Indicator>): Graph {
  const nodes = [...byId.values()];
  const position = new Map(nodes.map((n, i) => [n, i]));
  const at = new Map([...byId].map(([id, n]) => [id, position.get(n) as number]));
  const scoreReads = scoreReadsOf(formulas);
  const scored = scoreReads.size > 0 ? scoreTargets(ruleset, position) : new Map<string, number[]>();
  const edges = nodes.map((indicator) => {
    const out: Edge[] = [];
    const add = (to: number | undefined, range: Range) => {
      if (to !== undefined && !out.some((e) => e.to === to)) out.push({ to, range });
    };
    for (const ref of inputsOf(indicator, formulas))
      if (ref.binding.kind === "indicator") add(at.get(ref.binding.name), ref.range);
    // score(x) depends on x, or on every indicator of the group or block x.
    for (const ref of scoreReads.get(indicator) ?? [])
      for (const to of scored.get(ref.binding.name) ?? []) add(to, ref.range);
    return out;
  });
  return { nodes, edges };
}

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

/**
 * What each `score(x)` depends on: the indicator x, or the indicators of the group or block x (positions). An
 * indicator that is no node (a second one with the same id) reads nothing here, so it closes no cycle: left out.
 */
function scoreTargets(ruleset: Ruleset, position: ReadonlyMap<Indicator, number>): Map<string, number[]> {
  const targets = new Map<string, number[]>();
  const positions = (list: readonly Indicator[]) => list.flatMap((i) => position.get(i) ?? []);
  for (const [indicator, n] of position) targets.set(scoreName(indicator.id), [n]);
  for (const block of ruleset.blocks) {
    targets.set(scoreName(block.id), positions(block.indicators));
    for (const group of allGroups(block)) targets.set(scoreName(group.id), positions(allGroupIndicators(group)));
  }
  return targets;
}

/** Tarjan's algorithm; components in discovery order of their first member, members in file order. */
function stronglyConnected({ nodes, edges }: Graph): number[][] {
  const index = new Int32Array(nodes.length).fill(-1);
  const low = new Int32Array(nodes.length);
  const onStack = new Uint8Array(nodes.length);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  const visit = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    for (const { to } of edges[v] ?? []) {
      if (index[to] === -1) {
        visit(to);
        low[v] = Math.min(low[v] as number, low[to] as number);
      } else if (onStack[to]) low[v] = Math.min(low[v] as number, index[to] as number);
    }
    if (low[v] !== index[v]) return;
    const component: number[] = [];
    let w: number | undefined;
    do {
      w = stack.pop();
      if (w !== undefined) {
        onStack[w] = 0;
        component.push(w);
      }
    } while (w !== undefined && w !== v);
    out.push(component.sort((a, b) => a - b));
  };
  for (let n = 0; n < nodes.length; n++) if (index[n] === -1) visit(n);
  return out.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

/** A cycle inside a strongly connected component, starting at its first member: the steps from -> to. */
function cycleThrough(component: readonly number[], { edges }: Graph): { from: number; to: number; range: Range }[] {
  const members = new Set(component);
  const start = component[0] as number;
  const path: { from: number; to: number; range: Range }[] = [];
  const seen = new Set<number>();
  const walk = (v: number): boolean => {
    seen.add(v);
    for (const e of edges[v] ?? []) {
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
