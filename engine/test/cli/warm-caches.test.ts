import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { ROOT, runBin } from "./run-bin.js";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** engine/scripts/warm-caches.mjs (run by `prepare`) with the caches in a new folder. */
function warm(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "tarazy-warm-"));
  temps.push(dir);
  const run = spawnSync(process.execPath, [join(ROOT, "engine/scripts/warm-caches.mjs")], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TARAZY_CACHE_DIR: dir, TARAZY_CACHE: "", ...env },
  });
  return { dir, run };
}

test("the install primes the rule and code caches that the README's first run reads", () => {
  const { dir, run } = warm({});
  expect(run.status).toBe(0);
  expect(run.stderr).toBe("");
  expect(
    readdirSync(join(dir, "code"))
      .map((f) => f.replace(/^[0-9a-f]+-/, ""))
      .sort(),
  ).toEqual(["rate.v8", "validate.v8"]);
  const entries = readdirSync(join(dir, "rules"), { recursive: true }).length;
  expect(entries).toBeGreaterThan(20);
  // The README's job then reads them and writes no rule cache entry (every file was cached).
  const D = "rules/turkistan/districts";
  const readme = runBin(["rate", D, "--data", `${D}/sample-data`, "--period", "2026-Q3", "--lang", "en"], dir);
  expect(readme.status).toBe(0);
  expect(readdirSync(join(dir, "rules"), { recursive: true }).length).toBe(entries);
});

test("TARAZY_CACHE=off leaves nothing behind", () => {
  const { dir, run } = warm({ TARAZY_CACHE: "off" });
  expect(run.status).toBe(0);
  expect(existsSync(join(dir, "code")) || existsSync(join(dir, "rules"))).toBe(false);
});
