import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Expr } from "../../engine/src/formula/ast.js";
import { formulaAt } from "../../engine/src/rules/formula-source.js";
import { parseRuleDocument } from "../../engine/src/rules/yaml-document.js";
import { SourceText } from "../../engine/src/source/range.js";
import { toLspRange, toOffset } from "../src/positions.js";

/** Every name of a formula written under `formula:` in `yaml`, with its LSP range. */
function namesIn(yaml: string) {
  const { document } = parseRuleDocument("/x/f.yaml", yaml);
  const { formula } = formulaAt(document, "/formula");
  const names: { name: string; range: ReturnType<typeof toLspRange> }[] = [];
  const walk = (e: Expr | undefined): void => {
    if (!e) return;
    if (e.kind === "identifier") names.push({ name: e.name, range: toLspRange(e.range) });
    if (e.kind === "unary") walk(e.operand);
    if (e.kind === "binary") {
      walk(e.left);
      walk(e.right);
    }
    if (e.kind === "call") for (const a of e.args) walk(a);
  };
  walk(formula?.ast);
  return names;
}

/** The text an LSP client sees at a range (its own UTF-16 line/character arithmetic). */
function seenByClient(yaml: string, range: ReturnType<typeof toLspRange>): string {
  const doc = TextDocument.create("file:///x/f.yaml", "yaml", 1, yaml);
  return yaml.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

describe("engine ranges inside YAML scalars, as LSP positions", () => {
  const cases: [string, string][] = [
    ["plain", "formula: alpha + beta\n"],
    ["plain folded over lines", "formula: alpha +\n  beta\n"],
    ["single-quoted with a doubled quote", "formula: 'if(alpha, ''x'', beta)'\n"],
    ["double-quoted with escapes before the names", 'formula: "if(\\t alpha > 0, \\"ок\\", beta)"\n'],
    ["double-quoted with an escaped line break", 'formula: "alpha + \\\n    beta"\n'],
    ["block literal", "formula: |\n  alpha\n  + beta\n"],
    ["block literal with an indentation indicator", "formula: |2\n    alpha\n    + beta\n"],
    ["block folded, stripped", "formula: >-\n  alpha +\n  beta\n"],
    ["CRLF line ends", "# a comment\r\nformula: |\r\n  alpha\r\n  + beta\r\n"],
    ["non-BMP characters before the names on their line", 'formula: if(len("😀𝔸") > 0, alpha, beta)\n'],
    ["Kazakh names", "formula: қаржы + өнім\n"],
    ["non-BMP in a block scalar", 'formula: |\n  if("🇰🇿" = "🇰🇿", alpha,\n     beta)\n'],
  ];
  for (const [style, yaml] of cases)
    it(style, () => {
      const names = namesIn(yaml);
      expect(names.length).toBeGreaterThanOrEqual(2);
      for (const { name, range } of names) expect(seenByClient(yaml, range)).toBe(name);
    });

  it("holds for any mix of line ends, indentation, comments and wide characters", () => {
    const wide = fc.constantFrom("", "😀", "𝔸", "ә", "қ", "🇰🇿");
    fc.assert(
      fc.property(
        fc.constantFrom("\n", "\r\n"),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom("|", "|-", "|+", ">", ">-"),
        wide,
        wide,
        (eol, indent, header, a, b) => {
          const pad = " ".repeat(indent);
          const yaml = [
            `# ${a}${b}`,
            `formula: ${header}`,
            `${pad}if(len("${a}") > 0,`,
            `${pad}  alpha, "${b}" = beta)`,
            "",
          ].join(eol);
          const names = namesIn(yaml);
          expect(names.map((n) => n.name)).toEqual(["alpha", "beta"]);
          for (const { name, range } of names) expect(seenByClient(yaml, range)).toBe(name);
        },
      ),
    );
  });
});

describe("toOffset", () => {
  const text = "ab\r\nс😀d\nlast";
  const source = new SourceText(text);
  it("counts UTF-16 code units on a line and lines from 0, across CRLF", () => {
    expect(toOffset(source, { line: 0, character: 1 })).toBe(1);
    expect(toOffset(source, { line: 1, character: 0 })).toBe(4);
    expect(toOffset(source, { line: 1, character: 3 })).toBe(7);
    expect(text.slice(toOffset(source, { line: 1, character: 3 }))).toMatch(/^d/);
  });
  it("clamps a character past the line's end to the end, before the line break", () => {
    expect(toOffset(source, { line: 0, character: 99 })).toBe(2);
    expect(toOffset(source, { line: 1, character: 99 })).toBe(8);
    expect(toOffset(source, { line: 2, character: 99 })).toBe(text.length);
  });
  it("gives the end of the text for a line past the last", () => {
    expect(toOffset(source, { line: 9, character: 0 })).toBe(text.length);
  });
  it("agrees with the client's own arithmetic everywhere", () => {
    const doc = TextDocument.create("file:///t", "yaml", 1, text);
    for (let line = 0; line < 3; line++)
      for (let character = 0; character < 8; character++)
        expect(toOffset(source, { line, character })).toBe(doc.offsetAt({ line, character }));
  });
});
