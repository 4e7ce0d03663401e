import { plainNumber } from "./number-format.js";
import type { ReportView } from "./view.js";

/**
 * rating.csv: one row per unit and period, for spreadsheets and scripts. UTF-8 with a byte-order mark
 * (Excel then reads Cyrillic correctly), comma-separated, CRLF line ends (RFC 4180). Column names are
 * stable ids in every language; the unit and grade names are in the report's language. Numbers are
 * unrounded with '.' as the decimal mark. data_share is the share (0..1) of the weight with data, zeroed the
 * number of indicator values without data the zero policy scored 0; units not
 * rated for too little data follow the ranked ones with empty rank, total and grade and their reason.
 * The manifest is the sidecar manifest.json.
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
    "data_share",
    "zeroed",
    "not_rated_reason",
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
        row.coverage ? plainNumber(row.coverage.weight) : "",
        row.coverage ? plainNumber(row.coverage.zeroed) : "",
        "",
        ...view.blocks.map((b) => {
          const block = row.blocks[b.id];
          return block ? plainNumber(block.score) : "";
        }),
      ]);
    }
    // Units not rated: no rank, total or grade; their share with data and why.
    for (const n of p.coverage.notRated) {
      lines.push([
        p.period,
        "",
        "",
        n.unitId,
        n.name,
        "",
        "",
        "",
        plainNumber(n.coverage.weight),
        "",
        n.reason,
        ...view.blocks.map(() => ""),
      ]);
    }
  }
  return BOM + lines.map((fields) => `${fields.map(cell).join(",")}\r\n`).join("");
}
