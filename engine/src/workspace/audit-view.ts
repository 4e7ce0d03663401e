import { type AuditReport, auditRun } from "../audit/audit.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Lang, Ruleset } from "../model/ruleset.js";
import { formatNumber } from "../report/number-format.js";
import type { RuleDocument } from "../rules/yaml-document.js";
import { documentKind } from "./at-position.js";
import type { LineFigure } from "./lenses.js";
import { latestRating } from "./preview.js";

/**
 * The statistical audit for the editor (docs/audit.md, "In the editor"): `tarazy audit` of the period the
 * previews show (the latest with data in tarazy.dataFolder), computed by the engine's `auditRun` on the
 * same rating. Its findings are diagnostics at the indicators' and blocks' lines, which the language
 * server publishes beside the rule files' own; each block gets a figure with its effective importance next
 * to its nominal weight.
 */
export interface AuditView {
  readonly rating: string;
  readonly period: string;
  /** By rule file: the findings placed in it. */
  readonly findings: ReadonlyMap<string, readonly Diagnostic[]>;
  readonly report: AuditReport;
}

/** The audit of a checked ruleset (no errors) on a data folder; undefined when it cannot be rated. */
export async function auditView(ruleset: Ruleset, dataFolder: string): Promise<AuditView | undefined> {
  const rated = await latestRating(ruleset, dataFolder);
  if (!rated.prepared || !rated.run || !rated.rating || !rated.period) return undefined;
  const report = auditRun(rated.prepared, rated.run);
  if (!report) return undefined;
  const findings = new Map<string, Diagnostic[]>();
  for (const d of report.findings) {
    if (!d.file) continue;
    findings.set(d.file, [...(findings.get(d.file) ?? []), d]);
  }
  return { rating: rated.rating, period: rated.period, findings, report };
}

const WORDS = {
  importance: { kk: "тиімді маңыздылық", ru: "эффективная значимость", en: "effective importance" },
  weight: { kk: "номиналды салмақ", ru: "номинальный вес", en: "nominal weight" },
  audit: { kk: "аудит", ru: "аудит", en: "audit" },
  none: { kk: "ж/қ", ru: "н/д", en: "n/a" },
} as const;

/**
 * The code lens of a block file's `block:` line: the block's effective importance beside its nominal
 * weight, both as shares of the total ("effective importance 12.3% · nominal weight 20.0% (audit, 2026-Q3)").
 */
export function auditFigures(doc: RuleDocument, audit: AuditView | undefined, lang: Lang): LineFigure[] {
  if (!audit || documentKind(doc) !== "block") return [];
  const id = (doc.data as { block?: unknown } | null)?.block;
  const at = doc.locations.get("/block");
  const block = audit.report.blocks.find((b) => b.id === id);
  if (!block || !at || typeof id !== "string") return [];
  const pct = (x: number | undefined) => (x === undefined ? WORDS.none[lang] : `${formatNumber(x * 100, lang, 1)}%`);
  return [
    {
      kind: "block",
      start: at.value.start.offset,
      end: at.value.end.offset,
      text: `${WORDS.importance[lang]} ${pct(block.importance)} · ${WORDS.weight[lang]} ${pct(block.nominalWeight)} (${WORDS.audit[lang]}, ${audit.period})`,
      block: id,
    },
  ];
}
