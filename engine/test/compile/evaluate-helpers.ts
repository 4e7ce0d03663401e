import { checkFormula } from "../../src/check/checker.js";
import { compileFormula } from "../../src/compile/compiler.js";
import { hasErrors } from "../../src/diagnostics/diagnostic.js";
import type { Expr } from "../../src/formula/ast.js";
import { MapEnvironment } from "../../src/formula/environment.js";
import { evaluateWithInputs, formatValue } from "../../src/formula/evaluate.js";
import { MemoryContext, type MemoryValue } from "../../src/formula/memory-context.js";
import { isMissing, type MissingReason, type Value } from "../../src/formula/value.js";

/** The value of `text` with the given inputs; throws with the diagnostics if the formula has errors. */
export function evaluated(text: string, inputs: Readonly<Record<string, MemoryValue>> = {}): Value {
  const result = evaluateWithInputs(text, inputs);
  if (result.value === undefined) {
    throw new Error(`${text}: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  }
  return result.value;
}

/** The value as `tarazy eval` prints it. */
export function shown(text: string, inputs: Readonly<Record<string, MemoryValue>> = {}): string {
  return formatValue(evaluated(text, inputs));
}

/** The reason the value is missing; throws if it is not. */
export function reasonOf(text: string, inputs: Readonly<Record<string, MemoryValue>> = {}): MissingReason {
  const value = evaluated(text, inputs);
  if (!isMissing(value)) throw new Error(`${text} gave ${String(value)}, not missing`);
  return value.reason;
}

/**
 * The value of a hand-built AST with no inputs, for forms the parser does not produce (the function
 * forms and(...) and or(...), which the parser reports as F125 in favour of the operators).
 */
export function evaluatedAst(ast: Expr): Value {
  const env = new MapEnvironment([]);
  const checked = checkFormula(ast, env);
  if (hasErrors(checked.diagnostics)) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  const ctx = new MemoryContext(env, { units: ["unit"], periods: ["2026-03"] });
  return compileFormula(ast, env, { checked }).run(ctx, 0, 0);
}
