import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFormula } from "../../src/check/checker.js";
import { CompileError, compileFormula } from "../../src/compile/compiler.js";
import { hasErrors } from "../../src/diagnostics/diagnostic.js";
import type { BinaryOperator, Expr } from "../../src/formula/ast.js";
import { isMissing } from "../../src/formula/value.js";
import { functionRegistry } from "../../src/functions/registry.js";
import { bin, bool, call, id, miss, num, str, unary } from "../compile/ast-builder.js";
import { contextOf, ENV, PERIODS, randomData, UNITS } from "../compile/random-formulas.js";

const OPERATORS: BinaryOperator[] = ["+", "-", "*", "/", "^", "=", "<>", "<", "<=", ">", ">=", "and", "or"];
const CALLEES = [...functionRegistry.names(), "ROUND", "rount", "x", "__proto__", "constructor"];
const NAMES = ["x", "y", "z", "score", "ok", "kind", "unknown", "__proto__", "constructor", "toString"];

/** Any tree at all: wrong types, unknown names, wrong argument counts, error nodes. */
const anyTree: fc.Arbitrary<Expr> = fc.letrec<{ tree: Expr }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: 0 }).map(num),
      fc.string({ maxLength: 5 }).map(str),
      fc.boolean().map(bool),
      fc.constant(null).map(miss),
      fc.constantFrom(...NAMES).map(id),
      fc.constant<Expr>({ kind: "error", range: num(0).range }),
    ),
    fc.tuple(fc.constantFrom("-", "+", "not" as const), tie("tree")).map(([op, a]) => unary(op, a)),
    fc.tuple(tie("tree"), fc.constantFrom(...OPERATORS), tie("tree")).map(([a, op, b]) => bin(a, op, b)),
    fc.tuple(fc.constantFrom(...CALLEES), fc.array(tie("tree"), { maxLength: 4 })).map(([f, args]) => call(f, ...args)),
  ),
})).tree;

function hasErrorNode(expr: Expr): boolean {
  switch (expr.kind) {
    case "error":
      return true;
    case "unary":
      return hasErrorNode(expr.operand);
    case "binary":
      return hasErrorNode(expr.left) || hasErrorNode(expr.right);
    case "call":
      return expr.args.some(hasErrorNode);
    default:
      return false;
  }
}

describe("random trees", () => {
  it("never make the checker throw, and every checked formula compiles and runs to a finite value or missing", () => {
    let compiled = 0;
    fc.assert(
      fc.property(anyTree, randomData, (ast, data) => {
        const checked = checkFormula(ast, ENV);
        for (const d of checked.diagnostics) {
          expect(d.code).toMatch(/^F2\d\d$/);
          expect(d.message.length).toBeGreaterThan(0);
        }
        if (hasErrors(checked.diagnostics)) return;
        if (hasErrorNode(ast)) {
          // the parser reported these; compiling one is the caller's bug, refused plainly
          expect(() => compileFormula(ast, ENV, { checked })).toThrow(CompileError);
          return;
        }
        compiled++;
        const formula = compileFormula(ast, ENV, { checked });
        const ctx = contextOf(data);
        for (let unit = 0; unit < UNITS.length; unit++) {
          for (let period = 0; period < PERIODS.length; period++) {
            const value = formula.run(ctx, unit, period);
            if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
            else if (!isMissing(value)) expect(typeof value).toBe(checked.type);
          }
        }
      }),
      { numRuns: 1500, seed: 11 },
    );
    expect(compiled).toBeGreaterThan(100); // the property is not vacuous
  });
});
