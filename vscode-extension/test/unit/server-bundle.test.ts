import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";

const DIR = fileURLToPath(new URL("../../", import.meta.url));
const SERVER = join(DIR, "dist/server");

describe("the extension's build of the language server (scripts/build.mjs)", () => {
  it("stamps the build id that turns the rule cache on, and ships the parse worker as CommonJS", async () => {
    const run = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: DIR, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const server = readFileSync(join(SERVER, "server.cjs"), "utf8");
    expect(server).not.toContain('"tarazy-build:unbundled"');
    expect(server).toMatch(/"tarazy-build:[0-9a-f]{32}"/);
    // Where the engine looks for it: dist/rules/ below the engine's folder (dist/server/engine/ here).
    const worker = join(SERVER, "engine/dist/rules/parse-worker.js");
    expect(existsSync(worker)).toBe(true);
    const files = [{ file: "/r/blocks/a.yaml", text: "block: a\nweight: 1\n" }];
    const answer = await new Promise((resolve, reject) => {
      const w = new Worker(worker, { workerData: files });
      w.once("message", (m) => {
        resolve(m);
        void w.terminate();
      });
      w.once("error", reject);
    });
    // The file parsed, in the rule cache's entry form: its data as read.
    expect(answer).toMatchObject([{ data: { block: "a", weight: 1 } }]);
  }, 60_000);
});
