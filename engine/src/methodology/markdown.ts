import type { Lang } from "../model/ruleset.js";
import { label } from "../report/labels.js";
import { mdTable, mdText } from "../report/markdown.js";
import {
  type BlockDoc,
  countsText,
  type GroupDoc,
  type IndicatorDoc,
  inTotalOfScale,
  inTotalText,
  type MethodologyDoc,
  weightText,
} from "./document.js";
import { ratingGradesHead } from "./rating-grades.js";
import type { Rich } from "./rich-text.js";

/** Inline code that survives backticks inside the formula (a longer fence). */
function mdCode(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = code.startsWith("`") || code.endsWith("`") ? " " : "";
  return `${fence}${pad}${code.replace(/\r?\n/g, " ")}${pad}${fence}`;
}

function mdRich(rich: Rich): string {
  return rich.map((p) => (typeof p === "string" ? mdText(p) : mdCode(p.code))).join("");
}

function ratingsSection(doc: MethodologyDoc): string {
  const { lang } = doc;
  const rows = doc.ratings.map((r) => [
    mdText(r.title),
    mdText(r.frequency),
    r.blocks.map((b) => `${mdText(b.name)} (${weightText(b.weight, lang)})`).join(", "),
  ]);
  const notes = doc.ratings
    .filter((r) => r.rescaled)
    .map((r) => `- ${mdText(r.title)}: ${mdText(label("rescaledNote", lang, { scale: weightText(doc.scale, lang) }))}`);
  const header = [label("rating", lang), label("frequency", lang), label("blocksWithPoints", lang)];
  return [
    `## 2. ${label("ratings", lang)}`,
    mdTable(header, rows, "lll"),
    ...(notes.length ? [notes.join("\n")] : []),
  ].join("\n\n");
}

function blocksOverview(doc: MethodologyDoc): string {
  const { lang } = doc;
  const header = [label("number", lang), label("block", lang), label("blockWeight", lang), label("indicators", lang)];
  const rows = doc.blocks.map((b) => [
    b.number,
    mdText(b.name),
    inTotalText(b, b.weight, lang),
    String(b.indicators.length),
  ]);
  return mdTable(header, rows, "rlrr");
}

function indicatorTable(b: BlockDoc, doc: MethodologyDoc): string {
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
  const rows = b.indicators.map((i) => [
    i.number,
    mdText(i.name),
    mdText(i.measure),
    mdText(i.direction),
    label("weightOf", lang, { weight: weightText(i.weight, lang), sum: weightText(i.weightSum, lang) }),
    inTotalText(i, i.effectiveWeight, lang),
    mdText(i.source),
  ]);
  return mdTable(header, rows, "rllllrl");
}

function indicatorSection(i: IndicatorDoc, doc: MethodologyDoc): string {
  const { lang } = doc;
  const inputs = i.inputs.map((x) => {
    const extra = [x.measure, x.source, x.allowed].filter(Boolean).join(", ");
    return `  - ${mdCode(x.name)}: ${mdText(x.label)}${extra ? ` (${mdText(extra)})` : ""}`;
  });
  const lines = [
    `#### ${i.number}. ${mdText(i.name)}`,
    "",
    `- ${label("formula", lang)}: ${mdCode(i.formula)}`,
    ...(inputs.length ? [`- ${label("inputs", lang)}:`, ...inputs] : []),
    `- ${label("measure", lang)}: ${mdText(i.measure)}`,
    `- ${label("direction", lang)}: ${mdText(i.direction)}`,
    `- ${label("weightInBlock", lang)}: ${label("weightOf", lang, { weight: weightText(i.weight, lang), sum: weightText(i.weightSum, lang) })}`,
    `- ${label("effectiveWeight", lang)}: ${inTotalOfScale(i, doc.scale, lang)}`,
    `- ${label("scoringRule", lang)}: ${mdRich(i.scoring)}`,
    `- ${label("source", lang)}: ${mdText(i.source)}`,
    `- ${label("frequency", lang)}: ${mdText(i.frequency)}`,
    `- ${label("applies", lang)}: ${mdRich(i.applies)}`,
    `- ${label("missingPolicy", lang)}: ${mdText(i.missing)}`,
    ...(i.rationale ? [`- ${label("rationale", lang)}: ${mdText(i.rationale)}`] : []),
  ];
  return lines.join("\n");
}

/** The block's groups as a nested list: weight written, weight on the scale through the levels, aggregation. */
function groupList(groups: readonly GroupDoc[], lang: Lang): string {
  const lines = groups.map(
    (g) =>
      `${"  ".repeat(g.depth - 1)}- ${mdText(g.name)} (\`${g.id}\`): ${label("weight", lang).toLowerCase()} ${weightText(g.weight, lang)}, ${label("effectiveWeight", lang).toLowerCase()} ${inTotalText(g, g.effective, lang)}; ${mdText(g.aggregation)}${g.indicators.length > 0 ? `; ${g.indicators.map((i) => `\`${i}\``).join(", ")}` : ""}${g.frequency ? `; ${label("frequency", lang).toLowerCase()}: ${mdText(g.frequency)}` : ""}${g.applies ? `; ${label("applies", lang).toLowerCase()}: ${mdRich(g.applies)}` : ""}`,
  );
  return [`${label("groups", lang)}:`, "", ...lines].join("\n");
}

function blockSection(b: BlockDoc, doc: MethodologyDoc): string {
  const { lang } = doc;
  const intro = [
    ...(b.description ? [mdText(b.description)] : []),
    b.helper
      ? `${label("helperBlock", lang)}. ${label("aggregation", lang)}: ${mdText(b.aggregation)}.`
      : `${label("blockWeight", lang)}: ${weightText(b.weight, lang)}. ${label("aggregation", lang)}: ${mdText(b.aggregation)}.`,
    ...(b.groups ? [groupList(b.groups, lang)] : []),
  ];
  return [
    `### ${label("block", lang)} ${b.number}. ${mdText(b.name)}`,
    intro.join("\n\n"),
    indicatorTable(b, doc),
    ...b.indicators.map((i) => indicatorSection(i, doc)),
  ].join("\n\n");
}

function gradesSection(doc: MethodologyDoc): string {
  const { lang } = doc;
  const rows = doc.grades.map((g) => [
    mdText(g.label),
    label("gradeFrom", lang, { min: weightText(g.min, lang) }),
    mdCode(g.color),
  ]);
  return [
    `## 4. ${label("ranking", lang)}`,
    doc.ranking.map(mdText).join(" "),
    // No ruleset grades (every rating has its own, or none): no empty table.
    ...(rows.length === 0
      ? []
      : [
          `### ${label("grades", lang)}`,
          mdTable([label("grade", lang), label("total", lang), label("colour", lang)], rows, "lll"),
        ]),
    ...doc.ratingGrades.flatMap((d) => [
      mdText(ratingGradesHead(d, lang)),
      mdTable(
        [label("grade", lang), label("gradeBounds", lang), label("colour", lang)],
        d.grades.map((g) => [mdText(g.label), mdText(g.bounds), mdCode(g.color)]),
        "lll",
      ),
    ]),
  ].join("\n\n");
}

function functionsSection(doc: MethodologyDoc): string {
  const { lang } = doc;
  const body =
    doc.functions.length === 0
      ? label("noFunctions", lang)
      : mdTable(
          [label("functionName", lang), label("description", lang)],
          doc.functions.map((f) => [mdCode(f.signature), mdText(f.description)]),
          "ll",
        );
  return `## 5. ${label("functions", lang)}\n\n${body}`;
}

function changesSection(doc: MethodologyDoc): string | undefined {
  const { lang, changes } = doc;
  if (!changes) return undefined;
  const title = `## 6. ${label("changes", lang)}`;
  if (changes.kind === "first") return `${title}\n\n${label("firstVersion", lang)}`;
  const since = label("changesSince", lang, { version: changes.version });
  const body =
    changes.items.length === 0 ? label("noChanges", lang) : changes.items.map((c) => `- ${mdRich(c)}`).join("\n");
  return `${title}\n\n${mdText(since[0]?.toUpperCase() + since.slice(1))}:\n\n${body}`;
}

/** The methodology document as Markdown. */
export function methodologyMarkdown(doc: MethodologyDoc): string {
  const { lang } = doc;
  const parts = [
    `# ${mdText(doc.title)}`,
    `${label("methodology", lang)} · ${mdText(doc.rulesetId)} ${mdText(doc.version)} · ${label("inForce", lang)}: ${mdText(doc.inForce)}`,
    `## 1. ${label("purpose", lang)}`,
    ...(doc.description ? [mdText(doc.description)] : []),
    label("scaleText", lang, { scale: weightText(doc.scale, lang) }),
    ratingsSection(doc),
    `## 3. ${label("blocks", lang)}`,
    countsText(doc),
    blocksOverview(doc),
    label("effectiveWeightNote", lang),
    ...doc.blocks.map((b) => blockSection(b, doc)),
    gradesSection(doc),
    functionsSection(doc),
    changesSection(doc),
    "---",
    `${mdText(label("docGeneratedBy", lang, { version: doc.engineVersion, ruleset: `${doc.rulesetId} ${doc.version}` }))} ${label("hash", lang)}: ${mdCode(doc.hash)}`,
  ];
  return `${parts.filter((p) => p !== undefined).join("\n\n")}\n`;
}
