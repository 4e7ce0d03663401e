import type { AuditReport, CorrelationMatrices } from "../audit/audit.js";

/** The audit as text for a terminal: the indicator table, the block table and the blocks' correlations. */
export function auditText(report: AuditReport): string {
  const out: string[] = [
    `Statistical audit of ${report.ruleset.id} ${report.ruleset.version}, rating ${report.rating}, ${report.period}: ${report.units} units`,
    "",
    "Indicators (scores of the units scored from a value; weights and importance as shares of the total):",
    "",
  ];
  const ind = report.indicators.map((i) => [
    i.id,
    i.block,
    pct(i.coverage, 0),
    String(i.distinctScores),
    pct(i.floorShare, 0),
    pct(i.capShare, 0),
    num(i.values?.skewness),
    num(i.values?.kurtosis),
    i.values?.outliers ? "yes" : "",
    num(i.withBlock.pearson),
    num(i.withTotal.pearson),
    num(i.withTotal.spearman),
    pct(i.nominalWeight, 1),
    i.importance === undefined ? "n/a" : pct(i.importance, 1),
  ]);
  out.push(
    ...table(
      [
        "indicator",
        "block",
        "cover",
        "dist",
        "at 0",
        "at 1",
        "skew",
        "kurt",
        "out",
        "r blk",
        "r tot",
        "ρ tot",
        "weight",
        "effect",
      ],
      ind,
    ),
  );
  out.push("", "Blocks:", "");
  out.push(
    ...table(
      ["block", "indic.", "alpha", "units", "PC1", "r tot", "ρ tot", "weight", "effect"],
      report.blocks.map((b) => [
        b.id,
        String(b.indicators.length),
        num(b.alpha),
        String(b.alphaUnits),
        b.firstComponent === undefined ? "n/a" : pct(b.firstComponent, 0),
        num(b.withTotal.pearson),
        num(b.withTotal.spearman),
        pct(b.nominalWeight, 1),
        b.importance === undefined ? "n/a" : pct(b.importance, 1),
      ]),
    ),
  );
  out.push("", "Correlations between blocks (Pearson r, lower triangle; Spearman ρ, upper):", "");
  out.push(...matrixTable(report.blockCorrelations));
  const counts = ["warning", "info"].map((s) => report.findings.filter((d) => d.severity === s).length);
  out.push(
    "",
    `skew: sample skewness; kurt: sample excess kurtosis (0 for a normal distribution); out: the JRC's outlier rule (|skew| > ${report.thresholds.skewness} and kurt > ${report.thresholds.kurtosis}).`,
    "r: Pearson, ρ: Spearman, blk: with the block's points, tot: with the total; effect: effective importance.",
    `${counts[0]} warnings and ${counts[1]} notes (listed above, at the rule files' lines).`,
    "",
  );
  return out.join("\n");
}

/** A correlation with 2 decimals; n/a when undefined. */
function num(x: number | null | undefined): string {
  return x === undefined || x === null ? "n/a" : (Math.round(x * 100) / 100 || 0).toFixed(2);
}

function pct(x: number, decimals: number): string {
  const p = Math.round(x * 100 * 10 ** decimals) / 10 ** decimals;
  return `${(p || 0).toFixed(decimals)}%`;
}

function matrixTable(m: CorrelationMatrices): string[] {
  const rows = m.ids.map((id, a) => [
    id,
    ...m.ids.map((_, b) => (a === b ? "1" : num(a > b ? m.pearson[a]?.[b] : m.spearman[a]?.[b]))),
  ]);
  return table(
    ["", ...m.ids.map((_, b) => `B${b + 1}`)],
    rows.map((r, a) => [`B${a + 1} ${r[0]}`, ...r.slice(1)]),
  );
}

/** Columns padded to their widest cell; the first column left-aligned, the others right-aligned. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) =>
        c <= 1 && head[1] === "block"
          ? cell.padEnd(widths[c] ?? 0)
          : c === 0
            ? cell.padEnd(widths[c] ?? 0)
            : cell.padStart(widths[c] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line)];
}
