import { formatPeriodCode } from "../data/store.js";
import { printFormula } from "../formula/printer.js";
import { isMissing, type MissingReason, type Value } from "../formula/value.js";
import { gradeById } from "../model/grades.js";
import type {
  Aggregation,
  Block,
  Direction,
  FormulaSource,
  Group,
  Localized,
  Located,
  MissingPolicy,
  RankPolicy,
  Ruleset,
} from "../model/ruleset.js";
import { RecordingContext } from "./context.js";
import type { RatingRun } from "./engine.js";
import type { Evaluator } from "./evaluator.js";
import type { PreparedFormula } from "./prepare.js";
import type { Coverage, IndicatorStatus, InputTrace, UnitResult } from "./result.js";
import { type IndicatorOutcome, type IndicatorRound, outcomeOf, SCORED } from "./round.js";

/**
 * The explain trace: how one unit's total was reached, from the data cells through each indicator's
 * formula, score and weight to the blocks and the total. Plain data (JSON-safe), shared by `tarazy
 * explain`, the reports and the language server.
 */
export interface ExplainTrace {
  readonly ruleset: { readonly id: string; readonly version: string; readonly hash: string };
  readonly rating: string;
  readonly ratingTitle: Localized;
  readonly period: string;
  /** The ruleset's scale: the most points a unit can have. */
  readonly scale: number;
  readonly unit: { readonly id: string; readonly name: Localized; readonly kind: string };
  readonly total: number;
  /** The total as ranked and graded (rounded when the ruleset says so). */
  readonly rankingKey: number;
  readonly rankPolicy: RankPolicy;
  readonly rank: number;
  /** How many units were rated together. */
  readonly rankedUnits: number;
  readonly previousRank?: number;
  readonly rankChange?: number;
  /** The grade id; absent when the rating has no grades. */
  readonly grade?: string;
  /**
   * "ascending" when the rating ranks the lowest total first: then `lost` is the points a unit has (its
   * distance from the best total, 0) and an indicator's `best` is the unit with the lowest score.
   */
  readonly order?: "ascending";
  /** The grade's label from ruleset.yaml, so that the zone is named in the reader's language. */
  readonly gradeLabel?: Localized;
  /** How much of the total rests on data, and how many values the zero policy scored 0. */
  readonly coverage: Coverage;
  readonly blocks: readonly BlockTrace[];
}

export interface BlockTrace {
  readonly id: string;
  readonly name: Localized;
  readonly aggregation: Aggregation;
  /** The formula of `aggregation: formula`, as written. */
  readonly formula?: string;
  /** The block's weight as written (points of the scale before rescaling). */
  readonly declaredWeight: number;
  /** Its weight on the rating's scale for this unit (0 when left out). */
  readonly weight: number;
  readonly points: number;
  readonly lost: number;
  readonly reason?: string;
  /** A helper block: computed, no weight in the total (its score is under `groups` of the result). */
  readonly helper?: true;
  /** The block's score (0..1) in a ruleset with levels. */
  readonly score?: number;
  /** The block's groups, depth first (a ruleset with groups only). */
  readonly groups?: readonly GroupTrace[];
  readonly indicators: readonly IndicatorTrace[];
}

/** One group of a block for the unit: its place in the levels and what it earned. */
export interface GroupTrace {
  readonly id: string;
  readonly name: Localized;
  /** 1 for a group of the block, 2 for a group inside it, ... */
  readonly depth: number;
  readonly aggregation: Aggregation;
  /** The formula of `aggregation: formula`, as written. */
  readonly formula?: string;
  /** The weight written, relative to the other members of its parent. */
  readonly declaredWeight: number;
  /** The aggregate of its members' scores; null when every member was left out. */
  readonly score: number | null;
  /** Effective weight on the scale, points (score x weight) and points lost. */
  readonly weight: number;
  readonly points: number;
  readonly lost: number;
}

export interface MethodTrace {
  readonly method: string;
  /** The method's parameters and, for cross-unit methods, the statistics of the units rated together. */
  readonly parameters: Readonly<Record<string, number | string | boolean | null>>;
  readonly bands?: readonly { readonly min?: number; readonly max?: number; readonly score: number }[];
  /** The achievement plan or score formula, printed canonically. */
  readonly formula?: string;
}

export interface IndicatorTrace {
  readonly id: string;
  readonly name: Localized;
  readonly measure: string;
  /** The measure's names by language, when the rule files give them. */
  readonly measureText?: Localized;
  readonly better: Direction;
  /** The period the indicator is evaluated in (its own when its frequency is coarser than the rating's). */
  readonly period: string;
  /** The formula, printed canonically (printFormula), and where it is written. */
  readonly formula: string;
  readonly at: Located;
  /** Every value the formulas read for this unit, with the data cells they came from. */
  readonly inputs: readonly InputTrace[];
  readonly value: number | boolean | null;
  readonly status: IndicatorStatus;
  readonly policy?: MissingPolicy;
  /** Why the value is missing or not applicable, in English words. */
  readonly reason?: string;
  /** The same as data, when a formula's value was missing (for words in other languages). */
  readonly missing?: MissingReason;
  readonly method: MethodTrace;
  readonly score: number | null;
  /** Relative weight within the block, as written. */
  readonly declaredWeight: number;
  /** Effective weight on the scale after redistribution (0 when excluded). */
  readonly weight: number;
  readonly points: number;
  /** weight - points; points on an ascending rating (see ExplainTrace.order). */
  readonly lost: number;
  /**
   * The unit with the best score among those rated together, its value and score, for comparison: the
   * highest score, or on an ascending rating the lowest (`by: "lowest"`); a helper block's indicators on an
   * ascending rating name the highest score (`by: "highest"`), since a helper has no direction in the total.
   */
  readonly best?: {
    readonly by?: "lowest" | "highest";
    readonly unit: string;
    /** The unit's names, to show instead of its id. */
    readonly name?: Localized;
    readonly value: number | boolean;
    readonly score: number;
  };
}

/** Points a unit is short of the best: weight - points, or on an ascending rating the points themselves. */
function lostOf(weight: number, points: number, ascending: boolean): number {
  return ascending ? points : weight - points;
}

/** The formula text of a level with `aggregation: formula`, for the trace. */
function levelFormulaText(level: Block | Group): { formula?: string } {
  return level.aggregation === "formula" && level.formula ? { formula: level.formula.text.trim() } : {};
}

/** The block's score and its groups' traces, for a ruleset with levels (UnitResult.groups present). */
function levelTrace(block: Block, unit: UnitResult, helperScore: number | undefined, ascending: boolean) {
  if (!unit.groups) return {};
  const blockResult = unit.blocks[block.id];
  const score = block.helper
    ? helperScore
    : blockResult && blockResult.weight > 0
      ? blockResult.score / blockResult.weight
      : undefined;
  const groups: GroupTrace[] = [];
  const walk = (list: readonly Group[], depth: number) => {
    for (const g of list) {
      const r = unit.groups?.[g.id];
      groups.push({
        id: g.id,
        name: g.name,
        depth,
        aggregation: g.aggregation,
        ...levelFormulaText(g),
        declaredWeight: g.weight,
        score: r?.score ?? null,
        weight: r?.weight ?? 0,
        points: r?.points ?? 0,
        lost: lostOf(r?.weight ?? 0, r?.points ?? 0, ascending),
      });
      walk(g.groups, depth + 1);
    }
  };
  walk(block.groups ?? [], 1);
  return { ...(score !== undefined ? { score } : {}), ...(groups.length > 0 ? { groups } : {}) };
}

/** The trace of one unit in a rating run; undefined when the run has no result or the unit was not rated. */
export function explainUnit(run: RatingRun, unitId: string): ExplainTrace | undefined {
  const { result, evaluator, rating } = run;
  if (!result || !evaluator || !rating) return undefined;
  const { ruleset } = evaluator.prepared;
  const unitIndex = ruleset.units.findIndex((u) => u.id === unitId || u.aliases.includes(unitId));
  const unit = ruleset.units[unitIndex];
  const unitResult = result.results.find((r) => r.unit === unit?.id);
  if (!unit || !unitResult) return undefined;
  const ascending = rating.order === "ascending";
  const blocks: BlockTrace[] = [];
  for (const block of ruleset.blocks) {
    const helper = block.helper ? unitResult.groups?.[block.id] : undefined;
    const blockResult = block.helper ? { score: 0, weight: 0 } : unitResult.blocks[block.id];
    if (!blockResult || (block.helper && !run.rounds.some((r) => r.prepared.block === block))) continue;
    const indicators = run.rounds
      .filter((r) => r.prepared.block === block)
      .map((round) => indicatorTrace(run, round, unitIndex));
    blocks.push({
      id: block.id,
      name: block.name,
      aggregation: block.aggregation,
      ...levelFormulaText(block),
      declaredWeight: block.weight,
      weight: blockResult.weight,
      points: blockResult.score,
      lost: lostOf(blockResult.weight, blockResult.score, ascending),
      ...("reason" in blockResult && blockResult.reason ? { reason: blockResult.reason } : {}),
      ...(block.helper ? { helper: true as const } : {}),
      ...levelTrace(block, unitResult, helper?.score, ascending),
      indicators,
    });
  }
  return {
    ruleset: result.ruleset,
    rating: result.rating,
    ratingTitle: rating.title,
    period: result.period,
    scale: ruleset.scale,
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    total: unitResult.score,
    rankingKey: unitResult.rankedScore,
    rankPolicy: ruleset.rank,
    rank: unitResult.rank,
    rankedUnits: result.results.length,
    ...(unitResult.previousRank !== undefined
      ? { previousRank: unitResult.previousRank, rankChange: unitResult.rankChange ?? 0 }
      : {}),
    ...(unitResult.grade !== undefined ? { grade: unitResult.grade } : {}),
    ...(ascending ? { order: "ascending" as const } : {}),
    ...gradeLabel(ruleset, unitResult.grade ?? ""),
    coverage: unitResult.coverage,
    blocks,
  };
}

function gradeLabel(ruleset: Ruleset, id: string): { gradeLabel?: Localized } {
  const grade = gradeById(ruleset, id);
  return grade ? { gradeLabel: grade.label } : {};
}

function indicatorTrace(run: RatingRun, round: IndicatorRound, unit: number): IndicatorTrace {
  const evaluator = run.evaluator;
  if (!evaluator) throw new Error("explain needs the run's evaluator");
  const p = round.prepared;
  const { indicator } = p;
  const unitId = evaluator.unitName(unit);
  const r = run.result?.results.find((x) => x.unit === unitId)?.indicators[indicator.id];
  const applies = evaluator.applies(p.index, unit);
  const formulas = [p.value, p.plan, p.score].filter((f): f is PreparedFormula => f !== undefined);
  const inputs = applies ? recordInputs(run, round, unit, formulas) : [];
  const weight = r?.weight ?? 0;
  const points = r?.points ?? 0;
  const ascending = run.rating?.order === "ascending";
  const best = ascending && !p.block.helper ? lowest(evaluator, round) : round.best;
  const by = !ascending ? {} : { by: p.block.helper ? ("highest" as const) : ("lowest" as const) };
  const outcome = outcomeOf(evaluator, round, unit);
  const missing = missingOf(outcome);
  return {
    id: indicator.id,
    name: indicator.name,
    measure: indicator.measure,
    ...(indicator.measureText ? { measureText: indicator.measureText } : {}),
    better: indicator.better,
    period: formatPeriodCode(round.period),
    formula: printed(indicator.formula),
    at: indicator.formula.at,
    inputs,
    value: r?.value ?? null,
    status: r?.status ?? "not-applicable",
    ...(r?.policy ? { policy: r.policy } : {}),
    ...(r?.reason ? { reason: r.reason } : {}),
    ...(r?.reason && missing ? { missing } : {}),
    method: methodTrace(evaluator, round, unit),
    score: r?.score ?? null,
    declaredWeight: indicator.weight,
    weight,
    points,
    lost: lostOf(weight, points, ascending),
    ...(best ? { best: { ...by, ...bestOf(evaluator, best) } } : {}),
  };
}

/** Why the indicator has no score: its value is missing, else the plan it is measured against. */
function missingOf(outcome: IndicatorOutcome | undefined): MissingReason | undefined {
  if (!outcome) return undefined;
  if (isMissing(outcome.value)) return outcome.value.reason;
  return outcome.plan !== undefined && isMissing(outcome.plan) ? outcome.plan.reason : undefined;
}

/** The unit with the lowest score among those scored (the first on a tie), as round.best has the highest. */
function lowest(evaluator: Evaluator, round: IndicatorRound): IndicatorRound["best"] {
  let found: IndicatorRound["best"];
  for (const u of evaluator.ratedUnits) {
    const score = round.scores[u] ?? 0;
    const value = round.status[u] === SCORED ? evaluator.indicatorValue(round.prepared.index, u, round.period) : null;
    if ((typeof value === "number" || typeof value === "boolean") && (!found || score < found.score))
      found = { unit: u, value, score };
  }
  return found;
}

function bestOf(evaluator: Evaluator, best: NonNullable<IndicatorRound["best"]>): NonNullable<IndicatorTrace["best"]> {
  const unit = evaluator.prepared.ruleset.units[best.unit];
  return {
    unit: evaluator.unitName(best.unit),
    ...(unit ? { name: unit.name } : {}),
    value: best.value,
    score: best.score,
  };
}

/** Runs the indicator's formulas again for the unit, recording what they read (values are memoised). */
function recordInputs(run: RatingRun, round: IndicatorRound, unit: number, formulas: PreparedFormula[]): InputTrace[] {
  const evaluator = run.evaluator;
  if (!evaluator) return [];
  const seen = new Map<string, InputTrace>();
  for (const formula of formulas) {
    const recording = new RecordingContext(evaluator.context(round.prepared.index, formula), unit);
    evaluator.run(round.prepared.index, formula, unit, round.period, recording);
    for (const read of recording.reads) {
      const kind = formula.slots.kinds[read.slot];
      if (kind === "value") continue;
      const name = formula.slots.names[read.slot] ?? `#${read.slot}`;
      const label =
        kind === "attribute" ? `unit.${name}` : kind === "score" ? `score(${name})` : read.ytd ? `ytd(${name})` : name;
      const period = formatPeriodCode(read.period);
      const key = `${label}@${period}`;
      if (seen.has(key)) continue;
      const field = formula.slots.targets[read.slot] ?? -1;
      seen.set(key, {
        name: label,
        period,
        value: inputValue(read.value),
        sources: kind === "field" ? evaluator.store.sources(field, unit, read.period, read.ytd) : [],
      });
    }
  }
  return [...seen.values()];
}

function inputValue(v: Value): InputTrace["value"] {
  if (!isMissing(v)) return v;
  return v.reason.kind === "not-applicable" ? "n/a" : null;
}

function methodTrace(evaluator: Evaluator, round: IndicatorRound, unit: number): MethodTrace {
  const method = round.prepared.indicator.score;
  const outcome = outcomeOf(evaluator, round, unit);
  switch (method.method) {
    case "achievement": {
      const plan = outcome?.plan;
      const planValue = plan === undefined || isMissing(plan) ? null : plan;
      return {
        method: method.method,
        parameters: { plan: planValue, cap: method.cap },
        formula: printed(method.plan),
      };
    }
    case "goalposts":
      return { method: method.method, parameters: { min: method.min, max: method.max, transform: method.transform } };
    case "zscore":
      return { method: method.method, parameters: { clip: method.clip, ...peerParameters(round) } };
    case "minmax":
    case "rank":
      return { method: method.method, parameters: peerParameters(round) };
    case "bands":
      return {
        method: method.method,
        parameters: {},
        bands: method.bands.map((b) => ({
          ...(b.min !== undefined ? { min: b.min } : {}),
          ...(b.max !== undefined ? { max: b.max } : {}),
          score: b.score,
        })),
      };
    case "yesno":
      return { method: method.method, parameters: {} };
    case "formula":
      return { method: method.method, parameters: {}, formula: printed(method.formula) };
  }
}

/** The statistics of the units rated together that the cross-unit methods used. */
function peerParameters(round: IndicatorRound): Record<string, number> {
  const stats = round.stats;
  if (!stats || stats.count === 0) return { units: 0 };
  return {
    units: stats.count,
    lowest: stats.lowest,
    highest: stats.highest,
    mean: stats.mean,
    deviation: stats.deviation,
  };
}

/** The canonical text of a formula (the text as written when it did not parse). */
function printed(source: FormulaSource): string {
  return source.ast ? printFormula(source.ast) : source.text.trim();
}
