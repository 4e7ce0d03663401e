import type { EvalContext } from "./context.js";
import type { Value } from "./value.js";

/**
 * A context without time and without peers: no earlier period, no other units. The base of the contexts
 * that evaluate a formula over something other than the data store (a batch of columns, a level's member
 * scores): they say what an input and its running total are, and the rest reads as absent.
 */
export abstract class TimelessContext implements EvalContext {
  readonly memo = new Map<string, unknown>();

  abstract get(slot: number, row: number, period: number): Value;
  abstract ytd(slot: number, row: number, period: number): Value;

  prev(): number {
    return -1;
  }

  prevYear(): number {
    return -1;
  }

  peers(): readonly number[] {
    return [];
  }

  unitName(_row: number): string {
    return "";
  }

  periodName(): string {
    return "";
  }
}
