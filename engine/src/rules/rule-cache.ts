import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Document, Scalar } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Position, Range } from "../source/range.js";
import { SourceText } from "../source/range.js";
import { type FormulaResult, formulasOf } from "./formula-source.js";
import { pruneRuleCache } from "./rule-cache-prune.js";
import { knownSchemaCheck, rememberSchemaCheck, type SchemaCheck } from "./schema-check.js";
import { type NodeLocation, parseRuleDocument, type RuleDocument, type ScalarFacts } from "./yaml-document.js";

/** What parsing a rule file gives: the document and the YAML reader's diagnostics. */
export type Parsed = { document: RuleDocument; diagnostics: Diagnostic[] };

/**
 * A store of parsed rule files that outlives the process: the CLI parses a file's YAML (and its formulas) once
 * per content, not once per run (the YAML reader is most of a cold `tarazy rate`). Entries are addressed by a hash of the
 * build, the file's path and its text, so a changed file, a moved file or another build of Tarazy never
 * meets an old entry. Every failure (no folder, a read-only folder, a corrupt or foreign entry) reads as a
 * miss: the file is parsed as without a cache.
 */
export interface RuleCache {
  get(file: string, text: string): Parsed | undefined;
  put(file: string, text: string, parsed: Parsed): void;
  /**
   * Writes again the entries whose documents had formulas read or were checked against the schema since, and
   * those not written yet (writeAtFlush); a run calls it at its end.
   */
  flush?(): void;
}

/** parseRuleDocument through `cache`: its entry when it has one, else parsed and stored. */
export function parseThrough(cache: RuleCache | undefined, file: string, text: string): Parsed {
  const known = cache?.get(file, text);
  if (known) return known;
  const parsed = parseRuleDocument(file, text);
  cache?.put(file, text, parsed);
  return parsed;
}

/**
 * One entry on disk: everything of a Parsed but the YAML tree, which is rebuilt from the text if asked. The
 * locations are numbers in one typed array (SLOTS per location), not an object per range: V8's serializer
 * writes every key of every object, and ten thousand ranges made entries of megabytes that took longer to
 * read than the YAML took to parse.
 */
export interface Entry {
  readonly key: string;
  readonly data: unknown;
  /** The locations' JSON pointers, as one JSON text: V8 reads ten thousand short strings slower than JSON does. */
  readonly paths: string;
  readonly numbers: Int32Array;
  /** Per location: the scalar's value (undefined for a mapping or list) and its YAML type. */
  readonly values: unknown[];
  readonly types: (Scalar.Type | undefined)[];
  readonly diagnostics: Diagnostic[];
  /** The document's formulas read when the entry was written (formula-source.ts), as JSON of [path, result] pairs. */
  readonly formulas: string;
  /** What the schema says of the document (schema-check.ts), when the writing process had checked it. */
  readonly schema: SchemaCheck | null;
}

// Slots of one location: value start and end (offset, line, column each), whether there is a key and its
// start and end, what the node is (COLLECTION, SCALAR, or SCALAR_AT with its yaml range in the last three).
const SLOTS = 17;
const COLLECTION = 0;
const SCALAR = 1;
const SCALAR_AT = 2;

function isEntry(entry: unknown, key: string): entry is Entry {
  const e = entry as Partial<Entry> | null;
  return (
    e?.key === key &&
    typeof e.paths === "string" &&
    e.numbers instanceof Int32Array &&
    Array.isArray(e.values) &&
    Array.isArray(e.types) &&
    Array.isArray(e.diagnostics) &&
    typeof e.formulas === "string" &&
    typeof e.schema === "object"
  );
}

/** A parsed file as an entry: plain data, numbers and JSON only (a worker thread sends the same form back). */
export function entryOf(key: string, parsed: Parsed): Entry {
  const { document } = parsed;
  const paths: string[] = [];
  const numbers = new Int32Array(document.locations.size * SLOTS);
  const values: unknown[] = [];
  const types: (Scalar.Type | undefined)[] = [];
  const put = (at: number, p: Position) => numbers.set([p.offset, p.line, p.column], at);
  for (const [path, l] of document.locations) {
    const at = paths.length * SLOTS;
    paths.push(path);
    put(at, l.value.start);
    put(at + 3, l.value.end);
    if (l.key) {
      numbers[at + 6] = 1;
      put(at + 7, l.key.start);
      put(at + 10, l.key.end);
    }
    const range = l.scalar?.range;
    numbers[at + 13] = !l.scalar ? COLLECTION : range ? SCALAR_AT : SCALAR;
    if (range) numbers.set(range, at + 14);
    values.push(l.scalar?.value);
    types.push(l.scalar?.type);
  }
  const diagnostics = parsed.diagnostics;
  const formulas = formulasJson(formulasOf(document));
  const schema = knownSchemaCheck(document) ?? null;
  const data = document.data;
  return { key, data, paths: JSON.stringify(paths), numbers, values, types, diagnostics, formulas, schema };
}

/**
 * The formulas as JSON, or "[]" when one holds what JSON would not give back the same (a number that is not
 * finite, an undefined): those are parsed again at every start rather than read back changed.
 */
function formulasJson(formulas: Map<string, FormulaResult>): string {
  let exact = true;
  const text = JSON.stringify([...formulas], (_key, value: unknown) => {
    if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) exact = false;
    return value;
  });
  return exact ? text : "[]";
}

/** A document from an entry; its YAML tree (`yaml`, each location's `node`) is parsed from the text on first use. */
export function revive(file: string, text: string, entry: Entry): Parsed | undefined {
  let full: RuleDocument | undefined;
  const parsedTree = () => {
    full ??= parseRuleDocument(file, text).document;
    return full;
  };
  const n = entry.numbers;
  const paths = JSON.parse(entry.paths) as unknown;
  if (!Array.isArray(paths) || n.length !== paths.length * SLOTS) return undefined;
  const locations = new Map<string, NodeLocation>();
  paths.forEach((path: string, i) => {
    const at = i * SLOTS;
    const kind = n[at + 13];
    const type = entry.types[i];
    const scalar =
      kind === COLLECTION
        ? undefined
        : {
            value: entry.values[i],
            ...(type ? { type } : {}),
            ...(kind === SCALAR_AT
              ? { range: [n[at + 14] ?? 0, n[at + 15] ?? 0, n[at + 16] ?? 0] as [number, number, number] }
              : {}),
          };
    locations.set(path, new CachedLocation(path, n, at, scalar, parsedTree));
  });
  const document: RuleDocument = {
    file,
    text,
    source: new SourceText(text),
    get yaml(): Document.Parsed | undefined {
      return parsedTree().yaml;
    },
    data: entry.data,
    locations,
  };
  const formulas = JSON.parse(entry.formulas) as unknown;
  if (!Array.isArray(formulas)) return undefined;
  const known = formulasOf(document);
  for (const [path, result] of formulas as [string, FormulaResult][]) known.set(path, result);
  if (entry.schema) rememberSchemaCheck(document, entry.schema);
  return { document, diagnostics: entry.diagnostics };
}

export interface DiskRuleCacheOptions {
  /**
   * Write a new entry at `flush` only, once, with all the process added to it (formulas, the schema's
   * check), rather than at `put` and again at `flush`. For a caller that always calls `flush` at its end
   * (the CLI); a long-lived one (the language server) leaves it off, so that entries are on disk at once.
   */
  readonly writeAtFlush?: boolean;
}

/** A cache in `dir` (created when missing) for the build `build` (a hash of the code that parses). */
export function diskRuleCache(dir: string, build: string, options: DiskRuleCacheOptions = {}): RuleCache {
  let made = false;
  // The documents this cache gave or took, with what their entry on disk holds: its number of formulas
  // (-1 when not written yet), whether it has the schema's check.
  const served: { file: string; text: string; parsed: Parsed; formulas: number; checked: boolean }[] = [];
  const serve = (file: string, text: string, parsed: Parsed, written = true) => {
    const checked = knownSchemaCheck(parsed.document) !== undefined;
    served.push({ file, text, parsed, formulas: written ? formulasOf(parsed.document).size : -1, checked });
  };
  const keyOf = (file: string, text: string) =>
    createHash("sha256").update(build).update("\0").update(file).update("\0").update(text).digest("hex");
  const write = (file: string, text: string, parsed: Parsed) => {
    const key = keyOf(file, text);
    try {
      if (!made) {
        mkdirSync(dir, { recursive: true });
        pruneRuleCache(dir);
      }
      made = true;
      // Written whole under a temporary name, then renamed: a reader never sees half an entry.
      const temp = join(dir, `${key}.${process.pid}.tmp`);
      writeFileSync(temp, serialize(entryOf(key, parsed)));
      renameSync(temp, join(dir, `${key}.v8`));
    } catch {
      // A read-only or full disk: the cache is an optimisation, never a reason to fail.
    }
  };
  return {
    get(file, text) {
      const key = keyOf(file, text);
      try {
        const path = join(dir, `${key}.v8`);
        const entry: unknown = deserialize(readFileSync(path));
        const parsed = isEntry(entry, key) ? revive(file, text, entry) : undefined;
        if (!parsed) return undefined;
        touch(path);
        serve(file, text, parsed);
        return parsed;
      } catch {
        return undefined;
      }
    },
    put(file, text, parsed) {
      // A file without data (empty, or not YAML at all) is cheap to parse, and the loader looks at its YAML
      // tree: leave it out.
      if (parsed.document.data === null) return;
      if (!options.writeAtFlush) write(file, text, parsed);
      serve(file, text, parsed, !options.writeAtFlush);
    },
    flush() {
      for (const s of served) {
        const now = formulasOf(s.parsed.document).size;
        const checked = knownSchemaCheck(s.parsed.document) !== undefined;
        if (now === s.formulas && checked === s.checked) continue;
        write(s.file, s.text, s.parsed);
        s.formulas = now;
        s.checked = checked;
      }
    },
  };
}

/** A read entry's time is set to now, so that pruning removes what is no longer read, not what is old. */
function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // A read-only cache is still read.
  }
}

/**
 * A location read from an entry. Its ranges are made from the entry's numbers when first asked: a warm start
 * reads thousands of locations and asks few of them for a range (a diagnostic's place, a formula's).
 */
class CachedLocation implements NodeLocation {
  readonly collection?: boolean;
  readonly scalar?: ScalarFacts;
  #value: Range | undefined;
  #key: Range | undefined;

  constructor(
    private readonly path: string,
    private readonly numbers: Int32Array,
    private readonly at: number,
    scalar: ScalarFacts | undefined,
    private readonly tree: () => RuleDocument,
  ) {
    if (scalar) this.scalar = scalar;
    else this.collection = true;
  }

  get value(): Range {
    this.#value ??= this.range(this.at);
    return this.#value;
  }

  get key(): Range | undefined {
    if (this.numbers[this.at + 6] !== 1) return undefined;
    this.#key ??= this.range(this.at + 7);
    return this.#key;
  }

  get node() {
    const node = this.tree().locations.get(this.path)?.node;
    if (!node) throw new Error(`rule cache: no node at ${this.path} after parsing again`);
    return node;
  }

  private range(at: number): Range {
    const n = this.numbers;
    const position = (p: number): Position => ({ offset: n[p] ?? 0, line: n[p + 1] ?? 0, column: n[p + 2] ?? 0 });
    return { start: position(at), end: position(at + 3) };
  }
}
