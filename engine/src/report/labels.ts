import type { Lang, Localized, LocalizedNote, Ruleset } from "../model/ruleset.js";

/**
 * Every UI string of the reports and the methodology document, in Kazakh, Russian and English, in one
 * table so that a translator sees them together. `{name}` marks a parameter filled by `label()`.
 * Names from the rule files (units, blocks, indicators, grades) are not here: they come localized from
 * the ruleset itself.
 */
export const LABELS = {
  // Reports
  rank: { kk: "Орын", ru: "Место", en: "Rank" },
  change: { kk: "Өзгеріс", ru: "Изменение", en: "Change" },
  unit: { kk: "Бағаланушы", ru: "Объект оценки", en: "Unit" },
  unitId: { kk: "Коды", ru: "Код", en: "Id" },
  total: { kk: "Жалпы балл", ru: "Итоговый балл", en: "Total" },
  grade: { kk: "Аймақ", ru: "Зона", en: "Grade" },
  period: { kk: "Кезең", ru: "Период", en: "Period" },
  periods: { kk: "Кезеңдер", ru: "Периоды", en: "Periods" },
  points: { kk: "Балл", ru: "Баллы", en: "Points" },
  score: { kk: "Бағасы (0–1)", ru: "Оценка (0–1)", en: "Score (0–1)" },
  value: { kk: "Мәні", ru: "Значение", en: "Value" },
  weight: { kk: "Салмағы", ru: "Вес", en: "Weight" },
  outOf: { kk: "{max} балдан", ru: "из {max}", en: "of {max}" },
  rankingTable: { kk: "Рейтинг кестесі", ru: "Рейтинговая таблица", en: "Ranking" },
  blockScores: { kk: "Блоктар бойынша балдар", ru: "Баллы по блокам", en: "Block scores" },
  blockDetails: { kk: "Блок көрсеткіштері", ru: "Показатели блока", en: "Block indicators" },
  barChartTitle: { kk: "Жалпы балдар", ru: "Итоговые баллы", en: "Totals" },
  barChartDesc: {
    kk: "Әр бағаланушының жалпы баллы, орны бойынша реттелген; түсі аймақты көрсетеді.",
    ru: "Итоговый балл каждого объекта оценки по порядку мест; цвет показывает зону.",
    en: "Each unit's total in rank order; the colour shows its grade.",
  },
  heatMapTitle: {
    kk: "Блоктар бойынша нәтиже",
    ru: "Результаты по блокам",
    en: "Results by block",
  },
  heatMapDesc: {
    kk: "Ұяшықта блок бойынша алынған балл; түсі блоктың ең жоғары балынан алынған үлесті көрсетеді (0–100%).",
    ru: "В ячейке балл по блоку; цвет показывает долю от максимального балла блока (0–100%).",
    en: "Each cell shows the block's points; its colour shows the share of the block's maximum (0–100%).",
  },
  trendTitle: { kk: "Орындардың өзгеруі", ru: "Динамика мест", en: "Rank over time" },
  trendDesc: {
    kk: "Әр бағаланушының кезеңдер бойынша орны; 1-орын жоғарыда.",
    ru: "Место каждого объекта оценки по периодам; 1-е место вверху.",
    en: "Each unit's rank by period; rank 1 at the top.",
  },
  rankByPeriod: { kk: "Кезеңдер бойынша орын", ru: "Места по периодам", en: "Rank by period" },
  share: { kk: "үлесі", ru: "доля", en: "share" },
  movedUp: { kk: "{n} орынға көтерілді", ru: "поднялся на {n}", en: "up {n}" },
  movedDown: { kk: "{n} орынға төмендеді", ru: "опустился на {n}", en: "down {n}" },
  unchanged: { kk: "өзгеріссіз", ru: "без изменений", en: "unchanged" },
  noPrevious: { kk: "алдыңғы кезең жоқ", ru: "нет предыдущего периода", en: "no previous period" },
  notApplicable: { kk: "қолданылмайды", ru: "не применяется", en: "not applicable" },
  missingValue: { kk: "дерек жоқ", ru: "нет данных", en: "no data" },
  // Coverage: how much of a unit's rating rests on data (scoring/coverage.ts)
  coverage: { kk: "Деректер", ru: "Данные", en: "Data" },
  coverageHelp: {
    kk: "Деректер: деректері бар көрсеткіштер салмағының үлесі.",
    ru: "Данные: доля веса показателей, по которым есть данные.",
    en: "Data: the share of the weight whose indicators have data.",
  },
  notRated: { kk: "Бағаланбағандар", ru: "Не оценены", en: "Not rated" },
  notRatedNote: {
    kk: "Деректері жеткіліксіз (ең азы салмақтың {min}): орын мен аймақ берілмейді.",
    ru: "Недостаточно данных (минимум {min} веса): место и зона не присваиваются.",
    en: "Too little data (the minimum is {min} of the weight): no rank and no grade.",
  },
  notRatedReason: {
    kk: "салмақтың {share} деректермен қамтылған; жоқ: {fields}",
    ru: "данными покрыто {share} веса; нет данных: {fields}",
    en: "{share} of the weight has data; missing: {fields}",
  },
  zeroedUnit: {
    kk: "Деректері жоқ, 0 деп бағаланған көрсеткіштер («нөл» саясаты): {n}.",
    ru: "Показатели без данных, оценённые в 0 (политика «ноль»): {n}.",
    en: "Indicators without data scored 0 (missing-data policy zero): {n}.",
  },
  zeroedColumn: { kk: "Деректерсіз 0", ru: "0 без данных", en: "0 for no data" },
  rankCoverage: {
    kk: "Деректері салмақтың {min} кемін қамтитын бағаланушылар бағаланбайды: оларға орын мен аймақ берілмейді, жетіспейтін деректер аталады.",
    ru: "Объекты оценки, данные которых покрывают менее {min} веса, не оцениваются: место и зона им не присваиваются, недостающие данные называются.",
    en: "Units whose data covers less than {min} of the weight are not rated: they get no rank and no grade, and the missing data is named.",
  },
  rankCoverageIndicators: {
    kk: "Көрсеткіштердің кемінде {min} деректермен қамтылуы тиіс.",
    ru: "Данные должны быть не менее чем по {min} показателей.",
    en: "At least {min} of the indicators must have data.",
  },
  zeroedNote: {
    kk: "Деректері жоқ, 0 деп бағаланған көрсеткіш мәндері («нөл» саясаты): {n}; бағаланушылар: {units}.",
    ru: "Значения показателей без данных, оценённые в 0 (политика «ноль»): {n}; объектов оценки: {units}.",
    en: "Indicator values without data scored 0 (missing-data policy zero): {n}; units: {units}.",
  },
  yes: { kk: "иә", ru: "да", en: "yes" },
  no: { kk: "жоқ", ru: "нет", en: "no" },
  about: { kk: "Есеп туралы", ru: "Об отчёте", en: "About this report" },
  ruleset: { kk: "Әдістеме", ru: "Методика", en: "Ruleset" },
  rating: { kk: "Рейтинг", ru: "Рейтинг", en: "Rating" },
  version: { kk: "Нұсқасы", ru: "Версия", en: "Version" },
  hash: { kk: "Хэш", ru: "Хэш", en: "Hash" },
  dataFiles: { kk: "Деректер файлдары", ru: "Файлы данных", en: "Data files" },
  noDataFiles: { kk: "көрсетілмеген", ru: "не указаны", en: "none given" },
  engine: { kk: "Tarazy нұсқасы", ru: "Версия Tarazy", en: "Tarazy version" },
  language: { kk: "Тілі", ru: "Язык", en: "Language" },
  generatedBy: {
    kk: "Tarazy {version} арқылы жасалды; бірдей кіріс деректерден бірдей файл шығады.",
    ru: "Сформировано Tarazy {version}; одни и те же входные данные дают тот же файл.",
    en: "Generated by Tarazy {version}; the same inputs give the same file.",
  },
  indicatorPointsNote: {
    kk: "Көрсеткіш бағандарында алынған балдар көрсетілген; мәндері мен бағалары XLSX есебінде.",
    ru: "В столбцах показателей указаны набранные баллы; значения и оценки приведены в отчёте XLSX.",
    en: "Indicator columns show the points earned; the XLSX report also has the values and scores.",
  },
  groupScoresNote: {
    kk: "Топ бағандарында топтың 0-ден 1-ге дейінгі бағасы көрсетілген (мүшелері топтың тәсілімен біріктірілген).",
    ru: "В столбцах групп указана оценка группы от 0 до 1 (её члены сведены так, как задано для группы).",
    en: "Group columns show the group's score from 0 to 1 (its members combined as the group says).",
  },
  summarySheet: { kk: "Рейтинг", ru: "Рейтинг", en: "Rating" },
  aboutSheet: { kk: "Есеп туралы", ru: "Об отчёте", en: "About" },

  // Methodology document
  methodology: { kk: "Бағалау әдістемесі", ru: "Методика оценки", en: "Rating methodology" },
  purpose: { kk: "Мақсаты", ru: "Назначение", en: "Purpose" },
  inForce: { kk: "Қолданылу мерзімі", ru: "Период действия", en: "In force" },
  scale: { kk: "Шкала", ru: "Шкала", en: "Scale" },
  scaleText: {
    kk: "Жалпы балл 0-ден {scale}-ге дейін; блоктардың салмақтары қосындысы {scale}.",
    ru: "Итоговый балл от 0 до {scale}; веса блоков в сумме дают {scale}.",
    en: "The total runs from 0 to {scale}; the blocks' weights add up to {scale}.",
  },
  ratings: { kk: "Рейтингтер және олардың жиілігі", ru: "Рейтинги и их периодичность", en: "Ratings and their rhythm" },
  frequency: { kk: "Жиілігі", ru: "Периодичность", en: "Frequency" },
  freqMonth: { kk: "ай сайын", ru: "ежемесячно", en: "monthly" },
  freqQuarter: { kk: "тоқсан сайын", ru: "ежеквартально", en: "quarterly" },
  freqYear: { kk: "жыл сайын", ru: "ежегодно", en: "yearly" },
  blocksWithPoints: { kk: "Блоктар (шкала балдары)", ru: "Блоки (баллы шкалы)", en: "Blocks (points of the scale)" },
  rescaledNote: {
    kk: "Бұл рейтингке блоктардың бір бөлігі ғана кіреді: олардың салмақтары толық шкалаға ({scale}) келтіріледі.",
    ru: "В этот рейтинг входит часть блоков: их веса пересчитываются на полную шкалу ({scale}).",
    en: "This rating takes only some of the blocks: their weights are rescaled to the full scale ({scale}).",
  },
  blocks: { kk: "Блоктар және көрсеткіштер", ru: "Блоки и показатели", en: "Blocks and indicators" },
  block: { kk: "Блок", ru: "Блок", en: "Block" },
  blockWeight: { kk: "Блок салмағы", ru: "Вес блока", en: "Block weight" },
  aggregation: { kk: "Біріктіру тәсілі", ru: "Способ агрегирования", en: "Aggregation" },
  aggArithmetic: {
    kk: "салмақталған орташа арифметикалық",
    ru: "взвешенное среднее арифметическое",
    en: "weighted arithmetic mean",
  },
  aggGeometric: {
    kk: "салмақталған орташа геометриялық",
    ru: "взвешенное среднее геометрическое",
    en: "weighted geometric mean",
  },
  aggMin: { kk: "ең төменгі баға", ru: "наименьшая оценка", en: "the lowest score" },
  groups: { kk: "Топтар", ru: "Группы", en: "Groups" },
  groupsOf: { kk: "{name}: топтар", ru: "{name}: группы", en: "{name}: groups" },
  drillNote: {
    kk: "Блокты ашсаңыз, оның топтарының бағалары (0–1) көрінеді; ішкі топтары бар топ та ашылады.",
    ru: "Раскройте блок, чтобы увидеть оценки его групп (0–1); группа с внутренними группами раскрывается так же.",
    en: "Open a block to see its groups' scores (0–1); a group with inner groups opens the same way.",
  },
  levelSheet: { kk: "{n}-деңгей", ru: "Уровень {n}", en: "Level {n}" },
  helperBlock: {
    kk: "көмекші блок: есептеледі, жалпы балға кірмейді",
    ru: "вспомогательный блок: вычисляется, в итог не входит",
    en: "helper block: computed, not in the total",
  },
  aggHarmonic: {
    kk: "салмақталған орташа гармоникалық",
    ru: "взвешенное среднее гармоническое",
    en: "weighted harmonic mean",
  },
  aggPower: {
    kk: "салмақталған дәрежелік орташа",
    ru: "взвешенное степенное среднее",
    en: "weighted power mean",
  },
  aggFormula: {
    kk: "мүшелердің бағалары бойынша формула: {formula}",
    ru: "формула от оценок элементов: {formula}",
    en: "a formula of the members' scores: {formula}",
  },
  indicators: { kk: "Көрсеткіштер", ru: "Показатели", en: "Indicators" },
  indicatorCount: { kk: "{n} көрсеткіш", ru: "показателей: {n}", en: "{n} indicators" },
  indicator: { kk: "Көрсеткіш", ru: "Показатель", en: "Indicator" },
  measure: { kk: "Өлшем бірлігі", ru: "Единица измерения", en: "Measure" },
  formula: { kk: "Формула", ru: "Формула", en: "Formula" },
  inputs: { kk: "Кіріс деректер", ru: "Исходные данные", en: "Inputs" },
  nameInFormula: { kk: "Формуладағы атауы", ru: "Имя в формуле", en: "Name in the formula" },
  direction: { kk: "Бағыты", ru: "Направленность", en: "Direction" },
  higherBetter: { kk: "жоғары болған сайын жақсы", ru: "чем выше, тем лучше", en: "higher is better" },
  lowerBetter: { kk: "төмен болған сайын жақсы", ru: "чем ниже, тем лучше", en: "lower is better" },
  weightInBlock: { kk: "Блоктағы салмағы", ru: "Вес в блоке", en: "Weight in the block" },
  effectiveWeight: { kk: "Жалпы балдағы салмағы", ru: "Вес в итоговом балле", en: "Weight in the total" },
  effectiveWeightNote: {
    kk: "Жалпы балдағы салмақ = блок салмағы × көрсеткіш салмағы / блок көрсеткіштері салмақтарының қосындысы. Көрсеткіш бағаланушыға қолданылмаса немесе дерегі шығарылып тасталса, оның салмағы блоктың басқа көрсеткіштеріне бөлінеді.",
    ru: "Вес в итоговом балле = вес блока × вес показателя / сумма весов показателей блока. Если показатель не применяется к объекту оценки или его данные исключены, его вес распределяется между остальными показателями блока.",
    en: "Weight in the total = block weight × indicator weight / sum of the block's indicator weights. When an indicator does not apply to a unit, or its data are excluded, its weight goes to the block's other indicators.",
  },
  scoringRule: { kk: "Бағалау ережесі", ru: "Правило оценки", en: "Scoring rule" },
  source: { kk: "Дерек көзі", ru: "Источник", en: "Source" },
  sourceUnit: {
    kk: "бағаланушы ұсынады",
    ru: "представляется объектом оценки",
    en: "reported by each unit",
  },
  sourceRegion: {
    kk: "облыс деңгейінде қалыптастырылады",
    ru: "формируется на областном уровне",
    en: "formed at the regional level",
  },
  applies: { kk: "Қолданылуы", ru: "Применимость", en: "Applies to" },
  appliesAll: { kk: "барлық бағаланушыларға", ru: "ко всем объектам оценки", en: "all units" },
  appliesKinds: { kk: "тек: {kinds}", ru: "только: {kinds}", en: "only {kinds}" },
  appliesUnits: { kk: "тек: {units}", ru: "только: {units}", en: "only {units}" },
  appliesExcept: { kk: "{units} қоспағанда", ru: "кроме: {units}", en: "except {units}" },
  appliesWhen: { kk: "шарт орындалғанда: {formula}", ru: "при условии: {formula}", en: "when {formula}" },
  missingPolicy: { kk: "Дерек болмаса", ru: "При отсутствии данных", en: "When data are missing" },
  missingZero: { kk: "0 балл беріледі", ru: "ставится 0 баллов", en: "scores 0" },
  missingExclude: {
    kk: "көрсеткіш есептен шығарылып, салмағы бөлінеді",
    ru: "показатель исключается, его вес перераспределяется",
    en: "left out, its weight redistributed",
  },
  missingFail: {
    kk: "рейтинг қатемен тоқтайды",
    ru: "расчёт рейтинга останавливается с ошибкой",
    en: "the rating stops with an error",
  },
  ranking: { kk: "Орындарды анықтау", ru: "Определение мест", en: "Ranking" },
  rankRound: {
    kk: "Орын анықталар алдында жалпы балл {n} ондық белгіге дейін дөңгелектенеді.",
    ru: "Перед определением мест итоговый балл округляется до {n} знаков после запятой.",
    en: "The total is rounded to {n} decimals before ranking.",
  },
  rankExact: {
    kk: "Орын дөңгелектенбеген жалпы балл бойынша анықталады.",
    ru: "Места определяются по неокруглённому итоговому баллу.",
    en: "Ranks follow the unrounded total.",
  },
  tiesCompetition: {
    kk: "Балдары тең бағаланушылар бір орынға ие болады, келесі орын өткізіледі (1, 2, 2, 4).",
    ru: "Объекты с равным баллом делят место, следующее место пропускается (1, 2, 2, 4).",
    en: "Equal totals share a rank and the next rank is skipped (1, 2, 2, 4).",
  },
  tiesDense: {
    kk: "Балдары тең бағаланушылар бір орынға ие болады, келесі орын өткізілмейді (1, 2, 2, 3).",
    ru: "Объекты с равным баллом делят место, следующее место не пропускается (1, 2, 2, 3).",
    en: "Equal totals share a rank and no rank is skipped (1, 2, 2, 3).",
  },
  tiesShared: {
    kk: "Балдары тең бағаланушыларға орындардың орташасы беріледі (1, 2,5, 2,5, 4).",
    ru: "Объектам с равным баллом присваивается среднее из мест (1; 2,5; 2,5; 4).",
    en: "Equal totals get the average of the ranks they span (1, 2.5, 2.5, 4).",
  },
  grades: { kk: "Аймақтар", ru: "Зоны", en: "Grades" },
  gradeFrom: { kk: "{min} балдан бастап", ru: "от {min} баллов", en: "from {min} points" },
  gradeOtherwise: { kk: "қалған мәндер", ru: "остальные значения", en: "any other value" },
  gradeBounds: { kk: "Шектері", ru: "Границы", en: "Bounds" },
  ratingGradesOn: {
    kk: "«{rating}» рейтингінің өз топтары «{on}» мәні бойынша, жазылған ретпен тексеріледі (шектер қоса алынады):",
    ru: "Собственные группы рейтинга «{rating}» по значению «{on}», проверяются в записанном порядке (границы включаются):",
    en: "The rating «{rating}» has grades of its own, decided on «{on}», checked in the order written (bounds included):",
  },
  ratingGradesTotal: {
    kk: "«{rating}» рейтингінің өз топтары жалпы балл бойынша, жазылған ретпен тексеріледі (шектер қоса алынады):",
    ru: "Собственные группы рейтинга «{rating}» по итоговому баллу, проверяются в записанном порядке (границы включаются):",
    en: "The rating «{rating}» has grades of its own, decided on the total, checked in the order written (bounds included):",
  },
  colour: { kk: "Түсі", ru: "Цвет", en: "Colour" },
  functions: { kk: "Қолданылатын функциялар", ru: "Используемые функции", en: "Functions used" },
  noFunctions: {
    kk: "Формулаларда функция қолданылмайды.",
    ru: "Функции в формулах не используются.",
    en: "The formulas use no functions.",
  },
  changes: {
    kk: "Алдыңғы нұсқадан өзгерістер",
    ru: "Изменения по сравнению с предыдущей версией",
    en: "Changes since the previous version",
  },
  changesSince: {
    kk: "{version} нұсқасымен салыстырғанда",
    ru: "по сравнению с версией {version}",
    en: "compared with version {version}",
  },
  noChanges: {
    kk: "Алдыңғы нұсқадан өзгеріс жоқ.",
    ru: "Изменений по сравнению с предыдущей версией нет.",
    en: "No changes since the previous version.",
  },
  firstVersion: {
    kk: "Бұл әдістеменің алғашқы нұсқасы.",
    ru: "Это первая версия методики.",
    en: "This is the first version of the methodology.",
  },
  name: { kk: "Атауы", ru: "Наименование", en: "Name" },
  description: { kk: "Сипаттамасы", ru: "Описание", en: "Description" },
  rationale: { kk: "Негіздемесі", ru: "Обоснование", en: "Rationale" },
  contents: { kk: "Мазмұны", ru: "Содержание", en: "Contents" },
  scoreAchievement: {
    kk: "Жоспардың орындалу деңгейі: {ratio} ({plan}), {cap} мәнінен аспайды, {cap} мәніне бөлінеді.",
    ru: "Степень достижения плана: {ratio} ({plan}), не более {cap}, делённое на {cap}.",
    en: "Plan achievement: {ratio} ({plan}), at most {cap}, divided by {cap}.",
  },
  scoreAchievementCap1: {
    kk: "Жоспардың орындалу деңгейі: {ratio} ({plan}), 1 мәнінен аспайды.",
    ru: "Степень достижения плана: {ratio} ({plan}), не более 1.",
    en: "Plan achievement: {ratio} ({plan}), at most 1.",
  },
  ratioHigher: { kk: "мән ÷ жоспар", ru: "значение ÷ план", en: "value ÷ plan" },
  ratioLower: { kk: "жоспар ÷ мән", ru: "план ÷ значение", en: "plan ÷ value" },
  planIs: { kk: "жоспар = {plan}", ru: "план = {plan}", en: "plan = {plan}" },
  scoreGoalpostsHigher: {
    kk: "Мән {min} немесе одан төмен болса 0, {max} немесе одан жоғары болса 1, аралығында сызықтық.",
    ru: "0 при значении {min} и ниже, 1 при {max} и выше, между ними линейно.",
    en: "0 at {min} or below, 1 at {max} or above, linear in between.",
  },
  scoreGoalpostsLower: {
    kk: "Мән {min} немесе одан төмен болса 1, {max} немесе одан жоғары болса 0, аралығында сызықтық.",
    ru: "1 при значении {min} и ниже, 0 при {max} и выше, между ними линейно.",
    en: "1 at {min} or below, 0 at {max} or above, linear in between.",
  },
  logScale: {
    kk: "Логарифмдік шкала бойынша (ln).",
    ru: "По логарифмической шкале (ln).",
    en: "On a logarithmic scale (ln).",
  },
  scoreMinmaxHigher: {
    kk: "Кезеңде бағаланатындармен салыстырғанда: (мән − ең кіші) ÷ (ең үлкен − ең кіші).",
    ru: "Относительно оцениваемых в периоде: (значение − наименьшее) ÷ (наибольшее − наименьшее).",
    en: "Relative to the units rated in the period: (value − lowest) ÷ (highest − lowest).",
  },
  scoreMinmaxLower: {
    kk: "Кезеңде бағаланатындармен салыстырғанда: (ең үлкен − мән) ÷ (ең үлкен − ең кіші).",
    ru: "Относительно оцениваемых в периоде: (наибольшее − значение) ÷ (наибольшее − наименьшее).",
    en: "Relative to the units rated in the period: (highest − value) ÷ (highest − lowest).",
  },
  scoreZscoreHigher: {
    kk: "Кезеңде бағаланатындар арасындағы стандартталған мән (z), ±{clip} шегінде: z = −{clip} болса 0, z = +{clip} болса 1, аралығында сызықтық.",
    ru: "Стандартизованное значение (z) среди оцениваемых в периоде, в пределах ±{clip}: z = −{clip} даёт 0, z = +{clip} даёт 1, между ними линейно.",
    en: "Standard score (z) among the units rated in the period, limited to ±{clip}: z = −{clip} gives 0, z = +{clip} gives 1, linear in between.",
  },
  scoreZscoreLower: {
    kk: "Кезеңде бағаланатындар арасындағы стандартталған мән (z), ±{clip} шегінде: z = +{clip} болса 0, z = −{clip} болса 1, аралығында сызықтық.",
    ru: "Стандартизованное значение (z) среди оцениваемых в периоде, в пределах ±{clip}: z = +{clip} даёт 0, z = −{clip} даёт 1, между ними линейно.",
    en: "Standard score (z) among the units rated in the period, limited to ±{clip}: z = +{clip} gives 0, z = −{clip} gives 1, linear in between.",
  },
  scoreRank: {
    kk: "Кезеңде бағаланатындар арасындағы орны бойынша: ең жақсысы 1, ең нашары 0, аралығында сызықтық.",
    ru: "По месту среди оцениваемых в периоде: лучший получает 1, худший 0, между ними линейно.",
    en: "By rank among the units rated in the period: the best gets 1, the worst 0, linear in between.",
  },
  scoreBands: { kk: "Аралықтар бойынша: {bands}.", ru: "По диапазонам: {bands}.", en: "By bands: {bands}." },
  bandOtherwise: { kk: "қалған жағдайда {score}", ru: "иначе {score}", en: "otherwise {score}" },
  scoreYesNoHigher: { kk: "Иә: 1, жоқ: 0.", ru: "Да: 1, нет: 0.", en: "Yes: 1, no: 0." },
  scoreYesNoLower: { kk: "Иә: 0, жоқ: 1.", ru: "Да: 0, нет: 1.", en: "Yes: 0, no: 1." },
  scoreFormula: {
    kk: "{formula} формуласы бойынша, 0–1 шегінде.",
    ru: "По формуле {formula}, в пределах 0–1.",
    en: "By the formula {formula}, limited to 0–1.",
  },
  inputKindAttribute: { kk: "бағаланушы атрибуты", ru: "атрибут объекта оценки", en: "unit attribute" },
  inputKindIndicator: { kk: "көрсеткіш", ru: "показатель", en: "indicator" },
  inputKindValue: { kk: "көрсеткіштің мәні", ru: "значение показателя", en: "the indicator's value" },
  inputKindField: { kk: "дерек", ru: "данные", en: "data field" },
  // A field's allowed values (fields.yaml `values`), in the methodology's list of inputs.
  valuesAllowed: {
    kk: "рұқсат етілген мәндер: {list}",
    ru: "допустимые значения: {list}",
    en: "allowed values: {list}",
  },
  valuesInteger: { kk: "бүтін сан", ru: "целое число", en: "a whole number" },
  valuesShare: { kk: "үлес, 0-ден 100-ге дейін", ru: "доля, от 0 до 100", en: "a share, 0 to 100" },
  valuesNonNegative: { kk: "теріс емес", ru: "неотрицательное", en: "not negative" },
  valuesMin: { kk: "кемінде {n}", ru: "не меньше {n}", en: "at least {n}" },
  valuesMax: { kk: "көп дегенде {n}", ru: "не больше {n}", en: "at most {n}" },
  kind: { kk: "Түрі", ru: "Вид", en: "Kind" },
  functionName: { kk: "Функция", ru: "Функция", en: "Function" },
  weightOf: { kk: "{weight} / {sum}", ru: "{weight} из {sum}", en: "{weight} of {sum}" },
  number: { kk: "№", ru: "№", en: "No." },
  indicatorsTotal: {
    kk: "Барлығы: {blocks} блок, {indicators} көрсеткіш.",
    ru: "Всего блоков: {blocks}, показателей: {indicators}.",
    en: "In all: {blocks} blocks, {indicators} indicators.",
  },
  indicatorsTotalHelpers: {
    kk: "Барлығы: {blocks} блок (оның ішінде {helpers} көмекші блок: есептеледі, жалпы балға кірмейді), {indicators} көрсеткіш.",
    ru: "Всего блоков: {blocks} (из них вспомогательных, которые вычисляются, но в итог не входят: {helpers}), показателей: {indicators}.",
    en: "In all: {blocks} blocks ({helpers} of them helper blocks: computed, not in the total), {indicators} indicators.",
  },
  helperWeight: { kk: "жоқ (көмекші)", ru: "нет (вспомогательный)", en: "none (helper)" },
  docGeneratedBy: {
    kk: "Бұл құжат {ruleset} ережелер файлдарынан Tarazy {version} арқылы жасалды.",
    ru: "Документ сформирован Tarazy {version} из файлов правил {ruleset}.",
    en: "Generated by Tarazy {version} from the rule files of {ruleset}.",
  },
  changeAdded: { kk: "Қосылды: {element} {name}", ru: "Добавлено: {element} {name}", en: "Added: {element} {name}" },
  changeRemoved: {
    kk: "Алынып тасталды: {element} {name}",
    ru: "Исключено: {element} {name}",
    en: "Removed: {element} {name}",
  },
  changeRenamed: {
    kk: "Коды өзгерді: {element} {old} → {new}",
    ru: "Изменён код: {element} {old} → {new}",
    en: "Renamed: {element} {old} → {new}",
  },
  changeChanged: {
    kk: "Өзгерді: {element} {name}, {property}: {old} → {new}",
    ru: "Изменено: {element} {name}, {property}: {old} → {new}",
    en: "Changed: {element} {name}, {property}: {old} → {new}",
  },
  elementRuleset: { kk: "әдістеме", ru: "методика", en: "ruleset" },
  elementRating: { kk: "рейтинг", ru: "рейтинг", en: "rating" },
  elementGrade: { kk: "аймақ", ru: "зона", en: "grade" },
  elementUnit: { kk: "бағаланушы", ru: "объект оценки", en: "unit" },
  elementField: { kk: "дерек өрісі", ru: "поле данных", en: "data field" },
  elementBlock: { kk: "блок", ru: "блок", en: "block" },
  elementIndicator: { kk: "көрсеткіш", ru: "показатель", en: "indicator" },
  // Comparing versions: the compare page (tarazy diff --format html, the editors' Compare view) and diff's text
  compareTitle: { kk: "Нұсқаларды салыстыру", ru: "Сравнение версий", en: "Comparing versions" },
  compareRuleChanges: { kk: "Ереже өзгерістері", ru: "Изменения правил", en: "Rule changes" },
  compareNoRuleChanges: { kk: "Ережелер өзгермеген.", ru: "Правила не менялись.", en: "The rules did not change." },
  compareKind: { kk: "Өзгеріс түрі", ru: "Вид изменения", en: "Kind of change" },
  compareCount: { kk: "Саны", ru: "Количество", en: "Count" },
  compareAdded: { kk: "қосылды", ru: "добавлено", en: "added" },
  compareRemoved: { kk: "алынды", ru: "удалено", en: "removed" },
  compareRenamed: { kk: "коды өзгерді", ru: "переименовано", en: "renamed" },
  compareChanged: { kk: "өзгерді", ru: "изменено", en: "changed" },
  compareEffect: { kk: "Рейтингке әсері", ru: "Влияние на рейтинг", en: "Effect on the ranking" },
  compareEffectNote: {
    kk: "{rating}, {period}: бірдей деректер екі нұсқа бойынша бағаланды.",
    ru: "{rating}, {period}: одни и те же данные оценены по обеим версиям.",
    en: "{rating}, {period}: the same data rated under both versions.",
  },
  compareTotalChange: { kk: "Балл өзгерісі", ru: "Изменение балла", en: "Change of total" },
  compareRankChange: { kk: "Орын өзгерісі", ru: "Изменение места", en: "Change of rank" },
  compareNotRatedUnder: {
    kk: "{version} бойынша бағаланбады",
    ru: "не оценён по версии {version}",
    en: "not rated under {version}",
  },
  compareTooLittleData: {
    kk: "{version} бойынша деректері жеткіліксіз",
    ru: "по версии {version} недостаточно данных",
    en: "too little data under {version}",
  },
  compareMovers: { kk: "Ең көп өзгергендер", ru: "Наибольшие изменения", en: "Biggest movers" },
  compareMoversNote: {
    kk: "Орны, содан кейін балы бойынша; әрқайсысында балын ең көп өзгерткен блоктар.",
    ru: "По месту, затем по баллу; у каждого блоки, сильнее всего изменившие балл.",
    en: "By rank, then total; for each, the blocks that moved its total most.",
  },
  compareZoneChanges: { kk: "Аймағы өзгергендер", ru: "Смена зоны", en: "Zone changes" },
  compareOnlyIn: { kk: "Тек {version} нұсқасында", ru: "Только в {version}", en: "Only in {version}" },
  compareNotRatedIn: {
    kk: "{version} нұсқасында деректері жеткіліксіз, бағаланбады",
    ru: "Не оценены в {version} (недостаточно данных)",
    en: "Not rated in {version} (too little data)",
  },
  compareByBlock: {
    kk: "Блоктар бойынша ереже өзгерістері",
    ru: "Изменения правил по блокам",
    en: "Rule changes by block",
  },
  compareMeanChange: {
    kk: "Блок балының орташа өзгерісі: {change}",
    ru: "Среднее изменение баллов блока: {change}",
    en: "Mean change of the block's points: {change}",
  },
  compareBlockOnlyIn: { kk: "тек {version}", ru: "только в {version}", en: "only in {version}" },
  compareOther: { kk: "Басқа өзгерістер", ru: "Прочие изменения", en: "Other changes" },
  compareNoRuleChange: { kk: "ереже өзгермеген", ru: "правила не менялись", en: "no rule change" },
  compareLeftOut: {
    kk: "{version} бойынша деректері жоқ мәндер салыстыруға алынбады (0 деп бағаланбады): {fields}.",
    ru: "По версии {version} значения без данных не участвуют в сравнении (не оценены в 0): {fields}.",
    en: "Under {version}, values without data are left out of the comparison (not scored 0): {fields}.",
  },
  compareNone: { kk: "жоқ", ru: "нет", en: "none" },
  compareOldVersion: { kk: "Бұрынғы нұсқа", ru: "Прежняя версия", en: "Old version" },
  compareNewVersion: { kk: "Жаңа нұсқа", ru: "Новая версия", en: "New version" },
  // Explain (engine words: score methods, their parameters, aggregation, why a value is missing)
  methodAchievement: { kk: "жоспардың орындалуы", ru: "выполнение плана", en: "achievement" },
  methodGoalposts: { kk: "шекті мәндер арасында", ru: "между пороговыми значениями", en: "goalposts" },
  methodMinmax: { kk: "ең кіші мен ең үлкен арасында", ru: "между наименьшим и наибольшим", en: "minmax" },
  methodZscore: { kk: "стандартталған мән (z)", ru: "стандартизованное значение (z)", en: "zscore" },
  methodRank: { kk: "орны бойынша", ru: "по месту", en: "rank" },
  methodBands: { kk: "аралықтар бойынша", ru: "по диапазонам", en: "bands" },
  methodYesno: { kk: "иә/жоқ", ru: "да/нет", en: "yesno" },
  methodFormula: { kk: "формула бойынша", ru: "по формуле", en: "formula" },
  paramPlan: { kk: "жоспар", ru: "план", en: "plan" },
  paramScore: { kk: "баға", ru: "оценка", en: "score" },
  paramCap: { kk: "шегі", ru: "предел", en: "cap" },
  paramMin: { kk: "ең төмен", ru: "минимум", en: "min" },
  paramMax: { kk: "ең жоғары", ru: "максимум", en: "max" },
  paramTransform: { kk: "түрлендіру", ru: "преобразование", en: "transform" },
  paramClip: { kk: "z шегі", ru: "предел z", en: "clip" },
  paramUnits: { kk: "бағаланушылар", ru: "объектов", en: "units" },
  paramLowest: { kk: "ең кіші", ru: "наименьшее", en: "lowest" },
  paramHighest: { kk: "ең үлкен", ru: "наибольшее", en: "highest" },
  paramMean: { kk: "орташа", ru: "среднее", en: "mean" },
  paramDeviation: { kk: "стандартты ауытқу", ru: "стандартное отклонение", en: "deviation" },
  paramBands: { kk: "аралықтар", ru: "диапазоны", en: "bands" },
  transformNone: { kk: "жоқ", ru: "нет", en: "none" },
  transformLog: { kk: "логарифм", ru: "логарифм", en: "log" },
  bandElse: { kk: "қалғаны", ru: "иначе", en: "else" },
  blockLeftOut: {
    kk: "блоктың барлық көрсеткіші шығарылды немесе қолданылмайды",
    ru: "все показатели блока исключены или не применяются",
    en: "every indicator of the block is excluded or not applicable",
  },
  notApplicableByRule: {
    kk: "көрсеткіш бұл бағаланушыға қолданылмайды",
    ru: "показатель не применяется к этому объекту оценки",
    en: "does not apply",
  },
  versionInForce: { kk: "{period} кезеңінде қолданыста", ru: "действует в {period}", en: "in force in {period}" },
  versionOutOfPeriod: {
    kk: "{period} кезеңінде қолданыста емес: --allow-out-of-period арқылы әдейі есептелді",
    ru: "не действует в {period}: рассчитано намеренно с --allow-out-of-period",
    en: "not in force in {period}: rated on purpose with --allow-out-of-period",
  },
  blockKey: { kk: "Б{n}", ru: "Б{n}", en: "B{n}" },
  kindCity: { kk: "қалалар", ru: "города", en: "cities" },
  kindDistrict: { kk: "аудандар", ru: "районы", en: "districts" },
  kindDepartment: { kk: "басқармалар", ru: "управления", en: "departments" },
} as const satisfies Record<string, Readonly<Record<Lang, string>>>;

export type LabelKey = keyof typeof LABELS;

export const LANGS: readonly Lang[] = ["kk", "ru", "en"];

export function isLang(text: string): text is Lang {
  return (LANGS as readonly string[]).includes(text);
}

/** The label in the language, with `{name}` parameters filled in. */
export function label(key: LabelKey, lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  return LABELS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * A name or note from the rule files in the language; when that language is missing, Kazakh (always
 * present in names), then Russian, then English (notes may have any of them).
 */
export function localize(text: Localized | LocalizedNote | undefined, lang: Lang): string {
  if (!text) return "";
  return text[lang] ?? text.kk ?? text.ru ?? text.en ?? "";
}

/** A unit of measure in the language: its name from the rule files (`measures` or { kk, ru, en }), else as written. */
export function localizeMeasure(x: { readonly measure: string; readonly measureText?: Localized }, lang: Lang): string {
  return x.measureText?.[lang] ?? x.measure;
}

/** A unit as a reader names it: its name in the language, its id when the ruleset does not know it. */
/** A rating by its title in the language ("Тоқсандық рейтинг"), else its id. */
export function ratingTitle(ruleset: Pick<Ruleset, "ratings">, id: string, lang: Lang): string {
  return localize(ruleset.ratings.find((r) => r.id === id)?.title, lang) || id;
}

export function unitName(ruleset: Pick<Ruleset, "units">, id: string, lang: Lang): string {
  return localize(ruleset.units.find((u) => u.id === id)?.name, lang) || id;
}
