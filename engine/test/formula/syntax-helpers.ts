import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Expr } from "../../src/formula/ast.js";
import { parseFormula } from "../../src/formula/parser.js";

/** The AST as a fully bracketed S-expression, so a test states the tree it expects in one line. */
export function sexpr(e: Expr): string {
  switch (e.kind) {
    case "number":
      return String(e.value);
    case "string":
      return JSON.stringify(e.value);
    case "boolean":
      return String(e.value);
    case "missing":
      return "missing";
    case "identifier":
      return e.name;
    case "unary":
      return `(${e.operator} ${sexpr(e.operand)})`;
    case "binary":
      return `(${e.operator} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case "call":
      return `${e.callee}(${e.args.map(sexpr).join(" ")})`;
    case "error":
      return "<error>";
  }
}

/** Parses text that must be free of errors and returns its S-expression. */
export function tree(text: string): string {
  const { ast, diagnostics } = parseFormula(text);
  if (diagnostics.length > 0)
    throw new Error(`unexpected diagnostics for ${text}: ${diagnostics.map((d) => d.message)}`);
  if (!ast) throw new Error(`no AST for ${text}`);
  return sexpr(ast);
}

/** A diagnostic in one comparable line: code, line:column range and message. */
export function brief(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${d.code} ${start.line}:${start.column}-${end.line}:${end.column} ${d.message}`;
}

export function errorsOf(text: string): string[] {
  return parseFormula(text).diagnostics.map(brief);
}

/** The AST without ranges or raw number text, for structural comparison. */
export function shape(e: Expr): unknown {
  return JSON.parse(
    JSON.stringify(e, (key, value) =>
      key === "range" || key === "operatorRange" || key === "calleeRange" || key === "raw" ? undefined : value,
    ),
  );
}
