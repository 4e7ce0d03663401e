import type { MissingReason } from "../formula/value.js";
import { describeMissing } from "../formula/value.js";
import type { Lang } from "../model/ruleset.js";

/**
 * Why a value is missing, in the reader's language: describeMissing (formula/value.ts) says it in English
 * for diagnostics and `tarazy eval`; explain and other kk/ru faces use these. Names, periods and formula
 * text are kept as written (they are ids and codes).
 */
export function missingInWords(reason: MissingReason, lang: Lang): string {
  if (lang === "en") return describeMissing(reason);
  const at = "range" in reason ? where(reason.range.start.line, reason.range.start.column, lang) : "";
  const kk = lang === "kk";
  switch (reason.kind) {
    case "no-data":
      return kk
        ? `${reason.unit} үшін ${reason.period} кезеңінде ${reason.name} мәні жоқ`
        : `нет значения ${reason.name} для ${reason.unit} за ${reason.period}`;
    case "not-applicable":
      return kk
        ? `${reason.name} ${reason.unit} үшін ${reason.period} кезеңінде қолданылмайды (n/a)`
        : `${reason.name} не применяется (n/a) для ${reason.unit} за ${reason.period}`;
    case "division-by-zero":
      return kk ? `нөлге бөлу: ${reason.text} = 0${at}` : `деление на ноль: ${reason.text} = 0${at}`;
    case "domain":
      return kk
        ? `${reason.function}: функция бұл мәнде анықталмаған${at}`
        : `${reason.function}: функция не определена при этом значении${at}`;
    case "explicit":
      return kk ? `формула мәнді әдейі бермейді${at}` : `формула намеренно не даёт значения${at}`;
    case "out-of-range":
      return kk
        ? `${reason.function} деректер басталғанға дейінгі ${reason.period} кезеңіне жүгінеді`
        : `${reason.function} обращается к ${reason.period}, до начала данных`;
    case "no-peers":
      return kk
        ? `${reason.function}: бұл кезеңде ешбір бағаланушыда мән жоқ`
        : `${reason.function}: ни у одного объекта оценки нет значения в этом периоде`;
  }
}

function where(line: number, column: number, lang: Lang): string {
  return lang === "kk" ? ` (${line}-жол, ${column}-баған)` : ` (строка ${line}, столбец ${column})`;
}
