import type { Period } from "../data/period.js";
import { formatPeriod, parsePeriod } from "../data/period.js";
import { type DataStore, periodCode } from "../data/store.js";
import type { Band, Field, Indicator } from "../model/ruleset.js";
import { evaluationPeriod, rate } from "../scoring/engine.js";
import type { PreparedRuleset } from "../scoring/prepare.js";
import { explainUnit } from "../scoring/trace.js";
import { toSignificant } from "../util/decimal-compare.js";

/**
 * What it takes to reach a rank or a grade (`tarazy explain --target`, docs/audit.md "What it takes"). Every
 * candidate is judged by re-rating the whole period with the engine's own `rate` and one raw input of the
 * unit changed (a view of the data store that answers that one cell differently): no second copy of the
 * score methods or of the aggregation. Where the score method can be inverted — bands, whose only possible
 * answers are their thresholds — the thresholds are tried in order ("inverted"); elsewhere the smallest
 * change is bracketed by doubling and found by bisection ("searched"), which assumes the rank improves
 * monotonically as the input moves the way that helps.
 */
export type Target =
  | { readonly kind: "rank"; readonly rank: number }
  | { readonly kind: "grade"; readonly grade: string };

export interface Standing {
  readonly total: number;
  readonly rank: number;
  readonly grade: string;
}

/** One raw input of one indicator and the smallest change of it that alone reaches the target. */
export interface InputChange {
  readonly indicator: string;
  readonly field: string;
  /** The period the indicator reads the field in ("2026-Q3"). */
  readonly period: string;
  /** @internal the store cell: field index / unit index / period code. */
  readonly cell: string;
  /** The field's measure ("mln KZT", "count"). */
  readonly measure: string;
  readonly from: number;
  /** The value that reaches the target; absent when no value of this input alone reaches it. */
  readonly to?: number;
  readonly change?: number;
  /** |change| / |from| (|change| when from is 0): what the plan compares. */
  readonly relative?: number;
  /** The unit's standing after the change. */
  readonly after?: Standing;
  readonly how: "inverted" | "searched";
}

export interface TargetIndicator {
  readonly id: string;
  readonly block: string;
  /** Regional-level indicators and fields are listed, never proposed. */
  readonly controlled: boolean;
  readonly inputs: readonly InputChange[];
  /** Inputs the indicator reads that the unit does not report. */
  readonly regional: readonly string[];
}

export interface TargetReport {
  readonly unit: string;
  readonly target: Target;
  readonly current: Standing;
  readonly reached: boolean;
  readonly indicators: readonly TargetIndicator[];
  /** The cheapest changes combined (see `plan`), each with the standing once it and those before are made. */
  readonly plan: readonly (InputChange & { readonly after: Standing })[];
  /** Whether the plan reaches the target (false: unreachable by the unit's own inputs). */
  readonly planReaches: boolean;
}

export interface TargetRequest {
  readonly prepared: PreparedRuleset;
  readonly store: DataStore;
  readonly rating: string;
  readonly period: Period;
  readonly unit: string;
  readonly target: Target;
}

type Overrides = ReadonlyMap<string, number>;

/** The data store answering some cells (field, unit, period code) with other values. */
function overridden(store: DataStore, overrides: Overrides): DataStore {
  const view = Object.create(store) as DataStore;
  view.value = (field, unit, code, touch) => {
    const v = overrides.get(`${field}/${unit}/${code}`);
    return v !== undefined ? v : store.value.call(view, field, unit, code, touch);
  };
  return view;
}

class Rater {
  private readonly ranks: number;
  constructor(private readonly request: TargetRequest) {
    this.ranks = request.prepared.ruleset.grades.length;
  }

  standing(overrides: Overrides): Standing | undefined {
    const { prepared, store, rating, period, unit } = this.request;
    const run = rate(prepared, overrides.size ? overridden(store, overrides) : store, {
      rating,
      period,
      previous: "none",
    });
    const r = run.result?.results.find((x) => x.unit === unit);
    return r && { total: r.score, rank: r.rank, grade: r.grade };
  }

  reaches(s: Standing | undefined): boolean {
    const t = this.request.target;
    if (!s) return false;
    if (t.kind === "rank") return s.rank <= t.rank;
    const grades = this.request.prepared.ruleset.grades;
    const min = grades.find((g) => g.id === t.grade)?.min ?? Number.POSITIVE_INFINITY;
    const got = grades.find((g) => g.id === s.grade)?.min ?? Number.NEGATIVE_INFINITY;
    return this.ranks > 0 && got >= min;
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

/** The bands' thresholds the value could be moved to, nearest first, in the direction that helps. */
function thresholds(bands: readonly Band[], from: number, up: boolean): number[] {
  const all = bands.flatMap((b) => [b.min, b.max]).filter((x): x is number => x !== undefined);
  const ahead = all.filter((x) => (up ? x > from : x < from));
  return [...new Set(ahead)].sort((a, b) => (up ? a - b : b - a));
}

/** An indicator whose value is one field as reported: its score method applies to the raw input itself. */
function isLoneField(indicator: Indicator, field: string): boolean {
  return indicator.formula.text.trim() === field;
}

/** The smallest move of one cell (in the direction `up`) that reaches the target, or undefined. */
function moveOne(rater: Rater, key: string, from: number, up: boolean, base: Overrides, candidates?: number[]) {
  const at = (x: number) => rater.standing(new Map([...base, [key, x]]));
  if (candidates) {
    for (const x of candidates) {
      const s = at(x);
      if (rater.reaches(s)) return { to: x, after: s as Standing };
    }
    return undefined;
  }
  const sign = up ? 1 : -1;
  // Counts, tenge and percents are not negative: a non-negative input is not moved below 0.
  const floor = from >= 0 && !up ? from : Number.POSITIVE_INFINITY;
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
  // The shortest number between the last that fails and the first that reaches, checked once more.
  const ends = [from + sign * lo, from + sign * hi].sort((a, b) => a - b) as [number, number];
  for (const to of [shortest(ends[0], ends[1]), toSignificant(from + sign * hi), from + sign * hi]) {
    const after = at(to);
    if (rater.reaches(after)) return { to, after: after as Standing };
  }
  return undefined;
}

/**
 * For each indicator of the rating, the smallest change of each unit-reported input that alone reaches the
 * target (both directions are tried: whether more or less of an input helps depends on the formula); then
 * a plan: the single changes sorted by points gained per relative change (the total after the change minus
 * the total before, over |change| / |from|), applied one after another until the target is reached — greedy,
 * so cheap and explainable, not always the least total change.
 */
export function whatItTakes(request: TargetRequest): TargetReport | undefined {
  const { prepared, store, unit } = request;
  const rater = new Rater(request);
  const current = rater.standing(new Map());
  if (!current) return undefined;
  const unitIndex = store.unitIndex(unit);
  const fields = new Map<string, Field>(prepared.ruleset.fields.map((f) => [f.id, f]));
  const reached = rater.reaches(current);
  const trace = explainUnit(
    rate(prepared, store, { rating: request.rating, period: request.period, previous: "none" }),
    unit,
  );
  const indicators: TargetIndicator[] = [];
  for (const t of trace?.blocks.flatMap((b) => b.indicators.map((i) => ({ i, block: b.id }))) ?? []) {
    const ind = prepared.indicators.find((p) => p.indicator.id === t.i.id)?.indicator;
    if (!ind) continue;
    const planText = ind.score.method === "achievement" ? ind.score.plan.text : "";
    // The fields the indicator's value read (the plan it is measured against is not the unit's to move).
    // Read in the period rated: last year's values a growth indicator compares with are held fixed.
    const now = formatPeriod(evaluationPeriod(ind.frequency, request.period));
    const reads = t.i.inputs.filter(
      (x) => x.period === now && fields.has(x.name) && !new RegExp(`\\b${x.name}\\b`).test(planText),
    );
    const read = [...new Set(reads.map((x) => x.name))];
    const own = read.filter((f) => fields.get(f)?.source === "unit");
    const controlled = ind.source === "unit" && own.length > 0;
    const inputs: InputChange[] = [];
    for (const x of controlled && !reached ? reads.filter((r) => own.includes(r.name)) : []) {
      const fieldIndex = store.fieldIndex(x.name);
      const parsed = parsePeriod(x.period);
      if (!parsed || typeof x.value !== "number") continue;
      const key = `${fieldIndex}/${unitIndex}/${periodCode(parsed)}`;
      const from = x.value;
      const field = fields.get(x.name) as Field;
      const bands = ind.score.method === "bands" && isLoneField(ind, x.name) ? ind.score.bands : undefined;
      const how = bands ? "inverted" : "searched";
      const up = [true, false].map((dir) =>
        moveOne(rater, key, from, dir, new Map(), bands ? thresholds(bands, from, dir) : undefined),
      );
      const best = up.filter((c) => c !== undefined).sort((a, b) => Math.abs(a.to - from) - Math.abs(b.to - from))[0];
      inputs.push({
        indicator: ind.id,
        field: x.name,
        period: x.period,
        cell: key,
        measure: field.measure,
        from,
        how,
        ...(best ? change(from, best) : {}),
      });
    }
    indicators.push({ id: ind.id, block: t.block, controlled, inputs, regional: read.filter((f) => !own.includes(f)) });
  }
  const { plan, planReaches } = reached ? { plan: [], planReaches: true } : greedy(rater, current, indicators);
  return { unit, target: request.target, current, reached, indicators, plan, planReaches };
}

function change(from: number, best: { to: number; after: Standing }) {
  const d = toSignificant(best.to - from);
  return {
    to: best.to,
    change: d,
    relative: toSignificant(Math.abs(d) / (from === 0 ? 1 : Math.abs(from))),
    after: best.after,
  };
}

/**
 * The plan: every input moved a share of its own smallest sufficient change, cheapest first (points gained
 * per relative change when moved by a tenth of its change), until the target is reached; the last input is
 * moved only as far as needed.
 */
function greedy(rater: Rater, current: Standing, indicators: readonly TargetIndicator[]) {
  const options = indicators.flatMap((i) => i.inputs.filter((x) => x.change !== undefined));
  const key = (x: InputChange) => x.cell;
  const gain = (x: InputChange) => {
    const step = (x.change as number) / 10;
    const s = rater.standing(new Map([[key(x), x.from + step]]));
    return ((s?.total ?? current.total) - current.total) / ((x.relative as number) / 10 || 1);
  };
  const ranked = options
    .map((x) => ({ x, g: gain(x) }))
    .sort((a, b) => b.g - a.g || (a.x.relative as number) - (b.x.relative as number));
  const plan: (InputChange & { after: Standing })[] = [];
  const base = new Map<string, number>();
  for (const { x } of ranked) {
    if (base.has(key(x))) continue;
    // The least move of this input that reaches the target with the moves before it; else its whole change.
    const done = moveOne(rater, key(x), x.from, (x.change as number) > 0, base);
    const to = done && Math.abs(done.to - x.from) < Math.abs(x.change as number) ? done.to : (x.to as number);
    base.set(key(x), to);
    const after = rater.standing(base) as Standing;
    plan.push({ ...x, ...change(x.from, { to, after }) });
    if (rater.reaches(after)) return { plan, planReaches: true };
  }
  return { plan, planReaches: false };
}
