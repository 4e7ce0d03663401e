import type { Range } from "../source/range.js";

/**
 * The formula AST. Every node carries its source range. Nodes are plain data (no methods) so that the
 * checker, compiler, reference interpreter, printer and language server can each walk them.
 */
export type Expr =
  | NumberLiteral
  | StringLiteral
  | BooleanLiteral
  | MissingLiteral
  | Identifier
  | Unary
  | Binary
  | Call
  | ErrorNode;

interface NodeBase {
  readonly range: Range;
}

export interface NumberLiteral extends NodeBase {
  readonly kind: "number";
  readonly value: number;
  /** The text as written (e.g. "1e6"), kept for hover; the printer prints `value` canonically. */
  readonly raw: string;
}

export interface StringLiteral extends NodeBase {
  readonly kind: "string";
  readonly value: string;
}

export interface BooleanLiteral extends NodeBase {
  readonly kind: "boolean";
  readonly value: boolean;
}

/** The `missing` keyword: an explicit missing value, e.g. in `if(plan > 0, fact / plan, missing)`. */
export interface MissingLiteral extends NodeBase {
  readonly kind: "missing";
}

/**
 * A name: a field, an indicator, or a qualified name such as `unit.population` (one identifier with a
 * dot, resolved by the checker against the names the caller declares, never a property access).
 */
export interface Identifier extends NodeBase {
  readonly kind: "identifier";
  readonly name: string;
}

export type UnaryOperator = "-" | "+" | "not";

export interface Unary extends NodeBase {
  readonly kind: "unary";
  readonly operator: UnaryOperator;
  readonly operand: Expr;
}

export type ArithmeticOperator = "+" | "-" | "*" | "/" | "^";
export type ComparisonOperator = "=" | "<>" | "<" | "<=" | ">" | ">=";
export type LogicalOperator = "and" | "or";
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator;

export interface Binary extends NodeBase {
  readonly kind: "binary";
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  /** Range of the operator token, for diagnostics that point at it. */
  readonly operatorRange: Range;
}

export interface Call extends NodeBase {
  readonly kind: "call";
  /** The name as written; the registry looks it up case-insensitively. */
  readonly callee: string;
  readonly calleeRange: Range;
  readonly args: readonly Expr[];
}

/** Stands where error recovery skipped input, so one pass can report every syntax error. */
export interface ErrorNode extends NodeBase {
  readonly kind: "error";
}
