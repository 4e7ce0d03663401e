import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Block } from "../model/ruleset.js";
import { rangeOfLength } from "../source/range.js";
import { aggregateInto } from "./aggregate.js";
import { ScoringCode } from "./codes.js";
import { type Evaluator, NUMBER } from "./evaluator.js";
import type { PreparedRuleset } from "./prepare.js";
import { type RecordMaker, recordMaker } from "./record-maker.js";
import type { BlockResult, IndicatorResult } from "./result.js";
import { type IndicatorRound, MISSING_ZERO, SCORED, STATUS } from "./round.js";

export interface UnitTotals {
  readonly unit: string;
  readonly score: number;
  readonly blocks: Record<string, BlockResult>;
  readonly indicators: Record<string, IndicatorResult>;
}

const LEFT_OUT = "every indicator of the block is excluded or not applicable";

/**
 * A unit's blocks and total. Block weights are put on the ruleset's scale over the blocks that have
 * something to rate for the unit (a subset rating, or a block whose indicators are all excluded or not
 * applicable, is rescaled to the full scale); within a block, the counted indicators share its weight.
 * `blockRounds` holds each rating block's rounds, in block order.
 */
export function unitTotals(
  evaluator: Evaluator,
  blocks: readonly Block[],
  blockRounds: readonly (readonly IndicatorRound[])[],
  unit: number,
  diagnostics: Diagnostic[],
): UnitTotals {
  return new RatingTotals(evaluator, blocks, blockRounds).unit(unit, diagnostics);
}

/** A unit's total and blocks; its indicator records are built by RatingTotals.indicators when wanted. */
export interface UnitBlocks {
  readonly unit: string;
  readonly score: number;
  readonly blocks: Record<string, BlockResult>;
}

/**
 * unitTotals for every unit of one rating run. The rounds are laid out once, and the per-unit work uses the
 * same scratch arrays for every unit. The blocks and totals are computed at once (ranking needs them); the
 * indicator records (200 objects a unit in a large rating) are built by `indicators`, from the effective
 * weights kept here, only when someone reads them.
 */
export class RatingTotals {
  private readonly scale: number;
  private readonly roundCount: number;
  private readonly counted: Int32Array;
  private readonly scores: Float64Array;
  private readonly weights: Float64Array;
  private readonly places: Int32Array;
  private readonly effective: Float64Array;
  /** By unit and round (unit * roundCount + round, rounds in record order): the effective weight, 0 when not counted. */
  private readonly roundWeights: Float64Array;
  private readonly records: IndicatorResult[];
  private readonly makeIndicators: RecordMaker<IndicatorResult>;

  constructor(
    private readonly evaluator: Evaluator,
    private readonly blocks: readonly Block[],
    private readonly blockRounds: readonly (readonly IndicatorRound[])[],
  ) {
    this.scale = evaluator.prepared.ruleset.scale;
    const rounds = blockRounds.flat();
    this.roundCount = rounds.length;
    const widest = Math.max(0, ...blockRounds.map((r) => r.length));
    this.counted = new Int32Array(blocks.length);
    this.scores = new Float64Array(widest);
    this.weights = new Float64Array(widest);
    this.places = new Int32Array(widest);
    this.effective = new Float64Array(widest);
    this.roundWeights = new Float64Array(evaluator.prepared.ruleset.units.length * rounds.length);
    this.records = new Array(rounds.length);
    this.makeIndicators = indicatorRecordMaker(
      evaluator.prepared,
      rounds.map((r) => r.prepared.indicator.id),
    );
  }

  /** The unit's blocks, total and indicator records. */
  unit(unit: number, diagnostics: Diagnostic[]): UnitTotals {
    const { blocks, score, unit: id } = this.totals(unit, diagnostics);
    return { unit: id, score, blocks, indicators: this.indicators(unit) };
  }

  /** The unit's blocks and total (S206 when nothing counts); keeps its effective weights for `indicators`. */
  totals(unit: number, diagnostics: Diagnostic[]): UnitBlocks {
    const liveWeight = this.countBlocks(unit);
    const blockResults: Record<string, BlockResult> = {};
    let total = 0;
    let first = unit * this.roundCount;
    this.roundWeights.fill(0, first, first + this.roundCount);
    for (let k = 0; k < this.blocks.length; k++) {
      const b = this.blocks[k] as Block;
      const rounds = this.blockRounds[k] ?? [];
      const count = this.counted[k] as number;
      const weight = count > 0 && b.weight > 0 && liveWeight > 0 ? (b.weight * this.scale) / liveWeight : 0;
      const points = weight > 0 ? this.aggregate(b, rounds, unit, weight, first) : undefined;
      if (points !== undefined) {
        blockResults[b.id] = { score: points, weight };
        total += points;
      } else blockResults[b.id] = { score: 0, weight: 0, reason: LEFT_OUT };
      first += rounds.length;
    }
    const unitId = this.evaluator.unitName(unit);
    if (liveWeight === 0) {
      diagnostics.push({
        code: ScoringCode.S206,
        severity: "warning",
        message: `nothing to rate for ${unitId}: every indicator is excluded or not applicable, so its total is 0`,
        range: rangeOfLength(0),
      });
    }
    // Sums of doubles can pass the scale by an ulp; a total is never above the scale.
    return { unit: unitId, score: Math.max(0, Math.min(this.scale, total)), blocks: blockResults };
  }

  /** The unit's indicator records, by indicator id in block order (after `totals` for the unit). */
  indicators(unit: number): Record<string, IndicatorResult> {
    let everyRoundRated = true;
    let i = 0;
    for (const rounds of this.blockRounds) {
      for (const round of rounds) {
        const record = this.record(round, unit, this.roundWeights[unit * this.roundCount + i] as number);
        if (!record) everyRoundRated = false;
        this.records[i++] = record as IndicatorResult;
      }
    }
    const indicators = everyRoundRated ? this.makeIndicators(this.records) : this.someIndicators();
    return indicators;
  }

  /** Counts each block's counted indicators for the unit; returns the weight of the blocks that count. */
  private countBlocks(unit: number): number {
    let liveWeight = 0;
    for (let k = 0; k < this.blocks.length; k++) {
      const rounds = this.blockRounds[k] ?? [];
      let count = 0;
      for (let i = 0; i < rounds.length; i++) if (isCounted((rounds[i] as IndicatorRound).status[unit] ?? 0)) count++;
      this.counted[k] = count;
      const b = this.blocks[k] as Block;
      if (b.weight > 0 && count > 0) liveWeight += b.weight;
    }
    return liveWeight;
  }

  /** The block's points for the unit; sets the counted rounds' effective weights (rounds from `first`). */
  private aggregate(
    b: Block,
    rounds: readonly IndicatorRound[],
    unit: number,
    weight: number,
    first: number,
  ): number | undefined {
    let n = 0;
    for (let i = 0; i < rounds.length; i++) {
      const round = rounds[i] as IndicatorRound;
      if (!isCounted(round.status[unit] ?? 0)) continue;
      this.scores[n] = round.scores[unit] as number;
      this.weights[n] = round.prepared.indicator.weight;
      this.places[n] = i;
      n++;
    }
    const points = aggregateInto(b.aggregation, this.scores, this.weights, n, weight, this.effective);
    if (points === undefined) return undefined;
    for (let j = 0; j < n; j++) this.roundWeights[first + (this.places[j] as number)] = this.effective[j] as number;
    return points;
  }

  /** One indicator's result for the unit; undefined when the unit was not rated in the round. */
  private record(round: IndicatorRound, unit: number, weight: number): IndicatorResult | undefined {
    const code = round.status[unit] ?? 0;
    if (code === 0) return undefined;
    const score = isCounted(code) ? (round.scores[unit] as number) : null;
    const memo = round.values;
    const v = memo.state[unit] === NUMBER ? memo.numbers[unit] : memo.others.get(unit);
    const scored = code === SCORED;
    // One shape for every indicator: absent policy and reason are undefined, which JSON leaves out.
    return {
      value: typeof v === "number" || typeof v === "boolean" ? v : null,
      score,
      weight,
      points: (score ?? 0) * weight,
      status: STATUS[code] ?? "scored",
      policy: scored ? undefined : round.policies.get(unit),
      reason: scored ? undefined : round.reasons.get(unit),
    };
  }

  /** The records of the rounds that rated the unit, when some did not (an evaluator of other units). */
  private someIndicators(): Record<string, IndicatorResult> {
    const indicators: Record<string, IndicatorResult> = {};
    this.blockRounds.flat().forEach((round, i) => {
      const record = this.records[i];
      if (record) indicators[round.prepared.indicator.id] = record;
    });
    return indicators;
  }
}

/** Scored, or scored 0 under the `zero` policy: the indicator counts in its block. */
function isCounted(code: number): boolean {
  return code === SCORED || code === MISSING_ZERO;
}

/** One record maker per ruleset and list of indicators (a rating's), so its shape is made once. */
const makers = new WeakMap<PreparedRuleset, Map<string, RecordMaker<IndicatorResult>>>();

function indicatorRecordMaker(prepared: PreparedRuleset, ids: readonly string[]): RecordMaker<IndicatorResult> {
  let byIds = makers.get(prepared);
  if (!byIds) {
    byIds = new Map();
    makers.set(prepared, byIds);
  }
  const key = ids.join("\n");
  let maker = byIds.get(key);
  if (!maker) {
    maker = recordMaker<IndicatorResult>(ids);
    byIds.set(key, maker);
  }
  return maker;
}
