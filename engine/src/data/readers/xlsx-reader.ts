import type ExcelJS from "exceljs";
import type { Range } from "../../source/range.js";
import { loadExcelJS } from "../../util/load-exceljs.js";
import { DataCode } from "../codes.js";
import type { Cell, CellAt, CellContent } from "./cell.js";
import type { ReaderContext } from "./csv-reader.js";
import { FILE_START } from "./problems.js";
import type { RecordContext } from "./records.js";
import { type Layout, readHeader, readTableRow, type TableRow } from "./table.js";

/**
 * An Excel workbook (.xlsx). Every sheet is read, in the workbook's order, each as a table like a CSV file
 * (long or wide, the header in its first non-empty row). A sheet whose first row names no data column is
 * taken for notes or instructions and skipped with a warning. Cells keep their Excel types: numbers are read
 * as stored (a percent-formatted cell of a field in % is multiplied by 100), formulas by their saved result,
 * and text cells like CSV cells.
 *
 * There is no text to point into, so a cell's range is its sheet row and column, and messages start with the
 * cell's address ("Data!C5"). Range offsets are only an ordering key: sheet, then row, then column.
 */
export async function readXlsx(bytes: Uint8Array, base: ReaderContext): Promise<void> {
  const ctx: RecordContext = { ...base, decimalComma: false };
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    ctx.problems.report(DataCode.D160, FILE_START, `this file cannot be read as an Excel workbook (${reason(error)})`, {
      suggestion: notAWorkbookHint(bytes),
    });
    return;
  }
  let tables = 0;
  workbook.worksheets.forEach((sheet, sheetIndex) => {
    if (readSheet(ctx, sheet, sheetIndex)) tables++;
  });
  if (ctx.counts.rows === 0 && !ctx.problems.hasErrors) {
    ctx.problems.report(
      DataCode.D106,
      FILE_START,
      tables === 0 ? "the workbook has no sheet with data" : "the workbook has no data rows",
      { suggestion: "check that this is the right file, and that the data sheet's first row is the header" },
    );
  }
}

/** Reads one sheet; false when it holds no table (empty, or notes). */
function readSheet(ctx: RecordContext, sheet: ExcelJS.Worksheet, sheetIndex: number): boolean {
  let layout: Layout | undefined;
  let done = false;
  const blankReported = new Set<number>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (done) return;
    const cells = rowCells(sheet, row, rowNumber, sheetIndex, layout?.width ?? 0);
    if (cells.every((c) => c.content.kind === "empty")) return;
    const tableRow: TableRow = { cells, at: cells[0]?.at ?? at(sheet, sheetIndex, rowNumber, 1) };
    if (layout) {
      readTableRow(ctx, layout, tableRow, blankReported);
      return;
    }
    const header = readHeader(ctx, tableRow, true);
    if ("layout" in header) layout = header.layout;
    else {
      if ("notes" in header) {
        ctx.problems.report(
          DataCode.D161,
          tableRow.at,
          "this sheet's first row names no data column (unit, period, field, value or a field), so the sheet is skipped",
          { suggestion: "nothing to do if the sheet holds notes; otherwise put the header in its first row" },
        );
      }
      done = true;
    }
  });
  return layout !== undefined;
}

function rowCells(
  sheet: ExcelJS.Worksheet,
  row: ExcelJS.Row,
  rowNumber: number,
  sheetIndex: number,
  width: number,
): Cell[] {
  const count = Math.max(row.cellCount, width);
  const cells: Cell[] = [];
  for (let column = 1; column <= count; column++) {
    const cell = row.getCell(column);
    cells.push({ content: cellContent(cell), at: at(sheet, sheetIndex, rowNumber, column) });
  }
  return cells;
}

const SHEET_SPAN = 2 ** 34; // rows (2^20) x columns (2^14) of the largest Excel sheet

function at(sheet: ExcelJS.Worksheet, sheetIndex: number, row: number, column: number): CellAt {
  const offset = sheetIndex * SHEET_SPAN + (row - 1) * 2 ** 14 + (column - 1);
  const range: Range = {
    start: { offset, line: row, column },
    end: { offset: offset + 1, line: row, column: column + 1 },
  };
  return { range, row, column, sheet: sheet.name, label: `${sheet.name}!${columnLetters(column)}${row}` };
}

export function columnLetters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

type ExcelValue = ExcelJS.CellValue | undefined;

function cellContent(cell: ExcelJS.Cell): CellContent {
  const percentFormat = typeof cell.numFmt === "string" && cell.numFmt.includes("%");
  return valueContent(cell.value, percentFormat);
}

function valueContent(value: ExcelValue, percentFormat: boolean): CellContent {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number") return { kind: "number", value, ...(percentFormat ? { percentFormat } : {}) };
  if (typeof value === "string") return { kind: "text", text: value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) return { kind: "date", date: value };
  if ("error" in value) return { kind: "error", text: String(value.error) };
  if ("richText" in value) return { kind: "text", text: value.richText.map((r) => r.text).join("") };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelValue }).result;
    if (result === undefined) return { kind: "formula-without-result" };
    return valueContent(result as ExcelValue, percentFormat);
  }
  if ("hyperlink" in value) return { kind: "text", text: String((value as { text?: unknown }).text ?? "") };
  return { kind: "other", description: "an Excel object" };
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/central directory|zip/i.test(message)) return "it is not a ZIP archive, as .xlsx files are";
  return message.split("\n")[0]?.slice(0, 120) ?? "unknown reason";
}

function notAWorkbookHint(bytes: Uint8Array): string {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf)
    return "this is an old Excel 97-2003 file: save it as an Excel workbook (.xlsx)";
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 512));
  if (/^[\s\S]*?[;,\t]/.test(head) && !head.includes("\u0000") && !head.includes("\ufffd")) {
    return "it looks like a text (CSV) file: give it the .csv extension";
  }
  return "open it in Excel and save it as an Excel workbook (.xlsx)";
}
