import { describe, expect, it } from "vitest";
import { bool, call, miss } from "../compile/ast-builder.js";
import { evaluated, evaluatedAst, reasonOf, shown } from "../compile/evaluate-helpers.js";

const NA = "n/a";
const notApplicable = (name: string) => ({ kind: "not-applicable", name, unit: "unit", period: "2026-03" });

describe("arithmetic", () => {
  it.each([
    ["1 + 2 * 3", 7],
    ["7 - 10", -3],
    ["10 / 4", 2.5],
    ["2 ^ 3", 8],
    ["-x + 1", -4],
    ["+x", 5],
    ["x / y * 100", 50],
  ])("%s = %s", (formula, expected) => expect(evaluated(formula, { x: 5, y: 10 })).toBe(expected));

  it("keeps full precision: nothing is rounded on the way, only the display is at 15 digits", () => {
    expect(evaluated("0.1 + 0.2")).toBe(0.30000000000000004);
    expect(evaluated("4262.4 / 4736 * 100")).toBe(89.99999999999999);
    expect(shown("0.1 + 0.2")).toBe("0.3");
    expect(shown("4262.4 / 4736 * 100")).toBe("90");
  });

  it("propagates a missing operand with the first missing operand's reason", () => {
    expect(reasonOf("x + y", { x: NA, y: NA })).toEqual(notApplicable("x"));
    expect(reasonOf("1 - y * 2", { y: NA })).toEqual(notApplicable("y"));
    expect(reasonOf("-x", { x: NA })).toEqual(notApplicable("x"));
  });

  it("gives missing for a division by zero, naming the divisor", () => {
    expect(reasonOf("x / plan", { x: 5, plan: 0 })).toEqual({
      kind: "division-by-zero",
      text: "plan",
      range: { start: { offset: 4, line: 1, column: 5 }, end: { offset: 8, line: 1, column: 9 } },
    });
    expect(shown("0 / plan", { plan: 0 })).toBe("missing: division by zero: plan is 0 (line 1, column 5)");
  });

  it("reports a missing divisor's own reason, not division by zero", () => {
    expect(reasonOf("x / plan", { x: 5, plan: NA })).toEqual(notApplicable("plan"));
  });

  it.each([
    ["1e308 * 10", "multiplication"],
    ["1e308 + 1e308", "addition"],
    ["-1e308 - 1e308", "subtraction"],
    ["1e308 / 0.1", "division"],
    ["10 ^ 400", "power"],
  ])("%s overflows to missing, never Infinity", (formula, operation) => {
    expect(reasonOf(formula)).toMatchObject({
      kind: "domain",
      function: operation,
      detail: "the result is too large to represent",
    });
  });
});

describe("comparisons", () => {
  it("compares at 15 significant digits: 4262.4 of a 4736 plan is exactly 90%", () => {
    expect(evaluated("4262.4 / 4736 * 100 >= 90")).toBe(true);
    expect(evaluated("fact / plan * 100 >= 90", { fact: 4262.4, plan: 4736 })).toBe(true);
    expect(evaluated("fact / plan * 100 > 90", { fact: 4262.4, plan: 4736 })).toBe(false);
    expect(evaluated("fact / plan * 100 = 90", { fact: 4262.4, plan: 4736 })).toBe(true);
    expect(evaluated("0.1 + 0.2 = 0.3")).toBe(true);
    expect(evaluated("0.1 + 0.2 <> 0.3")).toBe(false);
  });

  it("still tells apart numbers that differ within 15 digits", () => {
    expect(evaluated("89.9999999999 >= 90")).toBe(false);
    expect(evaluated("3 <> 3.0000001")).toBe(true);
  });

  it.each([
    ["1 < 2", true],
    ["2 < 2", false],
    ["2 <= 2", true],
    ["3 > 2", true],
    ["2 >= 3", false],
    ["-1 < 0", true],
    ['"district" = "district"', true],
    ['"district" = "city"', false],
    ['"district" <> "city"', true],
    ["true = true", true],
    ["true <> false", true],
    ["(1 < 2) = (3 < 4)", true],
  ])("%s is %s", (formula, expected) => expect(evaluated(formula)).toBe(expected));

  it("is missing when an operand is", () => {
    expect(reasonOf("x > 1", { x: NA })).toEqual(notApplicable("x"));
    expect(reasonOf("1 = x", { x: NA })).toEqual(notApplicable("x"));
  });
});

describe("three-valued and, or, not", () => {
  const cases: [string, string][] = [
    ["true and true", "true"],
    ["true and false", "false"],
    ["false and m", "false"],
    ["m and false", "false"],
    ["m and (1 / 0 > 1)", "missing"],
    ["true and m", "missing"],
    ["m and true", "missing"],
    ["m and m", "missing"],
    ["true or m", "true"],
    ["m or true", "true"],
    ["false or m", "missing"],
    ["m or false", "missing"],
    ["false or false", "false"],
    ["not true", "false"],
    ["not m", "missing"],
    ["not(false)", "true"],
  ];
  it.each(cases)("%s is %s", (formula, expected) => {
    const value = evaluated(formula.replaceAll("m", "missing"));
    expect(typeof value === "object" ? "missing" : String(value)).toBe(expected);
  });

  it("keeps the first missing operand's reason", () => {
    const inputs = { a: NA, b: NA };
    expect(reasonOf("a > 0 and b > 0", inputs)).toEqual(notApplicable("a"));
    expect(reasonOf("true and b > 0", inputs)).toEqual(notApplicable("b"));
    expect(reasonOf("not(a > 0)", inputs)).toEqual(notApplicable("a"));
  });
});

describe("function forms and(...), or(...) (built as ASTs: the parser asks for the operators)", () => {
  const m = () => miss();
  it.each([
    ["and(true, true, missing)", () => call("and", bool(true), bool(true), m()), "missing"],
    ["and(missing, true, false)", () => call("and", m(), bool(true), bool(false)), "false"],
    ["and(true, true)", () => call("and", bool(true), bool(true)), "true"],
    ["or(false, missing, true)", () => call("or", bool(false), m(), bool(true)), "true"],
    ["or(false, false, false)", () => call("or", bool(false), bool(false), bool(false)), "false"],
    ["or(missing, false)", () => call("or", m(), bool(false)), "missing"],
    ["NOT(false)", () => call("NOT", bool(false)), "true"],
  ])("%s is %s", (_text, build, expected) => {
    const value = evaluatedAst(build());
    expect(typeof value === "object" ? "missing" : String(value)).toBe(expected);
  });

  it("keeps the first missing argument's reason", () => {
    const first = miss();
    const value = evaluatedAst(call("or", bool(false), first, miss()));
    expect(value).toEqual({ missing: true, reason: { kind: "explicit", range: first.range } });
  });
});

describe("division by zero names the divisor as printed", () => {
  it("prints an expression divisor canonically", () => {
    expect(shown("x / (a - b)", { x: 1, a: 2, b: 2 })).toBe("missing: division by zero: a - b is 0 (line 1, column 6)");
    expect(shown("x / ROUND(a,0)", { x: 1, a: 0.2 })).toBe(
      "missing: division by zero: round(a, 0) is 0 (line 1, column 5)",
    );
  });
});
