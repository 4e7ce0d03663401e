import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writtenPath } from "../../src/cli/written.js";
import { runInProcess } from "../support/run-cli.js";

/** Every command that writes files names them as the user named --out: absolute, or relative as given. */
const ROOT = resolve(import.meta.dirname, "../../..");
const DISTRICTS = join(ROOT, "rules/turkistan/districts");
const MINI = join(ROOT, "engine/test/scoring/fixtures/mini");
const base = mkdtempSync(join(tmpdir(), "tarazy-written-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Each command with --out OUT, and the first file it writes there. */
const commands = [
  [
    "diff",
    (out: string) => ["diff", DISTRICTS, "2025.1", "2026.1", "--format", "html", "--out", `${out}/compare.html`],
    "compare.html",
  ],
  [
    "docs",
    (out: string) => ["docs", `${DISTRICTS}/2026.1`, "--lang", "en", "--format", "md", "--out", out],
    "methodology.en.md",
  ],
  [
    "rate",
    (out: string) => ["rate", MINI, "--data", `${MINI}/sample-data`, "--period", "2026-Q2", "--out", out],
    "rating.json",
  ],
] as const;

describe.each(commands)("%s --out", (name, args, file) => {
  it("names an absolute --out by its absolute path, even far from the working folder", async () => {
    const out = join(base, `${name}-absolute`);
    const cwd = join(base, "deep", "down", "here");
    mkdirSync(cwd, { recursive: true });
    const r = await runInProcess(args(out), cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`wrote ${out}/${file}\n`);
    expect(r.stdout).not.toContain("wrote ../");
  });

  it("names a relative --out relative to the working folder, as given", async () => {
    const cwd = join(base, `${name}-cwd`);
    mkdirSync(cwd, { recursive: true });
    const r = await runInProcess(args(`../${name}-relative/./x`), cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`wrote ../${name}-relative/x/${file}\n`);
    expect(existsSync(join(base, `${name}-relative`, "x", file))).toBe(true);
  });
});

describe("writtenPath", () => {
  it("is the file's absolute path for an absolute --out, else relative to the working folder", () => {
    expect(writtenPath("/work/p/out/a.csv", "/work/p/out", "/work/p")).toBe("/work/p/out/a.csv");
    expect(writtenPath("/work/p/out/a.csv", "out", "/work/p")).toBe("out/a.csv");
    expect(writtenPath("/tmp/o/a.csv", "../../tmp/o", "/work/p")).toBe("../../tmp/o/a.csv");
    expect(writtenPath("/work/p", ".", "/work/p")).toBe(".");
  });
});
