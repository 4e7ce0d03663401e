import type { Period } from "../data/period.js";
import type { DataStore } from "../data/store.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { scoreName } from "../formula/parser.js";
import { ratingBlocks } from "../methodology/effective-weights.js";
import { formulaUses } from "../methodology/formula-inputs.js";
import { allGroups, allIndicators } from "../model/groups.js";
import type { Indicator, Rating } from "../model/ruleset.js";
import { gradeDecider, type RatingRun, rate } from "../scoring/engine.js";
import { Evaluator } from "../scoring/evaluator.js";
import type { PreparedIndicator, PreparedRuleset } from "../scoring/prepare.js";
import { rankUnits } from "../scoring/ranking.js";
import { evaluateRound, type IndicatorRound, SCORED } from "../scoring/round.js";
import { RatingTotals } from "../scoring/totals.js";

/**
 * The unit's standing with some raw inputs changed, computed three ways by the engine's own code:
 * - `rated`: the whole period rated again by `rate` (what the CLI and the tests check against);
 * - `standing`: only the indicators that read a changed field (directly or through another indicator) are
 *   evaluated again, by the engine's `evaluateRound`; the other rounds, the totals (`RatingTotals`), ranks
 *   and grades are the engine's as in `rate` — the same numbers for a fraction of the work;
 * - `withScore`: one indicator's score for the unit set directly, no formula evaluated (what score an
 *   indicator needs; the score method's inverse then gives the raw input).
 * Coverage is not recomputed: only present values are changed, and a present value stays present.
 */
export interface Standing {
  readonly total: number;
  readonly rank: number;
  readonly grade: string;
}

/**
 * A change of store cells: `field/unit/period code` (indices) → the period's value; `field/unit/period
 * code/ytd` → the year-to-date total at the period's end (see `overridden`).
 */
export type Overrides = ReadonlyMap<string, number>;

/** The key of a cell's override; `ytd`: of its year-to-date total. */
export function cellKey(field: number, unit: number, code: number, ytd = false): string {
  return `${field}/${unit}/${code}${ytd ? "/ytd" : ""}`;
}

/**
 * The data store answering some cells with other values, as the store would answer them from the edited
 * data. A year-to-date total moved by d is one edit (`ytdEdit`): the value of the period's last month (the
 * period's own for a field reported by quarter or year) moved by e, and for a cumulative field the running
 * totals from that month to December with it, so later periods' flows stay as reported; every period holding
 * that month, and every year-to-date total of the year ending at or after it, is answered accordingly.
 */
export function overridden(store: DataStore, overrides: Overrides): DataStore {
  const view = Object.create(store) as DataStore;
  const edits = [...overrides]
    .filter(([k]) => k.endsWith("/ytd"))
    .flatMap(([k, to]) => {
      const [field = 0, unit = 0, code = 0] = k.split("/").map(Number);
      const edit = ytdEdit(store, field, unit, code, to);
      return edit ? [{ field, unit, ...edit }] : [];
    });
  const shift = (field: number, unit: number, code: number, ytd: boolean): number => {
    let d = 0;
    for (const e of edits)
      if (e.field === field && e.unit === unit) d += readShift(store, field, e.month, e.by, code, ytd);
    return d;
  };
  view.value = (field, unit, code, touch) => {
    const v = overrides.get(cellKey(field, unit, code));
    if (v !== undefined) return v;
    const was = store.value.call(view, field, unit, code, touch);
    return typeof was === "number" ? was + shift(field, unit, code, false) : was;
  };
  view.ytd = (field, unit, code, touch) => {
    const v = overrides.get(cellKey(field, unit, code, true));
    if (v !== undefined) return v;
    const was = store.ytd.call(view, field, unit, code, touch);
    return typeof was === "number" ? was + shift(field, unit, code, true) : was;
  };
  return view;
}

/** First and last month (ordinals: year × 12 + month − 1) of a period code (see data/store.ts periodCode). */
export function monthsOf(code: number): { readonly first: number; readonly last: number } {
  const kind = code % 3;
  const first = (code - kind) / 3;
  return { first, last: first + (kind === 0 ? 0 : kind === 1 ? 2 : 11) };
}

/**
 * The data edit that moves the year-to-date total of period `code` to `to`: its last month (`month`, an
 * ordinal) moved by `by` — the change itself for a summed, cumulative or `last` field, times the months since
 * January for a mean (the total is their mean). Undefined when the total is not a number.
 */
export function ytdEdit(store: DataStore, field: number, unit: number, code: number, to: number) {
  const was = store.ytd(field, unit, code);
  if (typeof was !== "number") return undefined;
  const month = monthsOf(code).last;
  const mean = store.model.fields[field]?.aggregate === "mean";
  return { month, by: (to - was) * (mean ? (month % 12) + 1 : 1) };
}

/**
 * How much a read of period `code` (its value, or its year-to-date total: January to its end) moves when
 * month `month`'s value moves by `by` (running totals after it with it): the store's rules (data/store.ts)
 * applied to one month — a sum moves by `by` when the month is inside, a mean by its share, a `last` value
 * when the period ends on the month (a cumulative one: at or after it, the running total).
 */
function readShift(store: DataStore, field: number, month: number, by: number, code: number, ytd: boolean): number {
  const f = store.model.fields[field];
  const { first, last } = monthsOf(code);
  if (!f || Math.floor(last / 12) !== Math.floor(month / 12)) return 0;
  if (f.aggregate === "last") return (f.cumulative ? last >= month : last === month) ? by : 0;
  const from = ytd ? last - (last % 12) : first;
  if (month < from || month > last) return 0;
  return f.aggregate === "mean" ? by / (last - from + 1) : by;
}

export interface RescoreRequest {
  readonly prepared: PreparedRuleset;
  readonly store: DataStore;
  readonly rating: string;
  readonly period: Period;
  readonly unit: string;
}

export class Rescorer {
  /** The data as reported. */
  get store(): DataStore {
    return this.request.store;
  }

  /** The period as rated, with nothing changed. */
  readonly base: RatingRun;
  /** Full ratings made (`rated`), and fast ones (`standing`, `withScore`): what the benchmark reports. */
  readonly counts = { rated: 0, fast: 0 };
  private readonly blocks;
  private readonly blockRounds: readonly (readonly IndicatorRound[])[];
  private readonly ratedUnits: readonly number[];
  private readonly unitIndex: number;
  /** By field index: the indicators (prepared indices) whose value, plan, score or applicability read it. */
  private readonly readers = new Map<number, Set<number>>();

  constructor(private readonly request: RescoreRequest) {
    const { prepared, store, rating, period } = request;
    this.base = rate(prepared, store, { rating, period, previous: "none" });
    this.counts.rated++;
    this.blocks = ratingBlocks(prepared.ruleset, this.base.rating);
    this.blockRounds = this.blocks.map((b) => this.base.rounds.filter((r) => r.prepared.block === b));
    const index = new Map(prepared.ruleset.units.map((u, i) => [u.id, i]));
    this.ratedUnits = (this.base.result?.results ?? []).map((r) => index.get(r.unit) ?? -1);
    this.unitIndex = index.get(request.unit) ?? -1;
    this.collectReaders();
  }

  /**
   * Which indicators read each field, transitively: through indicators that name another indicator, and
   * through `score(x)` of a group or block, which moves with any of its indicators (the GDI's
   * `score(hdi_female) / score(hdi_male)` reads every index of both blocks).
   */
  private collectReaders(): void {
    const { prepared } = this.request;
    const scored = scoredNames(prepared);
    const reads = prepared.indicators.map((p) => {
      const names = formulas(p).flatMap((f) => formulaUses(f).names);
      const on = names.flatMap((n) => scored.get(n) ?? []);
      return { index: p.index, names: new Set(names), on: new Set(on) };
    });
    for (const [field, f] of prepared.fieldIndex) {
      const set = new Set<number>();
      let grew = true;
      while (grew) {
        grew = false;
        for (const r of reads) {
          if (set.has(r.index) || !(r.names.has(field) || [...r.on].some((j) => set.has(j)))) continue;
          set.add(r.index);
          grew = true;
        }
      }
      this.readers.set(f, set);
    }
  }

  /** The indicators a change of these cells affects. */
  affected(overrides: Overrides): Set<number> {
    const out = new Set<number>();
    for (const key of overrides.keys()) for (const i of this.readers.get(Number(key.split("/")[0])) ?? []) out.add(i);
    return out;
  }

  /** The standing as `rate` of the changed data gives it (every formula evaluated again); none changed: `base`. */
  rated(overrides: Overrides): Standing | undefined {
    if (overrides.size === 0) return this.standingIn(this.base);
    this.counts.rated++;
    const { prepared, store, rating, period } = this.request;
    const run = rate(prepared, overridden(store, overrides), {
      rating,
      period,
      previous: "none",
    });
    return this.standingIn(run);
  }

  private standingIn(run: RatingRun): Standing | undefined {
    const r = run.result?.results.find((x) => x.unit === this.request.unit);
    return r && { total: r.score, rank: r.rank, grade: r.grade ?? "" };
  }

  /** The standing with only the indicators that read the changed fields evaluated again. */
  standing(overrides: Overrides): Standing | undefined {
    this.counts.fast++;
    const affected = this.affected(overrides);
    const evaluator = new Evaluator(
      this.request.prepared,
      overridden(this.request.store, overrides),
      this.base.evaluator?.ratedUnits ?? [],
    );
    const diagnostics: Diagnostic[] = [];
    const again = (r: IndicatorRound) =>
      affected.has(r.prepared.index) ? evaluateRound(evaluator, r.prepared, r.period, diagnostics) : r;
    const rounds = this.blockRounds.map((list) => list.map(again));
    // Outside the rating's blocks (a helper block's indicator the grades are on, as the GDI's parity).
    const outside = this.base.rounds.filter(
      (r) => affected.has(r.prepared.index) && !this.blocks.includes(r.prepared.block),
    );
    const extra = outside.map(again);
    // A missing-data policy of `fail` met: the period would not be rated.
    if (diagnostics.some((d) => d.severity === "error")) return undefined;
    return this.ranked(evaluator, rounds, extra);
  }

  /** The standing with the unit's score on one indicator set to `score` (no formula evaluated). */
  withScore(indicator: number, score: number): Standing | undefined {
    this.counts.fast++;
    const u = this.unitIndex;
    const rounds = this.blockRounds.map((list) =>
      list.map((r) => {
        if (r.prepared.index !== indicator) return r;
        const status = r.status.slice();
        const scores = r.scores.slice();
        status[u] = SCORED;
        scores[u] = score;
        return { ...r, status, scores };
      }),
    );
    return this.ranked(this.base.evaluator as Evaluator, rounds);
  }

  /** The unit's score on an indicator as rated (undefined when it is not scored from a value). */
  scoreOf(indicator: number): number | undefined {
    const r = this.base.rounds.find((x) => x.prepared.index === indicator);
    return r && r.status[this.unitIndex] === SCORED ? r.scores[this.unitIndex] : undefined;
  }

  /** Totals, ranks and grades as `rate` makes them: the rating's order and its own grades, if any. */
  private ranked(
    evaluator: Evaluator,
    rounds: readonly (readonly IndicatorRound[])[],
    extra: readonly IndicatorRound[] = [],
  ): Standing | undefined {
    const { ruleset } = this.request.prepared;
    const rating = this.base.rating as Rating;
    const all = new RatingTotals(evaluator, this.blocks, rounds).all(this.ratedUnits, []);
    const ranked = rankUnits(
      all.map((t) => ({ unit: t.unit, total: t.score })),
      ruleset.rank,
      rating.order,
    );
    const r = ranked.find((x) => x.unit === this.request.unit);
    const total = all.find((t) => t.unit === this.request.unit)?.score;
    // A rating graded on an indicator's value reads it from the rounds as changed (the others as rated).
    const grade = gradeDecider(ruleset, rating, [...rounds.flat(), ...extra, ...this.base.rounds]);
    return r && total !== undefined ? { total, rank: r.rank, grade: grade(r.key, this.unitIndex) } : undefined;
  }
}

/**
 * The syntax trees of an indicator's formulas: value, plan, score formula, its `applies.when` and its
 * groups'.
 */
function formulas(p: PreparedIndicator) {
  const i = p.indicator;
  return [
    i.formula.ast,
    i.score.method === "achievement" ? i.score.plan.ast : undefined,
    i.score.method === "formula" ? i.score.formula.ast : undefined,
    i.applies?.when?.ast,
    ...(p.groupWhen ?? []).map((g) => g.group.applies?.when?.ast),
  ];
}

/**
 * The names a formula reads that move with indicators (prepared indices): an indicator's id (its value) and
 * `score(id)` of an indicator, a group or a block (the scores the level aggregates).
 */
function scoredNames(prepared: PreparedRuleset): Map<string, number[]> {
  const indices = (list: readonly Indicator[]) =>
    list.flatMap((i) => {
      const j = prepared.indicatorIndex.get(i.id);
      return j === undefined ? [] : [j];
    });
  const out = new Map<string, number[]>();
  for (const [id, i] of prepared.indicatorIndex) {
    out.set(id, [i]);
    out.set(scoreName(id), [i]);
  }
  for (const b of prepared.ruleset.blocks) {
    out.set(scoreName(b.id), indices(b.indicators));
    for (const g of allGroups(b)) out.set(scoreName(g.id), indices(allIndicators(g)));
  }
  return out;
}
