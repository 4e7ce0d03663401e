import { localized } from "../language.js";
import type { ExplainLink, ExplainResult, Lang, TraceJson } from "../protocol.js";
import { escapeHtml, hoistInlineStyles, pageParts } from "./html.js";

/** Words of the views; VS Code's l10n gives them in the display language (see l10n/). */
export interface ViewWords {
  readonly exportXlsx: string;
  readonly exportHtml: string;
  readonly exportCsv: string;
  readonly total: string;
  readonly rank: string;
  /** Absent when the rating has no grades. */
  readonly grade?: string;
  readonly formula: string;
  readonly inputs: string;
  readonly value: string;
  readonly score: string;
  readonly points: string;
  readonly of: string;
  readonly openRule: string;
  readonly openCell: string;
}

/** The engine's HTML report (ranking, bar chart, heat map, rank trend) under a toolbar of export buttons. */
export function reportView(html: string, words: ViewWords): { css: string; body: string } {
  const parts = pageParts(html);
  const hoisted = hoistInlineStyles(parts.body);
  const button = (format: string, label: string) =>
    `<button type="button" class="tz-export" data-export="${format}">${escapeHtml(label)}</button>`;
  const toolbar = `<nav class="tz-toolbar" aria-label="export">${button("xlsx", words.exportXlsx)}${button("html", words.exportHtml)}${button("csv", words.exportCsv)}</nav>`;
  return { css: `${parts.css}\n${hoisted.css}`, body: `${toolbar}\n${hoisted.body}` };
}

/** The methodology document (the engine's HTML), shown as it is published. */
export function documentView(html: string): { css: string; body: string } {
  const parts = pageParts(html);
  const hoisted = hoistInlineStyles(parts.body);
  return { css: `${parts.css}\n${hoisted.css}`, body: hoisted.body };
}

function num(x: unknown): string {
  if (x === null || x === undefined) return "—";
  if (typeof x === "number") return String(Number(x.toPrecision(15)));
  if (typeof x === "boolean") return x ? "yes" : "no";
  return String(x);
}

function linkButton(index: number, text: string, title: string): string {
  return `<a href="#" class="tz-link" data-link="${index}" title="${escapeHtml(title)}">${escapeHtml(text)}</a>`;
}

/**
 * The explain trace as a page: the total, then per block and indicator its formula (a link to the rule) and its
 * inputs (each a link to its data cell), value, score and points. Links are indices into `result.links`.
 */
export function explainView(result: ExplainResult, lang: Lang, words: ViewWords): string {
  const t: TraceJson = result.trace;
  const linkIndex = new Map<ExplainLink, number>(result.links.map((l, i) => [l, i]));
  const ruleOf = (id: string) => result.links.find((l) => l.indicator === id && l.rule);
  const cellsOf = (id: string) => result.links.filter((l) => l.indicator === id && l.cell?.location);
  const out = [
    `<header class="tz-explain"><h1>${escapeHtml(localized(t.unit.name, lang) || t.unit.id)} (${escapeHtml(t.unit.id)})</h1>`,
    `<p class="subtitle">${escapeHtml(`${t.ruleset.id} ${t.ruleset.version} · ${t.period}`)}</p>`,
    `<p class="tz-total">${escapeHtml(`${words.total}: ${num(t.total)} ${words.of} ${t.scale} · ${words.rank} ${num(t.rank)} ${words.of} ${t.rankedUnits}${t.grade === undefined ? "" : ` · ${words.grade} ${t.grade || "—"}`}`)}</p></header>`,
    "<main>",
  ];
  for (const b of t.blocks) {
    out.push(
      `<section class="tz-block"><h2>${escapeHtml(`${b.id} — ${localized(b.name, lang)}: ${num(b.points)} ${words.of} ${num(b.weight)}`)}</h2>`,
    );
    for (const i of b.indicators) {
      const rule = ruleOf(i.id);
      const idText = rule ? linkButton(linkIndex.get(rule) ?? -1, i.id, words.openRule) : escapeHtml(i.id);
      const cells = cellsOf(i.id).map((l) => {
        const label = l.label.slice(i.id.length + 2);
        const where = l.cell ? `${l.cell.file}:${l.cell.row}:${l.cell.column}` : "";
        return `<li>${linkButton(linkIndex.get(l) ?? -1, label, `${words.openCell}: ${where}`)}</li>`;
      });
      out.push(
        `<article class="indicator tz-indicator" data-indicator="${escapeHtml(i.id)}">`,
        `<h3>${idText} — ${escapeHtml(localized(i.name, lang))}${i.measure ? ` (${escapeHtml(i.measure)})` : ""}</h3>`,
        `<p><span class="tz-key">${escapeHtml(words.formula)}:</span> <code class="formula">${escapeHtml(i.formula)}</code></p>`,
        cells.length > 0
          ? `<p class="tz-key">${escapeHtml(words.inputs)}:</p><ul class="tz-inputs">${cells.join("")}</ul>`
          : "",
        `<p>${escapeHtml(`${words.value}: ${num(i.value)} (${i.status}) · ${words.score}: ${num(i.score)} · ${words.points}: ${num(i.points)} ${words.of} ${num(i.weight)}`)}</p>`,
        "</article>",
      );
    }
    out.push("</section>");
  }
  out.push("</main>");
  return out.join("\n");
}

/** Words of the compare view's toolbar and of its text form. */
export interface CompareWords {
  readonly copyText: string;
  readonly saveHtml: string;
  readonly asText: string;
}

/**
 * The engine's compare page (the rule changes by block and, with data, the effect on ranks and zones) under a
 * toolbar that copies the diff as text or saves the page; the text itself, folded, at the foot for selecting.
 */
export function compareView(html: string, text: string, words: CompareWords): { css: string; body: string } {
  const { css, body } = documentView(html);
  const button = (format: string, label: string) =>
    `<button type="button" class="tz-export" data-export="${format}">${escapeHtml(label)}</button>`;
  const toolbar = `<nav class="tz-toolbar" aria-label="export">${button("text", words.copyText)}${button("html", words.saveHtml)}</nav>`;
  const asText = `<details class="tz-text"><summary>${escapeHtml(words.asText)}</summary><pre class="tz-diff">${escapeHtml(text)}</pre></details>`;
  return { css, body: `${toolbar}\n${body}\n${asText}` };
}
