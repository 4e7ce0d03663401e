import type { Lang } from "../model/ruleset.js";
import { htmlPage } from "../report/html.js";
import { escapeHtml } from "../report/html-escape.js";
import { label } from "../report/labels.js";
import {
  type BlockDoc,
  countsText,
  type FunctionDoc,
  type GroupDoc,
  type IndicatorDoc,
  type InputDoc,
  inTotalOfScale,
  inTotalText,
  type MethodologyDoc,
  weightText,
} from "./document.js";
import { ratingGradesHead } from "./rating-grades.js";
import type { Rich } from "./rich-text.js";

/**
 * The methodology document as one self-contained HTML page. Formulas show every input with its
 * localized name on hover (abbr title) and in a legend table below, so a reader who does not know the
 * field ids can still read them.
 */
const TOKEN =
  /("(?:[^"]|"")*"?)|([A-Za-z_\u0400-\u04FF][A-Za-z_\u0400-\u04FF0-9]*(?:\.[A-Za-z_\u0400-\u04FF][A-Za-z_\u0400-\u04FF0-9]*)*)/g;

function inputTitle(x: InputDoc): string {
  return [x.label, x.measure].filter(Boolean).join(", ");
}

/** The formula with its names explained on hover; strings in the formula are left alone. */
export function formulaHtml(
  formula: string,
  inputs: readonly InputDoc[],
  functions: ReadonlyMap<string, FunctionDoc>,
): string {
  const byName = new Map(inputs.map((x) => [x.name, x]));
  let out = "";
  let last = 0;
  for (const m of formula.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    out += escapeHtml(formula.slice(last, at));
    last = at + m[0].length;
    const name = m[2];
    const input = name ? byName.get(name) : undefined;
    const fn = name && /^\s*\(/.test(formula.slice(last)) ? functions.get(name.toLowerCase()) : undefined;
    if (input) out += `<abbr title="${escapeHtml(inputTitle(input))}">${escapeHtml(m[0])}</abbr>`;
    else if (fn) out += `<abbr title="${escapeHtml(fn.description)}">${escapeHtml(m[0])}</abbr>`;
    else out += escapeHtml(m[0]);
  }
  return `<code class="formula">${out}${escapeHtml(formula.slice(last))}</code>`;
}

/** Rich text as HTML: code pieces as formulas, their inputs and functions explained where given. */
export function richHtml(
  rich: Rich,
  inputs: readonly InputDoc[] = [],
  functions: ReadonlyMap<string, FunctionDoc> = new Map(),
): string {
  return rich.map((p) => (typeof p === "string" ? escapeHtml(p) : formulaHtml(p.code, inputs, functions))).join("");
}

function table(caption: string | undefined, header: readonly string[], rows: readonly string[], numeric = ""): string {
  const th = header.map((h, i) => `<th scope="col"${numeric[i] === "r" ? ' class="num"' : ""}>${escapeHtml(h)}</th>`);
  return [
    "<table>",
    ...(caption ? [`<caption>${escapeHtml(caption)}</caption>`] : []),
    `<thead><tr>${th.join("")}</tr></thead>`,
    `<tbody>\n${rows.join("\n")}\n</tbody>`,
    "</table>",
  ].join("\n");
}

function ratingsSection(doc: MethodologyDoc): string {
  const { lang } = doc;
  const rows = doc.ratings.map((r) => {
    const blocks = r.blocks.map((b) => `${escapeHtml(b.name)} (${weightText(b.weight, lang)})`).join(", ");
    const note = r.rescaled
      ? `<br><small>${escapeHtml(label("rescaledNote", lang, { scale: weightText(doc.scale, lang) }))}</small>`
      : "";
    return `<tr><th scope="row">${escapeHtml(r.title)}</th><td>${escapeHtml(r.frequency)}</td><td>${blocks}${note}</td></tr>`;
  });
  const header = [label("rating", lang), label("frequency", lang), label("blocksWithPoints", lang)];
  return `<section id="ratings"><h2>2. ${escapeHtml(label("ratings", lang))}</h2>\n${table(undefined, header, rows)}\n</section>`;
}

function indicatorRow(i: IndicatorDoc, lang: MethodologyDoc["lang"]): string {
  const cells = [
    `<td class="num"><a href="#ind-${escapeHtml(i.id)}">${i.number}</a></td>`,
    `<th scope="row">${escapeHtml(i.name)}</th>`,
    `<td>${escapeHtml(i.measure)}</td>`,
    `<td>${escapeHtml(i.direction)}</td>`,
    `<td class="num">${escapeHtml(label("weightOf", lang, { weight: weightText(i.weight, lang), sum: weightText(i.weightSum, lang) }))}</td>`,
    `<td class="num">${escapeHtml(inTotalText(i, i.effectiveWeight, lang))}</td>`,
    `<td>${escapeHtml(i.source)}</td>`,
  ];
  return `<tr>${cells.join("")}</tr>`;
}

function inputsTable(i: IndicatorDoc, lang: MethodologyDoc["lang"]): string {
  if (i.inputs.length === 0) return "";
  const rows = i.inputs.map(
    (x) =>
      `<tr><td><code>${escapeHtml(x.name)}</code></td><td>${escapeHtml(x.label)}</td><td>${escapeHtml([x.measure, x.allowed].filter(Boolean).join("; "))}</td><td>${escapeHtml(x.source ?? "")}</td></tr>`,
  );
  const header = [label("nameInFormula", lang), label("name", lang), label("measure", lang), label("source", lang)];
  return table(label("inputs", lang), header, rows);
}

function indicatorSection(i: IndicatorDoc, doc: MethodologyDoc, functions: ReadonlyMap<string, FunctionDoc>): string {
  const { lang } = doc;
  const facts: [string, string][] = [
    [label("formula", lang), formulaHtml(i.formula, i.inputs, functions)],
    [label("measure", lang), escapeHtml(i.measure)],
    [label("direction", lang), escapeHtml(i.direction)],
    [
      label("weightInBlock", lang),
      escapeHtml(label("weightOf", lang, { weight: weightText(i.weight, lang), sum: weightText(i.weightSum, lang) })),
    ],
    [label("effectiveWeight", lang), escapeHtml(inTotalOfScale(i, doc.scale, lang))],
    [label("scoringRule", lang), richHtml(i.scoring, i.inputs, functions)],
    [label("source", lang), escapeHtml(i.source)],
    [label("frequency", lang), escapeHtml(i.frequency)],
    [label("applies", lang), richHtml(i.applies, i.inputs, functions)],
    [label("missingPolicy", lang), escapeHtml(i.missing)],
    ...(i.rationale ? [[label("rationale", lang), escapeHtml(i.rationale)] as [string, string]] : []),
  ];
  return [
    `<article class="indicator" id="ind-${escapeHtml(i.id)}">`,
    `<h4>${i.number}. ${escapeHtml(i.name)}</h4>`,
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join("")}</dl>`,
    inputsTable(i, lang),
    "</article>",
  ].join("\n");
}

/** The block's groups, indented by level: weight written, weight on the scale, aggregation, own indicators. */
function groupList(groups: readonly GroupDoc[], lang: Lang): string {
  const items = groups.map(
    (g) =>
      `<li style="margin-left:${(g.depth - 1) * 1.5}em">${escapeHtml(g.name)} (<code>${escapeHtml(g.id)}</code>): ${escapeHtml(label("weight", lang).toLowerCase())} ${weightText(g.weight, lang)}, ${escapeHtml(label("effectiveWeight", lang).toLowerCase())} ${escapeHtml(inTotalText(g, g.effective, lang))}; ${escapeHtml(g.aggregation)}${g.indicators.length > 0 ? `; ${g.indicators.map((i) => `<code>${escapeHtml(i)}</code>`).join(", ")}` : ""}${g.frequency ? `; ${escapeHtml(label("frequency", lang).toLowerCase())}: ${escapeHtml(g.frequency)}` : ""}${g.applies ? `; ${escapeHtml(label("applies", lang).toLowerCase())}: ${richHtml(g.applies)}` : ""}</li>`,
  );
  return `<p>${escapeHtml(label("groups", lang))}:</p>\n<ul class="groups">${items.join("")}</ul>`;
}

function blockSection(b: BlockDoc, doc: MethodologyDoc, functions: ReadonlyMap<string, FunctionDoc>): string {
  const { lang } = doc;
  const header = [
    label("number", lang),
    label("indicator", lang),
    label("measure", lang),
    label("direction", lang),
    label("weightInBlock", lang),
    label("effectiveWeight", lang),
    label("source", lang),
  ];
  return [
    `<section class="block" id="block-${escapeHtml(b.id)}">`,
    `<h3>${escapeHtml(label("block", lang))} ${b.number}. ${escapeHtml(b.name)}</h3>`,
    ...(b.description ? [`<p>${escapeHtml(b.description)}</p>`] : []),
    b.helper
      ? `<p>${escapeHtml(label("helperBlock", lang))}. ${escapeHtml(label("aggregation", lang))}: ${escapeHtml(b.aggregation)}.</p>`
      : `<p>${escapeHtml(label("blockWeight", lang))}: <strong>${weightText(b.weight, lang)}</strong>. ${escapeHtml(label("aggregation", lang))}: ${escapeHtml(b.aggregation)}.</p>`,
    ...(b.groups ? [groupList(b.groups, lang)] : []),
    table(
      undefined,
      header,
      b.indicators.map((i) => indicatorRow(i, lang)),
      "r...rr",
    ),
    ...b.indicators.map((i) => indicatorSection(i, doc, functions)),
    "</section>",
  ].join("\n");
}

function blocksSection(doc: MethodologyDoc, functions: ReadonlyMap<string, FunctionDoc>): string {
  const { lang } = doc;
  const rows = doc.blocks.map(
    (b) =>
      `<tr><td class="num">${b.number}</td><th scope="row"><a href="#block-${escapeHtml(b.id)}">${escapeHtml(b.name)}</a></th><td class="num">${escapeHtml(inTotalText(b, b.weight, lang))}</td><td class="num">${b.indicators.length}</td></tr>`,
  );
  const header = [label("number", lang), label("block", lang), label("blockWeight", lang), label("indicators", lang)];
  return [
    `<section id="blocks"><h2>3. ${escapeHtml(label("blocks", lang))}</h2>`,
    `<p>${escapeHtml(countsText(doc))}</p>`,
    table(undefined, header, rows, "r.rr"),
    `<p class="note">${escapeHtml(label("effectiveWeightNote", lang))}</p>`,
    ...doc.blocks.map((b) => blockSection(b, doc, functions)),
    "</section>",
  ].join("\n");
}

function rankingSection(doc: MethodologyDoc): string {
  const { lang } = doc;
  const rows = doc.grades.map(
    (g) =>
      `<tr><th scope="row"><span class="swatch" style="background:${g.color}"></span>${escapeHtml(g.label)}</th><td>${escapeHtml(label("gradeFrom", lang, { min: weightText(g.min, lang) }))}</td><td><code>${g.color}</code></td></tr>`,
  );
  return [
    `<section id="ranking"><h2>4. ${escapeHtml(label("ranking", lang))}</h2>`,
    `<p>${doc.ranking.map(escapeHtml).join(" ")}</p>`,
    // No ruleset grades (every rating has its own, or none): no empty table.
    ...(rows.length === 0
      ? []
      : [
          `<h3>${escapeHtml(label("grades", lang))}</h3>`,
          table(undefined, [label("grade", lang), label("total", lang), label("colour", lang)], rows),
        ]),
    ...doc.ratingGrades.flatMap((d) => [
      `<p>${escapeHtml(ratingGradesHead(d, lang))}</p>`,
      table(
        undefined,
        [label("grade", lang), label("gradeBounds", lang), label("colour", lang)],
        d.grades.map(
          (g) =>
            `<tr><th scope="row"><span class="swatch" style="background:${g.color}"></span>${escapeHtml(g.label)}</th><td>${escapeHtml(g.bounds)}</td><td><code>${g.color}</code></td></tr>`,
        ),
      ),
    ]),
    "</section>",
  ].join("\n");
}

function functionsSection(doc: MethodologyDoc): string {
  const { lang } = doc;
  const body =
    doc.functions.length === 0
      ? `<p>${escapeHtml(label("noFunctions", lang))}</p>`
      : table(
          undefined,
          [label("functionName", lang), label("description", lang)],
          doc.functions.map(
            (f) => `<tr><td><code>${escapeHtml(f.signature)}</code></td><td>${escapeHtml(f.description)}</td></tr>`,
          ),
        );
  return `<section id="functions"><h2>5. ${escapeHtml(label("functions", lang))}</h2>\n${body}\n</section>`;
}

function changesSection(doc: MethodologyDoc): string {
  const { lang, changes } = doc;
  if (!changes) return "";
  const title = `<h2>6. ${escapeHtml(label("changes", lang))}</h2>`;
  if (changes.kind === "first")
    return `<section id="changes">${title}\n<p>${escapeHtml(label("firstVersion", lang))}</p>\n</section>`;
  const since = label("changesSince", lang, { version: changes.version });
  const body =
    changes.items.length === 0
      ? `<p>${escapeHtml(label("noChanges", lang))}</p>`
      : `<ul>${changes.items.map((c) => `<li>${richHtml(c, [], new Map())}</li>`).join("")}</ul>`;
  return `<section id="changes">${title}\n<p>${escapeHtml(since[0]?.toUpperCase() + since.slice(1))}:</p>\n${body}\n</section>`;
}

function contents(doc: MethodologyDoc): string {
  const { lang } = doc;
  const items: [string, string][] = [
    ["purpose", `1. ${label("purpose", lang)}`],
    ["ratings", `2. ${label("ratings", lang)}`],
    ["blocks", `3. ${label("blocks", lang)}`],
    ["ranking", `4. ${label("ranking", lang)}`],
    ["functions", `5. ${label("functions", lang)}`],
    ...(doc.changes ? [["changes", `6. ${label("changes", lang)}`] as [string, string]] : []),
  ];
  return `<nav aria-label="${escapeHtml(label("contents", lang))}"><ul>${items.map(([id, t]) => `<li><a href="#${id}">${escapeHtml(t)}</a></li>`).join("")}</ul></nav>`;
}

/** The methodology document as one HTML page. */
export function methodologyHtml(doc: MethodologyDoc): string {
  const { lang } = doc;
  const functions = new Map(doc.functions.map((f) => [f.name.toLowerCase(), f]));
  const body = [
    "<header>",
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(label("methodology", lang))} · ${escapeHtml(doc.rulesetId)} ${escapeHtml(doc.version)} · ${escapeHtml(label("inForce", lang))}: ${escapeHtml(doc.inForce)}</p>`,
    "</header>",
    "<main>",
    contents(doc),
    `<section id="purpose"><h2>1. ${escapeHtml(label("purpose", lang))}</h2>`,
    ...(doc.description ? [`<p>${escapeHtml(doc.description)}</p>`] : []),
    `<p>${escapeHtml(label("scaleText", lang, { scale: weightText(doc.scale, lang) }))}</p>`,
    "</section>",
    ratingsSection(doc),
    blocksSection(doc, functions),
    rankingSection(doc),
    functionsSection(doc),
    changesSection(doc),
    "</main>",
    "<footer>",
    `<p>${escapeHtml(label("docGeneratedBy", lang, { version: doc.engineVersion, ruleset: `${doc.rulesetId} ${doc.version}` }))} ${escapeHtml(label("hash", lang))}: <code>${escapeHtml(doc.hash)}</code></p>`,
    "</footer>",
  ]
    .filter((s) => s !== "")
    .join("\n");
  return htmlPage({ lang, title: `${doc.title} · ${doc.version}`, generator: `Tarazy ${doc.engineVersion}`, body });
}
