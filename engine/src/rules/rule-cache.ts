import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Document } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Range } from "../source/range.js";
import { SourceText } from "../source/range.js";
import { type NodeLocation, parseRuleDocument, type RuleDocument, type ScalarFacts } from "./yaml-document.js";

/** What parsing a rule file gives: the document and the YAML reader's diagnostics. */
export type Parsed = { document: RuleDocument; diagnostics: Diagnostic[] };

/**
 * A store of parsed rule files that outlives the process: the CLI parses a file's YAML once per content,
 * not once per run (the YAML reader is most of a cold `tarazy rate`). Entries are addressed by a hash of the
 * build, the file's path and its text, so a changed file, a moved file or another build of Tarazy never
 * meets an old entry. Every failure (no folder, a read-only folder, a corrupt or foreign entry) reads as a
 * miss: the file is parsed as without a cache.
 */
export interface RuleCache {
  get(file: string, text: string): Parsed | undefined;
  put(file: string, text: string, parsed: Parsed): void;
}

/** parseRuleDocument through `cache`: its entry when it has one, else parsed and stored. */
export function parseThrough(cache: RuleCache | undefined, file: string, text: string): Parsed {
  const known = cache?.get(file, text);
  if (known) return known;
  const parsed = parseRuleDocument(file, text);
  cache?.put(file, text, parsed);
  return parsed;
}

/** One entry on disk: everything of a Parsed but the YAML tree, which is rebuilt from the text if asked. */
interface Entry {
  readonly key: string;
  readonly data: unknown;
  readonly locations: [string, Range, Range | undefined, ScalarFacts | undefined][];
  readonly diagnostics: Diagnostic[];
}

/** A cache in `dir` (created when missing) for the build `build` (a hash of the code that parses). */
export function diskRuleCache(dir: string, build: string): RuleCache {
  let made = false;
  const keyOf = (file: string, text: string) =>
    createHash("sha256").update(build).update("\0").update(file).update("\0").update(text).digest("hex");
  return {
    get(file, text) {
      const key = keyOf(file, text);
      try {
        const entry = deserialize(readFileSync(join(dir, `${key}.v8`))) as Entry;
        return entry?.key === key && Array.isArray(entry.locations) ? revive(file, text, entry) : undefined;
      } catch {
        return undefined;
      }
    },
    put(file, text, parsed) {
      // A file without data (empty, or not YAML at all) is cheap to parse and its document is checked for
      // its YAML tree: leave it out.
      if (parsed.document.data === null) return;
      const key = keyOf(file, text);
      const entry: Entry = {
        key,
        data: parsed.document.data,
        locations: flat(parsed.document),
        diagnostics: parsed.diagnostics,
      };
      try {
        if (!made) mkdirSync(dir, { recursive: true });
        made = true;
        // Written whole under a temporary name, then renamed: a reader never sees half an entry.
        const temp = join(dir, `${key}.${process.pid}.tmp`);
        writeFileSync(temp, serialize(entry));
        renameSync(temp, join(dir, `${key}.v8`));
      } catch {
        // A read-only or full disk: the cache is an optimisation, never a reason to fail.
      }
    },
  };
}

function flat(doc: RuleDocument): Entry["locations"] {
  return [...doc.locations].map(([path, l]) => [path, l.value, l.key, l.scalar]);
}

/** A document from an entry; its YAML tree (`yaml`, each location's `node`) is parsed from the text on first use. */
function revive(file: string, text: string, entry: Entry): Parsed {
  let full: RuleDocument | undefined;
  const parsedTree = () => {
    full ??= parseRuleDocument(file, text).document;
    return full;
  };
  const locations = new Map<string, NodeLocation>();
  for (const [path, value, key, scalar] of entry.locations)
    locations.set(path, new CachedLocation(path, value, key, scalar, parsedTree));
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
  return { document, diagnostics: entry.diagnostics };
}

class CachedLocation implements NodeLocation {
  readonly collection?: boolean;
  readonly key?: Range;
  readonly scalar?: ScalarFacts;

  constructor(
    private readonly path: string,
    readonly value: Range,
    key: Range | undefined,
    scalar: ScalarFacts | undefined,
    private readonly tree: () => RuleDocument,
  ) {
    if (key) this.key = key;
    if (scalar) this.scalar = scalar;
    else this.collection = true;
  }

  get node() {
    const node = this.tree().locations.get(this.path)?.node;
    if (!node) throw new Error(`rule cache: no node at ${this.path} after parsing again`);
    return node;
  }
}
