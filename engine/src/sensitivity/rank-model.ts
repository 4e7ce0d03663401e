import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { ratingBlocks } from "../methodology/effective-weights.js";
import type { Aggregation, Block, Ruleset } from "../model/ruleset.js";
import type { RatingRun } from "../scoring/engine.js";
import type { Evaluator } from "../scoring/evaluator.js";
import { gradeOf, rankUnits } from "../scoring/ranking.js";
import { type IndicatorRound, MISSING_ZERO } from "../scoring/round.js";
import { RatingTotals } from "../scoring/totals.js";
import { type Assumption, pick } from "./assumptions.js";

const MISSING_EXCLUDED = 3;

/** One rating under one choice of the assumptions: each unit's rank and grade, in the nominal order. */
export interface Outcome {
  readonly ranks: Float64Array;
  /** Index in ruleset.grades. */
  readonly grades: Int32Array;
}

/**
 * The rating as a function of the assumptions. The nominal run's rounds already hold every score, so a
 * choice of weights, aggregation, missing-data policy or rounding needs no formula evaluated again: the
 * engine's own RatingTotals and rankUnits recompute the totals and ranks from the rounds with the blocks
 * and rounds changed as the choice says (one code path for the rating and its analysis).
 */
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
  /** The rounds with the missing values scored 0 (zero) or left out (exclude), made on first use. */
  private readonly variants = new Map<string, IndicatorRound[][]>();

  constructor(
    private readonly ruleset: Ruleset,
    private readonly run: RatingRun,
    private readonly assumptions: readonly Assumption[],
  ) {
    const result = run.result;
    if (!result || !run.evaluator) throw new Error("sensitivity needs a rated run");
    this.blocks = ratingBlocks(ruleset, run.rating);
    this.blockRounds = this.blocks.map((b) => run.rounds.filter((r) => r.prepared.block === b));
    this.units = result.results.map((r) => r.unit);
    const index = new Map(ruleset.units.map((u, i) => [u.id, i]));
    this.unitIndices = this.units.map((u) => index.get(u) ?? -1);
    this.place = new Map(this.units.map((u, i) => [u, i]));
    this.gradeIndex = new Map(ruleset.grades.map((g, i) => [g.id, i]));
    this.sizes = assumptions.map((a) => this.scope(a).length);
    this.nominal = this.outcome(this.blocks, this.blockRounds, ruleset.rank.round);
  }

  /** The blocks (block weights, aggregation) or indicators (indicator weights) an assumption varies. */
  private scope(a: Assumption): readonly unknown[] {
    const inScope = (b: Block) => !("blocks" in a) || a.blocks === undefined || a.blocks.includes(b.id);
    if (a.kind === "block-weights") return this.blocks.filter(inScope);
    if (a.kind === "indicator-weights")
      return this.blocks.flatMap((b, k) => (inScope(b) ? (this.blockRounds[k] ?? []) : []));
    return [0];
  }

  /** The outcome at one point of [0, 1)^D, D = the sum of `sizes`. */
  evaluate(point: Float64Array): Outcome {
    const blockFactor = new Float64Array(this.blocks.length).fill(1);
    const aggregation: (Aggregation | undefined)[] = this.blocks.map(() => undefined);
    const roundFactor = new Map<IndicatorRound, number>();
    let missing: "zero" | "exclude" | undefined;
    let round = this.ruleset.rank.round;
    let column = 0;
    for (const a of this.assumptions) {
      const u = point[column] as number;
      if (a.kind === "block-weights") {
        for (const b of this.scope(a) as Block[])
          blockFactor[this.blocks.indexOf(b)] = 1 + a.spread * (2 * (point[column++] as number) - 1);
        continue;
      }
      if (a.kind === "indicator-weights") {
        for (const r of this.scope(a) as IndicatorRound[])
          roundFactor.set(r, 1 + a.spread * (2 * (point[column++] as number) - 1));
        continue;
      }
      column++;
      if (a.kind === "aggregation") {
        const choice = pick(a.options, u);
        this.blocks.forEach((b, k) => {
          if (a.blocks === undefined || a.blocks.includes(b.id)) aggregation[k] = choice;
        });
      } else if (a.kind === "missing") missing = pick(a.options, u);
      else {
        const r = pick(a.options, u);
        round = r === null ? undefined : r;
      }
    }
    const source = missing ? this.variant(missing) : this.blockRounds;
    const blocks = this.blocks.map((b, k) => {
      const f = blockFactor[k] as number;
      const agg = aggregation[k];
      return f === 1 && agg === undefined ? b : { ...b, weight: b.weight * f, aggregation: agg ?? b.aggregation };
    });
    const rounds = source.map((list, k) =>
      list.map((r, i) => {
        const f = roundFactor.get(this.blockRounds[k]?.[i] as IndicatorRound);
        if (f === undefined || f === 1) return r;
        const indicator = { ...r.prepared.indicator, weight: r.prepared.indicator.weight * f };
        return { ...r, prepared: { ...r.prepared, indicator } };
      }),
    );
    return this.outcome(blocks, rounds, round);
  }

  private outcome(
    blocks: readonly Block[],
    rounds: readonly (readonly IndicatorRound[])[],
    round: number | undefined,
  ): Outcome {
    const diagnostics: Diagnostic[] = [];
    const totals = new RatingTotals(this.run.evaluator as Evaluator, blocks, rounds).all(this.unitIndices, diagnostics);
    const policy = { ...this.ruleset.rank, ...(round === undefined ? { round: undefined } : { round }) };
    const ranked = rankUnits(
      totals.map((t) => ({ unit: t.unit, total: t.score })),
      policy,
    );
    const ranks = new Float64Array(this.units.length);
    const grades = new Int32Array(this.units.length);
    for (const r of ranked) {
      const p = this.place.get(r.unit) ?? 0;
      ranks[p] = r.rank;
      grades[p] = this.gradeIndex.get(gradeOf(r.key, this.ruleset.grades)) ?? -1;
    }
    return { ranks, grades };
  }

  /** The rounds with every missing value under one policy: status and scores rewritten, nothing evaluated. */
  private variant(policy: "zero" | "exclude"): IndicatorRound[][] {
    let rounds = this.variants.get(policy);
    if (rounds) return rounds;
    rounds = this.blockRounds.map((list) =>
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
    this.variants.set(policy, rounds);
    return rounds;
  }
}
