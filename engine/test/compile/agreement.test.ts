import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFormula } from "../../src/check/checker.js";
import { compileFormula } from "../../src/compile/compiler.js";
import { interpret } from "../../src/compile/reference.js";
import type { Type } from "../../src/formula/environment.js";
import { isMissing, type Value } from "../../src/formula/value.js";
import { contextOf, ENV, PERIODS, randomData, typedFormula, UNITS } from "./random-formulas.js";

/** Same value: numbers by Object.is (so -0 and NaN would show), missing values by their reason. */
function same(a: Value, b: Value): boolean {
  if (isMissing(a) || isMissing(b)) return isMissing(a) && isMissing(b) && JSON.stringify(a) === JSON.stringify(b);
  return Object.is(a, b);
}

describe("compiled evaluator agrees with the reference interpreter", () => {
  for (const type of ["number", "boolean", "string"] as Type[]) {
    it(`on random ${type} formulas and random data with missing values, zeros and n/a`, () => {
      fc.assert(
        fc.property(typedFormula(type, 4), randomData, (ast, data) => {
          const checked = checkFormula(ast, ENV, { expected: type });
          expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
          expect(checked.type).toBe(type);
          const compiled = compileFormula(ast, ENV, { checked });
          const ctx = contextOf(data);
          for (let unit = 0; unit < UNITS.length; unit++) {
            for (let period = 0; period < PERIODS.length; period++) {
              const fast = compiled.run(ctx, unit, period);
              const reference = interpret(ast, ENV, ctx, unit, period, checked);
              if (!same(fast, reference)) {
                throw new Error(
                  `unit ${unit}, period ${period}: compiled ${JSON.stringify(fast)} (${String(fast)}), reference ${JSON.stringify(reference)} (${String(reference)})\n${compiled.javascript}`,
                );
              }
              if (typeof fast === "number") expect(Number.isFinite(fast)).toBe(true);
              if (!isMissing(fast)) expect(typeof fast).toBe(type);
            }
          }
        }),
        { numRuns: 300, seed: 20260301 },
      );
    });
  }
});
