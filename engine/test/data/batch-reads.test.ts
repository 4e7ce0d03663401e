import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { rateCommandCore } from "../../src/cli/rating-session.js";
import { periodRange } from "../../src/data/period.js";

/** Every file read (or opened to be read) through node:fs and node:fs/promises, by absolute path: how many times. */
const reads = vi.hoisted(() => new Map<string, number>());
const count = (file: unknown) => {
  if (typeof file !== "string") return;
  const key = path.resolve(file);
  reads.set(key, (reads.get(key) ?? 0) + 1);
};
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const readFileSync = ((file: Parameters<typeof fs.readFileSync>[0], ...rest: unknown[]) => {
    count(file);
    return (fs.readFileSync as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  const readFile = ((file: Parameters<typeof fs.readFile>[0], ...rest: unknown[]) => {
    count(file);
    return (fs.readFile as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFile;
  // The data reader opens a file to read it into its reused buffer (readers/file-bytes.ts).
  const open = ((file: Parameters<typeof fs.open>[0], ...rest: unknown[]) => {
    count(file);
    return (fs.open as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.open;
  return { ...fs, default: { ...fs, readFile, open }, readFile, open };
});

const root = fileURLToPath(new URL("../../..", import.meta.url));
const districts = path.join(root, "rules/turkistan/districts");
const data = path.join(districts, "sample-data");

function readsUnder(folder: string): [string, number][] {
  return [...reads].filter(([file]) => file.startsWith(folder + path.sep)).map(([f, n]) => [path.relative(root, f), n]);
}

describe("a --from/--to batch", () => {
  beforeEach(() => reads.clear());

  it("of 12 months with one version loads each rule file once and reads each data file once", async () => {
    const periods = periodRange({ kind: "month", year: 2025, index: 10 }, { kind: "month", year: 2026, index: 9 });
    const batch = await rateCommandCore({
      ruleset: "rules/turkistan/districts/2026.1",
      data: ["rules/turkistan/districts/sample-data"],
      periods,
      cwd: root,
      allowOutOfPeriod: true,
    });
    expect(batch.rated.map((r) => r.period)).toEqual(periods);
    const ruleReads = readsUnder(path.join(districts, "2026.1"));
    expect(ruleReads.length).toBeGreaterThanOrEqual(4); // ruleset.yaml, units.yaml, fields.yaml, blocks/*
    for (const [file, n] of ruleReads) expect([file, n]).toEqual([file, 1]);
    const dataReads = readsUnder(data).filter(([f]) => f.endsWith(".csv"));
    expect(dataReads.map(([f]) => path.basename(f)).sort()).toEqual([
      "region-formed-2025.csv",
      "region-formed-2026.csv",
      "unit-reported-2024.csv",
      "unit-reported-2025.csv",
      "unit-reported-2026.csv",
    ]);
    for (const [file, n] of dataReads) expect([file, n]).toEqual([file, 1]);
  });

  it("of 8 quarters over a family's two versions loads each version once and reads the data once per version", async () => {
    const periods = periodRange({ kind: "quarter", year: 2025, index: 1 }, { kind: "quarter", year: 2026, index: 4 });
    const batch = await rateCommandCore({
      ruleset: "rules/turkistan/districts",
      data: ["rules/turkistan/districts/sample-data"],
      periods: periods.slice(0, 7),
      cwd: root,
    });
    expect(batch.rated.map((r) => r.version.ruleset.version)).toEqual([
      ...Array(4).fill("2025.1"),
      ...Array(3).fill("2026.1"),
    ]);
    for (const version of ["2025.1", "2026.1"]) {
      const ruleReads = readsUnder(path.join(districts, version));
      expect(ruleReads.length).toBeGreaterThanOrEqual(4);
      for (const [file, n] of ruleReads) expect([file, n]).toEqual([file, 1]);
    }
    // The data are read for each version's fields: twice, never per period.
    for (const [file, n] of readsUnder(data).filter(([f]) => f.endsWith(".csv"))) expect([file, n]).toEqual([file, 2]);
  });
});
