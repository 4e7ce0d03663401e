import { ceilTo, floorTo, roundHalfAway } from "./excel-round.js";
import type { Parameter, PureFunction, Trilingual } from "./spec.js";

/** The numeric built-ins. Results that are not finite become missing with the domainDetail as reason. */

const X: Parameter = {
  name: "x",
  type: "number",
  description: { kk: "сан", ru: "число", en: "a number" },
};

const sign = (n: number) => String(n);

export const abs: PureFunction = {
  name: "abs",
  kind: "pure",
  parameters: [X],
  result: "number",
  description: {
    kk: "Санның абсолют шамасы (таңбасыз мәні).",
    ru: "Модуль числа (значение без знака).",
    en: "The absolute value of a number (its size without the sign).",
  },
  examples: [{ formula: "abs(-3.5)", result: "3.5" }],
  evaluate: Math.abs,
  inline: ([a]) => `Math.abs(${a})`,
  picksAnArgument: true,
};

const manyNumbers: Parameter = {
  name: "x",
  type: "number",
  description: { kk: "бір немесе бірнеше сан", ru: "одно или несколько чисел", en: "one or more numbers" },
};

export const min: PureFunction = {
  name: "min",
  kind: "pure",
  parameters: [manyNumbers],
  variadic: true,
  result: "number",
  description: {
    kk: "Аргументтердің ең кішісі. Кемінде бір аргумент; біреуі болмаса, нәтиже де жоқ.",
    ru: "Наименьший из аргументов. Хотя бы один аргумент; если какого-то нет, результата тоже нет.",
    en: "The smallest of the arguments. At least one argument; if any is missing, so is the result.",
  },
  examples: [{ formula: "min(4, -2, 7)", result: "-2" }],
  evaluate: Math.min,
  inline: (args) => `Math.min(${args.join(", ")})`,
  picksAnArgument: true,
};

export const max: PureFunction = {
  name: "max",
  kind: "pure",
  parameters: [manyNumbers],
  variadic: true,
  result: "number",
  description: {
    kk: "Аргументтердің ең үлкені. Кемінде бір аргумент; біреуі болмаса, нәтиже де жоқ.",
    ru: "Наибольший из аргументов. Хотя бы один аргумент; если какого-то нет, результата тоже нет.",
    en: "The largest of the arguments. At least one argument; if any is missing, so is the result.",
  },
  examples: [{ formula: "max(4, -2, 7)", result: "7" }],
  evaluate: Math.max,
  inline: (args) => `Math.max(${args.join(", ")})`,
  picksAnArgument: true,
};

const DIGITS: Parameter = {
  name: "digits",
  type: "number",
  optional: true,
  description: {
    kk: "үтірден кейінгі таңбалар саны (әдепкі 0; теріс болса, ондыққа, жүздікке дейін дөңгелектейді)",
    ru: "число знаков после запятой (по умолчанию 0; отрицательное округляет до десятков, сотен)",
    en: "decimals to keep (default 0; negative rounds to tens, hundreds, ...)",
  },
};

export const round: PureFunction = {
  name: "round",
  kind: "pure",
  parameters: [X, DIGITS],
  result: "number",
  description: {
    kk: "Excel сияқты дөңгелектеу: жартысы нөлден алысқа, көрсетілген 15 мәнді цифр бойынша, сондықтан round(1.005, 2) = 1.01.",
    ru: "Округление как в Excel: половина от нуля, по видимым 15 значащим цифрам, поэтому round(1.005, 2) = 1.01.",
    en: "Rounds as Excel does: half away from zero, on the 15 significant digits a person sees, so round(1.005, 2) = 1.01.",
  },
  examples: [
    { formula: "round(1.005, 2)", result: "1.01" },
    { formula: "round(-2.5)", result: "-3" },
    { formula: "round(1234.5, -2)", result: "1200" },
  ],
  evaluate: (x, digits = 0) => roundHalfAway(x, digits),
};

const SIGNIFICANCE: Parameter = {
  name: "significance",
  type: "number",
  optional: true,
  description: {
    kk: "қай санның еселігіне дейін (әдепкі 1; таңбасы ескерілмейді; 0 болса, нәтиже 0)",
    ru: "до кратного какому числу (по умолчанию 1; знак не учитывается; 0 даёт 0)",
    en: "the multiple to round to (default 1; its sign is ignored; 0 gives 0)",
  },
};

export const floor: PureFunction = {
  name: "floor",
  kind: "pure",
  parameters: [X, SIGNIFICANCE],
  result: "number",
  description: {
    kk: "Кіші жаққа (минус шексіздікке қарай) significance еселігіне дейін дөңгелектеу, Excel FLOOR.MATH сияқты.",
    ru: "Округление вниз (к минус бесконечности) до кратного significance, как FLOOR.MATH в Excel.",
    en: "Rounds down (toward minus infinity) to a multiple of significance, as Excel's FLOOR.MATH.",
  },
  examples: [
    { formula: "floor(-2.5)", result: "-3" },
    { formula: "floor(0.35, 0.1)", result: "0.3" },
  ],
  evaluate: (x, significance = 1) => floorTo(x, significance),
};

export const ceil: PureFunction = {
  name: "ceil",
  kind: "pure",
  parameters: [X, SIGNIFICANCE],
  result: "number",
  description: {
    kk: "Үлкен жаққа (плюс шексіздікке қарай) significance еселігіне дейін дөңгелектеу, Excel CEILING.MATH сияқты.",
    ru: "Округление вверх (к плюс бесконечности) до кратного significance, как CEILING.MATH в Excel.",
    en: "Rounds up (toward plus infinity) to a multiple of significance, as Excel's CEILING.MATH.",
  },
  examples: [
    { formula: "ceil(-2.5)", result: "-2" },
    { formula: "ceil(12, 5)", result: "15" },
  ],
  evaluate: (x, significance = 1) => ceilTo(x, significance),
};

export const sqrt: PureFunction = {
  name: "sqrt",
  kind: "pure",
  parameters: [X],
  result: "number",
  description: {
    kk: "Квадрат түбір. Теріс санның түбірі жоқ (нәтиже жоқ, себебі көрсетіледі).",
    ru: "Квадратный корень. У отрицательного числа корня нет (результата нет, с причиной).",
    en: "The square root. A negative number has none (the result is missing, with the reason).",
  },
  examples: [{ formula: "sqrt(16)", result: "4" }],
  evaluate: Math.sqrt,
  inline: ([a]) => `Math.sqrt(${a})`,
  domainDetail: (x) => `the argument must not be negative, but it is ${sign(x)}`,
};

const positiveOnly = (x: number) => `the argument must be greater than 0, but it is ${sign(x)}`;

export const ln: PureFunction = {
  name: "ln",
  kind: "pure",
  parameters: [X],
  result: "number",
  description: {
    kk: "Натурал логарифм. Аргумент нөлден үлкен болуы керек.",
    ru: "Натуральный логарифм. Аргумент должен быть больше нуля.",
    en: "The natural logarithm. The argument must be greater than 0.",
  },
  examples: [{ formula: "ln(1)", result: "0" }],
  evaluate: Math.log,
  inline: ([a]) => `Math.log(${a})`,
  domainDetail: positiveOnly,
};

export const log10: PureFunction = {
  name: "log10",
  kind: "pure",
  parameters: [X],
  result: "number",
  description: {
    kk: "Ондық логарифм. Аргумент нөлден үлкен болуы керек.",
    ru: "Десятичный логарифм. Аргумент должен быть больше нуля.",
    en: "The base-10 logarithm. The argument must be greater than 0.",
  },
  examples: [{ formula: "log10(1000)", result: "3" }],
  evaluate: Math.log10,
  inline: ([a]) => `Math.log10(${a})`,
  domainDetail: positiveOnly,
};

const tooLarge = () => "the result is too large to represent";

export const exp: PureFunction = {
  name: "exp",
  kind: "pure",
  parameters: [X],
  result: "number",
  description: {
    kk: "e санының x дәрежесі.",
    ru: "Число e в степени x.",
    en: "e raised to the power x.",
  },
  examples: [{ formula: "exp(0)", result: "1" }],
  evaluate: Math.exp,
  inline: ([a]) => `Math.exp(${a})`,
  domainDetail: tooLarge,
};

/** Why x^y is not a number; shared by pow and the ^ operator. */
export function powerDomainDetail(x: number, y: number): string {
  if (x === 0 && y < 0) return `zero cannot be raised to a negative power (${sign(y)})`;
  if (x < 0 && !Number.isInteger(y)) return `a negative number (${sign(x)}) has no fractional power (${sign(y)})`;
  return tooLarge();
}

export const pow: PureFunction = {
  name: "pow",
  kind: "pure",
  parameters: [
    { name: "x", type: "number", description: { kk: "негіз", ru: "основание", en: "the base" } },
    {
      name: "y",
      type: "number",
      description: { kk: "дәреже көрсеткіші", ru: "показатель степени", en: "the exponent" },
    },
  ],
  result: "number",
  description: {
    kk: "x санының y дәрежесі, x ^ y сияқты. 0 ^ 0 = 1.",
    ru: "x в степени y, то же что x ^ y. 0 ^ 0 = 1.",
    en: "x raised to the power y, the same as x ^ y. 0 ^ 0 is 1.",
  },
  examples: [{ formula: "pow(2, 10)", result: "1024" }],
  evaluate: Math.pow,
  inline: ([a, b]) => `Math.pow(${a}, ${b})`,
  domainDetail: powerDomainDetail,
};

const bound = (name: string, description: Trilingual): Parameter => ({ name, type: "number", description });

export const clamp: PureFunction = {
  name: "clamp",
  kind: "pure",
  parameters: [
    X,
    bound("lo", { kk: "төменгі шек", ru: "нижняя граница", en: "the lower bound" }),
    bound("hi", { kk: "жоғарғы шек", ru: "верхняя граница", en: "the upper bound" }),
  ],
  result: "number",
  description: {
    kk: "x мәнін [lo, hi] аралығына қысу. lo > hi болса, нәтиже жоқ.",
    ru: "Ограничивает x отрезком [lo, hi]. Если lo > hi, результата нет.",
    en: "Limits x to the range [lo, hi]. If lo > hi the result is missing.",
  },
  examples: [
    { formula: "clamp(120, 0, 100)", result: "100" },
    { formula: "clamp(-5, 0, 100)", result: "0" },
  ],
  evaluate: (x, lo, hi) => (lo > hi ? Number.NaN : Math.min(Math.max(x, lo), hi)),
  domainDetail: (_x, lo, hi) => `the lower bound ${sign(lo)} is greater than the upper bound ${sign(hi)}`,
};

export const mathFunctions: readonly PureFunction[] = [
  abs,
  min,
  max,
  round,
  floor,
  ceil,
  sqrt,
  ln,
  log10,
  exp,
  pow,
  clamp,
];
