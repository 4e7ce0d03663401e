import {
  Composer,
  type CST,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  Parser,
  type Scalar,
  type YAMLError,
} from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type Range, SourceText } from "../source/range.js";
import { RuleReadCode } from "./codes.js";
import { firstTooDeep, MAX_NESTING } from "./yaml-nesting.js";

/** Expanding aliases is where YAML's resource attacks live; rule files need few, so the limits are low. */
export const MAX_ALIASES = 100;
export const MAX_EXPANDED_NODES = 200_000;

/** What the loader reads of a scalar node, as plain data (see NodeLocation). */
export interface ScalarFacts {
  readonly value: unknown;
  readonly type?: Scalar.Type;
  readonly range?: [number, number, number] | null;
}

/**
 * Where one value of the document is: its node, its range and, for a mapping entry, its key's range. The
 * loader reads only the plain facts (`scalar` for a scalar, `collection` for a mapping or list), never the
 * node: a document from the rule cache (rule-cache.ts) has no YAML tree until something asks for a node.
 */
export interface NodeLocation {
  readonly node: Node;
  readonly value: Range;
  readonly key?: Range;
  readonly scalar?: ScalarFacts;
  readonly collection?: boolean;
}

/**
 * One parsed rule file. Kept whole for the language server: the YAML document (with every node's range),
 * the plain data the schema validates, and where each value of that data came from, by JSON pointer
 * (the same pointers ajv reports, e.g. "/indicators/0/score/method").
 */
export interface RuleDocument {
  readonly file: string;
  readonly text: string;
  readonly source: SourceText;
  readonly yaml?: Document.Parsed;
  readonly data: unknown;
  readonly locations: ReadonlyMap<string, NodeLocation>;
}

/** Parses one file's text; every YAML problem becomes a diagnostic at its place. */
export function parseRuleDocument(file: string, text: string): { document: RuleDocument; diagnostics: Diagnostic[] } {
  const source = new SourceText(text);
  const diagnostics: Diagnostic[] = [];
  const at = (start: number, end: number) => source.range(start, Math.max(start, end));
  const nested = readDocuments(text);
  const all = nested.documents;
  const yaml = all[0];
  if (nested.tooDeepAt !== undefined) diagnostics.push(tooDeep(file, at(nested.tooDeepAt, nested.tooDeepAt + 1)));
  // After a syntax error the reader's recovery guesses, and its further errors are mostly echoes of the
  // first: report the first syntax error of the file (duplicate keys and warnings are independent).
  let syntaxReported = false;
  for (const doc of all) {
    for (const error of doc.errors) {
      const syntax = error.code !== "DUPLICATE_KEY";
      if (syntax && syntaxReported) continue;
      syntaxReported ||= syntax;
      diagnostics.push(yamlDiagnostic(file, error, at, text));
    }
    for (const warning of doc.warnings) diagnostics.push(yamlDiagnostic(file, warning, at, text));
  }
  const second = all[1];
  if (second) {
    const start = second.range[0];
    diagnostics.push({
      code: RuleReadCode.R013,
      severity: "error",
      message: "a second YAML document starts here (after `---`); a rule file holds one document, the rest is not read",
      file,
      range: at(start, start + 3),
      suggestion: "move the second document to a file of its own and list it in `include`",
    });
  }
  const locations = new Map<string, NodeLocation>();
  let data: unknown = null;
  if (yaml?.contents) {
    // After a syntax error, odd keys are the reader's recovery at work, not the author's: stay quiet on them.
    const converter = new PlainConverter(yaml, file, at, locations, syntaxReported ? [] : diagnostics);
    data = converter.convert(yaml.contents, "", undefined);
  }
  return { document: { file, text, source, yaml, data, locations }, diagnostics: dedupe(diagnostics) };
}

/**
 * The file's YAML documents. A document nested deeper than MAX_NESTING is not composed (the composer
 * recurses, and a few thousand levels exhaust the call stack): it is read as empty, and where it went too
 * deep is returned.
 */
function readDocuments(text: string): { documents: Document.Parsed[]; tooDeepAt?: number } {
  let tooDeepAt: number | undefined;
  function* checked(tokens: Generator<CST.Token>): Generator<CST.Token> {
    for (const token of tokens) {
      if (token.type !== "document" || tooDeepAt !== undefined) {
        yield token;
        continue;
      }
      const deep = firstTooDeep(token);
      if (deep === undefined) yield token;
      else {
        tooDeepAt = deep;
        const { value: _dropped, ...empty } = token;
        yield empty;
      }
    }
  }
  const composer = new Composer({ uniqueKeys: true });
  const documents = Array.from(composer.compose(checked(new Parser().parse(text))));
  return { documents, ...(tooDeepAt !== undefined ? { tooDeepAt } : {}) };
}

function tooDeep(file: string, range: Range): Diagnostic {
  return {
    code: RuleReadCode.R018,
    severity: "error",
    message: `lists and mappings are nested more than ${MAX_NESTING} levels here; the file is not read`,
    file,
    range,
    suggestion: "remove the extra brackets or indentation levels: a rule file needs only a few",
  };
}

function yamlDiagnostic(file: string, error: YAMLError, at: (s: number, e: number) => Range, text: string): Diagnostic {
  const [start, end] = error.pos;
  if (error.code === "DUPLICATE_KEY")
    return {
      code: RuleReadCode.R011,
      severity: "error",
      message: "this key is given twice in the same mapping; only the first is used",
      file,
      range: at(start, end),
      suggestion: "keep one of the two",
    };
  if (error.name === "YAMLWarning")
    return {
      code: RuleReadCode.R014,
      severity: "warning",
      message: plainYamlMessage(error),
      file,
      range: at(start, end),
    };
  const closer = /end with a ([}\]])/.exec(error.message)?.[1];
  const open = closer === "}" ? "{" : "[";
  const opener = closer ? unclosedBracket(text, start, open, closer) : undefined;
  if (closer && opener !== undefined)
    return {
      code: RuleReadCode.R010,
      severity: "error",
      message: `this \`${open}\` is never closed with \`${closer}\``,
      file,
      range: at(opener, opener + 1),
      related: [{ message: "the YAML reader noticed here", file, range: at(start, end) }],
      suggestion:
        commentHint(text, opener) ?? `add \`${closer}\` where the ${closer === "}" ? "mapping" : "list"} ends`,
    };
  return {
    code: RuleReadCode.R010,
    severity: "error",
    message: plainYamlMessage(error),
    file,
    range: at(start, end),
    ...(error.code === "TAB_AS_INDENT"
      ? { suggestion: "indent with spaces; YAML does not allow tabs for indentation" }
      : {}),
  };
}

/**
 * The offset of the `{` or `[` left open before `from`, skipping the pairs closed in between and what
 * comments and quoted texts hold (a `}` after `#` is no bracket).
 */
function unclosedBracket(text: string, from: number, open: string, close: string): number | undefined {
  let depth = 0;
  let lineEnd = Math.min(from, text.length);
  while (lineEnd > 0) {
    const lineStart = text.lastIndexOf("\n", lineEnd - 1) + 1;
    const code = codePart(text.slice(lineStart, lineEnd));
    for (let i = code.length - 1; i >= 0; i--) {
      const ch = code[i];
      if (ch === close) depth++;
      else if (ch === open) {
        if (depth === 0) return lineStart + i;
        depth--;
      }
    }
    lineEnd = lineStart - 1;
  }
  return undefined;
}

/** A line without its comment, quoted texts blanked out (same length, so offsets stay). */
function codePart(line: string): string {
  let out = "";
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote) {
      out += " ";
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      out += " ";
    } else if (ch === "#" && (i === 0 || /\s/.test(line[i - 1] ?? ""))) break;
    else out += ch;
  }
  return out;
}

/** `color: #2e7d32` in a flow mapping: a # after a space starts a comment that swallows the closing `}`. */
function commentHint(text: string, offset: number): string | undefined {
  const lineEnd = text.indexOf("\n", offset);
  const line = text.slice(offset, lineEnd < 0 ? undefined : lineEnd);
  return /\s#/.test(line)
    ? 'a # after a space starts a comment, which hides the rest of the line: put values with # in quotes, e.g. color: "#2e7d32"'
    : undefined;
}

/** The yaml package's message, first letter lowered, without the code excerpt it may append. */
function plainYamlMessage(error: YAMLError): string {
  const first = error.message.split("\n")[0] ?? error.message;
  const text = first.replace(/ at line \d+, column \d+:?$/, "").trim();
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}:${d.range.start.offset}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function facts(node: Node): Pick<NodeLocation, "scalar" | "collection"> {
  if (!isScalar(node)) return { collection: true };
  const { value, type, range } = node;
  return { scalar: { value, ...(type ? { type } : {}), ...(range ? { range } : {}) } };
}

/** JSON pointer escaping, as ajv writes instance paths. */
export function pointerSegment(key: string | number): string {
  const text = String(key);
  // Most keys need no escape: skip the two replacements (one per key of every rule file).
  if (!text.includes("~") && !text.includes("/")) return text;
  return text.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${pointerSegment(s)}`).join("");
}

/** Turns the YAML tree into plain data (first key wins), expanding aliases within limits, recording locations. */
class PlainConverter {
  private aliases = 0;
  /** Set when an alias had no anchor: the key holding it is left out rather than read as empty. */
  private unresolved = false;
  private nodes = 0;
  private exhausted = false;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly file: string,
    private readonly at: (s: number, e: number) => Range,
    private readonly locations: Map<string, NodeLocation>,
    private readonly diagnostics: Diagnostic[],
  ) {}

  convert(node: unknown, path: string, key: Range | undefined): unknown {
    if (this.exhausted) return null;
    if (++this.nodes > MAX_EXPANDED_NODES) return this.exhaust(node, "the file expands to too many values");
    if (isAlias(node)) return this.alias(node, path, key);
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return null;
    const [start, end] = node.range ?? [0, 0];
    if (!this.locations.has(path))
      this.locations.set(path, { node, value: this.at(start, end), ...(key ? { key } : {}), ...facts(node) });
    if (isScalar(node)) return this.scalar(node);
    if (isSeq(node)) return node.items.map((item, i) => this.convert(item, `${path}/${i}`, undefined));
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const name = this.keyName(pair.key);
      if (name === undefined || Object.hasOwn(out, name)) continue;
      const keyNode = pair.key as Node | null;
      const keyRange = keyNode?.range ? this.at(keyNode.range[0], keyNode.range[1]) : undefined;
      const childPath = `${path}/${pointerSegment(name)}`;
      this.unresolved = false;
      const value =
        pair.value === null ? this.emptyValue(childPath, keyRange) : this.convert(pair.value, childPath, keyRange);
      if (this.unresolved && isAlias(pair.value)) continue;
      // An own `__proto__` key needs defineProperty (assigning it would set the prototype); defining every key
      // that way made reading 5,000 indicators measurably slower.
      if (name === "__proto__")
        Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
      else out[name] = value;
    }
    return out;
  }

  private alias(
    node: Node & { source: string; resolve: (doc: Document.Parsed) => unknown },
    path: string,
    key?: Range,
  ): unknown {
    const [start, end] = node.range ?? [0, 0];
    if (++this.aliases > MAX_ALIASES)
      return this.exhaust(node, `the file uses more than ${MAX_ALIASES} aliases (*name)`);
    const target = node.resolve(this.doc);
    if (target === undefined) {
      this.unresolved = true;
      this.diagnostics.push({
        code: RuleReadCode.R010,
        severity: "error",
        message: `the alias *${node.source} refers to no anchor &${node.source} before it`,
        file: this.file,
        range: this.at(start, end),
      });
      return null;
    }
    return this.convert(target, path, key);
  }

  /** `key:` with nothing after it: null, located at the end of the key so errors point there. */
  private emptyValue(path: string, key: Range | undefined): null {
    if (key && !this.locations.has(path)) {
      const { end } = key;
      this.locations.set(path, {
        node: this.doc.createNode(null),
        value: { start: end, end },
        key,
        scalar: { value: null },
      });
    }
    return null;
  }

  private scalar(node: { value: unknown; range?: [number, number, number] | null }): unknown {
    const v = node.value;
    if (typeof v === "number" && !Number.isFinite(v)) {
      const [start, end] = node.range ?? [0, 0];
      this.diagnostics.push({
        code: RuleReadCode.R010,
        severity: "error",
        message: "infinite or not-a-number values (.inf, .nan) are not allowed in rule files",
        file: this.file,
        range: this.at(start, end),
      });
      return null;
    }
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
    if (typeof v === "bigint") return Number(v);
    return String(v);
  }

  private keyName(key: unknown): string | undefined {
    if (isScalar(key)) return key.value === null ? "" : String(key.value);
    if (isAlias(key)) return this.keyName(key.resolve(this.doc));
    const range = (key as Node | null)?.range;
    if (range)
      this.diagnostics.push({
        code: RuleReadCode.R010,
        severity: "error",
        message: "a key must be a single word, not a list or mapping",
        file: this.file,
        range: this.at(range[0], range[1]),
      });
    return undefined;
  }

  private exhaust(node: unknown, why: string): null {
    this.exhausted = true;
    const range = (node as Node).range ?? [0, 0];
    this.diagnostics.push({
      code: RuleReadCode.R012,
      severity: "error",
      message: `${why}; reading stopped here`,
      file: this.file,
      range: this.at(range[0], range[1]),
      suggestion: "write the values out instead of nesting aliases",
    });
    return null;
  }
}
