import type { Provenance } from "../data/observation.js";
import type { Lang } from "../model/ruleset.js";
import { coveragePercent } from "../report/coverage-view.js";
import { type LabelKey, label, localize, localizeMeasure } from "../report/labels.js";
import { missingInWords } from "../report/missing-words.js";
import { formatNumber, localNumber, totalDecimals } from "../report/number-format.js";
import { missingList } from "../scoring/coverage.js";
import type { Coverage, InputTrace, NotRatedUnit } from "../scoring/result.js";
import type { BlockTrace, ExplainTrace, GroupTrace, IndicatorTrace, MethodTrace } from "../scoring/trace.js";
import { displayPath } from "./diagnostic-formats/relative.js";

// The explain trace as text: shared by `tarazy explain` and the explain page (explain-html.ts).

const WORDS = {
  explain: { kk: "Түсіндірме", ru: "Расшифровка", en: "Explanation" },
  of: { kk: "ішінен", ru: "из", en: "of" },
  lost: { kk: "жоғалтқаны", ru: "потеряно", en: "lost" },
  formula: { kk: "формула", ru: "формула", en: "formula" },
  inputs: { kk: "деректер", ru: "данные", en: "inputs" },
  method: { kk: "әдіс", ru: "метод", en: "method" },
  best: { kk: "ең жақсы", ru: "лучший", en: "best" },
  lowest: { kk: "ең жақсы (ең төмен баға)", ru: "лучший (наименьшая оценка)", en: "best (lowest score)" },
  highest: { kk: "ең жоғары баға", ru: "наибольшая оценка", en: "highest score" },
  scoreOf: { kk: "бағасы", ru: "оценка", en: "score" },
  reason: { kk: "себебі", ru: "причина", en: "reason" },
  policy: { kk: "саясат", ru: "политика", en: "policy" },
  period: { kk: "кезең", ru: "период", en: "period" },
  rankedAs: { kk: "орын мен аймақ бойынша", ru: "для места и зоны", en: "ranked and graded as" },
  rankedOnlyAs: { kk: "орын бойынша", ru: "для места", en: "ranked as" },
  previous: { kk: "алдыңғы", ru: "ранее", en: "previously" },
  none: { kk: "жоқ", ru: "нет", en: "none" },
  status: {
    scored: { kk: "бағаланды", ru: "оценён", en: "scored" },
    "missing-zero": { kk: "дерек жоқ: 0", ru: "нет данных: 0", en: "missing: scored 0" },
    "missing-excluded": { kk: "дерек жоқ: алынып тасталды", ru: "нет данных: исключён", en: "missing: left out" },
    "not-applicable": { kk: "қолданылмайды", ru: "не применяется", en: "not applicable" },
  },
} as const;

/** Numbers as a person wrote them (15 significant digits: 0.1 + 0.2 shows as 0.3), unrounded otherwise. */
export function num(x: number | boolean | string | null | undefined, lang: Lang = "en"): string {
  if (x === null || x === undefined) return "—";
  if (typeof x === "number") return localNumber(x, lang);
  if (typeof x === "boolean") return label(x ? "yes" : "no", lang);
  return x;
}

const METHOD: Readonly<Record<string, LabelKey>> = {
  achievement: "methodAchievement",
  goalposts: "methodGoalposts",
  minmax: "methodMinmax",
  zscore: "methodZscore",
  rank: "methodRank",
  bands: "methodBands",
  yesno: "methodYesno",
  formula: "methodFormula",
};

const PARAMETER: Readonly<Record<string, LabelKey>> = {
  plan: "paramPlan",
  cap: "paramCap",
  min: "paramMin",
  max: "paramMax",
  transform: "paramTransform",
  clip: "paramClip",
  units: "paramUnits",
  lowest: "paramLowest",
  highest: "paramHighest",
  mean: "paramMean",
  deviation: "paramDeviation",
};

const TRANSFORM: Readonly<Record<string, LabelKey>> = { none: "transformNone", log: "transformLog" };
const AGGREGATION: Readonly<Record<string, LabelKey>> = {
  arithmetic: "aggArithmetic",
  geometric: "aggGeometric",
  harmonic: "aggHarmonic",
  min: "aggMin",
  power: "aggPower",
};
const POLICY: Readonly<Record<string, LabelKey>> = {
  zero: "missingZero",
  exclude: "missingExclude",
  fail: "missingFail",
};

/** An engine word in the language: a method, parameter or aggregation name (the id itself when unknown). */
function word(table: Readonly<Record<string, LabelKey>>, id: string, lang: Lang): string {
  const key = table[id];
  return key ? label(key, lang) : id;
}

function sources(list: readonly Provenance[], cwd: string): string {
  if (list.length === 0) return "";
  const shown = list
    .slice(0, 4)
    .map((s) => `${displayPath(s.file, cwd)}:${s.row}:${s.column}${s.sheet ? ` [${s.sheet}]` : ""}`);
  return ` ← ${shown.join(", ")}${list.length > 4 ? ` (+${list.length - 4})` : ""}`;
}

function inputLine(i: InputTrace, cwd: string, lang: Lang): string {
  return `${i.name} ${i.period} = ${num(i.value, lang)}${sources(i.sources, cwd)}`;
}

function methodLine(m: MethodTrace, lang: Lang): string {
  const params = Object.entries(m.parameters).map(
    ([k, v]) => `${word(PARAMETER, k, lang)} ${k === "transform" ? word(TRANSFORM, String(v), lang) : num(v, lang)}`,
  );
  const bands = m.bands?.map(
    (b) =>
      `${b.min !== undefined ? `≥ ${num(b.min, lang)}` : b.max !== undefined ? `≤ ${num(b.max, lang)}` : label("bandElse", lang)}: ${num(b.score, lang)}`,
  );
  const formula =
    m.formula !== undefined
      ? [`${label(m.method === "achievement" ? "paramPlan" : "paramScore", lang)} = ${m.formula}`]
      : [];
  return [
    word(METHOD, m.method, lang),
    ...formula,
    ...params,
    ...(bands ? [`${label("paramBands", lang)} ${bands.join("; ")}`] : []),
  ].join(", ");
}

/** Why the indicator has no value, in the language (the English reason when no finer words exist). */
function reasonText(t: IndicatorTrace, lang: Lang): string {
  if (t.missing) return missingInWords(t.missing, lang);
  if (lang !== "en" && t.status === "not-applicable") return label("notApplicableByRule", lang);
  return t.reason ?? "";
}

/** One indicator of the trace, as lines indented by `indent`. */
export function renderIndicator(t: IndicatorTrace, lang: Lang, cwd: string, indent = "  "): string[] {
  const pad = `${indent}  `;
  const lines = [`${indent}${t.id} — ${localize(t.name, lang)}${t.measure ? ` (${localizeMeasure(t, lang)})` : ""}`];
  lines.push(
    `${pad}${WORDS.formula[lang]}: ${t.formula}   [${displayPath(t.at.file, cwd)}:${t.at.range.start.line}:${t.at.range.start.column}], ${WORDS.period[lang]} ${t.period}`,
  );
  if (t.inputs.length > 0) {
    lines.push(`${pad}${WORDS.inputs[lang]}: ${inputLine(t.inputs[0] as InputTrace, cwd, lang)}`);
    for (const i of t.inputs.slice(1))
      lines.push(`${pad}${" ".repeat(WORDS.inputs[lang].length + 2)}${inputLine(i, cwd, lang)}`);
  }
  lines.push(`${pad}${label("value", lang).toLowerCase()}: ${num(t.value, lang)} · ${WORDS.status[t.status][lang]}`);
  if (t.reason) {
    const policy = t.policy ? ` (${WORDS.policy[lang]}: ${word(POLICY, t.policy, lang)})` : "";
    lines.push(`${pad}${WORDS.reason[lang]}: ${reasonText(t, lang)}${policy}`);
  }
  const better = label(t.better === "higher" ? "higherBetter" : "lowerBetter", lang);
  lines.push(`${pad}${WORDS.method[lang]}: ${methodLine(t.method, lang)} (${better})`);
  lines.push(
    `${pad}${label("score", lang).toLowerCase()}: ${num(t.score, lang)} × ${label("weight", lang).toLowerCase()} ${num(t.weight, lang)} (${num(t.declaredWeight, lang)}) = ${num(t.points, lang)}, ${WORDS.lost[lang]} ${num(t.lost, lang)}`,
  );
  if (t.best)
    lines.push(
      `${pad}${WORDS[t.best.by ?? "best"][lang]}: ${t.best.name ? `${localize(t.best.name, lang)} (${t.best.unit})` : t.best.unit} = ${num(t.best.value, lang)}, ${WORDS.scoreOf[lang]} ${num(t.best.score, lang)}`,
    );
  return lines;
}

/** "74 of 100", "74 из 100"; Kazakh puts the whole first: "100 ішінен 74". */
function outOf(part: string, whole: string, lang: Lang): string {
  return lang === "kk" ? `${whole} ${WORDS.of.kk} ${part}` : `${part} ${WORDS.of[lang]} ${whole}`;
}

/** A level's aggregation in words; `formula` with the formula itself. */
function aggregationWord(level: BlockTrace | GroupTrace, lang: Lang): string {
  return level.formula !== undefined
    ? label("aggFormula", lang, { formula: level.formula })
    : word(AGGREGATION, level.aggregation, lang);
}

/** A group's line: its score, and its points of its effective weight. */
function groupLine(g: GroupTrace, lang: Lang): string {
  const score = `${label("score", lang).toLowerCase()} ${num(g.score, lang)}`;
  return `${g.id} — ${localize(g.name, lang)}: ${score} · ${outOf(num(g.points, lang), num(g.weight, lang), lang)} (${WORDS.lost[lang]} ${num(g.lost, lang)}, ${aggregationWord(g, lang)})`;
}

/** A block's header line. */
export function blockLine(b: BlockTrace, lang: Lang): string {
  if (b.helper)
    return `${b.id} — ${localize(b.name, lang)}: ${label("score", lang).toLowerCase()} ${num(b.score ?? null, lang)} (${label("helperBlock", lang)}, ${aggregationWord(b, lang)})`;
  // The only reason a block has is that all its indicators were left out (scoring/totals.ts).
  const reason = b.reason ? ` — ${lang === "en" ? b.reason : label("blockLeftOut", lang)}` : "";
  return `${b.id} — ${localize(b.name, lang)}: ${outOf(num(b.points, lang), num(b.weight, lang), lang)} (${WORDS.lost[lang]} ${num(b.lost, lang)}, ${aggregationWord(b, lang)})${reason}`;
}

/** The unit's summary: total (also shown at the ruleset's total `decimals`), rank and grade. */
export function totalLine(t: ExplainTrace, lang: Lang): string {
  const decimals = totalDecimals(t.rankPolicy);
  const change = t.previousRank !== undefined ? ` (${WORDS.previous[lang]} ${num(t.previousRank, lang)})` : "";
  const rankedAs = t.grade === undefined ? WORDS.rankedOnlyAs : WORDS.rankedAs;
  const key = t.rankingKey !== t.total ? `; ${rankedAs[lang]} ${num(t.rankingKey, lang)}` : "";
  // An ascending rating: a lower total is better, and "lost" is the points above the best total, 0.
  const lower = t.order === "ascending" ? `; ${label("lowerBetter", lang)}` : "";
  return `${label("total", lang)}: ${outOf(num(t.total, lang), String(t.scale), lang)} (${formatNumber(t.total, lang, decimals)}${key}${lower}) · ${label("rank", lang)} ${outOf(num(t.rank, lang), String(t.rankedUnits), lang)}${change}${gradeText(t, lang)}`;
}

/** " · " and the grade by its label from the rule files ("Red zone" names itself), else "Grade red"; nothing for a rating without grades. */
function gradeText(t: ExplainTrace, lang: Lang): string {
  if (t.grade === undefined) return "";
  const name = t.gradeLabel && localize(t.gradeLabel, lang);
  return ` · ${name || `${label("grade", lang)} ${t.grade || WORDS.none[lang]}`}`;
}

/** The trace's head: who, which rating and period, which ruleset, the total, rank and grade, the coverage. */
export function headerLines(t: ExplainTrace, lang: Lang): string[] {
  return [
    `${WORDS.explain[lang]}: ${localize(t.unit.name, lang)} (${t.unit.id}) · ${localize(t.ratingTitle, lang)}, ${t.period}`,
    `${t.ruleset.id} ${t.ruleset.version} (${t.ruleset.hash.slice(0, 12)})`,
    totalLine(t, lang),
    ...coverageLines(t.coverage, lang),
  ];
}

/** The whole trace as text (or one indicator of it). */
export function renderTrace(t: ExplainTrace, lang: Lang, cwd: string, only?: string): string {
  const out = [...headerLines(t, lang), ""];
  for (const b of t.blocks) {
    const indicators = only ? b.indicators.filter((i) => i.id === only) : b.indicators;
    if (only && indicators.length === 0) continue;
    out.push(blockLine(b, lang));
    if (!only) for (const g of b.groups ?? []) out.push(`${"  ".repeat(g.depth)}${groupLine(g, lang)}`);
    for (const i of indicators) out.push(...renderIndicator(i, lang, cwd), "");
    if (indicators.length === 0) out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** The share of the weight with data, what is missing, and whether the zero policy scored it 0. */
function coverageLines(c: Coverage, lang: Lang): string[] {
  const missing = c.missingFields.length > 0 ? `; ${label("missingValue", lang)}: ${missingList(c.missingFields)}` : "";
  const lines = [
    `${label("coverage", lang)}: ${coveragePercent(c.weight, lang)} (${c.withData}/${c.expected})${missing}`,
  ];
  if (c.zeroed > 0) lines.push(label("zeroedUnit", lang, { n: c.zeroed }));
  return lines;
}

/** A unit left unrated for too little data: why, instead of a trace of zeros. */
export function notRatedText(n: NotRatedUnit, period: string, lang: Lang, name: string): string {
  const why = label("notRatedReason", lang, {
    share: coveragePercent(n.coverage.weight, lang),
    fields: missingList(n.coverage.missingFields),
  });
  return `${label("notRated", lang)}, ${period}: ${name} (${n.unit})\n${why}\n`;
}
