import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { diskRuleCache, type Parsed, type RuleCache } from "../../src/rules/rule-cache.js";
import { Workspace } from "../../src/workspace/build.js";
import { workspaceSnapshot } from "./snapshot.js";

const ROOT = join(import.meta.dirname, "..", "..", "..", "rules", "turkistan");

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A cache that counts what it was asked: entries given back, entries stored, and how often a YAML node of a
 * given-back document was looked at (each look would parse the file's YAML again).
 */
function counting(cache: RuleCache) {
  const counts = { hits: 0, stored: 0, nodes: 0 };
  const watched = (parsed: Parsed): Parsed => {
    for (const loc of parsed.document.locations.values()) {
      const proto = Object.getPrototypeOf(loc);
      Object.defineProperty(loc, "node", {
        get: () => {
          counts.nodes++;
          return Object.getOwnPropertyDescriptor(proto, "node")?.get?.call(loc);
        },
      });
    }
    return parsed;
  };
  const wrapped: RuleCache = {
    get(file, text) {
      const found = cache.get(file, text);
      if (!found) return undefined;
      counts.hits++;
      return watched(found);
    },
    put(file, text, parsed) {
      if (parsed.document.data !== null) counts.stored++;
      cache.put(file, text, parsed);
    },
  };
  return { cache: wrapped, counts };
}

function built(cache?: RuleCache): Workspace {
  const w = new Workspace([ROOT]);
  w.documents.useCache(cache);
  w.build();
  return w;
}

describe("the workspace parses through the rule cache", () => {
  test("a second start on the same files parses no YAML and shows what a fresh parse shows", () => {
    const dir = mkdtempSync(join(tmpdir(), "tarazy-ws-cache-"));
    temps.push(dir);
    const fresh = workspaceSnapshot(built(), ROOT);
    const first = counting(diskRuleCache(dir, "build-a"));
    expect(workspaceSnapshot(built(first.cache), ROOT)).toEqual(fresh);
    expect(first.counts.hits).toBe(0);
    expect(first.counts.stored).toBeGreaterThan(40);

    const second = counting(diskRuleCache(dir, "build-a"));
    const warm = built(second.cache);
    expect(workspaceSnapshot(warm, ROOT)).toEqual(fresh);
    // Every file with data came from the cache, and indexing never asked for a YAML node.
    expect(second.counts.hits).toBe(first.counts.stored);
    expect(second.counts.stored).toBe(0);
    expect(second.counts.nodes).toBe(0);
  });

  test("an open buffer is parsed without the cache; the file on disk still comes from it", () => {
    const dir = mkdtempSync(join(tmpdir(), "tarazy-ws-cache-"));
    temps.push(dir);
    built(diskRuleCache(dir, "b"));
    const file = join(ROOT, "districts", "2026.1", "blocks", "03-revenue.yaml");
    const text = readFileSync(file, "utf8");
    const { cache, counts } = counting(diskRuleCache(dir, "b"));
    const w = built(cache);
    const hitsAtStart = counts.hits;
    w.change(file, `${text}\n# an edit\n`, 2);
    w.build();
    expect(counts.hits).toBe(hitsAtStart);
    expect(counts.stored).toBe(0);
    // The YAML tree of an edited buffer is there at once (completion and hover read it).
    expect(w.documents.parse(file, `${text}\n# an edit\n`).document.yaml).toBeDefined();
  });
});
