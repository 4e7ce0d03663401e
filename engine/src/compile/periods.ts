import { formatPeriod, parsePeriod, previousPeriod, sameTimeLastYear } from "../data/period.js";
import type { EvalContext } from "../formula/context.js";
import { type Missing, missing } from "../formula/value.js";
import type { Range } from "../source/range.js";

export type Shift = "prev" | "prev_year";

/** The context's period index one step (prev) or one year (prev_year) earlier, or -1. */
export function shiftPeriod(ctx: EvalContext, period: number, shift: Shift): number {
  return shift === "prev" ? ctx.prev(period) : ctx.prevYear(period);
}

/**
 * Missing because a time function reached before the data begins. The context says only "-1", so the
 * period reached is named from the current period's id when it is one of ours (2026-Q1 -> 2025-Q4).
 */
export function outOfRange(ctx: EvalContext, period: number, shift: Shift, range: Range): Missing {
  // The same for every unit: made once per call site, context and period (a year of prev_year reaching
  // before the data is one per unit and indicator otherwise, each parsing and formatting a period name).
  let byContext = outOfRangeCache.get(range);
  if (!byContext) {
    byContext = new WeakMap();
    outOfRangeCache.set(range, byContext);
  }
  let byPeriod = byContext.get(ctx);
  if (!byPeriod) {
    byPeriod = new Map();
    byContext.set(ctx, byPeriod);
  }
  const key = shift === "prev" ? period * 2 : period * 2 + 1;
  let reason = byPeriod.get(key);
  if (!reason) {
    reason = describeOutOfRange(ctx, period, shift, range);
    byPeriod.set(key, reason);
  }
  return reason;
}

const outOfRangeCache = new WeakMap<Range, WeakMap<EvalContext, Map<number, Missing>>>();

function describeOutOfRange(ctx: EvalContext, period: number, shift: Shift, range: Range): Missing {
  const name = ctx.periodName(period);
  const parsed = parsePeriod(name);
  const reached = parsed
    ? formatPeriod(shift === "prev" ? previousPeriod(parsed) : sameTimeLastYear(parsed))
    : `the period before ${name}`;
  return missing({ kind: "out-of-range", function: shift, period: reached, range });
}
