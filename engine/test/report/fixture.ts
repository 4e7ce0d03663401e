import { roundHalfAway } from "../../src/functions/excel-round.js";
import type {
  Block,
  Field,
  FormulaSource,
  Indicator,
  Located,
  Ruleset,
  ScoreMethod,
  Unit,
} from "../../src/model/ruleset.js";
import type { Coverage, IndicatorResult, RatingResult, UnitResult } from "../../src/scoring/result.js";
import { rangeOfLength } from "../../src/source/range.js";

/**
 * A small hand-made ruleset and two quarters of hand-computed results, for the report and methodology
 * tests. Two blocks (economy 60, governance 40) on a scale of 100; four units (two cities, two
 * districts); the complaints indicator applies to districts only, so in cities its 20 points go to the
 * other two governance indicators (20 + 20).
 */
const at = (file: string): Located => ({ file, range: rangeOfLength(0) });
const formula = (text: string, file = "blocks/x.yaml"): FormulaSource => ({ text, at: at(file) });

function unit(id: string, kind: string, kk: string, ru: string, en: string, population: number): Unit {
  return { id, kind, name: { kk, ru, en }, attributes: { population }, aliases: [], at: at("units.yaml") };
}

function field(
  id: string,
  kk: string,
  ru: string,
  en: string,
  measure: string,
  frequency: Field["frequency"],
  source: Field["source"] = "unit",
): Field {
  return {
    id,
    name: { kk, ru, en },
    measure,
    aggregate: "sum",
    cumulative: false,
    source,
    frequency,
    at: at("fields.yaml"),
  };
}

function indicator(
  block: string,
  id: string,
  name: { kk: string; ru: string; en: string },
  text: string,
  score: ScoreMethod,
  extra: Partial<Indicator> = {},
): Indicator {
  return {
    id,
    block,
    name,
    measure: "%",
    formula: formula(text, `blocks/${block}.yaml`),
    better: "higher",
    score,
    weight: 1,
    frequency: "quarter",
    source: "unit",
    at: at(`blocks/${block}.yaml`),
    ...extra,
  };
}

const economy: Block = {
  id: "economy",
  name: { kk: "Экономика", ru: "Экономика", en: "Economy" },
  weight: 60,
  aggregation: "arithmetic",
  description: { kk: "Өнеркәсіп және кірістер", ru: "Промышленность и доходы", en: "Industry and revenues" },
  at: at("blocks/economy.yaml"),
  indicators: [
    indicator(
      "economy",
      "industry",
      {
        kk: "Өнеркәсіп өнімінің нақты көлем индексі",
        ru: "ИФО промышленной продукции",
        en: "Industrial output volume index",
      },
      "industry_index",
      { method: "goalposts", min: 100, max: 115, transform: "none" },
      { weight: 2, frequency: "month" },
    ),
    indicator(
      "economy",
      "revenue",
      {
        kk: "Өзіндік кірістер жоспарының орындалуы",
        ru: "Исполнение плана собственных доходов",
        en: "Own revenue plan execution",
      },
      "own_revenue / own_revenue_plan",
      { method: "achievement", plan: formula("1"), cap: 1.2 },
      { measure: "ratio", missing: "zero" },
    ),
  ],
};

const governance: Block = {
  id: "governance",
  name: { kk: "Мемлекеттік басқару", ru: "Государственное управление", en: "Governance" },
  weight: 40,
  aggregation: "arithmetic",
  missing: "exclude",
  at: at("blocks/governance.yaml"),
  indicators: [
    indicator(
      "governance",
      "procurement",
      {
        kk: "Мемлекеттік сатып алу жоспарының уақтылы орындалуы",
        ru: "Своевременное исполнение плана госзакупок",
        en: "Procurement plan executed on time",
      },
      "procurement_on_time / procurement_planned * 100",
      {
        method: "bands",
        bands: [
          { min: 95, score: 1, at: at("blocks/governance.yaml") },
          { min: 85, score: 0.5, at: at("blocks/governance.yaml") },
          { score: 0, at: at("blocks/governance.yaml") },
        ],
      },
    ),
    indicator(
      "governance",
      "open_data",
      { kk: "Ашық деректер жарияланды", ru: "Открытые данные опубликованы", en: "Open data published" },
      "open_data_published = 1",
      { method: "yesno" },
      { measure: "yes/no", source: "region" },
    ),
    indicator(
      "governance",
      "complaints",
      {
        kk: "10 мың тұрғынға шаққандағы шағымдар",
        ru: "Жалобы на 10 тыс. жителей",
        en: "Complaints per 10,000 residents",
      },
      "complaints / unit.population * 10000",
      { method: "minmax" },
      { weight: 2, better: "lower", measure: "per 10k", applies: { kinds: ["district"] } },
    ),
  ],
};

export const fixtureRuleset: Ruleset = {
  id: "demo-districts",
  version: "2026.1",
  effective: { from: "2026-01" },
  title: {
    kk: "Аудан, қала әкімдерінің қызметін бағалау (үлгі)",
    ru: "Оценка деятельности акимов районов и городов (пример)",
    en: "Performance rating of district and city akims (sample)",
  },
  description: {
    kk: "Тест үшін шағын әдістеме.",
    ru: "Небольшая методика для тестов.",
    en: "A small methodology for tests.",
  },
  scale: 100,
  unitKinds: ["city", "district"],
  missing: "zero",
  rank: { round: 2, ties: "competition" },
  grades: [
    { id: "green", min: 80, color: "#2e7d32", label: { kk: "Жасыл аймақ", ru: "Зелёная зона", en: "Green zone" } },
    { id: "yellow", min: 60, color: "#f9a825", label: { kk: "Сары аймақ", ru: "Жёлтая зона", en: "Yellow zone" } },
    { id: "red", min: 0, color: "#c62828", label: { kk: "Қызыл аймақ", ru: "Красная зона", en: "Red zone" } },
  ],
  ratings: [
    {
      id: "quarterly",
      title: { kk: "Тоқсандық рейтинг", ru: "Квартальный рейтинг", en: "Quarterly rating" },
      frequency: "quarter",
      blocks: ["economy", "governance"],
      at: at("ruleset.yaml"),
    },
    {
      id: "economy",
      title: {
        kk: "Экономикалық даму индикаторы",
        ru: "Индикатор экономического развития",
        en: "Economic development indicator",
      },
      frequency: "month",
      blocks: ["economy"],
      at: at("ruleset.yaml"),
    },
  ],
  units: [
    unit("turkistan", "city", "Түркістан қаласы", "г. Туркестан", "Turkistan city", 200153),
    unit("kentau", "city", "Кентау қаласы", "г. Кентау", "Kentau city", 100000),
    unit("keles", "district", "Келес ауданы", "Келесский район", "Keles district", 142296),
    unit("sairam", "district", "Сайрам ауданы", "Сайрамский район", "Sairam district", 223676),
    unit("arys", "city", "Арыс қаласы", "г. Арыс", "Arys city", 90000),
  ],
  fields: [
    field("industry_index", "Өнеркәсіп индексі", "Индекс промышленности", "Industrial output index", "%", "month"),
    field("own_revenue", "Өзіндік кірістер", "Собственные доходы", "Own revenues", "mln KZT", "month"),
    field(
      "own_revenue_plan",
      "Өзіндік кірістер жоспары",
      "План собственных доходов",
      "Own revenue plan",
      "mln KZT",
      "month",
    ),
    field("procurement_on_time", "Уақтылы сатып алу", "Закупки в срок", "Procurements on time", "count", "quarter"),
    field(
      "procurement_planned",
      "Жоспарланған сатып алу",
      "Плановые закупки",
      "Planned procurements",
      "count",
      "quarter",
    ),
    field("open_data_published", "Ашық деректер", "Открытые данные", "Open data published", "1/0", "quarter", "region"),
    field("complaints", "Шағымдар", "Жалобы", "Complaints", "count", "quarter"),
  ],
  blocks: [economy, governance],
  root: "rules/demo/2026.1",
  hash: "sha256:5f1c0ffee0ddf00d",
  at: at("ruleset.yaml"),
};

const scored = (value: number | boolean, score: number, weight: number): IndicatorResult => ({
  value,
  score,
  weight,
  points: score * weight,
  status: "scored",
});
const missingZero = (weight: number): IndicatorResult => ({
  value: null,
  score: 0,
  weight,
  points: 0,
  status: "missing-zero",
  policy: "zero",
  reason: "own_revenue is missing for 2026-Q2",
});
const notApplicable: IndicatorResult = { value: null, score: null, weight: 0, points: 0, status: "not-applicable" };

/** Coverage as the engine counts it: a missing-zero indicator has no data; weights are the effective ones. */
function coverageOf(indicators: Record<string, IndicatorResult>): Coverage {
  const counted = Object.entries(indicators).filter(([, i]) => i.status !== "not-applicable");
  const missing = counted.filter(([, i]) => i.status === "missing-zero");
  const all = counted.reduce((s, [, i]) => s + i.weight, 0);
  const lacking = missing.reduce((s, [, i]) => s + i.weight, 0);
  return {
    indicators: (counted.length - missing.length) / counted.length,
    weight: missing.length === 0 ? 1 : (all - lacking) / all,
    expected: counted.length,
    withData: counted.length - missing.length,
    zeroed: missing.length,
    missingFields: missing.length > 0 ? ["own_revenue"] : [],
    missingIndicators: missing.map(([id]) => id),
  };
}

function result(
  unitId: string,
  rank: number,
  grade: string,
  indicators: Record<string, IndicatorResult>,
  previousRank?: number,
): UnitResult {
  const sum = (ids: string[]) => ids.reduce((s, id) => s + (indicators[id]?.points ?? 0), 0);
  const economyScore = sum(["industry", "revenue"]);
  const governanceScore = sum(["procurement", "open_data", "complaints"]);
  return {
    unit: unitId,
    score: economyScore + governanceScore,
    rankedScore: roundHalfAway(economyScore + governanceScore, 2),
    rank,
    ...(previousRank !== undefined ? { previousRank, rankChange: previousRank - rank } : {}),
    grade,
    coverage: coverageOf(indicators),
    blocks: { economy: { score: economyScore, weight: 60 }, governance: { score: governanceScore, weight: 40 } },
    indicators,
  };
}

const ruleset = { id: fixtureRuleset.id, version: fixtureRuleset.version, hash: fixtureRuleset.hash };

/** 2026-Q1: sairam 1st, turkistan 2nd, kentau 3rd, keles 4th. */
export const q1: RatingResult = {
  ruleset,
  rating: "quarterly",
  period: "2026-Q1",
  notRated: [],
  coverage: { minWeightShare: 0.5, minIndicatorShare: 0, zeroed: 0 },
  results: [
    // 40 + 20 + 10 + 10 + 20 = 100
    result("sairam", 1, "green", {
      industry: scored(116, 1, 40),
      revenue: scored(1.25, 1, 20),
      procurement: scored(97, 1, 10),
      open_data: scored(true, 1, 10),
      complaints: scored(3, 1, 20),
    }),
    // 20 + 15 + 20 + 20 = 75
    result("turkistan", 2, "yellow", {
      industry: scored(107.5, 0.5, 40),
      revenue: scored(0.9, 0.75, 20),
      procurement: scored(95, 1, 20),
      open_data: scored(true, 1, 20),
      complaints: notApplicable,
    }),
    // 8 + 10 + 10 + 0 = 28
    result("kentau", 3, "red", {
      industry: scored(103, 0.2, 40),
      revenue: scored(0.6, 0.5, 20),
      procurement: scored(90, 0.5, 20),
      open_data: scored(false, 0, 20),
      complaints: notApplicable,
    }),
    // 0 + 10 + 0 + 0 + 0 = 10
    result("keles", 4, "red", {
      industry: scored(99, 0, 40),
      revenue: scored(0.6, 0.5, 20),
      procurement: scored(80, 0, 10),
      open_data: scored(false, 0, 10),
      complaints: scored(9, 0, 20),
    }),
  ],
};

/** 2026-Q2: turkistan up 1, kentau up 1, sairam down 2, keles unchanged. */
export const q2: RatingResult = {
  ruleset,
  rating: "quarterly",
  period: "2026-Q2",
  // arys reported only open_data (weight 10 of 100 as if all were present): 10% < 50%, not rated.
  notRated: [
    {
      unit: "arys",
      coverage: {
        indicators: 0.2,
        weight: 0.1,
        expected: 5,
        withData: 1,
        zeroed: 4,
        missingFields: ["complaints", "own_revenue", "procurement_share", "production"],
        missingIndicators: ["industry", "revenue", "procurement", "complaints"],
      },
      reason:
        "10% of the weight has data, the minimum is 50%; missing: complaints, own_revenue, procurement_share, production",
    },
  ],
  // sairam's revenue was scored 0 for want of data.
  coverage: { minWeightShare: 0.5, minIndicatorShare: 0, zeroed: 1 },
  results: [
    // 33.333333333333336 + 18.000000000000004 + 20 + 20 = 91.33333333333334
    result(
      "turkistan",
      1,
      "green",
      {
        industry: scored(112.5, 12.5 / 15, 40),
        revenue: scored(1.08, 1.08 / 1.2, 20),
        procurement: scored(96.5, 1, 20),
        open_data: scored(true, 1, 20),
        complaints: notApplicable,
      },
      2,
    ),
    // 40 + 19 + 20 + 0 = 79
    result(
      "kentau",
      2,
      "yellow",
      {
        industry: scored(115, 1, 40),
        revenue: scored(1.14, 1.14 / 1.2, 20),
        procurement: scored(96, 1, 20),
        open_data: scored(false, 0, 20),
        complaints: notApplicable,
      },
      3,
    ),
    // 26.666666666666664 + 0 + 10 + 10 + 20 = 66.66666666666666
    result(
      "sairam",
      3,
      "yellow",
      {
        industry: scored(110, 10 / 15, 40),
        revenue: missingZero(20),
        procurement: scored(100, 1, 10),
        open_data: scored(true, 1, 10),
        complaints: scored(4, 1, 20),
      },
      1,
    ),
    // 16 + 20 + 5 + 0 + 0 = 41
    result(
      "keles",
      4,
      "red",
      {
        industry: scored(106, 0.4, 40),
        revenue: scored(1.2, 1, 20),
        procurement: scored(88, 0.5, 10),
        open_data: scored(false, 0, 10),
        complaints: scored(12, 0, 20),
      },
      4,
    ),
  ],
};

export const fixtureDataFiles = [
  { path: "data/2026-q2.csv", sha256: "b".repeat(64) },
  { path: "data/2026-q1.csv", sha256: "a".repeat(64) },
];
