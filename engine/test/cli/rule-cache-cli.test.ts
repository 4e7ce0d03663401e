import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { runBin } from "./run-bin.js";

const D = "rules/turkistan/districts";
const cacheDir = mkdtempSync(join(tmpdir(), "tarazy-cli-cache-"));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
const run = (args: string[]) => runBin(args, cacheDir);

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
