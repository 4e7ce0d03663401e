import type { FormulaReference } from "../check/checker.js";
import { CheckCodes } from "../check/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Type } from "../formula/environment.js";
import { allGroups, allIndicators, groupPath } from "../model/groups.js";
import type { Block, FormulaSource, Frequency, Group, Indicator, Ruleset } from "../model/ruleset.js";
import { checkFormulaCached } from "./check-cache.js";
import { type FormulaScope, rulesetEnvironment } from "./environment.js";
import type { RulesetSources } from "./sources.js";

/** Which formula of an indicator: its value, its achievement plan, its score formula, its `applies.when`. */
export type FormulaRole = "formula" | "plan" | "score" | "when";

/** One formula of the ruleset after name resolution and type inference. */
export interface FormulaUse {
  readonly indicator: Indicator;
  readonly role: FormulaRole;
  readonly source: FormulaSource;
  /** The group whose `applies.when` this is (checked with its first indicator, `indicator`). */
  readonly group?: Group;
  /** The inferred type; undefined when the formula did not parse or its type is unknown after an error. */
  readonly type?: Type;
  readonly references: readonly FormulaReference[];
  /** The formula has errors of its own (syntax, unknown names, types). */
  readonly hasErrors: boolean;
}

const SCOPE: Record<FormulaRole, FormulaScope> = {
  formula: "indicator",
  plan: "indicator",
  score: "score",
  when: "when",
};

type FormulaPlace = Pick<FormulaUse, "indicator" | "role" | "source" | "group">;

/** Every formula of the ruleset, in file order. */
export function formulasOf(ruleset: Ruleset): FormulaPlace[] {
  const out: FormulaPlace[] = [];
  for (const block of ruleset.blocks) {
    for (const indicator of block.indicators) {
      out.push({ indicator, role: "formula", source: indicator.formula });
      const score = indicator.score;
      if (score.method === "achievement") out.push({ indicator, role: "plan", source: score.plan });
      if (score.method === "formula") out.push({ indicator, role: "score", source: score.formula });
      if (indicator.applies?.when) out.push({ indicator, role: "when", source: indicator.applies.when });
    }
    // A group's `applies.when` is checked once, with its first indicator: it reads unit attributes only.
    for (const group of allGroups(block)) {
      const first = allIndicators(group)[0];
      if (group.applies?.when && first) out.push({ indicator: first, role: "when", source: group.applies.when, group });
    }
  }
  return out;
}

/**
 * Resolves the names in every formula and infers its type (the formula checker reports unknown names with
 * did-you-mean, wrong argument types and the like, at their exact place in the YAML file). Then gives each
 * indicator without an explicit `frequency` the least frequent frequency of its inputs and its groups.
 */
export function linkFormulas(
  ruleset: Ruleset,
  sources: RulesetSources,
  options: { readonly incomplete?: boolean; readonly parseErrors?: ReadonlySet<FormulaSource> } = {},
): { formulas: FormulaUse[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const formulas: FormulaUse[] = [];
  for (const place of formulasOf(ruleset)) {
    const { indicator, role, source } = place;
    const parseFailed = options.parseErrors?.has(source) ?? false;
    if (!source.ast) {
      formulas.push({ ...place, references: [], hasErrors: source.text !== "" || parseFailed });
      continue;
    }
    const result = checkFormulaCached(source.ast, rulesetEnvironment(ruleset, SCOPE[role]), source.at.file);
    // Most formulas have nothing to say: no arrays are made for them (15,000 formulas are re-linked per edit).
    if (result.diagnostics.length > 0)
      diagnostics.push(
        ...ownDiagnostics(result.diagnostics, source, role, ruleset, sources, indicator, options.incomplete),
      );
    const failed = parseFailed || hasErrorIn(result.diagnostics);
    formulas.push({
      ...place,
      ...(result.type && !failed ? { type: result.type } : {}),
      references: result.references,
      hasErrors: failed,
    });
  }
  deriveFrequencies(ruleset, formulas, sources);
  return { formulas, diagnostics };
}

/** A formula's diagnostics as the ruleset reports them: in its file, unknown names said precisely. */
function ownDiagnostics(
  list: readonly Diagnostic[],
  source: FormulaSource,
  role: FormulaRole,
  ruleset: Ruleset,
  sources: RulesetSources,
  indicator: Indicator,
  incomplete: boolean | undefined,
): Diagnostic[] {
  const file = source.at.file;
  // With a file missing, an unknown name is more likely defined there than misspelt here.
  return (incomplete ? list.filter((d) => d.code !== CheckCodes.F200) : list)
    .map((d) => (d.code === CheckCodes.F200 ? outOfScope(d, role, ruleset, sources, indicator) : d))
    .map((d) => (d.file ? d : { ...d, file }));
}

/**
 * An unknown name that the ruleset does define, but not for this place: say so instead of "unknown"
 * (a field in `applies.when`, `value` outside a score formula).
 */
function outOfScope(
  d: Diagnostic,
  role: FormulaRole,
  ruleset: Ruleset,
  sources: RulesetSources,
  indicator: Indicator,
): Diagnostic {
  const text = sources.documentOf(indicator)?.text.slice(d.range.start.offset, d.range.end.offset);
  if (!text) return d;
  const all = rulesetEnvironment(ruleset, "score").lookup(text);
  if (!all) return d;
  const what =
    all.kind === "value" ? "`value`" : `\`${text}\` is ${all.kind === "field" ? "a field" : "an indicator"}, but it`;
  return {
    code: d.code,
    severity: d.severity,
    file: d.file,
    range: d.range,
    message:
      role === "when"
        ? `${what} cannot be read in \`applies.when\`, which sees only unit.kind and unit attributes`
        : `${what === "`value`" ? "`value` is the indicator's value and" : what} can be read only in a score formula (\`method: formula\`)`,
  };
}

function hasErrorIn(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export const FREQUENCY_ORDER: Record<Frequency, number> = { month: 0, quarter: 1, year: 2 };

/** The coarsest `frequency` of the groups holding the indicator ("month" when none says). */
export function groupFrequency(block: Block | undefined, indicator: Indicator): Frequency {
  let result: Frequency = "month";
  for (const g of block ? groupPath(block, indicator.group) : [])
    if (g.frequency && FREQUENCY_ORDER[g.frequency] > FREQUENCY_ORDER[result]) result = g.frequency;
  return result;
}

/** The inputs (fields and indicators) an indicator's value formulas read, with where they are read. */
export function inputsOf(indicator: Indicator, formulas: readonly FormulaUse[]): FormulaReference[] {
  return inputsByIndicator(formulas).get(indicator) ?? [];
}

/** Every indicator's inputs, computed once per list of formulas: asking per indicator is then linear, not quadratic. */
const inputIndex = new WeakMap<readonly FormulaUse[], Map<Indicator, FormulaReference[]>>();

function inputsByIndicator(formulas: readonly FormulaUse[]): Map<Indicator, FormulaReference[]> {
  const known = inputIndex.get(formulas);
  if (known) return known;
  const index = new Map<Indicator, FormulaReference[]>();
  for (const f of formulas) {
    if (f.role !== "formula" && f.role !== "plan") continue;
    const list = index.get(f.indicator) ?? [];
    for (const r of f.references) if (r.binding.kind === "field" || r.binding.kind === "indicator") list.push(r);
    index.set(f.indicator, list);
  }
  inputIndex.set(formulas, index);
  return index;
}

function deriveFrequencies(ruleset: Ruleset, formulas: readonly FormulaUse[], sources: RulesetSources): void {
  const fields = new Map(ruleset.fields.map((f) => [f.id, f.frequency]));
  const indicators = new Map(ruleset.blocks.flatMap((b) => b.indicators.map((i) => [i.id, i] as const)));
  const blocks = new Map(ruleset.blocks.map((b) => [b.id, b] as const));
  const derived = new Map<Indicator, Frequency>();
  const visiting = new Set<Indicator>();
  const frequencyOf = (indicator: Indicator): Frequency => {
    const known = derived.get(indicator);
    if (known) return known;
    if (sources.has(indicator, "frequency")) return indicator.frequency;
    // Inside a cycle (reported by R220): the default, not what an earlier load derived into a reused indicator.
    if (visiting.has(indicator)) return "month";
    visiting.add(indicator);
    let result = groupFrequency(blocks.get(indicator.block), indicator);
    for (const ref of inputsOf(indicator, formulas)) {
      const target = ref.binding.kind === "field" ? fields.get(ref.binding.name) : indicators.get(ref.binding.name);
      const f = typeof target === "string" ? target : target ? frequencyOf(target) : undefined;
      if (f && FREQUENCY_ORDER[f] > FREQUENCY_ORDER[result]) result = f;
    }
    visiting.delete(indicator);
    derived.set(indicator, result);
    return result;
  };
  for (const indicator of ruleset.blocks.flatMap((b) => b.indicators)) {
    // The model is read-only to its users; the loader fills in the derived frequency once, here.
    (indicator as { frequency: Frequency }).frequency = frequencyOf(indicator);
  }
}
