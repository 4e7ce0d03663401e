import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { copyTurkistan } from "../support/fixture.js";
import { LspClient } from "../support/lsp-client.js";

let root: string;
let remove: () => void;
let caches: string;
const REVENUE = "districts/2026.1/blocks/03-revenue.yaml";

beforeAll(() => {
  ({ root, remove } = copyTurkistan());
  caches = mkdtempSync(join(tmpdir(), "tarazy-lsp-cache-test-"));
});
afterAll(() => {
  remove?.();
  rmSync(caches, { recursive: true, force: true });
});

/** A server started on the rulesets: the diagnostics of the revenue block opened with a misspelt name. */
async function atStart(cacheDir: string, initializationOptions?: object): Promise<Diagnostic[]> {
  const { client } = await LspClient.start([root], { initializationOptions }, { TARAZY_CACHE_DIR: cacheDir });
  const file = join(root, REVENUE);
  const text = readFileSync(file, "utf8").replace("ytd(own_revenue) / ytd", "ytd(own_revenuezz) / ytd");
  await client.open(file, text);
  const found = await client.diagnosticsOf(file, (d) => d.some((x) => String(x.message).includes("own_revenuezz")));
  await client.stop();
  return found;
}

describe("the server's rule cache", () => {
  it("a first start fills it; a second start on it, and a start without it, show the same diagnostics", async () => {
    const dir = join(caches, "on");
    const cold = await atStart(dir);
    // The did-you-mean needs the fields of the other files: they were parsed (cold) or read from the cache (warm).
    expect(cold.some((d) => String(d.message).includes("own_revenue"))).toBe(true);
    const entries = readdirSync(join(dir, "rules")).filter((f) => f.endsWith(".v8"));
    expect(entries.length).toBeGreaterThan(40);
    expect(await atStart(dir)).toEqual(cold);
    expect(readdirSync(join(dir, "rules")).filter((f) => f.endsWith(".v8"))).toEqual(entries);

    const off = join(caches, "off");
    expect(await atStart(off, { cache: false })).toEqual(cold);
    expect(existsSync(off)).toBe(false);
  });
});
