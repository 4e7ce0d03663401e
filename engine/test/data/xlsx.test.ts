import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDataFiles } from "../../src/data/load-data.js";
import { columnLetters } from "../../src/data/readers/xlsx-reader.js";
import { diag, MODEL, obs } from "./model.js";

let dir = "";
const read = (names: string[]) => readDataFiles(names, MODEL, { cwd: dir });

/** Excel stores dates without a time zone; exceljs reads them as UTC midnight. */
const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function save(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await writeFile(path.join(dir, name), Buffer.from(await wb.xlsx.writeBuffer()));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tarazy-xlsx-"));
  await save("report.xlsx", (wb) => {
    wb.addWorksheet("Инструкция").addRow(["Заполните лист Long и лист Wide"]);
    const long = wb.addWorksheet("Long");
    long.addRow(["unit", "period", "field", "value"]);
    long.addRow(["turkistan", "2026-03", "own_revenue", 1200]); // 2
    long.addRow(["arys", date(2026, 3, 1), "own_revenue", { formula: "1000/2-149.5", result: 350.5 }]); // 3
    long.addRow(["sairam", 2026, "population", 350000]); // 4
    long.addRow(["keles", "2026-03", "unemployment", 0.051]); // 5
    long.getCell("D5").numFmt = "0.0%";
    long.addRow(["kentau", "2026-03", "new_jobs", 0.45]); // 6
    long.getCell("D6").numFmt = "0%";
    long.addRow(["turkistan", "2026-03", "own_revenue_plan", "1 500,5"]); // 7
    long.addRow(["arys", "2026-03", "own_revenue_plan", { error: "#N/A" }]); // 8
    long.addRow(["sairam", "2026-03", "own_revenue", { formula: "B2*2" }]); // 9
    long.addRow(["keles", date(2026, 3, 15), "own_revenue", 5]); // 10
    long.addRow(["kentau", "2026-03", "own_revenue", true]); // 11
    long.addRow([]); // 12: blank rows are skipped
    long.addRow([{ richText: [{ text: "Түркістан " }, { text: "қаласы" }] }, "2026-02", "own_revenue", 1000]); // 13
    const wide = wb.addWorksheet("Wide");
    wide.addRow(["Unit", "Period", "own_revenue", "Уровень безработицы", "comment"]);
    wide.addRow(["turkistan", "2026-04", 1300, 0.049, "ok"]);
    wide.getCell("D2").numFmt = "0.0%";
    wide.addRow(["Арыс", "2026-04", "12,345", 5, ""]);
    wide.addRow(["sairam", "2026-04", null, null, "nothing yet"]);
  });
  await save("notes-only.xlsx", (wb) => {
    wb.addWorksheet("Notes").addRow(["Данные будут позже"]);
  });
  await save("bad-header.xlsx", (wb) => {
    const ws = wb.addWorksheet("Data");
    ws.addRow(["unit", "месяц", "own_revenue"]);
    ws.addRow(["turkistan", "2026-03", 1]);
  });
  await save("merged.xlsx", (wb) => {
    const ws = wb.addWorksheet("Data");
    ws.addRow(["unit", "period", "own_revenue"]);
    ws.addRow(["Сайрамский район", "2026-01", 10]);
    ws.addRow([null, "2026-02", 20]);
    ws.addRow([null, "2026-03", 30]);
    ws.mergeCells("A2:A4");
  });
  await writeFile(path.join(dir, "text.xlsx"), "unit,period,field,value\nturkistan,2026-03,own_revenue,1\n");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("Excel workbooks", () => {
  it("reads every sheet, long and wide, with Excel's own types", async () => {
    const r = await read(["report.xlsx"]);
    expect(r.observations.map(obs)).toEqual([
      "turkistan own_revenue 2026-03 = 1200 @ report.xlsx Long:2:4",
      // a date on the 1st of a month is what Excel makes of "2026-03"; a formula is read by its saved result
      "arys own_revenue 2026-03 = 350.5 @ report.xlsx Long:3:4",
      "sairam population 2026 = 350000 @ report.xlsx Long:4:4",
      // a percent cell holds 0.051 and shows 5.1%: a field in % takes the 5.1 a person sees
      "keles unemployment 2026-03 = 5.1 @ report.xlsx Long:5:4",
      // a field not in % takes the number the cell holds
      "kentau new_jobs 2026-03 = 0.45 @ report.xlsx Long:6:4",
      "turkistan own_revenue_plan 2026-03 = 1500.5 @ report.xlsx Long:7:4",
      "turkistan own_revenue 2026-02 = 1000 @ report.xlsx Long:13:4",
      "turkistan own_revenue 2026-04 = 1300 @ report.xlsx Wide:2:3",
      "turkistan unemployment 2026-04 = 4.9 @ report.xlsx Wide:2:4",
      "arys unemployment 2026-04 = 5 @ report.xlsx Wide:3:4",
    ]);
    expect(r.diagnostics.map(diag)).toEqual([
      "D161 warning report.xlsx:1:1: Инструкция!A1: this sheet's first row names no data column (unit, period, field, value or a field), so the sheet is skipped | nothing to do if the sheet holds notes; otherwise put the header in its first row",
      "D135 error report.xlsx:8:4: Long!D8: the cell holds the Excel error #N/A (a formula failed), not a value | fix the formula in the spreadsheet, or write n/a if the field does not apply to this unit",
      "D136 error report.xlsx:9:4: Long!D9: the cell has a formula but no saved result | open the workbook in Excel and save it, or paste the values instead of the formulas",
      "D124 error report.xlsx:10:2: Long!B10: the date 2026-03-15 is not a period | write the month as text: 2026-03 (write a month as 2026-03, a quarter as 2026-Q1, a year as 2026)",
      "D130 error report.xlsx:11:4: Long!D11: true is not a number | write 1 for yes and 0 for no",
      'D131 error report.xlsx:3:3: Wide!C3: "12,345" could be 12345 or 12.345: the comma may separate thousands or decimals | write 12345 for the whole number or 12.345 with a decimal point',
    ]);
    // 11 rows in Long (the blank row 12 not counted) and 3 in Wide
    expect(r.files.map((f) => [f.path, f.format, f.rows])).toEqual([["report.xlsx", "xlsx", 14]]);
    // Ranges order sheet by sheet, so sorted diagnostics follow the workbook.
    const offsets = r.diagnostics.map((d) => d.range.start.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it("a workbook of notes only is a warning; a data sheet without a period column an error", async () => {
    const r = await read(["notes-only.xlsx", "bad-header.xlsx"]);
    expect(r.diagnostics.map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.column}`)).toEqual([
      "D161 notes-only.xlsx:1:1",
      "D106 notes-only.xlsx:1:1",
      "D110 bad-header.xlsx:1:1",
    ]);
    expect(r.diagnostics[1]?.message).toBe("the workbook has no sheet with data");
    expect(r.diagnostics[2]?.message).toBe(
      'Data!A1: the header row has no period column (found "unit", "месяц", "own_revenue")',
    );
  });

  it("a unit name merged down several rows applies to each of them", async () => {
    const r = await read(["merged.xlsx"]);
    expect(r.diagnostics).toEqual([]);
    expect(r.observations.map(obs)).toEqual([
      "sairam own_revenue 2026-01 = 10 @ merged.xlsx Data:2:3",
      "sairam own_revenue 2026-02 = 20 @ merged.xlsx Data:3:3",
      "sairam own_revenue 2026-03 = 30 @ merged.xlsx Data:4:3",
    ]);
  });

  it("a text file named .xlsx is reported, with a hint", async () => {
    const r = await read(["text.xlsx"]);
    expect(r.diagnostics.map(diag)).toEqual([
      "D160 error text.xlsx:1:1: this file cannot be read as an Excel workbook (it is not a ZIP archive, as .xlsx files are) | it looks like a text (CSV) file: give it the .csv extension",
    ]);
  });

  it("names columns as Excel does", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });
});
