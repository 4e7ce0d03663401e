import { heatColor, textColorOn } from "../report/colors.js";
import { escapeHtml } from "../report/html-escape.js";
import type { AuditReport, CorrelationMatrices, IndicatorAudit } from "./audit.js";

/**
 * The audit as one self-contained HTML page (no scripts, no external files): the findings, the blocks with
 * nominal weight beside effective importance, and correlation heat maps (Pearson below the diagonal,
 * Spearman above, the number always printed in the cell so the colour never carries meaning alone).
 */
export function auditHtml(report: AuditReport, findingPlace: (file: string | undefined) => string): string {
  const title = `Statistical audit: ${report.ruleset.id} ${report.ruleset.version}, ${report.rating}, ${report.period}`;
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${report.units} units. Statistics over the units scored from a value (pairwise); see docs/audit.md.</p>`,
    findings(report, findingPlace),
    blocksTable(report),
    "<h2>Correlations between blocks</h2>",
    heatMap(report.blockCorrelations),
    ...report.blocks.map((b) =>
      [
        `<h2>Block ${escapeHtml(b.id)}</h2>`,
        indicatorsTable(report.indicators.filter((i) => i.block === b.id)),
        heatMap(b.correlations),
      ].join("\n"),
    ),
    "</body></html>",
    "",
  ].join("\n");
}

const CSS = `body{font-family:system-ui,sans-serif;margin:2em;color:#212121}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ddd;padding:2px 6px;text-align:right}
th:first-child,td:first-child{text-align:left}.bar{display:inline-block;height:.8em;background:#5c6bc0}
.bar.nominal{background:#bdbdbd}.warning{color:#b71c1c}.info{color:#0d47a1}.heat td{min-width:3em;text-align:center}`;

function fmt(x: number | null | undefined, digits = 2): string {
  return x === undefined || x === null ? "n/a" : (Math.round(x * 10 ** digits) / 10 ** digits || 0).toFixed(digits);
}

function pct(x: number | undefined): string {
  return x === undefined ? "n/a" : `${fmt(x * 100, 1)}%`;
}

function bar(share: number | undefined, kind: string): string {
  const width = Math.round(Math.max(0, share ?? 0) * 400);
  return `<span class="bar ${kind}" style="width:${width}px"></span>`;
}

function findings(report: AuditReport, place: (file: string | undefined) => string): string {
  if (report.findings.length === 0) return "<h2>Findings</h2><p>None.</p>";
  const rows = report.findings.map(
    (d) =>
      `<tr><td class="${d.severity}">${d.code}</td><td>${escapeHtml(`${place(d.file)}:${d.range.start.line}`)}</td><td style="text-align:left">${escapeHtml(d.message)}</td></tr>`,
  );
  return `<h2>Findings</h2><table><tr><th>code</th><th>where</th><th>finding</th></tr>${rows.join("")}</table>`;
}

function blocksTable(report: AuditReport): string {
  const rows = report.blocks.map(
    (b) =>
      `<tr><td>${escapeHtml(b.id)}</td><td>${b.indicators.length}</td><td>${fmt(b.alpha)}</td><td>${pct(b.firstComponent)}</td><td>${fmt(b.withTotal.pearson)}</td><td>${pct(b.nominalWeight)}</td><td>${pct(b.importance)}</td><td style="text-align:left">${bar(b.nominalWeight, "nominal")}<br>${bar(b.importance, "")}</td></tr>`,
  );
  return `<h2>Blocks</h2><table><tr><th>block</th><th>indicators</th><th>Cronbach's alpha</th><th>first component</th><th>r with total</th><th>nominal weight</th><th>effective importance</th><th>weight (grey) and importance (blue)</th></tr>${rows.join("")}</table>`;
}

function indicatorsTable(indicators: readonly IndicatorAudit[]): string {
  const rows = indicators.map(
    (i) =>
      `<tr><td>${escapeHtml(i.id)}</td><td>${pct(i.coverage)}</td><td>${i.distinctScores}</td><td>${pct(i.floorShare)}</td><td>${pct(i.capShare)}</td><td>${fmt(i.values?.skewness)}</td><td>${fmt(i.values?.kurtosis)}</td><td>${i.values?.outliers ? "yes" : ""}</td><td>${fmt(i.withBlock.pearson)}</td><td>${fmt(i.withTotal.pearson)}</td><td>${fmt(i.withTotal.spearman)}</td><td>${pct(i.nominalWeight)}</td><td>${pct(i.importance)}</td></tr>`,
  );
  return `<table><tr><th>indicator</th><th>coverage</th><th>distinct</th><th>at 0</th><th>at 1</th><th>skewness</th><th>excess kurtosis</th><th>outliers</th><th>r block</th><th>r total</th><th>ρ total</th><th>weight</th><th>importance</th></tr>${rows.join("")}</table>`;
}

/** Pearson below the diagonal, Spearman above; red for -1 through yellow to green for +1. */
function heatMap(m: CorrelationMatrices): string {
  const head = m.ids.map((id) => `<th>${escapeHtml(id)}</th>`).join("");
  const rows = m.ids.map((id, a) => {
    const cells = m.ids.map((_, b) => {
      if (a === b) return "<td>1</td>";
      const r = a > b ? m.pearson[a]?.[b] : m.spearman[a]?.[b];
      if (r === null || r === undefined) return "<td>n/a</td>";
      const color = heatColor((r + 1) / 2);
      return `<td style="background:${color};color:${textColorOn(color)}">${fmt(r)}</td>`;
    });
    return `<tr><th>${escapeHtml(id)}</th>${cells.join("")}</tr>`;
  });
  return `<table class="heat"><caption>Pearson r below the diagonal, Spearman ρ above</caption><tr><th></th>${head}</tr>${rows.join("")}</table>`;
}
