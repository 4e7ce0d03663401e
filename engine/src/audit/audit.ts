import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { computedBlocks } from "../methodology/effective-weights.js";
import type { Block, Indicator } from "../model/ruleset.js";
import type { RatingRun } from "../scoring/engine.js";
import type { PreparedRuleset } from "../scoring/prepare.js";
import { type Correlation, correlationMatrix, pearson, spearman } from "./correlation.js";
import { type Distribution, distribution } from "./distribution.js";
import { auditFindings } from "./findings.js";
import { groupsWithParents, levelShares, memberIds } from "./levels.js";
import { firstComponentShare } from "./pca.js";
import { auditSeries } from "./series.js";
import { cronbachAlpha, distinctCount } from "./stats.js";
import { type AuditThresholds, auditThresholds } from "./thresholds.js";

/**
 * The statistical audit of one rated period (docs/audit.md): the JRC/OECD Handbook's checks of a composite
 * indicator, taken on the scores the engine computed. All numbers unrounded; faces round them.
 */
export interface AuditReport {
  readonly ruleset: { readonly id: string; readonly version: string };
  readonly rating: string;
  readonly period: string;
  readonly units: number;
  readonly thresholds: AuditThresholds;
  readonly indicators: readonly IndicatorAudit[];
  readonly blocks: readonly BlockAudit[];
  /** A ruleset with groups only: each group's audit over its members, depth first in block order. */
  readonly groups?: readonly GroupAudit[];
  /** Between the blocks' normalised points, in block order. */
  readonly blockCorrelations: CorrelationMatrices;
  /** The findings, as diagnostics at the indicators' and blocks' lines. */
  readonly findings: readonly Diagnostic[];
}

export interface PairCorrelation {
  readonly pearson?: number;
  readonly spearman?: number;
  /** Units with both values. */
  readonly n: number;
}

export interface CorrelationMatrices {
  readonly ids: readonly string[];
  /** Pearson's r (null when undefined: fewer than three units in common, or no variation). */
  readonly pearson: readonly (readonly (number | null)[])[];
  readonly spearman: readonly (readonly (number | null)[])[];
}

export interface IndicatorAudit {
  readonly id: string;
  readonly block: string;
  /** Units it applies to, and those of them scored from a value. */
  readonly applicable: number;
  readonly scored: number;
  /** scored / applicable (1 when it applies to none). */
  readonly coverage: number;
  /** Distinct scores among the scored units. */
  readonly distinctScores: number;
  /** Shares of the scored units at score 0 and at score 1. */
  readonly floorShare: number;
  readonly capShare: number;
  /** The shape of the raw values (absent for yes/no values or none scored). */
  readonly values?: Distribution;
  /** Of its scores with its block's points and with the total. */
  readonly withBlock: PairCorrelation;
  readonly withTotal: PairCorrelation;
  /** In a group: the innermost group, and its scores' correlation with that group's scores. */
  readonly group?: string;
  readonly withGroup?: PairCorrelation;
  /**
   * Its nominal share of the total: block weight share x its weight share in the block, through the levels
   * (each level's share of its parent, multiplied down) in a block with groups.
   */
  readonly nominalWeight: number;
  /** Effective importance: its squared Pearson r with the total over the sum of all indicators'. */
  readonly importance?: number;
}

export interface BlockAudit {
  readonly id: string;
  readonly indicators: readonly string[];
  /** Between its indicators' scores. */
  readonly correlations: CorrelationMatrices;
  /**
   * A block with groups only: its members (its groups, then its own indicators) and the correlations
   * between their scores; `alpha` and `firstComponent` are then over the members, a level at a time.
   */
  readonly members?: CorrelationMatrices;
  /** Cronbach's alpha over the units with every indicator (or member) scored, and their count. */
  readonly alpha?: number;
  readonly alphaUnits: number;
  /** Share of the variance of the first principal component of the Pearson correlation matrix. */
  readonly firstComponent?: number;
  readonly withTotal: PairCorrelation;
  readonly nominalWeight: number;
  readonly importance?: number;
}

/** A group's audit: as a block's, over its members (inner groups, then its own indicators). */
export interface GroupAudit {
  readonly id: string;
  readonly block: string;
  /** The group holding it (absent: directly in the block). */
  readonly parent?: string;
  /** Between its members' scores (each group's score 0..1, each indicator's score). */
  readonly correlations: CorrelationMatrices;
  readonly alpha?: number;
  readonly alphaUnits: number;
  readonly firstComponent?: number;
  /** Of its scores with its parent's (group's, or block's normalised points) and with the total. */
  readonly withParent: PairCorrelation;
  readonly withTotal: PairCorrelation;
  /** Its nominal share of the total through the levels. */
  readonly nominalWeight: number;
}

export function auditRun(prepared: PreparedRuleset, run: RatingRun): AuditReport | undefined {
  const series = auditSeries(prepared, run);
  const result = run.result;
  if (!series || !result) return undefined;
  const { ruleset } = prepared;
  const thresholds = auditThresholds(ruleset.audit);
  // Helper blocks too: their indicators are audited (with no weight) and formulas read them.
  const blocks = computedBlocks(ruleset, run.rating);
  const blockWeightSum = blocks.reduce((s, b) => s + b.weight, 0);
  const blockShare = (b: Block) => (blockWeightSum > 0 ? b.weight / blockWeightSum : 0);
  const blockOf = new Map(blocks.map((b) => [b.id, b]));
  const blockScores = new Map(series.blocks.map((b) => [b.id, b.scores]));
  const groupScores = new Map(series.groups.map((g) => [g.id, g.scores]));
  const shares = new Map(blocks.flatMap((b) => (b.groups ? [[b.id, levelShares(b)] as const] : [])));
  // A member's scores: a group's (0..1) or an indicator's.
  const memberScores = new Map([...series.indicators.map((i) => [i.id, i.scores] as const), ...groupScores]);

  const indicators = series.indicators.map((s): Omit<IndicatorAudit, "importance"> => {
    const block = blockOf.get(s.block) as Block;
    const indicator = block.indicators.find((i) => i.id === s.id) as Indicator;
    const scores = s.scores.filter(Number.isFinite);
    const values = s.values.filter(Number.isFinite);
    const withinSum = block.indicators.reduce((sum, i) => sum + i.weight, 0);
    const dist = distribution(values, thresholds);
    const levels = shares.get(block.id);
    const group = indicator.group;
    return {
      id: s.id,
      block: s.block,
      applicable: s.applicable,
      scored: scores.length,
      coverage: s.applicable > 0 ? scores.length / s.applicable : 1,
      distinctScores: distinctCount(scores),
      floorShare: share(scores, (x) => x === 0),
      capShare: share(scores, (x) => x === 1),
      ...(dist ? { values: dist } : {}),
      withBlock: pair(s.scores, blockScores.get(s.block) ?? []),
      withTotal: pair(s.scores, series.total),
      ...(group !== undefined ? { group, withGroup: pair(s.scores, groupScores.get(group) ?? []) } : {}),
      nominalWeight: levels
        ? blockShare(block) * (levels.indicators.get(s.id) ?? 0)
        : withinSum > 0
          ? (blockShare(block) * indicator.weight) / withinSum
          : 0,
    };
  });
  // A helper block's indicators carry no weight in the total: they take no share of the importance.
  const indicatorImportance = importance(
    indicators.map((i) => (blockOf.get(i.block)?.helper ? undefined : i.withTotal.pearson)),
  );
  const blockAudits = series.blocks.map((b): Omit<BlockAudit, "importance"> => {
    const members = series.indicators.filter((s) => s.block === b.id);
    const block = blockOf.get(b.id) as Block;
    // With groups, alpha and the first component are a level's: over the block's members.
    const ids = block.groups ? memberIds(block) : members.map((m) => m.id);
    const levelSeries = block.groups ? ids.map((id) => memberScores.get(id) ?? []) : members.map((m) => m.scores);
    return {
      id: b.id,
      indicators: members.map((m) => m.id),
      correlations: matrices(
        members.map((m) => m.id),
        members.map((m) => m.scores),
      ),
      ...(block.groups ? { members: matrices(ids, levelSeries) } : {}),
      ...consistency(levelSeries),
      withTotal: pair(b.scores, series.total),
      nominalWeight: blockShare(block),
    };
  });
  const blockImportance = importance(blockAudits.map((b) => b.withTotal.pearson));
  const groupAudits = blocks.flatMap((block) =>
    groupsWithParents(block).map(({ group, parent }): GroupAudit => {
      const ids = memberIds(group);
      const scores = groupScores.get(group.id) ?? [];
      const parentScores = (parent ? groupScores.get(parent) : blockScores.get(block.id)) ?? [];
      return {
        id: group.id,
        block: block.id,
        ...(parent ? { parent } : {}),
        correlations: matrices(
          ids,
          ids.map((id) => memberScores.get(id) ?? []),
        ),
        ...consistency(ids.map((id) => memberScores.get(id) ?? [])),
        withParent: pair(scores, parentScores),
        withTotal: pair(scores, series.total),
        nominalWeight: blockShare(block) * (shares.get(block.id)?.groups.get(group.id)?.weight ?? 0),
      };
    }),
  );
  const report: Omit<AuditReport, "findings"> = {
    ruleset: { id: ruleset.id, version: ruleset.version },
    rating: result.rating,
    period: result.period,
    units: series.units.length,
    thresholds,
    indicators: indicators.map((i, k) => withImportance(i, indicatorImportance[k])),
    blocks: blockAudits.map((b, k) => withImportance(b, blockImportance[k])),
    ...(groupAudits.length > 0 ? { groups: groupAudits } : {}),
    blockCorrelations: matrices(
      series.blocks.map((b) => b.id),
      series.blocks.map((b) => b.scores),
    ),
  };
  return { ...report, findings: auditFindings(report, ruleset) };
}

/** Cronbach's alpha over the complete cases, their count, and the first component's share of the variance. */
function consistency(series: readonly (readonly number[])[]): {
  alpha?: number;
  alphaUnits: number;
  firstComponent?: number;
} {
  const complete = completeCases(series);
  const alpha = cronbachAlpha(complete);
  const pc = firstComponent(correlationMatrix(series));
  return {
    ...(alpha !== undefined ? { alpha } : {}),
    alphaUnits: complete[0]?.length ?? 0,
    ...(pc !== undefined ? { firstComponent: pc } : {}),
  };
}

function withImportance<T extends object>(x: T, importance: number | undefined): T & { importance?: number } {
  return importance === undefined ? { ...x } : { ...x, importance };
}

function share(xs: readonly number[], test: (x: number) => boolean): number {
  return xs.length === 0 ? 0 : xs.filter(test).length / xs.length;
}

function pair(x: readonly number[], y: readonly number[]): PairCorrelation {
  const p = pearson(x, y);
  const s = spearman(x, y);
  return { ...(p.r !== undefined ? { pearson: p.r } : {}), ...(s.r !== undefined ? { spearman: s.r } : {}), n: p.n };
}

/**
 * Effective importance (Paruolo, Saisana and Saltelli 2013): the correlation ratio of each component with the
 * total, estimated for a linear dependence by Pearson's r squared, normalised to add up to 1 like the nominal
 * weights beside it. Undefined for a component whose r is undefined.
 */
export function importance(rs: readonly (number | undefined)[]): (number | undefined)[] {
  let sum = 0;
  for (const r of rs) if (r !== undefined) sum += r * r;
  return rs.map((r) => (r === undefined || !(sum > 0) ? undefined : (r * r) / sum));
}

/** The series restricted to the units where every one has a value (Cronbach's alpha needs complete cases). */
export function completeCases(series: readonly (readonly number[])[]): number[][] {
  const n = series[0]?.length ?? 0;
  const keep: number[] = [];
  for (let u = 0; u < n; u++) if (series.every((s) => Number.isFinite(s[u] as number))) keep.push(u);
  return series.map((s) => keep.map((u) => s[u] as number));
}

/**
 * First component's share over the indicators whose correlations are defined: one that does not vary (every
 * unit scores the same) has none and is left out, as it adds nothing to the block's variance.
 */
function firstComponent(m: readonly (readonly Correlation[])[]): number | undefined {
  const keep = m.flatMap((row, i) => (row[i]?.r !== undefined ? [i] : []));
  const rs = keep.map((i) => keep.map((j) => m[i]?.[j]?.r));
  if (keep.length < 2 || rs.some((row) => row.some((r) => r === undefined))) return undefined;
  return firstComponentShare(rs as number[][]);
}

function matrices(ids: readonly string[], series: readonly (readonly number[])[]): CorrelationMatrices {
  const toRows = (m: Correlation[][]) => m.map((row) => row.map((c) => c.r ?? null));
  return {
    ids,
    pearson: toRows(correlationMatrix(series, "pearson")),
    spearman: toRows(correlationMatrix(series, "spearman")),
  };
}
