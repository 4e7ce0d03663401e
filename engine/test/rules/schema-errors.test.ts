import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { fileKind } from "../../src/rules/file-kind.js";
import { validateFile } from "../../src/rules/schema.js";
import { schemaDiagnostics } from "../../src/rules/schema-errors.js";
import { parseRuleDocument } from "../../src/rules/yaml-document.js";

/** The schema's diagnostics for one file's text, as "CODE line:col message". */
function check(text: string): Diagnostic[] {
  const { document } = parseRuleDocument("f.yaml", text);
  const { kind, diagnostic } = fileKind(document);
  if (!kind) return diagnostic ? [diagnostic] : [];
  return schemaDiagnostics(document, kind, validateFile(kind, document.data));
}

const brief = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`);

const INDICATOR = `block: b
name: { kk: Б }
weight: 10
indicators:
  - id: x
    name: { kk: Икс }
    formula: a / b
    better: higher
    weight: 1
`;

describe("schema errors in plain words, one per mistake", () => {
  test("a typo in a key: one diagnostic, with did-you-mean and a rename fix over the key", () => {
    const ds = check(`${INDICATOR}    score: { method: goalposts, min: 80, mx: 100 }\n`);
    expect(brief(ds)).toEqual(["R101 10:42 unknown key `mx` in `score` of indicator `x`"]);
    expect(ds[0]?.suggestion).toBe("did you mean `max`?");
    expect(ds[0]?.fix?.edits).toEqual([{ file: "f.yaml", range: ds[0]?.range, newText: "max" }]);
  });

  test("an unknown score method: one diagnostic, not one per method", () => {
    const ds = check(`${INDICATOR}    score: { method: goalpost, min: 80, max: 100 }\n`);
    expect(brief(ds)).toEqual([
      "R104 10:22 `goalpost` is not allowed for `method` of `score` of indicator `x`; use achievement, goalposts, minmax, zscore, rank, bands, yesno or formula",
    ]);
    expect(ds[0]?.fix?.edits[0]?.newText).toBe("goalposts");
  });

  test("the chosen method's keys are checked: bands needs its bands", () => {
    const ds = check(`${INDICATOR}    score: { method: bands }\n`);
    expect(brief(ds)).toEqual(["R102 10:5 `score` of indicator `x` has no `bands`"]);
  });

  test("a missing key points at the element's id", () => {
    const ds = check(INDICATOR);
    expect(brief(ds)).toEqual(["R102 5:9 Indicator `x` has no `score`"]);
    expect(ds[0]?.suggestion).toBe("add `score:` (how the value becomes a score from 0 to 1)");
  });

  test("a number in quotes: wrong type, with a fix that removes the quotes", () => {
    const ds = check(INDICATOR.replace("weight: 10", 'weight: "10"'));
    expect(brief(ds)).toContain("R103 3:9 `weight` must be a number, not text (`10`)");
    expect(ds.find((d) => d.code === "R103")?.fix?.edits[0]?.newText).toBe("10");
  });

  test("a version written as a number: put it in quotes, as written", () => {
    const ds = check(
      "ruleset: r\nversion: 2026.10\neffective: { from: 2026-01 }\ntitle: { kk: Т }\nscale: 100\nunit_kinds: [city]\ngrades: [{ id: g, min: 0, label: { kk: Ж } }]\nratings: [{ id: q, title: { kk: Т }, frequency: quarter, blocks: all }]\n",
    );
    expect(brief(ds)).toEqual(["R103 2:10 `version` must be text, not a number (`2026.1`)"]);
    expect(ds[0]?.fix?.edits[0]?.newText).toBe('"2026.10"');
  });

  test("`blocks` takes `all` or a list: a misspelt all, a single id, a number", () => {
    const rating = (blocks: string) =>
      `ruleset: r\nversion: "1"\neffective: { from: 2026-01 }\ntitle: { kk: Т }\nscale: 100\nunit_kinds: [city]\ngrades: [{ id: g, min: 0, label: { kk: Ж } }]\nratings: [{ id: q, title: { kk: Т }, frequency: quarter, blocks: ${blocks} }]\n`;
    expect(brief(check(rating("alll")))).toEqual([
      "R104 8:66 `alll` is not allowed for `blocks` of rating `q`; use `all` or a list",
    ]);
    expect(brief(check(rating("7")))).toEqual([
      "R103 8:66 `blocks` of rating `q` must be `all` or a list, not a number",
    ]);
    expect(brief(check(rating("[economy, 7]")))).toEqual([
      "R103 8:76 Item 2 of `blocks` of rating `q` must be text, not a number (`7`)",
    ]);
  });

  test("a name without Kazakh text: R109", () => {
    const ds = check(INDICATOR.replace("name: { kk: Икс }", "name: { ru: Икс }"));
    expect(brief(ds)).toContain(
      "R109 6:5 `name` of indicator `x` has no Kazakh text (kk); Kazakh is required, Russian and English are optional",
    );
  });

  test("a description may be in any language, but not empty", () => {
    const ok = check(`${INDICATOR}    score: { method: rank }\n    rationale: { en: Why }\n`);
    expect(ok).toEqual([]);
    expect(brief(check(`${INDICATOR}    score: { method: rank }\n    rationale: {}\n`))).toEqual([
      "R106 11:5 `rationale` of indicator `x` must not be empty",
    ]);
  });

  test("a second kind of content in one file: move it to a file of its own", () => {
    const ds = check("units:\n  - { id: a, name: { kk: А }, kind: city }\nfields: []\n");
    expect(brief(ds)).toEqual(["R101 3:1 unknown key `fields` in the units file"]);
    expect(ds[0]?.suggestion).toContain("move `fields` to a file of its own");
  });

  test("a file with no kind key: R100 with a guess", () => {
    const ds = check("blok: b\nindicators: []\n");
    expect(brief(ds)).toEqual([
      "R100 1:1 this file has none of the keys `ruleset`, `units`, `fields`, `block`, `test`, so it is not clear what it holds",
    ]);
    expect(ds[0]?.suggestion).toContain("did you mean `block`?");
  });

  test("an attribute name with a space", () => {
    const ds = check('units:\n  - { id: a, name: { kk: А }, kind: city, attributes: { "farm land": 3 } }\n');
    expect(brief(ds)).toEqual([
      "R105 2:57 `farm land` is not a valid name in `attributes` of unit `a`: a name starts with a letter or _ and has only letters, digits and _",
    ]);
  });
});
