import { describe, expect, it } from "vitest";
import type { Binary, Call, Expr } from "../../src/formula/ast.js";
import { parseFormula } from "../../src/formula/parser.js";
import type { Position } from "../../src/source/range.js";
import { sexpr, tree } from "./syntax-helpers.js";

/** `line:column-line:column` of a range, as a person reads it. */
function span(e: { range: { start: Position; end: Position } }): string {
  const { start, end } = e.range;
  return `${start.line}:${start.column}-${end.line}:${end.column}`;
}

function parsed(text: string): Expr {
  const { ast, diagnostics } = parseFormula(text);
  expect(diagnostics).toEqual([]);
  return ast as Expr;
}

describe("values", () => {
  it.each([
    ["12.5", "12.5"],
    [".5", "0.5"],
    ["1e6", "1000000"],
    ["2.5E-3", "0.0025"],
    ['"district"', '"district"'],
    ['"say ""yes"""', '"say \\"yes\\""'],
    ['""', '""'],
    ["TRUE", "true"],
    ["false", "false"],
    ["Missing", "missing"],
    ["own_revenue", "own_revenue"],
    ["unit.population", "unit.population"],
    ["Халық_саны", "Халық_саны"],
    ["өнім_көлемі", "өнім_көлемі"],
  ])("%s", (text, expected) => {
    expect(tree(text)).toBe(expected);
  });

  it("keeps a number's text as written", () => {
    expect(parsed("1E6")).toMatchObject({ kind: "number", value: 1e6, raw: "1E6" });
  });

  it("reads calls with any number of arguments, keeping the name as written", () => {
    expect(tree("ROUND(x, 2)")).toBe("ROUND(x 2)");
    expect(tree("today()")).toBe("today()");
    expect(tree("if(a > 0, b / a, missing)")).toBe("if((> a 0) (/ b a) missing)");
    expect(tree("max(min(a, b), 1)")).toBe("max(min(a b) 1)");
    expect(tree("region_avg (x)")).toBe("region_avg(x)");
  });

  it("reads Excel's AND(...), OR(...) as calls and NOT(...) as `not`", () => {
    expect(tree("AND(x > 0, y > 0)")).toBe("AND((> x 0) (> y 0))");
    expect(tree("a and or(b, c)")).toBe("(and a or(b c))");
    expect(tree("NOT(x > 0)")).toBe("(not (> x 0))");
  });
});

describe("precedence, from loosest to tightest: or, and, not, comparison, + -, * /, sign, ^", () => {
  it.each([
    ["a or b and c", "(or a (and b c))"],
    ["a and b or c", "(or (and a b) c)"],
    ["not a and b", "(and (not a) b)"],
    ["not a = b", "(not (= a b))"],
    ["not not a", "(not (not a))"],
    ["a = b and c <> d", "(and (= a b) (<> c d))"],
    ["a + b < c * d", "(< (+ a b) (* c d))"],
    ["a + b * c", "(+ a (* b c))"],
    ["(a + b) * c", "(* (+ a b) c)"],
    ["a * b ^ c", "(* a (^ b c))"],
    ["-a * b", "(* (- a) b)"],
    ["-2 ^ 2", "(- (^ 2 2))"],
    ["(-2) ^ 2", "(^ (- 2) 2)"],
    ["2 ^ -1", "(^ 2 (- 1))"],
    ["2 ^ -3 ^ 2", "(^ 2 (- (^ 3 2)))"],
    ["--a", "(- (- a))"],
    ["+a - -b", "(- (+ a) (- b))"],
    ["a >= b", "(>= a b)"],
    ["a <= b", "(<= a b)"],
    ["a > b", "(> a b)"],
    ["a < b", "(< a b)"],
    ["a <> b", "(<> a b)"],
    ["a = b", "(= a b)"],
  ])("%s", (text, expected) => {
    expect(tree(text)).toBe(expected);
  });
});

describe("associativity", () => {
  it.each([
    ["a - b - c", "(- (- a b) c)"],
    ["a / b / c", "(/ (/ a b) c)"],
    ["a / b * c", "(* (/ a b) c)"],
    ["a or b or c", "(or (or a b) c)"],
    ["a and b and c", "(and (and a b) c)"],
    ["a ^ b ^ c", "(^ a (^ b c))"],
  ])("%s", (text, expected) => {
    expect(tree(text)).toBe(expected);
  });
});

describe("ranges", () => {
  it("gives every node its exact range", () => {
    const ast = parsed("round(fact / plan * 100, 1)") as Call;
    expect(span(ast)).toBe("1:1-1:28");
    expect(span({ range: ast.calleeRange })).toBe("1:1-1:6");
    const product = ast.args[0] as Binary;
    expect(span(product)).toBe("1:7-1:24");
    expect(span({ range: product.operatorRange })).toBe("1:19-1:20");
    expect(span(product.left)).toBe("1:7-1:18");
    expect(span((product.left as Binary).left)).toBe("1:7-1:11");
    expect(span(product.right)).toBe("1:21-1:24");
    expect(span(ast.args[1] as Expr)).toBe("1:26-1:27");
  });

  it("extends an operation over the brackets of its operands, not the bracketed node itself", () => {
    const ast = parsed("(a + b) * c") as Binary;
    expect(span(ast)).toBe("1:1-1:12");
    expect(span(ast.left)).toBe("1:2-1:7");
  });

  it("starts a signed value at its sign", () => {
    expect(span(parsed("  -x"))).toBe("1:3-1:5");
    expect(span(parsed("not  done"))).toBe("1:1-1:10");
  });

  it("counts lines and columns across a multi-line formula", () => {
    const ast = parsed("if(plan > 0,\n   fact / plan,\r\n   missing)") as Call;
    expect(span(ast)).toBe("1:1-3:12");
    expect(span(ast.args[1] as Expr)).toBe("2:4-2:15");
    expect(span(ast.args[2] as Expr)).toBe("3:4-3:11");
  });

  it("maps offsets through positionAt to the enclosing file", () => {
    // The formula sits in a YAML file at line 7, column 14: `    formula: fact / plan`.
    const positionAt = (offset: number): Position => ({ offset: 120 + offset, line: 7, column: 14 + offset });
    const { ast, diagnostics } = parseFormula("fact / plan )", { positionAt, file: "blocks/03-revenue.yaml" });
    expect(ast && span(ast)).toBe("7:14-7:25");
    expect(ast?.range.start.offset).toBe(120);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "F111", file: "blocks/03-revenue.yaml" });
    expect(diagnostics[0]?.range.start).toEqual({ offset: 132, line: 7, column: 26 });
  });
});

describe("results", () => {
  it("parses the same text to the same AST every time", () => {
    const text = "min(own_revenue / own_revenue_plan, 1.2) * 100";
    expect(JSON.stringify(parseFormula(text))).toBe(JSON.stringify(parseFormula(text)));
  });

  it("returns no AST for an empty formula", () => {
    expect(parseFormula("   ").ast).toBeUndefined();
  });

  it("returns a partial AST with error nodes where values are missing", () => {
    const { ast, diagnostics } = parseFormula("fact / * 100");
    expect(diagnostics.map((d) => d.code)).toEqual(["F112"]);
    expect(ast && sexpr(ast)).toBe("(* (/ fact <error>) 100)");
  });
});
