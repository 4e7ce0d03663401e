import { pointer } from "../rules/yaml-document.js";

/**
 * Where the cursor is in a block-style YAML file, read from the lines' indentation alone, so that it works on
 * a file that is mid-edit (half a key, an unclosed quote, a line the YAML reader cannot place). The parsed
 * document gives ranges when it has them (see at-position.ts); this gives the path when it cannot.
 */
export interface YamlContext {
  /** JSON pointer of the mapping whose key is being written (onKey), or of the value being written. */
  readonly path: string;
  readonly onKey: boolean;
  /** File offsets of the word being written as a key or a value (start..end, may be empty at the cursor). */
  readonly start: number;
  readonly end: number;
  /** For a value: the offset where the value's text begins on its key's line (after `key: `). */
  readonly valueStart?: number;
  /** For a value: it is a block scalar (`|`, `>`) or a continuation line of a multi-line scalar. */
  readonly multiline?: boolean;
  /** A `- word` line: a value of a list, or the first key of a new item (the schema tells which). */
  readonly item?: boolean;
}

interface Line {
  readonly start: number;
  readonly text: string;
  readonly blank: boolean;
  /** Column of a `- ` item marker. */
  readonly dash?: number;
  /** Column where the line's content (after indentation and the item marker) starts. */
  readonly content: number;
  readonly key?: string;
  /** Column just after the key's colon. */
  readonly colon?: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:"'{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)/;

function readLine(text: string, start: number): Line {
  const indent = /^[ ]*/.exec(text)?.[0].length ?? 0;
  const rest = text.slice(indent);
  if (rest.trim() === "" || rest.startsWith("#")) return { start, text, blank: true, content: indent };
  let content = indent;
  let dash: number | undefined;
  if (/^-(\s|$)/.test(rest)) {
    dash = indent;
    content = indent + 1 + (/^-\s*/.exec(rest)?.[0].length ?? 1) - 1;
  }
  const m = KEY.exec(text.slice(content));
  if (!m) return { start, text, blank: false, content, ...(dash !== undefined ? { dash } : {}) };
  const raw = (m[1] ?? "").trim();
  const key = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
  return {
    start,
    text,
    blank: false,
    content,
    key,
    colon: content + m[0].length,
    ...(dash !== undefined ? { dash } : {}),
  };
}

/** The file split into lines (LF, CRLF or CR), each read once. */
export function readLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push(readLine(text.slice(start, m.index), start));
    start = m.index + m[0].length;
  }
  lines.push(readLine(text.slice(start), start));
  return lines;
}

const isBlockHeader = (value: string) => /^[|>][-+0-9]*\s*(#.*)?$/.test(value.trim());

type Owner = { kind: "key"; line: number } | { kind: "item"; line: number } | { kind: "scalar"; line: number };

/** The line that owns content at column `col` of line `i`: the key it is under, or the item it continues. */
function owner(lines: readonly Line[], i: number, col: number): Owner | undefined {
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j] as Line;
    if (l.blank) continue;
    if (l.content === col && l.dash !== undefined && l.dash < col) return { kind: "item", line: j };
    if (l.content >= col) continue;
    if (l.key !== undefined) {
      const value = l.text.slice(l.colon).trim();
      if (value !== "" && !value.startsWith("#") && !value.startsWith("&")) return { kind: "scalar", line: j };
      return { kind: "key", line: j };
    }
    if (l.dash !== undefined && l.dash < col) return { kind: "item", line: j };
    return undefined;
  }
  return undefined;
}

/** Path segments of the mapping that holds the key at column `col` of line `i`. */
function mappingPath(lines: readonly Line[], i: number, col: number): (string | number)[] {
  const l = lines[i] as Line;
  if (l.dash !== undefined && l.content === col) return itemPath(lines, i);
  const o = owner(lines, i, col);
  if (!o) return [];
  if (o.kind === "item") return itemPath(lines, o.line);
  const key = lines[o.line] as Line;
  return [...mappingPath(lines, o.line, key.content), key.key ?? ""];
}

/** Path of the list item that starts on line `i`: the list's path and the item's index. */
function itemPath(lines: readonly Line[], i: number): (string | number)[] {
  const dash = (lines[i] as Line).dash ?? 0;
  let index = 0;
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j] as Line;
    if (l.blank) continue;
    if (l.dash === dash) {
      index++;
      continue;
    }
    if (l.content > dash) continue;
    // The list's key: less indented, or (an indentless list) at the same column with nothing after the colon.
    if (l.key !== undefined && (l.content < dash || (l.content === dash && l.dash === undefined)))
      return [...mappingPath(lines, j, l.content), l.key, index];
    if (l.dash !== undefined && l.content === dash) return [...itemPath(lines, j), index];
    return [index];
  }
  return [index];
}

/** The YAML context at a file offset, from indentation alone. */
export function yamlContextAt(text: string, offset: number): YamlContext {
  const lines = readLines(text);
  let i = lines.length - 1;
  while (i > 0 && (lines[i] as Line).start > offset) i--;
  const line = lines[i] as Line;
  const col = Math.min(offset - line.start, line.text.length);
  // Inside a block scalar or a continuation of a multi-line value: the value of the key above.
  const o = owner(lines, i, line.blank ? col : line.content);
  if (
    o?.kind === "scalar" ||
    (o?.kind === "key" && isBlockHeader(lines[o.line]?.text.slice(lines[o.line]?.colon) ?? ""))
  ) {
    const key = lines[o.line] as Line;
    const value = key.text.slice(key.colon);
    const multiline = isBlockHeader(value) || col >= (lines[i]?.content ?? 0);
    if (line.blank || line.content > key.content) {
      const path = pointer([...mappingPath(lines, o.line, key.content), key.key ?? ""]);
      const word = wordAround(line.text, col);
      return {
        path,
        onKey: false,
        start: line.start + word.start,
        end: line.start + word.end,
        valueStart: key.start + (key.colon ?? 0) + (value.length - value.trimStart().length),
        multiline,
      };
    }
  }
  if (line.blank) {
    return { path: pointer(mappingPath(lines, i + 0, col)), onKey: true, start: offset, end: offset };
  }
  if (line.key !== undefined && line.colon !== undefined && col >= line.colon) {
    const path = pointer([...mappingPath(lines, i, line.content), line.key]);
    const value = line.text.slice(line.colon);
    const valueStart = line.colon + (value.length - value.trimStart().length);
    const word = wordAround(line.text, col);
    return {
      path,
      onKey: false,
      start: line.start + word.start,
      end: line.start + word.end,
      valueStart: line.start + valueStart,
    };
  }
  if (col < line.content) {
    return { path: pointer(mappingPath(lines, i, col)), onKey: true, start: offset, end: offset };
  }
  // On a key, or a word with no colon yet (half a key): the mapping it belongs to.
  const keyEnd =
    line.key !== undefined ? line.content + (line.key?.length ?? 0) : wordAround(line.text, line.content).end;
  if (line.key === undefined && line.dash !== undefined) {
    // `- word`: an item of a list of values, or the first key of an item being written.
    const word = wordAround(line.text, col);
    return {
      path: pointer(itemPath(lines, i)),
      onKey: false,
      item: true,
      start: line.start + word.start,
      end: line.start + word.end,
      valueStart: line.start + line.content,
    };
  }
  return {
    path: pointer(mappingPath(lines, i, line.content)),
    onKey: true,
    start: line.start + line.content,
    end: line.start + Math.max(keyEnd, col),
  };
}

/** The run of name characters around column `col` (letters, digits, `_`, `-`, `.`). */
export function wordAround(text: string, col: number): { start: number; end: number } {
  const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_.-]/u.test(ch);
  let start = col;
  while (start > 0 && isWord(text[start - 1])) start--;
  let end = col;
  while (end < text.length && isWord(text[end])) end++;
  return { start, end };
}
