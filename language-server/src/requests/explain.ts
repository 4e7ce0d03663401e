import { explainLinks, explainUnit, type Lang, type ReadFileHook, renderTrace } from "@tarazy/engine";
import { badRequest, cellLocation, locatedToLocation } from "./convert.js";
import type { ExplainLinkResult, ExplainParams } from "./protocol.js";
import { rateBatch } from "./rate.js";

/** tarazy/explain: the trace of one unit as `tarazy explain --format json` gives it, its text, and its links. */
export async function explain(
  params: ExplainParams,
  lang: Lang,
  readFile?: ReadFileHook,
): Promise<{ trace: unknown; text: string; links: ExplainLinkResult[] }> {
  if (!params.unit) throw badRequest("give the unit to explain");
  const batch = await rateBatch({ ruleset: params.ruleset, data: params.data, period: params.period }, readFile);
  const rated = batch.rated[0];
  const trace = rated ? explainUnit(rated.run, params.unit) : undefined;
  if (!rated || !trace) {
    const ids = rated?.result.results.map((r) => r.unit).join(", ") ?? "";
    throw badRequest(`unit '${params.unit}' was not rated in ${params.period} (rated: ${ids})`);
  }
  const links = explainLinks(trace).map((l) => {
    const cell = l.cell;
    const where = cell ? cellLocation(cell) : undefined;
    return {
      label: l.label,
      indicator: l.indicator,
      ...(l.rule ? { rule: locatedToLocation(l.rule) } : {}),
      ...(cell
        ? {
            cell: {
              file: cell.file,
              row: cell.row,
              column: cell.column,
              ...(cell.sheet !== undefined ? { sheet: cell.sheet } : {}),
              ...(where ? { location: where } : {}),
            },
          }
        : {}),
    };
  });
  return { trace, text: renderTrace(trace, lang, rated.version.ruleset.root), links };
}
