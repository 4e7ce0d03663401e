import { describe, expect, it } from "vitest";
import { scanFormula, type TextPayload } from "../../src/formula/lexer.js";
import { SyntaxDiagnostics } from "../../src/formula/syntax-codes.js";
import { SourceText } from "../../src/source/range.js";

function scan(text: string) {
  const source = new SourceText(text);
  const report = new SyntaxDiagnostics((s, e) => source.range(s, e));
  const tokens = scanFormula(text, report);
  return {
    tokens: tokens.map((t) => `${t.tokenType.name}:${t.image}`),
    payloads: tokens.map((t) => t.payload as TextPayload | undefined),
    codes: report.list.map((d) => d.code),
  };
}

describe("formula lexer", () => {
  it.each([
    ["12.5", "Number:12.5"],
    [".5", "Number:.5"],
    ["1e6", "Number:1e6"],
    ["2.5E-3", "Number:2.5E-3"],
    ["7.", "Number:7."],
    ["1e+21", "Number:1e+21"],
    ["0042", "Number:0042"],
  ])("reads the number %s", (text, expected) => {
    expect(scan(text)).toMatchObject({ tokens: [expected], codes: [] });
  });

  it("reads texts with doubled quotes inside", () => {
    const { tokens, payloads, codes } = scan('"say ""hi"""');
    expect(tokens).toEqual(['Text:"say ""hi"""']);
    expect(payloads[0]).toEqual({ value: 'say "hi"', closed: true, opener: '"' });
    expect(codes).toEqual([]);
  });

  it("reads the empty text", () => {
    expect(scan('""').payloads[0]?.value).toBe("");
  });

  it.each(["true", "TRUE", "True", "false", "FALSE", "missing", "Missing", "and", "AND", "or", "Or", "not", "NOT"])(
    "reads the keyword %s in any case",
    (word) => {
      const { tokens } = scan(word);
      expect(tokens).toHaveLength(1);
      expect(tokens[0]?.toLowerCase()).toBe(`${word.toLowerCase()}:${word.toLowerCase()}`);
    },
  );

  it("reads a keyword's prefix or extension as a name", () => {
    expect(scan("android nothing trueness or_rate notes missing_plan").tokens).toEqual([
      "Identifier:android",
      "Identifier:nothing",
      "Identifier:trueness",
      "Identifier:or_rate",
      "Identifier:notes",
      "Identifier:missing_plan",
    ]);
  });

  it("reads Latin, Russian and Kazakh names with digits and underscores", () => {
    const text = "own_revenue2 Доходы_2026 әғқңөұүһі ӘҒҚҢӨҰҮҺІ _private Халық_саны";
    expect(scan(text).tokens).toEqual([
      "Identifier:own_revenue2",
      "Identifier:Доходы_2026",
      "Identifier:әғқңөұүһі",
      "Identifier:ӘҒҚҢӨҰҮҺІ",
      "Identifier:_private",
      "Identifier:Халық_саны",
    ]);
  });

  it("reads a qualified name as one name", () => {
    expect(scan("unit.population unit.farmland_ha").tokens).toEqual([
      "Identifier:unit.population",
      "Identifier:unit.farmland_ha",
    ]);
  });

  it("reads every operator and bracket", () => {
    expect(scan("+ - * / ^ = <> < <= > >= ( ) ,").tokens).toEqual([
      "Plus:+",
      "Minus:-",
      "Star:*",
      "Slash:/",
      "Caret:^",
      "Equal:=",
      "NotEqual:<>",
      "Less:<",
      "LessEqual:<=",
      "Greater:>",
      "GreaterEqual:>=",
      "LParen:(",
      "RParen:)",
      "Comma:,",
    ]);
  });

  it("skips spaces, tabs, line breaks and non-breaking spaces", () => {
    expect(scan(" a\t+\r\n b\u00a0").tokens).toEqual(["Identifier:a", "Plus:+", "Identifier:b"]);
  });

  it("reads other languages' operators as what they mean, reporting each", () => {
    const { tokens, codes } = scan("a == b != c && d || !e ** f ; g");
    expect(tokens).toEqual([
      "Identifier:a",
      "Equal:==",
      "Identifier:b",
      "NotEqual:!=",
      "Identifier:c",
      "And:&&",
      "Identifier:d",
      "Or:||",
      "Not:!",
      "Identifier:e",
      "Caret:**",
      "Identifier:f",
      "Comma:;",
      "Identifier:g",
    ]);
    expect(codes).toEqual(["F120", "F121", "F122", "F122", "F122", "F124", "F123"]);
  });

  it("drops unknown characters, one report per run", () => {
    const { tokens, codes } = scan("a $$ b # c");
    expect(tokens).toEqual(["Identifier:a", "Identifier:b", "Identifier:c"]);
    expect(codes).toEqual(["F103", "F103"]);
  });

  it("keeps an emoji (a surrogate pair) whole in one report", () => {
    const source = new SourceText("a 😀");
    const report = new SyntaxDiagnostics((s, e) => source.range(s, e));
    scanFormula("a 😀", report);
    expect(report.list[0]?.message).toBe("unknown character `😀`");
    expect(report.list[0]?.range.end.offset).toBe(4);
  });

  it("reads `2x` as `2 * x` after reporting it", () => {
    const { tokens, codes } = scan("2x");
    expect(tokens).toEqual(["Number:2", "Star:", "Identifier:x"]);
    expect(codes).toEqual(["F107"]);
  });

  it("reads an unclosed text to the end of its line", () => {
    const { tokens, payloads, codes } = scan('"abc\n+ 1');
    expect(tokens).toEqual(['Text:"abc', "Plus:+", "Number:1"]);
    expect(payloads[0]).toEqual({ value: "abc", closed: false, opener: '"' });
    expect(codes).toEqual(["F104"]);
  });

  it("reads a text in typographic quotes as text, reporting the quotes", () => {
    const { payloads, codes } = scan("«аудан» “city”");
    expect(payloads.map((p) => p?.value)).toEqual(["аудан", "city"]);
    expect(codes).toEqual(["F105", "F105"]);
  });
});
