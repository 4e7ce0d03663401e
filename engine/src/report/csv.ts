import { plainNumber } from "./number-format.js";
import type { ReportView } from "./view.js";

/**
 * rating.csv: one row per unit and period, for spreadsheets and scripts. UTF-8 with a byte-order mark
 * (Excel then reads Cyrillic correctly), comma-separated, CRLF line ends (RFC 4180). Column names are
 * stable ids in every language; the unit and grade names are in the report's language. Numbers are
 * unrounded with '.' as the decimal mark. The manifest is the sidecar manifest.json.
 */
const BOM = "\ufeff";

function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function ratingCsv(view: ReportView): string {
  const header = [
    "period",
    "rank",
    "rank_change",
    "unit",
    "name",
    "total",
    "grade",
    "grade_label",
    ...view.blocks.map((b) => b.id),
  ];
  const lines = [header];
  for (const p of view.periods) {
    for (const row of p.rows) {
      lines.push([
        p.period,
        plainNumber(row.rank),
        row.rankChange === undefined ? "" : plainNumber(row.rankChange),
        row.unitId,
        row.name,
        plainNumber(row.total),
        row.grade.id,
        row.grade.label,
        ...view.blocks.map((b) => {
          const block = row.blocks[b.id];
          return block ? plainNumber(block.score) : "";
        }),
      ]);
    }
  }
  return BOM + lines.map((fields) => `${fields.map(cell).join(",")}\r\n`).join("");
}
