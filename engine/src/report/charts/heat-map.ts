import { HEAT_GRADIENT, heatColor, textColorOn } from "../colors.js";
import { escapeHtml } from "../html-escape.js";
import { label } from "../labels.js";
import { formatNumber, formatPercent, formatShort } from "../number-format.js";
import { rankText } from "../rank-change.js";
import { type BlockColumn, blockShare, type GroupColumn, type ReportView, type UnitRow } from "../view.js";

/**
 * Block scores by unit as a coloured table: the cell shows the points, its colour the share of the
 * block's maximum (0..1) on the red-yellow-green scale. A table rather than a picture, so that screen
 * readers and printouts keep every number. A block with groups (docs/rule-format.md, "Groups") is followed
 * by a drill-down: a `details` element (no script) with the scores (0..1) of its groups by unit, each group
 * with inner groups holding its own `details` in turn.
 */
export function heatMapTable(view: ReportView): string {
  const { lang } = view;
  const columns = view.blocks.map(
    (b): HeatColumn => ({
      head: `${escapeHtml(b.name)}<span class="max">${escapeHtml(label("outOf", lang, { max: formatShort(b.weight, lang) }))}</span>`,
      name: b.name,
      cell: (row) => {
        const block = row.blocks[b.id];
        const share = blockShare(block);
        if (!block || share === undefined) return undefined;
        const text = formatNumber(block.score, lang);
        return {
          share,
          text,
          title: `${text} ${label("outOf", lang, { max: formatShort(block.weight, lang) })} (${formatPercent(share, lang)})`,
        };
      },
    }),
  );
  const drills = [...view.blocks, ...view.helpers]
    .filter((b) => b.groups.length > 0)
    .map((b) => drillDown(view, b, undefined, b.name));
  const note = drills.length > 0 ? [`<p class="note">${escapeHtml(label("drillNote", lang))}</p>`] : [];
  return [heatTable(view, label("heatMapTitle", lang), columns), heatLegend(view), ...note, ...drills].join("\n");
}

/** A column of a heat table: its header (HTML), its name for titles, and each row's cell (undefined: empty). */
interface HeatColumn {
  readonly head: string;
  readonly name: string;
  readonly cell: (row: UnitRow) => { share: number; text: string; title: string } | undefined;
}

function heatTable(view: ReportView, caption: string, columns: readonly HeatColumn[]): string {
  const { lang, latest } = view;
  const head = columns.map((c) => `<th scope="col">${c.head}</th>`).join("");
  const rows = latest.rows.map((row) => {
    const cells = columns.map((c) => {
      const cell = c.cell(row);
      if (!cell) return `<td class="heat empty"></td>`;
      const background = heatColor(cell.share);
      const title = `${row.name}, ${c.name}: ${cell.title}`;
      return `<td class="heat" data-share="${cell.share}" style="background:${background};color:${textColorOn(background)}" title="${escapeHtml(title)}">${cell.text}</td>`;
    });
    return `<tr><td class="num">${rankText(row.rank, lang)}</td><th scope="row">${escapeHtml(row.name)}</th>${cells.join("")}</tr>`;
  });
  return [
    `<div class="table-wrap" role="region" tabindex="0" aria-label="${escapeHtml(caption)}"><table class="heatmap">`,
    `<caption class="sr-only">${escapeHtml(`${caption}: ${latest.label}`)}</caption>`,
    `<thead><tr><th scope="col" class="num">${escapeHtml(label("rank", lang))}</th><th scope="col">${escapeHtml(label("unit", lang))}</th>${head}</tr></thead>`,
    `<tbody>\n${rows.join("\n")}\n</tbody>`,
    "</table></div>",
  ].join("\n");
}

/**
 * The groups directly under a block (`parent` undefined) or a group, as a heat table of their scores (0..1,
 * 3 decimals, coloured by the score), in a closed `details`; the inner groups' drill-downs follow inside.
 */
function drillDown(view: ReportView, block: BlockColumn, parent: string | undefined, name: string): string {
  const { lang } = view;
  const members = block.groups.filter((g) => g.parent === parent);
  const title = label("groupsOf", lang, { name });
  const columns = members.map(
    (g: GroupColumn): HeatColumn => ({
      head: escapeHtml(g.name),
      name: g.name,
      cell: (row) => {
        const score = row.groups?.[g.id]?.score;
        if (score === undefined) return undefined;
        const text = formatNumber(score, lang, 3);
        return { share: Math.min(1, Math.max(0, score)), text, title: text };
      },
    }),
  );
  const inner = members
    .filter((g) => block.groups.some((x) => x.parent === g.id))
    .map((g) => drillDown(view, block, g.id, g.name));
  return [
    `<details class="drill"><summary>${escapeHtml(title)}</summary>`,
    heatTable(view, title, columns),
    ...inner,
    "</details>",
  ].join("\n");
}

function heatLegend(view: ReportView): string {
  const stops = HEAT_GRADIENT.map(([at, color]) => `${color} ${at * 100}%`).join(", ");
  return `<div class="heat-legend" aria-hidden="true"><span>0%</span><span class="ramp" style="background:linear-gradient(to right, ${stops})"></span><span>100% ${escapeHtml(label("share", view.lang))}</span></div>`;
}
