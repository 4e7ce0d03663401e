import type { Aggregation, Block, Group, Indicator, MissingPolicy, Ruleset } from "./ruleset.js";

/**
 * Walking the levels of a block: its groups (to any depth) and the indicators at their leaves. A block
 * without groups (every two-level ruleset) has one level: its indicators.
 */

/** A group's indicators, its inner groups' first (depth first): the order Block.indicators keeps. */
export function allIndicators(group: Group): Indicator[] {
  return [...group.groups.flatMap(allIndicators), ...group.indicators];
}

/** Every group of a block, depth first (a group before its inner groups). */
export function allGroups(parent: Block | Group): Group[] {
  return (parent.groups ?? []).flatMap((g) => [g, ...allGroups(g)]);
}

/** The members of a block or group, in the order they are aggregated: its groups, then its own indicators. */
export function membersOf(node: Block | Group): (Group | Indicator)[] {
  const own = "block" in node ? node.indicators : node.indicators.filter((i) => i.group === undefined);
  return [...(node.groups ?? []), ...own];
}

/** The block's own indicators: those in no group. */
export function ownIndicators(block: Block): Indicator[] {
  return block.indicators.filter((i) => i.group === undefined);
}

/** The ruleset's groups by id. */
export function groupsById(ruleset: Ruleset): Map<string, Group> {
  return new Map(ruleset.blocks.flatMap(allGroups).map((g) => [g.id, g]));
}

/** The groups from the block down to `id` (outermost first); empty when the block holds no such group. */
export function groupPath(block: Block, id: string | undefined): Group[] {
  if (id === undefined) return [];
  const walk = (groups: readonly Group[], path: Group[]): Group[] | undefined => {
    for (const g of groups) {
      const here = [...path, g];
      if (g.id === id) return here;
      const inner = walk(g.groups, here);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(block.groups ?? [], []) ?? [];
}

/** The missing-data policy the indicator's groups set (the innermost that says), if any. */
export function groupPolicy(block: Block, indicator: Indicator): MissingPolicy | undefined {
  const path = groupPath(block, indicator.group);
  for (let i = path.length - 1; i >= 0; i--) {
    const policy = path[i]?.missing;
    if (policy) return policy;
  }
  return undefined;
}

/**
 * Whether the ruleset needs the level-aware computation (scoring/levels.ts): groups, a helper block, an
 * aggregation beyond the three of two-level rulesets, or a declared total. Otherwise the totals are
 * computed as they always were, to the bit.
 */
export function hasLevels(ruleset: Ruleset): boolean {
  const plain = (a: Aggregation) => a === "arithmetic" || a === "geometric" || a === "min";
  return (
    (ruleset.total !== undefined && ruleset.total.aggregation !== "arithmetic") ||
    ruleset.blocks.some((b) => b.groups !== undefined || b.helper === true || !plain(b.aggregation))
  );
}
