import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { familyFields, loadFamilyFields } from "../../src/data/family-fields.js";
import { type FamilyFields, readDataFiles, summarizeData } from "../../src/data/load-data.js";
import { diag, MODEL, obs } from "./model.js";

/**
 * One data folder for every version of a family: values of a field that only other versions declare are
 * set aside and reported once per file and field (D128, info), never read and never an error; a field that
 * no version declares is still an error (D122).
 */
const FAMILY: FamilyFields = {
  version: "2026.1",
  others: [
    {
      version: "2024.1",
      fields: [
        { id: "asp_recipients", name: { kk: "АӘК алушылар", ru: "Получатели АСП" } },
        { id: "old_index", name: { kk: "Ескі индекс" } },
      ],
    },
    {
      version: "2025.1",
      fields: [
        { id: "asp_recipients", name: { kk: "АӘК алушылар", ru: "Получатели АСП", en: "ASP recipients" } },
        // Declared by the version read for too: read as usual, not set aside.
        { id: "own_revenue", name: { kk: "Өзіндік кірістер", ru: "Собственные доходы" } },
      ],
    },
  ],
};

let dir = "";
/** `null`: read for a version alone, without the family option. */
const read = (names: string[], family: FamilyFields | null = FAMILY) =>
  readDataFiles(names, MODEL, { cwd: dir, ...(family ? { family } : {}) });
const file = (name: string, text: string) => writeFile(path.join(dir, name), text);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tarazy-versions-"));
  await file(
    "long.csv",
    [
      "unit,period,field,value",
      "turkistan,2025-01,own_revenue,1200", // 2
      "turkistan,2025-01,asp_recipients,4806", // 3
      "arys,2025-01,asp_recipients,", // 4: empty, not a value
      "nowhere,2025-01,asp_recipients,12 тг", // 5: set aside whole, so neither unit nor value is read
      "arys,2025-01,Получатели АСП,300", // 6: by its Russian name
      "arys,2025-Q1,old_index,101.5", // 7
      "arys,2025-01,asp_recipient,1", // 8: no version has it
      "",
    ].join("\n"),
  );
  await file(
    "wide.csv",
    [
      "unit;period;own_revenue;Получатели АСП;old_index;own_revenu",
      "turkistan;2025-02;1300;4700;;", // 2
      "arys;2025-02;;310;99,5;", // 3
      "sairam;2025-02;;;;", // 4
      "",
    ].join("\n"),
  );
  await file(
    "records.json",
    JSON.stringify([
      { unit: "turkistan", period: "2025-03", field: "asp_recipients", value: 4700 },
      { unit: "arys", period: "2025-03", own_revenue: 400, old_index: 98, asp_recipients: null },
    ]),
  );
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Wide");
  sheet.addRow(["unit", "period", "own_revenue", "asp_recipients"]);
  sheet.addRow(["turkistan", "2025-04", 1400, 4600]);
  await writeFile(path.join(dir, "book.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fields of other versions of the family", () => {
  it("long CSV: set aside by id or name, counted once per file and field; an unknown field stays an error", async () => {
    const r = await read(["long.csv"]);
    expect(r.observations.map(obs)).toEqual(["turkistan own_revenue 2025-01 = 1200 @ long.csv:2:31"]);
    expect(r.diagnostics.map(diag)).toEqual([
      // No version has asp_recipient; another version has a close name.
      'D122 error long.csv:8:14: unknown field "asp_recipient" | did you mean `asp_recipients`? (a field of version 2024.1, 2025.1) (fields are matched by id or name (kk, ru, en); declare the field in fields.yaml if it is new)',
      "D128 info long.csv:3:19: field asp_recipients is not part of version 2026.1 (it belongs to 2024.1, 2025.1): its 3 values in this file are not used | nothing to do if they are meant for version 2024.1, 2025.1, which reads them (tarazy data check --version 2025.1 checks them); if they are meant for 2026.1, declare the field in its fields.yaml",
      "D128 info long.csv:7:14: field old_index is not part of version 2026.1 (it belongs to 2024.1): its 1 value in this file is not used | nothing to do if they are meant for version 2024.1, which reads them (tarazy data check --version 2024.1 checks them); if they are meant for 2026.1, declare the field in its fields.yaml",
    ]);
    expect(r.setAside).toEqual([
      { file: "long.csv", field: "asp_recipients", versions: ["2024.1", "2025.1"], values: 3 },
      { file: "long.csv", field: "old_index", versions: ["2024.1"], values: 1 },
    ]);
    expect(r.files[0]?.rows).toBe(7);
  });

  it("without the family option the same fields are unknown (D122), as for a version alone", async () => {
    const r = await read(["long.csv"], null);
    // asp_recipients (lines 3 and 5, listed once), Получатели АСП, old_index, asp_recipient
    expect(r.diagnostics.filter((d) => d.code === "D122").map((d) => d.range.start.line)).toEqual([3, 6, 7, 8]);
    expect(r.diagnostics.some((d) => d.code === "D128")).toBe(false);
    expect(r.setAside).toEqual([]);
  });

  it("wide CSV: a column of another version is set aside at its header, with its non-empty cells counted", async () => {
    const r = await read(["wide.csv"]);
    expect(r.observations.map(obs)).toEqual(["turkistan own_revenue 2025-02 = 1300 @ wide.csv:2:19"]);
    expect(r.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([
      'D122 1:50 unknown field "own_revenu"',
      "D128 1:25 field asp_recipients is not part of version 2026.1 (it belongs to 2024.1, 2025.1): its 2 values in this file are not used",
      "D128 1:40 field old_index is not part of version 2026.1 (it belongs to 2024.1): its 1 value in this file is not used",
    ]);
  });

  it("JSON (long and wide records) and Excel sheets alike; the Excel message names the cell", async () => {
    const r = await read(["records.json", "book.xlsx"]);
    expect(r.observations.map(obs)).toEqual([
      "arys own_revenue 2025-03 = 400 @ records.json:1:128",
      "turkistan own_revenue 2025-04 = 1400 @ book.xlsx Wide:2:3",
    ]);
    expect(
      r.diagnostics.map((d) => `${d.code} ${d.severity} ${d.file}: ${d.message.split(" is not part")[0]}`),
    ).toEqual([
      "D128 info records.json: field asp_recipients",
      "D128 info records.json: field old_index",
      "D128 info book.xlsx: Wide!D1: field asp_recipients",
    ]);
    expect(r.setAside.map((s) => `${s.file} ${s.field} ${s.values}`)).toEqual([
      "records.json asp_recipients 1", // null is an empty cell, not a value
      "records.json old_index 1",
      "book.xlsx asp_recipients 1",
    ]);
  });

  it("the summary counts the values set aside, over every file", async () => {
    const r = await read(["long.csv", "wide.csv", "records.json"]);
    // long.csv 3 + 1, wide.csv 2 + 1, records.json 1 + 1
    expect(summarizeData(r)).toMatchObject({ observations: 3, setAside: 9 });
  });

  it("property: the fields read are those of a version alone; the others are only counted", async () => {
    const own = ["own_revenue", "unemployment"];
    const other = ["asp_recipients", "old_index"];
    const row = fc.record({
      unit: fc.constantFrom("turkistan", "arys", "sairam"),
      month: fc.integer({ min: 1, max: 12 }),
      field: fc.constantFrom(...own, ...other),
      value: fc.oneof(fc.integer({ min: 0, max: 9999 }).map(String), fc.constant("")),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { minLength: 1, selector: (x) => `${x.unit}|${x.month}|${x.field}` }),
        async (rows) => {
          const lines = rows.map((x) => `${x.unit},2025-${String(x.month).padStart(2, "0")},${x.field},${x.value}`);
          const name = `p${run++}.csv`;
          const ownName = `p${run++}-own.csv`;
          await file(name, `unit,period,field,value\n${lines.join("\n")}\n`);
          const ownLines = lines.filter((_, i) => own.includes(rows[i]?.field ?? ""));
          await file(ownName, `unit,period,field,value\n${ownLines.join("\n")}\n`);
          const mixed = await read([name]);
          const alone = await read([ownName], null);
          const key = (o: { unit: string; field: string; period: string; value: number | "n/a" }) =>
            `${o.unit} ${o.field} ${o.period} ${o.value}`;
          expect(mixed.observations.map(key)).toEqual(alone.observations.map(key));
          expect(mixed.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
          const counted = Object.fromEntries(mixed.setAside.map((s) => [s.field, s.values]));
          for (const field of other) {
            const values = rows.filter((x) => x.field === field && x.value !== "").length;
            expect(counted[field] ?? 0).toBe(values);
          }
          expect(mixed.diagnostics.filter((d) => d.code === "D128")).toHaveLength(mixed.setAside.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("the fields of a family's other versions", () => {
  const ROOT = path.resolve(import.meta.dirname, "../../..");

  it("familyFields leaves out the version read for", () => {
    const v = (root: string, version: string, id: string) => ({ root, version, fields: [{ id, name: { kk: id } }] });
    expect(
      familyFields({ root: "/f/2026.1", version: "2026.1" }, [
        v("/f/2025.1", "2025.1", "a"),
        v("/f/2026.1", "2026.1", "b"),
      ]),
    ).toEqual({
      version: "2026.1",
      others: [{ version: "2025.1", fields: [{ id: "a", name: { kk: "a" } }] }],
    });
  });

  it("loadFamilyFields finds the districts' other version from either version folder; none for a version alone", () => {
    const districts = path.join(ROOT, "rules/turkistan/districts");
    const of2026 = loadFamilyFields({ root: path.join(districts, "2026.1"), version: "2026.1" });
    expect(of2026?.version).toBe("2026.1");
    expect(of2026?.others.map((o) => o.version)).toEqual(["2025.1"]);
    expect(of2026?.others[0]?.fields.some((f) => f.id === "asp_recipients")).toBe(true);
    const of2025 = loadFamilyFields({ root: path.join(districts, "2025.1"), version: "2025.1" });
    expect(of2025?.others.map((o) => o.version)).toEqual(["2026.1"]);
    expect(of2025?.others[0]?.fields.some((f) => f.id === "families_level_up_share")).toBe(true);
    // procurement has one version: nothing else to set aside.
    const procurement = path.join(ROOT, "rules/turkistan/procurement/2026.1");
    expect(loadFamilyFields({ root: procurement, version: "2026.1" })).toBeUndefined();
  });
});
