import type ExcelJS from "exceljs";
import { label } from "./labels.js";
import type { ReportView } from "./view.js";

/**
 * The XLSX sheet of the levels (a ruleset with groups or helper blocks): one row per period, unit and group,
 * with the group's score (0..1), its effective weight on the scale and its points, filterable by group.
 * Absent when no result has groups, so a two-level ruleset's workbook is what it was.
 */
export function hasGroups(view: ReportView): boolean {
  return view.results.some((r) => r.results.some((u) => u.groups !== undefined));
}

export function groupsSheet(wb: ExcelJS.Workbook, view: ReportView, name: string, header: (row: ExcelJS.Row) => void) {
  const { lang } = view;
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  ws.columns = [
    { header: label("period", lang), width: 10 },
    { header: label("rank", lang), width: 7 },
    { header: label("unitId", lang), width: 14 },
    { header: label("unit", lang), width: 28 },
    { header: label("groups", lang), width: 18 },
    { header: label("score", lang), width: 12, style: { numFmt: "0.000" } },
    { header: label("weight", lang), width: 12, style: { numFmt: "0.00" } },
    { header: label("points", lang), width: 12, style: { numFmt: "0.00" } },
  ];
  for (const result of view.results) {
    const names = new Map(
      view.periods.find((p) => p.period === result.period)?.rows.map((r) => [r.unitId, r.name]) ?? [],
    );
    for (const u of result.results)
      for (const [id, g] of Object.entries(u.groups ?? {}))
        ws.addRow([result.period, u.rank, u.unit, names.get(u.unit) ?? u.unit, id, g.score, g.weight, g.points]);
  }
  header(ws.getRow(1));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 8 } };
}
