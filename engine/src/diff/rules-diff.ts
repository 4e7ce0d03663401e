import { printFormula } from "../formula/printer.js";
import type {
  Applicability,
  Block,
  Field,
  FormulaSource,
  Grade,
  Group,
  Indicator,
  Rating,
  Ruleset,
  ScoreMethod,
  Unit,
} from "../model/ruleset.js";

/**
 * What changed between two versions of a ruleset, element by element: what `tarazy diff` prints and what
 * the scoring engine extends with the effect on the ranking. Formulas are compared in canonical form
 * (printFormula), so spacing and brackets that change nothing are not changes.
 */
export type ElementKind = "ruleset" | "rating" | "grade" | "unit" | "field" | "block" | "indicator";

export type ChangeKind = "added" | "removed" | "renamed" | "changed";

/** A value as the diff shows it: plain JSON (numbers, text, lists of text), formulas as canonical text. */
export type DiffValue = string | number | boolean | null | readonly string[];

export interface RulesetChange {
  readonly element: ElementKind;
  readonly change: ChangeKind;
  /** The element's id in the new version (in the old one for `removed`). */
  readonly id: string;
  /** For `renamed`: the id in the old version. */
  readonly oldId?: string;
  /** For `changed`: the property, as a dotted path: weight, formula, score.min, name.kk, attributes.population. */
  readonly property?: string;
  readonly old?: DiffValue;
  readonly new?: DiffValue;
  /** For indicators: the block it is in (in the new version, or the old one when removed). */
  readonly block?: string;
}

export interface RulesetDiff {
  readonly old: { readonly id: string; readonly version: string; readonly hash: string };
  readonly new: { readonly id: string; readonly version: string; readonly hash: string };
  /** In a stable order: ruleset, ratings, grades, units, fields, blocks, indicators; within each, by id. */
  readonly changes: readonly RulesetChange[];
}

const ORDER: readonly ElementKind[] = ["ruleset", "rating", "grade", "unit", "field", "block", "indicator"];

export function diffRulesets(oldRuleset: Ruleset, newRuleset: Ruleset): RulesetDiff {
  const changes: RulesetChange[] = [
    ...compareProperties("ruleset", newRuleset.id, rulesetProperties(oldRuleset), rulesetProperties(newRuleset)),
    ...compareElements("rating", oldRuleset.ratings, newRuleset.ratings, ratingProperties),
    ...compareElements("grade", oldRuleset.grades, newRuleset.grades, gradeProperties),
    ...compareElements("unit", oldRuleset.units, newRuleset.units, unitProperties, (u) => u.name.kk),
    ...compareElements("field", oldRuleset.fields, newRuleset.fields, fieldProperties, (f) => f.name.kk),
    ...compareElements("block", oldRuleset.blocks, newRuleset.blocks, blockProperties, (b) => b.name.kk),
    ...compareElements(
      "indicator",
      oldRuleset.blocks.flatMap((b) => b.indicators),
      newRuleset.blocks.flatMap((b) => b.indicators),
      indicatorProperties,
      (i) => canonicalFormula(i.formula),
      (i) => i.name.kk,
    ),
  ];
  return {
    old: { id: oldRuleset.id, version: oldRuleset.version, hash: oldRuleset.hash },
    new: { id: newRuleset.id, version: newRuleset.version, hash: newRuleset.hash },
    changes: changes.sort((a, b) => ORDER.indexOf(a.element) - ORDER.indexOf(b.element)),
  };
}

/** A formula's canonical text: the printer's, or the trimmed text when it did not parse. */
export function canonicalFormula(formula: FormulaSource): string {
  return formula.ast ? printFormula(formula.ast) : formula.text.trim();
}

type Properties = ReadonlyMap<string, DiffValue>;

/**
 * Elements matched by id; an unmatched old and new element with the same signature (the same canonical
 * formula, else the same Kazakh name) are one element renamed.
 */
function compareElements<T extends { readonly id: string }>(
  element: ElementKind,
  olds: readonly T[],
  news: readonly T[],
  properties: (x: T) => Properties,
  ...signatures: ((x: T) => string)[]
): RulesetChange[] {
  const oldById = new Map(olds.map((o) => [o.id, o] as const));
  const newById = new Map(news.map((n) => [n.id, n] as const));
  const removed = olds.filter((o) => !newById.has(o.id));
  const added = news.filter((n) => !oldById.has(n.id));
  const renamed: [T, T][] = [];
  for (const signature of signatures) {
    for (const n of [...added]) {
      const sig = signature(n);
      const o = sig === "" ? undefined : removed.find((r) => signature(r) === sig);
      if (!o) continue;
      renamed.push([o, n]);
      removed.splice(removed.indexOf(o), 1);
      added.splice(added.indexOf(n), 1);
    }
  }
  const block = (x: T): { block?: string } => {
    const b = (x as unknown as { block?: unknown }).block;
    return typeof b === "string" ? { block: b } : {};
  };
  const out: RulesetChange[] = [];
  const ids = [...new Set([...olds.map((o) => o.id), ...news.map((n) => n.id)])].sort(compareText);
  for (const id of ids) {
    const o = oldById.get(id);
    const n = newById.get(id);
    if (o && n) out.push(...compareProperties(element, id, properties(o), properties(n), block(n)));
    else if (n && added.includes(n)) out.push({ element, change: "added", id, ...block(n) });
    else if (o && removed.includes(o)) out.push({ element, change: "removed", id, ...block(o) });
    const pair = renamed.find(([, r]) => r === n);
    if (pair) {
      const [from, to] = pair;
      out.push({ element, change: "renamed", id: to.id, oldId: from.id, ...block(to) });
      out.push(...compareProperties(element, to.id, properties(from), properties(to), block(to)));
    }
  }
  return out;
}

function compareProperties(
  element: ElementKind,
  id: string,
  olds: Properties,
  news: Properties,
  extra: { block?: string } = {},
): RulesetChange[] {
  const out: RulesetChange[] = [];
  const keys = [...new Set([...olds.keys(), ...news.keys()])];
  for (const property of keys) {
    const o = olds.get(property) ?? null;
    const n = news.get(property) ?? null;
    if (JSON.stringify(o) === JSON.stringify(n)) continue;
    out.push({ element, change: "changed", id, property, old: o, new: n, ...extra });
  }
  return out;
}

// ── what each element's properties are, in the order they are listed ──

function texts(prefix: string, value: { kk?: string; ru?: string; en?: string } | undefined): [string, DiffValue][] {
  return (["kk", "ru", "en"] as const).map((lang) => [`${prefix}.${lang}`, value?.[lang] ?? null]);
}

function rulesetProperties(r: Ruleset): Properties {
  return new Map<string, DiffValue>([
    ["id", r.id],
    ["effective.from", r.effective.from],
    ["effective.to", r.effective.to ?? null],
    ...texts("title", r.title),
    ["scale", r.scale],
    ["unit_kinds", r.unitKinds],
    ["policies.missing", r.missing],
    ["policies.rank.round", r.rank.round ?? null],
    ["policies.rank.ties", r.rank.ties],
    ["policies.rank.display_decimals", r.rank.displayDecimals ?? null],
    ["total.aggregation", r.total?.aggregation ?? "arithmetic"],
    ["total.exponent", r.total?.exponent ?? null],
  ]);
}

function ratingProperties(r: Rating): Properties {
  return new Map<string, DiffValue>([
    ...texts("title", r.title),
    ["frequency", r.frequency],
    ["blocks", r.blocks],
    ["order", r.order ?? "descending"],
    ["grades_on", r.gradesOn ?? null],
    // A rating's own grades as "id min..max" (either bound may be open).
    ["grades", r.grades ? r.grades.map((g) => `${g.id} ${g.min ?? ""}..${g.max ?? ""}`) : null],
  ]);
}

function gradeProperties(g: Grade): Properties {
  return new Map<string, DiffValue>([["min", g.min], ["color", g.color], ...texts("label", g.label)]);
}

function unitProperties(u: Unit): Properties {
  const attributes = Object.keys(u.attributes)
    .sort(compareText)
    .map((k): [string, DiffValue] => [`attributes.${k}`, u.attributes[k] ?? null]);
  return new Map<string, DiffValue>([
    ...texts("name", u.name),
    ["kind", u.kind],
    ["aliases", u.aliases],
    ...attributes,
  ]);
}

function fieldProperties(f: Field): Properties {
  return new Map<string, DiffValue>([
    ...texts("name", f.name),
    ["measure", f.measure],
    ["frequency", f.frequency],
    ["aggregate", f.aggregate],
    ["cumulative", f.cumulative],
    ["source", f.source],
    ["values.min", f.values?.min ?? null],
    ["values.max", f.values?.max ?? null],
    ["values.integer", f.values?.integer ?? false],
    ["values.share", f.values?.share ?? false],
    ["values.non_negative", f.values?.nonNegative ?? false],
  ]);
}

function blockProperties(b: Block): Properties {
  return new Map<string, DiffValue>([
    ...texts("name", b.name),
    ["weight", b.weight],
    ["aggregation", b.aggregation],
    ["exponent", b.exponent ?? null],
    ["missing", b.missing ?? null],
    ["helper", b.helper ?? false],
    // A block's groups are part of it: their ids (in order, nesting as a/b), then each one's properties.
    ...groupProperties(b),
  ]);
}

/** `groups` (the ids, inner ones as outer/inner) and `groups.<id>.<property>` of every group of the block. */
function groupProperties(b: Block): [string, DiffValue][] {
  const out: [string, DiffValue][] = [];
  const paths: string[] = [];
  const walk = (groups: readonly Group[], prefix: string) => {
    for (const g of groups) {
      paths.push(`${prefix}${g.id}`);
      out.push(
        ...texts(`groups.${g.id}.name`, g.name),
        [`groups.${g.id}.weight`, g.weight],
        [`groups.${g.id}.aggregation`, g.aggregation],
        [`groups.${g.id}.exponent`, g.exponent ?? null],
        [`groups.${g.id}.missing`, g.missing ?? null],
        ...appliesProperties(g.applies).map(([k, v]): [string, DiffValue] => [`groups.${g.id}.${k}`, v]),
      );
      walk(g.groups, `${prefix}${g.id}/`);
    }
  };
  walk(b.groups ?? [], "");
  return paths.length > 0 ? [["groups", paths], ...out] : [];
}

function indicatorProperties(i: Indicator): Properties {
  return new Map<string, DiffValue>([
    ["block", i.block],
    ["group", i.group ?? null],
    ...texts("name", i.name),
    ["measure", i.measure],
    ["formula", canonicalFormula(i.formula)],
    ["better", i.better],
    ...scoreProperties(i.score),
    ["weight", i.weight],
    ["frequency", i.frequency],
    ["source", i.source],
    ...appliesProperties(i.applies),
    ["missing", i.missing ?? null],
  ]);
}

function scoreProperties(score: ScoreMethod): [string, DiffValue][] {
  const out: [string, DiffValue][] = [["score.method", score.method]];
  switch (score.method) {
    case "achievement":
      out.push(["score.plan", canonicalFormula(score.plan)], ["score.cap", score.cap]);
      break;
    case "goalposts":
      out.push(["score.min", score.min], ["score.max", score.max], ["score.transform", score.transform]);
      break;
    case "zscore":
      out.push(["score.clip", score.clip]);
      break;
    case "bands":
      out.push([
        "score.bands",
        score.bands.map((b) =>
          [b.min !== undefined ? `min ${b.min}` : "", b.max !== undefined ? `max ${b.max}` : "", `score ${b.score}`]
            .filter(Boolean)
            .join(" "),
        ),
      ]);
      break;
    case "formula":
      out.push(["score.formula", canonicalFormula(score.formula)]);
      break;
  }
  return out;
}

function appliesProperties(a: Applicability | undefined): [string, DiffValue][] {
  return [
    ["applies.kinds", a?.kinds ?? null],
    ["applies.units", a?.units ?? null],
    ["applies.except", a?.except ?? null],
    ["applies.when", a?.when ? canonicalFormula(a.when) : null],
  ];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
