/**
 * Typical rating formulas, each written for every engine compared: Tarazy's text, a hand-written
 * JavaScript function over the data columns (the speed limit), and the closest spelling in each peer's
 * language. `rewritten` notes where a peer lacks a construct and the formula had to be expressed another way.
 */

export const FORMULAS = [
  {
    id: "achievement-cap",
    title: "plan achievement, capped",
    tarazy: "min(fact / plan, 1.2)",
    js: (c, i) => Math.min(c.fact[i] / c.plan[i], 1.2),
    mathjs: "min(fact / plan, 1.2)",
    exprEval: "min(fact / plan, 1.2)",
    jexl: "min(fact / plan, 1.2)",
    filtrex: "min(fact / plan, 1.2)",
  },
  {
    id: "achievement-percent",
    title: "plan achievement, %",
    tarazy: "fact / plan * 100",
    js: (c, i) => (c.fact[i] / c.plan[i]) * 100,
    mathjs: "fact / plan * 100",
    exprEval: "fact / plan * 100",
    jexl: "fact / plan * 100",
    filtrex: "fact / plan * 100",
  },
  {
    id: "growth",
    title: "growth rate, %",
    tarazy: "(x / prev_x - 1) * 100",
    js: (c, i) => (c.x[i] / c.prev_x[i] - 1) * 100,
    mathjs: "(x / prev_x - 1) * 100",
    exprEval: "(x / prev_x - 1) * 100",
    jexl: "(x / prev_x - 1) * 100",
    filtrex: "(x / prev_x - 1) * 100",
  },
  {
    id: "bands",
    title: "score bands, nested if",
    tarazy: "if(v >= 100, 1, if(v >= 90, 0.5, if(v >= 75, 0.25, 0)))",
    js: (c, i) => {
      const v = c.v[i];
      return v >= 100 ? 1 : v >= 90 ? 0.5 : v >= 75 ? 0.25 : 0;
    },
    mathjs: "v >= 100 ? 1 : (v >= 90 ? 0.5 : (v >= 75 ? 0.25 : 0))",
    exprEval: "v >= 100 ? 1 : (v >= 90 ? 0.5 : (v >= 75 ? 0.25 : 0))",
    jexl: "v >= 100 ? 1 : (v >= 90 ? 0.5 : (v >= 75 ? 0.25 : 0))",
    filtrex: "if v >= 100 then 1 else if v >= 90 then 0.5 else if v >= 75 then 0.25 else 0",
  },
  {
    id: "weighted-sum",
    title: "weighted sum of 8 inputs",
    tarazy: "0.2 * w1 + 0.15 * w2 + 0.15 * w3 + 0.1 * w4 + 0.1 * w5 + 0.1 * w6 + 0.1 * w7 + 0.1 * w8",
    js: (c, i) =>
      0.2 * c.w1[i] +
      0.15 * c.w2[i] +
      0.15 * c.w3[i] +
      0.1 * c.w4[i] +
      0.1 * c.w5[i] +
      0.1 * c.w6[i] +
      0.1 * c.w7[i] +
      0.1 * c.w8[i],
    mathjs: "0.2 * w1 + 0.15 * w2 + 0.15 * w3 + 0.1 * w4 + 0.1 * w5 + 0.1 * w6 + 0.1 * w7 + 0.1 * w8",
    exprEval: "0.2 * w1 + 0.15 * w2 + 0.15 * w3 + 0.1 * w4 + 0.1 * w5 + 0.1 * w6 + 0.1 * w7 + 0.1 * w8",
    jexl: "0.2 * w1 + 0.15 * w2 + 0.15 * w3 + 0.1 * w4 + 0.1 * w5 + 0.1 * w6 + 0.1 * w7 + 0.1 * w8",
    filtrex: "0.2 * w1 + 0.15 * w2 + 0.15 * w3 + 0.1 * w4 + 0.1 * w5 + 0.1 * w6 + 0.1 * w7 + 0.1 * w8",
  },
  {
    id: "guarded-division",
    title: "guarded division",
    tarazy: "if(b > 0, a / b, 0)",
    js: (c, i) => (c.b[i] > 0 ? c.a[i] / c.b[i] : 0),
    mathjs: "b > 0 ? a / b : 0",
    exprEval: "b > 0 ? a / b : 0",
    jexl: "b > 0 ? a / b : 0",
    filtrex: "if b > 0 then a / b else 0",
  },
  {
    id: "clamp",
    title: "goalposts, clamped to [0, 1]",
    tarazy: "clamp((x - 20) / (80 - 20), 0, 1)",
    js: (c, i) => Math.min(Math.max((c.x[i] - 20) / (80 - 20), 0), 1),
    mathjs: "min(max((x - 20) / (80 - 20), 0), 1)",
    exprEval: "min(max((x - 20) / (80 - 20), 0), 1)",
    jexl: "min(max((x - 20) / (80 - 20), 0), 1)",
    filtrex: "min(max((x - 20) / (80 - 20), 0), 1)",
    rewritten: { mathjs: "no clamp", exprEval: "no clamp", jexl: "no clamp", filtrex: "no clamp" },
  },
  {
    id: "round",
    title: "achievement rounded to 0.1",
    tarazy: "round(fact / plan * 100, 1)",
    js: (c, i) => Math.round((c.fact[i] / c.plan[i]) * 100 * 10) / 10,
    mathjs: "round(fact / plan * 100, 1)",
    exprEval: "roundTo(fact / plan * 100, 1)",
    jexl: "round(fact / plan * 100, 1)",
    filtrex: "round(fact / plan * 100 * 10) / 10",
    rewritten: { filtrex: "round has no digits" },
  },
  {
    id: "deviation",
    title: "deviation from target, %",
    tarazy: "abs(x - target) / target * 100",
    js: (c, i) => (Math.abs(c.x[i] - c.target[i]) / c.target[i]) * 100,
    mathjs: "abs(x - target) / target * 100",
    exprEval: "abs(x - target) / target * 100",
    jexl: "abs(x - target) / target * 100",
    filtrex: "abs(x - target) / target * 100",
  },
  {
    id: "both-positive",
    title: "condition with and",
    tarazy: "if(a > 0 and b > 0, 1, 0)",
    js: (c, i) => (c.a[i] > 0 && c.b[i] > 0 ? 1 : 0),
    mathjs: "a > 0 and b > 0 ? 1 : 0",
    exprEval: "a > 0 and b > 0 ? 1 : 0",
    jexl: "a > 0 && b > 0 ? 1 : 0",
    filtrex: "if a > 0 and b > 0 then 1 else 0",
  },
  {
    id: "log-goalposts",
    title: "goalposts on a log scale",
    tarazy: "(ln(x) - ln(10)) / (ln(200) - ln(10))",
    js: (c, i) => (Math.log(c.x[i]) - Math.log(10)) / (Math.log(200) - Math.log(10)),
    mathjs: "(log(x) - log(10)) / (log(200) - log(10))",
    exprEval: "(ln(x) - ln(10)) / (ln(200) - ln(10))",
    jexl: "(ln(x) - ln(10)) / (ln(200) - ln(10))",
    filtrex: "(log(x) - log(10)) / (log(200) - log(10))",
  },
  {
    id: "target-penalty",
    title: "squared distance from target",
    tarazy: "max(0, 1 - ((x - target) / target) ^ 2)",
    js: (c, i) => Math.max(0, 1 - ((c.x[i] - c.target[i]) / c.target[i]) ** 2),
    mathjs: "max(0, 1 - ((x - target) / target) ^ 2)",
    exprEval: "max(0, 1 - ((x - target) / target) ^ 2)",
    jexl: "max(0, 1 - ((x - target) / target) ^ 2)",
    filtrex: "max(0, 1 - ((x - target) / target) ^ 2)",
  },
];

/** How each input is drawn: [low, high) uniformly, with a share of exact zeros where a formula guards them. */
export const INPUTS = {
  fact: { low: 40, high: 160 },
  plan: { low: 80, high: 120 },
  x: { low: 1, high: 100 },
  prev_x: { low: 1, high: 100 },
  v: { low: 50, high: 120 },
  w1: { low: 0, high: 1 },
  w2: { low: 0, high: 1 },
  w3: { low: 0, high: 1 },
  w4: { low: 0, high: 1 },
  w5: { low: 0, high: 1 },
  w6: { low: 0, high: 1 },
  w7: { low: 0, high: 1 },
  w8: { low: 0, high: 1 },
  a: { low: 0, high: 1000, zeros: 0.1 },
  b: { low: 0, high: 100, zeros: 0.1 },
  target: { low: 20, high: 80 },
};

/** The inputs a formula reads, in a fixed order (for engines that take positional arguments). */
export function inputsOf(formula) {
  return Object.keys(INPUTS).filter((name) => new RegExp(`\\b${name}\\b`).test(formula.tarazy));
}
