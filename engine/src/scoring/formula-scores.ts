import { isMissing, missing, type Value } from "../formula/value.js";
import { groupPolicy, groupsById } from "../model/groups.js";
import type { Block, Group, Indicator } from "../model/ruleset.js";
import { rangeOfLength } from "../source/range.js";
import type { Evaluator } from "./evaluator.js";
import { levelOf } from "./levels.js";
import * as methods from "./methods.js";
import { scoreValue } from "./round.js";

/**
 * `score(x)` in formulas (docs/rule-format.md, "Scores in formulas"): the score on 0..1 of an indicator,
 * group or block for a unit and period, computed on demand as the rating computes it. An indicator's is its
 * method's result, 0 when its value is missing under the `zero` policy, and missing when it is left out
 * (excluded, not applicable); a group's or block's is the aggregate of its members' scores through the
 * levels. Each score is computed once per unit and period.
 */
export class FormulaScores {
  private readonly memo = new Map<string, Value>();
  private readonly stats = new Map<string, methods.PeerStats>();
  private readonly levels: ReadonlyMap<string, Block | Group>;
  /** Scores being computed: a score formula that reads its own score gets a missing value, not a loop. */
  private readonly computing = new Set<string>();

  constructor(private readonly evaluator: Evaluator) {
    const { ruleset } = evaluator.prepared;
    this.levels = new Map<string, Block | Group>([
      ...ruleset.blocks.map((b): [string, Block] => [b.id, b]),
      ...groupsById(ruleset),
    ]);
  }

  /** The score of indicator `index`, or (index -1) of the group or block `id`. */
  score(index: number, id: string, unit: number, period: number): Value {
    const key = `${index}:${id}:${unit}:${period}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    if (this.computing.has(key)) return this.cycle(id);
    this.computing.add(key);
    const value = index >= 0 ? this.indicatorScore(index, unit, period) : this.levelScore(id, unit, period);
    this.computing.delete(key);
    this.memo.set(key, value);
    return value;
  }

  private indicatorScore(index: number, unit: number, period: number): Value {
    const e = this.evaluator;
    const p = e.indicator(index);
    const value = e.indicatorValue(index, unit, period);
    if (isMissing(value) && value.reason.kind === "not-applicable") return value;
    const plan = p.plan && !isMissing(value) ? e.run(index, p.plan, unit, period) : undefined;
    const scored = scoreValue(e, p, value, plan, this.peerStats(index, period), unit, period);
    if (typeof scored === "number") return scored;
    const policy =
      p.indicator.missing ?? groupPolicy(p.block, p.indicator) ?? p.block.missing ?? e.prepared.ruleset.missing;
    if (policy === "zero" && !("missing" in scored && scored.reason.kind === "not-applicable")) return 0;
    if ("missing" in scored) return scored;
    return missing({ kind: "domain", function: "score", range: rangeOfLength(0), detail: scored.unscored });
  }

  private levelScore(id: string, unit: number, period: number): Value {
    const level = this.levels.get(id);
    if (!level) return missing({ kind: "domain", function: "score", range: rangeOfLength(0), detail: `no ${id}` });
    const { indicatorIndex, levelFormula } = this.evaluator.prepared;
    const scoreOf = (indicator: Indicator) => {
      const s = this.score(indicatorIndex.get(indicator.id) ?? -1, indicator.id, unit, period);
      return typeof s === "number" ? s : undefined;
    };
    const result = levelOf(level, scoreOf, levelFormula);
    return (
      result.score ??
      missing({
        kind: "domain",
        function: "score",
        range: rangeOfLength(0),
        detail: `every indicator of ${id} is excluded or not applicable`,
      })
    );
  }

  /** The peers' statistics of a cross-unit method's indicator in the period, as its round computes them. */
  private peerStats(index: number, period: number): methods.PeerStats | undefined {
    const method = this.evaluator.indicator(index).indicator.score.method;
    if (method !== "minmax" && method !== "zscore" && method !== "rank") return undefined;
    const key = `${index}:${period}`;
    let stats = this.stats.get(key);
    if (!stats) {
      const numbers: number[] = [];
      for (const u of this.evaluator.peers(index)) {
        const v = this.evaluator.indicatorValue(index, u, period);
        if (typeof v === "number") numbers.push(v);
      }
      stats = methods.peerStats(numbers);
      this.stats.set(key, stats);
    }
    return stats;
  }

  private cycle(id: string): Value {
    return missing({
      kind: "domain",
      function: "score",
      range: rangeOfLength(0),
      detail: `${id} depends on its own score`,
    });
  }
}
