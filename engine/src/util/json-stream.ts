/**
 * `JSON.stringify(value, null, 2)` handed to `write` in pieces of about `chunk` characters, the same bytes.
 * The default piece is 64 K characters: a string (and its buffer) of a megabyte or more is allocated outside
 * the young heap, in fresh pages each time, and filling them cost about 0.6 s of CPU more over the 126 MB of
 * a 3,000-unit rating (page faults), against nothing for pieces that the young heap reuses.
 *
 * Why: a rating of 3,000 units prints about 126 MB of JSON. As one string it is built whole, then turned into
 * a buffer of the same size for the write, beside all the data (2.4 s of CPU and 250 MB at its peak). Here
 * the outer arrays and objects are walked (to depth SPLIT) and each value below that (a unit's indicator
 * records, say) is stringified on its own, already indented for its depth, so no piece is large and the
 * garbage of each is short-lived.
 *
 * What JSON.stringify does is kept: properties whose value is undefined, a function or a symbol are left
 * out, such array elements become null, `toJSON` is called (once, with the key, as JSON.stringify does).
 */
export function writeJson(value: unknown, write: (text: string) => void, chunk = 1 << 16): void {
  for (const piece of jsonPieces(value, chunk)) write(piece);
}

/**
 * The same pieces one at a time, so that a writer can wait between them: stdout into a pipe takes what the
 * reader has not read yet into memory (240 MB more at the peak of a 3,000-unit rating), unless the writer
 * waits for it to drain.
 */
export function* jsonPieces(value: unknown, chunk = 1 << 16): Generator<string, void, undefined> {
  const sink = new Sink(chunk);
  const resolved = toJson(value, "");
  if (omitted(resolved)) return;
  yield* emit(resolved, 0, sink);
  if (sink.size > 0) yield sink.take();
}

/** Depth down to which objects and arrays are walked here (deeper ones are JSON.stringify's). */
const SPLIT = 3;

/** Writes a value whose own toJSON, if any, has been applied; yields each piece as it fills. */
function* emit(value: unknown, depth: number, sink: Sink): Generator<string, void, undefined> {
  if (depth >= SPLIT || !isPlain(value)) {
    if (sink.push(atDepth(value, depth))) yield sink.take();
    return;
  }
  const inner = indent(depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      if (sink.push("[]")) yield sink.take();
      return;
    }
    sink.push("[");
    for (let i = 0; i < value.length; i++) {
      const item = toJson(value[i], String(i));
      sink.push(i === 0 ? `\n${inner}` : `,\n${inner}`);
      if (omitted(item)) sink.push("null");
      else yield* emit(item, depth + 1, sink);
    }
    if (sink.push(`\n${indent(depth)}]`)) yield sink.take();
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const item = toJson((value as Record<string, unknown>)[key], key);
    if (omitted(item)) continue;
    sink.push(`${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `);
    first = false;
    yield* emit(item, depth + 1, sink);
  }
  if (sink.push(first ? "{}" : `\n${indent(depth)}}`)) yield sink.take();
}

/** An array or a plain object (boxed numbers, maps and class instances are left to JSON.stringify whole). */
function isPlain(value: unknown): value is object {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** The value JSON.stringify writes for `value` under `key`: what its toJSON returns, if it has one. */
function toJson(value: unknown, key: string): unknown {
  if (value === null || typeof value !== "object") return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  return typeof toJSON === "function" ? toJSON.call(value, key) : value;
}

function indent(depth: number): string {
  return "  ".repeat(depth);
}

/**
 * The value's JSON as it reads at `depth`: stringified inside `depth` arrays, which indent it, and cut out
 * of them (`[\n  [\n    ` before it, `\n  ]\n]` after it at depth 2).
 */
function atDepth(value: unknown, depth: number): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(depth * depth + 3 * depth, text.length - (depth * depth + depth));
}

/** Gathers pieces until they make about `chunk` characters. */
class Sink {
  private pieces: string[] = [];
  size = 0;

  constructor(private readonly chunk: number) {}

  /** Adds a piece; true when the pieces gathered should be taken. */
  push(text: string): boolean {
    this.pieces.push(text);
    this.size += text.length;
    return this.size >= this.chunk;
  }

  take(): string {
    const text = this.pieces.join("");
    this.pieces = [];
    this.size = 0;
    return text;
  }
}
