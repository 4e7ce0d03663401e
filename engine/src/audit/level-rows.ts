import type { AuditReport, BlockAudit, GroupAudit } from "./audit.js";

/** A row of the blocks table: a block, or one of its groups (depth 1 directly in the block, 2 inside, …). */
export interface LevelRow {
  readonly row: Pick<BlockAudit, "id" | "alpha" | "alphaUnits" | "firstComponent" | "withTotal" | "nominalWeight"> & {
    readonly importance?: number;
  };
  readonly depth: number;
  /** A block's indicators, a group's members (its groups and its own indicators). */
  readonly count: number;
}

/** The blocks, each followed by its groups depth first (a ruleset with groups; otherwise just the blocks). */
export function levelRows(report: Pick<AuditReport, "blocks" | "groups">): LevelRow[] {
  const groups = report.groups ?? [];
  const depth = (g: GroupAudit): number => {
    const parent = groups.find((x) => x.id === g.parent);
    return parent ? depth(parent) + 1 : 1;
  };
  return report.blocks.flatMap((b) => [
    { row: b, depth: 0, count: b.indicators.length },
    ...groups
      .filter((g) => g.block === b.id)
      .map((g) => ({ row: g, depth: depth(g), count: g.correlations.ids.length })),
  ]);
}
