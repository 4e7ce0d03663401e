import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, describe, expect, test } from "vitest";
import { codeCacheFile, readCodeCache } from "../../src/cli/code-cache.js";
import { runBin } from "./run-bin.js";

const D = "rules/turkistan/districts";
const temp = mkdtempSync(join(tmpdir(), "tarazy-code-cache-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const run = runBin;

const codeFiles = (dir: string) => readdirSync(join(dir, "code")).map((name) => join(dir, "code", name));

const JOBS: [string, string[]][] = [
  ["the README's main job", ["rate", D, "--data", `${D}/sample-data`, "--period", "2026-Q3", "--lang", "en"]],
  [
    "validate of the three Turkistan rulesets",
    ["validate", D, "rules/turkistan/departments", "rules/turkistan/procurement"],
  ],
];

describe("the built CLI says the same bytes with and without V8's code cache", () => {
  test.each(JOBS)("%s: without, writing it, read from it, corrupt, unwritable", (_name, args) => {
    const dir = mkdtempSync(join(temp, "cache-"));
    const none = run([...args, "--no-cache"], dir);
    expect(none.status).toBe(0);
    expect(readdirSync(dir)).toEqual([]); // --no-cache writes neither cache
    expect(run(args, dir)).toEqual(none);
    const [file, ...others] = codeFiles(dir);
    expect(others).toEqual([]);
    expect(file).toMatch(new RegExp(`-${args[0]}(-[0-9a-f]+)?\\.v8$`));
    const written = readFileSync(file as string);
    expect(readCodeCache(file as string)?.length).toBe(written.length - 4);
    expect(run(args, dir)).toEqual(none);
    // Read, not written again: a run that was given the cache keeps it.
    expect(readFileSync(file as string).equals(written)).toBe(true);

    // A flipped byte: the checksum no longer matches, the cache is not given to V8, and is written anew.
    const flipped = Buffer.from(written);
    flipped[flipped.length >> 1] = (flipped[flipped.length >> 1] as number) ^ 0xff;
    writeFileSync(file as string, flipped);
    expect(readCodeCache(file as string)).toBeUndefined();
    expect(run(args, dir)).toEqual(none);
    expect(readCodeCache(file as string)).toBeDefined();

    // Garbage with a right checksum: V8 rejects it (its own checks), the run compiles, and rewrites it.
    const garbage = Buffer.alloc(1000, 7);
    const header = Buffer.alloc(4);
    header.writeUInt32LE(crc32(garbage), 0);
    writeFileSync(file as string, Buffer.concat([header, garbage]));
    expect(run(args, dir)).toEqual(none);
    expect(readCodeCache(file as string)?.length).toBeGreaterThan(100_000);

    // A cache folder that cannot be made (its parent is a file): the run says the same and fails on nothing.
    const blocked = join(dir, "a-file");
    writeFileSync(blocked, "");
    expect(run(args, join(blocked, "cache"))).toEqual(none);
  });
});

describe("codeCacheFile", () => {
  const source = 'x = "tarazy-build:0123456789abcdef0123456789abcdef";';
  const env = { TARAZY_CACHE_DIR: "/c" };

  test("one file per build and command, beside the rule cache", () => {
    expect(codeCacheFile(source, ["rate", "x"], env, [])).toBe("/c/code/0123456789abcdef0123456789abcdef-rate.v8");
    expect(codeCacheFile(source, ["--version"], env, [])).toBe("/c/code/0123456789abcdef0123456789abcdef-other.v8");
    expect(codeCacheFile(source, [], env, [])).toBe("/c/code/0123456789abcdef0123456789abcdef-other.v8");
    expect(codeCacheFile(source, ["../../etc"], env, [])).toBe("/c/code/0123456789abcdef0123456789abcdef-other.v8");
  });

  test("a run with Node options of its own has a file of its own (V8 rejects a cache made under other flags)", () => {
    const plain = codeCacheFile(source, ["rate"], env, []);
    const profiled = codeCacheFile(source, ["rate"], env, ["--cpu-prof"]);
    const options = codeCacheFile(source, ["rate"], { ...env, NODE_OPTIONS: "--max-old-space-size=4096" }, []);
    expect(plain).toBe("/c/code/0123456789abcdef0123456789abcdef-rate.v8");
    expect(profiled).toMatch(/^\/c\/code\/0123456789abcdef0123456789abcdef-rate-[0-9a-f]+\.v8$/);
    expect(new Set([plain, profiled, options]).size).toBe(3);
    expect(codeCacheFile(source, ["rate"], env, ["--cpu-prof"])).toBe(profiled);
  });

  test("none with --no-cache, TARAZY_CACHE=off, or an unstamped bundle", () => {
    expect(codeCacheFile(source, ["rate", "--no-cache"], env)).toBeUndefined();
    expect(codeCacheFile(source, ["rate"], { ...env, TARAZY_CACHE: "off" })).toBeUndefined();
    expect(codeCacheFile('x = "tarazy-build:unbundled";', ["rate"], env)).toBeUndefined();
  });

  test("a missing or too short file reads as no cache", () => {
    expect(readCodeCache(join(temp, "missing.v8"))).toBeUndefined();
    writeFileSync(join(temp, "short.v8"), Buffer.alloc(4));
    expect(readCodeCache(join(temp, "short.v8"))).toBeUndefined();
  });
});
