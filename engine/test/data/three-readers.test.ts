import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDataFiles } from "../../src/data/load-data.js";
import { MODEL } from "./model.js";

/**
 * The same wide table written as CSV, as an Excel sheet and as JSON records (one per line, so that the three
 * put record r on row r + 2) must read into the same observations, each traced to its own file, row and cell.
 */
let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tarazy-three-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FIELDS = ["own_revenue", "unemployment", "new_jobs"] as const;
const UNITS = MODEL.units.map((u) => u.id);

/** A value as a data file holds it: a number with up to 2 decimals, n/a, or nothing. */
const cellValue = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -999_999, max: 9_999_999 }).map((n) => n / 100) },
  { weight: 1, arbitrary: fc.constant("n/a" as const) },
  { weight: 1, arbitrary: fc.constant(null) },
);
/** Records of distinct (unit, month) with a value or nothing per field. */
const table = fc.uniqueArray(
  fc.record({
    unit: fc.constantFrom(...UNITS),
    month: fc.integer({ min: 1, max: 12 }),
    values: fc.tuple(cellValue, cellValue, cellValue),
  }),
  { selector: (r) => `${r.unit} ${r.month}`, minLength: 1, maxLength: 12 },
);
type Rows = typeof table extends fc.Arbitrary<infer T> ? T : never;

const period = (month: number) => `2026-${String(month).padStart(2, "0")}`;

async function writeThree(rows: Rows, name: string): Promise<string[]> {
  const csv = [
    ["unit", "period", ...FIELDS].join(","),
    ...rows.map((r) => [r.unit, period(r.month), ...r.values.map((v) => (v === null ? "" : String(v)))].join(",")),
  ].join("\n");
  const json = [
    '{"data": [',
    rows
      .map((r) => {
        const values = FIELDS.flatMap((f, i) =>
          r.values[i] === null ? [] : [`, "${f}": ${JSON.stringify(r.values[i])}`],
        );
        return `{"unit": "${r.unit}", "period": "${period(r.month)}"${values.join("")}}`;
      })
      .join(",\n"),
    "]}",
  ].join("\n");
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Data");
  sheet.addRow(["unit", "period", ...FIELDS]);
  for (const r of rows) sheet.addRow([r.unit, period(r.month), ...r.values]);
  const files = [`${name}.csv`, `${name}.json`, `${name}.xlsx`];
  await writeFile(path.join(dir, files[0] as string), csv);
  await writeFile(path.join(dir, files[1] as string), json);
  await writeFile(path.join(dir, files[2] as string), Buffer.from(await wb.xlsx.writeBuffer()));
  return files;
}

describe("CSV, Excel and JSON readers", () => {
  it("read the same table into the same observations, each traced to its row and the cell holding it", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(table, async (rows) => {
        const files = await writeThree(rows, `t${run++}`);
        const reads = await Promise.all(files.map((f) => readDataFiles([f], MODEL, { cwd: dir })));
        const expected = rows.flatMap((r) =>
          FIELDS.flatMap((field, i) => {
            const v = r.values[i];
            return v === null || v === undefined ? [] : [{ unit: r.unit, field, period: period(r.month), value: v }];
          }),
        );
        const texts = await Promise.all(files.slice(0, 2).map((f) => readFile(path.join(dir, f), "utf8")));
        reads.forEach((read, k) => {
          expect(read.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
          const got = read.observations.map(({ unit, field, period, value }) => ({ unit, field, period, value }));
          expect(got).toEqual(expected);
          read.observations.forEach((o, i) => {
            const record = rows.findIndex((r) => r.unit === o.unit && period(r.month) === o.period);
            expect([o.source.file, o.source.row]).toEqual([files[k], record + 2]);
            const range = read.table.range(i);
            if (k === 2) {
              // The sheet's cell: its column is the field's (unit, period, then the fields).
              expect([o.source.sheet, o.source.column]).toEqual(["Data", FIELDS.indexOf(o.field as never) + 3]);
            } else {
              const text = (texts[k] as string).slice(range.start.offset, range.end.offset);
              expect(text.replace(/^"|"$/g, "")).toBe(String(o.value));
              expect(range.start.line).toBe(record + 2);
            }
          });
        });
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
