import path from "node:path";
import { fileURLToPath } from "node:url";
import { type DataModel, type DataReadResult, type ReadDataOptions, readDataFiles } from "../../src/data/load-data.js";
import type { Observation } from "../../src/data/observation.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

/** A small rule model: five units of Turkistan region, fields of every frequency, cumulative or not, in % or not. */
export const MODEL: DataModel = {
  units: [
    {
      id: "turkistan",
      name: { kk: "Түркістан қаласы", ru: "г. Туркестан", en: "Turkistan city" },
      aliases: ["Туркестан", "Türkistan"],
    },
    { id: "arys", name: { kk: "Арыс қаласы", ru: "г. Арыс", en: "Arys city" }, aliases: ["Арыс"] },
    { id: "sairam", name: { kk: "Сайрам ауданы", ru: "Сайрамский район", en: "Sairam district" }, aliases: [] },
    { id: "keles", name: { kk: "Келес ауданы", ru: "Келесский район" }, aliases: [] },
    { id: "kentau", name: { kk: "Кентау қаласы", ru: "г. Кентау" }, aliases: ["Кентау"] },
  ],
  fields: [
    {
      id: "own_revenue",
      name: { kk: "Өзіндік кірістер", ru: "Собственные доходы", en: "Own revenues" },
      measure: "mln KZT",
      frequency: "month",
      cumulative: true,
    },
    {
      id: "own_revenue_plan",
      name: { kk: "Өзіндік кірістер жоспары", ru: "План собственных доходов" },
      measure: "mln KZT",
      frequency: "month",
      cumulative: true,
    },
    {
      id: "unemployment",
      name: { kk: "Жұмыссыздық деңгейі", ru: "Уровень безработицы", en: "Unemployment rate" },
      measure: "%",
      frequency: "month",
      cumulative: false,
    },
    {
      id: "new_jobs",
      name: { kk: "Жаңа жұмыс орындары", ru: "Новые рабочие места" },
      measure: "count",
      frequency: "month",
      cumulative: false,
    },
    {
      id: "procurement_share",
      name: { kk: "Сатып алу үлесі", ru: "Доля закупок" },
      measure: "% of plan",
      frequency: "quarter",
      cumulative: false,
    },
    {
      id: "population",
      name: { kk: "Халық саны", ru: "Население" },
      measure: "persons",
      frequency: "year",
      cumulative: false,
    },
  ],
};

/** Reads fixture files by their names under fixtures/, so that diagnostics show those names. */
export function readFixtures(names: readonly string[], options: ReadDataOptions = {}): Promise<DataReadResult> {
  return readDataFiles(names, MODEL, { cwd: FIXTURES, ...options });
}

/** "turkistan own_revenue 2026-01 = 1200 @ file:row:column" */
export function obs(o: Observation): string {
  const sheet = o.source.sheet ? ` ${o.source.sheet}` : "";
  return `${o.unit} ${o.field} ${o.period} = ${String(o.value)} @ ${o.source.file}${sheet}:${o.source.row}:${o.source.column}`;
}

/** "D120 error file:line:column: message | suggestion" */
export function diag(d: Diagnostic): string {
  const at = `${d.file ?? ""}:${d.range.start.line}:${d.range.start.column}`;
  return `${d.code} ${d.severity} ${at}: ${d.message}${d.suggestion ? ` | ${d.suggestion}` : ""}`;
}

/** Shorter: code and position only. */
export function where(d: Diagnostic): string {
  return `${d.code} ${d.file ?? ""}:${d.range.start.line}:${d.range.start.column}`;
}
