import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isMap, isScalar, parseDocument, type Scalar } from "yaml";
import { scalarOffsets } from "../../src/rules/scalar-offsets.js";

/** The scalar under key `f` of a one-key YAML document. */
function scalar(text: string): Scalar {
  const doc = parseDocument(text);
  const map = doc.contents;
  if (!isMap(map)) throw new Error("not a map");
  const node = map.items[0]?.value;
  if (!isScalar(node)) throw new Error("not a scalar");
  return node;
}

/** The file text at each mapped offset, joined: what the value looks like seen through the map. */
function seen(text: string): { value: string; picked: string; map: number[] } {
  const node = scalar(text);
  const map = scalarOffsets(text, node) ?? [];
  return {
    value: String(node.value),
    picked: map
      .slice(0, -1)
      .map((o) => text[o])
      .join(""),
    map,
  };
}

describe("scalarOffsets maps each character of a formula to its place in the YAML file", () => {
  test("plain: identity from the value's start", () => {
    const text = "f: a + b\n";
    expect(scalarOffsets(text, scalar(text))).toEqual([3, 4, 5, 6, 7, 8]);
  });

  test("plain over two lines: the folded space maps to the line break", () => {
    const text = "f: a +\n  b\n";
    const { value, map } = seen(text);
    expect(value).toBe("a + b");
    expect(map).toEqual([3, 4, 5, 6, 9, 10]);
  });

  test("double quoted: an escape maps to its backslash", () => {
    const text = 'f: "x = \\"k\\""\n';
    const { value, map } = seen(text);
    expect(value).toBe('x = "k"');
    // x at 4, space 5, = 6, space 7, \" at 8, k at 10, \" at 11, end after the last escape
    expect(map).toEqual([4, 5, 6, 7, 8, 10, 11, 13]);
  });

  test("double quoted with an escaped line break: the next line's text keeps its columns", () => {
    const text = 'f: "ab\\\n    cd"\n';
    const { value, map } = seen(text);
    expect(value).toBe("abcd");
    expect(map.slice(0, 4).map((o) => text[o])).toEqual(["a", "b", "c", "d"]);
  });

  test("single quoted: '' is one quote, at the first of the two", () => {
    const text = "f: 'if(a, ''x'', b)'\n";
    const { value, picked, map } = seen(text);
    expect(value).toBe("if(a, 'x', b)");
    expect(picked).toBe(value);
    expect(map[value.indexOf("b")]).toBe(text.indexOf("b)"));
  });

  test("block literal: lines keep their columns after the indentation", () => {
    const text = "f: |\n  a /\n    b\n";
    const { value, map } = seen(text);
    expect(value).toBe("a /\n  b\n");
    expect(map[value.indexOf("b")]).toBe(text.indexOf("b"));
  });

  test("block folded with a comment on the header line", () => {
    const text = "f: >- # the plan\n  x >=\n  90\n";
    const { value, picked } = seen(text);
    expect(value).toBe("x >= 90");
    expect(picked.replace(/\s/g, "")).toBe("x>=90");
  });

  test("an escape that becomes two UTF-16 units cannot be traced: undefined", () => {
    const text = 'f: "a > \\U0001F600"\n';
    expect(scalarOffsets(text, scalar(text))).toBeUndefined();
  });

  test("property: for any formula-like text in any scalar style, every non-space character maps to itself", () => {
    const word = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/);
    const token = fc.oneof(word, fc.constantFrom("+", "-", "*", "/", "(", ")", ">=", "=", '"t"', "'", "1.5"));
    const formula = fc.array(token, { minLength: 1, maxLength: 12 }).map((ts) => ts.join(" "));
    const style = fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED");
    const mapped = new Map<string, number>();
    fc.assert(
      fc.property(formula, style, fc.integer({ min: 8, max: 30 }), (f, type, lineWidth) => {
        const doc = parseDocument("f: x\n");
        const node = doc.get("f", true) as Scalar;
        node.value = f;
        node.type = type as Scalar["type"];
        const text = doc.toString({ lineWidth, minContentWidth: 4 });
        const parsed = scalar(text);
        if (parsed.value !== f) return; // the style could not hold this text exactly (YAML chose another)
        const map = scalarOffsets(text, parsed);
        expect(map).toBeDefined();
        if (!map) return;
        mapped.set(String(parsed.type), (mapped.get(String(parsed.type)) ?? 0) + 1);
        expect(map).toHaveLength(f.length + 1);
        for (let i = 0; i < f.length; i++) {
          const ch = f[i] as string;
          if (/\s/.test(ch)) continue;
          const at = text[map[i] as number];
          expect(at === ch || (parsed.type === "QUOTE_DOUBLE" && at === "\\")).toBe(true);
        }
        for (let i = 1; i < map.length; i++) expect(map[i] as number).toBeGreaterThan(map[i - 1] as number);
      }),
      { numRuns: 300 },
    );
    // Every style was really exercised, not skipped.
    for (const type of ["PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"])
      expect(mapped.get(type) ?? 0).toBeGreaterThan(10);
  });
});
