import type { Period } from "../data/period.js";
import { formatPeriod, lastMonth, parsePeriod } from "../data/period.js";
import { type DataStore, periodCode, periodFromCode } from "../data/store.js";
import { formulaUses } from "../methodology/formula-inputs.js";
import { gradeOrder } from "../model/grades.js";
import type { Band, Field, Indicator, Ruleset } from "../model/ruleset.js";
import { evaluationPeriod } from "../scoring/engine.js";
import type { PreparedRuleset } from "../scoring/prepare.js";
import type { InputTrace } from "../scoring/result.js";
import { explainUnit } from "../scoring/trace.js";
import { toSignificant } from "../util/decimal-compare.js";
import { inverseScore, invertible } from "./inverse.js";
import { cellKey, monthsOf, type Overrides, Rescorer, type Standing, ytdEdit } from "./rescore.js";

export type { Standing } from "./rescore.js";

/**
 * What it takes to reach a rank or a grade (`tarazy explain --target`, docs/audit.md "What it takes"). The
 * candidates are judged by the engine's own scoring with one raw input of the unit changed (a view of the
 * data store that answers that one cell differently; see rescore.ts): only the indicators reading the input
 * are evaluated again, and every proposal is then checked by one rating of the whole period by `rate`. No
 * second copy of the score methods or of the aggregation. Where the score method inverts ("inverted") —
 * bands move to their thresholds; achievement and goalposts give the raw input of the least score that
 * reaches in closed form (inverse.ts) — few ratings are needed; elsewhere the smallest change is bracketed
 * by doubling and found by bisection ("searched"), which assumes the rank improves monotonically as the
 * input moves the way that helps.
 */
export type Target =
  | { readonly kind: "rank"; readonly rank: number }
  | { readonly kind: "grade"; readonly grade: string };

/** One raw input of one indicator and the smallest change of it that alone reaches the target. */
export interface InputChange {
  readonly indicator: string;
  readonly field: string;
  /** The period the indicator reads the field in ("2026-Q3"). */
  readonly period: string;
  /**
   * The indicator reads the field's year-to-date total (`ytd(x)`): `from` and `to` are totals since January,
   * and the change is made in the period's own months (a cumulative field: the running total reported at
   * the period's last month), which raise the total as much.
   */
  readonly yearToDate?: true;
  /**
   * A year-to-date total of a cumulative monthly field: the month whose reported running total changes by
   * as much ("2026-09"); absent for a total summed over months, whose change is the period's months' in all.
   */
  readonly reportedIn?: string;
  /**
   * The data edit a year-to-date change is: the value of `period`'s last month ("2026-09"; the period's own
   * for a field reported by quarter or year) from → to, and for a cumulative field its running total with it
   * (the running totals after it move as much, so later periods stay as reported). See `ytdEdit`.
   */
  readonly edit?: MonthEdit;
  /** The indicator's score is already full: no change of this input alone raises it. */
  readonly full?: true;
  /** @internal the store cell: field index / unit index / period code. */
  readonly cell: string;
  /** The field's measure ("mln KZT", "count"). */
  readonly measure: string;
  readonly from: number;
  /**
   * The value that reaches the target, as the data is written (whole for a count, else in the decimals the
   * field's values of the period are reported with); absent when no value of this input alone reaches it.
   */
  readonly to?: number;
  /** The least value that reaches, when `to` is it rounded (105.8488760631 where `to` is 105.9). */
  readonly least?: number;
  readonly change?: number;
  /** |change| / |from| (|change| when from is 0): what the plan compares. */
  readonly relative?: number;
  /** The unit's standing after the change. */
  readonly after?: Standing;
  readonly how: "inverted" | "searched";
  /**
   * When no value of the input alone reaches: the most it can do (the value at its full score, inverted
   * methods only) and the standing then, which a plan may combine with other changes.
   */
  readonly most?: { readonly to: number; readonly change: number; readonly after: Standing; readonly edit?: MonthEdit };
}

export interface MonthEdit {
  readonly period: string;
  readonly from: number;
  readonly to: number;
  readonly runningTotal?: { readonly from: number; readonly to: number };
}

export interface TargetIndicator {
  readonly id: string;
  readonly block: string;
  /** Regional-level indicators and fields are listed, never proposed. */
  readonly controlled: boolean;
  readonly inputs: readonly InputChange[];
  /** Inputs the indicator reads that the unit does not report. */
  readonly regional: readonly string[];
  /** Plans the indicator reads (see `planFields`): not the unit's to change, so held fixed and listed. */
  readonly plans?: readonly string[];
}

export interface TargetReport {
  readonly unit: string;
  readonly target: Target;
  readonly current: Standing;
  readonly reached: boolean;
  readonly indicators: readonly TargetIndicator[];
  /** The cheapest changes combined (see `plan`), each with the standing once it and those before are made. */
  readonly plan: readonly (InputChange & { readonly after: Standing })[];
  /** The standing with every change of the plan made at once, rated by `rate` as one scenario. */
  readonly planAfter?: Standing;
  /** Whether the plan, rated as one scenario, reaches the target (false: unreachable by the unit's own inputs). */
  readonly planReaches: boolean;
  /**
   * The ratings made: `rated` of the whole period by `rate` (the standing now, each proposal, the plan), and
   * `fast` ones (only the indicators an input affects evaluated again, or one score set).
   */
  readonly ratings: { readonly rated: number; readonly fast: number };
}

export interface TargetRequest {
  readonly prepared: PreparedRuleset;
  readonly store: DataStore;
  readonly rating: string;
  readonly period: Period;
  readonly unit: string;
  readonly target: Target;
}

type Judge = (overrides: Overrides) => Standing | undefined;

/** Whether a standing reaches the target: the rank or better; the grade or one before it in `grades` (best first). */
function reachesTarget(grades: readonly string[], t: Target, s: Standing | undefined): boolean {
  if (!s) return false;
  if (t.kind === "rank") return s.rank <= t.rank;
  const want = grades.indexOf(t.grade);
  const got = grades.indexOf(s.grade);
  return want >= 0 && got >= 0 && got <= want;
}

class Rater {
  readonly rescorer: Rescorer;
  /** Fast: only the indicators that read the changed inputs evaluated again. */
  readonly fast: Judge;
  /** The whole period rated by `rate`: every proposal is checked this way before it is shown. */
  readonly rated: Judge;
  /** The rating's grades, best first: its own if it has them (model/grades.ts). */
  private readonly grades: readonly string[];
  /** By cell key: the least value it may take (a year-to-date total: what was reported before the edit). */
  readonly floors = new Map<string, number>();
  constructor(readonly request: TargetRequest) {
    this.rescorer = new Rescorer(request);
    this.fast = (o) => this.rescorer.standing(o);
    this.rated = (o) => this.rescorer.rated(o);
    this.grades = gradeOrder(request.prepared.ruleset, this.rescorer.base.rating);
  }

  reaches(s: Standing | undefined): boolean {
    return reachesTarget(this.grades, this.request.target, s);
  }

  /** Whether `x` may be proposed for the cell (not below its floor). */
  allowed(key: string, x: number): boolean {
    const floor = this.floors.get(key);
    return floor === undefined || x >= floor;
  }
}

const BISECTIONS = 80;
const DOUBLINGS = 60;

/** The shortest decimal in [lo, hi] (at most 15 significant digits), so a proposal reads as people write. */
function shortest(lo: number, hi: number): number {
  for (let digits = 1; digits <= 15; digits++) {
    const x = Number(hi.toPrecision(digits));
    if (x >= lo && x <= hi) return x;
    const y = Number(lo.toPrecision(digits));
    if (y >= lo && y <= hi) return y;
  }
  return toSignificant(hi);
}

/**
 * The values to propose, in order of preference, between the last value that fails (`fails`) and the first
 * that reaches (`reaches`): the shortest decimal beyond `reaches` by at most 1e-12 of it (29.99 rather than
 * 29.9899999999999, which reaches too only because thresholds compare at 15 significant digits), the
 * shortest decimal between the two, and `reaches` itself. The first that reaches is proposed.
 */
function proposals(fails: number, reaches: number): number[] {
  const beyond = (x: number) => (reaches >= fails ? x >= reaches : x <= reaches);
  let tidy: number | undefined;
  for (let digits = 1; digits <= 15 && tidy === undefined; digits++) {
    const up = Number(reaches.toPrecision(digits));
    if (beyond(up) && Math.abs(up - reaches) <= 1e-12 * Math.abs(reaches)) tidy = up;
  }
  const ends = [fails, reaches].sort((a, b) => a - b) as [number, number];
  const all = [tidy, shortest(ends[0], ends[1]), toSignificant(reaches), reaches];
  return [...new Set(all.filter((x): x is number => x !== undefined))];
}

/** The bands' thresholds the value could be moved to, nearest first, in the direction that helps. */
function thresholds(bands: readonly Band[], from: number, up: boolean): number[] {
  const all = bands.flatMap((b) => [b.min, b.max]).filter((x): x is number => x !== undefined);
  const ahead = all.filter((x) => (up ? x > from : x < from));
  return [...new Set(ahead)].sort((a, b) => (up ? a - b : b - a));
}

/**
 * An indicator whose value is one field as reported (or its year-to-date total, when that is the input):
 * its score method applies to the raw input itself.
 */
function isLoneField(indicator: Indicator, field: string, ytd: boolean): boolean {
  const text = indicator.formula.text.replace(/\s+/g, "");
  return text === (ytd ? `ytd(${field})` : field);
}

/**
 * The fields that are plans, held fixed: those declared `role: plan`, and every field an achievement reads
 * as its plan anywhere in the ruleset (a plan is set for the unit, not the unit's to change).
 */
export function planFields(ruleset: Ruleset): ReadonlySet<string> {
  const out = new Set(ruleset.fields.filter((f) => f.role === "plan").map((f) => f.id));
  for (const b of ruleset.blocks)
    for (const i of b.indicators)
      if (i.score.method === "achievement") for (const n of formulaUses(i.score.plan.ast).names) out.add(n);
  return out;
}

/** A field read in the period rated: `x` or `ytd(x)`. */
interface Read {
  readonly field: string;
  readonly ytd: boolean;
  readonly value: InputTrace["value"];
  readonly period: string;
}

interface Found {
  readonly to: number;
  readonly after: Standing;
  /** The least value that reaches, where `to` is it rounded as the data is written (`asReported`). */
  readonly least?: number;
}

/** The first of the candidate values of one cell that reaches the target, judged by `judge`. */
function firstReaching(rater: Rater, judge: Judge, key: string, candidates: readonly number[], base: Overrides) {
  for (const x of candidates) {
    if (!rater.allowed(key, x)) continue;
    const s = judge(new Map([...base, [key, x]]));
    if (rater.reaches(s)) return { to: x, after: s as Standing };
  }
  return undefined;
}

/**
 * The smallest move of one cell (in the direction `up`) that reaches the target: bracketed by doubling from
 * 1/1024 of the value, then bisected to 15 significant digits; the shortest decimal in the last interval.
 */
function search(rater: Rater, judge: Judge, key: string, from: number, up: boolean, base: Overrides) {
  const at = (x: number) => judge(new Map([...base, [key, x]]));
  const sign = up ? 1 : -1;
  // Counts, tenge and percents are not negative: a non-negative input is not moved below 0, nor a
  // year-to-date total below what was reported before its edit (`floors`).
  const least = rater.floors.get(key) ?? (from >= 0 ? 0 : undefined);
  const floor = least !== undefined && !up ? Math.max(from - least, 0) : Number.POSITIVE_INFINITY;
  let step = Math.max(Math.abs(from), 1) / 1024;
  let far: number | undefined;
  for (let i = 0; i < DOUBLINGS; i++, step *= 2) {
    const d = Math.min(step, floor);
    if (rater.reaches(at(from + sign * d))) {
      far = d;
      break;
    }
    if (d === floor) break;
  }
  if (far === undefined) return undefined;
  let lo = 0;
  let hi = far;
  for (let i = 0; i < BISECTIONS; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (rater.reaches(at(from + sign * mid))) hi = mid;
    else lo = mid;
    if (toSignificant(from + sign * lo) === toSignificant(from + sign * hi)) break;
  }
  return firstReaching(rater, judge, key, proposals(from + sign * lo, from + sign * hi), base);
}

/** The smaller of the moves up and down that reach (whether more or less of an input helps depends on the formula). */
function searchBoth(rater: Rater, judge: Judge, key: string, from: number): Found | undefined {
  return nearest(
    from,
    [true, false].map((up) => search(rater, judge, key, from, up, new Map())),
  );
}

function nearest(from: number, found: readonly (Found | undefined)[]): Found | undefined {
  return found
    .filter((c): c is Found => c !== undefined)
    .sort((a, b) => Math.abs(a.to - from) - Math.abs(b.to - from))[0];
}

/** A single change found: the least that reaches (`found`), or else the most the input can do alone (`most`). */
interface Single {
  readonly how: InputChange["how"];
  readonly found?: Found;
  readonly most?: Found;
  readonly full?: true;
}

/**
 * The closed form (achievement, goalposts): the least score of the indicator that reaches the target, found
 * by bisection over the score alone (totals and ranks only, no formula evaluated), then the method's inverse
 * gives the raw input; the shortest decimal between the inverses of the last failing and the first reaching
 * score is checked. When even the full score does not reach, `most` is the input at the full score.
 * Undefined: not invertible here.
 */
function inverted(rater: Rater, index: number, ind: Indicator, key: string, plan: number | undefined) {
  const s0 = rater.rescorer.scoreOf(index);
  const full = inverseScore(ind, 1, plan);
  if (s0 === undefined || full === undefined) return undefined;
  const at = (s: number) => rater.reaches(rater.rescorer.withScore(index, s));
  if (!at(1)) return { how: "inverted", ...most(rater, key, full) } as const;
  let lo = s0;
  let hi = 1;
  for (let i = 0; i < BISECTIONS; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (at(mid)) hi = mid;
    else lo = mid;
  }
  const a = inverseScore(ind, lo, plan);
  const b = inverseScore(ind, hi, plan) as number;
  const found = firstReaching(rater, rater.fast, key, proposals(a ?? b, b), new Map());
  return found ? ({ how: "inverted", found } as const) : undefined;
}

/** The input moved as far as it helps (its score full), for a plan to combine with others. */
function most(rater: Rater, key: string, to: number): { most?: Found } {
  if (!rater.allowed(key, to)) return {};
  const after = rater.fast(new Map([[key, to]]));
  return after ? { most: { to, after } } : {};
}

/** The smallest change of one input that alone reaches the target, how it was found, checked by one rating. */
function singleChange(
  rater: Rater,
  p: { index: number; indicator: Indicator },
  key: string,
  from: number,
  input: { readonly field: Field; readonly ytd: boolean },
  plan: number | undefined,
): Single {
  const ind = p.indicator;
  // The method inverts when the indicator's value is the field itself and no other indicator reads it.
  const alone =
    isLoneField(ind, input.field.id, input.ytd) && rater.rescorer.affected(new Map([[key, from]])).size === 1;
  // Already at the full score: no change of an input read by this indicator alone raises it.
  const s0 = rater.rescorer.scoreOf(p.index);
  if (alone && s0 !== undefined && s0 >= 1)
    return { how: ind.score.method === "bands" || invertible(ind) ? "inverted" : "searched", full: true };
  let result: Single | undefined;
  if (alone && ind.score.method === "bands") {
    const bands = ind.score.bands;
    const found = nearest(
      from,
      [true, false].map((up) => firstReaching(rater, rater.fast, key, thresholds(bands, from, up), new Map())),
    );
    const last = thresholds(bands, from, ind.better === "higher").at(-1);
    result = { how: "inverted", ...(found ? { found } : last !== undefined ? most(rater, key, last) : {}) };
  } else if (alone && invertible(ind)) result = inverted(rater, p.index, ind, key, plan);
  result ??= { how: "searched", ...opt(searchBoth(rater, rater.fast, key, from)) };
  if (!result.found) return result;
  const found = asReported(rater, key, from, result.found, input.field, new Map());
  // One rating of the changed data by `rate` confirms the proposal; should it not (an input the fast path
  // missed), the search is made again by full ratings.
  const after = rater.rated(new Map([[key, found.to]]));
  if (rater.reaches(after)) return { how: result.how, found: { ...found, after: after as Standing } };
  return { how: "searched", ...opt(searchBoth(rater, rater.rated, key, from)) };
}

/**
 * A proposal as the data is written: a count (`values: { integer: true }`) in whole units, any other value in
 * as many decimals as the field's values of that period are reported with across units (105.3 and 98.25: two),
 * rounded the way it moved (a search's 105.8488760631 → 105.85; 4.2 facilities → 5), if that still reaches with
 * the changes in `base`; else the value found, which does.
 */
function asReported(rater: Rater, key: string, from: number, found: Found, field: Field, base: Overrides): Found {
  const places = field.values?.integer ? 0 : reportedDecimals(rater.request.store, key);
  if (decimals(found.to) <= places) return found;
  const scale = 10 ** places;
  const scaled = toSignificant(found.to * scale);
  const to = toSignificant((found.to > from ? Math.ceil(scaled) : Math.floor(scaled)) / scale);
  if (!rater.allowed(key, to)) return found;
  const after = rater.fast(new Map([...base, [key, to]]));
  return rater.reaches(after) ? { to, after: after as Standing, least: found.to } : found;
}

/** The most decimals among the values of a cell's field and period over all units (as written at 15 digits). */
function reportedDecimals(store: DataStore, key: string): number {
  const [field, , code, ytd] = key.split("/");
  let most = 0;
  for (let u = 0; u < store.units; u++) {
    const v = ytd ? store.ytd(Number(field), u, Number(code)) : store.value(Number(field), u, Number(code));
    if (typeof v === "number") most = Math.max(most, decimals(v));
  }
  return most;
}

function opt(found: Found | undefined): { found?: Found } {
  return found ? { found } : {};
}

/**
 * For each indicator of the rating, the smallest change of each unit-reported input that alone reaches the
 * target; then a plan: the single changes sorted by points gained per relative change (the total after the
 * change minus the total before, over |change| / |from|), applied one after another until the target is
 * reached — greedy, so cheap and explainable, not always the least total change — and the plan's changes
 * rated together, once, by `rate`.
 */
export function whatItTakes(request: TargetRequest): TargetReport | undefined {
  const { prepared, store, unit } = request;
  const rater = new Rater(request);
  const base = rater.rescorer.base;
  const current = rater.rated(new Map());
  if (!current) return undefined;
  const unitIndex = store.unitIndex(unit);
  const fields = new Map<string, Field>(prepared.ruleset.fields.map((f) => [f.id, f]));
  const plans = planFields(prepared.ruleset);
  const reached = rater.reaches(current);
  const trace = explainUnit(base, unit);
  const indicators: TargetIndicator[] = [];
  for (const t of trace?.blocks.flatMap((b) => b.indicators.map((i) => ({ i, block: b.id }))) ?? []) {
    const p = prepared.indicators.find((x) => x.indicator.id === t.i.id);
    if (!p) continue;
    const ind = p.indicator;
    // Read in the period rated: last year's values a growth indicator compares with are held fixed.
    const now = formatPeriod(evaluationPeriod(ind.frequency, request.period));
    const reads = fieldReads(t.i.inputs, now, fields);
    // The plans it reads are held fixed: a plan is not the unit's to change.
    const moves = reads.filter((r) => !plans.has(r.field));
    const own = moves.filter((r) => fields.get(r.field)?.source === "unit");
    const controlled = ind.source === "unit" && own.length > 0;
    const plan = t.i.method.parameters.plan;
    const inputs: InputChange[] = [];
    for (const x of controlled && !reached ? own : []) {
      const parsed = parsePeriod(x.period);
      if (!parsed || typeof x.value !== "number") continue;
      const key = cellKey(store.fieldIndex(x.field), unitIndex, periodCode(parsed), x.ytd);
      const from = x.value;
      const field = fields.get(x.field) as Field;
      if (x.ytd) floorYtd(rater, key, from);
      const single = singleChange(
        rater,
        p,
        key,
        from,
        { field, ytd: x.ytd },
        typeof plan === "number" ? plan : undefined,
      );
      inputs.push({
        indicator: ind.id,
        field: x.field,
        period: x.period,
        ...(x.ytd ? { yearToDate: true as const, ...reportedIn(field, parsed) } : {}),
        ...(single.found && x.ytd ? editOf(store, key, single.found.to) : {}),
        ...(single.full ? { full: true as const } : {}),
        cell: key,
        measure: field.measure,
        from,
        how: single.how,
        ...(single.found ? change(from, single.found) : {}),
        ...(single.most
          ? {
              most: {
                to: single.most.to,
                change: difference(single.most.to, from),
                after: single.most.after,
                ...(x.ytd ? editOf(store, key, single.most.to) : {}),
              },
            }
          : {}),
      });
    }
    const held = names(reads.filter((r) => plans.has(r.field)));
    indicators.push({
      id: ind.id,
      block: t.block,
      controlled,
      inputs,
      regional: names(moves.filter((r) => !own.includes(r))),
      ...(held.length > 0 ? { plans: held } : {}),
    });
  }
  const planned = reached ? { plan: [], planReaches: true } : greedy(rater, current, indicators, fields);
  const ratings = { ...rater.rescorer.counts };
  return { unit, target: request.target, current, reached, indicators, ...planned, ratings };
}

/**
 * The fields an indicator read in period `now`, once each (a field and its year-to-date total are two
 * inputs); indicators and unit attributes it read are not fields.
 */
function fieldReads(inputs: readonly InputTrace[], now: string, fields: ReadonlyMap<string, Field>): Read[] {
  const out = new Map<string, Read>();
  for (const x of inputs) {
    if (x.period !== now) continue;
    const inner = /^ytd\((\w+)\)$/.exec(x.name)?.[1];
    const field = inner ?? x.name;
    if (fields.has(field)) out.set(x.name, { field, ytd: inner !== undefined, value: x.value, period: x.period });
  }
  return [...out.values()];
}

/** The cell of a year-to-date key: field, unit and period code. */
function ytdCell(key: string): [number, number, number] {
  const [field = 0, unit = 0, code = 0] = key.split("/").map(Number);
  return [field, unit, code];
}

/**
 * The month edited for a year-to-date change (`ytdEdit`): the period's last month for a monthly field, else
 * the period itself.
 */
function editedCode(store: DataStore, field: number, code: number): number {
  const monthly = store.model.fields[field]?.frequency === "month";
  return monthly ? monthsOf(code).last * 3 : code;
}

/**
 * A year-to-date total is not proposed below what the unit reported before the edited month: the edited
 * month's own value (a flow, not negative) can fall to 0 at most.
 */
function floorYtd(rater: Rater, key: string, from: number): void {
  const [field, unit, code] = ytdCell(key);
  const store = rater.rescorer.store;
  const month = store.value(field, unit, editedCode(store, field, code));
  const edit = ytdEdit(store, field, unit, code, from + 1);
  if (typeof month !== "number" || !(month >= 0) || !edit) return;
  // `edit.by` is the month's move per unit of the total (1, or the months since January for a mean).
  rater.floors.set(key, from - month / edit.by);
}

/** The year-to-date change `to` as the data edit it is (`MonthEdit`). */
function editOf(store: DataStore, key: string, to: number): { edit?: MonthEdit } {
  const [field, unit, code] = ytdCell(key);
  const edit = ytdEdit(store, field, unit, code, to);
  const at = editedCode(store, field, code);
  const month = store.value(field, unit, at);
  if (!edit || typeof month !== "number") return {};
  const running = store.ytd(field, unit, at);
  // A month's flow is a difference of running totals (6520.1 − 5761.9 = 758.2000000000007): shown as the
  // shortest decimal within 1e-12 of the figures it comes from, as people subtract (758.2).
  const scale = Math.max(Math.abs(to), typeof running === "number" ? Math.abs(running) : 0);
  const near = (x: number) =>
    shortest(x - 1e-12 * Math.max(scale, Math.abs(x)), x + 1e-12 * Math.max(scale, Math.abs(x)));
  const moved = (x: number) => ({ from: near(x), to: near(x + edit.by) });
  const cumulative = store.model.fields[field]?.cumulative && typeof running === "number";
  return {
    edit: {
      period: formatPeriod(periodFromCode(at)),
      ...moved(month),
      ...(cumulative ? { runningTotal: moved(running) } : {}),
    },
  };
}

/** Where a cumulative monthly field's running total is reported for the period: its last month. */
function reportedIn(field: Field, p: Period): { reportedIn?: string } {
  if (!field.cumulative || field.frequency !== "month" || p.kind === "month") return {};
  return { reportedIn: formatPeriod({ kind: "month", year: p.year, index: lastMonth(p) }) };
}

function names(reads: readonly Read[]): string[] {
  return [...new Set(reads.map((r) => r.field))];
}

/** Decimals of a number as written at 15 significant digits (3841.92: 2). */
function decimals(x: number): number {
  const [mantissa = "", exponent = "0"] = toSignificant(x).toExponential().split("e");
  return Math.max(0, (mantissa.split(".")[1]?.length ?? 0) - Number(exponent));
}

/** The change as people subtract decimals: 3841.92 − 3810.1 = 31.82, not 31.8200000000002. */
function difference(to: number, from: number): number {
  const d = toSignificant(to - from);
  const places = Math.max(decimals(to), decimals(from));
  return places <= 15 ? toSignificant(Number(d.toFixed(places))) : d;
}

function change(from: number, best: Found) {
  const d = difference(best.to, from);
  return {
    to: best.to,
    ...(best.least !== undefined ? { least: best.least } : {}),
    change: d,
    relative: toSignificant(Math.abs(d) / (from === 0 ? 1 : Math.abs(from))),
    after: best.after,
  };
}

/**
 * The plan: the cheapest single change that reaches alone (the least relative change), if there is one;
 * else the inputs that cannot reach alone combined, most points per relative change first (the gain when
 * moved a tenth of their way), each moved only as far as needed with the ones before it, until the target
 * is reached. Greedy, so short and explainable, not always the least total change. Then all the plan's
 * changes are rated together, once, by `rate` (`planAfter`), which decides `planReaches`.
 */
function greedy(
  rater: Rater,
  current: Standing,
  indicators: readonly TargetIndicator[],
  fields: ReadonlyMap<string, Field>,
) {
  // Each input's whole move: the least that reaches alone, or else the most it can do alone.
  const options = indicators.flatMap((i) =>
    i.inputs.flatMap((x) => {
      const to = x.to ?? x.most?.to;
      return to === undefined
        ? []
        : [{ x, to, relative: Math.abs(to - x.from) / (x.from === 0 ? 1 : Math.abs(x.from)) }];
    }),
  );
  const gain = (o: (typeof options)[number]) => {
    const s = rater.fast(new Map([[o.x.cell, o.x.from + (o.to - o.x.from) / 10]]));
    return ((s?.total ?? current.total) - current.total) / (o.relative / 10 || 1);
  };
  const alone = options.filter((o) => o.x.to !== undefined).sort((a, b) => a.relative - b.relative);
  const ranked = alone.length
    ? alone.slice(0, 1).map((o) => ({ o }))
    : options.map((o) => ({ o, g: gain(o) })).sort((a, b) => b.g - a.g || a.o.relative - b.o.relative);
  const plan: (InputChange & { after: Standing })[] = [];
  const base = new Map<string, number>();
  for (const { o } of ranked) {
    const { x } = o;
    if (base.has(x.cell)) continue;
    // The least move of this input that reaches the target with the moves before it; else its whole move.
    const found = search(rater, rater.fast, x.cell, x.from, o.to > x.from, base);
    const done = found && asReported(rater, x.cell, x.from, found, fields.get(x.field) as Field, base);
    const to = done && Math.abs(done.to - x.from) < Math.abs(o.to - x.from) ? done.to : o.to;
    base.set(x.cell, to);
    const after = rater.fast(base) as Standing;
    const { most: _, ...rest } = x;
    // A move cut short with the moves before it was found by search.
    const how = to === o.to ? x.how : "searched";
    const { edit: _e, ...kept } = rest;
    const edit = x.yearToDate ? editOf(rater.rescorer.store, x.cell, to) : {};
    plan.push({ ...kept, ...edit, how, ...change(x.from, { to, after }) });
    if (rater.reaches(after)) break;
  }
  const planAfter = plan.length ? rater.rated(base) : undefined;
  return { plan, ...(planAfter ? { planAfter } : {}), planReaches: rater.reaches(planAfter) };
}
