import { type AuditReport, auditRun } from "../../audit/audit.js";
import { auditFindings } from "../../audit/findings.js";
import { auditHtml } from "../../audit/html.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { significantJson } from "../../util/decimal-compare.js";
import { auditText } from "../audit-text.js";
import { displayPath, relativeDiagnostic } from "../diagnostic-formats/relative.js";
import { type Command, UsageError } from "../io.js";
import { formatOption, langOption, parseOptions, periodsOf } from "../options.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { rateCommandCore } from "../rating-session.js";
import { sayOutOfPeriod } from "../version-line.js";

const USAGE = `Usage: tarazy audit RULESET --data PATH... --period P [options]
       tarazy audit RULESET --data PATH... --from P --to P [options]

A statistical audit of the rules against the data (the JRC/OECD Handbook's checks of a composite
indicator): per indicator its coverage, distinct scores, share at the floor and cap, skewness and
kurtosis with the JRC's outlier rule; Pearson and Spearman correlations within blocks, with the block,
with the total and between blocks; each block's Cronbach's alpha and first principal component; and the
effective importance of each indicator and block beside its nominal weight. Findings are diagnostics at
the indicators' lines, with thresholds set under \`audit:\` in ruleset.yaml. See docs/audit.md.

Options:
  --data PATH...        data files or folders (several paths, or --data repeated)
  --period P            the period: a month 2026-03, a quarter 2026-Q1 or a year 2026
  --from P --to P       audit every period from P to P (one audit each)
  --rating ID           the rating to audit (default: the first whose rhythm matches the period)
  --format text|json|html  tables (default), the audit as JSON (an array for --from/--to), or a
                        self-contained HTML page with correlation heat maps
  --lang kk|ru|en       language of the tables, the page and the findings (default kk)
  --allow-out-of-period audit a version folder for a period outside its effective dates (else error S209);
                        stderr says the version was not in force

Exit code: 0 audited (findings are warnings and notes), 1 problems in the rules or the data, 2 bad usage.
`;

export const auditCommand: Command = {
  name: "audit",
  summary: "a statistical audit of the rules against the data: tarazy audit RULESET --data PATH... --period P",
  usage: USAGE,
  async run(args, io) {
    const { positional, values, data } = parseOptions(
      args,
      ["--data", "--period", "--from", "--to", "--rating", "--format", "--lang"],
      ["--allow-out-of-period"],
    );
    const [rulesetPath, ...extra] = positional;
    if (rulesetPath === undefined) throw new UsageError("missing RULESET (a ruleset version or family folder)");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}' (data paths follow --data)`);
    if (data.length === 0) throw new UsageError("missing --data PATH");
    const periods = periodsOf(values);
    const format = formatOption(values, ["text", "json", "html"] as const);
    const lang = langOption(values);
    const rating = values.get("--rating");
    const batch = await rateCommandCore({
      ruleset: rulesetPath,
      data,
      periods,
      cwd: io.cwd,
      allowOutOfPeriod: values.has("--allow-out-of-period"),
      ...(rating !== undefined ? { rating } : {}),
    });
    if (batch.rated.length === 0 || hasErrors(batch.diagnostics)) {
      printDiagnostics(io, batch.diagnostics);
      return 1;
    }
    sayOutOfPeriod(io, batch.rated, lang);
    // The findings in the reader's language: their messages, and the words around them on stderr.
    const audited = batch.rated.flatMap((r) => {
      const report = auditRun(r.version.prepared, r.run);
      const ruleset = r.version.ruleset;
      return report ? [{ report: { ...report, findings: auditFindings(report, ruleset, lang) }, ruleset }] : [];
    });
    const reports = audited.map((a) => a.report);
    printDiagnostics(io, batch.diagnostics);
    printDiagnostics(
      io,
      reports.flatMap((r) => r.findings),
      lang,
    );
    if (format === "html") {
      const place = (file: string | undefined) => (file ? displayPath(file, io.cwd) : "");
      io.stdout(audited.map((a) => auditHtml(a.report, a.ruleset, place, lang)).join("\n"));
    } else if (format === "json") {
      const json = reports.map((r) => auditJson(r, io.cwd));
      io.stdout(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
    } else io.stdout(audited.map((a) => auditText(a.report, a.ruleset, lang)).join("\n"));
    return 0;
  },
};

/** The audit as JSON: numbers at 15 significant digits (no float noise), findings with paths relative to cwd. */
export function auditJson(report: AuditReport, cwd: string): unknown {
  const relative = { ...report, findings: report.findings.map((d) => relativeDiagnostic(d, cwd)) };
  return JSON.parse(JSON.stringify(relative, significantJson));
}
