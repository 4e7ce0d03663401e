import type { Period } from "../data/period.js";
import type { DataStore } from "../data/store.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { ratingBlocks } from "../methodology/effective-weights.js";
import { formulaUses } from "../methodology/formula-inputs.js";
import type { Indicator, Rating } from "../model/ruleset.js";
import { gradeDecider, type RatingRun, rate } from "../scoring/engine.js";
import { Evaluator } from "../scoring/evaluator.js";
import type { PreparedRuleset } from "../scoring/prepare.js";
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
 * The data store answering some cells with other values. A year-to-date total raised by d is the period's
 * own months raised by d in all (a cumulative field: the running total reported at the period's last month),
 * so the period's value is answered d higher too; earlier periods are as reported.
 */
export function overridden(store: DataStore, overrides: Overrides): DataStore {
  const view = Object.create(store) as DataStore;
  const ytdFields = new Set(
    [...overrides.keys()].filter((k) => k.endsWith("/ytd")).map((k) => Number(k.split("/")[0])),
  );
  const ytdShift = (field: number, unit: number, code: number): number => {
    if (!ytdFields.has(field)) return 0;
    const to = overrides.get(cellKey(field, unit, code, true));
    if (to === undefined) return 0;
    const was = store.ytd(field, unit, code);
    return typeof was === "number" ? to - was : 0;
  };
  view.value = (field, unit, code, touch) => {
    const v = overrides.get(cellKey(field, unit, code));
    if (v !== undefined) return v;
    const was = store.value.call(view, field, unit, code, touch);
    return typeof was === "number" ? was + ytdShift(field, unit, code) : was;
  };
  view.ytd = (field, unit, code, touch) => {
    const v = overrides.get(cellKey(field, unit, code, true));
    return v !== undefined ? v : store.ytd.call(view, field, unit, code, touch);
  };
  return view;
}

export interface RescoreRequest {
  readonly prepared: PreparedRuleset;
  readonly store: DataStore;
  readonly rating: string;
  readonly period: Period;
  readonly unit: string;
}

export class Rescorer {
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

  /** Which indicators read each field, following indicators that name other indicators. */
  private collectReaders(): void {
    const { prepared } = this.request;
    const names = prepared.indicators.map((p) => new Set(formulas(p.indicator).flatMap((f) => formulaUses(f).names)));
    for (const [field, f] of prepared.fieldIndex) {
      const set = new Set<number>();
      let grew = true;
      while (grew) {
        grew = false;
        prepared.indicators.forEach((p, i) => {
          if (set.has(p.index)) return;
          const uses = names[i] as Set<string>;
          if (uses.has(field) || [...set].some((j) => uses.has(prepared.indicators[j]?.indicator.id ?? ""))) {
            set.add(p.index);
            grew = true;
          }
        });
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
    const rounds = this.blockRounds.map((list) =>
      list.map((r) =>
        affected.has(r.prepared.index) ? evaluateRound(evaluator, r.prepared, r.period, diagnostics) : r,
      ),
    );
    // A missing-data policy of `fail` met: the period would not be rated.
    if (diagnostics.some((d) => d.severity === "error")) return undefined;
    return this.ranked(evaluator, rounds);
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
  private ranked(evaluator: Evaluator, rounds: readonly (readonly IndicatorRound[])[]): Standing | undefined {
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
    const grade = gradeDecider(ruleset, rating, [...rounds.flat(), ...this.base.rounds]);
    return r && total !== undefined ? { total, rank: r.rank, grade: grade(r.key, this.unitIndex) } : undefined;
  }
}

/** The syntax trees of an indicator's formulas: value, plan, score formula and `applies.when`. */
function formulas(i: Indicator) {
  return [
    i.formula.ast,
    i.score.method === "achievement" ? i.score.plan.ast : undefined,
    i.score.method === "formula" ? i.score.formula.ast : undefined,
    i.applies?.when?.ast,
  ];
}
