import { coverageNoteLines, coveragePercent } from "./coverage-view.js";
import { groupHead, groupScoreText, pointsText } from "./indicator-cell.js";
import { label } from "./labels.js";
import { manifestComment, type ReportManifest, ratingName } from "./manifest.js";
import { formatNumber, formatShort } from "./number-format.js";
import { rankChange, rankText } from "./rank-change.js";
import type { PeriodView, ReportView } from "./view.js";

/** Text safe inside a Markdown table cell or line: no pipes, no line breaks, no accidental emphasis or HTML. */
export function mdText(text: string): string {
  return text.replace(/\r?\n|\r/g, " ").replace(/([\\|*_`[\]<>])/g, "\\$1");
}

/** A GitHub-flavoured Markdown table; `align` per column: "l" or "r". */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align: string): string {
  const rule = header.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function rankingTable(view: ReportView, period: PeriodView): string {
  const { lang } = view;
  const header = [
    label("rank", lang),
    label("change", lang),
    label("unit", lang),
    label("total", lang),
    ...(view.graded ? [label("grade", lang)] : []),
    label("coverage", lang),
  ];
  const rows = period.rows.map((r) => [
    rankText(r.rank, lang),
    rankChange(r, lang).symbol,
    mdText(r.name),
    formatNumber(r.total, lang, view.decimals),
    ...(r.grade ? [mdText(r.grade.label)] : []),
    r.coverage ? coveragePercent(r.coverage.weight, lang) : "",
  ]);
  const notes = coverageNoteLines(period.coverage, lang).map(mdText);
  const notRated = period.coverage.notRated.map((n) => `- ${mdText(n.name)}: ${mdText(n.reason)}`);
  return [
    mdTable(header, rows, view.graded ? "rllrlr" : "rllrr"),
    notes.join("\n\n"),
    ...(notRated.length > 0 ? [notRated.join("\n")] : []),
  ].join("\n\n");
}

function blockScoresTable(view: ReportView, period: PeriodView): string {
  const { lang } = view;
  const header = [
    label("rank", lang),
    label("unit", lang),
    ...view.blocks.map((b) => `${mdText(b.name)} (${label("outOf", lang, { max: formatShort(b.weight, lang) })})`),
  ];
  const rows = period.rows.map((r) => [
    rankText(r.rank, lang),
    mdText(r.name),
    ...view.blocks.map((b) => {
      const block = r.blocks[b.id];
      return block ? formatNumber(block.score, lang) : "";
    }),
  ]);
  return mdTable(header, rows, `rl${"r".repeat(view.blocks.length)}`);
}

function rankByPeriodTable(view: ReportView): string {
  const { lang } = view;
  const header = [label("unit", lang), ...view.periods.map((p) => mdText(p.label))];
  const rows = view.latest.rows.map((r) => [
    mdText(r.name),
    ...view.periods.map((p) => {
      const rank = p.rows.find((x) => x.unitId === r.unitId)?.rank;
      return rank === undefined ? "" : rankText(rank, lang);
    }),
  ]);
  return mdTable(header, rows, `l${"r".repeat(view.periods.length)}`);
}

function blockSections(view: ReportView, period: PeriodView): string[] {
  const { lang } = view;
  return view.blocks.map((b) => {
    const header = [
      label("rank", lang),
      label("unit", lang),
      label("points", lang),
      ...b.groups.map((g) => mdText(groupHead(g.name))),
      ...b.indicators.map((i) => (i.measure ? `${mdText(i.name)}, ${mdText(i.measure)}` : mdText(i.name))),
    ];
    const rows = period.rows.map((r) => {
      const block = r.blocks[b.id];
      return [
        rankText(r.rank, lang),
        mdText(r.name),
        block ? formatNumber(block.score, lang) : "",
        ...b.groups.map((g) => groupScoreText(r.groups?.[g.id], lang)),
        ...b.indicators.map((i) => mdText(pointsText(r.indicators[i.id], lang))),
      ];
    });
    const title = `### ${mdText(b.name)} (${label("outOf", lang, { max: formatShort(b.weight, lang) })})`;
    const note = [label("indicatorPointsNote", lang), ...(b.groups.length > 0 ? [label("groupScoresNote", lang)] : [])];
    const align = `rlr${"r".repeat(b.groups.length + b.indicators.length)}`;
    return `${title}\n\n${note.join(" ")}\n\n${mdTable(header, rows, align)}`;
  });
}

/** The "About this report" footer: the manifest for a person, then for a machine. */
export function mdManifestFooter(manifest: ReportManifest, view: Pick<ReportView, "lang" | "title">): string {
  const { lang } = view;
  const files =
    manifest.dataFiles.length === 0
      ? [`- ${label("dataFiles", lang)}: ${label("noDataFiles", lang)}`]
      : [
          `- ${label("dataFiles", lang)}:`,
          ...manifest.dataFiles.map((f) => `  - \`${f.path.replace(/`/g, "'")}\` sha256 \`${f.sha256}\``),
        ];
  const lines = [
    `## ${label("about", lang)}`,
    "",
    `- ${label("ruleset", lang)}: ${mdText(manifest.ruleset.id)} ${mdText(manifest.ruleset.version)}`,
    `- ${label("hash", lang)}: \`${manifest.ruleset.hash}\``,
    `- ${label("rating", lang)}: ${mdText(ratingName(manifest, view))}`,
    `- ${label("periods", lang)}: ${manifest.periods.join(", ")}`,
    ...files,
    `- ${label("engine", lang)}: ${manifest.generator.version}`,
    "",
    label("generatedBy", lang, { version: manifest.generator.version }),
    "",
    manifestComment(manifest),
  ];
  return lines.join("\n");
}

/** rating.md: the ranking, block scores, ranks by period (when several) and each block's indicators. */
export function ratingMarkdown(view: ReportView): string {
  const { lang, latest } = view;
  const parts = [
    `# ${mdText(view.title)}: ${mdText(latest.label)}`,
    `${mdText(view.rulesetTitle)} · ${mdText(view.manifest.ruleset.id)} ${mdText(view.manifest.ruleset.version)}`,
    `## ${label("rankingTable", lang)}`,
    rankingTable(view, latest),
    `## ${label("blockScores", lang)}`,
    blockScoresTable(view, latest),
  ];
  if (view.periods.length > 1) parts.push(`## ${label("rankByPeriod", lang)}`, rankByPeriodTable(view));
  parts.push(`## ${label("blockDetails", lang)}`, ...blockSections(view, latest));
  parts.push(mdManifestFooter(view.manifest, view));
  return `${parts.join("\n\n")}\n`;
}
