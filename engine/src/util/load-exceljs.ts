import type ExcelJS from "exceljs";

/** exceljs takes a quarter of a second to load: only the commands that touch XLSX files pay for it. */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}
