import { describe, expect, it } from "vitest";
import { evaluated, reasonOf, shown } from "../compile/evaluate-helpers.js";

const NA = "n/a";
const notApplicable = (name: string) => ({ kind: "not-applicable", name, unit: "unit", period: "2026-03" });

describe("if", () => {
  it.each([
    ["if(plan > 0, fact / plan * 100, missing)", { fact: 45, plan: 50 }, "90"],
    ["if(plan > 0, fact / plan * 100, 0)", { fact: 45, plan: 0 }, "0"],
    ['if(x > 1, "big", "small")', { x: 2 }, '"big"'],
    ["if(x > 1, x > 5, false)", { x: 2 }, "false"],
    ["IF(true, 1, 2)", {}, "1"],
  ])("%s with %j is %s", (formula, inputs, expected) => expect(shown(formula, inputs)).toBe(expected));

  it("evaluates only the branch it takes", () => {
    expect(evaluated("if(plan = 0, 0, fact / plan)", { fact: 5, plan: 0 })).toBe(0);
    expect(evaluated("if(true, 1, sqrt(-1))")).toBe(1);
  });

  it("is missing when the condition is, with the condition's reason", () => {
    expect(reasonOf("if(x > 0, 1, 2)", { x: NA })).toEqual(notApplicable("x"));
  });

  it("gives the missing value of the branch it takes", () => {
    expect(shown("if(plan > 0, 1, missing)", { plan: 0 })).toBe(
      "missing: the formula gives missing (line 1, column 17)",
    );
  });
});

describe("coalesce", () => {
  it.each([
    ["coalesce(missing, 0)", {}, 0],
    ["coalesce(x, 0)", { x: NA }, 0],
    ["coalesce(x, 0)", { x: 7 }, 7],
    ["coalesce(x, y, 3)", { x: NA, y: NA }, 3],
    ["coalesce(x, y, 3)", { x: NA, y: 2 }, 2],
    ["coalesce(1 / 0, 5)", {}, 5],
  ])("%s with %j is %s", (formula, inputs, expected) => expect(evaluated(formula, inputs)).toBe(expected));

  it("is missing with the first argument's reason when all are missing", () => {
    expect(reasonOf("coalesce(x, y)", { x: NA, y: NA })).toEqual(notApplicable("x"));
  });

  it("does not evaluate past the first present value", () => {
    // a present first value wins even if a later one would be out of the function's domain
    expect(evaluated("coalesce(2, sqrt(-1))")).toBe(2);
  });
});

describe("is_missing", () => {
  it.each([
    ["is_missing(1 / 0)", {}, true],
    ["is_missing(missing)", {}, true],
    ["is_missing(x)", { x: NA }, true],
    ["is_missing(x)", { x: 0 }, false],
    ['is_missing("text")', {}, false],
    ["is_missing(x > 1)", { x: NA }, true],
    ["not is_missing(x) and x > 1", { x: NA }, false],
  ])("%s with %j is %s", (formula, inputs, expected) => expect(evaluated(formula, inputs)).toBe(expected));
});
