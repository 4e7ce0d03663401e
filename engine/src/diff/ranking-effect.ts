import { compareNumbers } from "../compile/compare.js";
import { formulaUses } from "../methodology/formula-inputs.js";
import type { Indicator, Ruleset } from "../model/ruleset.js";
import type { RatingResult, UnitResult } from "../scoring/result.js";
import type { RulesetChange, RulesetDiff } from "./rules-diff.js";

/**
 * The effect of a rule change on a ranking: the same data and period rated under two versions of a
 * ruleset, compared unit by unit (`tarazy diff OLD NEW --data PATH --period P`). The rating itself is the
 * scoring engine's (`rate`); this module only compares two results and says which rule changes touched
 * which blocks, so an analyst sees why a unit moved. JSON form: engine/schema/ruleset-diff.schema.json.
 */

/** One version rated: its rules and the result of rating the period with them. */
export interface RatedVersion {
  readonly ruleset: Ruleset;
  readonly result: RatingResult;
}

/** A unit's place under one version. */
export interface UnitStanding {
  /** The total on the scale, unrounded. */
  readonly score: number;
  readonly rank: number;
  /** The grade (zone) id; "" when no grade's min is reached. */
  readonly grade: string;
}

/** A block's points for one unit under both versions; null where the version's rating has no such block. */
export interface BlockPointsChange {
  readonly old: number | null;
  readonly new: number | null;
  /** new − old, a missing side counted as 0; 0 when equal at 15 significant digits. */
  readonly change: number;
}

export interface UnitEffect {
  readonly unit: string;
  /** Absent when the old version did not rate the unit. */
  readonly old?: UnitStanding;
  /** Absent when the new version did not rate the unit. */
  readonly new?: UnitStanding;
  /** new − old total, when rated under both; 0 when they are equal at 15 significant digits. */
  readonly scoreChange?: number;
  /** old rank − new rank, when rated under both: positive is a move up (as rankChange in a rating). */
  readonly rankChange?: number;
  /** Points per block of either rating, in block order. */
  readonly blocks: Readonly<Record<string, BlockPointsChange>>;
}

export interface ZoneChange {
  readonly unit: string;
  /** Grade ids under the old and the new version. */
  readonly from: string;
  readonly to: string;
}

export interface BlockEffect {
  readonly block: string;
  /** Whether the block is in the old and in the new version's rating. */
  readonly inOld: boolean;
  readonly inNew: boolean;
  /** The mean change of the block's points over the units rated under both; null when there are none. */
  readonly meanChange: number | null;
  /** The rule changes that touch this block: its own, its indicators', and fields or attributes they read. */
  readonly changes: readonly RulesetChange[];
}

export interface RatingOfVersion {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
  readonly rating: string;
}

export interface RankingEffect {
  readonly period: string;
  readonly old: RatingOfVersion;
  readonly new: RatingOfVersion;
  /** In the new version's rank order, then the units only the old version rated, in its rank order. */
  readonly units: readonly UnitEffect[];
  /** Units rated under one version only (and not left unrated by the other for too little data). */
  readonly onlyOld: readonly string[];
  readonly onlyNew: readonly string[];
  /** Units each version left unrated for too little data (policies.coverage): never compared on zeros. */
  readonly notRatedOld: readonly string[];
  readonly notRatedNew: readonly string[];
  /** The biggest movers, at most `top`: by |rank change|, then |score change|, then unit id; unmoved units never. */
  readonly movers: readonly string[];
  /** Units rated under both whose grade differs, in the new rank order. */
  readonly zoneChanges: readonly ZoneChange[];
  /** The blocks of either rating: the new version's order, then blocks only the old one has. */
  readonly blocks: readonly BlockEffect[];
  /** Rule changes that touch no block of either rating: policies, grades, ratings, units, other blocks. */
  readonly otherChanges: readonly RulesetChange[];
}

export interface RankingEffectOptions {
  /** The rules diff of the two versions, to say which changes touched which blocks. */
  readonly diff?: RulesetDiff;
  /** How many biggest movers to list (default 5). */
  readonly top?: number;
}

export const DEFAULT_TOP_MOVERS = 5;

/** Compares the ratings of one period under two versions of a ruleset. */
export function rankingEffect(
  oldRated: RatedVersion,
  newRated: RatedVersion,
  options: RankingEffectOptions = {},
): RankingEffect {
  const blockIds = unionInOrder(blocksOf(newRated.result), blocksOf(oldRated.result));
  const oldById = new Map(oldRated.result.results.map((u) => [u.unit, u]));
  const newById = new Map(newRated.result.results.map((u) => [u.unit, u]));
  const order = [
    ...newRated.result.results.map((u) => u.unit),
    ...oldRated.result.results.map((u) => u.unit).filter((id) => !newById.has(id)),
  ];
  const units = order.map((id) => unitEffect(id, oldById.get(id), newById.get(id), blockIds));
  const both = units.filter((u) => u.old && u.new);
  const notRatedOld = (oldRated.result.notRated ?? []).map((u) => u.unit);
  const notRatedNew = (newRated.result.notRated ?? []).map((u) => u.unit);
  const attribution = attributeChanges(options.diff?.changes ?? [], blockIds, oldRated.ruleset, newRated.ruleset);
  return {
    period: newRated.result.period,
    old: ratingOf(oldRated.result),
    new: ratingOf(newRated.result),
    units,
    onlyOld: units.filter((u) => !u.new && !notRatedNew.includes(u.unit)).map((u) => u.unit),
    onlyNew: units.filter((u) => !u.old && !notRatedOld.includes(u.unit)).map((u) => u.unit),
    notRatedOld,
    notRatedNew,
    movers: biggestMovers(both, options.top ?? DEFAULT_TOP_MOVERS),
    zoneChanges: both
      .filter((u) => u.old?.grade !== u.new?.grade)
      .map((u) => ({ unit: u.unit, from: u.old?.grade ?? "", to: u.new?.grade ?? "" })),
    blocks: blockIds.map((block) => ({
      block,
      inOld: blocksOf(oldRated.result).includes(block),
      inNew: blocksOf(newRated.result).includes(block),
      meanChange: meanChange(both.map((u) => u.blocks[block]?.change ?? 0)),
      changes: attribution.byBlock.get(block) ?? [],
    })),
    otherChanges: attribution.other,
  };
}

function ratingOf(result: RatingResult): RatingOfVersion {
  return { ...result.ruleset, rating: result.rating };
}

/** The blocks of a rating, in the order of its results (the ruleset's order). */
function blocksOf(result: RatingResult): string[] {
  return Object.keys(result.results[0]?.blocks ?? {});
}

function unionInOrder(first: readonly string[], second: readonly string[]): string[] {
  return [...first, ...second.filter((x) => !first.includes(x))];
}

/** b − a, or exactly 0 when they are equal at 15 significant digits (binary noise is not a change). */
function difference(a: number, b: number): number {
  return compareNumbers(a, b) === 0 ? 0 : b - a;
}

function standing(u: UnitResult): UnitStanding {
  return { score: u.score, rank: u.rank, grade: u.grade ?? "" };
}

function unitEffect(
  unit: string,
  before: UnitResult | undefined,
  after: UnitResult | undefined,
  blockIds: readonly string[],
): UnitEffect {
  const blocks: Record<string, BlockPointsChange> = {};
  for (const id of blockIds) {
    const o = before ? (before.blocks[id]?.score ?? null) : null;
    const n = after ? (after.blocks[id]?.score ?? null) : null;
    blocks[id] = { old: o, new: n, change: difference(o ?? 0, n ?? 0) };
  }
  return {
    unit,
    ...(before ? { old: standing(before) } : {}),
    ...(after ? { new: standing(after) } : {}),
    ...(before && after
      ? { scoreChange: difference(before.score, after.score), rankChange: before.rank - after.rank }
      : {}),
    blocks,
  };
}

function biggestMovers(units: readonly UnitEffect[], top: number): string[] {
  const rank = (u: UnitEffect) => Math.abs(u.rankChange ?? 0);
  const score = (u: UnitEffect) => Math.abs(u.scoreChange ?? 0);
  return units
    .filter((u) => rank(u) !== 0 || score(u) !== 0)
    .sort(
      (a, b) =>
        rank(b) - rank(a) || compareNumbers(score(b), score(a)) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
    )
    .slice(0, Math.max(0, top))
    .map((u) => u.unit);
}

function meanChange(changes: readonly number[]): number | null {
  if (changes.length === 0) return null;
  const mean = changes.reduce((sum, c) => sum + c, 0) / changes.length;
  return compareNumbers(mean, 0) === 0 ? 0 : mean;
}

// ── which rule changes touched which blocks ──

export interface Attribution {
  readonly byBlock: ReadonlyMap<string, RulesetChange[]>;
  readonly other: RulesetChange[];
}

/**
 * Each change goes to the blocks of either rating it touches: a block's own changes, its indicators'
 * (both blocks when an indicator moved), and a field's or unit attribute's changes to the blocks whose
 * indicators read it, directly or through another indicator. Everything else touches the whole rating.
 */
export function attributeChanges(
  changes: readonly RulesetChange[],
  blockIds: readonly string[],
  oldRuleset: Ruleset,
  newRuleset: Ruleset,
): Attribution {
  const readers = [readersOf(oldRuleset), readersOf(newRuleset)];
  const byBlock = new Map<string, RulesetChange[]>();
  const other: RulesetChange[] = [];
  for (const change of changes) {
    const touched = blocksTouched(change, readers).filter((b) => blockIds.includes(b));
    if (touched.length === 0) other.push(change);
    for (const block of new Set(touched)) byBlock.set(block, [...(byBlock.get(block) ?? []), change]);
  }
  return { byBlock, other };
}

function blocksTouched(change: RulesetChange, readers: readonly ((name: string) => string[])[]): string[] {
  const readBy = (name: string) => readers.flatMap((blocksReading) => blocksReading(name));
  switch (change.element) {
    case "indicator": {
      const moved = change.property === "block" ? [change.old, change.new] : [];
      return [change.block, ...moved].filter((b): b is string => typeof b === "string");
    }
    case "block":
      return [change.id, ...(change.oldId !== undefined ? [change.oldId] : [])];
    case "field":
      return [...readBy(change.id), ...(change.oldId !== undefined ? readBy(change.oldId) : [])];
    case "unit":
      return change.property?.startsWith("attributes.")
        ? readBy(`unit.${change.property.slice("attributes.".length)}`)
        : [];
    default:
      return [];
  }
}

/** For a name (a field, `unit.attribute` or indicator), the blocks whose indicators read it, in any formula. */
function readersOf(ruleset: Ruleset): (name: string) => string[] {
  const indicators = ruleset.blocks.flatMap((b) => b.indicators);
  const uses = new Map(indicators.map((i) => [i.id, namesRead(i)] as const));
  return (name) => {
    const reached = new Set<string>();
    let frontier = new Set([name]);
    while (frontier.size > 0) {
      const next = new Set<string>();
      for (const i of indicators)
        if (!reached.has(i.id) && [...(uses.get(i.id) ?? [])].some((n) => frontier.has(n))) {
          reached.add(i.id);
          next.add(i.id);
        }
      frontier = next;
    }
    return indicators.filter((i) => reached.has(i.id)).map((i) => i.block);
  };
}

function namesRead(i: Indicator): Set<string> {
  const score = i.score;
  const formulas = [
    i.formula,
    score.method === "achievement" ? score.plan : undefined,
    score.method === "formula" ? score.formula : undefined,
    i.applies?.when,
  ];
  return new Set(formulas.flatMap((f) => (f ? formulaUses(f.ast).names : [])));
}
