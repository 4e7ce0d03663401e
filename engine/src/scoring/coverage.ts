import type { Block, CoveragePolicy } from "../model/ruleset.js";
import { compareDecimal } from "../util/decimal-compare.js";
import { nominalShares } from "./levels.js";
import type { Coverage } from "./result.js";
import { type IndicatorRound, MISSING_ZERO, NOT_APPLICABLE } from "./round.js";

/** In a block with groups, each applicable indicator's share of the block through the levels. */
function groupShares(block: Block, rounds: readonly IndicatorRound[], unit: number): Map<string, number> {
  const applicable = new Set(
    rounds
      .filter((r) => {
        const status = r.status[unit] ?? 0;
        return status !== 0 && status !== NOT_APPLICABLE;
      })
      .map((r) => r.prepared.indicator.id),
  );
  return nominalShares(block, (i) => applicable.has(i.id));
}

/**
 * How much of a unit's rating rests on data. The indicators counted are those that apply to the unit; one
 * "has data" unless its value is missing for lack of data (IndicatorRound.noData). The weight share uses the
 * weights the indicators would carry if every value were present (blocks and indicators that do not apply
 * are redistributed, as in scoring), so it does not depend on the missing-data policy.
 */
export function unitCoverage(
  blocks: readonly Block[],
  blockRounds: readonly (readonly IndicatorRound[])[],
  unit: number,
): Coverage {
  let expected = 0;
  let withData = 0;
  let zeroed = 0;
  const missing = new Set<string>();
  const missingIndicators: string[] = [];
  // Per block: the weight of its applicable indicators, and of those with data.
  const applicable: number[] = [];
  const covered: number[] = [];
  blocks.forEach((block, k) => {
    let all = 0;
    let some = 0;
    const shares = block.groups ? groupShares(block, blockRounds[k] ?? [], unit) : undefined;
    for (const round of blockRounds[k] ?? []) {
      const status = round.status[unit] ?? 0;
      if (status === 0 || status === NOT_APPLICABLE) continue;
      const id = round.prepared.indicator.id;
      const weight = shares ? (shares.get(id) ?? 0) : round.prepared.indicator.weight;
      expected++;
      all += weight;
      const lack = round.noData.get(unit);
      if (lack === undefined) {
        withData++;
        some += weight;
      } else {
        missing.add(lack);
        missingIndicators.push(round.prepared.indicator.id);
        if (status === MISSING_ZERO) zeroed++;
      }
    }
    applicable.push(all);
    covered.push(some);
  });
  let live = 0;
  blocks.forEach((b, k) => {
    if ((applicable[k] ?? 0) > 0 && b.weight > 0) live += b.weight;
  });
  let weight = 0;
  blocks.forEach((b, k) => {
    const all = applicable[k] ?? 0;
    if (all > 0 && b.weight > 0 && live > 0) weight += (b.weight / live) * ((covered[k] ?? 0) / all);
  });
  return {
    indicators: expected > 0 ? withData / expected : 1,
    // All present is exactly 1 (the sum of the shares may miss it by an ulp).
    weight: expected === 0 || withData === expected ? 1 : Math.min(1, weight),
    expected,
    withData,
    zeroed,
    missingFields: [...missing].sort(),
    missingIndicators,
  };
}

/** Whether the coverage meets the policy; a unit with no data at all is never rated. Shares at 15 digits. */
export function meetsCoverage(coverage: Coverage, policy: CoveragePolicy): boolean {
  if (coverage.expected > 0 && coverage.withData === 0) return false;
  return (
    compareDecimal(coverage.weight, policy.minWeightShare) >= 0 &&
    compareDecimal(coverage.indicators, policy.minIndicatorShare) >= 0
  );
}

/** "62.5%": a share as people read it (at most one decimal, no float noise). */
export function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/** Why a unit is not rated, in words: its coverage against the policy and what is missing. */
export function notRatedReason(coverage: Coverage, policy: CoveragePolicy): string {
  if (coverage.withData === 0) return `no data: ${missingList(coverage.missingFields)}`;
  const short: string[] = [];
  if (compareDecimal(coverage.weight, policy.minWeightShare) < 0)
    short.push(`${percent(coverage.weight)} of the weight has data, the minimum is ${percent(policy.minWeightShare)}`);
  if (compareDecimal(coverage.indicators, policy.minIndicatorShare) < 0)
    short.push(
      `${coverage.withData} of ${coverage.expected} indicators have data, the minimum is ${percent(policy.minIndicatorShare)}`,
    );
  return `${short.join("; ")}; missing: ${missingList(coverage.missingFields)}`;
}

/** The first few missing fields and how many more. */
export function missingList(fields: readonly string[], max = 8): string {
  if (fields.length <= max) return fields.join(", ");
  return `${fields.slice(0, max).join(", ")} and ${fields.length - max} more`;
}
