import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { allIndicators } from "../model/groups.js";
import {
  type Aggregation,
  type Applicability,
  type Band,
  type Block,
  type CoveragePolicy,
  DEFAULT_COVERAGE,
  type Direction,
  type Field,
  type FieldAggregate,
  type FieldValues,
  type FormulaSource,
  type Frequency,
  type Grade,
  type Group,
  type Indicator,
  type Lang,
  type Localized,
  type LocalizedNote,
  type MeasureNames,
  type MissingPolicy,
  type Rating,
  type RatingGrade,
  type Ruleset,
  type ScoreMethod,
  type TieRule,
  type TotalAggregation,
  type Unit,
} from "../model/ruleset.js";
import { formulaAt } from "./formula-source.js";
import type { FileKind } from "./schema.js";
import type { RulesetSources } from "./sources.js";
import { pointerSegment, type RuleDocument } from "./yaml-document.js";

export interface KindedDocument {
  readonly doc: RuleDocument;
  readonly kind: FileKind;
}

type Raw = Record<string, unknown>;

/** Default grade colours, from the highest grade down, for grades that give none. */
const GRADE_COLORS = ["#2e7d32", "#f9a825", "#c62828", "#6a1b9a", "#455a64"];

/**
 * Builds the rule model from the files' data. It never fails: a value the schema rejected is replaced by a
 * neutral default and marked broken in `sources`, so that one bad file or indicator does not hide the
 * errors in the others and the checks skip what they cannot judge. Formulas are parsed in place here.
 */
export function buildModel(
  root: string,
  rulesetDoc: RuleDocument | undefined,
  docs: readonly KindedDocument[],
  sources: RulesetSources,
  parts?: ModelParts,
): { model: Ruleset; diagnostics: Diagnostic[]; parseErrors: Set<FormulaSource> } {
  const diagnostics: Diagnostic[] = [];
  const parseErrors = new Set<FormulaSource>();
  const units: Unit[] = [];
  const fields: Field[] = [];
  const blocks: Block[] = [];
  const measures = parts ? parts.measures(rulesetDoc, sources) : buildMeasures(rulesetDoc, sources);
  for (const { doc, kind } of docs) {
    const part = parts ? parts.of(doc, kind, rulesetDoc, measures, sources) : buildPart(doc, kind, sources, measures);
    units.push(...part.units);
    fields.push(...part.fields);
    blocks.push(...part.blocks);
    diagnostics.push(...part.diagnostics);
    for (const f of part.parseErrors) parseErrors.add(f);
  }
  const model = buildRuleset(root, rulesetDoc, { units, fields, blocks, measures }, sources);
  return { model, diagnostics, parseErrors };
}

/** What one rule file adds to the model: its units, fields or block, and its formulas' syntax errors. */
interface DocumentPart {
  readonly units: readonly Unit[];
  readonly fields: readonly Field[];
  readonly blocks: readonly Block[];
  readonly diagnostics: readonly Diagnostic[];
  readonly parseErrors: readonly FormulaSource[];
}

function buildPart(doc: RuleDocument, kind: FileKind, sources: RulesetSources, measures: MeasureNames): DocumentPart {
  const diagnostics: Diagnostic[] = [];
  const parseErrors: FormulaSource[] = [];
  const formula = (d: RuleDocument, path: string): FormulaSource | undefined => {
    const result = formulaAt(d, path);
    diagnostics.push(...result.diagnostics);
    if (result.formula && result.diagnostics.some((x) => x.severity === "error")) parseErrors.push(result.formula);
    return result.formula;
  };
  const data = asRaw(doc.data);
  const units =
    kind === "units" ? items(doc, "/units", data.units, sources).map(([u, p]) => buildUnit(doc, p, u, sources)) : [];
  const fields =
    kind === "fields"
      ? items(doc, "/fields", data.fields, sources).map(([f, p]) => buildField(doc, p, f, sources, measures))
      : [];
  const blocks = kind === "block" ? [buildBlock(doc, data, sources, formula, measures)] : [];
  return { units, fields, blocks, diagnostics, parseErrors };
}

/**
 * The parts of the model built from each rule file, kept for an editor that re-loads a version after every
 * edit: a part depends only on its parsed document (immutable, and handed back unchanged by the parse cache
 * while its text is the same), its kind and ruleset.yaml's document (the measures table), so an edit builds
 * only the edited file's part again. Where a part's elements came from is recorded in `origins`, which
 * every load's sources share (see RulesetSources). The derived frequencies that linking writes into reused
 * indicators are written again by every load (see link.ts); a part is never shared by two versions (it is
 * keyed by their ruleset.yaml too). Loads that share an instance must run one after the other.
 */
export class ModelParts {
  readonly origins = new WeakMap<object, { doc: RuleDocument; path: string }>();
  private readonly parts = new WeakMap<RuleDocument, { key: object; kind: FileKind; part: DocumentPart }>();
  private readonly tables = new WeakMap<RuleDocument, MeasureNames>();
  private readonly noRuleset = {};

  measures(rulesetDoc: RuleDocument | undefined, sources: RulesetSources): MeasureNames {
    if (!rulesetDoc) return buildMeasures(rulesetDoc, sources);
    const known = this.tables.get(rulesetDoc) ?? buildMeasures(rulesetDoc, sources);
    this.tables.set(rulesetDoc, known);
    return known;
  }

  of(
    doc: RuleDocument,
    kind: FileKind,
    rulesetDoc: RuleDocument | undefined,
    measures: MeasureNames,
    sources: RulesetSources,
  ): DocumentPart {
    const key = rulesetDoc ?? this.noRuleset;
    const known = this.parts.get(doc);
    if (known && known.key === key && known.kind === kind) return known.part;
    const part = buildPart(doc, kind, sources, measures);
    this.parts.set(doc, { key, kind, part });
    return part;
  }
}

function buildRuleset(
  root: string,
  doc: RuleDocument | undefined,
  parts: { units: Unit[]; fields: Field[]; blocks: Block[]; measures: MeasureNames },
  sources: RulesetSources,
): Ruleset {
  const data = asRaw(doc?.data);
  const effective = asRaw(data.effective);
  const policies = asRaw(data.policies);
  const rank = asRaw(policies.rank);
  const round = typeof rank.round === "number" && Number.isInteger(rank.round) ? rank.round : undefined;
  const display = rank.display_decimals;
  const displayDecimals = typeof display === "number" && Number.isInteger(display) ? display : undefined;
  // `blocks: all` is every block that counts: helper blocks carry no weight in a total.
  const blockIds = parts.blocks.filter((b) => !b.helper).map((b) => b.id);
  const grades = list(data.grades).map((g, i) => buildGrade(doc, `/grades/${i}`, g, sources));
  const byMin = [...grades].sort((a, b) => b.min - a.min);
  const coloured = grades.map((g) => (g.color ? g : { ...g, color: GRADE_COLORS[byMin.indexOf(g)] ?? "#757575" }));
  // Re-record: the coloured copies are what the model holds.
  coloured.forEach((g, i) => {
    if (doc) sources.record(g, doc, `/grades/${i}`);
  });
  const ruleset: Ruleset = {
    id: str(data.ruleset),
    version: typeof data.version === "number" ? String(data.version) : str(data.version),
    effective: {
      from: str(effective.from),
      ...(typeof effective.to === "string" ? { to: effective.to } : {}),
    },
    title: localized(data.title),
    ...optionalNote("description", data.description),
    ...languages(data.languages),
    measures: parts.measures,
    scale: num(data.scale, 100),
    ...totalAggregation(asRaw(data.total)),
    unitKinds: list(data.unit_kinds).filter((k): k is string => typeof k === "string"),
    missing: oneOf<MissingPolicy>(policies.missing, ["zero", "exclude", "fail"], "zero"),
    coverage: coveragePolicy(asRaw(policies.coverage)),
    rank: {
      ...(round !== undefined ? { round } : {}),
      ties: oneOf<TieRule>(rank.ties, ["competition", "dense", "shared"], "competition"),
      ...(displayDecimals !== undefined ? { displayDecimals } : {}),
    },
    ...auditThresholds(data.audit),
    grades: coloured,
    ratings: list(data.ratings).map((r, i) => buildRating(doc, `/ratings/${i}`, r, blockIds, sources)),
    units: parts.units,
    fields: parts.fields,
    blocks: parts.blocks,
    root,
    hash: "",
    at: { file: doc?.file ?? root, range: doc ? sources.rangeAt(doc, "/ruleset") : zeroRange() },
  };
  if (doc) sources.record(ruleset, doc, "");
  return ruleset;
}

/** policies.coverage; a share outside 0..1 is the schema's error, and the default is used meanwhile. */
function coveragePolicy(raw: Record<string, unknown>): CoveragePolicy {
  const share = (v: unknown, fallback: number) => (typeof v === "number" && v >= 0 && v <= 1 ? v : fallback);
  return {
    minWeightShare: share(raw.min_weight_share, DEFAULT_COVERAGE.minWeightShare),
    minIndicatorShare: share(raw.min_indicator_share, DEFAULT_COVERAGE.minIndicatorShare),
  };
}

/** ruleset.yaml `audit:`: the numeric thresholds given (the schema has checked their names and ranges). */
function auditThresholds(raw: unknown): { audit?: Record<string, number> } {
  const entries = Object.entries(asRaw(raw)).filter((e): e is [string, number] => typeof e[1] === "number");
  return entries.length > 0 ? { audit: Object.fromEntries(entries) } : {};
}

function buildGrade(doc: RuleDocument | undefined, path: string, raw: unknown, sources: RulesetSources): Grade {
  const g = asRaw(raw);
  const grade: Grade = {
    id: str(g.id),
    min: num(g.min, 0),
    label: localized(g.label),
    color: typeof g.color === "string" && /^#[0-9A-Fa-f]{6}$/.test(g.color) ? g.color : "",
  };
  if (doc) sources.record(grade, doc, path);
  return grade;
}

/** ruleset.yaml `total`; absent (or arithmetic without more): the sum of the block points, as ever. */
function totalAggregation(raw: Record<string, unknown>): { total?: TotalAggregation } {
  if (raw.aggregation === undefined && raw.exponent === undefined) return {};
  return { total: { aggregation: aggregation(raw.aggregation), ...exponent(raw.exponent) } };
}

function aggregation(raw: unknown): Aggregation {
  return oneOf<Aggregation>(raw, ["arithmetic", "geometric", "harmonic", "min", "power"], "arithmetic");
}

/** A block's or group's aggregation, with its formula when it is `formula` (or has one: R285 says which). */
function levelAggregation(
  doc: RuleDocument,
  path: string,
  raw: Raw,
  formula: FormulaReader,
): { aggregation: Aggregation; formula?: FormulaSource } {
  const source = raw.formula !== undefined ? formula(doc, `${path}/formula`) : undefined;
  const kind = raw.aggregation === "formula" ? "formula" : aggregation(raw.aggregation);
  return { aggregation: kind, ...(source ? { formula: source } : {}) };
}

function exponent(raw: unknown): { exponent?: number } {
  return typeof raw === "number" ? { exponent: raw } : {};
}

/** A grade of a rating's own grades; without a colour, the default palette in the order written. */
function ratingGrade(
  doc: RuleDocument | undefined,
  path: string,
  raw: unknown,
  index: number,
  sources: RulesetSources,
): RatingGrade {
  const g = asRaw(raw);
  const grade: RatingGrade = {
    id: str(g.id),
    ...(typeof g.min === "number" ? { min: g.min } : {}),
    ...(typeof g.max === "number" ? { max: g.max } : {}),
    label: localized(g.label),
    color:
      typeof g.color === "string" && /^#[0-9A-Fa-f]{6}$/.test(g.color) ? g.color : (GRADE_COLORS[index] ?? "#757575"),
    at: located(doc, path),
  };
  if (doc) sources.record(grade, doc, path);
  return grade;
}

function buildRating(
  doc: RuleDocument | undefined,
  path: string,
  raw: unknown,
  blockIds: readonly string[],
  sources: RulesetSources,
): Rating {
  const r = asRaw(raw);
  const blocks = r.blocks === "all" ? [...blockIds] : list(r.blocks).filter((b): b is string => typeof b === "string");
  const grades =
    r.grades === undefined
      ? undefined
      : list(r.grades).map((g, i) => ratingGrade(doc, `${path}/grades/${i}`, g, i, sources));
  const rating: Rating = {
    id: str(r.id),
    title: localized(r.title),
    frequency: frequency(r.frequency, "quarter"),
    blocks,
    ...(r.order === "ascending" || r.order === "descending" ? { order: r.order } : {}),
    ...(grades ? { grades } : {}),
    ...(typeof r.grades_on === "string" ? { gradesOn: r.grades_on } : {}),
    at: located(doc, path),
  };
  if (doc) sources.record(rating, doc, path);
  return rating;
}

function buildUnit(doc: RuleDocument, path: string, raw: unknown, sources: RulesetSources): Unit {
  const u = asRaw(raw);
  // fromEntries defines own properties, so even a `__proto__` attribute is kept (and then refused by R203).
  const attributes: Record<string, number | string | boolean> = Object.fromEntries(
    Object.entries(asRaw(u.attributes)).filter(
      (e): e is [string, number | string | boolean] =>
        typeof e[1] === "number" || typeof e[1] === "string" || typeof e[1] === "boolean",
    ),
  );
  const unit: Unit = {
    id: str(u.id),
    name: localized(u.name),
    kind: str(u.kind),
    attributes,
    aliases: list(u.aliases).filter((a): a is string => typeof a === "string"),
    at: located(doc, path),
  };
  sources.record(unit, doc, path);
  return unit;
}

function buildField(
  doc: RuleDocument,
  path: string,
  raw: unknown,
  sources: RulesetSources,
  measures: MeasureNames,
): Field {
  const f = asRaw(raw);
  const field: Field = {
    id: str(f.id),
    name: localized(f.name),
    ...measure(f.measure, measures),
    aggregate: oneOf<FieldAggregate>(f.aggregate, ["sum", "last", "mean"], "sum"),
    cumulative: f.cumulative === true,
    source: oneOf(f.source, ["unit", "region"] as const, "unit"),
    ...(f.role === "plan" ? { role: "plan" as const } : {}),
    frequency: frequency(f.frequency, "month"),
    ...fieldValues(f.values),
    ...optionalNote("description", f.description),
    at: located(doc, path),
  };
  sources.record(field, doc, path);
  return field;
}

/** `values:` as the model keeps it: only the constraints that are set (the schema has checked the types). */
function fieldValues(raw: unknown): { values?: FieldValues } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return {};
  const v = raw as Record<string, unknown>;
  const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : undefined);
  const min = num(v.min);
  const max = num(v.max);
  const values: FieldValues = {
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(v.integer === true ? { integer: true } : {}),
    ...(v.share === true ? { share: true } : {}),
    ...(v.non_negative === true ? { nonNegative: true } : {}),
  };
  return Object.keys(values).length > 0 ? { values } : {};
}

export type FormulaReader = (doc: RuleDocument, path: string) => FormulaSource | undefined;

function buildBlock(
  doc: RuleDocument,
  data: Raw,
  sources: RulesetSources,
  formula: FormulaReader,
  measures: MeasureNames,
): Block {
  const id = str(data.block);
  const members = buildMembers(doc, "", data, { block: id, sources, formula, measures });
  const block: Block = {
    id,
    name: localized(data.name),
    weight: num(data.weight, 0),
    ...levelAggregation(doc, "", data, formula),
    ...exponent(data.exponent),
    ...(isPolicy(data.missing) ? { missing: data.missing } : {}),
    indicators: [...members.groups.flatMap(allIndicators), ...members.indicators],
    ...(members.groups.length > 0 ? { groups: members.groups } : {}),
    ...(data.helper === true ? { helper: true } : {}),
    ...optionalNote("description", data.description),
    at: located(doc, ""),
  };
  sources.record(block, doc, "");
  return block;
}

interface MemberContext {
  readonly block: string;
  readonly group?: string;
  readonly sources: RulesetSources;
  readonly formula: FormulaReader;
  readonly measures: MeasureNames;
}

/** The groups and own indicators of a block or group at `path`. */
function buildMembers(
  doc: RuleDocument,
  path: string,
  data: Raw,
  ctx: MemberContext,
): { groups: Group[]; indicators: Indicator[] } {
  const { block, group, sources, formula, measures } = ctx;
  return {
    groups: items(doc, `${path}/groups`, data.groups, sources).map(([raw, at]) => buildGroup(doc, at, raw, ctx)),
    indicators: items(doc, `${path}/indicators`, data.indicators, sources).map(([raw, at]) =>
      buildIndicator(doc, at, raw, block, sources, formula, measures, group),
    ),
  };
}

function buildGroup(doc: RuleDocument, path: string, raw: unknown, ctx: MemberContext): Group {
  const x = asRaw(raw);
  const id = str(x.id);
  const members = buildMembers(doc, path, x, { ...ctx, group: id });
  const applies = buildApplies(doc, `${path}/applies`, x.applies, ctx.formula);
  const group: Group = {
    id,
    block: ctx.block,
    name: localized(x.name),
    weight: num(x.weight, 0),
    ...levelAggregation(doc, path, x, ctx.formula),
    ...exponent(x.exponent),
    ...(isPolicy(x.missing) ? { missing: x.missing } : {}),
    ...(x.frequency !== undefined ? { frequency: frequency(x.frequency, "month") } : {}),
    ...(applies ? { applies } : {}),
    groups: members.groups,
    indicators: members.indicators,
    ...optionalNote("description", x.description),
    at: located(doc, path),
  };
  ctx.sources.record(group, doc, path);
  if (applies) ctx.sources.record(applies, doc, `${path}/applies`);
  return group;
}

function buildIndicator(
  doc: RuleDocument,
  path: string,
  raw: unknown,
  block: string,
  sources: RulesetSources,
  formula: FormulaReader,
  measures: MeasureNames,
  group?: string,
): Indicator {
  const x = asRaw(raw);
  const fallback = (p: string): FormulaSource => ({ text: "", at: { file: doc.file, range: sources.rangeAt(doc, p) } });
  const applies = buildApplies(doc, `${path}/applies`, x.applies, formula);
  const indicator: Indicator = {
    id: str(x.id),
    block,
    name: localized(x.name),
    ...measure(x.measure, measures),
    formula: formula(doc, `${path}/formula`) ?? fallback(path),
    better: oneOf<Direction>(x.better, ["higher", "lower"], "higher"),
    score: buildScore(doc, `${path}/score`, x.score, formula, fallback),
    weight: num(x.weight, 0),
    // Absent: derived from the inputs and the groups once names are linked (see link.ts).
    frequency: frequency(x.frequency, "month"),
    source: oneOf(x.source, ["unit", "region"] as const, "unit"),
    ...(applies ? { applies } : {}),
    ...(group !== undefined ? { group } : {}),
    ...(isPolicy(x.missing) ? { missing: x.missing } : {}),
    ...optionalNote("rationale", x.rationale),
    at: located(doc, path),
  };
  sources.record(indicator, doc, path);
  if (applies) sources.record(applies, doc, `${path}/applies`);
  sources.record(indicator.score, doc, `${path}/score`);
  return indicator;
}

/** ruleset.yaml's `measures`, each entry recorded at its place for the language check. */
function buildMeasures(doc: RuleDocument | undefined, sources: RulesetSources): MeasureNames {
  const table: Record<string, Localized> = {};
  for (const [key, value] of Object.entries(asRaw(asRaw(doc?.data).measures))) {
    const names = localized(value);
    // defineProperty: a key such as __proto__ stays an ordinary entry.
    Object.defineProperty(table, key, { value: names, enumerable: true });
    if (doc) sources.record(names, doc, `/measures/${pointerSegment(key)}`);
  }
  return table;
}

/** A measure written as text (named by the table, if it has it) or in place as { kk, ru, en }. */
function measure(value: unknown, measures: MeasureNames): { measure: string; measureText?: Localized } {
  if (typeof value === "string") {
    const names = Object.hasOwn(measures, value) ? measures[value] : undefined;
    return { measure: value, ...(names ? { measureText: names } : {}) };
  }
  if (value === null || typeof value !== "object") return { measure: "" };
  const names = localized(value);
  return { measure: names.kk || names.ru || names.en || "", measureText: names };
}

function languages(value: unknown): { languages?: Lang[] } {
  const langs = list(value).filter((l): l is Lang => l === "kk" || l === "ru" || l === "en");
  return langs.length > 0 ? { languages: [...new Set(langs)] } : {};
}

function buildApplies(
  doc: RuleDocument,
  path: string,
  raw: unknown,
  formula: FormulaReader,
): Applicability | undefined {
  if (raw === undefined || raw === null || typeof raw !== "object") return undefined;
  const a = raw as Raw;
  const ids = (v: unknown) => list(v).filter((s): s is string => typeof s === "string");
  const when = typeof a.when === "string" ? formula(doc, `${path}/when`) : undefined;
  return {
    ...(a.kinds !== undefined ? { kinds: ids(a.kinds) } : {}),
    ...(a.units !== undefined ? { units: ids(a.units) } : {}),
    ...(a.except !== undefined ? { except: ids(a.except) } : {}),
    ...(when ? { when } : {}),
  };
}

/** A `score:` mapping as the model's ScoreMethod (the sensitivity analysis reads alternative ones too). */
export function buildScore(
  doc: RuleDocument,
  path: string,
  raw: unknown,
  formula: FormulaReader,
  fallback: (p: string) => FormulaSource,
): ScoreMethod {
  const s = asRaw(raw);
  switch (s.method) {
    case "achievement":
      return {
        method: "achievement",
        plan:
          (typeof s.plan === "string" || typeof s.plan === "number" ? formula(doc, `${path}/plan`) : undefined) ??
          fallback(path),
        cap: num(s.cap, 1),
      };
    case "goalposts":
      return {
        method: "goalposts",
        min: num(s.min, 0),
        max: num(s.max, 1),
        transform: s.transform === "ln" ? "ln" : "none",
      };
    case "zscore":
      return { method: "zscore", clip: num(s.clip, 2) };
    case "bands":
      return { method: "bands", bands: list(s.bands).map((b, i) => buildBand(doc, `${path}/bands/${i}`, b)) };
    case "formula":
      return {
        method: "formula",
        formula: (typeof s.formula === "string" ? formula(doc, `${path}/formula`) : undefined) ?? fallback(path),
      };
    case "minmax":
    case "rank":
    case "yesno":
      return { method: s.method };
    default:
      // An unknown method was reported by the schema; minmax has no parameters to judge further.
      return { method: "minmax" };
  }
}

function buildBand(doc: RuleDocument, path: string, raw: unknown): Band {
  const b = asRaw(raw);
  return {
    ...(typeof b.min === "number" ? { min: b.min } : {}),
    ...(typeof b.max === "number" ? { max: b.max } : {}),
    score: num(b.score, 0),
    at: located(doc, path),
  };
}

// ── lenient readers: the schema has already reported what they replace ──

function asRaw(value: unknown): Raw {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Raw) : {};
}

/** The items of a list with their pointers, leaving out those after the file's syntax error. */
function items(doc: RuleDocument, path: string, value: unknown, sources: RulesetSources): [unknown, string][] {
  return list(value)
    .map((item, i): [unknown, string] => [item, `${path}/${i}`])
    .filter(([, p]) => !sources.isCut(doc, p));
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function num(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function frequency(value: unknown, fallback: Frequency): Frequency {
  return oneOf<Frequency>(value, ["month", "quarter", "year"], fallback);
}

function isPolicy(value: unknown): value is MissingPolicy {
  return value === "zero" || value === "exclude" || value === "fail";
}

function localized(value: unknown): Localized {
  const v = asRaw(value);
  return {
    kk: str(v.kk),
    ...(typeof v.ru === "string" ? { ru: v.ru } : {}),
    ...(typeof v.en === "string" ? { en: v.en } : {}),
  };
}

function optionalNote<K extends string>(key: K, value: unknown): { [P in K]?: LocalizedNote } {
  const v = asRaw(value);
  const note: { kk?: string; ru?: string; en?: string } = {};
  for (const lang of ["kk", "ru", "en"] as const) if (typeof v[lang] === "string") note[lang] = v[lang] as string;
  return (Object.keys(note).length > 0 ? { [key]: note } : {}) as { [P in K]?: LocalizedNote };
}

function located(doc: RuleDocument | undefined, path: string) {
  if (!doc) return { file: "", range: zeroRange() };
  const idPath = `${path}/id`;
  return {
    file: doc.file,
    range: doc.locations.get(idPath)?.value ?? fallbackRange(doc, path),
  };
}

function fallbackRange(doc: RuleDocument, path: string) {
  const block = doc.locations.get(path === "" ? "/block" : path);
  return block?.value ?? zeroRange();
}

function zeroRange() {
  const p = { offset: 0, line: 1, column: 1 };
  return { start: p, end: p };
}
