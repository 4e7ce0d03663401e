import type { BinaryOperator, Expr } from "./ast.js";

/**
 * The canonical text of a formula: function names and keywords in lower case, one space around binary
 * operators, `, ` between arguments, numbers in their shortest exact form, and only the brackets the
 * precedence needs. Reading the printed text back gives the same AST (ranges aside), so the printer serves
 * formatting, diffs of rule files and quick fixes.
 */
export function printFormula(ast: Expr): string {
  return print(ast);
}

/** Binding strength, lowest first; a higher level binds more tightly. */
enum Level {
  Or = 1,
  And = 2,
  Not = 3,
  Comparison = 4,
  Sum = 5,
  Product = 6,
  Sign = 7,
  Power = 8,
  Value = 9,
}

const BINARY_LEVEL: Record<BinaryOperator, Level> = {
  or: Level.Or,
  and: Level.And,
  "=": Level.Comparison,
  "<>": Level.Comparison,
  "<": Level.Comparison,
  "<=": Level.Comparison,
  ">": Level.Comparison,
  ">=": Level.Comparison,
  "+": Level.Sum,
  "-": Level.Sum,
  "*": Level.Product,
  "/": Level.Product,
  "^": Level.Power,
};

function levelOf(e: Expr): Level {
  switch (e.kind) {
    case "binary":
      return BINARY_LEVEL[e.operator];
    case "unary":
      return e.operator === "not" ? Level.Not : Level.Sign;
    case "number":
      // A negative literal (never read from text, but possible in a built AST) prints as a signed value.
      return e.value < 0 || Object.is(e.value, -0) ? Level.Sign : Level.Value;
    default:
      return Level.Value;
  }
}

function print(e: Expr): string {
  switch (e.kind) {
    case "number":
      return String(e.value);
    case "string":
      return `"${e.value.replaceAll('"', '""')}"`;
    case "boolean":
      return e.value ? "true" : "false";
    case "missing":
      return "missing";
    case "identifier":
      return e.name;
    case "call":
      return `${e.callee.toLowerCase()}(${e.args.map(print).join(", ")})`;
    case "unary":
      return e.operator === "not"
        ? `not ${operand(e.operand, Level.Not)}`
        : `${e.operator}${operand(e.operand, Level.Sign)}`;
    case "binary":
      return printBinary(e.operator, e.left, e.right);
    case "error":
      // Stands where a value was missing: `?` keeps the printed text from reading as a valid formula.
      return "?";
  }
}

/**
 * Left-associative operators need brackets around a right operand of the same level (`a - (b - c)`);
 * comparisons around either operand of their level (they do not chain); `^` is right-associative, takes
 * only a value on its left (`(-2) ^ 2`) and a signed value on its right (`2 ^ -1`).
 */
function printBinary(operator: BinaryOperator, left: Expr, right: Expr): string {
  const level = BINARY_LEVEL[operator];
  let leftMin: Level = level;
  let rightMin: Level = level + 1;
  if (level === Level.Comparison) leftMin = Level.Comparison + 1;
  if (level === Level.Power) {
    leftMin = Level.Value;
    rightMin = Level.Sign;
  }
  return `${operand(left, leftMin)} ${operator} ${operand(right, rightMin)}`;
}

/** `e` printed where at least `min` binding strength is needed, in brackets when it binds more loosely. */
function operand(e: Expr, min: Level): string {
  const text = print(e);
  return levelOf(e) < min ? `(${text})` : text;
}
