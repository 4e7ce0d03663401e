import type { DataStore } from "../data/store.js";
import { formatPeriodCode } from "../data/store.js";
import type { EvalContext } from "../formula/context.js";
import { describeMissing, isMissing, missing, type Value } from "../formula/value.js";
import { groupPath } from "../model/groups.js";
import type { Applicability, Unit } from "../model/ruleset.js";
import { type ContextHost, IndicatorContext } from "./context.js";
import { FormulaScores } from "./formula-scores.js";
import type { PreparedFormula, PreparedIndicator, PreparedRuleset } from "./prepare.js";

const NOT_EVALUATED = 0;
const APPLIES = 1;
const DOES_NOT_APPLY = 2;

/** Memo states of an indicator value. */
export const NUMBER = 1;
const OTHER = 2;
const EVALUATING = 3;

export interface ValueMemo {
  readonly state: Uint8Array;
  readonly numbers: Float64Array;
  readonly others: Map<number, Value>;
}

/**
 * Evaluates indicators for units and periods: each value once (memoised), other indicators on demand (so
 * they are computed in dependency order without sorting), with the units rated in the period as peers.
 */
export class Evaluator implements ContextHost {
  private readonly units: readonly Unit[];
  private readonly rated: Uint8Array;
  private readonly applicability: Uint8Array[];
  private readonly peerLists: (readonly number[] | undefined)[];
  private readonly values: Map<number, ValueMemo>[];
  /** By indicator: the period whose memo was read last and that memo (a round reads one period). */
  private readonly lastPeriod: Float64Array;
  private readonly lastMemo: (ValueMemo | undefined)[];
  private readonly contexts = new Map<PreparedFormula, IndicatorContext>();
  /** By indicator: the context of its value formula (the one run most), without the map lookup. */
  private readonly valueContexts: (IndicatorContext | undefined)[];
  /** `score(x)` reads, made at the first. */
  private scores: FormulaScores | undefined;

  constructor(
    readonly prepared: PreparedRuleset,
    readonly store: DataStore,
    /** Indices (in ruleset.units) of the units rated together. */
    readonly ratedUnits: readonly number[],
  ) {
    this.units = prepared.ruleset.units;
    this.rated = new Uint8Array(this.units.length);
    for (const u of ratedUnits) this.rated[u] = 1;
    const count = prepared.indicators.length;
    this.applicability = Array.from({ length: count }, () => new Uint8Array(this.units.length));
    this.peerLists = new Array(count).fill(undefined);
    this.values = Array.from({ length: count }, () => new Map());
    this.lastPeriod = new Float64Array(count).fill(Number.NaN);
    this.lastMemo = new Array(count).fill(undefined);
    this.valueContexts = new Array(count).fill(undefined);
  }

  /** The context a formula of an indicator runs in. */
  context(indicator: number, formula: PreparedFormula): IndicatorContext {
    let ctx = this.contexts.get(formula);
    if (!ctx) {
      ctx = new IndicatorContext(this, indicator, formula.slots);
      this.contexts.set(formula, ctx);
    }
    return ctx;
  }

  indicator(index: number): PreparedIndicator {
    const p = this.prepared.indicators[index];
    if (!p) throw new RangeError(`no indicator ${index}`);
    return p;
  }

  /** The indicator's value for a unit and period; not applicable when the indicator does not apply to it. */
  indicatorValue(index: number, unit: number, period: number): Value {
    if (!this.applies(index, unit)) {
      return missing({
        kind: "not-applicable",
        name: this.indicator(index).indicator.id,
        unit: this.unitName(unit),
        period: formatPeriodCode(period),
      });
    }
    const memo = this.memo(index, period);
    const state = memo.state[unit];
    if (state === NUMBER) return memo.numbers[unit] ?? 0;
    if (state === OTHER) return memo.others.get(unit) ?? 0;
    const p = this.indicator(index);
    if (state === EVALUATING) {
      // The rules checker rejects cycles; this guard keeps a ruleset that slipped through from recursing forever.
      return missing({
        kind: "domain",
        function: p.indicator.id,
        range: p.indicator.formula.at.range,
        detail: `${p.indicator.id} depends on itself`,
      });
    }
    memo.state[unit] = EVALUATING;
    let ctx = this.valueContexts[index];
    if (ctx === undefined) {
      ctx = this.context(index, p.value);
      this.valueContexts[index] = ctx;
    }
    const value = p.value.compiled.run(ctx, unit, period);
    if (typeof value === "number") {
      memo.numbers[unit] = value;
      memo.state[unit] = NUMBER;
    } else {
      memo.others.set(unit, value);
      memo.state[unit] = OTHER;
    }
    return value;
  }

  /**
   * The values of one indicator in one period, as far as computed: numbers in a typed array, anything else
   * (missing, yes/no) aside. State 0 means not computed (or, for a unit the indicator does not apply to, never).
   */
  memo(index: number, period: number): ValueMemo {
    const last = this.lastMemo[index];
    if (last !== undefined && this.lastPeriod[index] === period) return last;
    const byPeriod = this.values[index];
    if (!byPeriod) throw new RangeError(`no indicator ${index}`);
    let memo = byPeriod.get(period);
    if (!memo) {
      const count = this.units.length;
      memo = { state: new Uint8Array(count), numbers: new Float64Array(count), others: new Map() };
      byPeriod.set(period, memo);
    }
    this.lastPeriod[index] = period;
    this.lastMemo[index] = memo;
    return memo;
  }

  /** Runs one of the indicator's formulas for a unit and period (in the given context, e.g. a recording one). */
  run(index: number, formula: PreparedFormula, unit: number, period: number, ctx?: EvalContext): Value {
    return formula.compiled.run(ctx ?? this.context(index, formula), unit, period);
  }

  /** `score(x)` in a formula: the score of an indicator (index >= 0) or of the group or block `id`. */
  score(index: number, id: string, unit: number, period: number): Value {
    this.scores ??= new FormulaScores(this);
    return this.scores.score(index, id, unit, period);
  }

  attribute(unit: number, name: string, period: number): Value {
    const u = this.units[unit];
    const v = name === "kind" ? u?.kind : u?.attributes[name];
    if (v === undefined) {
      return missing({
        kind: "no-data",
        name: `unit.${name}`,
        unit: this.unitName(unit),
        period: formatPeriodCode(period),
      });
    }
    return v;
  }

  /** The rated units to which the indicator applies, in ruleset order. */
  peers(index: number): readonly number[] {
    let list = this.peerLists[index];
    if (!list) {
      list = this.ratedUnits.filter((u) => this.applies(index, u));
      this.peerLists[index] = list;
    }
    return list;
  }

  unitName(unit: number): string {
    return this.units[unit]?.id ?? `#${unit}`;
  }

  isRated(unit: number): boolean {
    return this.rated[unit] === 1;
  }

  applies(index: number, unit: number): boolean {
    const cache = this.applicability[index];
    if (!cache) return false;
    if (cache[unit] === NOT_EVALUATED) cache[unit] = this.whyNotApplicable(index, unit) ? DOES_NOT_APPLY : APPLIES;
    return cache[unit] === APPLIES;
  }

  /** Why the indicator does not apply to the unit (by `applies`, its own or its groups'), or undefined when it does. */
  whyNotApplicable(index: number, unit: number): string | undefined {
    const p = this.indicator(index);
    const u = this.units[unit];
    if (!u) return undefined;
    const byLists = listsExclude(p.indicator.applies, p.indicator.id, u);
    if (byLists) return byLists;
    if (p.when) {
      const why = this.whenExcludes(index, p.when, "applies.when", unit);
      if (why) return why;
    }
    for (const g of groupPath(p.block, p.indicator.group)) {
      const why = listsExclude(g.applies, g.id, u);
      if (why) return why;
      const when = p.groupWhen?.find((w) => w.group === g)?.formula;
      const whyWhen = when ? this.whenExcludes(index, when, `${g.id}: applies.when`, unit) : undefined;
      if (whyWhen) return whyWhen;
    }
    return undefined;
  }

  /** Why an `applies.when` condition (the indicator's or a group's) leaves the unit out, if it does. */
  private whenExcludes(index: number, when: PreparedFormula, what: string, unit: number): string | undefined {
    const id = this.unitName(unit);
    const v = when.compiled.run(this.context(index, when), unit, this.anyPeriod());
    if (isMissing(v)) return `${what} cannot be evaluated for ${id}: ${describeMissing(v.reason)}`;
    if (v !== true) return `${what} (${when.source.text.trim()}) is false for ${id}`;
    return undefined;
  }

  /** `applies.when` reads unit attributes only; any period will do (the first of the data, or 2000-01). */
  private anyPeriod(): number {
    return Math.max(this.store.firstYear, 0) * 12 * 3;
  }
}

/** Why `applies` lists (kinds, units, except) of indicator or group `id` leave the unit out, if they do. */
function listsExclude(a: Applicability | undefined, id: string, u: Unit): string | undefined {
  if (!a) return undefined;
  if (a.kinds && !a.kinds.includes(u.kind))
    return `${id} applies to ${a.kinds.join(", ")} units; ${u.id} is a ${u.kind}`;
  if (a.units && !a.units.includes(u.id)) return `${id} applies only to ${a.units.join(", ")}`;
  if (a.except?.includes(u.id)) return `${id} is not applied to ${u.id} (applies: except)`;
  return undefined;
}
