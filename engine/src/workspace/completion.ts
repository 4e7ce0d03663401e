import type { Binding } from "../formula/environment.js";
import { functionRegistry } from "../functions/registry.js";
import { type FunctionSpec, parameterAt } from "../functions/spec.js";
import { membersOf } from "../model/groups.js";
import type { Lang, Localized, Ruleset } from "../model/ruleset.js";
import { localize } from "../report/labels.js";
import { type FormulaScope, rulesetEnvironment } from "../rules/environment.js";
import { FILE_KINDS, type FileKind, ruleSchema, type SchemaNode, schemaAtPath } from "../rules/schema.js";
import { schemaText } from "../rules/schema-text.js";
import type { RuleDocument } from "../rules/yaml-document.js";
import { valueAt } from "../rules/yaml-path.js";
import { type FormulaAtPosition, type PositionContext, positionContext } from "./at-position.js";
import { describeBinding, describeBlock, describeFunction, describeIndicator, describeUnit } from "./describe.js";
import { editorLabel } from "./labels.js";
import { levelOfFormula } from "./level-of.js";
import { type ReferenceKind, referenceKindAt } from "./value-kinds.js";

export type CandidateKind =
  | "key"
  | "enum"
  | "field"
  | "indicator"
  | "attribute"
  | "value"
  | "function"
  | "keyword"
  | "unit"
  | "block"
  | "rating"
  | "kind"
  | "period";

/** One completion candidate, in the reader's language; the face turns it into its protocol's item. */
export interface CompletionCandidate {
  readonly label: string;
  readonly kind: CandidateKind;
  readonly detail?: string;
  /** Markdown; computed when first read (a list of thousands of names describes only those shown). */
  readonly documentation?: string;
  /** The text inserted (plain). */
  readonly insertText: string;
  /** The same with `${1:placeholder}` tab stops, for clients that take snippets (function arguments). */
  readonly snippet?: string;
  /** File offsets of the text the candidate replaces. */
  readonly start: number;
  readonly end: number;
  /** Orders candidates: the likeliest first. */
  readonly sortText: string;
}

export interface CompletionInput {
  readonly document: RuleDocument;
  readonly offset: number;
  readonly lang: Lang;
  /** The ruleset the file belongs to, as far as it could be built (LoadResult.model). */
  readonly model?: Ruleset;
  /** Periods the data covers, newest first (period literals); else the years around the ruleset's. */
  readonly periods?: readonly string[];
}

/**
 * What may be written at the offset: keys and enum values from the one JSON Schema (only those valid at
 * the place), names and functions inside a formula, ids where a reference is expected, period literals.
 */
export function completionsAt(input: CompletionInput): CompletionCandidate[] {
  const ctx = positionContext(input.document, input.offset);
  if (ctx.formula?.scope === "level") return levelCandidates(ctx.formula, input);
  if (ctx.formula) return formulaCandidates(ctx.formula, input);
  const schemaKind = ctx.kind;
  const yaml = ctx.yaml;
  const objectItem = yaml.item && schemaKind && hasProperties(schemaAtPath(schemaKind, yaml.path, input.document.data));
  if (yaml.onKey || objectItem) return keyCandidates(ctx, input);
  return valueCandidates(ctx, input);
}

function hasProperties(nodes: readonly SchemaNode[]): boolean {
  return nodes.some((n) => n.properties !== undefined);
}

// ── Keys ──────────────────────────────────────────────────────────────────────────────────────────

function keyCandidates(ctx: PositionContext, input: CompletionInput): CompletionCandidate[] {
  const { start, end, path } = ctx.yaml;
  if (!ctx.kind) {
    if (path !== "") return [];
    return FILE_KINDS.map((k, i) => ({
      label: k,
      kind: "key",
      detail: fileKindDescription(k, input.lang),
      insertText: `${k}: `,
      start,
      end,
      sortText: String(i).padStart(3, "0"),
    }));
  }
  const nodes = schemaAtPath(ctx.kind, path, input.document.data);
  const present = valueAt(input.document.data, path);
  const written = input.document.text.slice(start, end).replace(/:.*$/, "");
  const taken = new Set(
    present && typeof present === "object" && !Array.isArray(present)
      ? Object.keys(present).filter((k) => k !== written)
      : [],
  );
  const seen = new Map<string, CompletionCandidate>();
  const required = new Set(nodes.flatMap((n) => (Array.isArray(n.required) ? (n.required as string[]) : [])));
  for (const node of nodes) {
    for (const [key, schema] of Object.entries((node.properties ?? {}) as Record<string, SchemaNode>)) {
      if (taken.has(key) || seen.has(key)) continue;
      const description = describedBy(schema, input.lang);
      seen.set(key, {
        label: key,
        kind: "key",
        ...(description ? { detail: description.split("\n")[0], documentation: description } : {}),
        insertText: `${key}: `,
        start,
        end,
        sortText: `${required.has(key) ? "0" : "1"}${String(seen.size).padStart(3, "0")}`,
      });
    }
  }
  return [...seen.values()];
}

function describedBy(schema: SchemaNode, lang: Lang): string | undefined {
  const target =
    typeof schema.description !== "string" && typeof schema.$ref === "string"
      ? (ruleSchema().definitions[schema.$ref.replace("#/definitions/", "")] as SchemaNode | undefined)
      : schema;
  return typeof target?.description === "string" ? schemaText(target.description, lang) : undefined;
}

function fileKindDescription(kind: FileKind, lang: Lang): string | undefined {
  const node = schemaAtPath(kind, "")[0];
  return typeof node?.description === "string" ? schemaText(node.description, lang) : undefined;
}

// ── Values ────────────────────────────────────────────────────────────────────────────────────────

/** Values; right after `key:` (completion asked as the colon is typed) each starts with the space YAML needs. */
function valueCandidates(ctx: PositionContext, input: CompletionInput): CompletionCandidate[] {
  const all = valueCandidatesAt(ctx, input);
  const { text } = input.document;
  return all.map((c) => {
    if (text[c.start - 1] !== ":" || c.start !== c.end) return c;
    // Copied by descriptors, so documentation stays computed on first read.
    const spaced = Object.defineProperties({}, Object.getOwnPropertyDescriptors(c)) as CompletionCandidate;
    return Object.defineProperty(spaced, "insertText", { value: ` ${c.insertText}`, enumerable: true });
  });
}

function valueCandidatesAt(ctx: PositionContext, input: CompletionInput): CompletionCandidate[] {
  const { lang, model } = input;
  const range = valueRange(ctx, input.document);
  const out: CompletionCandidate[] = [];
  const ref = referenceKindAt(ctx.kind, ctx.yaml.path);
  if (ref) out.push(...referenceCandidates(ref, model, lang, range, input.periods));
  if (ctx.kind) {
    const enums = new Set<string>();
    for (const node of schemaAtPath(ctx.kind, ctx.yaml.path, input.document.data)) {
      const values: unknown[] = Array.isArray(node.enum) ? node.enum : node.const !== undefined ? [node.const] : [];
      values.forEach((v, i) => {
        const text = String(v);
        if (enums.has(text)) return;
        enums.add(text);
        const english = Array.isArray(node.enumDescriptions) ? node.enumDescriptions[i] : node.description;
        const doc = typeof english === "string" ? schemaText(english, lang) : undefined;
        out.push({
          label: text,
          kind: "enum",
          ...(typeof doc === "string" ? { detail: doc, documentation: doc } : {}),
          insertText: text,
          ...range,
          sortText: `0${String(i).padStart(3, "0")}`,
        });
      });
      if (node.type === "boolean" && !enums.has("true")) {
        enums.add("true");
        for (const b of ["true", "false"])
          out.push({ label: b, kind: "enum", insertText: b, ...range, sortText: `0${b}` });
      }
    }
  }
  return out;
}

/** The word being written as a value (quotes included when the value is quoted). */
function valueRange(ctx: PositionContext, doc: RuleDocument): { start: number; end: number } {
  if (ctx.scalar && !ctx.yaml.multiline) {
    const text = doc.text.slice(ctx.scalar.start, ctx.scalar.end);
    if (!/[\s,[\]{}]/.test(text)) return { start: ctx.scalar.start, end: ctx.scalar.end };
  }
  return { start: ctx.yaml.start, end: ctx.yaml.end };
}

function referenceCandidates(
  ref: ReferenceKind,
  model: Ruleset | undefined,
  lang: Lang,
  range: { start: number; end: number },
  periods: readonly string[] | undefined,
): CompletionCandidate[] {
  const make = (id: string, name: Localized | undefined, documentation: (() => string) | undefined, i: number) =>
    withDocs(
      {
        label: id,
        kind: ref,
        detail: name ? localize(name, lang) : editorLabel(ref, lang),
        insertText: ref === "period" && /^\d+$/.test(id) ? `"${id}"` : id,
        ...range,
        sortText: `0${String(i).padStart(4, "0")}`,
      },
      documentation,
    );
  switch (ref) {
    case "unit":
      return (model?.units ?? []).map((u, i) => make(u.id, u.name, () => describeUnit(u, lang), i));
    case "block":
      return (model?.blocks ?? []).map((b, i) => make(b.id, b.name, () => describeBlock(b, lang), i));
    case "indicator":
      return (model?.blocks.flatMap((b) => b.indicators) ?? []).map((ind, i) =>
        make(ind.id, ind.name, model ? () => describeIndicator(ind, model, lang) : undefined, i),
      );
    case "field":
      return (model?.fields ?? []).map((f, i) => make(f.id, f.name, undefined, i));
    case "rating":
      return (model?.ratings ?? []).map((r, i) => make(r.id, r.title, undefined, i));
    case "kind":
      return (model?.unitKinds ?? []).map((k, i) => make(k, undefined, undefined, i));
    case "period":
      return periodLiterals(model, periods).map((p, i) => make(p, undefined, undefined, i));
  }
}

/** The data's periods when known; else the year the ruleset takes effect, its quarters and months. */
export function periodLiterals(model: Ruleset | undefined, periods: readonly string[] | undefined): string[] {
  if (periods && periods.length > 0) return [...periods];
  const year = /^\d{4}/.exec(model?.effective.from ?? "")?.[0] ?? String(new Date().getUTCFullYear());
  const quarters = [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  const months = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, "0")}`);
  return [...quarters, ...months, year];
}

// ── Formulas ──────────────────────────────────────────────────────────────────────────────────────

const KEYWORDS = ["and", "or", "not", "true", "false", "missing"];
const KIND_ORDER: Record<Exclude<Binding["kind"], "score">, string> = {
  value: "0",
  field: "1",
  indicator: "2",
  attribute: "3",
};

function formulaCandidates(formula: FormulaAtPosition, input: CompletionInput): CompletionCandidate[] {
  const { cursor, toFile } = formula;
  if (cursor.inText) return [];
  const { lang, model } = input;
  const start = toFile(cursor.word.start);
  const end = toFile(cursor.word.end);
  const param = activeParameter(formula);
  if (param?.literals)
    return param.literals.map((w, i) => ({
      label: `"${w}"`,
      kind: "enum",
      insertText: `"${w}"`,
      start,
      end,
      sortText: `0${i}`,
    }));
  const bindings = model ? [...rulesetEnvironment(model, formula.scope as FormulaScope).bindings()] : [];
  const onlyFields = param?.fieldName === true;
  const attributesOnly = cursor.word.text.startsWith("unit.");
  const out: CompletionCandidate[] = [];
  for (const b of bindings) {
    // `score(x)` is written as a call; completing the indicator's name inside it is enough.
    if (b.kind === "score") continue;
    if (onlyFields && b.kind !== "field") continue;
    if (attributesOnly && b.kind !== "attribute") continue;
    out.push(
      withDocs(
        {
          label: b.name,
          kind: b.kind,
          detail: bindingDetail(b, lang),
          insertText: b.name,
          start,
          end,
          sortText: `${KIND_ORDER[b.kind]}${b.name}`,
        },
        () => describeBinding(b, model, lang),
      ),
    );
  }
  if (onlyFields || attributesOnly) return out;
  for (const spec of functionRegistry.all()) out.push(functionCandidate(spec, lang, start, end));
  for (const k of KEYWORDS)
    out.push({
      label: k,
      kind: "keyword",
      detail: editorLabel("keyword", lang),
      insertText: k,
      start,
      end,
      sortText: `5${k}`,
    });
  return out;
}

/**
 * In a block's or group's own formula (`aggregation: formula`) only its members' scores are read: inside
 * `score(` the members' ids, elsewhere `score(member)` for each, then the functions and keywords.
 */
function levelCandidates(formula: FormulaAtPosition, input: CompletionInput): CompletionCandidate[] {
  const { cursor, toFile } = formula;
  if (cursor.inText) return [];
  const { lang, model, document } = input;
  const start = toFile(cursor.word.start);
  const end = toFile(cursor.word.end);
  const level = levelOfFormula(document, formula.path, model);
  const inScore = cursor.call?.name === "score" && cursor.call.argument === 0;
  const members = (level ? membersOf(level) : []).map((m, i) => {
    const text = inScore ? m.id : `score(${m.id})`;
    const what = editorLabel("block" in m ? "indicator" : "group", lang);
    return withDocs(
      {
        label: text,
        kind: "block" in m ? ("indicator" as const) : ("block" as const),
        detail: `${localize(m.name, lang) || m.id} (${what})`,
        insertText: text,
        start,
        end,
        sortText: `0${String(i).padStart(4, "0")}`,
      },
      model && "formula" in m && "score" in m ? () => describeIndicator(m, model, lang) : undefined,
    );
  });
  if (inScore) return members;
  const functions = functionRegistry.all().map((spec) => functionCandidate(spec, lang, start, end));
  const keywords = KEYWORDS.map((k) => ({
    label: k,
    kind: "keyword" as const,
    detail: editorLabel("keyword", lang),
    insertText: k,
    start,
    end,
    sortText: `5${k}`,
  }));
  return [...members, ...functions, ...keywords];
}

function bindingDetail(b: Binding, lang: Lang): string {
  const what = editorLabel(b.kind === "score" ? "indicator" : b.kind, lang);
  const name = b.description ? localize(b.description, lang) : "";
  const measure = b.measure ? `, ${b.measure}` : "";
  return name ? `${name} (${what}${measure})` : `${what}${measure}`;
}

function functionCandidate(spec: FunctionSpec, lang: Lang, start: number, end: number): CompletionCandidate {
  const required = spec.parameters.filter((p) => !p.optional);
  const snippet = `${spec.name}(${required.map((p, i) => `\${${i + 1}:${p.name}}`).join(", ")})`;
  return withDocs(
    {
      label: spec.name,
      kind: "function",
      detail: spec.description[lang].split(/(?<=[.!?])\s/)[0] ?? spec.name,
      insertText: `${spec.name}(`,
      snippet,
      start,
      end,
      sortText: `4${spec.name}`,
    },
    () => describeFunction(spec, lang),
  );
}

/** The parameter of the function call that the cursor's argument binds to. */
function activeParameter(formula: FormulaAtPosition) {
  const call = formula.cursor.call;
  const spec = call && functionRegistry.lookup(call.name);
  return spec ? parameterAt(spec, call.argument) : undefined;
}

/** The candidate with a `documentation` property computed on first read. */
function withDocs(candidate: CompletionCandidate, docs: (() => string) | undefined): CompletionCandidate {
  if (!docs) return candidate;
  let text: string | undefined;
  return Object.defineProperty(candidate, "documentation", {
    enumerable: true,
    get: () => {
      text ??= docs();
      return text;
    },
  });
}
