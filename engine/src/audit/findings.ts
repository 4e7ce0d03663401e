import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { Located, Ruleset } from "../model/ruleset.js";
import { rangeOfLength } from "../source/range.js";
import type { AuditReport, IndicatorAudit } from "./audit.js";
import { AuditCode } from "./codes.js";
import type { Treatment } from "./distribution.js";

/** A number in a message: at most `digits` decimals, no float noise. */
function f(x: number | undefined, digits = 2): string {
  return x === undefined ? "n/a" : String(Number(x.toFixed(digits)));
}

function pct(x: number): string {
  return `${f(x * 100, 2)}%`;
}

/** The audit's findings as diagnostics at the indicators' and blocks' lines, in block and indicator order. */
export function auditFindings(report: Omit<AuditReport, "findings">, ruleset: Ruleset): Diagnostic[] {
  const t = report.thresholds;
  const at = new Map<string, Located>();
  for (const b of ruleset.blocks) {
    at.set(`block:${b.id}`, b.at);
    for (const i of b.indicators) at.set(i.id, i.at);
  }
  const out: Diagnostic[] = [];
  const push = (code: string, severity: Severity, where: string, message: string, suggestion?: string) => {
    const loc = at.get(where);
    out.push({
      code,
      severity,
      message,
      ...(loc ? { file: loc.file, range: loc.range } : { range: rangeOfLength(0) }),
      ...(suggestion ? { suggestion } : {}),
    });
  };
  for (const block of report.blocks) {
    for (const i of report.indicators.filter((x) => x.block === block.id)) indicatorFindings(i, t, push);
    duplicates(block.correlations, t.duplicate, push);
    if (block.alpha !== undefined && block.alpha < t.min_alpha)
      push(
        AuditCode.A301,
        "info",
        `block:${block.id}`,
        `${block.id}: Cronbach's alpha ${f(block.alpha)} (over ${block.alphaUnits} units with every score) is below ${t.min_alpha}; the first principal component explains ${block.firstComponent === undefined ? "n/a" : pct(block.firstComponent)} of the variance`,
        "see the block's correlations in `tarazy audit --format json`; a block of distinct duties may be so by design",
      );
  }
  return out;
}

type Push = (code: string, severity: Severity, where: string, message: string, suggestion?: string) => void;

function indicatorFindings(i: IndicatorAudit, t: AuditReport["thresholds"], push: Push) {
  if (i.applicable > 0 && i.coverage < t.min_coverage)
    push(
      AuditCode.A101,
      "warning",
      i.id,
      `${i.id} has a value for ${i.scored} of ${i.applicable} units (${pct(i.coverage)}), below ${pct(t.min_coverage)}`,
    );
  if (i.scored >= 2 && i.distinctScores === 1)
    push(
      AuditCode.A102,
      "warning",
      i.id,
      `every one of the ${i.scored} units scored on ${i.id} gets the same score, so it ranks no one`,
      "raise the goalposts or plan, or use a finer score method",
    );
  else if (i.scored >= 2 && Math.max(i.floorShare, i.capShare) > t.floor_cap_share) {
    const cap = i.capShare >= i.floorShare;
    push(
      AuditCode.A103,
      "info",
      i.id,
      `${pct(cap ? i.capShare : i.floorShare)} of the units score ${cap ? "the cap (1)" : "the floor (0)"} on ${i.id}`,
      cap ? "a cap most units reach rewards no further effort: check the plan or goalposts" : undefined,
    );
  }
  const v = i.values;
  if (v?.outliers && v.treatment)
    push(
      AuditCode.A104,
      "warning",
      i.id,
      `${i.id}: skewness ${f(v.skewness)} and excess kurtosis ${f(v.kurtosis)} over ${v.n} units (above ${t.skewness} and ${t.kurtosis}); ${treated(v.treatment)}`,
      "use goalposts, bands or `transform: ln`, or cap the values before a min-max or z-score scale",
    );
  const rb = i.withBlock.pearson;
  if (rb !== undefined && rb < 0)
    push(
      AuditCode.A201,
      "warning",
      i.id,
      `${i.id} correlates negatively with its block ${i.block} (Pearson ${f(rb)}, Spearman ${f(i.withBlock.spearman)}, ${i.withBlock.n} units)`,
      "check `better:` and the formula",
    );
  if (i.importance !== undefined && i.nominalWeight > 0 && i.importance < t.importance_ratio * i.nominalWeight)
    push(
      AuditCode.A203,
      "info",
      i.id,
      `${i.id} carries ${pct(i.nominalWeight)} of the nominal weight but its effective importance is ${pct(i.importance)} (Pearson r with the total ${f(i.withTotal.pearson)})`,
    );
}

function treated(t: Treatment): string {
  const w = t.winsorised;
  const log = `a log${t.log.shifted ? " (of x - min + 1)" : ""} would leave skewness ${f(t.log.skewness)}, kurtosis ${f(t.log.kurtosis)}${t.logPasses ? "" : " (still outliers)"}`;
  if (t.winsorisedPasses)
    return `winsorising ${w.points} value${w.points === 1 ? "" : "s"} would leave skewness ${f(w.skewness)}, kurtosis ${f(w.kurtosis)}; ${log}`;
  return `winsorising ${w.points} values is not enough (skewness ${f(w.skewness)}, kurtosis ${f(w.kurtosis)}); ${log}`;
}

function duplicates(m: AuditReport["blockCorrelations"], threshold: number, push: Push) {
  for (let a = 0; a < m.ids.length; a++) {
    for (let b = a + 1; b < m.ids.length; b++) {
      const r = m.pearson[a]?.[b];
      if (r === null || r === undefined || !(Math.abs(r) > threshold)) continue;
      push(
        AuditCode.A202,
        "info",
        m.ids[a] as string,
        `${m.ids[a]} and ${m.ids[b]} are near-duplicates: Pearson r = ${f(r, 3)} between their scores (above ${threshold})`,
        "keep one, merge them, or lower their weights",
      );
    }
  }
}
