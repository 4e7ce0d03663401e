import type ExcelJS from "exceljs";
import { loadExcelJS } from "../util/load-exceljs.js";
import { textColorOn } from "./colors.js";
import { valueText } from "./indicator-cell.js";
import { label } from "./labels.js";
import { type ReportManifest, ratingName } from "./manifest.js";
import { type BlockColumn, blockShare, type ReportView } from "./view.js";
import { hasGroups, levelSheets } from "./xlsx-levels.js";
import { argb, heatCell, sheetName, solid, styleHeader } from "./xlsx-style.js";

export { sheetName } from "./xlsx-style.js";

import { pinZipTimestamps } from "./zip-timestamps.js";

/**
 * rating.xlsx: a summary sheet (ranks, totals, grades in their colours, block points), a sheet per block
 * (each indicator's value, score and points per unit), with levels a sheet per level (xlsx-levels.ts), and an
 * About sheet with the manifest (also in the
 * document properties). Numbers are stored unrounded and shown with 2 decimals. The document dates and
 * the zip entry times are pinned to 1980-01-01, so the same input gives the same bytes.
 */
const PINNED_DATE = new Date(Date.UTC(1980, 0, 1));
const TWO_DECIMALS = "0.00";
const THREE_DECIMALS = "0.000";

/** Excel's display format for `n` decimals: the totals show as many as the ranking decided on. */
function decimalsFormat(n: number): string {
  return n > 0 ? `0.${"0".repeat(n)}` : "0";
}

function summarySheet(wb: ExcelJS.Workbook, view: ReportView, name: string): void {
  const { lang } = view;
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  const fixed = [
    { header: label("period", lang), key: "period", width: 10 },
    { header: label("rank", lang), key: "rank", width: 7 },
    { header: label("change", lang), key: "change", width: 10 },
    { header: label("unitId", lang), key: "unit", width: 14 },
    { header: label("unit", lang), key: "name", width: 28 },
    { header: label("total", lang), key: "total", width: 10, style: { numFmt: decimalsFormat(view.decimals) } },
    // Without grades the column holds only why a unit was not rated.
    { header: label(view.graded ? "grade" : "notRated", lang), key: "grade", width: 16 },
    { header: label("coverage", lang), key: "coverage", width: 10, style: { numFmt: "0.0%" } },
    { header: label("zeroedColumn", lang), key: "zeroed", width: 12 },
  ];
  const blocks = view.blocks.map((b) => ({
    header: b.name,
    key: `block:${b.id}`,
    width: 14,
    style: { numFmt: TWO_DECIMALS },
  }));
  ws.columns = [...fixed, ...blocks];
  for (const p of view.periods) {
    for (const r of p.rows) {
      const row = ws.addRow({
        period: p.period,
        rank: r.rank,
        change: r.rankChange ?? null,
        unit: r.unitId,
        name: r.name,
        total: r.total,
        grade: r.grade?.label ?? null,
        coverage: r.coverage?.weight ?? null,
        zeroed: r.coverage?.zeroed ?? null,
        ...Object.fromEntries(view.blocks.map((b) => [`block:${b.id}`, r.blocks[b.id]?.score ?? null])),
      });
      const grade = row.getCell("grade");
      if (r.grade) {
        grade.fill = solid(r.grade.color);
        grade.font = { color: { argb: argb(textColorOn(r.grade.color)) } };
      }
    }
    // Units not rated: no rank, total or grade; the grade column says why.
    for (const n of p.coverage.notRated) {
      ws.addRow({
        period: p.period,
        unit: n.unitId,
        name: n.name,
        grade: `${label("notRated", lang)}: ${n.reason}`,
        coverage: n.coverage.weight,
      });
    }
  }
  styleHeader(ws.getRow(1));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
}

function blockSheet(wb: ExcelJS.Workbook, view: ReportView, block: BlockColumn, name: string): void {
  const { lang } = view;
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 4, ySplit: 2 }] });
  const fixed = [
    label("period", lang),
    label("rank", lang),
    label("unitId", lang),
    label("unit", lang),
    label("points", lang),
  ];
  const sub = [label("value", lang), label("score", lang), label("points", lang)];
  const top = [...fixed, ...block.indicators.flatMap((i) => [`${i.name}, ${i.measure}`, "", ""])];
  const second = [...fixed.map(() => ""), ...block.indicators.flatMap(() => sub)];
  ws.addRow(top);
  ws.addRow(second);
  for (let c = 1; c <= fixed.length; c++) ws.mergeCells(1, c, 2, c);
  for (let k = 0; k < block.indicators.length; k++) {
    ws.mergeCells(1, fixed.length + 1 + 3 * k, 1, fixed.length + 3 + 3 * k);
  }
  for (const p of view.periods) {
    for (const r of p.rows) {
      const b = r.blocks[block.id];
      const cells: ExcelJS.CellValue[] = [p.period, r.rank, r.unitId, r.name, b?.score ?? null];
      for (const i of block.indicators) {
        const result = r.indicators[i.id];
        const value = result && result.value !== null ? result.value : result ? valueText(result, lang) : null;
        cells.push(value, result?.score ?? null, result?.points ?? null);
      }
      const row = ws.addRow(cells);
      const share = blockShare(b);
      if (share !== undefined) heatCell(row.getCell(5), share);
    }
  }
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 7;
  ws.getColumn(3).width = 14;
  ws.getColumn(4).width = 28;
  ws.getColumn(5).width = 10;
  ws.getColumn(5).numFmt = TWO_DECIMALS;
  block.indicators.forEach((_, k) => {
    const first = fixed.length + 1 + 3 * k;
    for (const [offset, fmt] of [TWO_DECIMALS, THREE_DECIMALS, TWO_DECIMALS].entries()) {
      const col = ws.getColumn(first + offset);
      col.width = 12;
      col.numFmt = fmt;
    }
  });
  styleHeader(ws.getRow(1));
  styleHeader(ws.getRow(2));
  ws.getRow(1).height = 45;
}

function aboutSheet(wb: ExcelJS.Workbook, manifest: ReportManifest, view: ReportView, name: string): void {
  const { lang } = view;
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 22 }, { width: 70 }, { width: 70 }];
  const rows: (string | number)[][] = [
    [label("ruleset", lang), manifest.ruleset.id],
    [label("version", lang), manifest.ruleset.version],
    [label("hash", lang), manifest.ruleset.hash],
    [label("rating", lang), ratingName(manifest, view)],
    [label("periods", lang), manifest.periods.join(", ")],
    [label("language", lang), manifest.language],
    [label("engine", lang), manifest.generator.version],
    ...manifest.dataFiles.map((f) => [label("dataFiles", lang), f.path, f.sha256]),
  ];
  for (const r of rows) ws.addRow(r);
  ws.getColumn(1).font = { bold: true };
  ws.addRow([]);
  ws.addRow([label("generatedBy", lang, { version: manifest.generator.version })]);
}

/** The workbook's bytes. */
export async function ratingXlsx(view: ReportView): Promise<Buffer> {
  const { lang, manifest } = view;
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = `Tarazy ${manifest.generator.version}`;
  wb.lastModifiedBy = wb.creator;
  wb.created = PINNED_DATE;
  wb.modified = PINNED_DATE;
  wb.title = `${view.title}: ${view.latest.label}`;
  wb.subject = view.rulesetTitle;
  wb.keywords = "tarazy-manifest";
  wb.description = JSON.stringify(manifest);
  const taken = new Set<string>();
  summarySheet(wb, view, sheetName(label("summarySheet", lang), taken));
  const names = view.blocks.map((b) => sheetName(b.name, taken));
  view.blocks.forEach((b, i) => {
    blockSheet(wb, view, b, names[i] ?? b.id);
  });
  if (hasGroups(view)) levelSheets(wb, view, taken);
  aboutSheet(wb, manifest, view, sheetName(label("aboutSheet", lang), taken));
  const bytes = await wb.xlsx.writeBuffer();
  return pinZipTimestamps(Buffer.from(bytes as ArrayBuffer));
}
