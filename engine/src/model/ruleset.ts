import type { Expr } from "../formula/ast.js";
import type { Range } from "../source/range.js";

/**
 * The checked rule model: what the loader builds from a ruleset's YAML files and the scoring engine,
 * docs, diff and language server read. Every element keeps where it came from (`at`), so any figure or
 * diagnostic can point back to its line. The YAML format is documented in docs/rule-format.md and
 * described by engine/schema/tarazy-rules.schema.json.
 */

/** Kazakh is required; Russian and English are optional. */
export interface Localized {
  readonly kk: string;
  readonly ru?: string;
  readonly en?: string;
}

export type Lang = "kk" | "ru" | "en";

/**
 * ruleset.yaml's `measures`: a unit of measure as fields and indicators write it ("mln KZT") -> its names
 * by language. A measure may also be written in place as { kk, ru, en }; either way the element's
 * `measureText` holds the names, so readers see their language.
 */
export type MeasureNames = Readonly<Record<string, Localized>>;

/** Explanatory prose (descriptions, rationales): at least one language, Kazakh first where there is one. */
export interface LocalizedNote {
  readonly kk?: string;
  readonly ru?: string;
  readonly en?: string;
}

/** A source location: file and range of the element (or of one of its keys). */
export interface Located {
  readonly file: string;
  readonly range: Range;
}

/** A formula in place: its text, where the text starts in the YAML file, and its parsed AST. */
export interface FormulaSource {
  readonly text: string;
  readonly at: Located;
  /** Parsed with ranges relative to the YAML file (already mapped), or undefined if it failed to parse. */
  readonly ast?: Expr;
}

export type Frequency = "month" | "quarter" | "year";
export type Direction = "higher" | "lower";
export type MissingPolicy = "zero" | "exclude" | "fail";
/**
 * How members' scores make a block's, group's or the total's score (scoring/means.ts); `formula` (blocks
 * and groups only) is the level's own formula over its members' scores (scoring/level-formulas.ts).
 */
export type Aggregation = "arithmetic" | "geometric" | "harmonic" | "min" | "power" | "formula";
export type TieRule = "competition" | "dense" | "shared";
/** How months become a quarter or year. */
export type FieldAggregate = "sum" | "last" | "mean";

export interface Unit {
  readonly id: string;
  readonly name: Localized;
  /** city, district, department, or another kind the ruleset names in `unit_kinds`. */
  readonly kind: string;
  /** e.g. kato: "6110", population: 200153; readable in formulas as unit.kato, unit.population. */
  readonly attributes: Readonly<Record<string, number | string | boolean>>;
  readonly aliases: readonly string[];
  readonly at: Located;
}

/**
 * What a field's reported values may be (fields.yaml `values`); each key that is set is a constraint, and a
 * data cell that breaks one is an error (D170). `bounds` in data/field-values.ts combines them.
 */
export interface FieldValues {
  readonly min?: number;
  readonly max?: number;
  /** Whole numbers only (counts). */
  readonly integer?: boolean;
  /** A share in percent: 0 to 100. */
  readonly share?: boolean;
  /** 0 or more (amounts, counts). */
  readonly nonNegative?: boolean;
}

export interface Field {
  readonly id: string;
  readonly name: Localized;
  /** Unit of measure as written, e.g. "mln KZT", "%", "count" (data checks and diffs compare this). */
  readonly measure: string;
  /** The measure's names by language (see `MeasureNames`); absent: shown as written. */
  readonly measureText?: Localized;
  readonly aggregate: FieldAggregate;
  /** Reported values are running totals since January (as BNS statistics are published). */
  readonly cumulative: boolean;
  /** Reported by each unit, or formed at the regional level. */
  readonly source: "unit" | "region";
  /** `plan`: a plan set for the unit (what a fact is measured against), held fixed by what-if; absent: a fact. */
  readonly role?: "plan";
  /** How often the value is reported. */
  readonly frequency: Frequency;
  /** Constraints on the reported values; absent: any finite number. */
  readonly values?: FieldValues;
  readonly description?: LocalizedNote;
  readonly at: Located;
}

export type ScoreMethod =
  /** value / plan (higher) or plan / value (lower), capped at `cap` and divided by it. */
  | { readonly method: "achievement"; readonly plan: FormulaSource; readonly cap: number }
  /** Fixed goalposts with clamping and an optional transform (ln) before scaling. */
  | { readonly method: "goalposts"; readonly min: number; readonly max: number; readonly transform: "none" | "ln" }
  /** Min-max over the units rated in the period. */
  | { readonly method: "minmax" }
  /** z-score over the units rated in the period, mapped to [0, 1] by clamping at +-`clip` deviations. */
  | { readonly method: "zscore"; readonly clip: number }
  /** Rank among the units rated in the period: best 1, worst 0. */
  | { readonly method: "rank" }
  /** Threshold bands: the first band whose bound the value meets gives the score. */
  | { readonly method: "bands"; readonly bands: readonly Band[] }
  /** A yes/no (boolean) value: yes scores 1 (or 0 when lower is better). */
  | { readonly method: "yesno" }
  /** A formula of `value` (and the indicator's inputs) giving the score; clamped to [0, 1]. */
  | { readonly method: "formula"; readonly formula: FormulaSource };

/** For `higher`, a band applies when value >= min; for `lower`, when value <= max. Last band may be open. */
export interface Band {
  readonly min?: number;
  readonly max?: number;
  readonly score: number;
  readonly at: Located;
}

export interface Applicability {
  /** Unit kinds it applies to (absent: all kinds). */
  readonly kinds?: readonly string[];
  /** Explicit unit ids it applies to (absent: all units of the kinds). */
  readonly units?: readonly string[];
  /** Explicit unit ids it does not apply to. */
  readonly except?: readonly string[];
  /** A boolean formula over unit attributes, e.g. `unit.farmland_ha > 0`. */
  readonly when?: FormulaSource;
}

export interface Indicator {
  readonly id: string;
  readonly block: string;
  readonly name: Localized;
  /** Unit of measure as written, e.g. "%". */
  readonly measure: string;
  /** The measure's names by language (see `MeasureNames`); absent: shown as written. */
  readonly measureText?: Localized;
  readonly formula: FormulaSource;
  readonly better: Direction;
  readonly score: ScoreMethod;
  /** Relative weight within the block. */
  readonly weight: number;
  readonly frequency: Frequency;
  /** Formed from unit-reported data, or at the regional level (e.g. the oblast's assessment). */
  readonly source: "unit" | "region";
  readonly applies?: Applicability;
  /** The innermost group holding the indicator (absent: the block's own indicator). */
  readonly group?: string;
  /** Overrides the block's and ruleset's policy. */
  readonly missing?: MissingPolicy;
  readonly rationale?: LocalizedNote;
  readonly at: Located;
}

export interface Block {
  readonly id: string;
  readonly name: Localized;
  /** Points of the ruleset's scale this block carries (0 for a helper block). */
  readonly weight: number;
  readonly aggregation: Aggregation;
  /** The exponent of the power mean (`aggregation: power`). */
  readonly exponent?: number;
  /** `aggregation: formula`: the score from the members' scores, each read as score(x); clamped to 0..1. */
  readonly formula?: FormulaSource;
  readonly missing?: MissingPolicy;
  /**
   * Every indicator of the block, its groups' included (depth first, each level's groups before its own
   * indicators), so that whatever reads indicators block by block sees them all.
   */
  readonly indicators: readonly Indicator[];
  /** The block's groups (absent: a block of indicators only, as every two-level ruleset). */
  readonly groups?: readonly Group[];
  /** Computed, but carrying no weight in any total (`helper: true`). */
  readonly helper?: boolean;
  readonly description?: LocalizedNote;
  readonly at: Located;
}

/**
 * A group (sub-block): its members are its groups, then its own indicators; their scores are aggregated
 * into the group's score on 0..1, and its weight is relative to the other members of its parent.
 */
export interface Group {
  readonly id: string;
  /** The block the group is in. */
  readonly block: string;
  readonly name: Localized;
  readonly weight: number;
  readonly aggregation: Aggregation;
  readonly exponent?: number;
  /** `aggregation: formula`: the score from the members' scores, each read as score(x); clamped to 0..1. */
  readonly formula?: FormulaSource;
  /** Overrides the block's policy for the group's indicators (an inner group's overrides this). */
  readonly missing?: MissingPolicy;
  /**
   * The most frequent period the group's indicators can be rated in: an indicator without its own
   * `frequency` takes the coarsest of its inputs' and its groups' (an explicit one may not be finer, R262).
   */
  readonly frequency?: Frequency;
  /** Which units the group applies to (kinds, units, except, when): its indicators apply to no other. */
  readonly applies?: Applicability;
  readonly groups: readonly Group[];
  /** The group's own indicators (those of its inner groups are in them). */
  readonly indicators: readonly Indicator[];
  readonly description?: LocalizedNote;
  readonly at: Located;
}

/** How the block scores make the total (ruleset.yaml `total`); absent: the sum of the block points. */
export interface TotalAggregation {
  readonly aggregation: Aggregation;
  readonly exponent?: number;
}

export interface Grade {
  readonly id: string;
  /** Lowest total (on the scale) that earns this grade; grades are checked from the highest min down. */
  readonly min: number;
  readonly label: Localized;
  /** CSS colour for reports, e.g. "#2e7d32". */
  readonly color: string;
}

export interface Rating {
  readonly id: string;
  readonly title: Localized;
  readonly frequency: Frequency;
  /** Block ids; the total is rescaled so that these blocks' weights make the full scale. */
  readonly blocks: readonly string[];
  /** `ascending`: the lowest total ranks first (absent: the highest first). */
  readonly order?: "ascending" | "descending";
  /** The rating's own grades, checked in the order written (absent: the ruleset's). */
  readonly grades?: readonly RatingGrade[];
  /** The indicator whose value decides the rating's own grades (absent: the total as ranked). */
  readonly gradesOn?: string;
  readonly at: Located;
}

/** A grade of a rating's own: the value is >= min and <= max (each edge included; absent: no bound). */
export interface RatingGrade {
  readonly id: string;
  readonly min?: number;
  readonly max?: number;
  readonly label: Localized;
  readonly color: string;
  readonly at: Located;
}

export interface RankPolicy {
  /** Round the total to this many decimals before ranking (undefined: rank the exact total). */
  readonly round?: number;
  readonly ties: TieRule;
  /** Decimals of the totals that reports and the terminal show (undefined: as `round`, else 2). */
  readonly displayDecimals?: number;
}

/**
 * When a unit has enough data to be rated (`policies.coverage`): a unit whose applicable indicators with
 * data carry less than `minWeightShare` of the scale, or make less than `minIndicatorShare` of them, is
 * reported as not rated (no rank, no grade) instead of being ranked on zeros. Shares are 0..1.
 */
export interface CoveragePolicy {
  readonly minWeightShare: number;
  readonly minIndicatorShare: number;
}

/** The default for a ruleset that does not say: at least half of the scale must rest on data. */
export const DEFAULT_COVERAGE: CoveragePolicy = { minWeightShare: 0.5, minIndicatorShare: 0 };

export interface Ruleset {
  readonly id: string;
  readonly version: string;
  readonly effective: { readonly from: string; readonly to?: string };
  readonly title: Localized;
  readonly description?: LocalizedNote;
  /** The languages every text is declared to exist in (ruleset.yaml `languages`); absent: not declared. */
  readonly languages?: readonly Lang[];
  /** Names of the units of measure by language (ruleset.yaml `measures`). */
  readonly measures?: MeasureNames;
  readonly scale: number;
  /** How the block scores make the total; absent: the sum of the block points. */
  readonly total?: TotalAggregation;
  readonly unitKinds: readonly string[];
  readonly missing: MissingPolicy;
  /** policies.coverage; absent in a hand-made model, which then has DEFAULT_COVERAGE. */
  readonly coverage?: CoveragePolicy;
  readonly rank: RankPolicy;
  /** Thresholds of `tarazy audit` set in ruleset.yaml (`audit:`), by key; absent keys take the defaults. */
  readonly audit?: Readonly<Record<string, number>>;
  readonly grades: readonly Grade[];
  readonly ratings: readonly Rating[];
  readonly units: readonly Unit[];
  readonly fields: readonly Field[];
  readonly blocks: readonly Block[];
  /** The folder the ruleset was loaded from and a hash of its files' contents, for manifests. */
  readonly root: string;
  readonly hash: string;
  readonly at: Located;
}
