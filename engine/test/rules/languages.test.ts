import { rmSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import type { Field, Indicator } from "../../src/model/ruleset.js";
import { localizeMeasure } from "../../src/report/labels.js";
import type { loadRuleset } from "../../src/rules/load.js";
import { loadEditedMini } from "./helpers.js";

/**
 * Declared languages (ruleset.yaml `languages`) and the R350 warning, and units of measure named in each
 * language (`measures`, or { kk, ru, en } in place). The mini ruleset has Kazakh and English everywhere and
 * no Russian, which makes the expectations short.
 */
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const edited = (edits: Record<string, [string, string][]>) => loadEditedMini(temporary, edits);

const EFFECTIVE = "effective: { from: 2026-01 }\n";
const MEASURES = "measures:\n  mln KZT: { kk: млн теңге, en: mln KZT }\n  count: { kk: бірлік }\n";

/** Every kind of gap once: a table entry, a measure the table lacks, a note, a measure written in place. */
const GAPS: Record<string, [string, string][]> = {
  "ruleset.yaml": [[EFFECTIVE, `${EFFECTIVE}${MEASURES}`]],
  "blocks/01-economy.yaml": [
    [
      "    score: { method: goalposts, min: 80, max: 100 }\n",
      "    score: { method: goalposts, min: 80, max: 100 }\n    rationale: { en: Own revenues are a priority }\n",
    ],
    ["    better: higher\n    weight: 1\n", "    measure: { kk: жұмыс орны }\n    better: higher\n    weight: 1\n"],
  ],
};

const r350 = (r: ReturnType<typeof loadRuleset>) =>
  r.diagnostics
    .filter((d) => d.code === "R350")
    .map((d) => `${d.file?.split("2026.1/")[1]}:${d.range.start.line}:${d.range.start.column} ${d.message}`);

describe("declared languages (R350)", () => {
  test("a ruleset that declares no languages is not checked, however few its texts", () => {
    const r = edited(GAPS);
    expect(r.ruleset?.languages).toBeUndefined();
    expect(r350(r)).toEqual([]);
  });

  test("each text that lacks a declared language is reported once, where it is written", () => {
    const r = edited({
      ...GAPS,
      "ruleset.yaml": [[EFFECTIVE, `${EFFECTIVE}languages: [kk, en]\n${MEASURES}`]],
    });
    expect(r.ruleset?.languages).toEqual(["kk", "en"]);
    expect(r350(r)).toEqual([
      "blocks/01-economy.yaml:14:5 the rationale of indicator `revenue_execution` has no Kazakh (kk) text, though the ruleset declares the languages kk, en",
      "blocks/01-economy.yaml:19:5 the unit of measure of indicator `jobs_per_1000` has no English (en) text, though the ruleset declares the languages kk, en",
      // t/ha: not named by `measures`, and it has letters; "%" has none and needs no names.
      "fields.yaml:26:14 the unit of measure of field `harvest`, `t/ha`, has no Kazakh (kk) or English (en) text, though the ruleset declares the languages kk, en",
      // `count` is used twice but reported once, at its entry in the table.
      "ruleset.yaml:9:3 the unit of measure `count` in `measures` has no English (en) text, though the ruleset declares the languages kk, en",
    ]);
    const table = r.diagnostics.find((d) => d.code === "R350" && d.message.includes("`count`"));
    expect(table?.severity).toBe("warning");
    expect(table?.suggestion).toBe("add en: to it");
  });

  test("declaring Russian too reports every name, title and label without it", () => {
    const r = edited({ "ruleset.yaml": [[EFFECTIVE, `${EFFECTIVE}languages: [kk, ru, en]\n`]] });
    const lines = r350(r);
    // The mini ruleset: 3 grades, 2 ratings, 3 units, 5 fields, 2 blocks and 4 indicators lack ru (the title
    // has it); the measures mln KZT (twice), count and t/ha have no names at all.
    expect(lines.filter((l) => l.includes("has no Russian (ru) text"))).toHaveLength(19);
    expect(lines).toContain(
      "ruleset.yaml:15:45 the label of grade `green` has no Russian (ru) text, though the ruleset declares the languages kk, ru, en",
    );
    expect(lines.filter((l) => l.includes("`mln KZT`, has no"))).toHaveLength(2);
    expect(lines.filter((l) => l.includes("`count`, has no"))).toHaveLength(1);
    expect(lines).toHaveLength(23);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("languages must be kk, ru or en, each once", () => {
    const r = edited({ "ruleset.yaml": [[EFFECTIVE, `${EFFECTIVE}languages: [kk, de]\n`]] });
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code.slice(0, 2), d.range.start.line])).toEqual([["R1", 6]]);
    expect(r350(r)).toEqual([]);
  });
});

describe("units of measure in each language", () => {
  test("a text is named by the table, a mapping in place names itself, anything else is shown as written", () => {
    const r = edited(GAPS);
    const ruleset = r.ruleset;
    if (!ruleset) throw new Error("not loaded");
    const field = (id: string): Field => ruleset.fields.find((f) => f.id === id) as Field;
    const indicator = (id: string): Indicator =>
      ruleset.blocks.flatMap((b) => b.indicators).find((i) => i.id === id) as Indicator;
    expect(field("revenue").measure).toBe("mln KZT");
    expect(localizeMeasure(field("revenue"), "kk")).toBe("млн теңге");
    expect(localizeMeasure(field("revenue"), "en")).toBe("mln KZT");
    // No Russian name: the text as written, not another language's name.
    expect(localizeMeasure(field("revenue"), "ru")).toBe("mln KZT");
    expect(localizeMeasure(field("jobs"), "kk")).toBe("бірлік");
    expect(localizeMeasure(field("jobs"), "en")).toBe("count");
    expect(localizeMeasure(field("harvest"), "kk")).toBe("t/ha");
    expect(localizeMeasure(field("schools_ready"), "ru")).toBe("%");
    expect(indicator("jobs_per_1000").measure).toBe("жұмыс орны");
    expect(localizeMeasure(indicator("jobs_per_1000"), "kk")).toBe("жұмыс орны");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("a measure mapping needs Kazakh and no other keys, as names do", () => {
    const r = edited({
      "fields.yaml": [["    measure: t/ha\n", "    measure: { ru: т/га, de: t/ha }\n"]],
    });
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((d) => d.code.startsWith("R1") && d.file?.endsWith("fields.yaml"))).toBe(true);
    expect(errors.every((d) => d.range.start.line === 26)).toBe(true);
  });
});
