import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { diskRuleCache } from "../../src/rules/rule-cache.js";
import { MAX_AGE_MS, pruneRuleCache } from "../../src/rules/rule-cache-prune.js";
import { parseRuleDocument } from "../../src/rules/yaml-document.js";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 3);
let dir: string;

function file(name: string, ageMs: number): string {
  const path = join(dir, name);
  writeFileSync(path, "x");
  const t = new Date(NOW - ageMs);
  utimesSync(path, t, t);
  return name;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tarazy-prune-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("pruneRuleCache", () => {
  test("removes entries unused for longer than the age limit and temporary files of dead writers", () => {
    file("old.v8", MAX_AGE_MS + DAY);
    file("recent.v8", MAX_AGE_MS - DAY);
    file("dead.1.tmp", 2 * 60 * 60 * 1000);
    file("writing.2.tmp", 60 * 1000);
    file("other.txt", MAX_AGE_MS + DAY);
    expect(pruneRuleCache(dir, NOW)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(["other.txt", "recent.v8", "writing.2.tmp"]);
  });

  test("beyond the entry limit the least recently used go first", () => {
    for (let i = 0; i < 6; i++) file(`e${i}.v8`, (10 - i) * DAY);
    expect(pruneRuleCache(dir, NOW, 4)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(["e2.v8", "e3.v8", "e4.v8", "e5.v8"]);
  });

  test("a missing folder is no error", () => {
    expect(pruneRuleCache(join(dir, "none"), NOW)).toBe(0);
  });

  test("a read entry is marked as used, so pruning keeps what is read", () => {
    const cache = diskRuleCache(dir, "build");
    const text = "block: a\nweight: 1\n";
    cache.put("/r/blocks/a.yaml", text, parseRuleDocument("/r/blocks/a.yaml", text));
    const [name] = readdirSync(dir);
    const path = join(dir, name as string);
    const old = new Date(Date.now() - MAX_AGE_MS - DAY);
    utimesSync(path, old, old);
    expect(cache.get("/r/blocks/a.yaml", text)).toBeDefined();
    expect(statSync(path).mtimeMs).toBeGreaterThan(Date.now() - DAY);
    expect(pruneRuleCache(dir)).toBe(0);
    expect(existsSync(path) && readFileSync(path).length > 0).toBe(true);
  });
});
