import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  parseAllDocuments,
  type YAMLError,
} from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type Range, SourceText } from "../source/range.js";
import { RuleReadCode } from "./codes.js";

/** Expanding aliases is where YAML's resource attacks live; rule files need few, so the limits are low. */
export const MAX_ALIASES = 100;
export const MAX_EXPANDED_NODES = 200_000;

/** Where one value of the document is: its node, its range and, for a mapping entry, its key's range. */
export interface NodeLocation {
  readonly node: Node;
  readonly value: Range;
  readonly key?: Range;
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
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  const all = Array.isArray(docs) ? docs : [];
  const yaml = all[0];
  for (const doc of all) {
    for (const error of doc.errors) diagnostics.push(yamlDiagnostic(file, error, at));
    for (const warning of doc.warnings) diagnostics.push(yamlDiagnostic(file, warning, at));
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
    const converter = new PlainConverter(yaml, file, at, locations, diagnostics);
    data = converter.convert(yaml.contents, "", undefined);
  }
  return { document: { file, text, source, yaml, data, locations }, diagnostics: dedupe(diagnostics) };
}

function yamlDiagnostic(file: string, error: YAMLError, at: (s: number, e: number) => Range): Diagnostic {
  const [start, end] = error.pos;
  const duplicate = error.code === "DUPLICATE_KEY";
  const tab = error.code === "TAB_AS_INDENT";
  return {
    code: duplicate ? RuleReadCode.R011 : error.name === "YAMLWarning" ? RuleReadCode.R014 : RuleReadCode.R010,
    severity: error.name === "YAMLWarning" ? "warning" : "error",
    message: duplicate
      ? "this key is given twice in the same mapping; only the first is used"
      : plainYamlMessage(error),
    file,
    range: at(start, end),
    ...(tab ? { suggestion: "indent with spaces; YAML does not allow tabs for indentation" } : {}),
  };
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

/** JSON pointer escaping, as ajv writes instance paths. */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${pointerSegment(s)}`).join("");
}

/** Turns the YAML tree into plain data (first key wins), expanding aliases within limits, recording locations. */
class PlainConverter {
  private aliases = 0;
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
      this.locations.set(path, { node, value: this.at(start, end), ...(key ? { key } : {}) });
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
      const value =
        pair.value === null ? this.emptyValue(childPath, keyRange) : this.convert(pair.value, childPath, keyRange);
      Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
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
      this.locations.set(path, { node: this.doc.createNode(null), value: { start: end, end }, key });
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
