import { functionRegistry } from "../functions/registry.js";
import { signature } from "../functions/spec.js";
import { allIndicators, groupPath } from "../model/groups.js";
import {
  type Block,
  type CoveragePolicy,
  DEFAULT_COVERAGE,
  type Frequency,
  type Group,
  type Indicator,
  type Lang,
  type MissingPolicy,
  type Rating,
  type Ruleset,
} from "../model/ruleset.js";
import { hexColor } from "../report/colors.js";
import { coveragePercent } from "../report/coverage-view.js";
import { type LabelKey, label, localize, localizeMeasure } from "../report/labels.js";
import { formatShort } from "../report/number-format.js";
import { ENGINE_VERSION } from "../version.js";
import { describeValues } from "./allowed-values.js";
import { appliesText } from "./applicability.js";
import { blockWeights, effectiveWeights, isRescaled } from "./effective-weights.js";
import { formulaUses } from "./formula-inputs.js";
import { formulaText } from "./formula-text.js";
import { inForceText } from "./in-force.js";
import { type RatingGradesDoc, ratingGradesDocs } from "./rating-grades.js";
import type { Rich } from "./rich-text.js";
import { scoreRuleText } from "./score-rule.js";

/**
 * The methodology document a regional office publishes, resolved from the ruleset into words in one
 * language. The Markdown and HTML renderers lay this out; neither looks anything up.
 */
export interface InputDoc {
  /** The name as the formula writes it. */
  readonly name: string;
  readonly kind: "field" | "indicator" | "attribute" | "value" | "unknown";
  /** The localized name (or a description of the kind when there is none). */
  readonly label: string;
  readonly measure?: string;
  readonly source?: string;
  /** A field's allowed values in words ("allowed values: a whole number, not negative"), when it declares them. */
  readonly allowed?: string;
}

export interface IndicatorDoc {
  /** "2.3": block 2, indicator 3, for citing. */
  readonly number: string;
  readonly id: string;
  readonly name: string;
  readonly measure: string;
  readonly formula: string;
  readonly inputs: readonly InputDoc[];
  readonly direction: string;
  readonly frequency: string;
  readonly weight: number;
  readonly weightSum: number;
  /** Points of the scale, before redistribution for units it does not apply to. */
  readonly effectiveWeight: number;
  /** In a helper block: computed, no weight in the total (shown so, not as a weight of 0). */
  readonly helper?: true;
  readonly scoring: Rich;
  readonly source: string;
  readonly applies: Rich;
  readonly missing: string;
  readonly rationale?: string;
}

export interface BlockDoc {
  readonly number: string;
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** Points of the full scale. */
  readonly weight: number;
  readonly aggregation: string;
  /** A helper block: computed, no weight in the total. */
  readonly helper?: boolean;
  /** The block's groups, depth first (absent: a block of indicators only). */
  readonly groups?: readonly GroupDoc[];
  readonly indicators: readonly IndicatorDoc[];
}

/** A group of a block in the methodology document: where it sits and what it weighs through the levels. */
export interface GroupDoc {
  readonly id: string;
  readonly name: string;
  /** 1 for a group of the block, 2 for one inside it, ... */
  readonly depth: number;
  /** The weight written, relative to the other members of its parent. */
  readonly weight: number;
  /** Its weight on the scale with every member present (the sum of its indicators' effective weights). */
  readonly effective: number;
  readonly aggregation: string;
  /** Its own indicators' ids. */
  readonly indicators: readonly string[];
  /** In a helper block: no weight in the total. */
  readonly helper?: true;
  /** Which units it applies to, when it says (`applies`), in words. */
  readonly applies?: Rich;
  /** How often its indicators can be rated at most, when it says (`frequency`). */
  readonly frequency?: string;
}

export interface RatingDoc {
  readonly id: string;
  readonly title: string;
  readonly frequency: string;
  readonly blocks: readonly { readonly name: string; readonly weight: number }[];
  readonly rescaled: boolean;
}

export interface FunctionDoc {
  readonly name: string;
  readonly signature: string;
  readonly description: string;
}

export interface GradeDoc {
  readonly label: string;
  readonly min: number;
  readonly color: string;
}

/** What changed since the previous version, already in words (from the rules diff). */
export type ChangesDoc =
  | { readonly kind: "first" }
  | { readonly kind: "since"; readonly version: string; readonly items: readonly Rich[] };

export interface MethodologyDoc {
  readonly lang: Lang;
  readonly title: string;
  readonly description?: string;
  readonly rulesetId: string;
  readonly version: string;
  readonly hash: string;
  readonly inForce: string;
  readonly scale: number;
  readonly ratings: readonly RatingDoc[];
  readonly blocks: readonly BlockDoc[];
  readonly indicatorCount: number;
  readonly ranking: readonly string[];
  readonly grades: readonly GradeDoc[];
  /** The ratings' own grades (docs/rule-format.md, "Rank order and grades of a rating"). */
  readonly ratingGrades: readonly RatingGradesDoc[];
  readonly functions: readonly FunctionDoc[];
  readonly changes?: ChangesDoc;
  readonly engineVersion: string;
}

export interface MethodologyInput {
  readonly ruleset: Ruleset;
  readonly lang: Lang;
  /** Left out when the previous version could not be read. */
  readonly changes?: ChangesDoc;
  /** Defaults to ENGINE_VERSION; tests pin it. */
  readonly engineVersion?: string;
}

const FREQUENCY: Readonly<Record<Frequency, LabelKey>> = {
  month: "freqMonth",
  quarter: "freqQuarter",
  year: "freqYear",
};
const MISSING: Readonly<Record<MissingPolicy, LabelKey>> = {
  zero: "missingZero",
  exclude: "missingExclude",
  fail: "missingFail",
};
const AGGREGATION: Readonly<Record<Block["aggregation"], LabelKey>> = {
  arithmetic: "aggArithmetic",
  geometric: "aggGeometric",
  harmonic: "aggHarmonic",
  min: "aggMin",
  power: "aggPower",
  formula: "aggFormula",
};

/** A level's aggregation in words; `formula` with the formula itself. */
function aggregationText(level: Block | Group, lang: Lang): string {
  return label(AGGREGATION[level.aggregation], lang, { formula: level.formula ? formulaText(level.formula) : "" });
}
const TIES = { competition: "tiesCompetition", dense: "tiesDense", shared: "tiesShared" } as const;

/** Every formula of an indicator: its value, the plan, the score formula and the applicability test. */
function indicatorFormulas(i: Indicator) {
  return [
    i.formula,
    i.score.method === "achievement" ? i.score.plan : undefined,
    i.score.method === "formula" ? i.score.formula : undefined,
    i.applies?.when,
  ].filter((f) => f !== undefined);
}

function inputDoc(name: string, ruleset: Ruleset, lang: Lang): InputDoc {
  const field = ruleset.fields.find((f) => f.id === name);
  if (field) {
    const source = label(field.source === "unit" ? "sourceUnit" : "sourceRegion", lang);
    const list = field.values ? describeValues(field.values, lang, (n) => formatShort(n, lang, 6)) : "";
    const allowed = list ? { allowed: label("valuesAllowed", lang, { list }) } : {};
    const measure = localizeMeasure(field, lang);
    return { name, kind: "field", label: localize(field.name, lang), measure, source, ...allowed };
  }
  const indicator = ruleset.blocks.flatMap((b) => b.indicators).find((i) => i.id === name);
  if (indicator)
    return {
      name,
      kind: "indicator",
      label: localize(indicator.name, lang),
      measure: localizeMeasure(indicator, lang),
    };
  if (name === "value") return { name, kind: "value", label: label("inputKindValue", lang) };
  if (name.startsWith("unit.")) return { name, kind: "attribute", label: label("inputKindAttribute", lang) };
  return { name, kind: "unknown", label: name };
}

function indicatorDoc(
  i: Indicator,
  number: string,
  block: Block,
  input: MethodologyInput,
  weights: Map<string, number>,
): IndicatorDoc {
  const { ruleset, lang } = input;
  const names = [...new Set(indicatorFormulas(i).flatMap((f) => formulaUses(f.ast).names))];
  const rationale = i.rationale ? localize(i.rationale, lang) : undefined;
  return {
    number,
    id: i.id,
    name: localize(i.name, lang),
    measure: localizeMeasure(i, lang),
    formula: formulaText(i.formula),
    inputs: names.map((n) => inputDoc(n, ruleset, lang)),
    direction: label(i.better === "higher" ? "higherBetter" : "lowerBetter", lang),
    frequency: label(FREQUENCY[i.frequency], lang),
    weight: i.weight,
    // Relative to the indicator's siblings: its group's members, or the block's own members.
    weightSum: siblingWeights(block, i),
    effectiveWeight: weights.get(i.id) ?? 0,
    ...(block.helper ? { helper: true as const } : {}),
    scoring: scoreRuleText(i, lang),
    source: label(i.source === "unit" ? "sourceUnit" : "sourceRegion", lang),
    applies: appliesText(i.applies, ruleset, lang),
    missing: label(MISSING[i.missing ?? block.missing ?? ruleset.missing], lang),
    ...(rationale ? { rationale } : {}),
  };
}

function ratingDoc(ruleset: Ruleset, rating: Rating, lang: Lang): RatingDoc {
  return {
    id: rating.id,
    title: localize(rating.title, lang),
    frequency: label(FREQUENCY[rating.frequency], lang),
    blocks: blockWeights(ruleset, rating).map((b) => ({ name: localize(b.block.name, lang), weight: b.weight })),
    rescaled: isRescaled(ruleset, rating),
  };
}

function functionDocs(ruleset: Ruleset, lang: Lang): FunctionDoc[] {
  const used = new Set(
    ruleset.blocks.flatMap((b) =>
      b.indicators.flatMap((i) => indicatorFormulas(i).flatMap((f) => formulaUses(f.ast).functions)),
    ),
  );
  return [...used].sort().flatMap((name) => {
    const spec = functionRegistry.lookup(name);
    return spec ? [{ name: spec.name, signature: signature(spec), description: spec.description[lang] }] : [];
  });
}

function rankingText(ruleset: Ruleset, lang: Lang): string[] {
  const round = ruleset.rank.round;
  return [
    round === undefined ? label("rankExact", lang) : label("rankRound", lang, { n: round }),
    label(TIES[ruleset.rank.ties], lang),
    coverageText(ruleset.coverage ?? DEFAULT_COVERAGE, lang),
  ];
}

/** policies.coverage in words: who is not rated for too little data. */
function coverageText(policy: CoveragePolicy, lang: Lang): string {
  const min = coveragePercent(policy.minWeightShare, lang);
  const text = label("rankCoverage", lang, { min });
  return policy.minIndicatorShare > 0
    ? `${text} ${label("rankCoverageIndicators", lang, { min: coveragePercent(policy.minIndicatorShare, lang) })}`
    : text;
}

export function buildMethodology(input: MethodologyInput): MethodologyDoc {
  const { ruleset, lang } = input;
  const weights = effectiveWeights(ruleset);
  const blocks = blockWeights(ruleset).map(({ block, weight }, bi): BlockDoc => {
    const description = block.description ? localize(block.description, lang) : undefined;
    return {
      number: String(bi + 1),
      id: block.id,
      name: localize(block.name, lang),
      ...(description ? { description } : {}),
      weight,
      aggregation: aggregationText(block, lang),
      ...(block.helper ? { helper: true } : {}),
      ...(block.groups ? { groups: groupDocs(block.groups, 1, weights, input, block.helper) } : {}),
      indicators: block.indicators.map((i, ii) => indicatorDoc(i, `${bi + 1}.${ii + 1}`, block, input, weights)),
    };
  });
  const { from, to } = ruleset.effective;
  const description = ruleset.description ? localize(ruleset.description, lang) : undefined;
  return {
    lang,
    title: localize(ruleset.title, lang),
    ...(description ? { description } : {}),
    rulesetId: ruleset.id,
    version: ruleset.version,
    hash: ruleset.hash,
    inForce: inForceText(from, to, lang),
    scale: ruleset.scale,
    ratings: ruleset.ratings.map((r) => ratingDoc(ruleset, r, lang)),
    blocks,
    indicatorCount: blocks.reduce((n, b) => n + b.indicators.length, 0),
    ranking: rankingText(ruleset, lang),
    grades: [...ruleset.grades]
      .sort((a, b) => b.min - a.min)
      .map((g) => ({ label: localize(g.label, lang), min: g.min, color: hexColor(g.color) })),
    ratingGrades: ratingGradesDocs(ruleset, lang),
    functions: functionDocs(ruleset, lang),
    ...(input.changes ? { changes: input.changes } : {}),
    engineVersion: input.engineVersion ?? ENGINE_VERSION,
  };
}

function groupDocs(
  groups: readonly Group[],
  depth: number,
  weights: ReadonlyMap<string, number>,
  input: MethodologyInput,
  helper?: boolean,
): GroupDoc[] {
  const { ruleset, lang } = input;
  return groups.flatMap((g) => [
    {
      id: g.id,
      name: localize(g.name, lang),
      depth,
      weight: g.weight,
      effective: allIndicators(g).reduce((s, i) => s + (weights.get(i.id) ?? 0), 0),
      aggregation: aggregationText(g, lang),
      indicators: g.indicators.map((i) => i.id),
      ...(helper ? { helper: true as const } : {}),
      ...(g.applies ? { applies: appliesText(g.applies, ruleset, lang) } : {}),
      ...(g.frequency ? { frequency: label(FREQUENCY[g.frequency], lang) } : {}),
    },
    ...groupDocs(g.groups, depth + 1, weights, input, helper),
  ]);
}

/** The weights of the members beside which an indicator is weighted (its own included). */
function siblingWeights(block: Block, indicator: Indicator): number {
  const path = groupPath(block, indicator.group);
  const parent = path[path.length - 1] ?? block;
  const own = path.length > 0 ? parent.indicators : block.indicators.filter((x) => x.group === undefined);
  return [...(parent.groups ?? []), ...own].reduce((s, x) => s + x.weight, 0);
}

/** A weight for the document: up to two decimals, the language's decimal mark. */
export function weightText(x: number, lang: Lang): string {
  return formatShort(x, lang);
}

/** A weight in the total: a helper has none (it is computed, not counted), rather than a weight of 0. */
export function inTotalText(x: { readonly helper?: boolean }, weight: number, lang: Lang): string {
  return x.helper ? label("helperWeight", lang) : weightText(weight, lang);
}

/** An indicator's weight in the total as "w of scale", or a helper's none. */
export function inTotalOfScale(i: IndicatorDoc, scale: number, lang: Lang): string {
  return i.helper
    ? label("helperWeight", lang)
    : label("weightOf", lang, { weight: weightText(i.effectiveWeight, lang), sum: weightText(scale, lang) });
}

/** "In all: 5 blocks, 18 indicators", naming the helper blocks among them. */
export function countsText(doc: MethodologyDoc): string {
  const helpers = doc.blocks.filter((b) => b.helper).length;
  const counts = { blocks: doc.blocks.length, indicators: doc.indicatorCount, helpers };
  return label(helpers > 0 ? "indicatorsTotalHelpers" : "indicatorsTotal", doc.lang, counts);
}
