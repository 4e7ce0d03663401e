import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { stringify } from "yaml";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadRuleset } from "../../src/rules/load.js";
import { SourceText } from "../../src/source/range.js";
import { MINI_2026 } from "./helpers.js";

/**
 * Whatever a file holds, the loader answers with diagnostics, never an exception or a hang, and every
 * diagnostic points inside the file it names.
 */
const FILES = ["ruleset.yaml", "units.yaml", "fields.yaml", "blocks/01-economy.yaml", "blocks/02-social.yaml"];
const original = new Map(FILES.map((f) => [f, readFileSync(join(MINI_2026, f), "utf8")]));

function loadWith(file: string, text: string) {
  const path = join(MINI_2026, file);
  return loadRuleset(MINI_2026, { readFile: (p) => (p === path ? text : undefined) });
}

function expectInside(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  for (const d of diagnostics) {
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.code).toMatch(/^[A-Z]\d{3}$/);
    const text = d.file === undefined ? undefined : texts.get(d.file);
    if (text === undefined) continue;
    const source = new SourceText(text);
    for (const range of [
      d.range,
      ...(d.related ?? []).filter((r) => (r.file ?? d.file) === d.file).map((r) => r.range),
    ]) {
      expect(range.start.offset).toBeGreaterThanOrEqual(0);
      expect(range.end.offset).toBeLessThanOrEqual(text.length);
      expect(range.start.offset).toBeLessThanOrEqual(range.end.offset);
      expect(source.position(range.start.offset)).toEqual(range.start);
    }
  }
}

function texts(file: string, text: string): Map<string, string> {
  const all = new Map([...original].map(([f, t]) => [join(MINI_2026, f), t]));
  all.set(join(MINI_2026, file), text);
  return all;
}

const yamlish = fc.constantFrom(
  ":",
  ": ",
  "-",
  "- ",
  "{",
  "}",
  "[",
  "]",
  '"',
  "'",
  "#",
  "&a",
  "*a",
  "|",
  ">",
  "\t",
  "\n",
  " ",
  "  ",
  "---",
  "!!str",
  "?",
  ",",
  "\\",
  "x",
  "id",
  "1",
  "0.5",
  "ә",
  "😀",
  "\r\n",
  "%",
  "@",
  "`",
);
const file = fc.constantFrom(...FILES);

describe("the loader never crashes (fast-check, bounded runs)", () => {
  test("random YAML values in any file", () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    const keyed = fc.record({
      block: fc.string(),
      indicators: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(file, fc.oneof(value, keyed), (f, v) => {
        const text = stringify(v);
        const result = loadWith(f, text);
        expectInside(result.diagnostics, texts(f, text));
      }),
      { numRuns: 150 },
    );
  });

  test("random edits of a valid ruleset: deletions and YAML-significant insertions", () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 12 }),
      insert: fc.array(yamlish, { maxLength: 4 }).map((parts) => parts.join("")),
    });
    fc.assert(
      fc.property(file, fc.array(edit, { minLength: 1, maxLength: 4 }), (f, edits) => {
        let text = original.get(f) ?? "";
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        }
        const result = loadWith(f, text);
        expectInside(result.diagnostics, texts(f, text));
        // A model is always built, so the editor keeps completion while the file is broken.
        expect(result.model).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  test("random text, including control characters and lone surrogates", () => {
    fc.assert(
      fc.property(file, fc.string({ unit: "binary", maxLength: 200 }), (f, text) => {
        const result = loadWith(f, text);
        expectInside(result.diagnostics, texts(f, text));
      }),
      { numRuns: 150 },
    );
  });
});
