import type ExcelJS from "exceljs";
import { label } from "./labels.js";
import { blockShare, type ReportView, type UnitRow } from "./view.js";
import { heatCell, sheetName, styleHeader } from "./xlsx-style.js";

/**
 * The XLSX sheets of the levels (a ruleset with groups or helper blocks; docs/rule-format.md, "Groups"): one
 * sheet per level, "Level 1" the blocks, "Level 2" the groups directly in them, and so on down; a row per
 * period and unit, a column per block or group of the level with its score (0..1, shaded on the heat-map
 * scale). Absent when no result has groups, so a two-level ruleset's workbook is what it was.
 */
export function hasGroups(view: ReportView): boolean {
  return view.results.some((r) => r.results.some((u) => u.groups !== undefined));
}

/** A column of a level sheet: its header and each row's score (undefined: left out for the unit). */
interface LevelColumn {
  readonly name: string;
  readonly score: (row: UnitRow) => number | undefined;
}

export function levelSheets(wb: ExcelJS.Workbook, view: ReportView, taken: Set<string>): void {
  // A helper block has no points; its score is under `groups`, by its id.
  const all = [...view.blocks, ...view.helpers];
  const blocks: LevelColumn[] = all.map((b) => ({
    name: b.name,
    score: (row) => {
      const share = blockShare(row.blocks[b.id]);
      return share ?? row.groups?.[b.id]?.score;
    },
  }));
  const levels: LevelColumn[][] = [blocks];
  const groups = all.flatMap((b) => b.groups);
  for (let level = 2; groups.some((g) => g.level === level); level++)
    levels.push(
      groups.filter((g) => g.level === level).map((g) => ({ name: g.name, score: (row) => row.groups?.[g.id]?.score })),
    );
  levels.forEach((columns, k) => {
    levelSheet(wb, view, columns, sheetName(label("levelSheet", view.lang, { n: k + 1 }), taken));
  });
}

function levelSheet(wb: ExcelJS.Workbook, view: ReportView, columns: readonly LevelColumn[], name: string): void {
  const { lang } = view;
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 4, ySplit: 1 }] });
  ws.columns = [
    { header: label("period", lang), width: 10 },
    { header: label("rank", lang), width: 7 },
    { header: label("unitId", lang), width: 14 },
    { header: label("unit", lang), width: 28 },
    ...columns.map((c) => ({ header: c.name, width: 14, style: { numFmt: "0.000" } })),
  ];
  for (const p of view.periods)
    for (const r of p.rows) {
      const scores = columns.map((c) => c.score(r));
      const row = ws.addRow([p.period, r.rank, r.unitId, r.name, ...scores.map((s) => s ?? null)]);
      scores.forEach((s, k) => {
        if (s !== undefined) heatCell(row.getCell(5 + k), Math.min(1, Math.max(0, s)));
      });
    }
  styleHeader(ws.getRow(1));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
}
