import { describe, expect, it } from "vitest";
import { checkFormula } from "../../src/check/checker.js";
import { interpret } from "../../src/compile/reference.js";
import { inputEnvironment } from "../../src/formula/evaluate.js";
import { MemoryContext, type MemoryValue } from "../../src/formula/memory-context.js";
import { parseFormula } from "../../src/formula/parser.js";
import { isMissing, type Value } from "../../src/formula/value.js";
import { excelAdd, excelSubtract } from "../../src/util/excel-add.js";
import { evaluated } from "../compile/evaluate-helpers.js";

/** The value from the reference interpreter (the compiler's is `evaluated`): both must follow the rule. */
function referenceValue(text: string, inputs: Readonly<Record<string, MemoryValue>> = {}): Value {
  const env = inputEnvironment(inputs);
  const values = Object.fromEntries(Object.entries(inputs).map(([name, v]) => [name, { unit: { "2026-03": v } }]));
  const ctx = new MemoryContext(env, { units: ["unit"], periods: ["2026-03"], values });
  const ast = parseFormula(text).ast;
  if (!ast) throw new Error(`${text} does not parse`);
  return interpret(ast, env, ctx, 0, 0, checkFormula(ast, env));
}

function both(text: string, inputs: Readonly<Record<string, MemoryValue>> = {}): Value[] {
  return [evaluated(text, inputs), referenceValue(text, inputs)];
}

describe("Excel's rule for + and -: a cancellation at 15 significant digits is exactly 0", () => {
  // Each residue below is what plain binary arithmetic gives (worked out with Node); Excel shows 0.
  it.each([
    ["((20.8 + 5.1) - 20.8) - 5.1", -1.7763568394002505e-15],
    ["0.1 + 0.2 - 0.3", 5.551115123125783e-17],
    ["(0.1 + 0.2) + -0.3", 5.551115123125783e-17],
    ["1.1 - 1 - 0.1", 8.326672684688674e-17],
  ])("%s is 0 (binary arithmetic gives %s)", (formula, residue) => {
    expect(both(formula)).toEqual([0, 0]);
    expect(Object.is(both(formula)[0], -0)).toBe(false);
    expect(residue).not.toBe(0);
  });

  it("divides by a cancelled difference as by zero: a missing value with its reason, not 1.7e15", () => {
    const inputs = { x: 3, a: 20.8 + 5.1 - 20.8, b: 5.1 };
    for (const value of both("x / (a - b)", inputs)) {
      expect(isMissing(value)).toBe(true);
      if (isMissing(value)) expect(value.reason).toMatchObject({ kind: "division-by-zero", text: "a - b" });
    }
    expect(both("a - b = 0", inputs)).toEqual([true, true]);
  });

  it("keeps differences that are real at 15 digits", () => {
    // 7.539999999999992 and 7.54 differ at the 15th digit (7.53999999999999): Excel also shows -7.99e-15.
    expect(both("(65.57 - 58.03) - 7.54")).toEqual([-7.993605777301127e-15, -7.993605777301127e-15]);
    expect(both("3 - 3.0000001")).toEqual([3 - 3.0000001, 3 - 3.0000001]);
    expect(both("1e-20 - 2e-20")).toEqual([-1e-20, -1e-20]);
    // Whole numbers subtract exactly, even past 15 digits.
    expect(both("1000000000000001 - 1000000000000000")).toEqual([1, 1]);
    expect(both("0.1 + 0.2")).toEqual([0.30000000000000004, 0.30000000000000004]);
  });

  it("is the same rule in the helpers the compiler calls", () => {
    expect(excelAdd(0.30000000000000004, -0.3)).toBe(0);
    expect(excelSubtract(5.100000000000001, 5.1)).toBe(0);
    expect(excelAdd(2, 3)).toBe(5);
    expect(excelSubtract(-0, 0)).toBe(-0 - 0);
    expect(excelAdd(1e308, 1e308)).toBe(Number.POSITIVE_INFINITY);
  });
});
