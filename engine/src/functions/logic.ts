import type { ControlFunction, Parameter } from "./spec.js";

/**
 * The logic functions. Missing values follow Kleene's three-valued logic, so a known answer is never
 * lost to an unknown one: `false and missing` is false, `true or missing` is true, while `true and
 * missing`, `false or missing`, `not missing` and `if(missing, a, b)` are missing (with the missing
 * argument's reason). and/or evaluate left to right and stop at the first argument that decides.
 */

const condition = (name: string): Parameter => ({
  name,
  type: "boolean",
  condition: true,
  description: { kk: "шарт (true/false)", ru: "условие (true/false)", en: "a condition (true/false)" },
});

export const ifFunction: ControlFunction = {
  name: "if",
  kind: "control",
  op: "if",
  parameters: [
    condition("condition"),
    {
      name: "then",
      type: "T",
      description: {
        kk: "шарт орындалса мәні",
        ru: "значение, если условие истинно",
        en: "the value when the condition is true",
      },
    },
    {
      name: "else",
      type: "T",
      description: {
        kk: "шарт орындалмаса мәні",
        ru: "значение, если условие ложно",
        en: "the value when the condition is false",
      },
    },
  ],
  result: "T",
  description: {
    kk: "Шарт ақиқат болса then, әйтпесе else. Тек таңдалған тармақ есептеледі. Шарт жоқ болса, нәтиже де жоқ.",
    ru: "then, если условие истинно, иначе else. Вычисляется только выбранная ветвь. Если условия нет, результата нет.",
    en: "then when the condition is true, else otherwise. Only the chosen branch is evaluated. A missing condition gives missing.",
  },
  examples: [
    { formula: "if(plan > 0, fact / plan * 100, missing)", given: { fact: 45, plan: 50 }, result: "90" },
    {
      formula: "if(plan > 0, fact / plan * 100, missing)",
      given: { fact: 45, plan: 0 },
      result: "missing: the formula gives missing (line 1, column 33)",
    },
  ],
};

export const andFunction: ControlFunction = {
  name: "and",
  kind: "control",
  op: "and",
  parameters: [condition("a"), condition("b")],
  variadic: true,
  result: "boolean",
  syntax: "a and b",
  description: {
    kk: "Шарттар арасына жазылады: `a and b`. Барлығы ақиқат болса true; біреуі false болса false (қалғаны жоқ болса да); әйтпесе жоқ.",
    ru: "Пишется между условиями: `a and b`. true, если все условия истинны; false, если хоть одно ложно (даже если другого нет); иначе нет значения.",
    en: "Written between conditions: `a and b`. true when every condition is true; false when any is false (even if another is missing); missing otherwise.",
  },
  examples: [
    { formula: "true and 2 > 1", result: "true" },
    { formula: "false and missing", result: "false" },
  ],
};

export const orFunction: ControlFunction = {
  name: "or",
  kind: "control",
  op: "or",
  parameters: [condition("a"), condition("b")],
  variadic: true,
  result: "boolean",
  syntax: "a or b",
  description: {
    kk: "Шарттар арасына жазылады: `a or b`. Біреуі ақиқат болса true (қалғаны жоқ болса да); бәрі false болса false; әйтпесе жоқ.",
    ru: "Пишется между условиями: `a or b`. true, если хоть одно условие истинно (даже если другого нет); false, если все ложны; иначе нет значения.",
    en: "Written between conditions: `a or b`. true when any condition is true (even if another is missing); false when all are false; missing otherwise.",
  },
  examples: [
    { formula: "false or 2 > 1", result: "true" },
    { formula: "true or missing", result: "true" },
  ],
};

export const notFunction: ControlFunction = {
  name: "not",
  kind: "control",
  op: "not",
  parameters: [condition("a")],
  result: "boolean",
  syntax: "not a",
  description: {
    kk: "Шарттың терісі: `not a` немесе `not(a)`. Шарт жоқ болса, нәтиже де жоқ.",
    ru: "Отрицание условия: `not a` или `not(a)`. Если условия нет, результата нет.",
    en: "The opposite of the condition: `not a` or `not(a)`. A missing condition gives missing.",
  },
  examples: [{ formula: "not(1 > 2)", result: "true" }],
};

export const coalesceFunction: ControlFunction = {
  name: "coalesce",
  kind: "control",
  op: "coalesce",
  parameters: [
    {
      name: "value",
      type: "T",
      description: { kk: "мән", ru: "значение", en: "a value" },
    },
    {
      name: "fallback",
      type: "T",
      description: {
        kk: "мән жоқ болса, келесісі",
        ru: "следующее, если значения нет",
        en: "the next to try when it is missing",
      },
    },
  ],
  variadic: true,
  result: "T",
  description: {
    kk: "Бар бірінші мән. Бәрі жоқ болса, нәтиже жоқ, бірінші аргументтің себебімен.",
    ru: "Первое имеющееся значение. Если нет ни одного, результата нет, с причиной первого аргумента.",
    en: "The first value that is not missing. If all are missing, the result is missing with the first argument's reason.",
  },
  examples: [
    { formula: "coalesce(missing, 0)", result: "0" },
    { formula: "coalesce(arrears, 0)", given: { arrears: "n/a" }, result: "0" },
  ],
};

export const isMissingFunction: ControlFunction = {
  name: "is_missing",
  kind: "control",
  op: "is_missing",
  parameters: [
    {
      name: "x",
      type: "any",
      description: { kk: "кез келген мән", ru: "любое значение", en: "any value" },
    },
  ],
  result: "boolean",
  description: {
    kk: "Мән жоқ болса true (деректер берілмеген, n/a, нөлге бөлу ...), әйтпесе false. Ешқашан жоқ болмайды.",
    ru: "true, если значения нет (данные не сданы, n/a, деление на ноль ...), иначе false. Само всегда имеет значение.",
    en: "true when the value is missing (no data, n/a, division by zero, ...), false otherwise. Never missing itself.",
  },
  examples: [{ formula: "is_missing(1 / 0)", result: "true" }],
};

export const logicFunctions: readonly ControlFunction[] = [
  ifFunction,
  andFunction,
  orFunction,
  notFunction,
  coalesceFunction,
  isMissingFunction,
];
