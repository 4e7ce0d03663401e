import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Workspace } from "../../src/workspace/build.js";
import { applyEdits } from "../../src/workspace/code-actions.js";
import { planRename } from "../../src/workspace/rename.js";

const TURKISTAN = fileURLToPath(new URL("../../../rules/turkistan/", import.meta.url));

/** A copy of the districts family that a test may change on disk. */
let root: string;
let districts: string;
const file = (rel: string) => join(districts, rel);
const codes = (w: Workspace, path: string) => w.diagnosticsOf(path).map((d) => d.code);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "tarazy-workspace-"));
  districts = join(root, "districts");
  cpSync(join(TURKISTAN, "districts"), districts, { recursive: true, filter: (p) => !p.includes("sample-data") });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("Workspace", () => {
  it("loads every ruleset and version of the workspace folders, and the Turkistan rules are clean", () => {
    const w = new Workspace([TURKISTAN]);
    w.build();
    expect(w.allVersions().map((v) => [v.folder.slice(TURKISTAN.length), v.family?.slice(TURKISTAN.length)])).toEqual([
      ["departments/2026.1", "departments"],
      ["districts/2025.1", "districts"],
      ["districts/2026.1", "districts"],
      ["procurement/2026.1", "procurement"],
    ]);
    expect(w.filesWithDiagnostics()).toEqual([]);
  });

  it("checks an unsaved buffer instead of the disk, at the exact place in the YAML", () => {
    const w = new Workspace([root]);
    w.build();
    const industry = file("2026.1/blocks/01-industry.yaml");
    const text = readFileSync(industry, "utf8").replace("ytd(new_facilities)", "ytd(new_facilitiez)");
    w.change(industry, text, 2);
    expect(w.build()).toContain(industry);
    const [d] = w.diagnosticsOf(industry);
    expect(d?.code).toBe("F200");
    expect(d?.range.start).toEqual({ offset: 816, line: 22, column: 18 });
    expect(text.slice(816, 830)).toBe("new_facilitiez");
    // Closing the buffer without saving: the disk's text counts again.
    w.close(industry);
    w.build();
    expect(w.diagnosticsOf(industry)).toEqual([]);
  });

  it("re-checks only the edited file's version and re-parses only the edited file", () => {
    const w = new Workspace([root]);
    w.build();
    const [old2025, old2026] = w.allVersions();
    const fields = file("2026.1/fields.yaml");
    const fieldsDoc = w.documentOf(fields);
    const industry = file("2026.1/blocks/01-industry.yaml");
    w.change(industry, `${readFileSync(industry, "utf8")}\n# a comment\n`, 2);
    const affected = w.build();
    expect(affected.every((f) => f.startsWith(join(districts, "2026.1")))).toBe(true);
    const [new2025, new2026] = w.allVersions();
    expect(new2025).toBe(old2025);
    expect(new2026).not.toBe(old2026);
    expect(w.documentOf(fields)).toBe(fieldsDoc);
    // The formulas of the files not edited are not parsed again either.
    const economy = file("2026.1/blocks/02-economy.yaml");
    const sourcesOf = (v: typeof old2026) =>
      v?.result.formulas.filter((f) => f.source.at.file === economy).map((f) => f.source) ?? [];
    expect(sourcesOf(new2026).length).toBeGreaterThan(0);
    expect(sourcesOf(new2026)).toEqual(sourcesOf(old2026));
    const oldSources = sourcesOf(old2026);
    for (const [i, source] of sourcesOf(new2026).entries()) expect(source).toBe(oldSources[i]);
    expect(w.documentOf(industry)).not.toBe(old2026?.result.documents.find((d) => d.file === industry));
  });

  it("opening a file as it is on disk re-checks nothing", () => {
    const w = new Workspace([root]);
    w.build();
    const before = w.versionOf(file("2026.1/ruleset.yaml"));
    const industry = file("2026.1/blocks/01-industry.yaml");
    w.change(industry, readFileSync(industry, "utf8"), 1);
    expect(w.build()).toEqual([]);
    expect(w.versionOf(industry)).toBe(before);
  });

  it("re-checks only the rule tests when a rule test changes, and nothing for a data file", () => {
    const w = new Workspace([root]);
    w.build();
    const before = w.versionOf(file("2026.1/ruleset.yaml"));
    const test = file("2026.1/tests/applicability.yaml");
    w.change(test, readFileSync(test, "utf8").replace("test: ", "tset: "), 2);
    expect(w.build()).toContain(test);
    const after = w.versionOf(file("2026.1/ruleset.yaml"));
    expect(after?.result).toBe(before?.result);
    expect(after?.tests).not.toBe(before?.tests);
    expect(codes(w, test).length).toBeGreaterThan(0);
    w.filesChanged([file("2026.1/notes.csv")]);
    expect(w.build()).toEqual([]);
    expect(w.versionOf(file("2026.1/ruleset.yaml"))).toBe(after);
  });

  it("a broken file does not hide the diagnostics of the others", () => {
    const w = new Workspace([root]);
    w.build();
    const industry = file("2026.1/blocks/01-industry.yaml");
    const economy = file("2026.1/blocks/02-economy.yaml");
    w.change(industry, readFileSync(industry, "utf8").replace("formula: ytd(new_facilities)", 'formula: "ytd('), 2);
    const economyText = readFileSync(economy, "utf8");
    const formula = /formula: (\w+)\(/.exec(economyText);
    expect(formula).not.toBeNull();
    w.change(economy, economyText.replace(formula?.[0] ?? "", `formula: ${formula?.[1]}x(`), 2);
    w.build();
    expect(codes(w, industry)).toContain("R010");
    expect(codes(w, economy)).toContain("F201");
  });

  it("picks up files changed on disk once told, and version folders that appear or go", () => {
    const w = new Workspace([root]);
    w.build();
    const fields = file("2026.1/fields.yaml");
    writeFileSync(fields, readFileSync(fields, "utf8").replace("- id: new_facilities\n", "- id: new_facility\n"));
    w.build();
    expect(w.diagnosticsOf(file("2026.1/blocks/01-industry.yaml"))).toEqual([]);
    w.filesChanged([fields]);
    expect(codes(w, file("2026.1/blocks/01-industry.yaml"))).toEqual([]);
    w.build();
    expect(codes(w, file("2026.1/blocks/01-industry.yaml"))).toEqual(["F200"]);

    cpSync(file("2026.1"), file("2027.1"), { recursive: true });
    w.filesChanged([file("2027.1/ruleset.yaml")]);
    w.build();
    expect(w.allVersions().map((v) => v.folder)).toEqual([file("2025.1"), file("2026.1"), file("2027.1")]);
    // 2027.1 is a copy: same version id and effective period as 2026.1, which the family check reports.
    expect(codes(w, file("2027.1/ruleset.yaml"))).toContain("R400");

    rmSync(file("2027.1"), { recursive: true });
    w.filesChanged([file("2027.1/ruleset.yaml")]);
    w.build();
    expect(w.allVersions().map((v) => v.folder)).toEqual([file("2025.1"), file("2026.1")]);
    expect(w.diagnosticsOf(file("2027.1/ruleset.yaml"))).toEqual([]);
  });

  it("checks an open rule file outside every ruleset on its own", () => {
    const w = new Workspace([root]);
    w.build();
    const loose = join(root, "scratch.yaml");
    w.change(loose, "fields:\n  - id: x\n    measure: 12\n", 1);
    w.build();
    expect(codes(w, loose).length).toBeGreaterThan(0);
    w.close(loose);
    w.build();
    expect(w.diagnosticsOf(loose)).toEqual([]);
  });
});

describe("SymbolIndex", () => {
  it("finds a field's definitions and every reference, in formulas and rule tests, across versions", () => {
    const w = new Workspace([root]);
    w.build();
    const industry = file("2026.1/blocks/01-industry.yaml");
    const text = readFileSync(industry, "utf8");
    const at = w.index.at(industry, text.indexOf("new_facilities)") + 3);
    expect(at).toMatchObject({ kind: "field", name: "new_facilities", role: "reference", where: "formula" });
    if (!at) return;
    const [definition, ...others] = w.index.definitionsOf(at);
    expect(others).toEqual([]);
    expect(definition).toMatchObject({ file: file("2026.1/fields.yaml"), role: "definition" });
    expect(definition?.range.start).toMatchObject({ line: 14, column: 9 });
    const all = w.index.occurrencesOf(at);
    const where = all.map((o) => `${o.file.slice(districts.length + 1)}:${o.range.start.line}:${o.role}`);
    expect(where).toEqual([
      "2025.1/blocks/01-industry.yaml:22:reference",
      "2025.1/fields.yaml:14:definition",
      "2025.1/tests/own-revenue-for-the-period.yaml:26:reference",
      "2025.1/tests/own-revenue-for-the-period.yaml:34:reference",
      "2026.1/blocks/01-industry.yaml:22:reference",
      "2026.1/fields.yaml:14:definition",
      "2026.1/tests/applicability.yaml:28:reference",
      "2026.1/tests/applicability.yaml:33:reference",
      "2026.1/tests/applicability.yaml:38:reference",
      "2026.1/tests/own-revenue-and-new-facilities.yaml:31:reference",
      "2026.1/tests/own-revenue-and-new-facilities.yaml:39:reference",
    ]);
    for (const o of all)
      expect(readFileSync(o.file, "utf8").slice(o.range.start.offset, o.range.end.offset)).toBe("new_facilities");
  });

  it("indexes indicators inside groups as definitions, and a formula's reference to one", () => {
    const gdi = fileURLToPath(new URL("../../../rules/examples/gdi/", import.meta.url));
    const w = new Workspace([gdi]);
    w.build();
    const nested = w.index
      .definitions()
      .find((o) => o.kind === "indicator" && o.name === "life_expectancy_index_female");
    expect(nested?.file).toBe(join(gdi, "2022.1/blocks/01-hdi-female.yaml"));
    const ratio = join(gdi, "2022.1/blocks/03-gdi.yaml");
    const text = readFileSync(ratio, "utf8").replace(
      "score(hdi_female) / score(hdi_male)",
      "life_expectancy_index_female / score(hdi_male)",
    );
    w.change(ratio, text, 2);
    w.build();
    const at = w.index.at(ratio, text.indexOf("life_expectancy_index_female") + 2);
    expect(at).toMatchObject({ kind: "indicator", role: "reference", where: "formula" });
    if (!at) return;
    expect(w.index.definitionsOf(at).map((o) => o.file)).toEqual([nested?.file]);
  });

  it("indexes score(x) as a reference to block or indicator x, also in a level's own formula; rename keeps them", () => {
    /** Renames the symbol that `find` ends in, in `path`, and writes the edits to disk to be read again. */
    const rename = (w: Workspace, path: string, find: string, to: string) => {
      // The cursor on the name: the end of `find`.
      const plan = planRename(w, path, readFileSync(path, "utf8").indexOf(find) + find.length - 1, to);
      if ("refused" in plan) throw new Error(plan.refused);
      const byFile = new Map<string, typeof plan.edits>();
      for (const e of plan.edits) byFile.set(e.file ?? path, [...(byFile.get(e.file ?? path) ?? []), e]);
      for (const [f, edits] of byFile) {
        const text = readFileSync(f, "utf8");
        const offsets = edits.map((e) => ({
          start: e.range.start.offset,
          end: e.range.end.offset,
          newText: e.newText,
        }));
        writeFileSync(f, applyEdits(text, offsets));
      }
      return [...byFile.keys()].map((f) => f.slice(f.indexOf("/blocks/") + 1));
    };
    // The GDI reads its helper blocks' scores: score(hdi_female) names the block, and renaming the block
    // renames it there too (before, the formula kept the old name: F200).
    const gdi = join(root, "gdi");
    cpSync(fileURLToPath(new URL("../../../rules/examples/gdi/", import.meta.url)), gdi, { recursive: true });
    const ratio = join(gdi, "2022.1/blocks/03-gdi.yaml");
    let w = new Workspace([gdi]);
    w.build();
    const text = readFileSync(ratio, "utf8");
    const at = w.index.at(ratio, text.indexOf("score(hdi_female)") + "score(".length + 2);
    expect(at).toMatchObject({ kind: "block", name: "hdi_female", role: "reference", where: "formula" });
    if (!at) return;
    expect(text.slice(at.range.start.offset, at.range.end.offset)).toBe("hdi_female");
    expect(w.index.definitionsOf(at).map((o) => o.file)).toEqual([join(gdi, "2022.1/blocks/01-hdi-female.yaml")]);
    const female = join(gdi, "2022.1/blocks/01-hdi-female.yaml");
    expect(rename(w, female, "block: hdi_female", "hdi_f")).toContain("blocks/03-gdi.yaml");
    expect(readFileSync(ratio, "utf8")).toContain("score(hdi_f) / score(hdi_male)");
    w = new Workspace([gdi]);
    w.build();
    expect(w.filesWithDiagnostics()).toEqual([]);
    // A block scored by its own formula over its members: score(tax_receipts_execution) there is a reference
    // to the indicator, and renaming the indicator renames it in the level's formula.
    const revenue = file("2026.1/blocks/03-revenue.yaml");
    const level = "aggregation: formula\nformula: 1 - score( tax_receipts_execution ) / 2\n";
    writeFileSync(revenue, readFileSync(revenue, "utf8").replace("aggregation: arithmetic\n", level));
    w = new Workspace([root]);
    w.build();
    expect(w.diagnosticsOf(revenue)).toEqual([]);
    const inLevel = readFileSync(revenue, "utf8").indexOf("score( tax_receipts_execution )") + 9;
    expect(w.index.at(revenue, inLevel)).toMatchObject({ kind: "indicator", name: "tax_receipts_execution" });
    rename(w, revenue, "id: tax_receipts_execution", "tax_execution");
    expect(readFileSync(revenue, "utf8")).toContain("formula: 1 - score( tax_execution ) / 2");
    w = new Workspace([root]);
    w.build();
    expect(w.diagnosticsOf(revenue)).toEqual([]);
  });

  it("indexes blocks named by ratings and units named by applicability and tests", () => {
    const w = new Workspace([root]);
    w.build();
    // The monthly `economy` rating names the economy block.
    const block = w.index
      .definitions()
      .find((o) => o.kind === "block" && o.name === "economy" && o.version === file("2026.1"));
    expect(block).toBeDefined();
    if (!block) return;
    const refs = w.index.occurrencesOf(block).filter((o) => o.version === file("2026.1") && o.role === "reference");
    expect(refs.some((o) => o.file === file("2026.1/ruleset.yaml"))).toBe(true);
    const kentau = w.index
      .definitions()
      .find((o) => o.kind === "unit" && o.name === "kentau" && o.version === file("2026.1"));
    expect(kentau).toBeDefined();
    if (!kentau) return;
    const kentauRefs = w.index.occurrencesOf(kentau).filter((o) => o.version === file("2026.1"));
    expect(kentauRefs.filter((o) => o.where === "test").length).toBeGreaterThan(5);
  });
});
