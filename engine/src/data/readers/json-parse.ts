/**
 * JSON with the offset of every value and key, so that a bad value in a data file is reported at its line
 * and column (JSON.parse keeps no positions). Strict RFC 8259; nesting deeper than MAX_DEPTH is refused so
 * that no input can exhaust the stack.
 */
export type JsonNode =
  | { readonly type: "object"; readonly start: number; readonly end: number; readonly entries: readonly JsonEntry[] }
  | { readonly type: "array"; readonly start: number; readonly end: number; readonly items: readonly JsonNode[] }
  | { readonly type: "string"; readonly start: number; readonly end: number; readonly value: string }
  | { readonly type: "number"; readonly start: number; readonly end: number; readonly value: number }
  | { readonly type: "boolean"; readonly start: number; readonly end: number; readonly value: boolean }
  | { readonly type: "null"; readonly start: number; readonly end: number };

export interface JsonEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: JsonNode;
}

export type JsonParse =
  | { readonly ok: true; readonly node: JsonNode }
  | { readonly ok: false; readonly offset: number; readonly message: string };

const MAX_DEPTH = 64;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseJson(text: string): JsonParse {
  const p = new Parser(text);
  try {
    p.skipSpace();
    const node = p.value(0);
    p.skipSpace();
    if (p.i < text.length) p.fail(`unexpected ${p.describe()} after the end of the JSON value`);
    return { ok: true, node };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, offset: e.offset, message: e.message };
    throw e;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

class Parser {
  i = 0;
  constructor(private readonly text: string) {}

  fail(message: string, at = this.i): never {
    throw new JsonSyntaxError(at, message);
  }

  describe(): string {
    if (this.i >= this.text.length) return "end of file";
    return `character '${this.text[this.i]}'`;
  }

  skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else return;
    }
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(`the JSON is nested more than ${MAX_DEPTH} levels deep`);
    const start = this.i;
    const c = this.text[this.i];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"') return { type: "string", start, value: this.string(), end: this.i };
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
    for (const [word, node] of [
      ["true", { type: "boolean", value: true }],
      ["false", { type: "boolean", value: false }],
      ["null", { type: "null" }],
    ] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return { ...node, start, end: this.i } as JsonNode;
      }
    }
    return this.fail(`expected a value but found ${this.describe()}`);
  }

  private number(): JsonNode {
    const start = this.i;
    NUMBER.lastIndex = start;
    const m = NUMBER.exec(this.text);
    if (!m) return this.fail("a number is not written as JSON requires");
    this.i = start + m[0].length;
    return { type: "number", start, end: this.i, value: Number(m[0]) };
  }

  private string(): string {
    const open = this.i;
    this.i++;
    let out = "";
    let from = this.i;
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (Number.isNaN(c)) this.fail("this string is never closed", open);
      if (c === 34) {
        out += this.text.slice(from, this.i);
        this.i++;
        return out;
      }
      if (c < 32) this.fail("a line break or control character inside a string must be escaped (\\n)");
      if (c === 92) {
        out += this.text.slice(from, this.i);
        const e = this.text[this.i + 1] ?? "";
        if (e === "u") {
          const hex = this.text.slice(this.i + 2, this.i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("\\u must be followed by four hex digits");
          out += String.fromCharCode(Number.parseInt(hex, 16));
          this.i += 6;
        } else {
          const ch = ESCAPES[e];
          if (ch === undefined) this.fail(`\\${e} is not a JSON escape`);
          out += ch;
          this.i += 2;
        }
        from = this.i;
        continue;
      }
      this.i++;
    }
  }

  private array(depth: number): JsonNode {
    const start = this.i;
    this.i++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.i] === "]") {
      this.i++;
      return { type: "array", start, end: this.i, items };
    }
    for (;;) {
      this.skipSpace();
      items.push(this.value(depth + 1));
      this.skipSpace();
      const c = this.text[this.i];
      this.i++;
      if (c === "]") return { type: "array", start, end: this.i, items };
      if (c !== ",") this.fail(`expected , or ] but found ${c === undefined ? "end of file" : `'${c}'`}`, this.i - 1);
      this.skipSpace();
      if (this.text[this.i] === "]") this.fail("a comma before ] is not allowed in JSON");
    }
  }

  private object(depth: number): JsonNode {
    const start = this.i;
    this.i++;
    const entries: JsonEntry[] = [];
    this.skipSpace();
    if (this.text[this.i] === "}") {
      this.i++;
      return { type: "object", start, end: this.i, entries };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] !== '"') {
        this.fail(
          this.text[this.i] === "}" ? "a comma before } is not allowed in JSON" : "expected a key in double quotes",
        );
      }
      const keyStart = this.i;
      const key = this.string();
      const keyEnd = this.i;
      this.skipSpace();
      if (this.text[this.i] !== ":") this.fail(`expected : after the key "${key}"`);
      this.i++;
      this.skipSpace();
      entries.push({ key, keyStart, keyEnd, value: this.value(depth + 1) });
      this.skipSpace();
      const c = this.text[this.i];
      this.i++;
      if (c === "}") return { type: "object", start, end: this.i, entries };
      if (c !== ",") this.fail(`expected , or } but found ${c === undefined ? "end of file" : `'${c}'`}`, this.i - 1);
    }
  }
}
