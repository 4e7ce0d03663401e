import type { TimeFunction } from "./spec.js";

/**
 * Time functions look at other periods of the same unit. prev and prev_year evaluate their whole
 * argument in the shifted period (so prev(a / b) is prev(a) / prev(b)); reaching before the first period
 * the data covers gives missing with reason out-of-range. ytd asks the data for the running total.
 */

export const prevFunction: TimeFunction = {
  name: "prev",
  kind: "time",
  op: "prev",
  parameters: [
    {
      name: "x",
      type: "T",
      description: { kk: "кез келген өрнек", ru: "любое выражение", en: "any expression" },
    },
  ],
  result: "T",
  description: {
    kk: "Өрнектің алдыңғы кезеңдегі мәні (айдан айға, тоқсаннан тоқсанға).",
    ru: "Значение выражения в предыдущем периоде (месяц к месяцу, квартал к кварталу).",
    en: "The expression's value in the previous period (month to month, quarter to quarter).",
  },
  examples: [
    {
      formula: "own_revenue - prev(own_revenue)",
      given: { own_revenue: 120 },
      history: { "2026-02": { own_revenue: 100 } },
      result: "20",
    },
    {
      formula: "prev(prev(own_revenue))",
      given: { own_revenue: 120 },
      history: { "2026-02": { own_revenue: 100 } },
      result: "missing: prev reaches 2026-01, before the data begins",
    },
  ],
};

export const prevYearFunction: TimeFunction = {
  name: "prev_year",
  kind: "time",
  op: "prev_year",
  parameters: [
    {
      name: "x",
      type: "T",
      description: { kk: "кез келген өрнек", ru: "любое выражение", en: "any expression" },
    },
  ],
  result: "T",
  description: {
    kk: "Өрнектің бір жыл бұрынғы дәл сол кезеңдегі мәні (2026-Q1 үшін 2025-Q1).",
    ru: "Значение выражения в том же периоде годом раньше (для 2026-Q1 это 2025-Q1).",
    en: "The expression's value in the same period one year earlier (2025-Q1 for 2026-Q1).",
  },
  examples: [
    {
      formula: "tax_arrears / prev_year(tax_arrears) * 100",
      given: { tax_arrears: 80 },
      history: { "2025-03": { tax_arrears: 64 } },
      result: "125",
    },
  ],
};

export const ytdFunction: TimeFunction = {
  name: "ytd",
  kind: "time",
  op: "ytd",
  parameters: [
    {
      name: "field",
      type: "number",
      fieldName: true,
      description: { kk: "деректер өрісінің атауы", ru: "имя поля данных", en: "the name of a data field" },
    },
  ],
  result: "number",
  description: {
    kk: "Өрістің жыл басынан кезең соңына дейінгі жиынтық мәні, өрістің жинақтау ережесі бойынша (sum, last, mean).",
    ru: "Значение поля нарастающим итогом с начала года до конца периода, по правилу агрегирования поля (sum, last, mean).",
    en: "The field's year-to-date value at the end of the period, by the field's aggregation rule (sum, last, mean).",
  },
  examples: [
    {
      formula: "ytd(own_revenue)",
      given: { own_revenue: 120 },
      history: { "2026-01": { own_revenue: 90 }, "2026-02": { own_revenue: 100 } },
      result: "310",
    },
  ],
};

export const timeFunctions: readonly TimeFunction[] = [prevFunction, prevYearFunction, ytdFunction];
