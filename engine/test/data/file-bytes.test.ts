import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CsvChars } from "../../src/data/readers/csv-chars.js";
import { FileBytes } from "../../src/data/readers/file-bytes.js";

const dir = mkdtempSync(path.join(tmpdir(), "tarazy-file-bytes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("data files read into one reused buffer", () => {
  it("give each file's own bytes, larger or smaller than the one before", async () => {
    const files = ["a".repeat(10_000), "bb", "c".repeat(50_000), "", "d".repeat(7)].map((text, i) => {
      const file = path.join(dir, `${i}.csv`);
      writeFileSync(file, text);
      return { file, text };
    });
    const reader = new FileBytes();
    for (const { file, text } of files) {
      const bytes = await reader.read(file);
      expect(Buffer.from(bytes).toString("latin1")).toBe(text);
    }
  });

  it("say so when a file cannot be opened, as reading it would", async () => {
    await expect(new FileBytes().read(path.join(dir, "missing.csv"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("are not read through a CSV file's characters once released", () => {
    const chars = CsvChars.ofAscii(Buffer.from("unit,period\nx,2026-01\n", "latin1"));
    expect(chars.slice(0, 4)).toBe("unit");
    expect(chars.source.position(14)).toEqual({ offset: 14, line: 2, column: 3 });
    chars.release();
    expect(chars.source.position(14)).toEqual({ offset: 14, line: 2, column: 3 });
    expect(() => chars.text).toThrow(/released/);
    expect(() => chars.slice(0, 4)).toThrow(/released/);
  });
});
