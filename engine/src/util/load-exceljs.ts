import { createRequire } from "node:module";
import type ExcelJS from "exceljs";

/**
 * exceljs takes a quarter of a second to load: only the commands that touch XLSX files pay for it. Required,
 * not imported: the CLI bundle is CommonJS run through vm.Script (engine/bin/tarazy.js), which has no
 * dynamic import().
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return createRequire(import.meta.url)("exceljs") as typeof ExcelJS;
}
