import type { Lang } from "../model/ruleset.js";
import type { RuleDocument } from "../rules/yaml-document.js";
import type { Range } from "../source/range.js";

export type OutlineKind = "ruleset" | "block" | "indicator" | "field" | "unit" | "rating" | "grade" | "test";

/** One element of a rule file, for an editor's outline (document symbols). */
export interface OutlineNode {
  readonly kind: OutlineKind;
  /** The id (a test: its description). */
  readonly name: string;
  /** The element's name in the language asked for (else Kazakh, Russian, English). */
  readonly detail?: string;
  /** The whole element, from its key or list dash to its last value. */
  readonly range: Range;
  /** Its id, inside `range`. */
  readonly selection: Range;
  readonly children: readonly OutlineNode[];
}

/** The lists of elements a rule file may hold, each item named by its `id`. */
const LISTS: readonly [string, OutlineKind][] = [
  ["ratings", "rating"],
  ["grades", "grade"],
  ["units", "unit"],
  ["fields", "field"],
  ["indicators", "indicator"],
];

/** Files whose top-level key names the whole file: it becomes the root holding the file's elements. */
const ROOTS: readonly [string, OutlineKind, string][] = [
  ["ruleset", "ruleset", "title"],
  ["block", "block", "name"],
  ["test", "test", ""],
];

/**
 * The outline of a rule file from its parsed YAML (not the model, so a file with errors still has one): the
 * ruleset, block or test at the root, and its ratings, grades, units, fields and indicators.
 */
export function outlineOf(doc: RuleDocument, lang: Lang): OutlineNode[] {
  const items = LISTS.flatMap(([list, kind]) => listItems(doc, list, kind, lang));
  const data = (doc.data ?? {}) as Record<string, unknown>;
  for (const [key, kind, label] of ROOTS) {
    const id = doc.locations.get(`/${key}`);
    if (!id || typeof data[key] !== "string") continue;
    const whole = doc.source.range(0, doc.text.length);
    const detail = label ? localized(data[label], lang) : undefined;
    return [
      {
        kind,
        name: data[key] as string,
        ...(detail ? { detail } : {}),
        range: whole,
        selection: id.value,
        children: items,
      },
    ];
  }
  return items;
}

function listItems(doc: RuleDocument, list: string, kind: OutlineKind, lang: Lang): OutlineNode[] {
  const out: OutlineNode[] = [];
  const values = (doc.data as Record<string, unknown> | null)?.[list];
  if (!Array.isArray(values)) return out;
  values.forEach((value, i) => {
    const path = `/${list}/${i}`;
    const loc = doc.locations.get(path);
    const id = doc.locations.get(`${path}/id`);
    const item = (value ?? {}) as Record<string, unknown>;
    if (!loc || !id || typeof item.id !== "string") return;
    const detail = localized(item.name ?? item.title ?? item.label, lang);
    out.push({
      kind,
      name: item.id,
      ...(detail ? { detail } : {}),
      range: loc.value,
      selection: id.value,
      children: [],
    });
  });
  return out;
}

function localized(value: unknown, lang: Lang): string | undefined {
  if (!value || typeof value !== "object") return undefined;
  const names = value as Partial<Record<Lang, unknown>>;
  for (const l of [lang, "kk", "ru", "en"] as const) if (typeof names[l] === "string") return names[l] as string;
  return undefined;
}

/** A foldable stretch of lines (1-based, inclusive). */
export interface FoldingLines {
  readonly startLine: number;
  readonly endLine: number;
}

/**
 * Where a rule file folds: every mapping, list and block scalar that spans lines, from its key's line (so a
 * block's `indicators:` and each indicator fold), and every run of two or more comment lines.
 */
export function foldingOf(doc: RuleDocument): FoldingLines[] {
  const out = new Map<number, number>();
  const add = (startLine: number, endLine: number) => {
    if (endLine > startLine && (out.get(startLine) ?? 0) < endLine) out.set(startLine, endLine);
  };
  for (const loc of doc.locations.values()) {
    const start = (loc.key ?? loc.value).start.line;
    const end = loc.value.end;
    add(start, end.column === 1 && end.line > loc.value.start.line ? end.line - 1 : end.line);
  }
  const lines = doc.source.lineStarts.length;
  let run: number | undefined;
  for (let line = 1; line <= lines + 1; line++) {
    const comment = line <= lines && /^\s*#/.test(doc.source.lineText(line));
    if (comment && run === undefined) run = line;
    if (!comment && run !== undefined) {
      add(run, line - 1);
      run = undefined;
    }
  }
  return [...out].map(([startLine, endLine]) => ({ startLine, endLine })).sort((a, b) => a.startLine - b.startLine);
}
