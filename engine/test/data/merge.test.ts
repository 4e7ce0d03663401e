import { describe, expect, it } from "vitest";
import { diag, obs, readFixtures } from "./model.js";

describe("merging several files", () => {
  it("never overwrites: different values are errors pointing at both cells, the same value twice a warning", async () => {
    const r = await readFixtures(["dup-a.csv", "dup-b.csv"]);
    // Only the first file's values are kept; none of the second file's repeats is added.
    expect(r.observations.map(obs)).toEqual([
      "turkistan own_revenue 2026-03 = 1200 @ dup-a.csv:2:31",
      "arys own_revenue 2026-03 = 300 @ dup-a.csv:3:26",
      "sairam new_jobs 2026-Q1 = 30 @ dup-a.csv:4:25",
      "keles own_revenue 2026-03 = 500 @ dup-a.csv:5:27",
    ]);
    expect(r.diagnostics.map(diag)).toEqual([
      "D140 error dup-b.csv:2:31: own_revenue of turkistan for 2026-03 is 1250 here but 1200 given before | keep one of the two values: correct or delete the other cell",
      // 300.0 and 300 are the same value
      "D141 warning dup-b.csv:3:26: own_revenue of arys for 2026-03 is 300, the same value given before | delete one of the two cells",
      // new_jobs is not cumulative: a quarter and a month inside it are two sources for one figure
      "D127 error dup-b.csv:4:25: new_jobs of sairam is given for 2026-02 and also for 2026-Q1, which contains it | give either the value of the whole period or the values of its parts, not both",
      // own_revenue is cumulative: the value of Q1 is the running total at March, so it is the same cell
      "D141 warning dup-b.csv:5:27: own_revenue of keles for 2026-Q1 is 500, the same value given as the running total for 2026-03 | delete one of the two cells",
      "D140 error dup-b.csv:6:31: own_revenue of turkistan for 2026-Q1 is 1300 here but 1200 given as the running total for 2026-03 | keep one of the two values: correct or delete the other cell",
      "D140 error dup-b.csv:7:26: own_revenue of arys for 2026-03 is n/a here but 300 given before | keep one of the two values: correct or delete the other cell",
    ]);
    expect(r.diagnostics[0]?.related).toEqual([
      {
        message: "the other value (1200)",
        file: "dup-a.csv",
        range: {
          start: { offset: 54, line: 2, column: 31 },
          end: { offset: 58, line: 2, column: 35 },
        },
      },
    ]);
  });

  it("a file that repeats another gives one warning with a count, not one per cell", async () => {
    const r = await readFixtures(["dup-a.csv", "dup-a-copy.csv"]);
    expect(r.observations).toHaveLength(4);
    expect(r.diagnostics.map(diag)).toEqual([
      "D141 warning dup-a-copy.csv:2:31: own_revenue of turkistan for 2026-03 is 1200, the same value given before (and 3 more times in this file) | delete one of the two cells",
    ]);
  });

  it("the same file given twice, or through a folder, is read once", async () => {
    const r = await readFixtures(["folder/a.csv", "./folder/a.csv", "folder"]);
    expect(r.diagnostics.map(diag)).toEqual([
      "D107 warning folder/notes.txt:1:1: this file in the data folder is not a .csv, .tsv, .xlsx or .json file, so it is not read | move it out of the data folder, or save it in a data format if it holds data",
      "D101 error folder/old.xls:1:1: this is an old Excel 97-2003 workbook: save it as an Excel workbook (.xlsx) or as CSV UTF-8 | Tarazy reads .csv, .tsv, .xlsx and .json files",
    ]);
    expect(r.files.map((f) => f.path)).toEqual(["folder/a.csv", "folder/sub/b.json"]);
  });
});
