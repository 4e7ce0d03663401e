import { parsePeriod } from "../data/period.js";
import type { Lang } from "../model/ruleset.js";

/** Month names in the nominative, January first. */
export const MONTH_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  kk: [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
  ],
  ru: [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

const ROMAN = ["I", "II", "III", "IV"];

/** Period names as a reader writes them: "2026 ж. I тоқсан", "I квартал 2026 г.", "Q1 2026". */

/** The period id ("2026-03", "2026-Q1", "2026") in words; an id that does not parse is shown as it is. */
export function periodLabel(id: string, lang: Lang): string {
  const p = parsePeriod(id);
  if (!p) return id;
  if (p.kind === "month") {
    const month = MONTH_NAMES[lang][p.index - 1] ?? String(p.index);
    return lang === "kk" ? `${p.year} ж. ${month}` : lang === "ru" ? `${month} ${p.year} г.` : `${month} ${p.year}`;
  }
  if (p.kind === "quarter") {
    const q = ROMAN[p.index - 1] ?? String(p.index);
    return lang === "kk"
      ? `${p.year} ж. ${q} тоқсан`
      : lang === "ru"
        ? `${q} квартал ${p.year} г.`
        : `Q${p.index} ${p.year}`;
  }
  return lang === "kk" ? `${p.year} ж.` : lang === "ru" ? `${p.year} г.` : String(p.year);
}
