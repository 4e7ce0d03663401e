import type { BinaryOperator, Expr, UnaryOperator } from "../../src/formula/ast.js";
import type { Range } from "../../src/source/range.js";

/**
 * Builds formula ASTs directly, for property tests that generate random trees. Every node gets its own
 * range (consecutive offsets on line 1), so reasons that name a range stay distinguishable.
 */
let next = 0;
function range(): Range {
  const offset = next++;
  return { start: { offset, line: 1, column: offset + 1 }, end: { offset: offset + 1, line: 1, column: offset + 2 } };
}

export const num = (value: number): Expr => ({ kind: "number", value, raw: String(value), range: range() });
export const str = (value: string): Expr => ({ kind: "string", value, range: range() });
export const bool = (value: boolean): Expr => ({ kind: "boolean", value, range: range() });
export const miss = (): Expr => ({ kind: "missing", range: range() });
export const id = (name: string): Expr => ({ kind: "identifier", name, range: range() });
export const unary = (operator: UnaryOperator, operand: Expr): Expr => ({
  kind: "unary",
  operator,
  operand,
  range: range(),
});
export const bin = (left: Expr, operator: BinaryOperator, right: Expr): Expr => ({
  kind: "binary",
  operator,
  left,
  right,
  operatorRange: range(),
  range: range(),
});
export const call = (callee: string, ...args: Expr[]): Expr => ({
  kind: "call",
  callee,
  args,
  calleeRange: range(),
  range: range(),
});
