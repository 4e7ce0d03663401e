import { type DataStore, formatPeriodCode } from "../data/store.js";
import type { EvalContext } from "../formula/context.js";
import { missing, type Value } from "../formula/value.js";
import type { SlotKind, SlotTable } from "./prepare.js";

/** What a context needs from the evaluator: other indicators' values, the store, units and peers. */
export interface ContextHost {
  readonly store: DataStore;
  indicatorValue(indicator: number, unit: number, period: number): Value;
  attribute(unit: number, name: string, period: number): Value;
  /**
   * `score(x)`: the score of indicator `indicator` (its index), or of the group or block `id` (index -1).
   * Optional: a host that rates nothing (a test's) leaves it out, and score(x) is then unbound.
   */
  score?(indicator: number, id: string, unit: number, period: number): Value;
  peers(indicator: number): readonly number[];
  unitName(unit: number): string;
}

const UNBOUND = 0;
const FIELD = 1;
const INDICATOR = 2;
const ATTRIBUTE = 3;
const VALUE = 4;
const SCORE = 5;
const KIND: Readonly<Record<SlotKind | "unbound", number>> = {
  unbound: UNBOUND,
  field: FIELD,
  indicator: INDICATOR,
  attribute: ATTRIBUTE,
  value: VALUE,
  score: SCORE,
};

/** A ruleset's slot tables as small integers, made once per table (a table covers every field and indicator). */
const numericTables = new WeakMap<SlotTable, { kinds: Uint8Array; targets: Int32Array }>();

function numericSlots(slots: SlotTable): { kinds: Uint8Array; targets: Int32Array } {
  let numeric = numericTables.get(slots);
  if (!numeric) {
    const size = Math.max(slots.kinds.length, slots.targets.length);
    const kinds = new Uint8Array(size);
    const targets = new Int32Array(size).fill(-1);
    for (let i = 0; i < size; i++) {
      kinds[i] = KIND[slots.kinds[i] ?? "unbound"];
      targets[i] = slots.targets[i] ?? -1;
    }
    numeric = { kinds, targets };
    numericTables.set(slots, numeric);
  }
  return numeric;
}

/**
 * The evaluation context of one indicator's formulas: fields come from the data store, other indicators
 * from the evaluator (on demand, memoised), `unit.xxx` from units.yaml, and the cross-unit functions see
 * the units rated in the period to which this indicator applies. One context per indicator and formula,
 * so the cross-unit cache (memo) never mixes two indicators' peers.
 */
export class IndicatorContext implements EvalContext {
  readonly memo = new Map<string, unknown>();
  /** The slot table as small integers (KIND below), read on every input of every unit. */
  private readonly kinds: Uint8Array;
  private readonly targets: Int32Array;

  constructor(
    private readonly host: ContextHost,
    /** The indicator whose formulas run here (its value is `value` in a score formula). */
    readonly indicator: number,
    private readonly slots: SlotTable,
  ) {
    const numeric = numericSlots(slots);
    this.kinds = numeric.kinds;
    this.targets = numeric.targets;
  }

  get(slot: number, unit: number, period: number): Value {
    switch (this.kinds[slot]) {
      case FIELD:
        return this.host.store.value(this.targets[slot] as number, unit, period);
      case INDICATOR:
        return this.host.indicatorValue(this.targets[slot] as number, unit, period);
      case ATTRIBUTE:
        return this.host.attribute(unit, this.slots.names[slot] ?? "", period);
      case VALUE:
        return this.host.indicatorValue(this.indicator, unit, period);
      case SCORE:
        if (this.host.score)
          return this.host.score(this.targets[slot] as number, this.slots.names[slot] ?? "", unit, period);
        throw new RangeError(`slot ${slot} is not bound`);
      default:
        throw new RangeError(`slot ${slot} is not bound`);
    }
  }

  ytd(slot: number, unit: number, period: number): Value {
    if (this.kinds[slot] === FIELD) return this.host.store.ytd(this.targets[slot] as number, unit, period);
    // Only data fields have a running total; the checker allows ytd on fields only.
    return missing({
      kind: "domain",
      function: "ytd",
      range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
      detail: `${this.slots.names[slot] ?? "this input"} is not a data field, so it has no year-to-date total`,
    });
  }

  prev(period: number): number {
    // Period codes count months x 3 (see periodCode): one month back is 3, a quarter 9, a year 36.
    const kind = period % 3;
    return this.shifted(period - (kind === 0 ? 3 : kind === 1 ? 9 : 36));
  }

  prevYear(period: number): number {
    return this.shifted(period - 36);
  }

  peers(_period: number): readonly number[] {
    return this.host.peers(this.indicator);
  }

  unitName(unit: number): string {
    return this.host.unitName(unit);
  }

  periodName(period: number): string {
    return formatPeriodCode(period);
  }

  /** -1 (the compiler's "before the data begins") when the shifted period starts before the first data. */
  private shifted(code: number): number {
    return this.host.store.isBeforeData(code) ? -1 : code;
  }
}

/** One input read while explaining: the slot read, for which period, and whether as a running total. */
export interface InputRead {
  readonly slot: number;
  readonly period: number;
  readonly ytd: boolean;
  readonly value: Value;
}

/**
 * Wraps a context to record what a formula reads for one unit (the explained one); reads for peers (inside
 * region_* and rank) are the region's, not the unit's inputs, and are not recorded.
 */
export class RecordingContext implements EvalContext {
  readonly reads: InputRead[] = [];

  constructor(
    private readonly inner: EvalContext,
    private readonly unit: number,
  ) {}

  get memo(): Map<string, unknown> {
    return this.inner.memo;
  }

  get(slot: number, unit: number, period: number): Value {
    const value = this.inner.get(slot, unit, period);
    if (unit === this.unit) this.reads.push({ slot, period, ytd: false, value });
    return value;
  }

  ytd(slot: number, unit: number, period: number): Value {
    const value = this.inner.ytd(slot, unit, period);
    if (unit === this.unit) this.reads.push({ slot, period, ytd: true, value });
    return value;
  }

  prev(period: number): number {
    return this.inner.prev(period);
  }

  prevYear(period: number): number {
    return this.inner.prevYear(period);
  }

  peers(period: number): readonly number[] {
    return this.inner.peers(period);
  }

  unitName(unit: number): string {
    return this.inner.unitName(unit);
  }

  periodName(period: number): string {
    return this.inner.periodName(period);
  }
}
