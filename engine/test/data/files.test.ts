import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDataFiles, summarizeData } from "../../src/data/load-data.js";
import { diag, MODEL, obs, readFixtures } from "./model.js";

describe("files and folders", () => {
  it("reads a folder recursively in name order, skipping notes quietly and other files with a warning", async () => {
    const r = await readFixtures(["folder"]);
    expect(r.files.map((f) => [f.path, f.format, f.rows])).toEqual([
      ["folder/a.csv", "csv", 1],
      ["folder/sub/b.json", "json", 1],
    ]);
    expect(r.observations.map(obs)).toEqual([
      "turkistan own_revenue 2026-03 = 1 @ folder/a.csv:2:31",
      "arys own_revenue 2026-03 = 2 @ folder/sub/b.json:1:74",
    ]);
    // README.md and the Excel lock file ~$lock.xlsx are skipped without a word.
    expect(r.diagnostics.map(diag)).toEqual([
      "D107 warning folder/notes.txt:1:1: this file in the data folder is not a .csv, .tsv, .xlsx or .json file, so it is not read | move it out of the data folder, or save it in a data format if it holds data",
      "D101 error folder/old.xls:1:1: this is an old Excel 97-2003 workbook: save it as an Excel workbook (.xlsx) or as CSV UTF-8 | Tarazy reads .csv, .tsv, .xlsx and .json files",
    ]);
  });

  it("reports a missing path, a file of another type and a folder without data", async () => {
    const r = await readFixtures(["nothing.csv", "folder/notes.txt", "empty-folder"]);
    expect(r.diagnostics.map(diag)).toEqual([
      'D100 error nothing.csv:1:1: cannot read "nothing.csv": there is no such file or folder | check the path',
      'D101 error folder/notes.txt:1:1: "notes.txt" is not a data file Tarazy reads | give .csv, .tsv, .xlsx or .json files, or a folder of them',
      "D106 warning empty-folder:1:1: this folder holds no .csv, .tsv, .xlsx or .json files | check the path",
    ]);
    expect(r.files).toEqual([]);
  });

  it("hashes every file read, for manifests", async () => {
    const r = await readFixtures(["folder/a.csv"]);
    // sha256 of "unit,period,field,value\nturkistan,2026-03,own_revenue,1\n", as sha256sum gives it
    expect(r.files[0]?.sha256).toBe("399e66ce51d10f9d3a0359894efb502097a6e1d863fa3309fc925f99b1e4948f");
  });
});

describe("limits", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "tarazy-data-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("does not read a file over the size limit", async () => {
    await writeFile(
      path.join(dir, "big.csv"),
      `unit,period,field,value\n${"turkistan,2026-03,own_revenue,1\n".repeat(100)}`,
    );
    const r = await readDataFiles(["big.csv"], MODEL, { cwd: dir, limits: { maxFileBytes: 1024 } });
    expect(r.diagnostics.map(diag)).toEqual([
      "D102 error big.csv:1:1: the file is 3.1 KB, more than the limit of 1 KB, so it is not read | check that this is the right file; split it if it really holds that much data",
    ]);
    expect(r.observations).toEqual([]);
  });

  it("lists the first problems of a file and counts the rest, from the first one not listed", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `nowhere${i},2026-03,own_revenue,1`).join("\n");
    const noData = ["н/д", "н.д.", "нет данных", "no data", "..."];
    const warnings = noData.map((text, i) => `arys,2026-0${i + 1},own_revenue,${text}`).join("\n");
    await writeFile(path.join(dir, "many.csv"), `unit,period,field,value\n${warnings}\n${rows}\n`);
    const r = await readDataFiles(["many.csv"], MODEL, { cwd: dir, limits: { maxProblemsPerFile: 10 } });
    expect(r.diagnostics.map((d) => d.code)).toEqual([...Array(5).fill("D134"), ...Array(5).fill("D120"), "D108"]);
    const last = r.diagnostics.at(-1);
    expect(last?.message).toBe("25 more errors in this file not listed, from here on");
    // lines 2-6 are the warnings, 7-11 the five errors listed: the first error not listed is on line 12
    expect(last?.range.start.line).toBe(12);
  });

  it("one problem on many rows is listed once, with the count of its other occurrences", async () => {
    const rows = [
      "Туркестан қ.,2026-01,own_revenue,1",
      "Туркестан қ.,2026-02,own_revenue,2",
      "arys,2026-01,own_revenue,н/д",
      "Туркестан қ.,2026-03,own_revenue,3",
      "arys,2026-02,own_revenue,н/д",
      "arys,2026-03,own_revenue,н/д",
      "arys,2026-03,procurement_share,5",
    ];
    await writeFile(path.join(dir, "repeats.csv"), `unit,period,field,value\n${rows.join("\n")}\n`);
    const r = await readDataFiles(["repeats.csv"], MODEL, { cwd: dir });
    expect(r.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([
      'D120 2:1 unknown unit "Туркестан қ." (and 2 more times in this file)',
      'D134 4:26 "н/д" means no data: read as an empty cell (missing), not as n/a (and 2 more times in this file)',
      "D125 8:32 procurement_share is reported quarterly, so it takes no value for the month 2026-03",
    ]);
  });

  it("a runaway row (one line of 200,000 cells) is read in one pass and reported once", async () => {
    await writeFile(
      path.join(dir, "runaway.csv"),
      `unit,period,own_revenue\nturkistan,2026-03,${"1,".repeat(200_000)}1\n`,
    );
    const r = await readDataFiles(["runaway.csv"], MODEL, { cwd: dir });
    expect(r.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`)).toEqual(["D115 2:21"]);
    expect(r.diagnostics[0]?.message).toBe(
      "this row has 200003 cells but the header has 3 columns, so the row is not read",
    );
  });
});

describe("summarizeData", () => {
  it("counts files, rows, observations, n/a, and the units, fields and periods covered", async () => {
    const r = await readFixtures(["wide.csv", "long.csv"]);
    expect(summarizeData(r)).toEqual({
      files: 2,
      rows: 11,
      observations: 13,
      notApplicable: 3,
      setAside: 0,
      units: 5,
      fields: 4, // own_revenue, own_revenue_plan, unemployment, procurement_share
      periods: ["2026-01", "2026-Q1", "2026-02"],
    });
  });
});
