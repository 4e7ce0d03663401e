import { isMap, isScalar, type Scalar } from "yaml";
import { CheckCodes } from "../check/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseFormula } from "../formula/parser.js";
import type { Ruleset } from "../model/ruleset.js";
import { parseRuleDocument, type RuleDocument } from "../rules/yaml-document.js";
import { parentPointer, pointerSegments, valueAt } from "../rules/yaml-path.js";
import { decimalEqual, toSignificant } from "../util/decimal-compare.js";
import { documentKind, formulaPlace, positionContext } from "./at-position.js";

/** One replacement in a file, by offsets into its current text. */
export interface OffsetEdit {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A code action the engine proposes: a title, its kind, and edits that passed the engine's check. */
export interface CodeActionProposal {
  readonly title: string;
  readonly kind: "quickfix" | "refactor.rewrite";
  readonly edits: readonly OffsetEdit[];
  /** The diagnostic it fixes, when it fixes one. */
  readonly diagnostic?: Diagnostic;
  readonly preferred?: boolean;
}

export interface CodeActionInput {
  readonly document: RuleDocument;
  /** The requested range, as file offsets (a cursor is an empty range). */
  readonly start: number;
  readonly end: number;
  /** The diagnostics of the file at the range. */
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: Ruleset;
  /** The other documents of the ruleset (where a new field is declared). */
  readonly documents?: readonly RuleDocument[];
}

/**
 * The fixes and rewrites available at a range of a rule file: apply a did-you-mean suggestion or a
 * diagnostic's own fix, add a missing kk/ru name, rescale a block's indicator weights to the block's weight,
 * declare an unknown field, turn a long quoted formula into a block scalar. Every edit is applied and read
 * back (YAML, and the formula it touches) before it is offered: an action never breaks the file.
 */
export function codeActionsAt(input: CodeActionInput): CodeActionProposal[] {
  const out: CodeActionProposal[] = [];
  for (const d of input.diagnostics) {
    out.push(...suggestionFixes(input.document, d), ...ownFix(input.document, d));
    if (d.code === CheckCodes.F200) out.push(...declareField(input, d));
  }
  out.push(...nameStubs(input), ...rescaleBlock(input), ...toBlockScalar(input));
  return out.filter((a) => a.edits.every((e) => e.file !== input.document.file) || readsBack(input.document, a));
}

// ── Did you mean ──────────────────────────────────────────────────────────────────────────────────

/** The names a "did you mean `a`, `b` or `c`?" suggestion offers. */
export function suggestedNames(suggestion: string | undefined): string[] {
  const m = /did you mean (.+)\?/.exec(suggestion ?? "");
  if (!m) return [];
  return [...(m[1] ?? "").matchAll(/`([^`]+)`/g)].map((x) => x[1] ?? "").filter((n) => n !== "");
}

function suggestionFixes(doc: RuleDocument, d: Diagnostic): CodeActionProposal[] {
  if (d.file !== undefined && d.file !== doc.file) return [];
  let start = d.range.start.offset;
  let end = d.range.end.offset;
  const written = doc.text.slice(start, end);
  if (/^(["']).*\1$/.test(written)) {
    start++;
    end--;
  }
  if (start >= end || /[\s:,[\]{}]/.test(doc.text.slice(start, end))) return [];
  return suggestedNames(d.suggestion).map((name, i) => ({
    title: `Change to \`${name}\``,
    kind: "quickfix",
    edits: [{ file: doc.file, start, end, newText: name }],
    diagnostic: d,
    ...(i === 0 ? { preferred: true } : {}),
  }));
}

/** A diagnostic that carries its own fix (a formula's `==` to `=`, a closing quote). */
function ownFix(doc: RuleDocument, d: Diagnostic): CodeActionProposal[] {
  if (!d.fix) return [];
  const edits = d.fix.edits.map((e) => ({
    file: e.file ?? d.file ?? doc.file,
    start: e.range.start.offset,
    end: e.range.end.offset,
    newText: e.newText,
  }));
  return [{ title: d.fix.title, kind: "quickfix", edits, diagnostic: d, preferred: true }];
}

// ── Names ─────────────────────────────────────────────────────────────────────────────────────────

const NAME_KEYS = new Set(["name", "title", "label"]);
/** A stub the author replaces with the translation: no language's words, so nothing untranslated is published. */
const STUB = '"…"';

function nameStubs(input: CodeActionInput): CodeActionProposal[] {
  const { document: doc } = input;
  const path = localizedPathAt(doc, input.start);
  if (path === undefined) return [];
  const value = valueAt(doc.data, path) as Record<string, unknown>;
  const loc = doc.locations.get(path);
  if (!loc || !isMap(loc.node)) return [];
  const out: CodeActionProposal[] = [];
  for (const [lang, words] of [
    ["kk", "Kazakh"],
    ["ru", "Russian"],
  ] as const) {
    if (value[lang] !== undefined) continue;
    const edit = loc.node.flow ? flowInsert(doc, loc.value.end.offset, lang) : blockInsert(doc, path, lang);
    if (edit) out.push({ title: `Add the ${words} text (${lang}) to translate`, kind: "quickfix", edits: [edit] });
  }
  return out;
}

/** The localized mapping (name, title, label) at or around the offset, or the element's name there. */
function localizedPathAt(doc: RuleDocument, offset: number): string | undefined {
  const ctx = positionContext(doc, offset);
  for (let p = ctx.yaml.path; ; p = parentPointer(p)) {
    for (const candidate of [p, `${p}/name`]) {
      const last = pointerSegments(candidate).at(-1) ?? "";
      const value = valueAt(doc.data, candidate);
      if (NAME_KEYS.has(last) && value !== null && typeof value === "object" && !Array.isArray(value)) return candidate;
    }
    if (p === "") return undefined;
  }
}

function flowInsert(doc: RuleDocument, end: number, lang: string): OffsetEdit | undefined {
  const close = doc.text.lastIndexOf("}", end);
  if (close < 0) return undefined;
  let at = close;
  while (at > 0 && doc.text[at - 1] === " ") at--;
  const empty = doc.text[at - 1] === "{";
  return { file: doc.file, start: at, end: at, newText: `${empty ? " " : ", "}${lang}: ${STUB}` };
}

function blockInsert(doc: RuleDocument, path: string, lang: string): OffsetEdit | undefined {
  const keys = Object.keys(valueAt(doc.data, path) as object);
  const order = ["kk", "ru", "en"];
  // After the last language that comes before this one, else before the first key.
  const before = keys.filter((k) => order.indexOf(k) < order.indexOf(lang)).at(-1);
  const anchor = doc.locations.get(`${path}/${before ?? keys[0]}`);
  if (!anchor?.key) return undefined;
  const lineStart = doc.text.lastIndexOf("\n", anchor.key.start.offset - 1) + 1;
  const indent = doc.text.slice(lineStart, anchor.key.start.offset);
  if (!/^ *$/.test(indent)) return undefined;
  const eol = doc.text.includes("\r\n") ? "\r\n" : "\n";
  if (!before) return { file: doc.file, start: lineStart, end: lineStart, newText: `${indent}${lang}: ${STUB}${eol}` };
  const lineEnd = lineEndAfter(doc.text, anchor.value.end.offset);
  return { file: doc.file, start: lineEnd, end: lineEnd, newText: `${eol}${indent}${lang}: ${STUB}` };
}

function lineEndAfter(text: string, offset: number): number {
  const m = /\r?\n|\r/.exec(text.slice(offset));
  return m ? offset + m.index : text.length;
}

// ── Block weights ─────────────────────────────────────────────────────────────────────────────────

function rescaleBlock(input: CodeActionInput): CodeActionProposal[] {
  const doc = input.document;
  if (documentKind(doc) !== "block") return [];
  const data = doc.data as { weight?: unknown; indicators?: unknown };
  const weight = data?.weight;
  const indicators = Array.isArray(data?.indicators) ? (data.indicators as { weight?: unknown }[]) : [];
  if (typeof weight !== "number" || weight <= 0 || indicators.length === 0) return [];
  const weights = indicators.map((i) => i?.weight);
  if (!weights.every((w): w is number => typeof w === "number" && w >= 0)) return [];
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || decimalEqual(sum, weight)) return [];
  const edits: OffsetEdit[] = [];
  for (const [i, w] of weights.entries()) {
    const loc = doc.locations.get(`/indicators/${i}/weight`);
    if (!loc || !isScalar(loc.node)) return [];
    const scaled = toSignificant((w * weight) / sum);
    edits.push({ file: doc.file, start: loc.value.start.offset, end: loc.value.end.offset, newText: String(scaled) });
  }
  return [
    {
      title: `Rescale the indicator weights to add up to the block's weight ${weight} (now ${toSignificant(sum)}); the points each indicator carries stay the same`,
      kind: "refactor.rewrite",
      edits,
    },
  ];
}

// ── A new field ───────────────────────────────────────────────────────────────────────────────────

function declareField(input: CodeActionInput, d: Diagnostic): CodeActionProposal[] {
  const doc = input.document;
  const name = doc.text.slice(d.range.start.offset, d.range.end.offset);
  if (!/^[A-Za-z_\u0400-\u04FF][A-Za-z0-9_\u0400-\u04FF]*$/.test(name)) return [];
  const fields = (input.documents ?? []).find((x) => documentKind(x) === "fields");
  if (!fields) return [];
  const declared = valueAt(fields.data, "/fields");
  if (!Array.isArray(declared) || declared.some((f) => (f as { id?: unknown })?.id === name)) return [];
  const dash = /^( *)- id:/m.exec(fields.text)?.[1] ?? "  ";
  const eol = fields.text.includes("\r\n") ? "\r\n" : "\n";
  const inner = `${dash}  `;
  const lines = [`${dash}- id: ${name}`, `${inner}name:`, `${inner}  kk: ${STUB}`, `${inner}measure: ${STUB}`];
  const end = fields.text.length;
  const lead = end > 0 && !/[\r\n]$/.test(fields.text) ? eol : "";
  const edit: OffsetEdit = { file: fields.file, start: end, end, newText: `${lead}${lines.join(eol)}${eol}` };
  if (!readsBackAs(fields, [edit], (after) => Array.isArray(valueAt(after.data, "/fields")))) return [];
  return [
    {
      title: `Declare the field \`${name}\` in ${fields.file.split(/[\\/]/).at(-1)}`,
      kind: "quickfix",
      edits: [edit],
      diagnostic: d,
    },
  ];
}

// ── Block scalars ─────────────────────────────────────────────────────────────────────────────────

/** Quoted formulas at least this long read better as a block. */
export const LONG_FORMULA = 60;

function toBlockScalar(input: CodeActionInput): CodeActionProposal[] {
  const doc = input.document;
  const ctx = positionContext(doc, input.start);
  const formula = ctx.formula;
  if (!formula) return [];
  const loc = doc.locations.get(formula.path);
  if (!loc?.key || !isScalar(loc.node)) return [];
  const node = loc.node as Scalar;
  if (node.type !== "QUOTE_DOUBLE" && node.type !== "QUOTE_SINGLE") return [];
  const value = String(node.value);
  if (value.length < LONG_FORMULA || /[\r\n]/.test(value) || value !== value.trim()) return [];
  const keyLineStart = doc.text.lastIndexOf("\n", loc.key.start.offset - 1) + 1;
  const keyIndent = /^ */.exec(doc.text.slice(keyLineStart))?.[0].length ?? 0;
  const eol = doc.text.includes("\r\n") ? "\r\n" : "\n";
  const edit: OffsetEdit = {
    file: doc.file,
    start: loc.value.start.offset,
    end: loc.value.end.offset,
    newText: `|-${eol}${" ".repeat(keyIndent + 2)}${value}`,
  };
  if (!readsBackAs(doc, [edit], (after) => valueAt(after.data, formula.path) === value)) return [];
  return [{ title: "Write the formula as a block (`|-`)", kind: "refactor.rewrite", edits: [edit] }];
}

// ── The check every action passes ─────────────────────────────────────────────────────────────────

/** The text with the edits of one file applied (edits do not overlap). */
export function applyEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const YAML_CODES = new Set(["R010", "R011", "R012", "R013", "R014"]);

function readsBackAs(
  doc: RuleDocument,
  edits: readonly OffsetEdit[],
  holds: (after: RuleDocument) => boolean,
): boolean {
  const text = applyEdits(
    doc.text,
    edits.filter((e) => e.file === doc.file),
  );
  const before = parseRuleDocument(doc.file, doc.text).diagnostics.filter((d) => YAML_CODES.has(d.code)).length;
  const after = parseRuleDocument(doc.file, text);
  const errors = after.diagnostics.filter((d) => YAML_CODES.has(d.code)).length;
  return errors <= before && holds(after.document);
}

/** The edited file still reads as YAML, and every formula of it that parsed before still parses. */
function readsBack(doc: RuleDocument, action: CodeActionProposal): boolean {
  const kind = documentKind(doc);
  const formulas = [...doc.locations.keys()].filter((p) => formulaPlace(kind, p) && parses(valueAt(doc.data, p)));
  return readsBackAs(doc, action.edits, (after) => formulas.every((p) => parses(valueAt(after.data, p))));
}

function parses(value: unknown): boolean {
  if (typeof value === "number") return true;
  if (typeof value !== "string") return false;
  return !parseFormula(value).diagnostics.some((d) => d.severity === "error");
}
