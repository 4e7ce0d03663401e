import type { CrossUnitFunction, Parameter, Trilingual } from "./spec.js";

/**
 * Cross-unit functions evaluate their argument for every unit rated in the period (EvalContext.peers).
 * Peers whose value is missing are skipped; when none is left the result is missing with reason
 * no-peers. Each result is computed once per period and kept in EvalContext.memo, so rating n units
 * costs O(n), not O(n^2).
 */

const X: Parameter = {
  name: "x",
  type: "number",
  description: {
    kk: "әр бірлік үшін есептелетін өрнек",
    ru: "выражение, вычисляемое для каждой единицы",
    en: "an expression evaluated for every unit",
  },
};

/** The other units of the examples; sairam's n/a is skipped. */
const PEERS = { arys: { x: 4 }, kentau: { x: 7 }, sairam: { x: "n/a" } } as const;

function region(op: CrossUnitFunction["op"], description: Trilingual, example: string): CrossUnitFunction {
  return {
    name: op === "rank" ? "rank" : `region_${op}`,
    kind: "cross-unit",
    op,
    parameters: [X],
    result: "number",
    description,
    examples: [{ formula: `region_${op}(x)`, given: { x: 10 }, peers: PEERS, result: example }],
  };
}

export const regionSum = region(
  "sum",
  {
    kk: "Кезеңде бағаланатын барлық бірліктер бойынша қосынды.",
    ru: "Сумма по всем единицам, оцениваемым в периоде.",
    en: "The sum over all units rated in the period.",
  },
  "21",
);

export const regionAvg = region(
  "avg",
  {
    kk: "Кезеңде бағаланатын бірліктер бойынша орташа арифметикалық.",
    ru: "Среднее арифметическое по единицам, оцениваемым в периоде.",
    en: "The arithmetic mean over the units rated in the period.",
  },
  "7",
);

export const regionMin = region(
  "min",
  {
    kk: "Кезеңде бағаланатын бірліктер арасындағы ең кіші мән.",
    ru: "Наименьшее значение среди единиц, оцениваемых в периоде.",
    en: "The smallest value among the units rated in the period.",
  },
  "4",
);

export const regionMax = region(
  "max",
  {
    kk: "Кезеңде бағаланатын бірліктер арасындағы ең үлкен мән.",
    ru: "Наибольшее значение среди единиц, оцениваемых в периоде.",
    en: "The largest value among the units rated in the period.",
  },
  "10",
);

export const regionMedian = region(
  "median",
  {
    kk: "Кезеңде бағаланатын бірліктер бойынша медиана (жұп санда екі ортаңғының орташасы).",
    ru: "Медиана по единицам, оцениваемым в периоде (при чётном числе: среднее двух средних).",
    en: "The median over the units rated in the period (with an even count, the mean of the middle two).",
  },
  "7",
);

export const rankFunction: CrossUnitFunction = {
  name: "rank",
  kind: "cross-unit",
  op: "rank",
  parameters: [
    X,
    {
      name: "order",
      type: "string",
      optional: true,
      literals: ["desc", "asc"],
      description: {
        kk: `"desc" (әдепкі): ең үлкені 1-орын; "asc": ең кішісі 1-орын`,
        ru: `"desc" (по умолчанию): наибольшее на 1-м месте; "asc": наименьшее на 1-м месте`,
        en: `"desc" (default): the largest is 1st; "asc": the smallest is 1st`,
      },
    },
  ],
  result: "number",
  description: {
    kk: "Бірліктің мәнінің кезеңдегі бірліктер арасындағы орны: 1 = ең үлкені. Тең мәндер ең жақсы орынды бөліседі (1, 2, 2, 4). Сандар 15 мәнді цифр бойынша салыстырылады.",
    ru: "Место значения единицы среди единиц периода: 1 = наибольшее. Равные значения делят лучшее место (1, 2, 2, 4). Числа сравниваются по 15 значащим цифрам.",
    en: "The place of the unit's value among the units of the period: 1 = the largest. Equal values share the best place (1, 2, 2, 4). Numbers are compared at 15 significant digits.",
  },
  examples: [
    {
      formula: "rank(x)",
      given: { x: 7 },
      peers: { arys: { x: 4 }, kentau: { x: 7 }, sairam: { x: 10 } },
      result: "2",
    },
    {
      formula: `rank(x, "asc")`,
      given: { x: 7 },
      peers: { arys: { x: 4 }, kentau: { x: 7 }, sairam: { x: 10 } },
      result: "2",
    },
    {
      formula: "rank(x)",
      given: { x: 4 },
      peers: { arys: { x: 4 }, kentau: { x: 7 }, sairam: { x: 10 } },
      result: "3",
    },
  ],
};

export const crossUnitFunctions: readonly CrossUnitFunction[] = [
  regionSum,
  regionAvg,
  regionMin,
  regionMax,
  regionMedian,
  rankFunction,
];

/** The aggregate of the peers' present values; `values` is non-empty and may be reordered. */
export function aggregate(op: Exclude<CrossUnitFunction["op"], "rank">, values: number[]): number {
  switch (op) {
    case "sum":
      return sumOf(values);
    case "avg":
      return sumOf(values) / values.length;
    case "min":
      return values.reduce((a, b) => Math.min(a, b));
    case "max":
      return values.reduce((a, b) => Math.max(a, b));
    case "median": {
      values.sort((a, b) => a - b);
      const mid = values.length >> 1;
      const upper = values[mid] as number;
      return values.length % 2 === 1 ? upper : ((values[mid - 1] as number) + upper) / 2;
    }
  }
}

function sumOf(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
