import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { serialize } from "node:v8";
import { afterEach, describe, expect, test } from "vitest";
import { isScalar } from "yaml";
import { cliCacheDir as ruleCacheDir } from "../../src/cli/cache-option.js";
import { type FormulaResult, formulasOf } from "../../src/rules/formula-source.js";
import { type LoadResult, loadVersion } from "../../src/rules/load.js";
import { yamlFilesUnder } from "../../src/rules/read.js";
import { diskRuleCache, parseThrough, type RuleCache } from "../../src/rules/rule-cache.js";
import { knownSchemaCheck } from "../../src/rules/schema-check.js";
import { parseRuleDocument, type RuleDocument } from "../../src/rules/yaml-document.js";

const ENGINE = join(import.meta.dirname, "..", "..");
const RULES = join(ENGINE, "..", "rules", "turkistan");

/** Every version folder of the three Turkistan rulesets and every broken ruleset of the test corpus. */
const VERSIONS = [
  ...["districts/2025.1", "districts/2026.1", "departments/2026.1", "procurement/2026.1"].map((v) => join(RULES, v)),
  ...yamlFilesUnder(join(ENGINE, "test"))
    .filter((f) => f.endsWith("/ruleset.yaml"))
    .map((f) => dirname(f)),
];

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tarazy-rule-cache-"));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A cache that counts the entries it gave back. */
function counting(cache: RuleCache): RuleCache & { hits: number } {
  const counted = {
    hits: 0,
    get: (file: string, text: string) => {
      const found = cache.get(file, text);
      if (found) counted.hits++;
      return found;
    },
    put: cache.put,
  };
  return counted;
}

const load = (folder: string, cache?: RuleCache) =>
  loadVersion(folder, { parse: (file, text) => parseThrough(cache, file, text) });

/** What a command shows of a load: its problems, the model, the files read. */
const shown = (r: LoadResult) => ({ diagnostics: r.diagnostics, model: r.model, files: r.files, version: r.version });

describe("the rule cache gives what parsing gives", () => {
  test("every Turkistan version and every corpus ruleset: the same diagnostics and model, read from the cache", () => {
    const dir = tempDir();
    let hits = 0;
    for (const folder of VERSIONS) {
      const fresh = load(folder);
      const first = load(folder, diskRuleCache(dir, "build-a"));
      const cache = counting(diskRuleCache(dir, "build-a"));
      const cached = load(folder, cache);
      expect(shown(first)).toEqual(shown(fresh));
      expect(shown(cached)).toEqual(shown(fresh));
      hits += cache.hits;
    }
    // The second loads read (nearly) every file from the cache: all but the empty ones, which are not kept.
    expect(hits).toBeGreaterThan(VERSIONS.length * 2);
    expect(readdirSync(dir).length).toBeGreaterThan(40);
  });

  test("after a flush, cached documents bring their formulas (ASTs and diagnostics) and schema check, the same as parsing and checking give", () => {
    let brought = 0;
    let checks = 0;
    let reported = 0;
    for (const folder of VERSIONS) {
      const dir = tempDir();
      const fresh = new Map<string, RuleDocument>();
      const writer = diskRuleCache(dir, "b");
      const first = loadVersion(folder, {
        parse: (file, text) => {
          const parsed = parseThrough(writer, file, text);
          fresh.set(file, parsed.document);
          return parsed;
        },
      });
      writer.flush?.();
      const reader = diskRuleCache(dir, "b");
      const cached = loadVersion(folder, {
        parse: (file, text) => {
          const parsed = parseThrough(reader, file, text);
          const own = fresh.get(file);
          // What the document came with from disk, before the load read any formula of it.
          const known = [...formulasOf(parsed.document)];
          if (own && known.length > 0) expect(known).toEqual([...formulasOf(own)]);
          brought += known.length;
          // Its schema check, likewise: the load validates nothing that the cache answers.
          const check = knownSchemaCheck(parsed.document);
          if (own && check) expect(check).toEqual(knownSchemaCheck(own));
          checks += check ? 1 : 0;
          reported += check?.reported?.length ?? 0;
          return parsed;
        },
      });
      expect(shown(cached)).toEqual(shown(first));
      expect(shown(cached)).toEqual(shown(load(folder)));
    }
    // The Turkistan rulesets alone hold hundreds of formulas: all of them come from the cache; so do the
    // schema's checks of every file kept, the corpus's errors among them.
    expect(brought).toBeGreaterThan(300);
    expect(checks).toBeGreaterThan(VERSIONS.length * 2);
    expect(reported).toBeGreaterThan(10);
  });

  test("formulas JSON would not give back the same (a number not finite, an undefined) are not kept", () => {
    const dir = tempDir();
    const file = join(RULES, "districts", "2026.1", "ruleset.yaml");
    const text = readFileSync(file, "utf8");
    const keep = (formula: unknown) => {
      const parsed = parseRuleDocument(file, text);
      formulasOf(parsed.document).set("/a", formula as FormulaResult);
      diskRuleCache(dir, "b").put(file, text, parsed);
      const cached = diskRuleCache(dir, "b").get(file, text);
      return cached && [...formulasOf(cached.document)];
    };
    const at = { file, range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } } };
    const number = (value: number) => ({ kind: "number", value, raw: "1", range: at.range });
    const exact = { formula: { text: "1", at, ast: number(1) }, diagnostics: [] };
    expect(keep(exact)).toEqual([["/a", exact]]);
    expect(keep({ formula: { text: "1", at, ast: number(Number.POSITIVE_INFINITY) }, diagnostics: [] })).toEqual([]);
    expect(keep({ formula: { text: "1", at, ast: undefined }, diagnostics: [] })).toEqual([]);
  });

  test("a cached document still has its YAML tree, parsed again when asked", () => {
    const dir = tempDir();
    const file = join(RULES, "districts", "2026.1", "ruleset.yaml");
    const text = readFileSync(file, "utf8");
    diskRuleCache(dir, "b").put(file, text, parseRuleDocument(file, text));
    const cached = diskRuleCache(dir, "b").get(file, text);
    const fresh = parseRuleDocument(file, text).document;
    expect(cached).toBeDefined();
    const doc = cached?.document;
    expect(doc?.yaml?.toJS()).toEqual(fresh.yaml?.toJS());
    const node = doc?.locations.get("/ruleset")?.node;
    expect(isScalar(node) && node.value).toBe(fresh.data && (fresh.data as { ruleset: string }).ruleset);
  });
});

describe("the rule cache is never wrong and never in the way", () => {
  test("a changed file is parsed again: the load shows the change", () => {
    const dir = tempDir();
    const version = join(tempDir(), "2026.1");
    cpSync(join(RULES, "procurement", "2026.1"), version, { recursive: true });
    const before = load(version, diskRuleCache(dir, "b"));
    const ruleset = join(version, "ruleset.yaml");
    const text = readFileSync(ruleset, "utf8");
    expect(text).toMatch(/^version: "2026\.1"$/m);
    writeFileSync(ruleset, text.replace(/^version: "2026\.1"$/m, 'version: "2026.2"'));
    const cache = counting(diskRuleCache(dir, "b"));
    const after = load(version, cache);
    expect(before.version).toBe("2026.1");
    expect(after.version).toBe("2026.2");
    expect(shown(after)).toEqual(shown(load(version)));
    // Only ruleset.yaml changed: the other files came from the cache.
    expect(cache.hits).toBe(after.files.length - 1);
  });

  test("another build never reads this build's entries", () => {
    const dir = tempDir();
    const folder = join(RULES, "procurement", "2026.1");
    load(folder, diskRuleCache(dir, "build-a"));
    const other = counting(diskRuleCache(dir, "build-b"));
    load(folder, other);
    expect(other.hits).toBe(0);
  });

  test("corrupt, truncated or foreign entries are ignored: the files are parsed as without a cache", () => {
    const dir = tempDir();
    const folder = join(RULES, "districts", "2026.1");
    load(folder, diskRuleCache(dir, "b"));
    const entries = readdirSync(dir);
    expect(entries.length).toBeGreaterThan(5);
    entries.forEach((name, i) => {
      const path = join(dir, name);
      const bytes = readFileSync(path);
      const own = name.replace(/\.v8$/, "");
      const spoiled = [
        Buffer.from("not a v8 value"),
        bytes.subarray(0, bytes.length >> 1),
        serialize({
          key: "another key",
          paths: [],
          numbers: new Int32Array(0),
          values: [],
          types: [],
          diagnostics: [],
        }),
        serialize({ key: own, paths: '["/a"]', numbers: new Int32Array(3), values: [], types: [], diagnostics: [] }),
        serialize({ key: own, paths: "not JSON", numbers: new Int32Array(0), values: [], types: [], diagnostics: [] }),
        Buffer.alloc(0),
      ];
      writeFileSync(path, spoiled[i % spoiled.length] as Buffer);
    });
    const cache = counting(diskRuleCache(dir, "b"));
    expect(shown(load(folder, cache))).toEqual(shown(load(folder)));
    expect(cache.hits).toBe(0);
  });

  test("a cache folder that cannot be made or written: loading works as without a cache", () => {
    // A folder under a regular file can be neither created nor written, whoever runs the test (root too).
    const blocker = join(tempDir(), "a-file");
    writeFileSync(blocker, "");
    const folder = join(RULES, "departments", "2026.1");
    const cache = counting(diskRuleCache(join(blocker, "cache"), "b"));
    expect(shown(load(folder, cache))).toEqual(shown(load(folder)));
    expect(shown(load(folder, cache))).toEqual(shown(load(folder)));
    expect(cache.hits).toBe(0);
  });
});

describe("where the CLI keeps its cache", () => {
  const env = { HOME: "/home/u" };
  test("~/.cache/tarazy, $XDG_CACHE_HOME/tarazy or $TARAZY_CACHE_DIR; none with --no-cache or TARAZY_CACHE=off", () => {
    expect(ruleCacheDir([], env)).toBe("/home/u/.cache/tarazy");
    expect(ruleCacheDir([], { ...env, XDG_CACHE_HOME: "/x" })).toBe("/x/tarazy");
    expect(ruleCacheDir([], { ...env, XDG_CACHE_HOME: "relative" })).toBe("/home/u/.cache/tarazy");
    expect(ruleCacheDir([], { ...env, XDG_CACHE_HOME: "/x", TARAZY_CACHE_DIR: "/t" })).toBe("/t");
    expect(ruleCacheDir(["rate", "--no-cache"], { ...env, TARAZY_CACHE_DIR: "/t" })).toBeUndefined();
    expect(ruleCacheDir([], { ...env, TARAZY_CACHE: "off" })).toBeUndefined();
  });
});
