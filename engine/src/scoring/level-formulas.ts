import { TimelessContext } from "../formula/timeless-context.js";
import { missing, type Value } from "../formula/value.js";
import { membersOf } from "../model/groups.js";
import type { Block, Group } from "../model/ruleset.js";
import { rangeOfLength } from "../source/range.js";
import type { CountedMember } from "./levels.js";
import type { RunnableFormula } from "./prepare.js";

/**
 * `aggregation: formula` (docs/rule-format.md, "A level's own formula"): a block's or group's score is its
 * formula over its members' scores, each read as score(x) (rules/environment.ts levelEnvironment: slot k is
 * the k-th member), clamped to 0..1. A member that does not count (left out) is missing, and so is the level.
 */
export type LevelFormula = (node: Block | Group, members: readonly CountedMember[]) => number | undefined;

/** The level formulas of a prepared ruleset, by level id; undefined for a level without one. */
export function levelFormula(compiled: ReadonlyMap<string, RunnableFormula>): LevelFormula {
  return (node, members) => {
    const formula = compiled.get(node.id);
    if (!formula) return undefined;
    const counted = new Map(members.map((m) => ["indicator" in m ? m.indicator.id : m.group.id, m.score]));
    const v = formula.run(new MemberScores(membersOf(node).map((m) => counted.get(m.id))), 0, 0);
    return typeof v === "number" && Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : undefined;
  };
}

/** The members' scores as the formula's inputs; no time, no peers (a level formula reads scores only). */
class MemberScores extends TimelessContext {
  constructor(private readonly scores: readonly (number | undefined)[]) {
    super();
  }

  get(slot: number): Value {
    const s = this.scores[slot];
    return s ?? missing({ kind: "domain", function: "score", range: rangeOfLength(0), detail: "left out" });
  }

  ytd(): Value {
    return missing({
      kind: "domain",
      function: "ytd",
      range: rangeOfLength(0),
      detail: "a score has no running total",
    });
  }
}
