import type { Lang } from "../model/ruleset.js";

/** Words the editor faces show (completion details, hover headings) beside the report's LABELS. */
export const EDITOR_LABELS = {
  field: { kk: "дерек өрісі", ru: "поле данных", en: "field" },
  indicator: { kk: "көрсеткіш", ru: "показатель", en: "indicator" },
  attribute: { kk: "бағаланушы атрибуты", ru: "атрибут объекта оценки", en: "unit attribute" },
  value: { kk: "көрсеткіштің мәні", ru: "значение показателя", en: "the indicator's value" },
  function: { kk: "функция", ru: "функция", en: "function" },
  keyword: { kk: "кілт сөз", ru: "ключевое слово", en: "keyword" },
  unit: { kk: "бағаланушы", ru: "объект оценки", en: "unit" },
  block: { kk: "блок", ru: "блок", en: "block" },
  group: { kk: "топ", ru: "группа", en: "group" },
  rating: { kk: "рейтинг", ru: "рейтинг", en: "rating" },
  kind: { kk: "бағаланушы түрі", ru: "вид объекта оценки", en: "unit kind" },
  period: { kk: "кезең", ru: "период", en: "period" },
  parameters: { kk: "Параметрлері", ru: "Параметры", en: "Parameters" },
  example: { kk: "Мысал", ru: "Пример", en: "Example" },
  gives: { kk: "нәтижесі", ru: "результат", en: "gives" },
  blockIndicatorSum: {
    kk: "көрсеткіштер салмақтарының қосындысы",
    ru: "сумма весов показателей",
    en: "sum of its indicators' weights",
  },
  aggregate: { kk: "Тоқсанға/жылға біріктіру", ru: "Свод за квартал/год", en: "Aggregate over a quarter/year" },
  cumulative: { kk: "жыл басынан жинақталған", ru: "нарастающим итогом", en: "running total since January" },
  attributes: { kk: "Атрибуттары", ru: "Атрибуты", en: "Attributes" },
  kindOf: { kk: "Түрі", ru: "Вид", en: "Kind" },
  typeNumber: { kk: "сан", ru: "число", en: "number" },
  typeBoolean: { kk: "иә/жоқ", ru: "да/нет", en: "yes/no" },
  typeString: { kk: "мәтін", ru: "текст", en: "text" },
  typeAny: { kk: "кез келген түр", ru: "любой тип", en: "any type" },
  typeT: { kk: "мәндерінің түрі", ru: "тип значений", en: "the type of its values" },
  scoreWord: { kk: "бағасы", ru: "оценка", en: "score" },
  explain: { kk: "Қалай есептелді", ru: "Как рассчитано", en: "How it was computed" },
  diagnostic: { kk: "Хабарлама", ru: "Сообщение", en: "Diagnostic" },
  fix: { kk: "Қалай түзетуге болады", ru: "Как исправить", en: "How to fix" },
  error: { kk: "қате", ru: "ошибка", en: "error" },
  warning: { kk: "ескерту", ru: "предупреждение", en: "warning" },
  info: { kk: "ақпарат", ru: "сведения", en: "info" },
} as const satisfies Record<string, Readonly<Record<Lang, string>>>;

export type EditorLabel = keyof typeof EDITOR_LABELS;

export function editorLabel(key: EditorLabel, lang: Lang): string {
  return EDITOR_LABELS[key][lang];
}
