import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFormula } from "../../src/check/checker.js";
import { compileColumns } from "../../src/compile/batch.js";
import { compileFormula } from "../../src/compile/compiler.js";
import { interpret } from "../../src/compile/reference.js";
import type { Expr } from "../../src/formula/ast.js";
import { MemoryContext } from "../../src/formula/memory-context.js";
import { isMissing } from "../../src/formula/value.js";
import { bin, id, num } from "./ast-builder.js";
import { evaluated, reasonOf } from "./evaluate-helpers.js";
import { ENV } from "./random-formulas.js";

/**
 * A run of + and - is compiled with one test for the whole run (compile/sum-chain.ts); these check that
 * it gives exactly what the rule gives operation by operation (docs/formula-language.md, "Addition and
 * subtraction"), which the reference interpreter applies step by step.
 */
describe("a run of + and - follows the cancellation rule at every step", () => {
  // Worked out by hand, step by step; "plain" is what binary arithmetic over the whole run gives (Node).
  it.each([
    // 0.1 + 0.2 = 0.30000000000000004; - 0.3 leaves 5.55e-17, equal at 15 digits: 0; + 0.001 = 0.001.
    ["0.1 + 0.2 - 0.3 + 0.001", 0.001, 0.0010000000000000555],
    // 20.8 + 5.1 - 20.8 = 5.100000000000001; - 5.1 cancels to 0; + 0.5 = 0.5.
    ["20.8 + 5.1 - 20.8 - 5.1 + 0.5", 0.5, 0.4999999999999982],
    // Whole numbers and halves: exact all the way.
    ["10 - 3 + 0.25 - 7", 0.25, 0.25],
  ])("%s is %s (plain binary arithmetic gives %s)", (formula, rule, plain) => {
    expect(evaluated(formula)).toBe(rule);
    expect(plainSum(formula)).toBe(plain);
  });

  it("cancels a step between inputs and goes on from exactly 0", () => {
    // a - b: 0.3 - 0.30000000000000004 = -5.55e-17, equal at 15 digits: 0; then - c = -1e-20.
    const inputs = { a: 0.3, b: 0.30000000000000004, c: 1e-20 };
    expect(evaluated("a - b - c", inputs)).toBe(-1e-20);
    expect(0.3 - 0.30000000000000004 - 1e-20).toBe(-5.552115123125783e-17);
    // Terms all the same sign never cancel: the plain sum.
    expect(evaluated("a + b + c", inputs)).toBe(0.3 + 0.30000000000000004 + 1e-20);
  });

  it("reports the step that overflows, before a term that is missing after it", () => {
    const overflow = { kind: "domain", function: "addition", detail: "the result is too large to represent" };
    expect(reasonOf("x + x - x", { x: 1e308 })).toMatchObject({ ...overflow, range: { start: { column: 1 } } });
    expect(reasonOf("x + x + y", { x: 1e308, y: "n/a" })).toMatchObject(overflow);
    expect(reasonOf("x + 1 + y", { x: 1e308, y: "n/a" })).toMatchObject({ kind: "not-applicable", name: "y" });
    expect(reasonOf("1 - x - x", { x: 1e308 })).toMatchObject({ function: "subtraction" });
  });

  it("matches the step-by-step rule on random runs of cancelling decimals, overflows and gaps", () => {
    const value = fc.constantFrom(0.1, 0.2, 0.3, -0.3, 0.7, 1.1, 20.8, 5.1, 7.54, 1e308, -1e308, 0, -0, 1e-20, 3);
    const cell = fc.oneof({ weight: 8, arbitrary: value }, fc.constant("n/a" as const));
    const term: fc.Arbitrary<Expr> = fc.oneof(value.map(num), fc.constantFrom("x", "y", "z", "score").map(id));
    const run = fc
      .tuple(term, fc.array(fc.tuple(fc.constantFrom("+", "-" as const), term), { minLength: 1, maxLength: 8 }))
      .map(([first, steps]) => steps.reduce<Expr>((left, [op, right]) => bin(left, op, right), first));
    const data = fc.record({ x: cell, y: cell, z: cell, score: cell });
    fc.assert(
      fc.property(run, data, (ast, inputs) => {
        const values = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, { u: { "2026-01": v } }]));
        const ctx = new MemoryContext(ENV, { units: ["u"], periods: ["2026-01"], values });
        const checked = checkFormula(ast, ENV);
        const reference = interpret(ast, ENV, ctx, 0, 0, checked);
        const compiled = compileFormula(ast, ENV, { checked });
        expect(JSON.stringify(compiled.run(ctx, 0, 0)), compiled.javascript).toBe(JSON.stringify(reference));
        const column = (name: keyof typeof inputs) => {
          const v = inputs[name];
          return Float64Array.of(typeof v === "number" ? v : Number.NaN);
        };
        const columns = [column("x"), column("y"), column("z"), column("score")];
        const slots = ["x", "y", "z", "score"].map((n) => ENV.lookup(n)?.slot as number);
        const bySlot: Float64Array[] = [];
        slots.forEach((slot, k) => {
          bySlot[slot] = columns[k] as Float64Array;
        });
        const missingInput = (slot: number) => {
          const name = ["x", "y", "z", "score"][slots.indexOf(slot)] as string;
          return { kind: "not-applicable" as const, name, unit: "u", period: "2026-01" };
        };
        const batch = compileColumns(ast, ENV, { checked }).evaluate(bySlot, { rows: 1, missingInput });
        if (isMissing(reference)) expect(batch.reason(0)).toEqual(reference.reason);
        else expect(Object.is(batch.values[0], reference)).toBe(true);
      }),
      { numRuns: 2000, seed: 20261203 },
    );
  });
});

/** The run as plain JavaScript arithmetic, left to right, without the rule. */
function plainSum(text: string): number {
  const tokens = text.split(" ");
  let sum = Number(tokens[0]);
  for (let i = 1; i < tokens.length; i += 2)
    sum = tokens[i] === "-" ? sum - Number(tokens[i + 1]) : sum + Number(tokens[i + 1]);
  return sum;
}
