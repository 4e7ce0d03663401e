import type { Lang } from "../model/ruleset.js";
import { localNumber } from "./number-format.js";
import type { ReportView } from "./view.js";

/**
 * rating.csv: one row per unit and period, for spreadsheets and scripts. UTF-8 with a byte-order mark
 * (Excel then reads Cyrillic correctly), CRLF line ends (RFC 4180). Column names are stable ids in every
 * language; the unit and grade names are in the report's language. data_share is the share (0..1) of the
 * weight with data, zeroed the number of indicator values without data the zero policy scored 0; units not
 * rated for too little data follow the ranked ones with empty rank, total and grade and their reason.
 *
 * The dialect follows the language, so that a double click opens it right in Excel with that region's
 * settings: kk and ru (Kazakhstan's and Russia's regional settings list with ';' and write a decimal comma)
 * use ';' and 91,3333333333333; en uses ',' and 91.3333333333333. Numbers are written at 15 significant
 * digits (what Excel keeps), never rounded further.
 *
 * No cell can be a live formula (OWASP, "CSV Injection"): a text cell that begins with =, +, -, @, a tab
 * or a carriage return gets a leading apostrophe and is quoted, so a spreadsheet shows it as text. Numbers
 * are written by the number path and stay numbers, negative ones included.
 */
const BOM = "\ufeff";

interface Dialect {
  readonly separator: string;
  readonly lang: Lang;
}

export function csvDialect(lang: Lang): Dialect {
  return { separator: lang === "en" ? "," : ";", lang };
}

type Cell = { readonly text: string } | { readonly number: number } | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

function field(cell: Cell, dialect: Dialect): string {
  if (cell === undefined) return "";
  if ("number" in cell) return localNumber(cell.number, dialect.lang);
  const text = FORMULA_START.test(cell.text) ? `'${cell.text}` : cell.text;
  const quote = text !== cell.text || /["\r\n]/.test(text) || text.includes(dialect.separator);
  return quote ? `"${text.replace(/"/g, '""')}"` : text;
}

const text = (t: string): Cell => ({ text: t });
const number = (n: number | undefined): Cell => (n === undefined ? undefined : { number: n });

export function ratingCsv(view: ReportView): string {
  const dialect = csvDialect(view.lang);
  const header = [
    "period",
    "rank",
    "rank_change",
    "unit",
    "name",
    "total",
    ...(view.graded ? ["grade", "grade_label"] : []),
    "data_share",
    "zeroed",
    "not_rated_reason",
    ...view.blocks.map((b) => b.id),
  ].map(text);
  const lines: Cell[][] = [header];
  for (const p of view.periods) {
    for (const row of p.rows) {
      lines.push([
        text(p.period),
        number(row.rank),
        number(row.rankChange),
        text(row.unitId),
        text(row.name),
        number(row.total),
        ...(row.grade ? [text(row.grade.id), text(row.grade.label)] : []),
        number(row.coverage?.weight),
        number(row.coverage?.zeroed),
        undefined,
        ...view.blocks.map((b) => number(row.blocks[b.id]?.score)),
      ]);
    }
    // Units not rated: no rank, total or grade; their share with data and why.
    for (const n of p.coverage.notRated) {
      lines.push([
        text(p.period),
        undefined,
        undefined,
        text(n.unitId),
        text(n.name),
        undefined,
        ...(view.graded ? [undefined, undefined] : []),
        number(n.coverage.weight),
        undefined,
        text(n.reason),
        ...view.blocks.map(() => undefined),
      ]);
    }
  }
  return BOM + lines.map((cells) => `${cells.map((c) => field(c, dialect)).join(dialect.separator)}\r\n`).join("");
}
