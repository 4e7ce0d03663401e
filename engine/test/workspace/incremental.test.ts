import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Workspace } from "../../src/workspace/build.js";
import { workspaceSnapshot } from "./snapshot.js";

const TURKISTAN = fileURLToPath(new URL("../../../rules/turkistan/", import.meta.url));

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "tarazy-incremental-"));
  cpSync(join(TURKISTAN, "districts"), join(root, "districts"), {
    recursive: true,
    filter: (p) => !p.includes("sample-data"),
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const at = (rel: string) => join(root, "districts/2026.1", rel);
const INDUSTRY = "blocks/01-industry.yaml";
const ECONOMY = "blocks/02-economy.yaml";
const FIELDS = "fields.yaml";

/** One edit of a buffer: the file and how its current text becomes the new one (each must change the text). */
const EDITS: readonly [string, string, (text: string) => string][] = [
  ["a name in a formula misspelt", INDUSTRY, (t) => t.replace("ytd(new_facilities)", "ytd(new_facilitiez)")],
  ["and fixed again", INDUSTRY, (t) => t.replace("ytd(new_facilitiez)", "ytd(new_facilities)")],
  ["a field renamed where it is declared", FIELDS, (t) => t.replace("- id: new_facilities\n", "- id: new_plants\n")],
  ["a field's names changed (hover reads them)", FIELDS, (t) => t.replace("en: New production", "en: Newly opened")],
  [
    "an indicator's score made yes/no",
    ECONOMY,
    (t) => t.replace("score: { method: goalposts, min: 98, max: 112 }", "score: { method: yesno }"),
  ],
  ["a formula reading another indicator", ECONOMY, (t) => t.replace(/formula: .*/, "formula: kei + investment_growth")],
  ["a schema error", INDUSTRY, (t) => t.replace("weight: 20", 'weight: "twenty"')],
  ["an unclosed quote", ECONOMY, (t) => t.replace("formula: kei + investment_growth", 'formula: "kei +')],
  ["the field declared again", FIELDS, (t) => t.replace("- id: new_plants\n", "- id: new_facilities\n")],
  ["the economy block restored", ECONOMY, () => readFileSync(join(TURKISTAN, "districts/2026.1", ECONOMY), "utf8")],
];

describe("Workspace re-checks after edits", () => {
  it("give exactly what a fresh load of the same buffers gives, edit after edit", () => {
    const w = new Workspace([root]);
    w.build();
    const buffers = new Map<string, string>();
    const seen: string[][] = [];
    EDITS.forEach(([what, rel, edit], i) => {
      const file = at(rel);
      const before = buffers.get(file) ?? readFileSync(file, "utf8");
      const after = edit(before);
      expect(after, what).not.toBe(before);
      buffers.set(file, after);
      w.change(file, after, i + 1);
      w.build();
      const fresh = new Workspace([root]);
      for (const [f, text] of buffers) fresh.change(f, text, 1);
      fresh.build();
      expect(workspaceSnapshot(w, root), what).toEqual(workspaceSnapshot(fresh, root));
      seen.push(w.filesWithDiagnostics().flatMap((f) => w.diagnosticsOf(f).map((d) => d.code)));
    });
    // The edits were seen: the misspelt and the renamed field unknown (F200), the schema error, the syntax error.
    expect(seen[0]).toContain("F200");
    expect(seen[1]).toEqual([]);
    expect(seen[2]).toContain("F200");
    expect(seen[6]).toContain("R103");
    expect(seen[7]).toContain("R010");
  });
});
