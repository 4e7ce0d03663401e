import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { latinWords } from "../support/latin-words.js";
import { runInProcess } from "../support/run-cli.js";
import { expectGolden } from "./golden.js";

/**
 * The levels in the rating report: the scoring fixture `levels` (core 60 > outer (weight 2, min of inner and
 * ic) > inner (harmonic of ia, ib); core's i_d weight 1; extra 40; every score is field / 100) on three units.
 * By hand: u1 inner = 2 / (1/0.8 + 1/0.4) = 0.533, outer = min(0.533, 0.6) = 0.533, core = (2 x 0.533 +
 * 0.5) / 3 = 0.522; u2 inner = 0.4, outer = min(0.4, 1) = 0.4; u3 inner = 2 / (1/0.6 + 1/0.2) = 0.3,
 * outer = min(0.3, 0.3) = 0.3.
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const GOLDEN = join(import.meta.dirname, "golden", "groups");
const ARGS = [
  "rate",
  "engine/test/scoring/fixtures/levels",
  "--data",
  "engine/test/report/fixtures/levels-2026.csv",
  "--period",
  "2026",
];
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

async function report(lang: string): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "tarazy-report-levels-"));
  temps.push(out);
  const run = await runInProcess([...ARGS, "--lang", lang, "--out", out], ROOT);
  expect(run.code).toBe(0);
  return out;
}

/** The heat-map section of the page. */
function blocksSection(out: string): string {
  const html = readFileSync(join(out, "rating.html"), "utf8");
  const from = html.indexOf('<section id="blocks"');
  return html.slice(from, html.indexOf("</section>", from));
}

async function workbook(out: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(out, "rating.xlsx"));
  return book;
}

describe("levels in the rating report", () => {
  it("drills down from each block into its groups, and from a group into its inner groups, without a script", async () => {
    const section = blocksSection(await report("en"));
    expect(section).not.toContain("<script");
    // core's details holds outer's, which holds inner's; extra has no groups, so no drill-down.
    expect(section.match(/<details class="drill">/g)).toHaveLength(2);
    expect(section).toContain("<summary>Core: groups</summary>");
    expect(section).toContain("<summary>Outer: groups</summary>");
    expect(section).not.toContain("Extra: groups");
    expect(section).toMatch(/title="One, Outer: 0\.533">0\.533</);
    expect(section).toMatch(/title="Three, Inner: 0\.300">0\.300</);
    expectGolden(GOLDEN, "heat-map.en.html", section);
  });

  it.each(["kk", "ru"])("says it all in %s, with no English", async (lang) => {
    const section = blocksSection(await report(lang));
    const text = section.replace(/<[^>]+>/g, " ");
    expect(text).toContain(lang === "kk" ? "Өзек: топтар" : "Ядро: группы");
    expect(latinWords(text)).toEqual([]);
  });

  it("writes a sheet per level of scores (0..1) by unit in the XLSX", async () => {
    const out = await report("en");
    const book = await workbook(out);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Rating",
      "Core",
      "Extra",
      "Level 1",
      "Level 2",
      "Level 3",
      "About",
    ]);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      book.getWorksheet(name)?.eachRow((r) => {
        out.push((r.values as unknown[]).slice(1));
      });
      return out;
    };
    const level1 = rows("Level 1");
    // The helper block aux follows the rating's blocks with its score: u1's gap 0.8 - 0.4 = 0.4 scores
    // (0.4 + 1) / 2 = 0.7 on -1..1, its inner_share 0.533 / 0.522 > 1 scores 1: (0.7 + 1) / 2 = 0.85.
    expect(level1[0]).toEqual(["Period", "Rank", "Id", "Unit", "Core", "Extra", "Helper"]);
    expect(level1[1]?.[6] as number).toBeCloseTo(0.85, 12);
    expect(level1[1]?.slice(0, 4)).toEqual(["2026", 1, "u1", "One"]);
    expect(level1[1]?.[4] as number).toBeCloseTo((2 * (1.6 / 3) + 0.5) / 3, 12);
    expect(rows("Level 2")).toEqual([
      ["Period", "Rank", "Id", "Unit", "Outer"],
      ["2026", 1, "u1", "One", expect.closeTo(1.6 / 3, 12)],
      ["2026", 2, "u2", "Two", expect.closeTo(0.4, 12)],
      ["2026", 3, "u3", "Three", expect.closeTo(0.3, 12)],
    ]);
    expect(rows("Level 3").map((r) => r[4])).toEqual([
      "Inner",
      expect.closeTo(1.6 / 3, 12),
      0.4,
      expect.closeTo(0.3, 12),
    ]);
    const cell = book.getWorksheet("Level 3")?.getRow(2).getCell(5);
    expect(cell?.numFmt).toBe("0.000");
    expect(cell?.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    const kk = await workbook(await report("kk"));
    expect(kk.worksheets.map((w) => w.name).slice(3, 6)).toEqual(["1-деңгей", "2-деңгей", "3-деңгей"]);
  });

  it("shows the levels of helper blocks too: the gallery's GDI, whose female and male HDIs are helpers", async () => {
    const out = mkdtempSync(join(tmpdir(), "tarazy-report-levels-"));
    temps.push(out);
    const args = ["rate", "rules/examples/gdi", "--period", "2022", "--data", "rules/examples/gdi/data"];
    expect((await runInProcess([...args, "--lang", "en", "--out", out], ROOT)).code).toBe(0);
    expect(blocksSection(out).match(/<summary>[^<]*<\/summary>/g)).toEqual([
      "<summary>Human Development Index (female): groups</summary>",
      "<summary>Human Development Index (male): groups</summary>",
    ]);
    const level2 = (await workbook(out)).getWorksheet("Level 2")?.getRow(1).values as unknown[];
    expect(level2.slice(5)).toEqual([
      "Long and healthy life (female)",
      "Knowledge (female)",
      "A decent standard of living (female)",
      "Long and healthy life (male)",
      "Knowledge (male)",
      "A decent standard of living (male)",
    ]);
  });
});
