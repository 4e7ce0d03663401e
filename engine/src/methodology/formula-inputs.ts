import type { Expr } from "../formula/ast.js";

/** The names and function calls a formula uses, each once, in order of first appearance. */
export interface FormulaUses {
  readonly names: readonly string[];
  /** Function names in lower case, as the registry indexes them. */
  readonly functions: readonly string[];
}

export function formulaUses(ast: Expr | undefined): FormulaUses {
  const names = new Set<string>();
  const functions = new Set<string>();
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case "identifier":
        names.add(e.name);
        return;
      case "unary":
        visit(e.operand);
        return;
      case "binary":
        visit(e.left);
        visit(e.right);
        return;
      case "call":
        functions.add(e.callee.toLowerCase());
        for (const a of e.args) visit(a);
        return;
      default:
        return;
    }
  };
  if (ast) visit(ast);
  return { names: [...names], functions: [...functions] };
}
