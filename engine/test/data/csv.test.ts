import { describe, expect, it } from "vitest";
import { diag, obs, readFixtures, where } from "./model.js";

describe("CSV, long form", () => {
  it("reads a plain comma-separated file; a quoted 1,234 in it is ambiguous", async () => {
    const r = await readFixtures(["long.csv"]);
    expect(r.observations.map(obs)).toEqual([
      "turkistan own_revenue 2026-01 = 1200 @ long.csv:2:31",
      "arys own_revenue 2026-01 = 350.5 @ long.csv:3:26",
      "turkistan procurement_share 2026-Q1 = 45 @ long.csv:4:37", // "Turkistan": ids are case-insensitive
      "keles unemployment 2026-02 = n/a @ long.csv:6:28",
      // kentau's empty value is not an observation, and not a problem
    ]);
    expect(r.diagnostics.map(diag)).toEqual([
      'D131 error long.csv:5:24: "1,234" could be 1234 or 1.234: the comma may separate thousands or decimals | write 1234 for the whole number or 1.234 with a decimal point',
    ]);
    expect(r.files).toEqual([
      {
        path: "long.csv",
        sha256: "54394faab8a0747800e0e1b4ee56b0b27fe107399256a8d9c6a8fc78478e3bde",
        format: "csv",
        rows: 6,
      },
    ]);
  });

  it("reads BOM, CRLF, semicolons, decimal commas and (no-break) space thousands", async () => {
    const r = await readFixtures(["semicolon-bom-crlf.csv"]);
    expect(r.diagnostics).toEqual([]);
    expect(r.observations.map(obs)).toEqual([
      "turkistan own_revenue 2026-01 = 1234.5 @ semicolon-bom-crlf.csv:2:31",
      "arys own_revenue 2026-01 = 12345.25 @ semicolon-bom-crlf.csv:3:26",
      "sairam own_revenue 2026-01 = 1000000 @ semicolon-bom-crlf.csv:4:28",
      // In a semicolon-separated file the comma is the decimal separator: 12,345 is 12.345.
      "keles own_revenue 2026-01 = 12.345 @ semicolon-bom-crlf.csv:5:27",
      "kentau own_revenue 2026-01 = 0.5 @ semicolon-bom-crlf.csv:6:28",
      "turkistan own_revenue_plan 2026-01 = 1500.75 @ semicolon-bom-crlf.csv:7:36",
      "arys unemployment 2026-01 = 4.5 @ semicolon-bom-crlf.csv:8:27",
      "arys own_revenue_plan 2026-01 = 1234.5 @ semicolon-bom-crlf.csv:9:31",
      "sairam own_revenue_plan 2026-01 = -7.25 @ semicolon-bom-crlf.csv:10:33",
      "keles own_revenue_plan 2026-01 = 1500 @ semicolon-bom-crlf.csv:11:32",
    ]);
    expect(r.files[0]?.rows).toBe(10);
  });

  it("reads RFC 4180 quoting: separators, doubled quotes and line breaks inside cells", async () => {
    const r = await readFixtures(["quoted.csv"]);
    expect(r.diagnostics).toEqual([]);
    expect(r.observations.map(obs)).toEqual([
      "turkistan own_revenue 2026-03 = 1234.5 @ quoted.csv:2:31",
      "arys own_revenue 2026-03 = 2000000 @ quoted.csv:3:26",
      "sairam own_revenue 2026-03 = 77 @ quoted.csv:4:28",
      // the comment of the row before spans lines 4 and 5
      "keles own_revenue 2026-03 = 88 @ quoted.csv:6:27",
    ]);
    expect(r.files[0]?.rows).toBe(4);
  });

  it("takes the separator from an Excel sep= line, and reads tab-separated files", async () => {
    const sep = await readFixtures(["sep-line.csv"]);
    expect(sep.observations.map(obs)).toEqual(["turkistan own_revenue 2026-03 = 1.5 @ sep-line.csv:3:31"]);
    const tab = await readFixtures(["tab.tsv"]);
    expect(tab.diagnostics).toEqual([]);
    expect(tab.observations.map(obs)).toEqual([
      "turkistan own_revenue 2026-03 = 1.5 @ tab.tsv:2:31",
      "arys own_revenue 2026-03 = 2.5 @ tab.tsv:3:26",
    ]);
  });

  it("reports every rejected cell with its line, column, reason and a suggestion", async () => {
    const r = await readFixtures(["errors.csv"]);
    expect(r.observations.map(obs)).toEqual(["arys unemployment 2026-03 = 45 @ errors.csv:8:27"]);
    expect(r.diagnostics.map(diag)).toEqual([
      'D120 error errors.csv:2:1: unknown unit "turkistn" | did you mean `turkistan`? (units are matched by id, alias or name (kk, ru, en); add this spelling to the unit\'s aliases in units.yaml if it is right)',
      'D124 error errors.csv:3:6: "03.2026" is not a period | write 2026-03 (write a month as 2026-03, a quarter as 2026-Q1, a year as 2026)',
      'D122 error errors.csv:4:14: unknown field "own_revenu" | did you mean `own_revenue` or `own_revenue_plan`? (fields are matched by id or name (kk, ru, en); declare the field in fields.yaml if it is new)',
      "D125 error errors.csv:5:32: procurement_share is reported quarterly, so it takes no value for the month 2026-03 | give the value for the quarter 2026-Q1",
      'D130 error errors.csv:6:23: "12 шт" is not a number | write the number without "шт"',
      'D131 error errors.csv:7:31: "12,345" could be 12345 or 12.345: the comma may separate thousands or decimals | write 12345 for the whole number or 12.345 with a decimal point',
      'D133 error errors.csv:9:23: "5%" has a percent sign but new_jobs is measured in count | write the number in count, without %',
      'D120 error errors.csv:10:1: unknown unit "Итого" | delete the total row: Tarazy adds up units itself',
      "D135 error errors.csv:11:26: the cell holds the Excel error #DIV/0! (a formula failed), not a value | fix the formula in the spreadsheet, or write n/a if the field does not apply to this unit",
      "D126 error errors.csv:12:1: this row has values but no unit | fill in the unit of the row (its id or name from units.yaml)",
      "D126 error errors.csv:13:6: this row has values but no period | fill in the period of the row: 2026-03, 2026-Q1 or 2026",
      "D126 error errors.csv:14:14: this row has a value but no field | fill in the field id from fields.yaml",
      'D124 error errors.csv:15:6: "2026-Q5" is not a period | write a month as 2026-03, a quarter as 2026-Q1, a year as 2026',
      'D132 error errors.csv:16:26: "-" is not a value: a dash can mean zero or unknown | write 0 if there was none, n/a if the field does not apply to this unit, or leave the cell empty if the value is not known',
      'D130 error errors.csv:17:26: "да" is not a number | write 1 for yes and 0 for no',
    ]);
    // The range covers the cell, so the caret underlines it.
    const unit = r.diagnostics[0];
    expect(unit?.range.start).toEqual({ offset: 24, line: 2, column: 1 });
    expect(unit?.range.end).toEqual({ offset: 32, line: 2, column: 9 });
  });
});

describe("CSV, wide form", () => {
  it("reads Russian headers, unit names and aliases, percents, n/a, no-data marks and comment columns", async () => {
    const r = await readFixtures(["wide.csv"]);
    expect(r.observations.map(obs)).toEqual([
      "turkistan own_revenue 2026-02 = 1300.5 @ wide.csv:2:22",
      "turkistan own_revenue_plan 2026-02 = 1400 @ wide.csv:2:30",
      "turkistan unemployment 2026-02 = 5.1 @ wide.csv:2:36",
      "arys own_revenue 2026-02 = 410 @ wide.csv:3:14",
      "arys own_revenue_plan 2026-02 = n/a @ wide.csv:3:18",
      "sairam own_revenue_plan 2026-02 = 900 @ wide.csv:4:30",
      "sairam unemployment 2026-02 = 4 @ wide.csv:4:34",
      "kentau own_revenue_plan 2026-02 = 500 @ wide.csv:6:18",
      "kentau unemployment 2026-02 = n/a @ wide.csv:6:22",
    ]);
    expect(r.diagnostics.map(diag)).toEqual([
      'D134 warning wide.csv:4:26: "н/д" means no data: read as an empty cell (missing), not as n/a | leave the cell empty if the value is unknown, or write n/a if the field does not apply to this unit',
      'D132 error wide.csv:6:16: "-" is not a value: a dash can mean zero or unknown | write 0 if there was none, n/a if the field does not apply to this unit, or leave the cell empty if the value is not known',
    ]);
    expect(r.files[0]?.rows).toBe(5);
  });

  it("reads the known field columns and reports unknown ones at the header, with a hint for periods as columns", async () => {
    const r = await readFixtures(["wide-unknown.csv"]);
    expect(r.observations.map(obs)).toEqual([
      "turkistan own_revenue 2026-03 = 5 @ wide-unknown.csv:2:19",
      "arys own_revenue 2026-03 = 8 @ wide-unknown.csv:3:14",
    ]);
    expect(r.diagnostics.map(diag)).toEqual([
      'D122 error wide-unknown.csv:1:25: unknown field "own_revenu" | did you mean `own_revenue` or `own_revenue_plan`? (fields are matched by id or name (kk, ru, en); declare the field in fields.yaml if it is new)',
      'D122 error wide-unknown.csv:1:36: unknown field "2026-03" | periods as columns are not read: put one row per unit and period, with one column per field, or use the long form (unit, period, field, value)',
    ]);
  });

  it("refuses two columns for the same thing", async () => {
    const r = await readFixtures(["duplicate-columns.csv"]);
    expect(r.diagnostics.map(diag)).toEqual([
      'D111 error duplicate-columns.csv:1:44: a second unit column "Unit": it is not read | delete or rename one of the two columns',
      'D111 error duplicate-columns.csv:1:25: "Собственные доходы" is the field own_revenue again (as "own_revenue"): this column is not read | delete or rename one of the two columns',
    ]);
    expect(r.observations.map(obs)).toEqual(["turkistan own_revenue 2026-03 = 5 @ duplicate-columns.csv:2:19"]);
  });
});

describe("CSV structure problems", () => {
  it("a title row above the header", async () => {
    const r = await readFixtures(["title-row.csv"]);
    expect(r.observations).toEqual([]);
    expect(r.diagnostics.map(diag)).toEqual([
      'D110 error title-row.csv:1:1: the header row has no unit or period column (found "Отчёт за март 2026") | the first row must name the columns: unit, period, field, value (long form) or unit, period and one column per field (wide form); delete any title rows above it (accepted names for the unit column: unit, unit_id, район, акимат, аудан, әкімдік; for the period: period, период, кезең)',
    ]);
  });

  it("a field column without a value column", async () => {
    const r = await readFixtures(["half-long.csv"]);
    expect(r.diagnostics.map(where)).toEqual(["D110 half-long.csv:1:13"]);
    expect(r.diagnostics[0]?.message).toBe(
      "a long table needs both a field column and a value column; this header has only a field column",
    );
  });

  it("an extra column of a long table is not read (warning); values under an empty header are an error", async () => {
    const r = await readFixtures(["extra-column-long.csv"]);
    expect(r.observations.map(obs)).toEqual([
      "turkistan own_revenue 2026-03 = 10 @ extra-column-long.csv:2:31",
      "arys own_revenue 2026-03 = 20 @ extra-column-long.csv:3:26",
      "keles own_revenue 2026-03 = 30 @ extra-column-long.csv:4:27",
    ]);
    expect(r.diagnostics.map(diag)).toEqual([
      'D116 warning extra-column-long.csv:1:25: the column "measure" is not read in a long table | delete the column, or name it comment if it holds remarks',
      // reported once for the column, at its first value
      "D112 error extra-column-long.csv:3:33: this column has values but no header, so they are not read | write the field id in the header row, or delete the column",
    ]);
  });

  it("a row longer than the header (an unquoted decimal comma) is rejected whole", async () => {
    const r = await readFixtures(["extra-cells.csv"]);
    expect(r.observations.map(obs)).toEqual(["arys own_revenue 2026-03 = 300 @ extra-cells.csv:3:14"]);
    expect(r.diagnostics.map(diag)).toEqual([
      'D115 error extra-cells.csv:2:24: this row has 4 cells but the header has 3 columns, so the row is not read | quote numbers with a decimal comma ("1200,5") or use semicolons as separators; otherwise add the missing column header',
    ]);
  });

  it("a quote never closed stops the file there, and says so", async () => {
    const r = await readFixtures(["unclosed.csv"]);
    expect(r.observations).toEqual([]);
    expect(r.diagnostics.map(diag)).toEqual([
      'D113 error unclosed.csv:2:31: this quote is never closed, so the rest of the file from line 2 cannot be read | close the quote; to write a quote mark inside a quoted cell, double it ("")',
    ]);
  });

  it("text after a closing quote rejects the row, not the file", async () => {
    const r = await readFixtures(["after-quote.csv"]);
    expect(r.observations.map(obs)).toEqual(["arys own_revenue 2026-03 = 5 @ after-quote.csv:3:26"]);
    expect(r.diagnostics.map(where)).toEqual(["D114 after-quote.csv:2:11"]);
  });

  it("an empty file and a file with only a header are warnings beside a file with data", async () => {
    const r = await readFixtures(["empty.csv", "header-only.csv", "wide.csv"]);
    expect(r.diagnostics.filter((d) => d.file !== "wide.csv").map(diag)).toEqual([
      "D106 warning empty.csv:1:1: the file is empty | check that this is the right file",
      "D106 warning header-only.csv:1:1: the file has a header but no data rows | check that this is the right file",
    ]);
    expect(r.observations.length).toBeGreaterThan(0);
  });

  it("an empty file and a file with only a header are errors when no file gives any value (D119)", async () => {
    const r = await readFixtures(["empty.csv", "header-only.csv"]);
    expect(r.diagnostics.map(diag)).toEqual([
      "D119 error empty.csv:1:1: the file is empty, and no other data file gives any value, so there is nothing to rate | check that this is the right file",
      "D119 error header-only.csv:1:1: the file has a header but no data rows, and no other data file gives any value, so there is nothing to rate | check that this is the right file",
    ]);
    expect(r.files.map((f) => [f.path, f.rows])).toEqual([
      ["empty.csv", 0],
      ["header-only.csv", 0],
    ]);
  });
});
