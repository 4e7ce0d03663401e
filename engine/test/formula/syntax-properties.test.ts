import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BinaryOperator, Expr } from "../../src/formula/ast.js";
import { parseFormula } from "../../src/formula/parser.js";
import { printFormula } from "../../src/formula/printer.js";
import { rangeOfLength } from "../../src/source/range.js";
import { shape } from "./syntax-helpers.js";

const range = rangeOfLength(0);
const KEYWORDS = new Set(["true", "false", "missing", "and", "or", "not"]);
const FIRST = [..."abcxyzABCXYZ_", ..."абвжяАБЯ", ..."әғқңөұүһіӘҒҚҢӨҰҮҺІ"];
const REST = [...FIRST, ..."0189"];

const simpleName = fc
  .tuple(fc.constantFrom(...FIRST), fc.array(fc.constantFrom(...REST), { maxLength: 6 }))
  .map(([first, rest]) => first + rest.join(""))
  .filter((n) => !KEYWORDS.has(n.toLowerCase()));
const name = fc
  .tuple(simpleName, fc.option(simpleName, { nil: undefined }))
  .map(([a, b]) => (b === undefined ? a : `${a}.${b}`));

const numberValue = fc.oneof(
  fc.nat({ max: 1_000_000 }),
  fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)),
);
const textValue = fc.string({ maxLength: 8 }).filter((s) => !/[\r\n]/.test(s));
const binaryOperator = fc.constantFrom<BinaryOperator>(
  "+",
  "-",
  "*",
  "/",
  "^",
  "=",
  "<>",
  "<",
  "<=",
  ">",
  ">=",
  "and",
  "or",
);

/** Arbitrary well-formed ASTs (ranges are placeholders: the parser's ranges are tested elsewhere). */
const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", maxDepth: 6 },
    numberValue.map((value): Expr => ({ kind: "number", value, raw: String(value), range })),
    textValue.map((value): Expr => ({ kind: "string", value, range })),
    fc.boolean().map((value): Expr => ({ kind: "boolean", value, range })),
    fc.constant<Expr>({ kind: "missing", range }),
    name.map((n): Expr => ({ kind: "identifier", name: n, range })),
    fc
      .tuple(fc.constantFrom<"-" | "+" | "not">("-", "+", "not"), tie("expr"))
      .map(([operator, operand]): Expr => ({ kind: "unary", operator, operand, range })),
    fc
      .tuple(binaryOperator, tie("expr"), tie("expr"))
      .map(([operator, left, right]): Expr => ({ kind: "binary", operator, left, right, operatorRange: range, range })),
    fc
      .tuple(
        fc.oneof(
          name.map((n) => (n.length % 2 === 0 ? n.toUpperCase() : n)),
          fc.constantFrom("and", "OR"),
        ),
        fc.array(tie("expr"), { maxLength: 3 }),
      )
      .map(([callee, args]): Expr => ({ kind: "call", callee, calleeRange: range, args, range })),
  ),
}));

/** What printing keeps: callee names lower-cased, ranges and raw number text dropped. */
function normalized(e: Expr): unknown {
  return JSON.parse(
    JSON.stringify(shape(e), (key, value) =>
      key === "callee" && typeof value === "string" ? value.toLowerCase() : value,
    ),
  );
}

function* nodes(e: Expr): Generator<Expr> {
  yield e;
  if (e.kind === "unary") yield* nodes(e.operand);
  if (e.kind === "binary") {
    yield* nodes(e.left);
    yield* nodes(e.right);
  }
  if (e.kind === "call") for (const a of e.args) yield* nodes(a);
}

/** What must hold for any text: no throw, ranges inside the text, no internal failure, errors never silent. */
function checkAnyText(text: string): void {
  const { ast, diagnostics } = parseFormula(text);
  for (const d of diagnostics) {
    expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
    expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
    expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
    expect(d.code).not.toBe("F199");
    expect(d.message).not.toMatch(/Identifier|LParen|RParen|Token|EOF|undefined|NaN/);
  }
  if (ast === undefined) {
    expect(diagnostics.length).toBeGreaterThan(0);
    return;
  }
  let errorNodes = 0;
  for (const n of nodes(ast)) {
    expect(n.range.start.offset).toBeGreaterThanOrEqual(0);
    expect(n.range.start.offset).toBeLessThanOrEqual(n.range.end.offset);
    expect(n.range.end.offset).toBeLessThanOrEqual(text.length);
    if (n.kind === "error") errorNodes++;
  }
  if (errorNodes > 0) expect(diagnostics.length).toBeGreaterThan(0);
  if (diagnostics.length === 0) {
    // Valid text: its canonical form reads back to the same tree.
    const printed = printFormula(ast);
    const again = parseFormula(printed);
    expect(again.diagnostics).toEqual([]);
    expect(normalized(again.ast as Expr)).toEqual(normalized(ast));
  }
}

describe("round trip through print and parse", () => {
  it("reads every printed AST back to the same tree, and prints it the same", () => {
    fc.assert(
      fc.property(expr, (ast) => {
        const printed = printFormula(ast);
        const { ast: reparsed, diagnostics } = parseFormula(printed);
        expect(diagnostics).toEqual([]);
        expect(normalized(reparsed as Expr)).toEqual(normalized(ast));
        expect(printFormula(reparsed as Expr)).toBe(printed);
      }),
      { numRuns: 1000 },
    );
  });

  it("nests each child's range inside its parent's", () => {
    fc.assert(
      fc.property(expr, (ast) => {
        const { ast: parsed } = parseFormula(printFormula(ast));
        const within = (inner: Expr, outer: Expr) =>
          inner.range.start.offset >= outer.range.start.offset && inner.range.end.offset <= outer.range.end.offset;
        for (const n of nodes(parsed as Expr)) {
          if (n.kind === "unary") expect(within(n.operand, n)).toBe(true);
          if (n.kind === "binary") expect(within(n.left, n) && within(n.right, n)).toBe(true);
          if (n.kind === "call") for (const a of n.args) expect(within(a, n)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("robustness", () => {
  const formulaChars = fc.constantFrom(
    ..."abxyzәқ_.0123456789eE+-*/^=<>!&|;,()\"'«» \n\t$%[]",
    "and ",
    "or ",
    "not ",
    "true",
    "missing",
    "round(",
    "==",
    "**",
  );

  it("never throws on random formula-like text", () => {
    fc.assert(
      fc.property(fc.array(formulaChars, { maxLength: 40 }), (parts) => checkAnyText(parts.join(""))),
      { numRuns: 1000 },
    );
  });

  it("never throws on arbitrary Unicode text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), checkAnyText), { numRuns: 500 });
  });

  const edit = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom("insert", "delete", "replace"),
    char: formulaChars,
  });

  it("never throws on valid formulas with characters inserted, deleted or replaced", () => {
    fc.assert(
      fc.property(expr, fc.array(edit, { minLength: 1, maxLength: 4 }), (ast, edits) => {
        let text = printFormula(ast);
        for (const { at, kind, char } of edits) {
          const i = text.length === 0 ? 0 : at % (text.length + 1);
          if (kind === "insert") text = text.slice(0, i) + char + text.slice(i);
          else if (kind === "delete") text = text.slice(0, i) + text.slice(i + 1);
          else text = text.slice(0, i) + char + text.slice(i + 1);
        }
        checkAnyText(text);
      }),
      { numRuns: 1000 },
    );
  });
});
