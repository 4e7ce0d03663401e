import type { Block, Group, Indicator } from "../model/ruleset.js";
import type { LevelFormula } from "./level-formulas.js";
import { weightedMean } from "./means.js";

/**
 * The levels of a block (docs/rule-format.md, "Groups"): a block's or group's members are its groups, then
 * its own indicators; each level's score (0..1) is the weighted mean its `aggregation` says of the scores of
 * the members that count, the weights renormalised over them. A group with nothing that counts is left out
 * of its parent, as an excluded indicator is.
 */

/** An indicator's score for the unit, or undefined when it does not count (excluded, not applicable). */
export type ScoreOf = (indicator: Indicator) => number | undefined;

/** One level for one unit: its score (undefined: left out) and its members that count. */
export interface LevelResult {
  readonly score: number | undefined;
  readonly members: readonly CountedMember[];
}

/** A member that counts: an indicator (with its score) or a group (with its level). */
export type CountedMember =
  | { readonly indicator: Indicator; readonly weight: number; readonly score: number }
  | { readonly group: Group; readonly weight: number; readonly score: number; readonly level: LevelResult };

/**
 * The score of a block or group for one unit, and the members that made it. `formula` runs the levels with
 * `aggregation: formula`; without it (nominal shares) such a level counts as an arithmetic mean.
 */
export function levelOf(node: Block | Group, scoreOf: ScoreOf, formula?: LevelFormula): LevelResult {
  const members: CountedMember[] = [];
  for (const group of node.groups ?? []) {
    const level = levelOf(group, scoreOf, formula);
    if (level.score !== undefined) members.push({ group, weight: group.weight, score: level.score, level });
  }
  const own = "block" in node ? node.indicators : node.indicators.filter((i) => i.group === undefined);
  for (const indicator of own) {
    const score = scoreOf(indicator);
    if (score !== undefined) members.push({ indicator, weight: indicator.weight, score });
  }
  const score =
    node.aggregation === "formula" && formula
      ? formula(node, members)
      : weightedMean(
          node.aggregation,
          members.map((m) => m.score),
          members.map((m) => m.weight),
          node.exponent,
        );
  return { score, members };
}

/** Effective weights through the levels: what a level's weight on the scale gives each counted member. */
export interface LevelWeights {
  readonly indicators: Map<string, number>;
  readonly groups: Map<string, { readonly score: number; readonly weight: number }>;
}

/**
 * Shares `weight` (the level's weight on the scale) among the level's counted members in proportion to their
 * weights, down to the indicators, into `into`.
 */
export function spreadWeight(level: LevelResult, weight: number, into: LevelWeights): void {
  let total = 0;
  for (const m of level.members) total += m.weight;
  if (!(total > 0)) return;
  for (const m of level.members) {
    const share = (weight * m.weight) / total;
    if ("indicator" in m) into.indicators.set(m.indicator.id, share);
    else {
      into.groups.set(m.group.id, { score: m.score, weight: share });
      spreadWeight(m.level, share, into);
    }
  }
}

/**
 * Each indicator's share (0..1) of its block with every applicable value present: the weights a level's
 * applicable members would share, multiplied down the levels. Coverage weighs data with it.
 */
export function nominalShares(block: Block, applies: (indicator: Indicator) => boolean): Map<string, number> {
  const scoreOf: ScoreOf = (i) => (applies(i) ? 1 : undefined);
  const shares = { indicators: new Map<string, number>(), groups: new Map() };
  spreadWeight(levelOf(block, scoreOf), 1, shares);
  return shares.indicators;
}
