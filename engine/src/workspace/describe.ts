import { diagnosticDoc } from "../diagnostics/catalog.js";
import { docWords } from "../diagnostics/words/index.js";
import type { Binding } from "../formula/environment.js";
import type { FunctionSpec, Parameter } from "../functions/spec.js";
import { displaySignature } from "../functions/spec.js";
import { effectiveWeights } from "../methodology/effective-weights.js";
import { formulaText } from "../methodology/formula-text.js";
import { plainText } from "../methodology/rich-text.js";
import { scoreRuleText } from "../methodology/score-rule.js";
import type { Block, Field, Indicator, Lang, Localized, Ruleset, Unit } from "../model/ruleset.js";
import { label, localize } from "../report/labels.js";
import { formatShort } from "../report/number-format.js";
import { editorLabel } from "./labels.js";

/**
 * Markdown descriptions of the elements of a ruleset, for hover and completion documentation, in the
 * reader's language. Every figure comes from the engine (effective weights, the canonical printer, the
 * scoring rule in words); nothing is computed here that `tarazy docs` or `tarazy explain` would not agree with.
 */

const LANGS: readonly Lang[] = ["kk", "ru", "en"];

/** Numbers as the methodology shows them: up to four decimals, the language's decimal mark, no float noise. */
const num = (x: number, lang: Lang) => formatShort(x, lang, 4);

function names(name: Localized | undefined): string[] {
  if (!name) return [];
  return LANGS.filter((l) => name[l] !== undefined).map((l) => `- ${l}: ${name[l]}`);
}

function row(key: string, value: string): string {
  return `- ${key}: ${value}`;
}

export function describeField(field: Field, lang: Lang): string {
  return [
    `**${field.id}** — ${editorLabel("field", lang)}`,
    "",
    ...names(field.name),
    "",
    row(label("measure", lang), field.measure),
    row(label("source", lang), label(field.source === "region" ? "sourceRegion" : "sourceUnit", lang)),
    row(label("frequency", lang), frequencyWord(field.frequency, lang)),
    row(
      editorLabel("aggregate", lang),
      field.aggregate + (field.cumulative ? `, ${editorLabel("cumulative", lang)}` : ""),
    ),
    ...(field.description ? ["", localize(field.description, lang)] : []),
  ].join("\n");
}

export function describeIndicator(indicator: Indicator, ruleset: Ruleset, lang: Lang): string {
  const block = ruleset.blocks.find((b) => b.indicators.includes(indicator));
  const effective = weightsOf(ruleset).get(indicator.id);
  const weightSum = block?.indicators.reduce((s, i) => s + i.weight, 0) ?? 0;
  return [
    `**${indicator.id}** — ${editorLabel("indicator", lang)}`,
    "",
    ...names(indicator.name),
    "",
    row(label("measure", lang), indicator.measure),
    row(label("source", lang), label(indicator.source === "region" ? "sourceRegion" : "sourceUnit", lang)),
    row(label("block", lang), block ? `${block.id} (${localize(block.name, lang)})` : indicator.block),
    row(
      label("weightInBlock", lang),
      label("weightOf", lang, { weight: num(indicator.weight, lang), sum: num(weightSum, lang) }),
    ),
    ...(effective !== undefined
      ? [
          row(
            label("effectiveWeight", lang),
            label("weightOf", lang, { weight: num(effective, lang), sum: num(ruleset.scale, lang) }),
          ),
        ]
      : []),
    row(label("direction", lang), label(indicator.better === "higher" ? "higherBetter" : "lowerBetter", lang)),
    row(label("scoringRule", lang), plainText(scoreRuleText(indicator, lang))),
    "",
    `${label("formula", lang)}:`,
    "```tarazy",
    formulaText(indicator.formula),
    "```",
  ].join("\n");
}

const weights = new WeakMap<Ruleset, Map<string, number>>();

/** Effective weights, computed once per ruleset model (hover and completion describe many indicators). */
function weightsOf(ruleset: Ruleset): Map<string, number> {
  let found = weights.get(ruleset);
  if (!found) {
    found = effectiveWeights(ruleset);
    weights.set(ruleset, found);
  }
  return found;
}

export function describeBlock(block: Block, lang: Lang): string {
  const sum = block.indicators.reduce((s, i) => s + i.weight, 0);
  return [
    `**${block.id}** — ${editorLabel("block", lang)}`,
    "",
    ...names(block.name),
    "",
    row(label("blockWeight", lang), num(block.weight, lang)),
    row(label("indicators", lang), String(block.indicators.length)),
    row(editorLabel("blockIndicatorSum", lang), num(sum, lang)),
  ].join("\n");
}

export function describeUnit(unit: Unit, lang: Lang): string {
  const attributes = Object.entries(unit.attributes).map(([k, v]) => `\`unit.${k}\` = ${String(v)}`);
  return [
    `**${unit.id}** — ${editorLabel("unit", lang)}`,
    "",
    ...names(unit.name),
    "",
    row(editorLabel("kindOf", lang), unit.kind),
    ...(attributes.length > 0 ? [row(editorLabel("attributes", lang), attributes.join(", "))] : []),
  ].join("\n");
}

/** A name a formula can read, as completion and hover show it. */
export function describeBinding(binding: Binding, ruleset: Ruleset | undefined, lang: Lang): string {
  if (ruleset && binding.kind === "field") {
    const field = ruleset.fields.find((f) => f.id === binding.name);
    if (field) return describeField(field, lang);
  }
  if (ruleset && binding.kind === "indicator") {
    const indicator = ruleset.blocks.flatMap((b) => b.indicators).find((i) => i.id === binding.name);
    if (indicator) return describeIndicator(indicator, ruleset, lang);
  }
  if (binding.kind === "attribute") {
    const attr = binding.name.slice("unit.".length);
    const values = (ruleset?.units ?? [])
      .map((u) => (attr === "kind" ? u.kind : u.attributes[attr]))
      .filter((v) => v !== undefined);
    const shown = [...new Set(values.map(String))].slice(0, 6);
    return [
      `**${binding.name}** — ${editorLabel("attribute", lang)} (${typeWord(binding.type, lang)})`,
      ...(shown.length > 0
        ? ["", shown.map((v) => `\`${v}\``).join(", ") + (values.length > shown.length ? ", …" : "")]
        : []),
    ].join("\n");
  }
  const kind = binding.kind === "score" ? "indicator" : binding.kind;
  return `**${binding.name}** — ${editorLabel(kind, lang)}`;
}

/** A function's signature, what it does, its parameters and an example, from the one registry. */
export function describeFunction(spec: FunctionSpec, lang: Lang): string {
  const params = spec.parameters.map((p) => `- \`${p.name}\` (${parameterType(p, lang)}): ${p.description[lang]}`);
  const example = spec.examples[0];
  return [
    "```tarazy",
    displaySignature(spec),
    "```",
    spec.description[lang],
    ...(params.length > 0 ? ["", `${editorLabel("parameters", lang)}:`, ...params] : []),
    ...(example ? ["", `${editorLabel("example", lang)}: \`${example.formula}\` → \`${example.result}\``] : []),
  ].join("\n");
}

/** A diagnostic code's catalog entry (docs/diagnostics.md's text, in the reader's language where translated). */
export function describeDiagnosticCode(code: string, lang: Lang): string | undefined {
  const doc = diagnosticDoc(code);
  if (!doc) return undefined;
  const words = docWords(doc, lang);
  return [
    `**${doc.code}** ${words.title} (${editorLabel(doc.severity, lang)})`,
    "",
    words.description,
    "",
    "```yaml",
    doc.example,
    "```",
    `${editorLabel("fix", lang)}: ${words.fix}`,
  ].join("\n");
}

function parameterType(p: Parameter, lang: Lang): string {
  if (p.literals) return p.literals.map((w) => `"${w}"`).join(" | ");
  if (p.fieldName) return editorLabel("field", lang);
  return typeWord(p.type, lang);
}

export function typeWord(type: string, lang: Lang): string {
  switch (type) {
    case "number":
      return editorLabel("typeNumber", lang);
    case "boolean":
      return editorLabel("typeBoolean", lang);
    case "string":
      return editorLabel("typeString", lang);
    case "T":
      return editorLabel("typeT", lang);
    default:
      return editorLabel("typeAny", lang);
  }
}

function frequencyWord(f: "month" | "quarter" | "year", lang: Lang): string {
  return label(f === "month" ? "freqMonth" : f === "quarter" ? "freqQuarter" : "freqYear", lang);
}
