import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const ARGS = ["rate", "rules/turkistan/districts", "--data", "rules/turkistan/districts/sample-data"];

/** Runs the rating as JSON; `paced` gives the io a stdoutDrained that logs how many writes preceded it. */
async function rateJson(paced: boolean): Promise<{ pieces: string[]; drains: number[] }> {
  const pieces: string[] = [];
  const drains: number[] = [];
  const io: CliIO = {
    stdout: (t) => {
      pieces.push(t);
    },
    stderr: () => {},
    cwd: ROOT,
    isTTY: false,
    env: {},
    ...(paced
      ? {
          stdoutDrained: async () => {
            drains.push(pieces.length);
          },
        }
      : {}),
  };
  expect(await runCli([...ARGS, "--period", "2026-Q3", "--format", "json"], io)).toBe(0);
  return { pieces, drains };
}

describe("rate --format json waits for stdout between pieces", () => {
  it("asks after every piece of the JSON, and writes the same bytes as without waiting", async () => {
    const paced = await rateJson(true);
    const plain = await rateJson(false);
    expect(paced.pieces.join("")).toBe(plain.pieces.join(""));
    // The sample's JSON is about 250 KB: pieces of 64 K characters, a wait after each (then the final newline).
    const json = paced.pieces.slice(0, -1);
    expect(json.length).toBeGreaterThanOrEqual(4);
    expect(paced.drains).toEqual(json.map((_, i) => i + 1));
    expect(JSON.parse(json.join(""))).toMatchObject({ period: "2026-Q3" });
  });
});
