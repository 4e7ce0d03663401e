import type { Type } from "../formula/environment.js";

/** Text in all three languages of the product: function docs are shown to every reader. */
export interface Trilingual {
  readonly kk: string;
  readonly ru: string;
  readonly en: string;
}

/**
 * A parameter's type: a formula type, `any` (every type, e.g. is_missing), or `T`, one type shared by
 * all `T` parameters of the call and by the result (if's branches, coalesce's values, prev's argument).
 */
export type ParameterType = Type | "any" | "T";

export interface Parameter {
  readonly name: string;
  readonly type: ParameterType;
  readonly description: Trilingual;
  /** May be left out; only trailing parameters are optional. */
  readonly optional?: boolean;
  /** A true/false condition: a wrong type is reported as a non-boolean condition (F204). */
  readonly condition?: boolean;
  /** The argument must be one of these string literals (e.g. rank's "asc"/"desc"). */
  readonly literals?: readonly string[];
  /** The argument must be the bare name of a field (ytd). */
  readonly fieldName?: boolean;
}

/** An input value in an example; the string "n/a" stands for a value reported as not applicable. */
export type ExampleValue = number | boolean | string;

/**
 * A worked example. It rates one unit in EXAMPLE_PERIOD; a test evaluates every example, so the
 * documentation cannot drift from the behaviour.
 */
export interface Example {
  readonly formula: string;
  /** The result as `tarazy eval` prints it. */
  readonly result: string;
  /** The unit's inputs in the period rated. */
  readonly given?: Readonly<Record<string, ExampleValue>>;
  /** The unit's inputs in other periods, by period id (for prev, prev_year, ytd). */
  readonly history?: Readonly<Record<string, Readonly<Record<string, ExampleValue>>>>;
  /** Other units' inputs in the period rated, by unit id (for the cross-unit functions). */
  readonly peers?: Readonly<Record<string, Readonly<Record<string, ExampleValue>>>>;
}

/** The period every example rates. */
export const EXAMPLE_PERIOD = "2026-03";
/** The id of the unit every example rates. */
export const EXAMPLE_UNIT = "turkistan";

/**
 * pure: numbers in, a number out; a missing argument makes the result missing.
 * control: if, and, or, not, coalesce, is_missing: decide themselves what a missing argument means and
 *   evaluate arguments lazily.
 * time: evaluate the argument in another period (prev, prev_year) or ask for a running total (ytd).
 * cross-unit: evaluate the argument for every unit rated in the period (region_*, rank).
 */
export type FunctionKind = "pure" | "control" | "time" | "cross-unit";

interface FunctionBase {
  /** Lower case, as the registry indexes it; calls may use any case. */
  readonly name: string;
  readonly kind: FunctionKind;
  readonly parameters: readonly Parameter[];
  /** The last parameter may repeat (min, max, and, or, coalesce). */
  readonly variadic?: boolean;
  readonly result: Type | "T";
  /** How it is written when the language spells it as an operator (`a and b`); docs show this form. */
  readonly syntax?: string;
  readonly description: Trilingual;
  readonly examples: readonly Example[];
}

/** A numeric function of its arguments. */
export interface PureFunction extends FunctionBase {
  readonly kind: "pure";
  /** The definition, used by the reference interpreter and by compiled code when there is no `inline`. */
  readonly evaluate: (...args: number[]) => number;
  /**
   * Why a non-finite (or NaN) result came out, in words, e.g. "the argument must not be negative, but
   * it is -4". Asked only after evaluate gave a non-finite number, so the happy path pays nothing.
   */
  readonly domainDetail?: (...args: number[]) => string | undefined;
  /**
   * A JavaScript expression computing the same as evaluate, for compiled code, given the names of the
   * compiler's temporaries holding the (present) arguments. Used where evaluate would allocate (the
   * rest array of min/max) or where a Math builtin is inlined by the JIT. Never sees user text.
   */
  readonly inline?: (args: readonly string[]) => string;
  /**
   * The result is one of the (finite) arguments or its size, so never infinite or NaN: compiled code does not
   * test it (abs, min, max).
   */
  readonly picksAnArgument?: true;
}

export type ControlOp = "if" | "and" | "or" | "not" | "coalesce" | "is_missing";

export interface ControlFunction extends FunctionBase {
  readonly kind: "control";
  readonly op: ControlOp;
}

export type TimeOp = "prev" | "prev_year" | "ytd";

export interface TimeFunction extends FunctionBase {
  readonly kind: "time";
  readonly op: TimeOp;
}

export type AggregateOp = "sum" | "avg" | "min" | "max" | "median";

export interface CrossUnitFunction extends FunctionBase {
  readonly kind: "cross-unit";
  /** region_* aggregate the peers' present values; rank places this unit's value among them. */
  readonly op: AggregateOp | "rank";
}

export type FunctionSpec = PureFunction | ControlFunction | TimeFunction | CrossUnitFunction;

/** Fewest and most arguments a call may pass (most is Infinity for variadic functions). */
export function arity(spec: FunctionSpec): { min: number; max: number } {
  const min = spec.parameters.filter((p) => !p.optional).length;
  return { min, max: spec.variadic ? Number.POSITIVE_INFINITY : spec.parameters.length };
}

/** The parameter that argument `index` binds to (variadic functions repeat the last). */
export function parameterAt(spec: FunctionSpec, index: number): Parameter | undefined {
  return spec.parameters[index] ?? (spec.variadic ? spec.parameters.at(-1) : undefined);
}

/** How a person writes it: `round(x, [digits])`, `min(x, ...)`, or the operator form `a and b`. */
export function displaySignature(spec: FunctionSpec): string {
  return spec.syntax ?? signature(spec);
}

/** The signature as a person writes the call: `round(x, [digits])`, `min(x, ...)`. */
export function signature(spec: FunctionSpec): string {
  const params = spec.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  if (spec.variadic) params.push("...");
  return `${spec.name}(${params.join(", ")})`;
}
