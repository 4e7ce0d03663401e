import type { Lang } from "../model/ruleset.js";
import { formatNumber } from "../report/number-format.js";

export { fill } from "../util/fill.js";

type Words = Readonly<Record<Lang, string>>;
const w = (kk: string, ru: string, en: string): Words => ({ kk, ru, en });

/**
 * The words of the audit's text and HTML (`tarazy audit --lang kk|ru|en`): no English in kk and ru. The
 * findings are diagnostics whose messages are in the reader's language too (finding-words.ts); the HTML
 * heads each with its title below.
 */
export const AW = {
  title: w("Статистикалық аудит", "Статистический аудит", "Statistical audit"),
  of: w("", "", "of"),
  units: w("бағаланушы", "единиц", "units"),
  indicatorsHead: w(
    "Көрсеткіштер (мәннен бағаланған бағаланушылардың бағалары; салмақ пен маңыздылық — жиынтықтағы үлес):",
    "Показатели (оценки единиц, оценённых по значению; вес и значимость — доли итога):",
    "Indicators (scores of the units scored from a value; weights and importance as shares of the total):",
  ),
  blocksHead: w("Блоктар:", "Блоки:", "Blocks:"),
  correlationsHead: w(
    "Блоктар арасындағы корреляция (Пирсон r — төменгі үшбұрыш; Спирмен ρ — жоғарғы):",
    "Корреляции между блоками (Пирсон r — нижний треугольник; Спирмен ρ — верхний):",
    "Correlations between blocks (Pearson r, lower triangle; Spearman ρ, upper):",
  ),
  indicator: w("көрсеткіш", "показатель", "indicator"),
  block: w("блок", "блок", "block"),
  cover: w("қамту", "охват", "cover"),
  dist: w("әртүрлі", "различных", "dist"),
  at0: w("0-де", "на 0", "at 0"),
  at1: w("1-де", "на 1", "at 1"),
  skew: w("асимм.", "асимм.", "skew"),
  kurt: w("эксцесс", "эксцесс", "kurt"),
  out: w("шығу", "выбросы", "out"),
  rBlock: w("r блок", "r блок", "r blk"),
  rTotal: w("r жиын", "r итог", "r tot"),
  rhoTotal: w("ρ жиын", "ρ итог", "ρ tot"),
  weight: w("салмақ", "вес", "weight"),
  effect: w("әсер", "влияние", "effect"),
  indicators: w("көрс.", "показ.", "indic."),
  alpha: w("альфа", "альфа", "alpha"),
  unitsCol: w("бағаланушы", "единиц", "units"),
  pc1: w("ГК1", "ГК1", "PC1"),
  yes: w("иә", "да", "yes"),
  na: w("ж/қ", "н/д", "n/a"),
  legendStats: w(
    "асимм.: іріктеме асимметриясы; эксцесс: іріктеменің артық эксцессі (қалыпты үлестірімде 0); шығу: JRC ережесі (|асимм.| > {s} және эксцесс > {k}).",
    "асимм.: выборочная асимметрия; эксцесс: выборочный эксцесс (0 для нормального распределения); выбросы: правило JRC (|асимм.| > {s} и эксцесс > {k}).",
    "skew: sample skewness; kurt: sample excess kurtosis (0 for a normal distribution); out: the JRC's outlier rule (|skew| > {s} and kurt > {k}).",
  ),
  legendCorr: w(
    "r: Пирсон, ρ: Спирмен; блок: блок ұпайларымен, жиын: жиынтықпен; әсер: тиімді маңыздылық; ГК1: бірінші бас компонент.",
    "r: Пирсон, ρ: Спирмен; блок: с баллами блока, итог: с итогом; влияние: эффективная значимость; ГК1: первая главная компонента.",
    "r: Pearson, ρ: Spearman, blk: with the block's points, tot: with the total; effect: effective importance.",
  ),
  counts: w(
    "{w} ескерту және {n} хабарлама (жоғарыда, ереже файлдарының жолдарында).",
    "{w} предупреждений и {n} замечаний (выше, в строках файлов правил).",
    "{w} warnings and {n} notes (listed above, at the rule files' lines).",
  ),
  // HTML
  pageNote: w(
    "{n} бағаланушы. Статистика мәннен бағаланған бағаланушылар бойынша (жұптап); docs/audit.md қараңыз.",
    "{n} единиц. Статистика по единицам, оценённым по значению (попарно); см. docs/audit.md.",
    "{n} units. Statistics over the units scored from a value (pairwise); see docs/audit.md.",
  ),
  findings: w("Табылғандар", "Замечания", "Findings"),
  none: w("Жоқ.", "Нет.", "None."),
  code: w("код", "код", "code"),
  where: w("қайда", "где", "where"),
  finding: w("табылған", "замечание", "finding"),
  blocks: w("Блоктар", "Блоки", "Blocks"),
  blockWord: w("Блок", "Блок", "Block"),
  bars: w(
    "салмақ (сұр) және маңыздылық (көк)",
    "вес (серый) и значимость (синий)",
    "weight (grey) and importance (blue)",
  ),
  heatCaption: w(
    "Пирсон r — диагональдан төмен, Спирмен ρ — жоғары",
    "Пирсон r ниже диагонали, Спирмен ρ выше",
    "Pearson r below the diagonal, Spearman ρ above",
  ),
  blockCorrelations: w("Блоктар арасындағы корреляция", "Корреляции между блоками", "Correlations between blocks"),
} as const;

/** The statistics of an indicator, as columns after its id (and block): the text's table and the page's. */
export const STAT_COLUMNS = [
  AW.cover,
  AW.dist,
  AW.at0,
  AW.at1,
  AW.skew,
  AW.kurt,
  AW.out,
  AW.rBlock,
  AW.rTotal,
  AW.rhoTotal,
  AW.weight,
  AW.effect,
] as const;

/** Finding titles by code, for the kk/ru HTML (the English titles are the catalog's, engine/src/audit/codes.ts). */
export const FINDING_TITLES: Readonly<Record<string, Words>> = {
  A101: w("Деректермен қамту төмен", "Низкий охват данными", "Low data coverage"),
  A102: w("Көрсеткіш ешкімді ажыратпайды", "Показатель никого не различает", "Indicator ranks no one"),
  A103: w(
    "Бағаланушылардың көбі бағаның шегінде",
    "Многие единицы на границе оценки",
    "Many units at the score's floor or cap",
  ),
  A104: w("Шығындылар: асимметрия мен ауыр құйрық", "Выбросы: асимметрия и тяжёлые хвосты", "Outliers"),
  A201: w("Блокпен теріс корреляция", "Отрицательная корреляция с блоком", "Negative correlation with the block"),
  A202: w("Бір-бірін қайталайтын көрсеткіштер", "Почти дублирующие показатели", "Near-duplicate indicators"),
  A203: w(
    "Тиімді маңыздылық номиналды салмақтан әлдеқайда төмен",
    "Эффективная значимость много ниже номинального веса",
    "Effective importance far below the nominal weight",
  ),
  A301: w("Блоктың ішкі үйлесімділігі төмен", "Низкая внутренняя согласованность блока", "Low internal consistency"),
};

/** A statistic with `decimals` places in the language's notation; "n/a" (ж/қ, н/д) when there is none. */
export function stat(x: number | null | undefined, lang: Lang, decimals = 2): string {
  return x === undefined || x === null ? AW.na[lang] : formatNumber(x, lang, decimals);
}

/** A share as a percentage with `decimals` places. */
export function share(x: number | undefined, lang: Lang, decimals: number): string {
  return x === undefined ? AW.na[lang] : `${formatNumber(x * 100, lang, decimals)}%`;
}
