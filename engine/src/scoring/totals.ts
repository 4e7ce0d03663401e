import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Block } from "../model/ruleset.js";
import { rangeOfLength } from "../source/range.js";
import { aggregateBlock } from "./aggregate.js";
import { ScoringCode } from "./codes.js";
import { type Evaluator, NUMBER } from "./evaluator.js";
import type { BlockResult, IndicatorResult } from "./result.js";
import { type IndicatorRound, SCORED, STATUS, scoreOf } from "./round.js";

export interface UnitTotals {
  readonly unit: string;
  readonly score: number;
  readonly blocks: Record<string, BlockResult>;
  readonly indicators: Record<string, IndicatorResult>;
}

const LEFT_OUT = "every indicator of the block is excluded or not applicable";

/** The counted indicators of one block for one unit: their scores, weights and places among the block's rounds. */
interface Counted {
  readonly scores: number[];
  readonly weights: number[];
  readonly places: number[];
}

function counted(rounds: readonly IndicatorRound[], unit: number): Counted {
  const c: Counted = { scores: [], weights: [], places: [] };
  for (let i = 0; i < rounds.length; i++) {
    const round = rounds[i] as IndicatorRound;
    const score = scoreOf(round, unit);
    if (score === null || score === undefined) continue;
    c.scores.push(score);
    c.weights.push(round.prepared.indicator.weight);
    c.places.push(i);
  }
  return c;
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
  const { ruleset } = evaluator.prepared;
  const perBlock = blocks.map((_, k) => counted(blockRounds[k] ?? [], unit));
  let liveWeight = 0;
  blocks.forEach((b, k) => {
    if (b.weight > 0 && (perBlock[k]?.scores.length ?? 0) > 0) liveWeight += b.weight;
  });
  const blockResults: Record<string, BlockResult> = {};
  const indicators: Record<string, IndicatorResult> = {};
  let total = 0;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k] as Block;
    const rounds = blockRounds[k] ?? [];
    const c = perBlock[k] as Counted;
    const weight = c.scores.length > 0 && b.weight > 0 && liveWeight > 0 ? (b.weight * ruleset.scale) / liveWeight : 0;
    const aggregate = weight > 0 ? aggregateBlock(b.aggregation, c.scores, c.weights, weight) : undefined;
    const effective = new Float64Array(rounds.length);
    if (aggregate) {
      for (let n = 0; n < c.places.length; n++) effective[c.places[n] ?? 0] = aggregate.effectiveWeights[n] ?? 0;
      blockResults[b.id] = { score: aggregate.points, weight };
      total += aggregate.points;
    } else blockResults[b.id] = { score: 0, weight: 0, reason: LEFT_OUT };
    for (let i = 0; i < rounds.length; i++) {
      const round = rounds[i] as IndicatorRound;
      const code = round.status[unit] ?? 0;
      if (code === 0) continue;
      const score = scoreOf(round, unit) ?? null;
      const memo = round.values;
      const v = memo.state[unit] === NUMBER ? memo.numbers[unit] : memo.others.get(unit);
      const w = effective[i] ?? 0;
      const scored = code === SCORED;
      // One shape for every indicator: absent policy and reason are undefined, which JSON leaves out.
      indicators[round.prepared.indicator.id] = {
        value: typeof v === "number" || typeof v === "boolean" ? v : null,
        score,
        weight: w,
        points: (score ?? 0) * w,
        status: STATUS[code] ?? "scored",
        policy: scored ? undefined : round.policies.get(unit),
        reason: scored ? undefined : round.reasons.get(unit),
      };
    }
  }
  const unitId = evaluator.unitName(unit);
  if (liveWeight === 0) {
    diagnostics.push({
      code: ScoringCode.S206,
      severity: "warning",
      message: `nothing to rate for ${unitId}: every indicator is excluded or not applicable, so its total is 0`,
      range: rangeOfLength(0),
    });
  }
  // Sums of doubles can pass the scale by an ulp; a total is never above the scale.
  return { unit: unitId, score: Math.max(0, Math.min(ruleset.scale, total)), blocks: blockResults, indicators };
}
