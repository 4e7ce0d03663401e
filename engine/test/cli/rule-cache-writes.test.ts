import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ROOT, runBin } from "./run-bin.js";

const D = "rules/turkistan/districts";
const RATE = ["rate", D, "--data", `${D}/sample-data`, "--period", "2026-Q3", "--lang", "en"];
const temp = mkdtempSync(join(tmpdir(), "tarazy-cache-writes-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * Loaded before the built CLI (node --require): counts each rule-cache entry's writes (the rename of its
 * temporary file to RULE_CACHE/KEY.v8; V8's code cache is beside it) into the file COUNT_FILE names, after every write, whatever the process does next.
 */
const COUNTER = `
const fs = require("node:fs");
const rename = fs.renameSync;
const counts = {};
fs.renameSync = function (from, to) {
  rename(from, to);
  if (String(to).startsWith(process.env.RULE_CACHE) && String(to).endsWith(".v8")) counts[to] = (counts[to] || 0) + 1;
  fs.writeFileSync(process.env.COUNT_FILE, JSON.stringify(counts));
};
`;

/** The built CLI as a user runs it, and how often it wrote each rule-cache entry. */
function countedRun(args: readonly string[], cacheDir: string) {
  const preload = join(temp, "count-writes.cjs");
  const countFile = join(temp, "counts.json");
  writeFileSync(preload, COUNTER);
  writeFileSync(countFile, "{}");
  const child = spawnSync(process.execPath, ["--require", preload, join(ROOT, "engine/bin/tarazy.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      TARAZY_CACHE_DIR: cacheDir,
      TARAZY_CACHE: "",
      COUNT_FILE: countFile,
      RULE_CACHE: join(cacheDir, "rules"),
    },
  });
  const writes = JSON.parse(readFileSync(countFile, "utf8")) as Record<string, number>;
  return { run: { status: child.status, stdout: child.stdout, stderr: child.stderr }, writes: Object.values(writes) };
}

describe("a first CLI run fills the rule cache", () => {
  test("writing each entry once, with the same output as without a cache and as the next run", () => {
    const cacheDir = join(temp, "cache");
    const { run: first, writes } = countedRun(RATE, cacheDir);
    expect(first.status, first.stderr).toBe(0);
    const entries = readdirSync(join(cacheDir, "rules")).filter((f) => f.endsWith(".v8"));
    expect(entries.length).toBeGreaterThan(10);
    expect(writes.length).toBe(entries.length);
    expect(writes.filter((n) => n !== 1)).toEqual([]);
    // A warm run reads every entry and writes none: it had all the formulas and schema checks it needed.
    const { run: warm, writes: warmWrites } = countedRun(RATE, cacheDir);
    expect(warmWrites).toEqual([]);
    expect(warm).toEqual(first);
    expect(runBin([...RATE, "--no-cache"], cacheDir)).toEqual(first);
  });
});
