import { allGroups } from "../model/groups.js";
import type { Block, Ruleset } from "../model/ruleset.js";
import type { LevelFormula } from "./level-formulas.js";
import { type LevelWeights, levelOf, type ScoreOf, spreadWeight } from "./levels.js";
import { weightedMean } from "./means.js";
import type { BlockResult, GroupResult } from "./result.js";

export const LEFT_OUT = "every indicator of the block is excluded or not applicable";

/** One unit's blocks, groups and total through the levels, with every counted indicator's effective weight. */
export interface UnitLevels {
  readonly score: number;
  readonly blocks: Record<string, BlockResult>;
  readonly groups: Record<string, GroupResult>;
  readonly weights: ReadonlyMap<string, number>;
  /** The weight of the blocks that count (0: nothing to rate). */
  readonly live: number;
}

/**
 * A unit's total when the ruleset has levels (model/groups.ts hasLevels). The blocks that count (not helper,
 * weight above 0, something counted) share the scale in proportion to their weights; a block's points are
 * its weight on the scale times its score. The total is the sum of the points, or, under a declared
 * `total` aggregation, the scale times that mean of the block scores. Helper blocks are computed and their
 * levels reported under `groups`, with weight 0. `groups` lists them as the rule files do: block by block,
 * a helper block before its groups, each group before its inner groups (model/groups.ts allGroups).
 */
export function unitLevels(
  ruleset: Ruleset,
  blocks: readonly Block[],
  scoreOf: ScoreOf,
  formula?: LevelFormula,
): UnitLevels {
  const scale = ruleset.scale;
  const levels = blocks.map((b) => levelOf(b, scoreOf, formula));
  const counts = (k: number) => {
    const b = blocks[k] as Block;
    return !b.helper && b.weight > 0 && levels[k]?.score !== undefined;
  };
  let live = 0;
  blocks.forEach((b, k) => {
    if (counts(k)) live += b.weight;
  });
  const spread: LevelWeights = { indicators: new Map(), groups: new Map() };
  const blockResults: Record<string, BlockResult> = {};
  const helpers = new Map<string, number>();
  const scores: number[] = [];
  const weights: number[] = [];
  let sum = 0;
  blocks.forEach((b, k) => {
    const level = levels[k];
    if (b.helper) {
      if (level?.score !== undefined) helpers.set(b.id, level.score);
      if (level) spreadWeight(level, 0, spread);
      return;
    }
    if (!counts(k) || !level || level.score === undefined) {
      blockResults[b.id] = { score: 0, weight: 0, reason: LEFT_OUT };
      return;
    }
    const weight = (b.weight * scale) / live;
    const points = Math.max(0, Math.min(weight, weight * level.score));
    blockResults[b.id] = { score: points, weight };
    spreadWeight(level, weight, spread);
    sum += points;
    scores.push(level.score);
    weights.push(b.weight);
  });
  const groups: Record<string, GroupResult> = {};
  for (const b of blocks) {
    const helper = helpers.get(b.id);
    if (helper !== undefined) groups[b.id] = { score: helper, weight: 0, points: 0 };
    for (const { id } of allGroups(b)) {
      const g = spread.groups.get(id);
      if (g) groups[id] = { score: g.score, weight: g.weight, points: g.score * g.weight };
    }
  }
  const total = ruleset.total;
  const score =
    total === undefined || total.aggregation === "arithmetic"
      ? sum
      : scale * (weightedMean(total.aggregation, scores, weights, total.exponent) ?? 0);
  return { score: Math.max(0, Math.min(scale, score)), blocks: blockResults, groups, weights: spread.indicators, live };
}
