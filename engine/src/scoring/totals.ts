import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { hasLevels } from "../model/groups.js";
import type { Block, Indicator } from "../model/ruleset.js";
import { rangeOfLength } from "../source/range.js";
import { ScoringCode } from "./codes.js";
import { type Evaluator, NUMBER } from "./evaluator.js";
import { LEFT_OUT, unitLevels } from "./level-totals.js";
import type { PreparedRuleset } from "./prepare.js";
import { type RecordMaker, recordMaker } from "./record-maker.js";
import type { BlockResult, GroupResult, IndicatorResult } from "./result.js";
import { type IndicatorRound, MISSING_ZERO, SCORED, STATUS } from "./round.js";

export interface UnitTotals {
  readonly unit: string;
  readonly score: number;
  readonly blocks: Record<string, BlockResult>;
  readonly groups?: Record<string, GroupResult>;
  readonly indicators: Record<string, IndicatorResult>;
}

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
  /** With levels (model/groups.ts hasLevels): the groups' and helper blocks' results. */
  readonly groups?: Record<string, GroupResult>;
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
    this.roundWeights = new Float64Array(evaluator.prepared.ruleset.units.length * rounds.length);
    this.records = new Array(rounds.length);
    this.makeIndicators = indicatorRecordMaker(
      evaluator.prepared,
      rounds.map((r) => r.prepared.indicator.id),
    );
  }

  /** The unit's blocks, total and indicator records. */
  unit(unit: number, diagnostics: Diagnostic[]): UnitTotals {
    const { blocks, groups, score, unit: id } = this.totals(unit, diagnostics);
    return { unit: id, score, blocks, ...(groups ? { groups } : {}), indicators: this.indicators(unit) };
  }

  /** The unit's blocks and total (S206 when nothing counts); keeps its effective weights for `indicators`. */
  totals(unit: number, diagnostics: Diagnostic[]): UnitBlocks {
    return this.all([unit], diagnostics)[0] as UnitBlocks;
  }

  /**
   * The blocks and totals of `units` (indices in the ruleset), in that order, with S206 for each that has
   * nothing to count; keeps their effective weights for `indicators`. Worked block by block and round by
   * round over all the units (each round's typed arrays read in one sweep); every unit's sums are still
   * taken in indicator order, the order aggregateBlock takes them in, so the numbers are the same bits.
   */
  all(units: readonly number[], diagnostics: Diagnostic[]): UnitBlocks[] {
    if (hasLevels(this.evaluator.prepared.ruleset)) return units.map((u) => this.levels(u, diagnostics));
    const n = units.length;
    const blockCount = this.blocks.length;
    const counted = new Int32Array(blockCount * n);
    const weightSums = new Float64Array(blockCount * n);
    const liveWeights = new Float64Array(n);
    for (const u of units) this.roundWeights.fill(0, u * this.roundCount, (u + 1) * this.roundCount);
    // 1. Each block's counted indicators and the sum of their weights, per unit.
    for (let k = 0; k < blockCount; k++) {
      for (const round of this.blockRounds[k] ?? []) {
        const weight = round.prepared.indicator.weight;
        const status = round.status;
        for (let p = 0; p < n; p++) {
          if (!isCounted(status[units[p] as number] ?? 0)) continue;
          const at = k * n + p;
          counted[at] = (counted[at] as number) + 1;
          weightSums[at] = (weightSums[at] as number) + weight;
        }
      }
    }
    // 2. The weight of the blocks that count for each unit, in block order.
    for (let k = 0; k < blockCount; k++) {
      const weight = (this.blocks[k] as Block).weight;
      if (weight > 0)
        for (let p = 0; p < n; p++)
          if ((counted[k * n + p] as number) > 0) liveWeights[p] = (liveWeights[p] as number) + weight;
    }
    // 3. Each block's weight on the scale and its points (NaN: left out of the unit's total).
    const blockWeights = new Float64Array(blockCount * n);
    const blockPoints = new Float64Array(blockCount * n);
    const accumulated = new Float64Array(n);
    const hasZero = new Uint8Array(n);
    const sweep: Sweep = { units, blockWeights, weightSums, accumulated, hasZero };
    let first = 0;
    for (let k = 0; k < blockCount; k++) {
      const b = this.blocks[k] as Block;
      const rounds = this.blockRounds[k] ?? [];
      for (let p = 0; p < n; p++) {
        const live = liveWeights[p] as number;
        blockWeights[k * n + p] =
          (counted[k * n + p] as number) > 0 && b.weight > 0 && live > 0 ? (b.weight * this.scale) / live : 0;
      }
      accumulated.fill(b.aggregation === "min" ? Number.POSITIVE_INFINITY : 0);
      hasZero.fill(0);
      for (let i = 0; i < rounds.length; i++) {
        this.accumulate(b, rounds[i] as IndicatorRound, first + i, k, sweep);
      }
      for (let p = 0; p < n; p++) {
        const weight = blockWeights[k * n + p] as number;
        const weightSum = weightSums[k * n + p] as number;
        if (!(weight > 0) || !(weightSum > 0)) {
          blockPoints[k * n + p] = Number.NaN;
          continue;
        }
        const a = accumulated[p] as number;
        const points =
          b.aggregation === "min"
            ? weight * a
            : b.aggregation === "geometric"
              ? weight * (hasZero[p] ? 0 : Math.exp(a))
              : a;
        blockPoints[k * n + p] = Math.max(0, Math.min(weight, points));
      }
      first += rounds.length;
    }
    return units.map((unit, p) => this.unitBlocks(unit, p, n, blockWeights, blockPoints, liveWeights, diagnostics));
  }

  /**
   * Adds one round's counted scores to each unit's block aggregate (arithmetic: score x effective weight;
   * min: the lowest score; geometric: the weighted log, or a zero seen) and keeps the effective weights.
   */
  private accumulate(b: Block, round: IndicatorRound, place: number, k: number, sweep: Sweep) {
    const { units, blockWeights, weightSums, accumulated, hasZero } = sweep;
    const n = units.length;
    const weight = round.prepared.indicator.weight;
    const { status, scores } = round;
    for (let p = 0; p < n; p++) {
      const unit = units[p] as number;
      const blockWeight = blockWeights[k * n + p] as number;
      const weightSum = weightSums[k * n + p] as number;
      if (!(blockWeight > 0) || !(weightSum > 0) || !isCounted(status[unit] ?? 0)) continue;
      const score = scores[unit] as number;
      const effective = (blockWeight * weight) / weightSum;
      this.roundWeights[unit * this.roundCount + place] = effective;
      if (b.aggregation === "min") accumulated[p] = Math.min(accumulated[p] as number, score);
      else if (b.aggregation !== "geometric") accumulated[p] = (accumulated[p] as number) + score * effective;
      else if (score <= 0) hasZero[p] = 1;
      else accumulated[p] = (accumulated[p] as number) + (weight / weightSum) * Math.log(score);
    }
  }

  /**
   * One unit's blocks, groups and total through the levels (scoring/level-totals.ts), for a ruleset with
   * groups, helper blocks or a declared total; keeps its effective weights for `indicators`.
   */
  private levels(unit: number, diagnostics: Diagnostic[]): UnitBlocks {
    const rounds = this.blockRounds.flat();
    const byId = new Map(rounds.map((r, i) => [r.prepared.indicator.id, i]));
    const scoreOf = (indicator: Indicator) => {
      const round = rounds[byId.get(indicator.id) ?? -1];
      return round && isCounted(round.status[unit] ?? 0) ? (round.scores[unit] as number) : undefined;
    };
    const { ruleset, levelFormula } = this.evaluator.prepared;
    const result = unitLevels(ruleset, this.blocks, scoreOf, levelFormula);
    rounds.forEach((r, i) => {
      this.roundWeights[unit * this.roundCount + i] = result.weights.get(r.prepared.indicator.id) ?? 0;
    });
    if (result.live === 0) diagnostics.push(nothingToRate(this.evaluator.unitName(unit)));
    return { unit: this.evaluator.unitName(unit), score: result.score, blocks: result.blocks, groups: result.groups };
  }

  /** One unit's block results and total from the sweeps' arrays; S206 when nothing counts. */
  private unitBlocks(
    unit: number,
    p: number,
    n: number,
    blockWeights: Float64Array,
    blockPoints: Float64Array,
    liveWeights: Float64Array,
    diagnostics: Diagnostic[],
  ): UnitBlocks {
    const blockResults: Record<string, BlockResult> = {};
    let total = 0;
    for (let k = 0; k < this.blocks.length; k++) {
      const b = this.blocks[k] as Block;
      const points = blockPoints[k * n + p] as number;
      // biome-ignore lint/suspicious/noSelfCompare: NaN marks a block left out
      if (points === points) {
        blockResults[b.id] = { score: points, weight: blockWeights[k * n + p] as number };
        total += points;
      } else blockResults[b.id] = { score: 0, weight: 0, reason: LEFT_OUT };
    }
    const unitId = this.evaluator.unitName(unit);
    if (liveWeights[p] === 0) diagnostics.push(nothingToRate(unitId));
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

function nothingToRate(unit: string): Diagnostic {
  return {
    code: ScoringCode.S206,
    severity: "warning",
    message: `nothing to rate for ${unit}: every indicator is excluded or not applicable, so its total is 0`,
    range: rangeOfLength(0),
  };
}

/** The arrays one `all` works on: per unit (p) or per block and unit (k * units + p). */
interface Sweep {
  readonly units: readonly number[];
  readonly blockWeights: Float64Array;
  readonly weightSums: Float64Array;
  readonly accumulated: Float64Array;
  readonly hasZero: Uint8Array;
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
