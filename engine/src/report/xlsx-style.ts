import type ExcelJS from "exceljs";
import { heatColor, textColorOn } from "./colors.js";

/** The workbook's shared styles: sheet names, header rows, solid fills, heat-map cells. */
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE9EEF4" } };

export function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

export function solid(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: "top", wrapText: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
}

/** A cell shaded by a share 0..1 on the heat-map scale, in bold text that contrasts with it. */
export function heatCell(cell: ExcelJS.Cell, share: number): void {
  const color = heatColor(share);
  cell.fill = solid(color);
  cell.font = { bold: true, color: { argb: argb(textColorOn(color)) } };
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique within the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, " ").trim() || "Sheet";
  let name = [...clean].slice(0, 31).join("").trimEnd();
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name =
      [...clean]
        .slice(0, 31 - suffix.length)
        .join("")
        .trimEnd() + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}
