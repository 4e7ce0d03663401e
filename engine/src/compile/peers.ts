import type { EvalContext } from "../formula/context.js";
import type { Missing, Value } from "../formula/value.js";
import { aggregate } from "../functions/cross-unit.js";
import type { AggregateOp } from "../functions/spec.js";
import type { Range } from "../source/range.js";
import { toSignificant } from "../util/decimal-compare.js";
import { domainMissing, TOO_LARGE } from "./reasons.js";

/**
 * Cross-unit functions for compiled formulas. The argument is compiled into its own function of
 * (ctx, unit, period); its values over the peers are computed once per period and kept in ctx.memo
 * under a key unique to the call site, so rating n units evaluates the argument n times, not n^2.
 */
export type UnitFunction = (ctx: EvalContext, unit: number, period: number) => Value;

/** What a call site knows at compile time. */
export interface AggregateSite {
  readonly key: string;
  readonly name: string;
  readonly op: AggregateOp;
  readonly noPeers: Missing;
  readonly range: Range;
}

export interface RankSite {
  readonly key: string;
  readonly descending: boolean;
}

function periodMemo<T>(ctx: EvalContext, key: string): Map<number, T> {
  let memo = ctx.memo.get(key) as Map<number, T> | undefined;
  if (!memo) {
    memo = new Map();
    ctx.memo.set(key, memo);
  }
  return memo;
}

/** The present values of `argument` over the period's peers (missing ones skipped). */
export function peerValues(ctx: EvalContext, period: number, argument: UnitFunction): number[] {
  const values: number[] = [];
  for (const peer of ctx.peers(period)) {
    const v = argument(ctx, peer, period);
    if (typeof v === "number") values.push(v);
  }
  return values;
}

export function regionAggregate(ctx: EvalContext, period: number, argument: UnitFunction, site: AggregateSite): Value {
  const memo = periodMemo<Value>(ctx, site.key);
  const cached = memo.get(period);
  if (cached !== undefined) return cached;
  const values = peerValues(ctx, period, argument);
  let result: Value = site.noPeers;
  if (values.length > 0) {
    const total = aggregate(site.op, values);
    result = Number.isFinite(total) ? total : domainMissing(site.name, site.range, TOO_LARGE);
  }
  memo.set(period, result);
  return result;
}

/**
 * 1 + the number of peers with a strictly better value at 15 significant digits, so ties share the best
 * place. The peers' values are sorted once per period; each unit then costs a binary search.
 */
export function rankAmongPeers(
  ctx: EvalContext,
  unit: number,
  period: number,
  argument: UnitFunction,
  site: RankSite,
): Value {
  const own = argument(ctx, unit, period);
  if (typeof own !== "number") return own;
  const memo = periodMemo<Float64Array>(ctx, site.key);
  let sorted = memo.get(period);
  if (!sorted) {
    sorted = Float64Array.from(peerValues(ctx, period, argument), toSignificant).sort();
    memo.set(period, sorted);
  }
  const x = toSignificant(own);
  // ascending array: better = greater (descending rank) or smaller (ascending rank)
  return 1 + (site.descending ? sorted.length - upperBound(sorted, x) : lowerBound(sorted, x));
}

/** Index of the first element > x. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element >= x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
