import { describe, expect, it } from "vitest";
import { type CheckOptions, checkFormula } from "../../src/check/checker.js";
import { diagnosticDoc } from "../../src/diagnostics/catalog.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { MapEnvironment } from "../../src/formula/environment.js";
import { parseFormula } from "../../src/formula/parser.js";
import { environment } from "../compile/fixtures.js";

const env = environment({
  own_revenue: "number",
  own_revenue_plan: "number",
  is_city: "boolean",
  "unit.kind": { type: "string", kind: "attribute" },
  "unit.population": { type: "number", kind: "attribute" },
  execution: { type: "number", kind: "indicator" },
});

function check(text: string, options: CheckOptions = {}) {
  const parsed = parseFormula(text);
  if (!parsed.ast || parsed.diagnostics.length > 0) throw new Error(`${text} does not parse`);
  return checkFormula(parsed.ast, env, options);
}

/** The one diagnostic of `text`, with the text its range covers. */
function only(text: string, options: CheckOptions = {}): Diagnostic & { covers: string } {
  const { diagnostics } = check(text, options);
  expect(diagnostics).toHaveLength(1);
  const d = diagnostics[0] as Diagnostic;
  return { ...d, covers: text.slice(d.range.start.offset, d.range.end.offset) };
}

describe("names", () => {
  it("reports an unknown name at its range, with did-you-mean", () => {
    const d = only("own_revenu / own_revenue_plan * 100");
    expect(d).toMatchObject({
      code: "F200",
      severity: "error",
      message: "unknown name `own_revenu`",
      suggestion: "did you mean `own_revenue` or `own_revenue_plan`?",
      covers: "own_revenu",
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 11 } },
    });
  });

  it("suggests the right case for a name written in another case", () => {
    expect(only("Own_Revenue * 2").suggestion).toBe("did you mean `own_revenue` or `own_revenue_plan`?");
    expect(only("IS_CITY").suggestion).toBe("did you mean `is_city`?");
  });

  it("suggests qualified names", () => {
    expect(only("unit.popultion > 0").suggestion).toBe("did you mean `unit.population`?");
  });

  it("points out a function used as a name", () => {
    expect(only("abs").suggestion).toBe("abs is a function: write abs(x)");
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])(
    "treats %s as an ordinary unknown name",
    (name) => {
      expect(only(`${name} + 1`)).toMatchObject({ code: "F200", message: `unknown name \`${name}\``, covers: name });
    },
  );

  it("resolves prototype-ish names when they are declared", () => {
    const declared = new MapEnvironment(
      ["constructor", "__proto__"].map((name, slot) => ({
        name,
        slot,
        type: "number" as const,
        kind: "field" as const,
      })),
    );
    const ast = parseFormula("constructor + __proto__").ast;
    if (!ast) throw new Error("parse");
    const result = checkFormula(ast, declared);
    expect(result.diagnostics).toEqual([]);
    expect(result.references.map((r) => r.binding.name)).toEqual(["constructor", "__proto__"]);
  });

  it("lists every reference with its range", () => {
    const result = check("own_revenue / own_revenue_plan + own_revenue");
    expect(result.references.map((r) => [r.binding.name, r.range.start.column, r.range.end.column])).toEqual([
      ["own_revenue", 1, 12],
      ["own_revenue_plan", 15, 31],
      ["own_revenue", 34, 45],
    ]);
  });
});

describe("functions", () => {
  it("reports an unknown function at its name, with did-you-mean", () => {
    expect(only("rount(own_revenue, 2)")).toMatchObject({
      code: "F201",
      message: "unknown function `rount`",
      suggestion: "did you mean `round`?",
      covers: "rount",
    });
  });

  it("says when a field is called like a function", () => {
    expect(only("own_revenue(2)")).toMatchObject({
      code: "F201",
      message: "`own_revenue` is a field, not a function",
      suggestion: "write own_revenue without parentheses",
      covers: "own_revenue",
    });
  });

  it("still resolves the arguments of an unknown function", () => {
    const result = check("rount(own_revenu)");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["F201", "F200"]);
  });

  it("reports too many arguments at the extra ones, with the signature", () => {
    expect(only("round(own_revenue, 2, 3, 4)")).toMatchObject({
      code: "F202",
      message: "round takes 1 to 2 arguments, but 4 were given",
      suggestion: "write it as round(x, [digits])",
      covers: "3, 4",
    });
  });

  it("reports too few arguments at the call", () => {
    expect(only("clamp(own_revenue, 0)")).toMatchObject({
      code: "F202",
      message: "clamp takes 3 arguments, but 2 were given",
      suggestion: "write it as clamp(x, lo, hi)",
      covers: "clamp(own_revenue, 0)",
    });
    expect(only("min()")).toMatchObject({ code: "F202", message: "min takes at least 1 argument, but 0 were given" });
    expect(only("if(true, 1)").message).toBe("if takes 3 arguments, but 2 were given");
  });

  it("reports an argument of the wrong type at the argument", () => {
    expect(only("sqrt(is_city)")).toMatchObject({
      code: "F203",
      message: "argument 1 of sqrt (x) must be a number, but this is a true/false value",
      covers: "is_city",
    });
    expect(only('round(own_revenue, "2")')).toMatchObject({
      code: "F203",
      message: "argument 2 of round (digits) must be a number, but this is a text",
      covers: '"2"',
    });
  });

  it("reports branches of different types", () => {
    expect(only('if(is_city, 1, "none")')).toMatchObject({
      code: "F210",
      message: "if needs values of one type: an earlier value is a number, but this is a text",
      covers: '"none"',
    });
    expect(only("coalesce(own_revenue, is_city)").code).toBe("F210");
  });

  it("lets missing stand for a value of any type", () => {
    expect(check("if(is_city, own_revenue, missing)")).toMatchObject({ type: "number", diagnostics: [] });
    expect(check('if(is_city, missing, "x")')).toMatchObject({ type: "string", diagnostics: [] });
    expect(check("coalesce(missing, is_city)")).toMatchObject({ type: "boolean", diagnostics: [] });
  });

  it("types prev and prev_year as their argument", () => {
    expect(check("prev(is_city)").type).toBe("boolean");
    expect(check('prev_year(unit.kind) = "city"').type).toBe("boolean");
  });

  it("reports ytd of an expression, an indicator or an attribute", () => {
    expect(only("ytd(own_revenue / 2)")).toMatchObject({
      code: "F209",
      message: "ytd needs the name of a field, not an expression",
      covers: "own_revenue / 2",
    });
    expect(only("ytd(execution)")).toMatchObject({
      code: "F209",
      message: "ytd needs a field, but `execution` is an indicator",
      covers: "execution",
    });
    expect(only("ytd(unit.population)").message).toBe("ytd needs a field, but `unit.population` is a unit attribute");
    expect(only("ytd(own_revenu)").code).toBe("F200");
  });

  it("reports a rank order that is not asc or desc", () => {
    expect(only('rank(own_revenue, "up")')).toMatchObject({
      code: "F211",
      message: 'order of rank must be "desc" or "asc"',
      covers: '"up"',
    });
    expect(only('rank(own_revenue, "ASC")').suggestion).toBe("did you mean `asc`?");
    expect(only("rank(own_revenue, own_revenue)").code).toBe("F211");
  });

  it("accepts every function in any case", () => {
    expect(check("ROUND(Abs(own_revenue), 2)").diagnostics).toEqual([]);
  });
});

describe("conditions and operators", () => {
  it("reports a non-boolean condition of if, and, or, not", () => {
    expect(only("if(own_revenue, 1, 0)")).toMatchObject({
      code: "F204",
      message: "if needs a condition (true/false), but this is a number",
      suggestion: "compare the value, e.g. write x > 0 instead of x",
      covers: "own_revenue",
    });
    expect(only("is_city and own_revenue")).toMatchObject({ code: "F204", covers: "own_revenue" });
    expect(only("own_revenue or is_city")).toMatchObject({ code: "F204", covers: "own_revenue" });
    expect(only("not own_revenue")).toMatchObject({
      code: "F204",
      message: "not needs a condition (true/false), but this is a number",
    });
  });

  it("reports arithmetic on a value that is not a number, at that operand", () => {
    expect(only("own_revenue + is_city")).toMatchObject({
      code: "F205",
      message: "+ needs numbers, but this is a true/false value",
      covers: "is_city",
    });
    expect(only('"5" * 2')).toMatchObject({ code: "F205", covers: '"5"' });
    expect(only("-is_city")).toMatchObject({
      code: "F205",
      message: "- needs a number, but this is a true/false value",
    });
  });

  it("reports a comparison of different types over the whole comparison", () => {
    expect(only('own_revenue = "5"')).toMatchObject({
      code: "F206",
      message: "cannot compare a number with a text: both sides of = must have the same type",
      covers: 'own_revenue = "5"',
    });
    expect(only("is_city <> 1").code).toBe("F206");
  });

  it("reports ordering of texts and true/false values", () => {
    expect(only('unit.kind < "district"')).toMatchObject({
      code: "F207",
      message: "< compares numbers, but both sides are texts",
      suggestion: "use = or <> to compare texts and true/false values",
      covers: 'unit.kind < "district"',
    });
    expect(only("own_revenue >= is_city")).toMatchObject({
      message: ">= compares numbers, but this is a true/false value",
      covers: "is_city",
    });
    expect(only('is_city > "a"').message).toBe("> compares numbers, but both sides are a true/false value and a text");
  });

  it("warns that a comparison with missing is always missing", () => {
    expect(only("own_revenue = missing")).toMatchObject({
      code: "F220",
      severity: "warning",
      suggestion: "write is_missing(own_revenue)",
      covers: "own_revenue = missing",
    });
  });

  it("warns about a division by the constant 0", () => {
    expect(only("own_revenue / 0")).toMatchObject({ code: "F221", severity: "warning", covers: "0" });
  });

  it("reports a mistake once: nothing more about an expression whose type is unknown", () => {
    expect(check("(own_revenu + 1) * 2 > is_city").diagnostics.map((d) => d.code)).toEqual(["F200", "F207"]);
    expect(check("sqrt(rount(1))").diagnostics.map((d) => d.code)).toEqual(["F201"]);
  });
});

describe("expected type", () => {
  it("reports a formula of the wrong type over the whole formula", () => {
    expect(only("unit.population", { expected: "boolean" })).toMatchObject({
      code: "F208",
      message: "this formula must give a true/false value, but it gives a number",
      suggestion: "compare the value, e.g. write x > 0 instead of x",
      covers: "unit.population",
    });
    expect(only("is_city", { expected: "number" }).message).toBe(
      "this formula must give a number, but it gives a true/false value",
    );
  });

  it("gives a formula of only missing the expected type", () => {
    expect(check("missing", { expected: "boolean" })).toMatchObject({ type: "boolean", diagnostics: [] });
    expect(check("missing").type).toBe("number");
  });

  it("sets the file on diagnostics", () => {
    expect(only("nope", { file: "blocks/01.yaml" }).file).toBe("blocks/01.yaml");
  });
});

describe("codes", () => {
  it("documents every code the checker uses", () => {
    for (const code of [
      "F200",
      "F201",
      "F202",
      "F203",
      "F204",
      "F205",
      "F206",
      "F207",
      "F208",
      "F209",
      "F210",
      "F211",
      "F220",
      "F221",
    ]) {
      const doc = diagnosticDoc(code);
      expect(doc?.title, code).toBeTruthy();
      expect(doc?.description, code).toBeTruthy();
      expect(doc?.fix, code).toBeTruthy();
    }
  });
});
