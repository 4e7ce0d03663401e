import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { ReportInput } from "../../src/report/input.js";
import { checkReportInput } from "../../src/report/input.js";
import type { ManifestFile } from "../../src/report/manifest.js";
import { renderReports, writeReports } from "../../src/report/write.js";
import type { RatingResult } from "../../src/scoring/result.js";
import { fixtureDataFiles, fixtureRuleset, q1, q2 } from "./fixture.js";

const base: ReportInput = { ruleset: fixtureRuleset, results: [q1, q2], lang: "kk", dataFiles: fixtureDataFiles };
const temp = mkdtempSync(join(tmpdir(), "tarazy-report-"));

afterAll(() => rmSync(temp, { recursive: true, force: true }));
afterEach(() => {
  vi.useRealTimers();
});

function codes(input: ReportInput): string[] {
  return checkReportInput(input).map((d) => `${d.severity} ${d.code}`);
}

describe("determinism", () => {
  it("gives the same bytes for every file, XLSX included, whatever the clock says", async () => {
    // The zip entries and document properties would carry the time of writing if they were not pinned.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-04-01T09:00:00Z"));
    const first = await renderReports(base);
    vi.setSystemTime(new Date("2031-11-17T17:45:12Z"));
    const second = await renderReports({ ...base, results: [q2, q1] });
    expect(first.files.map((f) => f.name)).toEqual([
      "rating.json",
      "rating.csv",
      "rating.xlsx",
      "rating.md",
      "rating.html",
      "manifest.json",
    ]);
    for (const [i, f] of first.files.entries()) {
      expect(Buffer.from(second.files[i]?.bytes ?? []).equals(Buffer.from(f.bytes)), f.name).toBe(true);
    }
  });

  it("does not depend on the order the data files are listed in", async () => {
    const a = await renderReports(base);
    const b = await renderReports({ ...base, dataFiles: [...fixtureDataFiles].reverse() });
    expect(a.files.map((f) => Buffer.from(f.bytes).toString("base64"))).toEqual(
      b.files.map((f) => Buffer.from(f.bytes).toString("base64")),
    );
  });
});

describe("writeReports", () => {
  it("writes the six files and a manifest.json listing the others with their SHA-256", async () => {
    const dir = join(temp, "out", "nested");
    const written = await writeReports(dir, base);
    expect(written.diagnostics).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual([
      "manifest.json",
      "rating.csv",
      "rating.html",
      "rating.json",
      "rating.md",
      "rating.xlsx",
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as ManifestFile;
    expect(manifest.ruleset).toEqual({ id: "demo-districts", version: "2026.1", hash: "sha256:5f1c0ffee0ddf00d" });
    expect(manifest.periods).toEqual(["2026-Q1", "2026-Q2"]);
    expect(manifest.language).toBe("kk");
    expect(manifest.dataFiles.map((f) => f.path)).toEqual(["data/2026-q1.csv", "data/2026-q2.csv"]);
    expect(manifest.outputs.map((o) => o.file)).toEqual([
      "rating.json",
      "rating.csv",
      "rating.xlsx",
      "rating.md",
      "rating.html",
    ]);
    for (const o of manifest.outputs) {
      const bytes = readFileSync(join(dir, o.file));
      expect(createHash("sha256").update(bytes).digest("hex"), o.file).toBe(o.sha256);
      expect(bytes.length).toBe(o.bytes);
    }
  });

  it("reports an output folder it cannot create as a diagnostic, not an exception", async () => {
    const file = join(temp, "not-a-folder");
    writeFileSync(file, "x");
    const written = await writeReports(join(file, "out"), base);
    expect(written.files).toEqual([]);
    expect(written.diagnostics).toHaveLength(1);
    expect(written.diagnostics[0]).toMatchObject({ code: "O110", severity: "error" });
    expect(written.diagnostics[0]?.message).toContain("not-a-folder");
  });

  it("writes nothing when the input has errors", async () => {
    const dir = join(temp, "refused");
    const other = { ...q2, ruleset: { ...q2.ruleset, version: "2025.1" } };
    const written = await writeReports(dir, { ...base, results: [other] });
    expect(written.files).toEqual([]);
    expect(written.diagnostics.map((d) => d.code)).toEqual(["O101"]);
    expect(() => readdirSync(dir)).toThrow();
  });
});

describe("checkReportInput", () => {
  it("accepts the fixture", () => {
    expect(codes(base)).toEqual([]);
  });

  it("refuses results rated with another ruleset version or content", () => {
    const otherHash = { ...q2, ruleset: { ...q2.ruleset, hash: "sha256:0000" } };
    const [d] = checkReportInput({ ...base, results: [otherHash] });
    expect(d?.code).toBe("O101");
    expect(d?.message).toBe(
      "the results for 2026-Q2 were rated with demo-districts 2026.1 (hash sha256:0000), not with demo-districts 2026.1 (hash sha256:5f1c0ffee0ddf00d)",
    );
  });

  it("refuses an unknown rating, mixed ratings, a period given twice and no results", () => {
    const monthly: RatingResult = { ...q2, rating: "monthly" };
    expect(codes({ ...base, results: [monthly] })).toEqual(["error O102"]);
    expect(codes({ ...base, results: [q1, { ...q2, rating: "economy" }] })).toEqual(["error O103"]);
    expect(codes({ ...base, results: [q2, q2] })).toEqual(["error O104"]);
    expect(codes({ ...base, results: [] })).toEqual(["error O105"]);
  });

  it("refuses a total that is not a finite number, naming it", () => {
    const [first, ...rest] = q2.results;
    if (!first) throw new Error("fixture");
    const broken: RatingResult = { ...q2, results: [{ ...first, score: Number.NaN }, ...rest] };
    const [d] = checkReportInput({ ...base, results: [broken] });
    expect(d?.code).toBe("O106");
    expect(d?.message).toBe("the total of turkistan in 2026-Q2 is not a finite number");
  });

  it("warns about units and grades not in the ruleset but still renders them", async () => {
    const [first, ...rest] = q2.results;
    if (!first) throw new Error("fixture");
    const stray: RatingResult = { ...q2, results: [{ ...first, unit: "shymkent", grade: "blue" }, ...rest] };
    const rendered = await renderReports({ ...base, results: [stray] });
    expect(rendered.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning O107", "warning O108"]);
    const html = new TextDecoder().decode(rendered.files.find((f) => f.name === "rating.html")?.bytes);
    expect(html).toContain('<th scope="row">shymkent</th>');
    expect(html).toContain('<span class="grade" style="background:#9e9e9e;color:#000000">blue</span>');
  });
});
