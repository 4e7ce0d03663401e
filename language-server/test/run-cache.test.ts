import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { TestProject } from "vitest/node";
import setup from "./support/global-setup.js";
import { runCacheFolder } from "./support/run-cache.js";

describe("the language server tests' rule cache", () => {
  it("is a fresh folder per run, not one shared folder left in $TMPDIR", () => {
    const dir = inject("lspCacheDir");
    expect(dir).not.toBe(join(tmpdir(), "tarazy-lsp-test-cache"));
    expect(dir.startsWith(join(tmpdir(), "tarazy-lsp-test-cache-"))).toBe(true);
    expect(existsSync(dir)).toBe(true);
  });

  it("is removed with what the servers wrote into it when the run ends", () => {
    let provided = "";
    const project = { provide: (_key: string, value: string) => (provided = value) } as unknown as TestProject;
    const teardown = setup(project);
    expect(existsSync(provided)).toBe(true);
    expect(provided).not.toBe(inject("lspCacheDir"));
    writeFileSync(join(provided, "entry.v8"), "x");
    teardown();
    expect(existsSync(provided)).toBe(false);
  });

  it("gives each run its own folder", () => {
    const [a, b] = [runCacheFolder(), runCacheFolder()];
    expect(a.dir).not.toBe(b.dir);
    a.remove();
    b.remove();
    expect([existsSync(a.dir), existsSync(b.dir)]).toEqual([false, false]);
  });
});
