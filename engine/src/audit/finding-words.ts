import type { Lang } from "../model/ruleset.js";

type Words = Readonly<Record<Lang, string>>;
const w = (kk: string, ru: string, en: string): Words => ({ kk, ru, en });

/**
 * The audit findings' messages and suggestions (findings.ts) in the three languages, `{name}` filled in:
 * `tarazy audit --lang kk|ru` shows them with no English, on stderr, in the JSON and in the editor alike.
 * The English ones are the diagnostics' catalog language (docs/diagnostics.md).
 */
export const FW = {
  A101: w(
    "{id}: {applicable} бағаланушының {scored} мәні бар ({share}), {min} шегінен төмен",
    "{id}: значение есть у {scored} из {applicable} единиц ({share}), ниже порога {min}",
    "{id} has a value for {scored} of {applicable} units ({share}), below {min}",
  ),
  A102: w(
    "{id} бойынша бағаланған {n} бағаланушының бәрі бірдей баға алады, сондықтан ешкімді ажыратпайды",
    "все {n} единиц, оценённых по {id}, получают одну и ту же оценку, поэтому он никого не различает",
    "every one of the {n} units scored on {id} gets the same score, so it ranks no one",
  ),
  A102fix: w(
    "межелерді немесе жоспарды көтеріңіз, не бағалаудың дәлірек әдісін алыңыз",
    "поднимите пороги или план либо возьмите более тонкий метод оценки",
    "raise the goalposts or plan, or use a finer score method",
  ),
  A103: w(
    "бағаланушылардың {share} {id} бойынша {where} алады",
    "{share} единиц получают по {id} {where}",
    "{share} of the units score {where} on {id}",
  ),
  cap: w("жоғарғы шекті (1)", "верхнюю границу (1)", "the cap (1)"),
  floor: w("төменгі шекті (0)", "нижнюю границу (0)", "the floor (0)"),
  A103fix: w(
    "бағаланушылардың көбі жететін шек одан әрі күш салуды бағаламайды: жоспарды немесе межелерді тексеріңіз",
    "граница, которой достигает большинство, не вознаграждает дальнейших усилий: проверьте план или пороги",
    "a cap most units reach rewards no further effort: check the plan or goalposts",
  ),
  A104: w(
    "{id}: асимметрия {skew}, артық эксцесс {kurt} ({n} бағаланушы; шектері {s} және {k}); {treated}",
    "{id}: асимметрия {skew} и избыточный эксцесс {kurt} по {n} единицам (выше {s} и {k}); {treated}",
    "{id}: skewness {skew} and excess kurtosis {kurt} over {n} units (above {s} and {k}); {treated}",
  ),
  A104fix: w(
    "`goalposts`, `bands` немесе `transform: ln` қолданыңыз, не `minmax` немесе `zscore` шкаласы алдында мәндерді шектеңіз",
    "используйте `goalposts`, `bands` или `transform: ln` либо ограничьте значения до шкалы `minmax` или `zscore`",
    "use goalposts, bands or `transform: ln`, or cap the values before a min-max or z-score scale",
  ),
  winsorised: w(
    "шеткі мәндерді ({points}) винзорлағанда асимметрия {ws}, эксцесс {wk} қалады; {log}",
    "винзоризация крайних значений ({points}) оставит асимметрию {ws}, эксцесс {wk}; {log}",
    "winsorising {points} {values} would leave skewness {ws}, kurtosis {wk}; {log}",
  ),
  notWinsorised: w(
    "шеткі мәндерді ({points}) винзорлау жеткіліксіз (асимметрия {ws}, эксцесс {wk}); {log}",
    "винзоризации крайних значений ({points}) недостаточно (асимметрия {ws}, эксцесс {wk}); {log}",
    "winsorising {points} values is not enough (skewness {ws}, kurtosis {wk}); {log}",
  ),
  value: w("", "", "value"),
  values: w("", "", "values"),
  log: w(
    "логарифмнен{shifted} кейін асимметрия {ls}, эксцесс {lk} қалады{still}",
    "логарифм{shifted} оставит асимметрию {ls}, эксцесс {lk}{still}",
    "a log{shifted} would leave skewness {ls}, kurtosis {lk}{still}",
  ),
  shifted: w(" (мән − ең кіші мән + 1)", " (от значения − минимум + 1)", " (of x - min + 1)"),
  still: w(" (шығыңқы мәндер қалады)", " (выбросы остаются)", " (still outliers)"),
  A201: w(
    "{id} өз блогымен ({block}) теріс корреляцияда (Пирсон {r}, Спирмен {rho}, {n} бағаланушы)",
    "{id} отрицательно коррелирует со своим блоком {block} (Пирсон {r}, Спирмен {rho}, {n} единиц)",
    "{id} correlates negatively with its block {block} (Pearson {r}, Spearman {rho}, {n} units)",
  ),
  A201fix: w("`better:` пен формуланы тексеріңіз", "проверьте `better:` и формулу", "check `better:` and the formula"),
  A202: w(
    "{a} мен {b} бірін-бірі қайталайды: бағаларының Пирсон r = {r} ({threshold} шегінен жоғары)",
    "{a} и {b} почти дублируют друг друга: Пирсон r = {r} между их оценками (выше {threshold})",
    "{a} and {b} are near-duplicates: Pearson r = {r} between their scores (above {threshold})",
  ),
  A202fix: w(
    "біреуін қалдырыңыз, біріктіріңіз немесе салмақтарын азайтыңыз",
    "оставьте один, объедините их или уменьшите их веса",
    "keep one, merge them, or lower their weights",
  ),
  A203: w(
    "{id} номиналды салмақтың {weight} алады, бірақ тиімді маңыздылығы {importance} (жиынтықпен Пирсон r {r})",
    "{id} несёт {weight} номинального веса, но его эффективная значимость {importance} (Пирсон r с итогом {r})",
    "{id} carries {weight} of the nominal weight but its effective importance is {importance} (Pearson r with the total {r})",
  ),
  A301: w(
    "{id}: Кронбах альфасы {alpha} (барлық бағасы бар {n} бағаланушы бойынша) {min} шегінен төмен; бірінші бас компонент дисперсияның {pc1} түсіндіреді",
    "{id}: альфа Кронбаха {alpha} (по {n} единицам со всеми оценками) ниже {min}; первая главная компонента объясняет {pc1} дисперсии",
    "{id}: Cronbach's alpha {alpha} (over {n} units with every score) is below {min}; the first principal component explains {pc1} of the variance",
  ),
  A301fix: w(
    "блок корреляцияларын `tarazy audit --format json` арқылы қараңыз; әртүрлі міндеттер блогы әдейі солай болуы мүмкін",
    "см. корреляции блока в `tarazy audit --format json`; блок разных обязанностей может быть таким намеренно",
    "see the block's correlations in `tarazy audit --format json`; a block of distinct duties may be so by design",
  ),
  na: w("ж/қ", "н/д", "n/a"),
} as const;
