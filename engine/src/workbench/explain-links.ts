import type { Provenance } from "../data/observation.js";
import type { Located } from "../model/ruleset.js";
import type { ExplainTrace } from "../scoring/trace.js";
import { toSignificant } from "../util/decimal-compare.js";

/**
 * A figure of an explain trace and where it comes from: the indicator's formula in its rule file, or the data
 * cell an input was read from. Editors turn these into clickable links.
 */
export interface ExplainLink {
  /** What the figure is, e.g. "econ_growth" or "econ_growth: exports 2026-Q3 = 1597.1". */
  readonly label: string;
  readonly indicator: string;
  readonly rule?: Located;
  readonly cell?: Provenance;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "number" ? String(toSignificant(value)) : String(value);
}

/** Every indicator of the trace linked to its formula, then each of its inputs linked to its data cells. */
export function explainLinks(trace: ExplainTrace): ExplainLink[] {
  const links: ExplainLink[] = [];
  for (const block of trace.blocks) {
    for (const t of block.indicators) {
      links.push({ label: t.id, indicator: t.id, rule: t.at });
      for (const input of t.inputs) {
        const label = `${t.id}: ${input.name} ${input.period} = ${shown(input.value)}`;
        if (input.sources.length === 0) links.push({ label, indicator: t.id });
        for (const cell of input.sources) links.push({ label, indicator: t.id, cell });
      }
    }
  }
  return links;
}
