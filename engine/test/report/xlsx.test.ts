import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReportView } from "../../src/report/view.js";
import { ratingXlsx, sheetName } from "../../src/report/xlsx.js";
import { fixtureDataFiles, fixtureRuleset, q1, q2 } from "./fixture.js";

let wb: ExcelJS.Workbook;

beforeAll(async () => {
  const view = buildReportView({ ruleset: fixtureRuleset, results: [q2, q1], lang: "ru", dataFiles: fixtureDataFiles });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await ratingXlsx(view)) as unknown as ExcelJS.Buffer);
});

function sheet(name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; sheets: ${wb.worksheets.map((w) => w.name).join(", ")}`);
  return ws;
}

describe("rating.xlsx read back", () => {
  it("has a summary sheet, a sheet per block and an About sheet, named in the language", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Рейтинг",
      "Экономика",
      "Государственное управление",
      "Об отчёте",
    ]);
  });

  it("stores totals and block points unrounded, shown with two decimals", () => {
    const ws = sheet("Рейтинг");
    const header = ws.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual([
      "Период",
      "Место",
      "Изменение",
      "Код",
      "Объект оценки",
      "Итоговый балл",
      "Зона",
      "Данные",
      "0 без данных",
      "Экономика",
      "Государственное управление",
    ]);
    // Rows 2-5: 2026-Q1, rows 6-9: 2026-Q2 in rank order.
    const turkistan = ws.getRow(6);
    expect(turkistan.getCell(1).value).toBe("2026-Q2");
    expect(turkistan.getCell(2).value).toBe(1);
    expect(turkistan.getCell(3).value).toBe(1);
    expect(turkistan.getCell(4).value).toBe("turkistan");
    expect(turkistan.getCell(5).value).toBe("г. Туркестан");
    expect(turkistan.getCell(6).value).toBe(91.33333333333334);
    expect(turkistan.getCell(6).numFmt).toBe("0.00");
    expect(turkistan.getCell(8).value).toBe(1);
    expect(turkistan.getCell(8).numFmt).toBe("0.0%");
    expect(turkistan.getCell(9).value).toBe(0);
    expect(turkistan.getCell(10).value).toBe(51.33333333333334);
    expect(ws.getRow(2).getCell(3).value).toBeNull();
    // sairam, 3rd in 2026-Q2: 80 of 100 points' indicators had data. Row 10: arys, not rated.
    expect([ws.getRow(8).getCell(8).value, ws.getRow(8).getCell(9).value]).toEqual([0.8, 1]);
    const arys = ws.getRow(10);
    expect([arys.getCell(2).value, arys.getCell(4).value, arys.getCell(6).value, arys.getCell(8).value]).toEqual([
      null,
      "arys",
      null,
      0.1,
    ]);
    expect(arys.getCell(7).value).toBe(
      "Не оценены: данными покрыто 10% веса; нет данных: complaints, own_revenue, procurement_share, production",
    );
  });

  it("shows totals with the decimals the ranking decided on (policies.rank.round, display_decimals)", async () => {
    const totalFormat = async (rank: typeof fixtureRuleset.rank) => {
      const view = buildReportView({ ruleset: { ...fixtureRuleset, rank }, results: [q2], lang: "en", dataFiles: [] });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await ratingXlsx(view)) as unknown as ExcelJS.Buffer);
      return book.worksheets[0]?.getRow(2).getCell(6).numFmt;
    };
    expect(await totalFormat({ round: 3, ties: "competition" })).toBe("0.000");
    expect(await totalFormat({ round: 0, ties: "competition" })).toBe("0");
    expect(await totalFormat({ round: 1, ties: "competition", displayDecimals: 4 })).toBe("0.0000");
  });

  it("fills the grade cell with the grade's colour and a readable text colour", () => {
    const ws = sheet("Рейтинг");
    const green = ws.getRow(6).getCell(7);
    expect(green.value).toBe("Зелёная зона");
    expect(green.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF2E7D32" } });
    expect(green.font?.color?.argb).toBe("FFFFFFFF");
    const yellow = ws.getRow(7).getCell(7);
    expect(yellow.fill).toMatchObject({ fgColor: { argb: "FFF9A825" } });
    expect(yellow.font?.color?.argb).toBe("FF000000");
  });

  it("freezes the header row and adds a filter", () => {
    const ws = sheet("Рейтинг");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
  });

  it("lists each indicator's value, score and points per unit in the block sheet", () => {
    const ws = sheet("Экономика");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2, xSplit: 4 });
    expect(ws.getRow(1).getCell(6).value).toBe("ИФО промышленной продукции, %");
    expect((ws.getRow(2).values as unknown[]).slice(6)).toEqual([
      "Значение",
      "Оценка (0–1)",
      "Баллы",
      "Значение",
      "Оценка (0–1)",
      "Баллы",
    ]);
    // 2026-Q2, rank 3: sairam; its revenue is missing and scored zero.
    const sairam = ws.getRow(9);
    expect(sairam.getCell(3).value).toBe("sairam");
    expect(sairam.getCell(5).value).toBe(26.666666666666664);
    expect(sairam.getCell(6).value).toBe(110);
    expect(sairam.getCell(7).value).toBe(10 / 15);
    expect(sairam.getCell(8).value).toBe(26.666666666666664);
    expect(sairam.getCell(9).value).toBe("нет данных");
    expect(sairam.getCell(10).value).toBe(0);
    expect(sairam.getCell(11).value).toBe(0);
  });

  it("shades the block points by the share of the block's weight", () => {
    const ws = sheet("Экономика");
    // kentau 2026-Q2 earned 59 of 60: close to the green end of the scale.
    const kentau = ws.getRow(8);
    expect(kentau.getCell(3).value).toBe("kentau");
    const fill = kentau.getCell(5).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toMatch(/^FF[0-9A-F]{6}$/);
    const [r, g] = [fill.fgColor?.argb?.slice(2, 4), fill.fgColor?.argb?.slice(4, 6)].map((h) =>
      Number.parseInt(h ?? "0", 16),
    );
    expect(g).toBeGreaterThan(r ?? 255);
  });

  it("keeps yes/no values as booleans", () => {
    const ws = sheet("Государственное управление");
    const turkistanQ2 = ws.getRow(7);
    expect(turkistanQ2.getCell(3).value).toBe("turkistan");
    expect(turkistanQ2.getCell(9).value).toBe(true);
    expect(turkistanQ2.getCell(12).value).toBe("не применяется");
  });

  it("carries the manifest in the About sheet and the document properties", () => {
    const ws = sheet("Об отчёте");
    const rows = ws
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(["Методика", "demo-districts"]);
    expect(rows).toContainEqual(["Хэш", "sha256:5f1c0ffee0ddf00d"]);
    expect(rows).toContainEqual(["Файлы данных", "data/2026-q1.csv", "a".repeat(64)]);
    const manifest = JSON.parse(wb.description ?? "{}");
    expect(manifest.periods).toEqual(["2026-Q1", "2026-Q2"]);
    expect(wb.created?.toISOString()).toBe("1980-01-01T00:00:00.000Z");
  });
});

describe("sheetName", () => {
  it("cuts to 31 characters, replaces forbidden characters and keeps names unique", () => {
    const taken = new Set<string>();
    expect(sheetName("Мемлекеттік сатып алу және бюджет: орындалуы", taken)).toBe("Мемлекеттік сатып алу және бюдж");
    expect(sheetName("Мемлекеттік сатып алу және бюджет: екінші", taken)).toBe("Мемлекеттік сатып алу және (2)");
    expect(sheetName("a/b?c", taken)).toBe("a b c");
    expect(sheetName("A B C", taken)).toBe("A B C (2)");
  });
});
