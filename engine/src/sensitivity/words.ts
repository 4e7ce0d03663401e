import type { Lang } from "../model/ruleset.js";

type Words = Readonly<Record<Lang, string>>;
const w = (kk: string, ru: string, en: string): Words => ({ kk, ru, en });

/** The words of the sensitivity analysis' text and HTML (`tarazy sensitivity --lang kk|ru|en`): no English in kk/ru. */
export const SW = {
  title: w("Сезімталдық", "Чувствительность", "Sensitivity"),
  of: w("", "", "of"),
  units: w("бағаланушы", "единиц", "units"),
  design: w(
    "болжамдар {file}; N = {runs}, бастапқы сан {seed}: {ratings} рейтинг, орын статистикасы {samples} бойынша",
    "допущения {file}; N = {runs}, зерно {seed}: {ratings} расчётов, статистика мест по {samples}",
    "assumptions {file}; N = {runs}, seed {seed}: {ratings} ratings, rank statistics over {samples}",
  ),
  rank: w("орын", "место", "rank"),
  unit: w("бағаланушы", "объект оценки", "unit"),
  median: w("медиана", "медиана", "median"),
  shift: w(
    "Орынның орташа абсолютті ығысуы: {x} орын.",
    "Среднее абсолютное смещение места: {x} места.",
    "Mean absolute rank shift: {x} places.",
  ),
  indicesHead: w(
    "Сезімталдық индекстері (бірінші ретті S, толық ST; орташа ығысудың және бағаланушылар орындарының):",
    "Индексы чувствительности (первого порядка S, полные ST; среднего смещения и мест единиц вместе):",
    "Sensitivity indices (first order S, total ST; of the mean rank shift, and of the ranks pooled over the units):",
  ),
  assumption: w("болжам", "допущение", "assumption"),
  kind: w("түрі", "вид", "kind"),
  params: w("парам.", "парам.", "params"),
  sShift: w("S ығысу", "S смещ.", "S shift"),
  stShift: w("ST ығысу", "ST смещ.", "ST shift"),
  sRanks: w("S орын", "S места", "S ranks"),
  stRanks: w("ST орын", "ST места", "ST ranks"),
  legend: w(
    "S: болжам жалғыз өзі түсіндіретін дисперсия үлесі; ST: өзара әрекеттесумен. Бағалаулар: шағын теріс мәндер мен 1-ден асатын қосындылар — іріктеме қатесі (--runs көбейтіңіз).",
    "S: доля дисперсии, которую допущение объясняет само; ST: с взаимодействиями. Оценки: малые отрицательные значения и суммы больше 1 — ошибка выборки (увеличьте --runs).",
    "S: the share of the variance the assumption explains alone; ST: with its interactions. Estimates: small\nnegative values and sums above 1 are sampling error (raise --runs).",
  ),
  na: w("ж/қ", "н/д", "n/a"),
  // HTML
  pageNote: w(
    "N = {runs}, бастапқы сан {seed}: {ratings} рейтинг; орын статистикасы {samples} есептеу бойынша. Орынның орташа абсолютті ығысуы: {shift} орын. Мұрт: 5-тен 95-ке дейінгі перцентиль орын; нүкте: медиана; сақина: бағаланған орын.",
    "N = {runs}, зерно {seed}: {ratings} расчётов; статистика мест по {samples} прогонам. Среднее абсолютное смещение места: {shift} места. Усы: места от 5-го до 95-го перцентиля; точка: медиана; кольцо: место по рейтингу.",
    "N = {runs}, seed {seed}: {ratings} ratings; rank statistics over {samples} runs. Mean absolute rank shift: {shift} places. Whiskers: 5th to 95th percentile rank; dot: median; ring: the rank as rated.",
  ),
  indices: w("Сезімталдық индекстері", "Индексы чувствительности", "Sensitivity indices"),
  ranks: w("орындар {a}–{b}, медиана {m}", "места {a}–{b}, медиана {m}", "ranks {a} to {b}, median {m}"),
} as const;

/** The kinds of assumption in words. */
export const KINDS: Readonly<Record<string, Words>> = {
  "block-weights": w("блок салмақтары", "веса блоков", "block-weights"),
  "indicator-weights": w("көрсеткіш салмақтары", "веса показателей", "indicator-weights"),
  "group-weights": w("топ салмақтары", "веса групп", "group-weights"),
  aggregation: w("агрегация", "агрегирование", "aggregation"),
  missing: w("деректердің болмауы", "пропуски данных", "missing"),
  rounding: w("дөңгелектеу", "округление", "rounding"),
  score: w("баға әдісі", "метод оценки", "score"),
};
