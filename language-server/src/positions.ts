import { fileURLToPath, pathToFileURL } from "node:url";
import type { Position as EnginePosition, Range as EngineRange, SourceText } from "@tarazy/engine";
import type { Position, Range } from "vscode-languageserver";

/**
 * The one conversion between the engine's positions and LSP's. The engine counts lines and columns from 1
 * and its offsets and columns are UTF-16 code units of the JavaScript string; LSP counts from 0 in UTF-16 code
 * units too, so a position converts by subtracting one, whatever the characters (Kazakh, emoji) or line ends.
 * The hard part, where a formula's characters sit inside a YAML scalar, is done by the engine (formulaAt).
 */
export function toLspPosition(p: EnginePosition): Position {
  return { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
}

export function toLspRange(r: EngineRange): Range {
  return { start: toLspPosition(r.start), end: toLspPosition(r.end) };
}

/**
 * The offset (UTF-16 index into the text) of an LSP position; a character past the line's end means the end
 * of the line (before its line break), a line past the last means the end of the text, as LSP asks.
 */
export function toOffset(source: SourceText, p: Position): number {
  const start = source.lineStarts[p.line];
  if (start === undefined) return source.text.length;
  const next = source.lineStarts[p.line + 1] ?? source.text.length;
  let end = next;
  if (end > start && source.text[end - 1] === "\n") end--;
  if (end > start && source.text[end - 1] === "\r") end--;
  return Math.min(start + Math.max(0, p.character), end);
}

/** The engine position of an LSP position. */
export function toEnginePosition(source: SourceText, p: Position): EnginePosition {
  return source.position(toOffset(source, p));
}

/** A file path of a `file:` URI; undefined for other schemes (untitled buffers, git views). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
