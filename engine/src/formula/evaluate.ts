import { checkFormula } from "../check/checker.js";
import { compileFormula } from "../compile/compiler.js";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import { plainNumber } from "../report/number-format.js";
import type { EvalContext } from "./context.js";
import { type Binding, type Environment, MapEnvironment, type Type } from "./environment.js";
import { MemoryContext, type MemoryValue } from "./memory-context.js";
import { parseFormula } from "./parser.js";
import { describeMissing, isMissing, type Value } from "./value.js";

/**
 * One formula from text to value: parse, check, compile, run. For scripts, tests and `tarazy eval`;
 * the scoring engine compiles each formula once and runs it for every unit instead.
 */
export interface EvaluateOptions {
  readonly env: Environment;
  readonly context: EvalContext;
  readonly unit: number;
  readonly period: number;
  /** The type the formula must give (F208 otherwise). */
  readonly expected?: Type;
  /** Set as the diagnostics' file. */
  readonly file?: string;
}

export interface EvaluateResult {
  /** Absent when the formula has errors. */
  readonly value?: Value;
  readonly type?: Type;
  /** Syntax and check diagnostics, warnings included. */
  readonly diagnostics: Diagnostic[];
}

export function evaluateFormula(text: string, options: EvaluateOptions): EvaluateResult {
  const file = options.file !== undefined ? { file: options.file } : {};
  const parsed = parseFormula(text, file);
  if (!parsed.ast || hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics };
  const expected = options.expected ? { expected: options.expected } : {};
  const checked = checkFormula(parsed.ast, options.env, { ...expected, ...file });
  const diagnostics = [...parsed.diagnostics, ...checked.diagnostics];
  if (hasErrors(diagnostics) || !checked.type) return { diagnostics };
  const compiled = compileFormula(parsed.ast, options.env, { checked });
  const value = compiled.run(options.context, options.unit, options.period);
  return { value, type: checked.type, diagnostics };
}

export interface InputOptions {
  /** The period the inputs belong to (default 2026-03); named in missing reasons. */
  readonly period?: string;
  /** The unit the inputs belong to (default "unit"); named in missing reasons. */
  readonly unit?: string;
  readonly expected?: Type;
}

/**
 * Evaluates a formula over named inputs, each declared with its value's type: a number, true/false, a
 * text, or "n/a" (a number reported as not applicable).
 */
export function evaluateWithInputs(
  text: string,
  inputs: Readonly<Record<string, MemoryValue>>,
  options: InputOptions = {},
): EvaluateResult {
  const unit = options.unit ?? "unit";
  const period = options.period ?? "2026-03";
  const env = inputEnvironment(inputs);
  const values = Object.fromEntries(Object.entries(inputs).map(([name, v]) => [name, { [unit]: { [period]: v } }]));
  const context = new MemoryContext(env, { units: [unit], periods: [period], values });
  return evaluateFormula(text, {
    env,
    context,
    unit: 0,
    period: 0,
    ...(options.expected ? { expected: options.expected } : {}),
  });
}

/** An environment declaring each input as a field of its value's type ("n/a" stands for a number). */
export function inputEnvironment(inputs: Readonly<Record<string, MemoryValue>>): MapEnvironment {
  const bindings: Binding[] = Object.entries(inputs).map(([name, value], slot) => ({
    name,
    slot,
    kind: "field",
    type: value === "n/a" ? "number" : (typeof value as Type),
  }));
  return new MapEnvironment(bindings);
}

/**
 * A value as `tarazy eval` prints it: numbers at 15 significant digits as Excel shows them (plainNumber:
 * 0.1 + 0.2 shows 0.3; the value itself is never rounded), texts in double quotes, missing values with
 * their reason in words.
 */
export function formatValue(value: Value): string {
  if (isMissing(value)) return `missing: ${describeMissing(value.reason)}`;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return plainNumber(value);
  return String(value);
}
