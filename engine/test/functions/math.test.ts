import { describe, expect, it } from "vitest";
import { evaluated, reasonOf, shown } from "../compile/evaluate-helpers.js";

/** An input reported as not applicable: the simplest missing value with a reason naming it. */
const NA = "n/a";
const notApplicable = (name: string) => ({
  kind: "not-applicable",
  name,
  unit: "unit",
  period: "2026-03",
});

describe("abs", () => {
  it.each([
    ["abs(-3.5)", 3.5],
    ["abs(3.5)", 3.5],
    ["abs(0)", 0],
    ["ABS(-2)", 2], // function names are case-insensitive
  ])("%s = %s", (formula, expected) => expect(evaluated(formula)).toBe(expected));

  it("is missing when its argument is, with the argument's reason", () => {
    expect(reasonOf("abs(x)", { x: NA })).toEqual(notApplicable("x"));
  });
});

describe("min and max", () => {
  it.each([
    ["min(4, -2, 7)", -2],
    ["max(4, -2, 7)", 7],
    ["min(5)", 5],
    ["max(5)", 5],
    ["min(0.1 + 0.2, 0.3)", 0.3],
    ["max(x, 10)", 12],
  ])("%s = %s", (formula, expected) => expect(evaluated(formula, { x: 12 })).toBe(expected));

  it("is missing when any argument is: the first missing one's reason", () => {
    expect(reasonOf("min(1, x, y)", { x: NA, y: NA })).toEqual(notApplicable("x"));
    expect(reasonOf("max(y, 1)", { y: NA })).toEqual(notApplicable("y"));
  });
});

describe("round", () => {
  it.each([
    ["round(1.005, 2)", 1.01],
    ["round(2.5)", 3],
    ["round(-2.5)", -3],
    ["round(2.4)", 2],
    ["round(1234.5, -2)", 1200],
    ["round(4262.4 / 4736 * 100, 2)", 90],
    ["round(1 / 3, 4)", 0.3333],
    ["round(-1 / 3, 4)", -0.3333],
    ["round(2.675, 2)", 2.68],
    ["round(7, 1.9)", 7],
  ])("%s = %s", (formula, expected) => expect(evaluated(formula)).toBe(expected));

  it("is missing when x or digits is", () => {
    expect(reasonOf("round(x, 2)", { x: NA })).toEqual(notApplicable("x"));
    expect(reasonOf("round(2.5, d)", { d: NA })).toEqual(notApplicable("d"));
  });
});

describe("floor and ceil", () => {
  it.each([
    ["floor(2.7)", 2],
    ["floor(-2.5)", -3],
    ["ceil(2.1)", 3],
    ["ceil(-2.5)", -2],
    ["floor(0.35, 0.1)", 0.3],
    ["ceil(0.31, 0.1)", 0.4],
    ["ceil(12, 5)", 15],
    ["floor(12, 5)", 10],
    ["floor(12, -5)", 10],
    ["floor(7, 0)", 0],
    ["floor(4262.4 / 4736 * 100)", 90], // 89.99... or 90.00...01 in binary; 90 as a person reads it
    ["ceil(0.1 * 3, 0.1)", 0.3],
  ])("%s = %s", (formula, expected) => expect(evaluated(formula)).toBe(expected));
});

describe("sqrt, ln, log10, exp, pow", () => {
  it.each([
    ["sqrt(16)", 4],
    ["sqrt(0)", 0],
    ["sqrt(2)", Math.SQRT2],
    ["ln(1)", 0],
    ["ln(exp(2))", 2],
    ["log10(1000)", 3],
    ["log10(0.01)", -2],
    ["exp(0)", 1],
    ["exp(-1000)", 0],
    ["pow(2, 10)", 1024],
    ["pow(2, 0.5)", Math.SQRT2],
    ["pow(-8, 3)", -512],
    ["pow(0, 0)", 1],
    ["2 ^ 10", 1024],
  ])("%s = %s", (formula, expected) => expect(evaluated(formula)).toBe(expected));

  it.each([
    ["sqrt(-4)", "missing: sqrt: the argument must not be negative, but it is -4 (line 1, column 1)"],
    ["ln(0)", "missing: ln: the argument must be greater than 0, but it is 0 (line 1, column 1)"],
    ["ln(-1)", "missing: ln: the argument must be greater than 0, but it is -1 (line 1, column 1)"],
    ["log10(0)", "missing: log10: the argument must be greater than 0, but it is 0 (line 1, column 1)"],
    ["exp(1000)", "missing: exp: the result is too large to represent (line 1, column 1)"],
    ["pow(0, -1)", "missing: pow: zero cannot be raised to a negative power (-1) (line 1, column 1)"],
    [
      "pow(-8, 1 / 3)",
      "missing: pow: a negative number (-8) has no fractional power (0.3333333333333333) (line 1, column 1)",
    ],
    ["1 + pow(10, 400)", "missing: pow: the result is too large to represent (line 1, column 5)"],
    ["(-8) ^ 0.5", "missing: power: a negative number (-8) has no fractional power (0.5) (line 1, column 1)"],
  ])("%s is missing with a domain reason, never NaN or Infinity", (formula, expected) => {
    expect(shown(formula)).toBe(expected);
  });

  it("points the domain reason at the call", () => {
    expect(reasonOf("2 * sqrt(x)", { x: -1 })).toMatchObject({
      kind: "domain",
      function: "sqrt",
      range: { start: { column: 5 }, end: { column: 12 } },
    });
  });
});

describe("clamp", () => {
  it.each([
    ["clamp(120, 0, 100)", 100],
    ["clamp(-5, 0, 100)", 0],
    ["clamp(50, 0, 100)", 50],
    ["clamp(3, 3, 3)", 3],
  ])("%s = %s", (formula, expected) => expect(evaluated(formula)).toBe(expected));

  it("is missing when the bounds are the wrong way round", () => {
    expect(shown("clamp(1, 5, 0)")).toBe(
      "missing: clamp: the lower bound 5 is greater than the upper bound 0 (line 1, column 1)",
    );
  });

  it("is missing when a bound is", () => {
    expect(reasonOf("clamp(1, lo, 10)", { lo: NA })).toEqual(notApplicable("lo"));
  });
});
