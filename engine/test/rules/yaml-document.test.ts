import { describe, expect, test } from "vitest";
import { MAX_ALIASES, parseRuleDocument } from "../../src/rules/yaml-document.js";
import { pathAtOffset } from "../../src/rules/yaml-path.js";

const at = (d: { range: { start: { line: number; column: number } } }) =>
  `${d.range.start.line}:${d.range.start.column}`;

describe("parseRuleDocument", () => {
  test("keeps the range of every key and value by JSON pointer", () => {
    const text = "block: revenue\nindicators:\n  - id: a\n    weight: 3\n";
    const { document, diagnostics } = parseRuleDocument("f.yaml", text);
    expect(diagnostics).toEqual([]);
    expect(document.data).toEqual({ block: "revenue", indicators: [{ id: "a", weight: 3 }] });
    const weight = document.locations.get("/indicators/0/weight");
    expect(weight?.key?.start).toMatchObject({ line: 4, column: 5 });
    expect(weight?.value.start).toMatchObject({ line: 4, column: 13 });
    expect(weight?.value.end).toMatchObject({ line: 4, column: 14 });
  });

  test("a key given twice: R011 at the second, the first value is kept", () => {
    const { document, diagnostics } = parseRuleDocument("f.yaml", "weight: 3\nweight: 4\n");
    expect(diagnostics.map((d) => [d.code, at(d)])).toEqual([["R011", "2:1"]]);
    expect(document.data).toEqual({ weight: 3 });
  });

  test("an empty value is null and located just after its key", () => {
    const { document } = parseRuleDocument("f.yaml", "weight:\nname: x\n");
    expect(document.data).toEqual({ weight: null, name: "x" });
    expect(document.locations.get("/weight")?.value.start).toMatchObject({ line: 1, column: 8 });
  });

  test("an alias bomb stops at the alias limit with R012, without expanding", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? "*a" : `*l${i - 1}`)
          .join(", ")}]`,
      );
    const { diagnostics } = parseRuleDocument("f.yaml", `${levels.join("\n")}\n`);
    expect(diagnostics.map((d) => d.code)).toEqual(["R012"]);
    expect(diagnostics[0]?.message).toContain(`more than ${MAX_ALIASES} aliases`);
  });

  test("a few aliases are fine", () => {
    const { document, diagnostics } = parseRuleDocument("f.yaml", "n: &n { kk: Аты }\na: *n\nb: *n\n");
    expect(diagnostics).toEqual([]);
    expect(document.data).toEqual({ n: { kk: "Аты" }, a: { kk: "Аты" }, b: { kk: "Аты" } });
  });

  test("an alias without anchor: R010, and its key is left out rather than read as empty", () => {
    const { document, diagnostics } = parseRuleDocument("f.yaml", "a: 1\nb: *nothing\n");
    expect(diagnostics.map((d) => [d.code, at(d)])).toEqual([["R010", "2:4"]]);
    expect(document.data).toEqual({ a: 1 });
  });

  test("a second document: R013 at the ---, the first is read", () => {
    const { document, diagnostics } = parseRuleDocument("f.yaml", "a: 1\n---\nb: 2\n");
    expect(diagnostics.map((d) => [d.code, at(d)])).toEqual([["R013", "2:1"]]);
    expect(document.data).toEqual({ a: 1 });
  });

  test(".inf and .nan are rejected, a mapping as key is rejected", () => {
    const { diagnostics } = parseRuleDocument("f.yaml", "a: .inf\nb: .nan\n? [x]\n: 1\n");
    expect(diagnostics.map((d) => [d.code, at(d)])).toEqual([
      ["R010", "1:4"],
      ["R010", "2:4"],
      ["R010", "3:3"],
    ]);
  });

  test("keys such as __proto__ are plain data", () => {
    const { document } = parseRuleDocument("f.yaml", "__proto__: { polluted: true }\n");
    expect(Object.getPrototypeOf(document.data)).toBe(Object.prototype);
    expect(Object.keys(document.data as object)).toEqual(["__proto__"]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  test("only the first syntax error of a file is reported; an unclosed { is shown where it opens", () => {
    const { diagnostics } = parseRuleDocument("f.yaml", "a:\n  - { x: 1, y: 2\n  - { z: 3 }\nb: [1, 2\n");
    expect(diagnostics.map((d) => [d.code, at(d), d.message])).toEqual([
      ["R010", "2:5", "this `{` is never closed with `}`"],
    ]);
  });

  test("an unclosed { after a colour written without quotes explains the comment", () => {
    const { diagnostics } = parseRuleDocument("f.yaml", "g:\n  - { id: a, color: #2e7d32, min: 0 }\n  - { id: b }\n");
    expect(diagnostics[0]?.suggestion).toContain('put values with # in quotes, e.g. color: "#2e7d32"');
  });

  test("tabs as indentation: R010 with the fix in words", () => {
    const { diagnostics } = parseRuleDocument("f.yaml", "a:\n\tb: 1\n");
    expect(diagnostics.map((d) => [d.code, at(d), d.suggestion])).toEqual([
      ["R010", "2:1", "indent with spaces; YAML does not allow tabs for indentation"],
    ]);
  });

  test("pathAtOffset finds the innermost key or value at a position (for hover and completion)", () => {
    const text = "block: revenue\nindicators:\n  - id: a\n    weight: 3\n";
    const { document } = parseRuleDocument("f.yaml", text);
    expect(pathAtOffset(document, text.indexOf("weight") + 2)).toEqual({ path: "/indicators/0/weight", onKey: true });
    expect(pathAtOffset(document, text.indexOf("3"))).toEqual({ path: "/indicators/0/weight", onKey: false });
    expect(pathAtOffset(document, text.indexOf("revenue"))).toEqual({ path: "/block", onKey: false });
  });
});
