import type { Expr } from "../formula/ast.js";
import type { FormulaUse } from "../rules/link.js";
import type { Range } from "../source/range.js";

/** What a piece of a formula is, for an editor's semantic highlighting. */
export type FormulaTokenKind =
  | "function"
  | "field"
  | "indicator"
  | "attribute"
  | "value"
  | "number"
  | "string"
  | "operator"
  | "keyword";

export interface FormulaToken {
  readonly kind: FormulaTokenKind;
  /** In the YAML file (formulas are parsed in place, whatever their scalar style). */
  readonly range: Range;
}

/**
 * The tokens of the formulas of a file, in text order, from their ASTs and the names the checker resolved:
 * a name is a field, an indicator, a unit attribute or `value` as the ruleset defines it; an unknown name
 * is left out (it has a diagnostic).
 */
export function formulaTokens(formulas: readonly FormulaUse[], file: string): FormulaToken[] {
  const out: FormulaToken[] = [];
  for (const formula of formulas) {
    if (formula.source.at.file !== file || !formula.source.ast) continue;
    const names = new Map(
      formula.references.map((r) => [r.range.start.offset, r.binding.kind === "score" ? "indicator" : r.binding.kind]),
    );
    walk(formula.source.ast, names, out);
  }
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

function walk(node: Expr, names: ReadonlyMap<number, FormulaTokenKind>, out: FormulaToken[]): void {
  switch (node.kind) {
    case "number":
      out.push({ kind: "number", range: node.range });
      return;
    case "string":
      out.push({ kind: "string", range: node.range });
      return;
    case "boolean":
    case "missing":
      out.push({ kind: "keyword", range: node.range });
      return;
    case "identifier": {
      const kind = names.get(node.range.start.offset);
      if (kind) out.push({ kind, range: node.range });
      return;
    }
    case "unary": {
      const length = node.operator === "not" ? 3 : 1;
      const start = node.range.start;
      const end = { offset: start.offset + length, line: start.line, column: start.column + length };
      out.push({ kind: node.operator === "not" ? "keyword" : "operator", range: { start, end } });
      walk(node.operand, names, out);
      return;
    }
    case "binary":
      walk(node.left, names, out);
      out.push({
        kind: node.operator === "and" || node.operator === "or" ? "keyword" : "operator",
        range: node.operatorRange,
      });
      walk(node.right, names, out);
      return;
    case "call":
      out.push({ kind: "function", range: node.calleeRange });
      for (const arg of node.args) walk(arg, names, out);
      return;
    case "error":
      return;
  }
}
