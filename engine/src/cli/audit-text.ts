import type { AuditReport, CorrelationMatrices } from "../audit/audit.js";
import { levelRows } from "../audit/level-rows.js";
import { AW, fill, STAT_COLUMNS, share, stat } from "../audit/words.js";
import type { Lang, Ruleset } from "../model/ruleset.js";
import { ratingTitle } from "../report/labels.js";

/**
 * The audit as text for a terminal: the indicator table, the block table (with levels, each block's groups
 * under it, indented by depth) and the blocks' correlations.
 */
export function auditText(report: AuditReport, ruleset: Ruleset, lang: Lang): string {
  const num = (x: number | null | undefined) => stat(x, lang);
  const pct = (x: number, decimals: number) => share(x, lang, decimals);
  const of = AW.of[lang] ? ` ${AW.of[lang]}` : ":";
  const out: string[] = [
    `${AW.title[lang]}${of} ${report.ruleset.id} ${report.ruleset.version}, ${ratingTitle(ruleset, report.rating, lang)}, ${report.period}: ${report.units} ${AW.units[lang]}`,
    "",
    AW.indicatorsHead[lang],
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
    i.values?.outliers ? AW.yes[lang] : "",
    num(i.withBlock.pearson),
    num(i.withTotal.pearson),
    num(i.withTotal.spearman),
    pct(i.nominalWeight, 1),
    i.importance === undefined ? AW.na[lang] : pct(i.importance, 1),
  ]);
  out.push(
    ...table(
      [AW.indicator, AW.block, ...STAT_COLUMNS].map((x) => x[lang]),
      ind,
      2,
    ),
  );
  out.push("", AW.blocksHead[lang], "");
  out.push(
    ...table(
      [AW.block, AW.indicators, AW.alpha, AW.unitsCol, AW.pc1, AW.rTotal, AW.rhoTotal, AW.weight, AW.effect].map(
        (x) => x[lang],
      ),
      levelRows(report).map(({ row: b, depth, count }) => [
        `${"  ".repeat(depth)}${b.id}`,
        String(count),
        num(b.alpha),
        String(b.alphaUnits),
        b.firstComponent === undefined ? AW.na[lang] : pct(b.firstComponent, 0),
        num(b.withTotal.pearson),
        num(b.withTotal.spearman),
        pct(b.nominalWeight, 1),
        b.importance === undefined ? AW.na[lang] : pct(b.importance, 1),
      ]),
    ),
  );
  out.push("", AW.correlationsHead[lang], "");
  out.push(...matrixTable(report.blockCorrelations, num));
  const counts = ["warning", "info"].map((s) => report.findings.filter((d) => d.severity === s).length);
  out.push(
    "",
    fill(AW.legendStats[lang], { s: report.thresholds.skewness, k: report.thresholds.kurtosis }),
    AW.legendCorr[lang],
    fill(AW.counts[lang], { w: counts[0] ?? 0, n: counts[1] ?? 0 }),
    "",
  );
  return out.join("\n");
}

function matrixTable(m: CorrelationMatrices, num: (x: number | null | undefined) => string): string[] {
  const rows = m.ids.map((id, a) => [
    id,
    ...m.ids.map((_, b) => (a === b ? "1" : num(a > b ? m.pearson[a]?.[b] : m.spearman[a]?.[b]))),
  ]);
  return table(
    ["", ...m.ids.map((_, b) => `B${b + 1}`)],
    rows.map((r, a) => [`B${a + 1} ${r[0]}`, ...r.slice(1)]),
  );
}

/** Columns padded to their widest cell; the first `left` columns left-aligned, the others right-aligned. */
function table(head: readonly string[], rows: readonly (readonly string[])[], left = 1): string[] {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c < left ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line)];
}
