import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { Lang, Located, Ruleset } from "../model/ruleset.js";
import { localNumber } from "../report/number-format.js";
import { rangeOfLength } from "../source/range.js";
import type { AuditReport, IndicatorAudit } from "./audit.js";
import { AuditCode } from "./codes.js";
import type { Treatment } from "./distribution.js";
import { FW } from "./finding-words.js";
import { fill } from "./words.js";

/** The findings' words in one language: numbers in its notation at most `digits` decimals, no float noise. */
class Say {
  constructor(readonly lang: Lang) {}
  text(key: keyof typeof FW, values: Readonly<Record<string, string | number>> = {}): string {
    return fill(FW[key][this.lang], values);
  }
  num(x: number | undefined, digits = 2): string {
    return x === undefined ? FW.na[this.lang] : localNumber(Number(x.toFixed(digits)), this.lang);
  }
  pct(x: number | undefined): string {
    return x === undefined ? FW.na[this.lang] : `${this.num(x * 100, 2)}%`;
  }
}

/**
 * The audit's findings as diagnostics at the indicators' and blocks' lines, in block and indicator order; the
 * messages and suggestions in `lang` (`tarazy audit --lang`), English by default as diagnostics are.
 */
export function auditFindings(
  report: Omit<AuditReport, "findings">,
  ruleset: Ruleset,
  lang: Lang = "en",
): Diagnostic[] {
  const t = report.thresholds;
  const say = new Say(lang);
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
    for (const i of report.indicators.filter((x) => x.block === block.id)) indicatorFindings(i, t, say, push);
    duplicates(block.correlations, t.duplicate, say, push);
    if (block.alpha !== undefined && block.alpha < t.min_alpha)
      push(
        AuditCode.A301,
        "info",
        `block:${block.id}`,
        say.text("A301", {
          id: block.id,
          alpha: say.num(block.alpha),
          n: block.alphaUnits,
          min: say.num(t.min_alpha, 15),
          pc1: say.pct(block.firstComponent),
        }),
        say.text("A301fix"),
      );
  }
  return out;
}

type Push = (code: string, severity: Severity, where: string, message: string, suggestion?: string) => void;

function indicatorFindings(i: IndicatorAudit, t: AuditReport["thresholds"], say: Say, push: Push) {
  const id = i.id;
  if (i.applicable > 0 && i.coverage < t.min_coverage)
    push(
      AuditCode.A101,
      "warning",
      id,
      say.text("A101", {
        id,
        scored: i.scored,
        applicable: i.applicable,
        share: say.pct(i.coverage),
        min: say.pct(t.min_coverage),
      }),
    );
  if (i.scored >= 2 && i.distinctScores === 1)
    push(AuditCode.A102, "warning", id, say.text("A102", { id, n: i.scored }), say.text("A102fix"));
  else if (i.scored >= 2 && Math.max(i.floorShare, i.capShare) > t.floor_cap_share) {
    const cap = i.capShare >= i.floorShare;
    const where = say.text(cap ? "cap" : "floor");
    push(
      AuditCode.A103,
      "info",
      id,
      say.text("A103", { id, share: say.pct(cap ? i.capShare : i.floorShare), where }),
      cap ? say.text("A103fix") : undefined,
    );
  }
  const v = i.values;
  if (v?.outliers && v.treatment) {
    const message = say.text("A104", {
      id,
      skew: say.num(v.skewness),
      kurt: say.num(v.kurtosis),
      n: v.n,
      s: say.num(t.skewness, 15),
      k: say.num(t.kurtosis, 15),
      treated: treated(v.treatment, say),
    });
    push(AuditCode.A104, "warning", id, message, say.text("A104fix"));
  }
  const rb = i.withBlock.pearson;
  if (rb !== undefined && rb < 0)
    push(
      AuditCode.A201,
      "warning",
      id,
      say.text("A201", { id, block: i.block, r: say.num(rb), rho: say.num(i.withBlock.spearman), n: i.withBlock.n }),
      say.text("A201fix"),
    );
  if (i.importance !== undefined && i.nominalWeight > 0 && i.importance < t.importance_ratio * i.nominalWeight)
    push(
      AuditCode.A203,
      "info",
      id,
      say.text("A203", {
        id,
        weight: say.pct(i.nominalWeight),
        importance: say.pct(i.importance),
        r: say.num(i.withTotal.pearson),
      }),
    );
}

function treated(t: Treatment, say: Say): string {
  const w = t.winsorised;
  const log = say.text("log", {
    shifted: t.log.shifted ? say.text("shifted") : "",
    ls: say.num(t.log.skewness),
    lk: say.num(t.log.kurtosis),
    still: t.logPasses ? "" : say.text("still"),
  });
  const values = say.text(w.points === 1 ? "value" : "values");
  const common = { points: w.points, values, ws: say.num(w.skewness), wk: say.num(w.kurtosis), log };
  return say.text(t.winsorisedPasses ? "winsorised" : "notWinsorised", common);
}

function duplicates(m: AuditReport["blockCorrelations"], threshold: number, say: Say, push: Push) {
  for (let a = 0; a < m.ids.length; a++) {
    for (let b = a + 1; b < m.ids.length; b++) {
      const r = m.pearson[a]?.[b];
      if (r === null || r === undefined || !(Math.abs(r) > threshold)) continue;
      push(
        AuditCode.A202,
        "info",
        m.ids[a] as string,
        say.text("A202", {
          a: m.ids[a] as string,
          b: m.ids[b] as string,
          r: say.num(r, 3),
          threshold: say.num(threshold, 15),
        }),
        say.text("A202fix"),
      );
    }
  }
}
