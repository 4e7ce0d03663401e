import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const BIN = join(ROOT, "engine", "bin", "tarazy.js");
const D = "rules/turkistan/districts";

/** The built CLI into a pipe whose reader goes away after the first chunk, as `tarazy ... | head -1` does. */
function readFirstChunk(args: string[]): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let first = "";
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString("utf8");
    });
    child.stdout.once("data", (b: Buffer) => {
      first = b.toString("utf8");
      child.stdout.destroy();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr, first }));
  });
}

test("a reader that stops early ends the command quietly: exit 0, no stack trace", async () => {
  // The rating as JSON is some hundred kilobytes: far more than the pipe takes before the reader leaves.
  const run = await readFirstChunk([
    "rate",
    D,
    "--data",
    `${D}/sample-data`,
    "--period",
    "2026-Q3",
    "--format",
    "json",
  ]);
  expect(run.first.startsWith("{")).toBe(true);
  expect(run.stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
  expect(run.code).toBe(0);
}, 60_000);
