import type { Block, Rating, Ruleset } from "../model/ruleset.js";
import { nominalShares } from "../scoring/levels.js";

/**
 * Weights as the methodology states them. A block's weight on a rating's scale is its weight rescaled so
 * that the rating's blocks make the full scale (the identity when they already add up to it, as for a
 * rating of all blocks). An indicator's weight in the total is its block's weight on the scale x its
 * weight / the sum of its block's indicator weights. For a unit an indicator does not apply to, scoring
 * redistributes that weight within the block; these are the weights before any redistribution.
 */
export interface BlockWeight {
  readonly block: Block;
  /** Points of the rating's scale. */
  readonly weight: number;
}

export function ratingBlocks(ruleset: Ruleset, rating?: Rating): Block[] {
  if (!rating || rating.blocks.length === 0) return [...ruleset.blocks];
  const ids = new Set(rating.blocks);
  return ruleset.blocks.filter((b) => ids.has(b.id));
}

/**
 * The blocks a rating computes, in the order its rounds are: its blocks that count, then every helper block.
 * Helper blocks are computed in every rating (formulas and rule tests read them) and carry no weight in it
 * (as scoring/engine.ts rates them).
 */
export function computedBlocks(ruleset: Ruleset, rating?: Rating): Block[] {
  const counted = ratingBlocks(ruleset, rating).filter((b) => !b.helper);
  return [...counted, ...ruleset.blocks.filter((b) => b.helper)];
}

/** The rating's blocks with their weights on the scale (all blocks when no rating is given). */
export function blockWeights(ruleset: Ruleset, rating?: Rating): BlockWeight[] {
  const blocks = ratingBlocks(ruleset, rating);
  const sum = blocks.reduce((s, b) => s + b.weight, 0);
  return blocks.map((block) => ({ block, weight: sum > 0 ? (ruleset.scale * block.weight) / sum : 0 }));
}

/** Whether the rating's blocks are rescaled, i.e. their own weights do not already make the scale. */
export function isRescaled(ruleset: Ruleset, rating: Rating): boolean {
  return blockWeights(ruleset, rating).some((b) => b.weight !== b.block.weight);
}

/** Each indicator's weight in the total, by indicator id, for a rating of all blocks (helpers: 0). */
export function effectiveWeights(ruleset: Ruleset): Map<string, number> {
  const out = new Map<string, number>();
  for (const { block, weight } of blockWeights(ruleset)) {
    // Through the levels: the block's weight times each level's share (docs/rule-format.md, "Groups").
    if (block.groups) {
      for (const [id, share] of nominalShares(block, () => true)) out.set(id, weight * share);
      continue;
    }
    const sum = block.indicators.reduce((s, i) => s + i.weight, 0);
    for (const i of block.indicators) out.set(i.id, sum > 0 ? (weight * i.weight) / sum : 0);
  }
  return out;
}
