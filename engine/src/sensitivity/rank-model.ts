import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { ratingBlocks } from "../methodology/effective-weights.js";
import { ratingGrades } from "../model/grades.js";
import type { Block, Group, Indicator, Ruleset } from "../model/ruleset.js";
import { gradeDecider, type RatingRun } from "../scoring/engine.js";
import type { Evaluator } from "../scoring/evaluator.js";
import { rankUnits } from "../scoring/ranking.js";
import { evaluateRound, type IndicatorRound, MISSING_ZERO } from "../scoring/round.js";
import { RatingTotals } from "../scoring/totals.js";
import { type Assumption, pick } from "./assumptions.js";

const MISSING_EXCLUDED = 3;

/** One rating under one choice of the assumptions: each unit's rank and grade, in the nominal order. */
export interface Outcome {
  readonly ranks: Float64Array;
  /** Index in the rating's grades (model/grades.ts ratingGrades: its own, else the ruleset's). */
  readonly grades: Int32Array;
}

/**
 * The rating as a function of the assumptions. The nominal run's rounds already hold every score, so a
 * choice of weights, aggregation, missing-data policy or rounding needs no formula evaluated again: the
 * engine's own RatingTotals and rankUnits recompute the totals and ranks from the rounds with the blocks
 * and rounds changed as the choice says (one code path for the rating and its analysis).
 */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class RankModel {
  readonly units: readonly string[];
  readonly nominal: Outcome;
  /** Columns of the design each assumption takes. */
  readonly sizes: readonly number[];
  private readonly blocks: readonly Block[];
  private readonly blockRounds: readonly (readonly IndicatorRound[])[];
  private readonly unitIndices: readonly number[];
  private readonly place: ReadonlyMap<string, number>;
  private readonly gradeIndex: ReadonlyMap<string, number>;
  /** The unit's grade as the rating decides it (its own grades, on the total or on an indicator's value). */
  private readonly gradeFor: (key: number, unit: number) => string;
  /**
   * What each assumption varies: block indices (block weights, aggregation), round places (indicator
   * weights) or group indices in `shadowGroups` (group weights).
   */
  private readonly scopes: readonly (readonly number[])[];
  /**
   * Private copies of the blocks, their groups (to any depth) and the rounds' indicators whose weights and
   * aggregation each rating sets in place: RatingTotals reads them when it sums (through the levels, the
   * blocks' copies hold the groups' and indicators' copies), so one RatingTotals per missing-data variant
   * serves every rating, and a rating allocates nothing but its results.
   */
  private readonly shadowBlocks: Mutable<Block>[];
  private readonly shadowGroups: { readonly group: Group; readonly shadow: Mutable<Group>; readonly block: string }[];
  private readonly shadowIndicators: Mutable<Indicator>[];
  private readonly shadowRounds: readonly (readonly IndicatorRound[])[];
  private readonly totals = new Map<string, RatingTotals>();
  /**
   * For each `score` assumption (by index): the round's place (block, position) and the round re-scored
   * under each option, from the values the rating computed (`evaluateRound` with the method replaced).
   */
  private readonly rescored = new Map<number, { block: number; at: number; rounds: Mutable<IndicatorRound>[] }>();

  constructor(
    private readonly ruleset: Ruleset,
    private readonly run: RatingRun,
    private readonly assumptions: readonly Assumption[],
  ) {
    const result = run.result;
    if (!result || !run.evaluator || !run.rating) throw new Error("sensitivity needs a rated run");
    this.blocks = ratingBlocks(ruleset, run.rating);
    this.blockRounds = this.blocks.map((b) => run.rounds.filter((r) => r.prepared.block === b));
    this.units = result.results.map((r) => r.unit);
    const index = new Map(ruleset.units.map((u, i) => [u.id, i]));
    this.unitIndices = this.units.map((u) => index.get(u) ?? -1);
    this.place = new Map(this.units.map((u, i) => [u, i]));
    this.gradeIndex = new Map(ratingGrades(ruleset, result.rating).map((g, i) => [g.id, i]));
    this.gradeFor = gradeDecider(ruleset, run.rating, run.rounds);
    this.shadowIndicators = [];
    const byId = new Map<string, Mutable<Indicator>>();
    this.shadowRounds = this.blockRounds.map((list) =>
      list.map((r) => {
        const indicator = { ...r.prepared.indicator };
        this.shadowIndicators.push(indicator);
        byId.set(indicator.id, indicator);
        return { ...r, prepared: { ...r.prepared, indicator } };
      }),
    );
    // Groups listed depth first, a group before its inner groups (model/groups.ts allGroups).
    this.shadowGroups = [];
    const copy = <T extends Block | Group>(node: T, block: string): Mutable<T> => {
      const indicators = node.indicators.map((i) => byId.get(i.id) ?? i);
      const groups = node.groups?.map((g) => {
        const entry = { group: g, shadow: { ...g }, block };
        this.shadowGroups.push(entry);
        Object.assign(entry.shadow, copy(g, block));
        return entry.shadow;
      });
      return { ...node, indicators, ...(groups ? { groups } : {}) };
    };
    this.shadowBlocks = this.blocks.map((b) => copy(b, b.id));
    this.scopes = assumptions.map((a) => this.scope(a));
    assumptions.forEach((a, j) => {
      if (a.kind === "score") this.rescore(j, a.indicator, a.options);
    });
    this.sizes = assumptions.map((a, j) => (isWeights(a) ? (this.scopes[j]?.length ?? 0) : 1));
    this.nominal = this.evaluate(new Float64Array(0), true);
  }

  /** The indicator's round scored by each of the options (the values are the rating's: nothing evaluated). */
  private rescore(j: number, indicator: string, options: readonly Indicator["score"][]): void {
    this.shadowRounds.forEach((list, block) => {
      const at = list.findIndex((r) => r.prepared.indicator.id === indicator);
      const round = list[at];
      if (!round) return;
      const rounds = options.map((score) => {
        const prepared = { ...round.prepared, indicator: { ...round.prepared.indicator, score } };
        return evaluateRound(this.run.evaluator as Evaluator, prepared, round.period, []);
      });
      this.rescored.set(j, { block, at, rounds });
    });
  }

  /**
   * The block indices (block weights, aggregation), round places (indicator weights) or group indices (group
   * weights) an assumption varies.
   */
  private scope(a: Assumption): number[] {
    const named = (id: string) => !("blocks" in a) || a.blocks === undefined || a.blocks.includes(id);
    const inScope = (b: Block) => named(b.id);
    if (a.kind === "group-weights") return this.shadowGroups.flatMap((g, k) => (named(g.block) ? [k] : []));
    if (a.kind === "indicator-weights") {
      const places: number[] = [];
      let place = 0;
      this.blocks.forEach((b, k) => {
        for (const _ of this.blockRounds[k] ?? []) {
          if (inScope(b)) places.push(place);
          place++;
        }
      });
      return places;
    }
    return this.blocks.flatMap((b, k) => (inScope(b) ? [k] : []));
  }

  /** The outcome at one point of [0, 1)^D, D = the sum of `sizes`; `nominal`: the rating as rated. */
  evaluate(point: Float64Array, nominal = false): Outcome {
    this.shadowBlocks.forEach((s, k) => {
      const b = this.blocks[k] as Block;
      s.weight = b.weight;
      s.aggregation = b.aggregation;
    });
    for (const g of this.shadowGroups) g.shadow.weight = g.group.weight;
    let place = 0;
    for (const list of this.blockRounds)
      for (const r of list) (this.shadowIndicators[place++] as Mutable<Indicator>).weight = r.prepared.indicator.weight;
    let missing: "zero" | "exclude" | "rated" = "rated";
    let round = this.ruleset.rank.round;
    let column = 0;
    const chosen: { block: number; at: number; round?: Mutable<IndicatorRound> }[] = [];
    this.assumptions.forEach((a, j) => {
      if (nominal) return;
      const scope = this.scopes[j] ?? [];
      if (isWeights(a)) {
        for (const i of scope) {
          const factor = 1 + a.spread * (2 * (point[column++] as number) - 1);
          const target =
            a.kind === "block-weights"
              ? this.shadowBlocks[i]
              : a.kind === "group-weights"
                ? this.shadowGroups[i]?.shadow
                : this.shadowIndicators[i];
          if (target) target.weight *= factor;
        }
        return;
      }
      const u = point[column++] as number;
      if (a.kind === "score") {
        const r = this.rescored.get(j);
        if (r) chosen.push({ ...r, round: r.rounds[Math.min(r.rounds.length - 1, Math.floor(u * r.rounds.length))] });
        return;
      }
      if (a.kind === "aggregation") {
        const choice = pick(a.options, u);
        for (const k of scope) (this.shadowBlocks[k] as Mutable<Block>).aggregation = choice;
      } else if (a.kind === "missing") missing = pick(a.options, u);
      else {
        const r = pick(a.options, u);
        round = r === null ? undefined : r;
      }
    });
    if (this.rescored.size === 0) return this.outcome(this.totalsFor(missing), round);
    return this.outcome(this.rescoredTotals(missing, chosen), round);
  }

  /**
   * The totals with the chosen re-scored rounds in place (their weights the shadow's, as set for this run),
   * and the missing-data policy applied to them too; made for each run, as the rounds differ.
   */
  private rescoredTotals(
    missing: "zero" | "exclude" | "rated",
    chosen: readonly { block: number; at: number; round?: Mutable<IndicatorRound> }[],
  ): RatingTotals {
    const lists = this.shadowRounds.map((list) => [...list]);
    for (const c of chosen) {
      const nominal = lists[c.block]?.[c.at];
      if (!c.round || !nominal) continue;
      (c.round.prepared.indicator as Mutable<Indicator>).weight = nominal.prepared.indicator.weight;
      (lists[c.block] as IndicatorRound[])[c.at] = c.round;
    }
    const rounds = missing === "rated" ? lists : this.variant(missing, lists);
    return new RatingTotals(this.run.evaluator as Evaluator, this.shadowBlocks, rounds);
  }

  private totalsFor(missing: "zero" | "exclude" | "rated"): RatingTotals {
    let totals = this.totals.get(missing);
    if (!totals) {
      const rounds = missing === "rated" ? this.shadowRounds : this.variant(missing);
      totals = new RatingTotals(this.run.evaluator as Evaluator, this.shadowBlocks, rounds);
      this.totals.set(missing, totals);
    }
    return totals;
  }

  private outcome(totals: RatingTotals, round: number | undefined): Outcome {
    const diagnostics: Diagnostic[] = [];
    const all = totals.all(this.unitIndices, diagnostics);
    const policy = { ...this.ruleset.rank, ...(round === undefined ? { round: undefined } : { round }) };
    const ranked = rankUnits(
      all.map((t) => ({ unit: t.unit, total: t.score })),
      policy,
      this.run.rating?.order,
    );
    const ranks = new Float64Array(this.units.length);
    const grades = new Int32Array(this.units.length);
    for (const r of ranked) {
      const p = this.place.get(r.unit) ?? 0;
      ranks[p] = r.rank;
      grades[p] = this.gradeIndex.get(this.gradeFor(r.key, this.unitIndices[p] ?? -1)) ?? -1;
    }
    return { ranks, grades };
  }

  /** The rounds with every missing value under one policy: status and scores rewritten, nothing evaluated. */
  private variant(policy: "zero" | "exclude", lists = this.shadowRounds): IndicatorRound[][] {
    return lists.map((list) =>
      list.map((r) => {
        const missing = [...r.policies.keys()].filter((u) => r.policies.get(u) !== "fail");
        if (missing.length === 0) return r;
        const status = r.status.slice();
        const scores = r.scores.slice();
        for (const u of missing) {
          if (status[u] !== MISSING_ZERO && status[u] !== MISSING_EXCLUDED) continue;
          status[u] = policy === "zero" ? MISSING_ZERO : MISSING_EXCLUDED;
          scores[u] = 0;
        }
        return { ...r, status, scores };
      }),
    );
  }
}

function isWeights(a: Assumption): a is Extract<Assumption, { spread: number }> {
  return a.kind === "block-weights" || a.kind === "indicator-weights" || a.kind === "group-weights";
}
