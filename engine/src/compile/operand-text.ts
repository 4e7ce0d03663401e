import type { Expr } from "../formula/ast.js";

/** The divisor as a person reads it, for division-by-zero reasons. */
export function operandText(expr: Expr): string {
  // TODO: printFormula (formula/printer.ts) once it lands.
  switch (expr.kind) {
    case "identifier":
      return expr.name;
    case "number":
      return expr.raw;
    default:
      return "the divisor";
  }
}
