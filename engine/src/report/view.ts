import { isGraded } from "../model/grades.js";
import type { Block, Group, Lang, Rating, Ruleset } from "../model/ruleset.js";
import type { BlockResult, Coverage, GroupResult, IndicatorResult, RatingResult } from "../scoring/result.js";
import { FALLBACK_COLOR, hexColor } from "./colors.js";
import { type CoverageNotes, coverageNotes } from "./coverage-view.js";
import { type ReportInput, sortByPeriod } from "./input.js";
import { localize, localizeMeasure, ratingTitle } from "./labels.js";
import { buildManifest, type ReportManifest } from "./manifest.js";
import { totalDecimals } from "./number-format.js";
import { periodLabel } from "./period-label.js";

/**
 * What every report format shows, resolved once from the ruleset and the results: names in the chosen
 * language, grade colours, the rating's blocks and indicators in ruleset order, periods in time order.
 * The writers only lay this out; none of them looks anything up.
 */
export interface GradeView {
  readonly id: string;
  readonly label: string;
  /** #rrggbb, safe to put in a style attribute. */
  readonly color: string;
  readonly min?: number;
}

export interface IndicatorColumn {
  readonly id: string;
  readonly name: string;
  readonly measure: string;
}

export interface BlockColumn {
  readonly id: string;
  readonly name: string;
  /** The block's maximum points on the rating's scale. */
  readonly weight: number;
  /** The block's groups, depth first (empty for a block of indicators only): a column each in its detail. */
  readonly groups: readonly GroupColumn[];
  readonly indicators: readonly IndicatorColumn[];
}

export interface GroupColumn {
  readonly id: string;
  readonly name: string;
  /** The group holding it (absent: directly in the block). */
  readonly parent?: string;
  /** Its level: 2 for a group directly in a block (the blocks are level 1), 3 inside such a group, … */
  readonly level: number;
}

export interface UnitRow {
  readonly unitId: string;
  readonly name: string;
  readonly rank: number;
  readonly previousRank?: number;
  readonly rankChange?: number;
  readonly total: number;
  /** Absent when the rating has no grades (ReportView.graded false). */
  readonly grade?: GradeView;
  /** How much of the total rests on data (absent in results made before coverage was measured). */
  readonly coverage?: Coverage;
  readonly blocks: Readonly<Record<string, BlockResult | undefined>>;
  /** By group id, for a ruleset with levels (absent for a two-level one). */
  readonly groups?: Readonly<Record<string, GroupResult | undefined>>;
  readonly indicators: Readonly<Record<string, IndicatorResult | undefined>>;
}

export interface PeriodView {
  readonly period: string;
  readonly label: string;
  /** In rank order, as the results give them. */
  readonly rows: readonly UnitRow[];
  /** The units not rated for too little data, and the zero policy's use. */
  readonly coverage: CoverageNotes;
}

export interface ReportView {
  readonly lang: Lang;
  readonly title: string;
  readonly rulesetTitle: string;
  readonly scale: number;
  /** Decimals of the totals shown (the ruleset's display setting or ranking rounding: number-format.ts). */
  readonly decimals: number;
  readonly grades: readonly GradeView[];
  /** False for a rating without grades: no grade column, badge, legend or colour by grade. */
  readonly graded: boolean;
  readonly blocks: readonly BlockColumn[];
  /**
   * The helper blocks (computed in every rating, no weight in it; weight 0 here): their levels are shown
   * beside the blocks' (the XLSX level sheets, the heat map's drill-downs), as the GDI's female and male HDIs.
   */
  readonly helpers: readonly BlockColumn[];
  /** In time order; the last one is the period the tables show. */
  readonly periods: readonly PeriodView[];
  readonly latest: PeriodView;
  readonly manifest: ReportManifest;
  /** Results exactly as given, in period order, for rating.json. */
  readonly results: readonly RatingResult[];
}

/**
 * The grades the rating's units get, best first: the rating's own grades in the order written when it has
 * them, else the ruleset's. `min` is a threshold on the total, so it is left out when the rating's grades
 * are decided on another value (`grades_on`): no legend or chart line then places them on the total.
 */
export function gradeViews(ruleset: Ruleset, lang: Lang, rating?: Rating): GradeView[] {
  if (rating?.grades) {
    return rating.grades.map((g) => ({
      id: g.id,
      label: localize(g.label, lang),
      color: hexColor(g.color),
      ...(g.min !== undefined && rating.gradesOn === undefined ? { min: g.min } : {}),
    }));
  }
  return [...ruleset.grades]
    .sort((a, b) => b.min - a.min)
    .map((g) => ({ id: g.id, label: localize(g.label, lang), color: hexColor(g.color), min: g.min }));
}

/** The rating's blocks, with weights rescaled so that they make the full scale (as scoring does). */
function blockColumns(ruleset: Ruleset, rating: Rating | undefined, lang: Lang): BlockColumn[] {
  const ids = rating && rating.blocks.length > 0 ? new Set(rating.blocks) : undefined;
  const blocks = ruleset.blocks.filter((b) => !ids || ids.has(b.id));
  const sum = blocks.reduce((s, b) => s + b.weight, 0);
  return blocks.map((b) => blockColumn(b, sum > 0 ? (ruleset.scale * b.weight) / sum : 0, lang));
}

function blockColumn(b: Block, weight: number, lang: Lang): BlockColumn {
  return {
    id: b.id,
    name: localize(b.name, lang),
    weight,
    groups: groupColumns(b, lang),
    indicators: b.indicators.map((i) => ({
      id: i.id,
      name: localize(i.name, lang),
      measure: localizeMeasure(i, lang),
    })),
  };
}

/** The helper blocks the rating does not list itself. */
function helperColumns(ruleset: Ruleset, blocks: readonly BlockColumn[], lang: Lang): BlockColumn[] {
  const listed = new Set(blocks.map((b) => b.id));
  return ruleset.blocks.filter((b) => b.helper && !listed.has(b.id)).map((b) => blockColumn(b, 0, lang));
}

/** A block's groups depth first (a group before its inner groups, as model/groups.ts allGroups walks them). */
function groupColumns(parent: Block | Group, lang: Lang, level = 2): GroupColumn[] {
  return (parent.groups ?? []).flatMap((g) => [
    { id: g.id, name: localize(g.name, lang), ...("block" in parent ? { parent: parent.id } : {}), level },
    ...groupColumns(g, lang, level + 1),
  ]);
}

function periodView(result: RatingResult, ruleset: Ruleset, grades: readonly GradeView[], lang: Lang): PeriodView {
  const units = new Map(ruleset.units.map((u) => [u.id, u]));
  const gradeById = new Map(grades.map((g) => [g.id, g]));
  const rows = result.results.map((u): UnitRow => {
    const unit = units.get(u.unit);
    // An empty grade id means the total reached no grade's min: shown as a dash, in grey.
    const id = u.grade;
    const grade = id === undefined ? undefined : (gradeById.get(id) ?? { id, label: id || "—", color: FALLBACK_COLOR });
    return {
      unitId: u.unit,
      name: unit ? localize(unit.name, lang) : u.unit,
      rank: u.rank,
      ...(u.previousRank !== undefined ? { previousRank: u.previousRank } : {}),
      ...(u.rankChange !== undefined ? { rankChange: u.rankChange } : {}),
      total: u.score,
      ...(grade ? { grade } : {}),
      ...(u.coverage ? { coverage: u.coverage } : {}),
      blocks: u.blocks,
      ...(u.groups ? { groups: u.groups } : {}),
      indicators: u.indicators,
    };
  });
  const name = (id: string) => {
    const unit = units.get(id);
    return unit ? localize(unit.name, lang) : id;
  };
  return {
    period: result.period,
    label: periodLabel(result.period, lang),
    rows,
    coverage: coverageNotes(result, name, lang),
  };
}

/** Resolves the view; call after checkReportInput found no errors (it needs at least one result). */
export function buildReportView(input: ReportInput): ReportView {
  const { ruleset, lang } = input;
  const results = sortByPeriod(input.results);
  const first = results[0];
  if (!first) throw new RangeError("buildReportView needs at least one result");
  const rating = ruleset.ratings.find((r) => r.id === first.rating);
  const grades = gradeViews(ruleset, lang, rating);
  const periods = results.map((r) => periodView(r, ruleset, grades, lang));
  const blocks = blockColumns(ruleset, rating, lang);
  return {
    lang,
    title: ratingTitle(ruleset, first.rating, lang),
    rulesetTitle: localize(ruleset.title, lang),
    scale: ruleset.scale,
    decimals: totalDecimals(ruleset.rank),
    grades,
    graded: rating === undefined || isGraded(ruleset, rating),
    blocks,
    helpers: helperColumns(ruleset, blocks, lang),
    periods,
    latest: periods[periods.length - 1] as PeriodView,
    manifest: buildManifest(input),
    results,
  };
}

/** The unit's block points as a share of the block's maximum, 0..1; undefined when the block has no weight. */
export function blockShare(block: BlockResult | undefined): number | undefined {
  if (!block || !(block.weight > 0)) return undefined;
  return Math.min(1, Math.max(0, block.score / block.weight));
}
