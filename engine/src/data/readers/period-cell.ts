import { shorten } from "../parse-number.js";
import { formatPeriod, PERIOD_FORMAT_HINT, type Period, parsePeriod } from "../period.js";
import type { CellContent } from "./cell.js";

export type PeriodRead =
  | { readonly ok: true; readonly period: Period }
  | { readonly ok: false; readonly message: string; readonly suggestion: string };

/**
 * A period cell: text "2026-03", "2026-Q1" or "2026"; a whole number 2026 (a year, as Excel stores it); or
 * an Excel date on the 1st of a month, which is what Excel makes of "2026-03" typed into a cell. Other
 * spellings are not guessed at, only suggested.
 */
export function readPeriodCell(content: CellContent): PeriodRead {
  if (content.kind === "number") {
    const year = content.value;
    if (Number.isInteger(year) && year >= 1000 && year <= 9999) {
      return { ok: true, period: { kind: "year", year, index: 1 } };
    }
    return notAPeriod(String(content.value));
  }
  if (content.kind === "date") {
    const d = content.date;
    if (d.getUTCDate() === 1 && d.getUTCHours() === 0 && d.getUTCMinutes() === 0) {
      return { ok: true, period: { kind: "month", year: d.getUTCFullYear(), index: d.getUTCMonth() + 1 } };
    }
    const asMonth = formatPeriod({ kind: "month", year: d.getUTCFullYear(), index: d.getUTCMonth() + 1 });
    return {
      ok: false,
      message: `the date ${d.toISOString().slice(0, 10)} is not a period`,
      suggestion: `write the month as text: ${asMonth} (${PERIOD_FORMAT_HINT})`,
    };
  }
  if (content.kind !== "text") return notAPeriod(content.kind === "boolean" ? String(content.value) : content.kind);
  const period = parsePeriod(content.text);
  return period ? { ok: true, period } : notAPeriod(content.text.trim());
}

function notAPeriod(text: string): PeriodRead {
  const guess = guessPeriod(text);
  return {
    ok: false,
    message: `"${shorten(text)}" is not a period`,
    suggestion: guess ? `write ${guess} (${PERIOD_FORMAT_HINT})` : PERIOD_FORMAT_HINT,
  };
}

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** The period a person probably meant by a common other spelling ("03.2026", "Q1 2026", "I кв. 2026"). */
export function guessPeriod(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  const month = (year: string, m: string) => {
    const index = Number(m);
    return index >= 1 && index <= 12 ? formatPeriod({ kind: "month", year: Number(year), index }) : undefined;
  };
  let m = /^(\d{1,2})[./-](\d{4})$/.exec(t);
  if (m) return month(m[2] ?? "", m[1] ?? "");
  m = /^(\d{4})[./-](\d{1,2})$/.exec(t);
  if (m) return month(m[1] ?? "", m[2] ?? "");
  m = /^(\d{4})(\d{2})$/.exec(t);
  if (m) return month(m[1] ?? "", m[2] ?? "");
  m = /^\d{1,2}[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (m) return month(m[2] ?? "", m[1] ?? "");
  m = /^(\d{4})-(\d{1,2})-\d{1,2}$/.exec(t);
  if (m) return month(m[1] ?? "", m[2] ?? "");
  m = /^(\d{4})\s*[-/ ]?\s*q\s*([1-4])$/.exec(t);
  if (m) return `${m[1]}-Q${m[2]}`;
  m = /^q\s*([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(t);
  if (m) return `${m[2]}-Q${m[1]}`;
  m = /^([1-4]|i{1,3}|iv)\s*(?:кв\.?|квартал|тоқсан|quarter)\s*(\d{4})/.exec(t);
  if (m) return `${m[2]}-Q${ROMAN[m[1] ?? ""] ?? m[1]}`;
  m = /^(\d{4})\s*(?:г\.?|год|ж\.?|жыл)$/.exec(t);
  if (m) return m[1];
  return undefined;
}
