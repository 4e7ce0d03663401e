import { describe, expect, it } from "vitest";
import { allDiagnosticDocs, diagnosticDoc } from "../../src/diagnostics/catalog.js";
import { parseFormula } from "../../src/formula/parser.js";
import "../../src/formula/syntax-codes.js";
import { errorsOf } from "./syntax-helpers.js";

/** Each case: the formula, and every diagnostic it must give (code line:col-line:col message), nothing more. */
const cases: [string, string[]][] = [
  ["", ["F100 1:1-1:1 the formula is empty"]],
  ["   ", ["F100 1:1-1:4 the formula is empty"]],
  // Brackets
  ["fact / plan) * 100", ["F111 1:12-1:13 unexpected `)`: there is no `(` for it to close"]],
  ["round(fact / plan * 100, 1", ["F110 1:6-1:7 this parenthesis opened at column 6 is never closed"]],
  ["(a + (b * c)", ["F110 1:1-1:2 this parenthesis opened at column 1 is never closed"]],
  [
    "f(a)) + (b",
    [
      "F111 1:5-1:6 unexpected `)`: there is no `(` for it to close",
      "F110 1:9-1:10 this parenthesis opened at column 9 is never closed",
    ],
  ],
  // Missing values
  ["fact +", ["F112 1:6-1:7 expected a value after `+`"]],
  ["fact / * 100", ["F112 1:6-1:7 expected a value after `/`"]],
  ["* 2", ["F112 1:1-1:2 expected a value before `*`"]],
  ["()", ["F112 1:1-1:3 expected a value inside the brackets"]],
  ["x and ()", ["F112 1:7-1:9 expected a value inside the brackets"]],
  ["(* 2)", ["F112 1:2-1:3 expected a value before `*`"]],
  ["f(1,)", ["F112 1:4-1:5 expected an argument after `,`"]],
  ["f(,1)", ["F112 1:3-1:4 expected an argument before `,`"]],
  ["f(1,,2)", ["F112 1:4-1:5 expected an argument after `,`"]],
  ["- ", ["F112 1:1-1:2 expected a value after `-`"]],
  ["not", ["F112 1:1-1:4 expected a value after `not`"]],
  ["a and and b", ["F112 1:3-1:6 expected a value after `and`"]],
  ["a ^", ["F112 1:3-1:4 expected a value after `^`"]],
  ["5 +* 3", ["F112 1:3-1:4 expected a value after `+`"]],
  // Values side by side
  ["fact plan", ["F113 1:6-1:10 expected an operator (such as `+` or `*`) before `plan`"]],
  ["f(a b)", ["F113 1:5-1:6 expected an operator (such as `+` or `*`) before `b`"]],
  ["f(a) g(b)", ["F113 1:6-1:7 expected an operator (such as `+` or `*`) before `g`"]],
  [
    "x y z",
    [
      "F113 1:3-1:4 expected an operator (such as `+` or `*`) before `y`",
      "F113 1:5-1:6 expected an operator (such as `+` or `*`) before `z`",
    ],
  ],
  // Numbers
  ["2x + 1", ["F107 1:1-1:3 a number cannot be followed directly by a name: did you mean `2 * x`?"]],
  ["2(a + b)", ["F107 1:1-1:3 a number cannot be followed directly by `(`: did you mean `2 * (`?"]],
  ["1e + 5", ["F108 1:1-1:3 `1e` is not a complete number"]],
  ["1e400", ["F106 1:1-1:6 the number `1e400` is too large"]],
  ["2.5.1", ["F109 1:1-1:6 `2.5.1` is not a number: a number has one decimal point"]],
  ["12,5 * x", ["F115 1:1-1:5 `12,5`: numbers are written with a decimal point"]],
  // Commas
  [
    "(a, b)",
    [
      "F114 1:3-1:4 unexpected `,`: these brackets do not belong to a function, and a comma separates a function's arguments",
    ],
  ],
  ["a, b", ["F114 1:2-1:3 unexpected `,`: a comma only separates a function's arguments"]],
  // Comparisons and logic
  ["0 < x < 100", ["F116 1:7-1:8 comparisons cannot be chained"]],
  ["x = not y", ["F117 1:5-1:10 `not` must be put in brackets here"]],
  // Other notations
  ["a == b", ["F120 1:3-1:5 equality is written `=` (as in Excel), not `==`"]],
  ["a != b", ["F121 1:3-1:5 inequality is written `<>` (as in Excel), not `!=`"]],
  [
    "a && b || !c",
    [
      "F122 1:3-1:5 conditions are joined with `and`, not `&&`",
      "F122 1:8-1:10 alternatives are joined with `or`, not `||`",
      "F122 1:11-1:12 a condition is negated with `not`, not `!`",
    ],
  ],
  ["x ** 2", ["F124 1:3-1:5 a power is written `^` (as in Excel), not `**`"]],
  ["round(x; 2)", ["F123 1:8-1:9 `;` is not used in formulas: a function's arguments are separated by `,`"]],
  ["x ≥ 1", ["F103 1:3-1:4 `≥` is not an operator in formulas: write `>=`"]],
  // Texts and characters
  ['unit.kind = "district', ['F104 1:13-1:22 this text opened with `"` is never closed']],
  ["unit.kind = «district»", ["F105 1:13-1:23 text is written in straight double quotes, not «…"]],
  ["revenue$ / plan", ["F103 1:8-1:9 unknown character `$`"]],
  ["x % 2", ["F103 1:3-1:4 unknown character `%`"]],
  ["unit..x", ["F103 1:5-1:7 unknown characters `..`"]],
  ["ş + 1", ["F103 1:1-1:2 unknown character `ş`"]],
  // Several lines: each error where it is
  [
    "a\n+ * b\n)",
    ["F112 2:1-2:2 expected a value after `+`", "F111 3:1-3:2 unexpected `)`: there is no `(` for it to close"],
  ],
  [
    "if(a > 0,\n  b,\n",
    [
      "F110 1:3-1:4 this parenthesis opened at line 1, column 3 is never closed",
      "F112 2:4-2:5 expected an argument after `,`",
    ],
  ],
];

describe("syntax errors: one clear message per mistake, at its exact place", () => {
  it.each(cases)("%j", (text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });
});

describe("suggestions and fixes", () => {
  function only(text: string) {
    const { diagnostics } = parseFormula(text);
    expect(diagnostics).toHaveLength(1);
    return diagnostics[0];
  }

  it("suggests `and` for a chained comparison, from the formula's own text", () => {
    expect(only("0 < x < 100")?.suggestion).toBe("join two comparisons with `and`: `0 < x and x < 100`");
  });

  it("replaces `==` with `=`", () => {
    const d = only("a == b");
    expect(d?.suggestion).toBe("write `=`");
    expect(d?.fix?.edits).toEqual([
      { range: { start: { offset: 2, line: 1, column: 3 }, end: { offset: 4, line: 1, column: 5 } }, newText: "=" },
    ]);
  });

  it("replaces `!` with `not ` keeping the words apart", () => {
    expect(only("!done")?.fix?.edits[0]?.newText).toBe("not ");
  });

  it("inserts `*` between a number and a name", () => {
    const edit = only("2x")?.fix?.edits[0];
    expect(edit).toMatchObject({ newText: " * ", range: { start: { offset: 1 }, end: { offset: 1 } } });
  });

  it("closes a parenthesis at the end of the formula", () => {
    const d = only("round(x / y, 2");
    expect(d?.suggestion).toBe("add `)` after the last argument of `round`");
    expect(d?.fix?.edits[0]).toMatchObject({ newText: ")", range: { start: { offset: 14 } } });
  });

  it("rewrites a decimal comma with a point", () => {
    expect(only("x * 12,5")?.fix?.edits[0]?.newText).toBe("12.5");
  });

  it("rewrites typographic quotes as straight quotes, escaping a quote inside", () => {
    expect(only('«say "hi"»')?.fix?.edits[0]?.newText).toBe('"say ""hi"""');
  });

  it("puts a misplaced `not` in brackets", () => {
    expect(only("x = not y")?.fix?.edits[0]?.newText).toBe("(not y)");
  });

  it("gives the file on every diagnostic and edit", () => {
    const { diagnostics } = parseFormula("a == b", { file: "blocks/01-industry.yaml" });
    expect(diagnostics[0]?.file).toBe("blocks/01-industry.yaml");
    expect(diagnostics[0]?.fix?.edits[0]?.file).toBe("blocks/01-industry.yaml");
  });

  it("reads what was meant after reporting it, so the AST is whole", () => {
    const { ast } = parseFormula("a == b && !c");
    expect(ast?.kind).toBe("binary");
    expect(JSON.stringify(ast)).not.toContain('"error"');
  });
});

describe("limits", () => {
  it("refuses a formula over maxLength, pointing past the limit", () => {
    const { ast, diagnostics } = parseFormula(`${"x+".repeat(20)}x`, { maxLength: 30 });
    expect(ast).toBeUndefined();
    expect(diagnostics.map((d) => `${d.code} ${d.range.start.column}-${d.range.end.column} ${d.message}`)).toEqual([
      "F101 31-42 this formula is 41 characters long; formulas are limited to 30",
    ]);
  });

  it("reads a formula of exactly maxLength", () => {
    expect(parseFormula(`${"x+".repeat(15).slice(0, 29)}y`, { maxLength: 30 }).diagnostics).toEqual([]);
  });

  it("defaults to 10,000 characters", () => {
    expect(parseFormula(`${"1+".repeat(5000)}1`).diagnostics.map((d) => d.code)).toEqual(["F101"]);
    expect(parseFormula(`${"1+".repeat(4999)}1`).diagnostics).toEqual([]);
  });

  it("refuses brackets nested deeper than maxDepth, pointing at the bracket that goes too deep", () => {
    const deep = `${"(".repeat(65)}x${")".repeat(65)}`;
    const { ast, diagnostics } = parseFormula(deep);
    expect(ast).toBeUndefined();
    expect(diagnostics.map((d) => `${d.code} ${d.range.start.column} ${d.message}`)).toEqual([
      "F102 65 this formula nests brackets, calls and signs more than 64 levels deep",
    ]);
    expect(parseFormula(`${"(".repeat(64)}x${")".repeat(64)}`).diagnostics).toEqual([]);
  });

  it("counts nested calls and signs as nesting", () => {
    expect(parseFormula(`${"f(".repeat(70)}x${")".repeat(70)}`).diagnostics[0]?.code).toBe("F102");
    expect(parseFormula(`${"-".repeat(65)}x`).diagnostics[0]?.code).toBe("F102");
    expect(parseFormula(`${"not ".repeat(65)}x`).diagnostics[0]?.code).toBe("F102");
    expect(parseFormula(`${"-(".repeat(33)}x${")".repeat(33)}`).diagnostics[0]?.code).toBe("F102");
    expect(parseFormula(`${"-(".repeat(32)}x${")".repeat(32)}`).diagnostics).toEqual([]);
  });

  it("honours a smaller maxDepth", () => {
    expect(parseFormula("((x))", { maxDepth: 1 }).diagnostics[0]?.code).toBe("F102");
    expect(parseFormula("(x)", { maxDepth: 1 }).diagnostics).toEqual([]);
  });

  it("does not count a long flat chain as nesting", () => {
    const chain = Array.from({ length: 900 }, (_, i) => `-x${i}`).join(" - ");
    expect(parseFormula(chain).diagnostics).toEqual([]);
  });

  it("survives a million unclosed brackets without a stack overflow", () => {
    const { diagnostics } = parseFormula("(".repeat(1_000_000), { maxLength: 2_000_000 });
    expect(diagnostics.some((d) => d.code === "F102")).toBe(true);
  });
});

describe("codes", () => {
  it("documents every syntax code with a title, description, example and fix", () => {
    const syntax = allDiagnosticDocs().filter((d) => /^F1\d\d$/.test(d.code));
    expect(syntax.length).toBeGreaterThanOrEqual(23);
    for (const doc of syntax) {
      expect(doc.title && doc.description && doc.example && doc.fix, doc.code).toBeTruthy();
    }
  });

  it("uses only documented codes", () => {
    for (const [text] of cases) {
      for (const d of parseFormula(text).diagnostics) expect(diagnosticDoc(d.code), d.code).toBeDefined();
    }
  });

  it("shows the example of each code giving that code", () => {
    for (const doc of allDiagnosticDocs().filter((d) => /^F1\d\d$/.test(d.code))) {
      if (["F101", "F102", "F199"].includes(doc.code)) continue; // examples described in words
      const text = doc.example.replace(/^formula: /, "").replace(/^""$/, "");
      expect(
        parseFormula(text).diagnostics.map((d) => d.code),
        `${doc.code}: ${doc.example}`,
      ).toContain(doc.code);
    }
  });
});
