import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Location,
  SemanticTokens,
  SemanticTokensDelta,
  WorkspaceEdit,
  WorkspaceSymbol,
} from "vscode-languageserver-protocol";
import { copyTurkistan } from "../support/fixture.js";
import { LspClient, pathOf, uri } from "../support/lsp-client.js";

let client: LspClient;
let root: string;
let remove: () => void;
const file = (rel: string) => join(root, "districts", rel);
const INDUSTRY = "2026.1/blocks/01-industry.yaml";
const APPLICABILITY = "2026.1/tests/applicability.yaml";
/** Line 22 (0-based 21) of 01-industry.yaml: `    formula: ytd(new_facilities)`; the name spans 17..31. */
const IN_FORMULA = { line: 21, character: 20 };
const at = (rel: string, position: { line: number; character: number }) => ({
  textDocument: { uri: uri(file(rel)) },
  position,
});
const where = (l: Location) =>
  `${pathOf(l.uri).slice(join(root, "districts").length + 1)}:${l.range.start.line}:${l.range.start.character}`;

beforeAll(async () => {
  ({ root, remove } = copyTurkistan());
  ({ client } = await LspClient.start([root], { locale: "en" }));
  await client.open(file(INDUSTRY), readFileSync(file(INDUSTRY), "utf8"));
});
afterAll(() => {
  client?.kill();
  remove?.();
});

describe("navigation over stdio", () => {
  it("goes from a field in a formula to its definition in fields.yaml", async () => {
    const locations = await client.request<Location[]>("textDocument/definition", at(INDUSTRY, IN_FORMULA));
    // fields.yaml line 14: `  - id: new_facilities`, the id at characters 8..22.
    expect(locations).toEqual([
      {
        uri: uri(file("2026.1/fields.yaml")),
        range: { start: { line: 13, character: 8 }, end: { line: 13, character: 22 } },
      },
    ]);
  });

  // Each test row is `  - { unit: U, period: P, field: new_facilities, ... }`: the name starts at 6 + 8 + len(U)
  // + 2 + 17 + 7, so at 44 for kentau and sairam, 47 for turkistan.
  it("finds every reference in formulas and rule tests of both versions", async () => {
    const all = await client.request<Location[]>("textDocument/references", {
      ...at(INDUSTRY, IN_FORMULA),
      context: { includeDeclaration: true },
    });
    expect(all.map(where)).toEqual([
      "2025.1/blocks/01-industry.yaml:21:17",
      "2025.1/fields.yaml:13:8",
      "2025.1/tests/own-revenue-for-the-period.yaml:25:47",
      "2025.1/tests/own-revenue-for-the-period.yaml:33:44",
      "2026.1/blocks/01-industry.yaml:21:17",
      "2026.1/fields.yaml:13:8",
      "2026.1/tests/applicability.yaml:27:44",
      "2026.1/tests/applicability.yaml:32:44",
      "2026.1/tests/applicability.yaml:37:47",
      "2026.1/tests/own-revenue-and-new-facilities.yaml:30:47",
      "2026.1/tests/own-revenue-and-new-facilities.yaml:38:44",
    ]);
    const uses = await client.request<Location[]>("textDocument/references", {
      ...at(INDUSTRY, IN_FORMULA),
      context: { includeDeclaration: false },
    });
    expect(uses).toHaveLength(9);
  });

  it("highlights the field's three rows in a rule test", async () => {
    const highlights = await client.request<DocumentHighlight[]>(
      "textDocument/documentHighlight",
      at(APPLICABILITY, { line: 27, character: 50 }),
    );
    expect(highlights.map((h) => [h.range.start.line, h.range.start.character, h.range.end.character, h.kind])).toEqual(
      [
        [27, 44, 58, 2],
        [32, 44, 58, 2],
        [37, 47, 61, 2],
      ],
    );
  });

  it("prepares a rename with the name's range, and renames in every file", async () => {
    const prepared = await client.request<{ range: unknown; placeholder: string }>(
      "textDocument/prepareRename",
      at(INDUSTRY, IN_FORMULA),
    );
    expect(prepared).toEqual({
      range: { start: { line: 21, character: 17 }, end: { line: 21, character: 31 } },
      placeholder: "new_facilities",
    });
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", {
      ...at(INDUSTRY, IN_FORMULA),
      newName: "opened_facilities",
    });
    const changes = edit.changes ?? {};
    expect(
      Object.keys(changes)
        .map((u) => pathOf(u).slice(join(root, "districts").length + 1))
        .sort(),
    ).toEqual([
      "2025.1/blocks/01-industry.yaml",
      "2025.1/fields.yaml",
      "2025.1/tests/own-revenue-for-the-period.yaml",
      "2026.1/blocks/01-industry.yaml",
      "2026.1/fields.yaml",
      "2026.1/tests/applicability.yaml",
      "2026.1/tests/own-revenue-and-new-facilities.yaml",
    ]);
    expect(Object.values(changes).flat()).toHaveLength(11);
    expect(
      Object.values(changes)
        .flat()
        .every((e) => e.newText === "opened_facilities"),
    ).toBe(true);
  });

  it("refuses a rename to a name that is taken, invalid or a word of the language", async () => {
    const refusal = (newName: string) =>
      client.request("textDocument/rename", { ...at(INDUSTRY, IN_FORMULA), newName }).then(
        () => "accepted",
        (e: Error) => e.message,
      );
    expect(await refusal("new_facilities_plan")).toMatch(
      /^`new_facilities_plan` is already the id of a field \(.*fields\.yaml:\d+\); choose another name$/,
    );
    expect(await refusal("new facilities")).toBe(
      "`new facilities` is not a valid field id: an id starts with a letter or _ and has only letters, digits and _ (no spaces or -)",
    );
    expect(await refusal("missing")).toBe(
      "`missing` cannot be the id of a field: it is a word of the formula language",
    );
    expect(await refusal("new_facilities_execution")).toMatch(/already the id of an indicator/);
    const notASymbol = await client
      .request("textDocument/prepareRename", at(INDUSTRY, { line: 21, character: 5 }))
      .then(
        () => "accepted",
        (e: Error) => e.message,
      );
    expect(notASymbol).toBe("only a field, indicator, block or unit id (or a use of one) can be renamed");
  });

  it("applies a rename on disk and the workspace stays free of errors", async () => {
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", {
      ...at(INDUSTRY, IN_FORMULA),
      newName: "opened_facilities",
    });
    const changed: string[] = [];
    for (const [u, edits] of Object.entries(edit.changes ?? {})) {
      const path = pathOf(u);
      let text = readFileSync(path, "utf8");
      const lines = text.split("\n");
      // Apply from the last edit to the first so earlier positions stay valid.
      for (const e of [...edits].sort(
        (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
      )) {
        const line = lines[e.range.start.line] ?? "";
        lines[e.range.start.line] =
          line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
      }
      text = lines.join("\n");
      writeFileSync(path, text);
      if (path === file(INDUSTRY)) await client.replace(path, text, 2);
      else changed.push(path);
    }
    await client.notify("workspace/didChangeWatchedFiles", { changes: changed.map((p) => ({ uri: uri(p), type: 2 })) });
    const definition = await client.request<Location[]>("textDocument/definition", at(INDUSTRY, IN_FORMULA));
    expect(definition.map(where)).toEqual(["2026.1/fields.yaml:13:8"]);
    expect(readFileSync(file("2026.1/fields.yaml"), "utf8")).toContain("  - id: opened_facilities\n");
    // The edited formula may have had an unknown name until fields.yaml was re-read from disk; in the end no
    // file has an error.
    const errors = () => [...client.diagnostics.values()].flat().filter((d) => d.severity === 1);
    await client.until(() => errors().length === 0);
    expect(errors()).toEqual([]);
  });
});

describe("symbols, tokens and folding over stdio", () => {
  it("outlines a block file: the block and its indicators, named in the client's language", async () => {
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", {
      textDocument: { uri: uri(file(INDUSTRY)) },
    });
    expect(symbols).toHaveLength(1);
    const [block] = symbols;
    expect(block).toMatchObject({ name: "industry", detail: "Industrialisation and new production", kind: 3 });
    expect(block?.selectionRange).toEqual({ start: { line: 5, character: 7 }, end: { line: 5, character: 15 } });
    expect(block?.children?.map((c) => c.name)).toHaveLength(9);
    expect(block?.children?.[0]).toMatchObject({
      name: "new_facilities_execution",
      detail: "New production facilities opened against plan",
      kind: 12,
      selectionRange: { start: { line: 15, character: 8 }, end: { line: 15, character: 32 } },
    });
  });

  it("finds workspace symbols fuzzily across rulesets and versions", async () => {
    const symbols = await client.request<WorkspaceSymbol[]>("workspace/symbol", { query: "newfac" });
    expect(symbols.slice(0, 3).map((s) => [s.name, s.kind, s.containerName])).toEqual([
      ["new_facilities_execution", 12, "turkistan-districts 2025.1"],
      ["new_facilities_execution", 12, "turkistan-districts 2026.1"],
      ["new_facilities_plan", 8, "turkistan-districts 2025.1"],
    ]);
    expect(symbols.every((s) => /n.*e.*w.*f.*a.*c/i.test(s.name))).toBe(true);
  });

  it("colours a formula's function and field", async () => {
    const tokens = await client.request<SemanticTokens>("textDocument/semanticTokens/full", {
      textDocument: { uri: uri(file(INDUSTRY)) },
    });
    // Line 22 `    formula: ytd(opened_facilities)` (renamed above): `ytd` at 13 (function, type 0), the field at 17
    // (variable, type 1); then line 29 `      plan: ytd(new_facilities_plan)`: `ytd` at 12, the field at 16.
    expect(tokens.data.slice(0, 20)).toEqual([21, 13, 3, 0, 0, 0, 4, 17, 1, 0, 7, 12, 3, 0, 0, 0, 4, 19, 1, 0]);
  });

  it("colours a range of lines, and answers a delta against the last result", async () => {
    const textDocument = { uri: uri(file(INDUSTRY)) };
    const ranged = await client.request<SemanticTokens>("textDocument/semanticTokens/range", {
      textDocument,
      range: { start: { line: 21, character: 0 }, end: { line: 27, character: 0 } },
    });
    // Only line 22's `ytd` and field; line 29's formula is outside the range.
    expect(ranged.data).toEqual([21, 13, 3, 0, 0, 0, 4, 17, 1, 0]);
    const full = await client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument });
    expect(full.resultId).toBeDefined();
    const delta = await client.request<SemanticTokensDelta>("textDocument/semanticTokens/full/delta", {
      textDocument,
      previousResultId: full.resultId,
    });
    // Nothing changed since: no edits.
    expect(delta.edits).toEqual([]);
    // An unknown previous result: the whole file again.
    const again = await client.request<SemanticTokens>("textDocument/semanticTokens/full/delta", {
      textDocument,
      previousResultId: "unknown",
    });
    expect(again.data).toEqual(full.data);
  });

  it("folds the leading comments, the indicator list and each indicator", async () => {
    const ranges = await client.request<FoldingRange[]>("textDocument/foldingRange", {
      textDocument: { uri: uri(file(INDUSTRY)) },
    });
    const pairs = ranges.map((r) => `${r.startLine}-${r.endLine}`);
    expect(pairs).toContain("0-3");
    expect(pairs).toContain("15-35");
    expect(pairs.some((p) => p.startsWith("13-"))).toBe(true);
  });
});
