import type { Block, Group } from "../model/ruleset.js";
import { type LevelWeights, levelOf, spreadWeight } from "../scoring/levels.js";

/**
 * The levels as the audit reads them (docs/rule-format.md, "Groups"): each indicator's and group's nominal
 * share of its block, and each level's members.
 */

/** Shares (0..1) of the block of each indicator and group through the levels, every indicator counted. */
export function levelShares(block: Block): LevelWeights {
  const into: LevelWeights = { indicators: new Map(), groups: new Map() };
  spreadWeight(
    levelOf(block, () => 1),
    1,
    into,
  );
  return into;
}

/** A block's or group's members' ids: its groups, then its own indicators (scoring/levels.ts levelOf's order). */
export function memberIds(node: Block | Group): string[] {
  // A Group names its block; a Block's indicators include its groups' (model/ruleset.ts).
  const own = "block" in node ? node.indicators : node.indicators.filter((i) => i.group === undefined);
  return [...(node.groups ?? []).map((g) => g.id), ...own.map((i) => i.id)];
}

/** Every group of the block with the group holding it (undefined: the block), depth first. */
export function groupsWithParents(block: Block): { group: Group; parent?: string }[] {
  const walk = (groups: readonly Group[], parent?: string): { group: Group; parent?: string }[] =>
    groups.flatMap((g) => [{ group: g, ...(parent ? { parent } : {}) }, ...walk(g.groups, g.id)]);
  return walk(block.groups ?? []);
}
