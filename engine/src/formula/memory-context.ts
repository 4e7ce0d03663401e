import { formatPeriod, parsePeriod, previousPeriod, sameTimeLastYear } from "../data/period.js";
import type { EvalContext } from "./context.js";
import type { Binding, Environment } from "./environment.js";
import { isMissing, missing, type Value } from "./value.js";

/** A value in memory data: a number, true/false, a text, or "n/a" for a value reported as not applicable. */
export type MemoryValue = number | boolean | string;

export interface MemoryData {
  /** Unit ids; their order is the order of EvalContext.peers. */
  readonly units: readonly string[];
  /** Period ids ("2026-03", "2026-Q1", "2026"); prev and prev_year reach only periods listed here. */
  readonly periods: readonly string[];
  /** values[name][unit][period]; an absent value is "no data", the string "n/a" is not applicable. */
  readonly values?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, MemoryValue>>>>>>;
  /** How ytd totals a field over the year's periods up to the one rated (default sum). */
  readonly aggregates?: Readonly<Record<string, "sum" | "last" | "mean">>;
  /** The units rated together (default: all units). */
  readonly peers?: readonly string[];
}

/**
 * An EvalContext over plain data, for tests, examples and `tarazy eval`. Values are checked against the
 * environment's bindings when set, so a test cannot silently feed a text where a number is declared.
 */
export class MemoryContext implements EvalContext {
  readonly memo = new Map<string, unknown>();
  private readonly unitIds: readonly string[];
  private readonly periodIds: readonly string[];
  private readonly periodIndex = new Map<string, number>();
  private readonly unitIndex = new Map<string, number>();
  private readonly table: ((Value | undefined)[] | undefined)[] = []; // [slot][unit * periods + period]
  private readonly slots = new Map<number, Binding>();
  private readonly peerList: readonly number[];

  constructor(
    private readonly env: Environment,
    private readonly data: MemoryData,
  ) {
    this.unitIds = [...data.units];
    this.periodIds = data.periods.map((p) => {
      const parsed = parsePeriod(p);
      if (!parsed) throw new RangeError(`period "${p}" is not a month (2026-03), quarter (2026-Q1) or year (2026)`);
      return formatPeriod(parsed);
    });
    for (const [i, u] of this.unitIds.entries()) this.unitIndex.set(u, i);
    for (const [i, p] of this.periodIds.entries()) this.periodIndex.set(p, i);
    for (const b of env.bindings()) this.slots.set(b.slot, b);
    this.peerList = (data.peers ?? data.units).map((u) => this.unit(u));
    for (const [name, byUnit] of Object.entries(data.values ?? {})) {
      for (const [unit, byPeriod] of Object.entries(byUnit)) {
        for (const [period, value] of Object.entries(byPeriod)) this.set(name, unit, period, value);
      }
    }
  }

  /** The index of unit `id`; throws for an unknown id. */
  unit(id: string): number {
    const index = this.unitIndex.get(id);
    if (index === undefined) throw new RangeError(`unknown unit "${id}"`);
    return index;
  }

  /** The index of period `id` (any spelling parsePeriod accepts); throws for one not listed. */
  period(id: string): number {
    const parsed = parsePeriod(id);
    const index = parsed ? this.periodIndex.get(formatPeriod(parsed)) : undefined;
    if (index === undefined) throw new RangeError(`period "${id}" is not among the periods of this context`);
    return index;
  }

  /** Sets one value; "n/a" marks it not applicable. Clears the memo, since aggregates may change. */
  set(name: string, unit: string, period: string, value: MemoryValue): void {
    const binding = this.env.lookup(name);
    if (!binding) throw new RangeError(`"${name}" is not a name of the environment`);
    if (value !== "n/a" && typeof value !== binding.type) {
      throw new TypeError(`${name} is declared as ${binding.type}, but ${JSON.stringify(value)} was given`);
    }
    if (typeof value === "number" && !Number.isFinite(value))
      throw new RangeError(`${name}: ${value} is not a finite number`);
    const u = this.unit(unit);
    const p = this.period(period);
    let column = this.table[binding.slot];
    if (!column) {
      column = new Array(this.unitIds.length * this.periodIds.length).fill(undefined);
      this.table[binding.slot] = column;
    }
    column[u * this.periodIds.length + p] =
      value === "n/a" ? missing({ kind: "not-applicable", name, unit, period: this.periodIds[p] as string }) : value;
    this.memo.clear();
  }

  get(slot: number, unit: number, period: number): Value {
    const value = this.table[slot]?.[unit * this.periodIds.length + period];
    return value ?? this.noData(slot, unit, period);
  }

  ytd(slot: number, unit: number, period: number): Value {
    const id = this.periodIds[period];
    const current = id ? parsePeriod(id) : undefined;
    if (!current) return this.noData(slot, unit, period);
    const name = this.slots.get(slot)?.name ?? "";
    const rule = this.data.aggregates?.[name] ?? "sum";
    if (rule === "last") return this.get(slot, unit, period);
    let total = 0;
    for (let index = 1; index <= current.index; index++) {
      const p = this.periodIndex.get(formatPeriod({ ...current, index }));
      const v =
        p === undefined ? this.noDataIn(slot, unit, formatPeriod({ ...current, index })) : this.get(slot, unit, p);
      if (isMissing(v)) return v;
      total += v as number;
    }
    return rule === "mean" ? total / current.index : total;
  }

  prev(period: number): number {
    return this.shift(period, previousPeriod);
  }

  prevYear(period: number): number {
    return this.shift(period, sameTimeLastYear);
  }

  peers(_period: number): readonly number[] {
    return this.peerList;
  }

  unitName(unit: number): string {
    return this.unitIds[unit] ?? `unit ${unit}`;
  }

  periodName(period: number): string {
    return this.periodIds[period] ?? `period ${period}`;
  }

  private shift(period: number, step: typeof previousPeriod): number {
    const id = this.periodIds[period];
    const parsed = id ? parsePeriod(id) : undefined;
    return parsed ? (this.periodIndex.get(formatPeriod(step(parsed))) ?? -1) : -1;
  }

  private noData(slot: number, unit: number, period: number): Value {
    return this.noDataIn(slot, unit, this.periodName(period));
  }

  private noDataIn(slot: number, unit: number, period: string): Value {
    return missing({
      kind: "no-data",
      name: this.slots.get(slot)?.name ?? `input ${slot}`,
      unit: this.unitName(unit),
      period,
    });
  }
}
