import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Expr } from "../../src/formula/ast.js";
import { parseFormula } from "../../src/formula/parser.js";
import { printFormula } from "../../src/formula/printer.js";
import { rangeOfLength } from "../../src/source/range.js";

function canonical(text: string): string {
  const { ast, diagnostics } = parseFormula(text);
  expect(diagnostics).toEqual([]);
  return printFormula(ast as Expr);
}

const golden = readFileSync(new URL("golden/canonical-formulas.txt", import.meta.url), "utf8")
  .split(/\r?\n\r?\n/)
  .map((block) => block.split(/\r?\n/).filter((line) => line !== "" && !line.startsWith("#")))
  .filter((lines) => lines.length > 0);

describe("canonical text (golden file)", () => {
  it("has cases", () => {
    expect(golden.length).toBeGreaterThanOrEqual(18);
  });

  it.each(golden)("%s", (input, expected) => {
    expect(canonical(input as string)).toBe(expected);
    expect(canonical(expected as string)).toBe(expected);
  });
});

describe("brackets by precedence and associativity", () => {
  it.each([
    ["a - (b - c)", "a - (b - c)"],
    ["(a - b) - c", "a - b - c"],
    ["a / (b * c)", "a / (b * c)"],
    ["(a / b) * c", "a / b * c"],
    ["a * (b / c)", "a * (b / c)"],
    ["(a or b) and c", "(a or b) and c"],
    ["a or (b and c)", "a or b and c"],
    ["(a or b) or c", "a or b or c"],
    ["a or (b or c)", "a or (b or c)"],
    ["not (a and b)", "not (a and b)"],
    ["not (a = b)", "not a = b"],
    ["(not a) = b", "(not a) = b"],
    ["a + (not b)", "a + (not b)"],
    ["-(not a)", "-(not a)"],
    ["-(a + b)", "-(a + b)"],
    ["-(a * b)", "-(a * b)"],
    ["(-a) * b", "-a * b"],
    ["(-a) ^ b", "(-a) ^ b"],
    ["a ^ (-b)", "a ^ -b"],
    ["a ^ (b * c)", "a ^ (b * c)"],
    ["(a = b) = c", "(a = b) = c"],
    ["a = (b = c)", "a = (b = c)"],
    ["(a + b) = c", "a + b = c"],
    ["f((a))", "f(a)"],
    ["((((x))))", "x"],
  ])("%s prints as %s", (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });
});

describe("printing built ASTs", () => {
  const range = rangeOfLength(0);

  it("prints a negative number literal as a signed value", () => {
    const ast: Expr = {
      kind: "binary",
      operator: "^",
      left: { kind: "number", value: -2, raw: "-2", range },
      right: { kind: "number", value: 2, raw: "2", range },
      operatorRange: range,
      range,
    };
    expect(printFormula(ast)).toBe("(-2) ^ 2");
  });

  it("prints an error node as `?`, which does not read back as a formula", () => {
    const ast: Expr = { kind: "error", range };
    expect(printFormula(ast)).toBe("?");
    expect(parseFormula("?").diagnostics.map((d) => d.code)).toEqual(["F103"]);
  });

  it("prints strings with quotes doubled", () => {
    expect(printFormula({ kind: "string", value: 'a"b', range })).toBe('"a""b"');
  });

  it("prints a long flat chain without exhausting the stack", () => {
    const text = Array.from({ length: 3000 }, (_, i) => `x${i}`).join("+");
    const { ast } = parseFormula(text, { maxLength: 100_000 });
    expect(printFormula(ast as Expr)).toBe(text.replaceAll("+", " + "));
  });
});
