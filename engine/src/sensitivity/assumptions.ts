import type { Aggregation, Located, ScoreMethod } from "../model/ruleset.js";

/**
 * The assumptions a sensitivity analysis varies (docs/audit.md#sensitivity), read from an assumptions file
 * (engine/schema/tarazy-sensitivity.schema.json). Each is one input of the analysis, however many parameters
 * it has: its sensitivity indices say how much that choice moves the ranking.
 */
export type Assumption =
  /** Each block's weight times (1 + spread x U(-1, 1)), independently; the total is rescaled as always. */
  | {
      readonly id: string;
      readonly kind: "block-weights";
      readonly spread: number;
      readonly blocks?: readonly string[];
      readonly at: Located;
    }
  /** Each indicator's weight in its block times (1 + spread x U(-1, 1)), independently. */
  | {
      readonly id: string;
      readonly kind: "indicator-weights";
      readonly spread: number;
      readonly blocks?: readonly string[];
      readonly at: Located;
    }
  /**
   * Each group's weight in its parent times (1 + spread x U(-1, 1)), independently, for the groups of the
   * blocks named (default all); the levels are aggregated again with the weights so changed.
   */
  | {
      readonly id: string;
      readonly kind: "group-weights";
      readonly spread: number;
      readonly blocks?: readonly string[];
      readonly at: Located;
    }
  /** The blocks' aggregation: one of the options, equally likely, for all the blocks named (default all). */
  | {
      readonly id: string;
      readonly kind: "aggregation";
      readonly options: readonly Aggregation[];
      readonly blocks?: readonly string[];
      readonly at: Located;
    }
  /** The missing-data policy of every indicator whose value is missing: zero or exclude, equally likely. */
  | {
      readonly id: string;
      readonly kind: "missing";
      readonly options: readonly ("zero" | "exclude")[];
      readonly at: Located;
    }
  /** The decimals the total is rounded to before ranking (null: the exact total), equally likely. */
  | {
      readonly id: string;
      readonly kind: "rounding";
      readonly options: readonly (number | null)[];
      readonly at: Located;
    }
  /** One indicator's score method (goalposts, …): one of the options, equally likely; its values re-scored. */
  | {
      readonly id: string;
      readonly kind: "score";
      readonly indicator: string;
      readonly options: readonly ScoreMethod[];
      readonly at: Located;
    };

export interface SensitivitySettings {
  /** The base sample N: N (k + 2) ratings for k assumptions. */
  readonly runs: number;
  readonly seed: number;
  readonly assumptions: readonly Assumption[];
}

export const DEFAULT_RUNS = 1000;
export const DEFAULT_SEED = 1;

/** The option a uniform u in [0, 1) picks among m: the m slices of [0, 1) are equally likely. */
export function pick<T>(options: readonly T[], u: number): T {
  return options[Math.min(options.length - 1, Math.floor(u * options.length))] as T;
}
