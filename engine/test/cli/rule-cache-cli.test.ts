import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const BIN = join(ROOT, "engine", "bin", "tarazy.js");
const D = "rules/turkistan/districts";
const cacheDir = mkdtempSync(join(tmpdir(), "tarazy-cli-cache-"));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** The built CLI as a user runs it, with the rule cache in cacheDir: everything it says, and its exit code. */
function run(args: string[]) {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TARAZY_CACHE_DIR: cacheDir, TARAZY_CACHE: "" },
    maxBuffer: 1 << 26,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe("the built CLI says the same bytes with and without its rule cache", () => {
  test.each([
    ["the README's main job", ["rate", D, "--data", `${D}/sample-data`, "--period", "2026-Q3", "--lang", "en"]],
    [
      "validate of the three Turkistan rulesets",
      ["validate", D, "rules/turkistan/departments", "rules/turkistan/procurement"],
    ],
  ])("%s: without a cache, filling it, read from it", (_name, args) => {
    const none = run([...args, "--no-cache"]);
    const first = run(args);
    const second = run(args);
    expect(none.status).toBe(0);
    expect(first).toEqual(none);
    expect(second).toEqual(none);
    expect(readdirSync(join(cacheDir, "rules")).length).toBeGreaterThan(10);
  });
});
