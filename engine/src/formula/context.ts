import type { Value } from "./value.js";

/**
 * Where a compiled formula gets its data. The formula is evaluated for one unit in one period; time
 * functions (prev, prev_year, ytd) move the period and cross-unit functions (region_*, rank) visit the
 * peers. Units and periods are small integers chosen by the context, so evaluation never looks a name up.
 *
 * The scoring engine implements this over measurement data and indicator values; `MemoryContext`
 * (memory-context.ts) implements it over plain objects for tests and `tarazy eval`.
 */
export interface EvalContext {
  /** Value of input `slot` (as bound by the environment) for `unit` in `period`; Missing with a reason when absent. */
  get(slot: number, unit: number, period: number): Value;
  /** Year-to-date value of input `slot` for `unit` up to the end of `period`, by the field's aggregation rule. */
  ytd(slot: number, unit: number, period: number): Value;
  /** The period one step earlier at the same granularity (month to month, quarter to quarter), or -1. */
  prev(period: number): number;
  /** The same period one year earlier, or -1. */
  prevYear(period: number): number;
  /** The units rated together in `period`, over which region_* and rank work. */
  peers(period: number): readonly number[];
  /** Names for missing-value reasons. */
  unitName(unit: number): string;
  periodName(period: number): string;
  /**
   * A cache for cross-unit aggregates, so `region_avg(x)` is computed once per period and not once per unit.
   * Cleared by the owner when the data changes.
   */
  readonly memo: Map<string, unknown>;
}
