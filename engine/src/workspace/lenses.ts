import type { Lang, Ruleset } from "../model/ruleset.js";
import { label } from "../report/labels.js";
import { formatShort } from "../report/number-format.js";
import type { RuleDocument } from "../rules/yaml-document.js";
import { documentKind } from "./at-position.js";
import { editorLabel } from "./labels.js";
import type { UnitPreview } from "./preview.js";

/**
 * The figures an editor shows beside a block file's lines (code lenses, inlay hints): the block's weight and
 * the sum of its indicators' weights, and with a preview, each indicator's value, score and points for the
 * previewed unit and period. The texts are in the reader's language; the numbers are the engine's.
 */
export interface LineFigure {
  readonly kind: "block" | "indicator";
  /** Where it belongs: the block's `block:` value, the indicator's `id` value (file offsets). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly block: string;
  readonly indicator?: string;
}

const num = (x: number, lang: Lang, decimals = 2) => formatShort(x, lang, decimals);

export function lineFigures(
  doc: RuleDocument,
  model: Ruleset | undefined,
  lang: Lang,
  preview?: UnitPreview,
): LineFigure[] {
  if (documentKind(doc) !== "block") return [];
  const data = doc.data as { block?: unknown; indicators?: unknown } | null;
  const id = typeof data?.block === "string" ? data.block : undefined;
  const block = id === undefined ? undefined : model?.blocks.find((b) => b.id === id && b.at.file === doc.file);
  const at = doc.locations.get("/block");
  if (!block || !at) return [];
  const sum = block.indicators.reduce((s, i) => s + i.weight, 0);
  const out: LineFigure[] = [
    {
      kind: "block",
      start: at.value.start.offset,
      end: at.value.end.offset,
      text: `${label("blockWeight", lang)}: ${num(block.weight, lang, 4)} · ${editorLabel("blockIndicatorSum", lang)}: ${num(sum, lang, 4)}`,
      block: block.id,
    },
  ];
  if (!preview) return out;
  const indicators = Array.isArray(data?.indicators) ? data.indicators : [];
  indicators.forEach((raw, i) => {
    const indicatorId = (raw as { id?: unknown } | null)?.id;
    const loc = doc.locations.get(`/indicators/${i}/id`);
    const result = typeof indicatorId === "string" ? preview.indicators[indicatorId] : undefined;
    if (!loc || !result || typeof indicatorId !== "string") return;
    const value =
      result.value === null
        ? label(result.status === "not-applicable" ? "notApplicable" : "missingValue", lang)
        : typeof result.value === "boolean"
          ? label(result.value ? "yes" : "no", lang)
          : num(result.value, lang, 4);
    const score = result.score === null ? "–" : num(result.score, lang, 4);
    out.push({
      kind: "indicator",
      start: loc.value.start.offset,
      end: loc.value.end.offset,
      text: `${preview.unit}, ${preview.period}: ${label("value", lang)} ${value} · ${editorLabel("scoreWord", lang)} ${score} · ${label("points", lang)} ${num(result.points, lang)} ${label("outOf", lang, { max: num(result.weight, lang) })}`,
      block: block.id,
      indicator: indicatorId,
    });
  });
  return out;
}
