import type { Provenance } from "../data/observation.js";
import type { MissingPolicy } from "../model/ruleset.js";

/**
 * The result of rating one period: what `tarazy rate --format json` prints, what the reports render and
 * what explain traces. The JSON form is described by engine/schema/rating-result.schema.json.
 * All numbers are unrounded except `rankedScore` (the total as ranked); faces round only for display.
 */
export interface RatingResult {
  readonly ruleset: { readonly id: string; readonly version: string; readonly hash: string };
  readonly rating: string;
  readonly period: string;
  /** One per rated unit, in rank order (ties in unit-id order). */
  readonly results: readonly UnitResult[];
  /**
   * The units left unrated because too little of their data is present (`policies.coverage`), in unit-id
   * order: they have no rank and no grade, and say why.
   */
  readonly notRated: readonly NotRatedUnit[];
  /** The coverage policy applied, and how many indicator values were scored 0 for missing data. */
  readonly coverage: {
    readonly minWeightShare: number;
    readonly minIndicatorShare: number;
    /** Indicator values of rated units scored 0 by the `zero` missing-data policy because data is missing. */
    readonly zeroed: number;
  };
}

/** How much of a unit's rating rests on data (scoring/coverage.ts). */
export interface Coverage {
  /** Share (0..1) of the indicators that apply to the unit that have data. */
  readonly indicators: number;
  /** Share (0..1) of the scale those indicators carry, at the weights they would have with every value present. */
  readonly weight: number;
  /** Indicators that apply to the unit. */
  readonly expected: number;
  /** Of those, indicators with data. */
  readonly withData: number;
  /** Indicators without data that the `zero` policy scored 0 (they count in the total as 0). */
  readonly zeroed: number;
  /** The fields with no value behind the indicators without data (or the reason in words), sorted. */
  readonly missingFields: readonly string[];
  /** The indicators without data, in block order. */
  readonly missingIndicators: readonly string[];
}

/** A unit that is not rated in the period: no rank, no grade, its coverage and the reason. */
export interface NotRatedUnit {
  readonly unit: string;
  readonly coverage: Coverage;
  readonly reason: string;
}

export type IndicatorStatus =
  /** Scored from its value. */
  | "scored"
  /** Value missing; the missing-data policy gave it a score of zero. */
  | "missing-zero"
  /** Value missing; left out and its weight redistributed. */
  | "missing-excluded"
  /** Does not apply to this unit (by `applies` or an n/a input); weight redistributed. */
  | "not-applicable";

export interface IndicatorResult {
  /** The formula's value; null when missing or not applicable. */
  readonly value: number | boolean | null;
  /** Score in [0, 1]; null when excluded. */
  readonly score: number | null;
  /** Effective weight on the rating's scale (after redistribution); 0 when excluded. */
  readonly weight: number;
  /** score x weight. */
  readonly points: number;
  readonly status: IndicatorStatus;
  /** The policy that applied when the value was missing. */
  readonly policy?: MissingPolicy;
  /** Why the value is missing, in words. */
  readonly reason?: string;
}

export interface BlockResult {
  /** Points earned on the rating's scale; the block scores of a unit add up to its total. */
  readonly score: number;
  /** The block's weight on the rating's scale (its maximum points). */
  readonly weight: number;
  /**
   * Present when the block was left out of the unit's total (every indicator excluded or not applicable):
   * its weight is then 0 and the other blocks share the scale.
   */
  readonly reason?: string;
}

/** A group's (or a helper block's) result for a unit: present when the group counted. */
export interface GroupResult {
  /** The aggregate of its members' scores, 0..1. */
  readonly score: number;
  /** Its effective weight on the rating's scale (0 in a helper block). */
  readonly weight: number;
  /** score x weight. */
  readonly points: number;
}

export interface UnitResult {
  readonly unit: string;
  /** The total on the ruleset's scale, exact (unrounded). */
  readonly score: number;
  /**
   * The total the rank and grade were decided on: `score` rounded half away from zero to the ruleset's
   * `policies.rank.round` decimals, or `score` itself when the exact total is ranked.
   */
  readonly rankedScore: number;
  readonly rank: number;
  /** Rank in the previous period of the same rating, when it was rated; positive change = moved up. */
  readonly previousRank?: number;
  readonly rankChange?: number;
  /** The grade id ("" when the total reaches no grade); absent when the rating has no grades at all. */
  readonly grade?: string;
  /** How much of the total rests on data. */
  readonly coverage: Coverage;
  readonly blocks: Readonly<Record<string, BlockResult>>;
  /**
   * By group id (helper blocks included), for a ruleset with levels: the groups that counted for the unit.
   * Absent for a two-level ruleset.
   */
  readonly groups?: Readonly<Record<string, GroupResult>>;
  /**
   * By indicator id, in block order. In a result from `rate` this is built at its first read (an own
   * enumerable property all the same: JSON and equality see plain data), so a ranking never builds it.
   */
  readonly indicators: Readonly<Record<string, IndicatorResult>>;
}

/** One input of one indicator for one unit, for explain: its value, period and where it came from. */
export interface InputTrace {
  /** The field, indicator or `unit.xxx` attribute read; `ytd(x)` when its year-to-date total was read. */
  readonly name: string;
  readonly period: string;
  /** null when missing; a unit attribute may be a text or yes/no. */
  readonly value: number | boolean | string | "n/a" | null;
  readonly sources: readonly Provenance[];
}
