import { parsePeriod } from "../data/period.js";
import type { Lang } from "../model/ruleset.js";
import { MONTH_NAMES } from "../report/period-label.js";

/**
 * When a version is in force, as an official text says it: "с 1 января 2026 г.", "2026 жылғы
 * 1 қаңтардан бастап", "from 1 January 2026". The ruleset gives months (effective.from is the first month
 * in force, `to` the last), so the dates are the first day of `from` and the last day of `to`. Month
 * names are inflected from tables rather than by rule: Russian genitive, Kazakh ablative and dative.
 */
const RU_GENITIVE = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];
/** "from": қаңтардан ... желтоқсаннан (the ablative suffix follows the last sound of the name). */
const KK_FROM = ["дан", "нан", "дан", "ден", "дан", "нан", "ден", "дан", "тен", "нан", "дан", "нан"];
/** "until": қаңтарға ... желтоқсанға (the dative). */
const KK_UNTIL = ["ға", "ға", "ға", "ге", "ға", "ға", "ге", "ға", "ке", "ға", "ға", "ға"];

interface Day {
  readonly year: number;
  /** 0-11 */
  readonly month: number;
  readonly day: number;
}

function parseMonth(text: string): { year: number; month: number } | undefined {
  const p = parsePeriod(text);
  return p?.kind === "month" ? { year: p.year, month: p.index - 1 } : undefined;
}

function firstDay(text: string): Day | undefined {
  const m = parseMonth(text);
  return m ? { ...m, day: 1 } : undefined;
}

function lastDay(text: string): Day | undefined {
  const m = parseMonth(text);
  return m ? { ...m, day: new Date(Date.UTC(m.year, m.month + 1, 0)).getUTCDate() } : undefined;
}

function ruDate(d: Day): string {
  return `${d.day} ${RU_GENITIVE[d.month]} ${d.year} г.`;
}

function kkDate(d: Day, suffixes: readonly string[]): string {
  return `${d.year} жылғы ${d.day} ${MONTH_NAMES.kk[d.month]}${suffixes[d.month]}`;
}

function enDate(d: Day): string {
  return `${d.day} ${MONTH_NAMES.en[d.month]} ${d.year}`;
}

/** The period a version is in force, in words; months that do not parse are shown as written. */
export function inForceText(from: string, to: string | undefined, lang: Lang): string {
  const start = firstDay(from);
  const end = to === undefined ? undefined : lastDay(to);
  if (!start || (to !== undefined && !end)) return to === undefined ? `${from} –` : `${from} – ${to}`;
  switch (lang) {
    case "ru":
      return end ? `с ${ruDate(start)} по ${ruDate(end)}` : `с ${ruDate(start)}`;
    case "kk":
      return end ? `${kkDate(start, KK_FROM)} ${kkDate(end, KK_UNTIL)} дейін` : `${kkDate(start, KK_FROM)} бастап`;
    case "en":
      return end ? `from ${enDate(start)} to ${enDate(end)}` : `from ${enDate(start)}`;
  }
}
