import type { Range } from "../source/range.js";
import type { NodeLocation, RuleDocument } from "./yaml-document.js";

/** JSON pointer -> segments ("/indicators/0/id" -> ["indicators", "0", "id"]). */
export function pointerSegments(path: string): string[] {
  if (path === "") return [];
  return path
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function parentPointer(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "" : path.slice(0, i);
}

/** The value at a pointer in plain data. */
export function valueAt(data: unknown, path: string): unknown {
  let cur = data;
  for (const segment of pointerSegments(path)) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[segment];
  }
  return cur;
}

/** The closest recorded location at or above `path` (an error inside a missing value points at its parent). */
export function locationAt(doc: RuleDocument, path: string): NodeLocation | undefined {
  for (let p = path; ; p = parentPointer(p)) {
    const found = doc.locations.get(p);
    if (found || p === "") return found;
  }
}

/** The range of a value: a scalar's text; a collection's key (or first line when it has none). */
export function valueRange(doc: RuleDocument, path: string): Range {
  const loc = locationAt(doc, path);
  if (!loc) return firstLine(doc);
  if (isCollectionRange(loc) && loc.key) return loc.key;
  if (isCollectionRange(loc)) return firstLineOf(doc, loc.value);
  return loc.value;
}

/** The range of the key holding the value at `path`, else the value's range. */
export function keyRange(doc: RuleDocument, path: string): Range {
  const loc = doc.locations.get(path);
  return loc?.key ?? valueRange(doc, path);
}

/**
 * Where to point for a problem with a whole element (e.g. a missing key): the key that holds it, or for an
 * item of a list its `id`/`block` value, or its first line.
 */
export function elementRange(doc: RuleDocument, path: string): Range {
  const loc = doc.locations.get(path);
  if (loc?.key) return loc.key;
  for (const name of ["id", "block", "ruleset", "units", "fields", "test"]) {
    const child = doc.locations.get(`${path}/${name}`);
    if (child) return name === "id" ? child.value : (child.key ?? child.value);
  }
  return loc ? firstLineOf(doc, loc.value) : firstLine(doc);
}

function isCollectionRange(loc: NodeLocation): boolean {
  return loc.collection === true;
}

function firstLineOf(doc: RuleDocument, range: Range): Range {
  const lineEnd = doc.source.lineText(range.start.line).length + 1;
  const endColumn = range.end.line === range.start.line ? range.end.column : lineEnd;
  return {
    start: range.start,
    end: { offset: range.start.offset + (endColumn - range.start.column), line: range.start.line, column: endColumn },
  };
}

function firstLine(doc: RuleDocument): Range {
  const text = doc.source.lineText(1);
  return doc.source.range(0, text.length);
}

/**
 * The innermost value or key at a file offset, for the language server's hover and completion: its JSON
 * pointer and whether the offset is on the key.
 */
export function pathAtOffset(doc: RuleDocument, offset: number): { path: string; onKey: boolean } | undefined {
  let best: { path: string; onKey: boolean; size: number } | undefined;
  for (const [path, loc] of doc.locations) {
    for (const [range, onKey] of [
      [loc.key, true],
      [loc.value, false],
    ] as const) {
      if (!range || offset < range.start.offset || offset > range.end.offset) continue;
      const size = range.end.offset - range.start.offset;
      if (!best || size < best.size || (size === best.size && onKey)) best = { path, onKey, size };
    }
  }
  return best && { path: best.path, onKey: best.onKey };
}
