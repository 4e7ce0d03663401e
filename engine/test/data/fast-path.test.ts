import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCellValue } from "../../src/data/parse-number.js";
import { CsvChars } from "../../src/data/readers/csv-chars.js";
import { readCsv } from "../../src/data/readers/csv-reader.js";
import { ObservationMerger } from "../../src/data/readers/merge.js";
import { NameIndex } from "../../src/data/readers/names.js";
import { FileProblems } from "../../src/data/readers/problems.js";
import { plainNumber } from "../../src/data/readers/records.js";
import { SourceText } from "../../src/source/range.js";
import { MODEL } from "./model.js";

describe("the plain-number fast path", () => {
  const numeral = fc
    .tuple(fc.boolean(), fc.stringMatching(/^\d{1,22}$/), fc.option(fc.stringMatching(/^\d{1,22}$/)))
    .map(([minus, whole, fraction]) => `${minus ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}`);

  it("reads a plain numeral as the locale-aware parser does, to the bit, in either decimal style", () => {
    fc.assert(
      fc.property(numeral, fc.boolean(), (text, decimalComma) => {
        const parsed = parseCellValue(text, { decimalComma });
        expect(parsed.kind).toBe("number");
        expect(Object.is(plainNumber(text), parsed.kind === "number" ? parsed.value : undefined)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("declines anything else, or agrees with the parser on it", () => {
    const pieces = fc.constantFrom("1", "0", "9", "-", ".", ",", " ", "e", "+", "%", "\u00a0", "n/a", "1e400");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const text = parts.join("");
        const fast = plainNumber(text);
        if (fast === undefined) return;
        const parsed = parseCellValue(text);
        expect(parsed.kind === "number" && Object.is(parsed.value, fast)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps -0 as 0 and hands over a numeral too long for a double", () => {
    expect(Object.is(plainNumber("-0.00"), 0)).toBe(true);
    expect(plainNumber(`1${"0".repeat(400)}`)).toBeUndefined();
    expect(plainNumber("1.")).toBeUndefined();
    expect(plainNumber("-")).toBeUndefined();
    expect(plainNumber("")).toBeUndefined();
  });
});

const units = new NameIndex(MODEL.units, (u) => [...u.aliases, u.name.kk, u.name.ru, u.name.en]);
const fields = new NameIndex(MODEL.fields, (f) => [f.name.kk, f.name.ru, f.name.en]);

function read(text: string | CsvChars) {
  const problems = new FileProblems("t.csv", 10_000);
  const merger = new ObservationMerger();
  readCsv(text, { file: "t.csv", units, fields, problems, merger, counts: { rows: 0 } });
  return { diagnostics: problems.finish(), observations: merger.observations };
}

/** What does not depend on where the cells are: values, and diagnostics without their places. */
function meaning(r: ReturnType<typeof read>) {
  return {
    observations: r.observations.map((o) => [o.unit, o.field, o.period, o.value]),
    diagnostics: r.diagnostics.map((d) => [d.code, d.message.replace(/line \d+/g, "line N")]),
  };
}

describe("wide CSV rows read from the text", () => {
  const cell = fc.constantFrom("12.5", "-3", "0", "", " ", "1 234.5", "n/a", "45%", "abc", "-", "7", "1.", "н/д");
  const unit = fc.constantFrom("turkistan", "Арыс", "nowhere", "", "sairam");
  const period = fc.constantFrom("2026-03", "2026-Q1", "2026", "2025-12", "03.2026", "");
  const row = fc.tuple(unit, period, fc.array(cell, { minLength: 3, maxLength: 3 }), fc.constantFrom("", ",5"));
  const header = "unit,period,own_revenue,unemployment,procurement_share\n";

  it("give the same values and diagnostics as the general reader (all cells quoted, which it alone reads)", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const plain = rows.map(([u, p, cells, extra]) => `${[u, p, ...cells].join(",")}${extra}\n`).join("");
        const quoted = rows
          .map(([u, p, cells, extra]) => `${[u, p, ...cells].map((c) => `"${c}"`).join(",")}${extra}\n`)
          .join("");
        expect(meaning(read(header + plain))).toEqual(meaning(read(header + quoted)));
      }),
      { numRuns: 400 },
    );
  });

  it("put every value at its line and column", () => {
    const r = read(`${header}turkistan,2026-Q1,12.5,,7\narys,2026-Q1,"1 234,5",3,\n`);
    expect(r.observations.map((o) => `${o.field}=${o.value}@${o.source.row}:${o.source.column}`)).toEqual([
      "own_revenue=12.5@2:19",
      "procurement_share=7@2:25",
      "own_revenue=1234.5@3:14",
      "unemployment=3@3:24",
    ]);
  });
});

describe("an ASCII file read in its bytes", () => {
  const cell = fc.constantFrom(
    "12.5",
    "-3",
    "0",
    "",
    " ",
    "1 234.5",
    "n/a",
    "45%",
    "abc",
    '"7"',
    '"1,5"',
    '"a""b"',
    '"x',
  );
  const unit = fc.constantFrom("turkistan", "arys", "nowhere", "", '"sairam"');
  const period = fc.constantFrom("2026-03", "2026-Q1", "2026", "2025-12", "");
  const row = fc.tuple(unit, period, fc.array(cell, { minLength: 3, maxLength: 3 }), fc.constantFrom("", ",5"));
  const start = fc.constantFrom("", "\n\n", "sep=,\n", '"unit",');
  const header = "unit,period,own_revenue,unemployment,procurement_share";
  // Enough plain rows before the drawn ones that these lie beyond the start read from a prefix (64 KB).
  const filler = "turkistan,2026-01,1,2,3\n".repeat(3000);

  it("gives the values, places and diagnostics its text gives", () => {
    fc.assert(
      fc.property(
        start,
        fc.boolean(),
        fc.array(row, { maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        (before, padded, rows, eol) => {
          const body = rows.map(([u, p, cells, extra]) => `${[u, p, ...cells].join(",")}${extra}`).join(eol);
          const head = before === '"unit",' ? `"unit",${header.slice(5)}` : `${before}${header}`;
          const text = `${head}${eol}${padded ? filler.replaceAll("\n", eol) : ""}${body}`;
          const fromBytes = read(CsvChars.ofAscii(Buffer.from(text, "latin1")));
          expect(fromBytes).toEqual(read(text));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("long CSV rows read from the text", () => {
  const unit = fc.constantFrom("turkistan", "Арыс", "nowhere", "", "sairam");
  const period = fc.constantFrom("2026-03", "2026-Q1", "2026", "2026-04", "03.2026", "");
  const field = fc.constantFrom(
    "own_revenue",
    "Own_Revenue",
    "new_jobs",
    "procurement_share",
    "population",
    "nope",
    "",
  );
  const value = fc.constantFrom("12.5", "-3", "0", "", " ", "1 234.5", "n/a", "45%", "abc", "7", "1.");
  const row = fc.tuple(unit, period, field, value, fc.constantFrom("", ",5"));
  const header = "unit,period,field,value\n";

  it("give the same values and diagnostics as the general reader (all cells quoted, which it alone reads)", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const cells = (r: (typeof rows)[number]) => r.slice(0, 4) as string[];
        const plain = rows.map((r) => `${cells(r).join(",")}${r[4]}\n`).join("");
        const quoted = rows
          .map(
            (r) =>
              `${cells(r)
                .map((c) => `"${c}"`)
                .join(",")}${r[4]}\n`,
          )
          .join("");
        expect(meaning(read(header + plain))).toEqual(meaning(read(header + quoted)));
      }),
      { numRuns: 400 },
    );
  });

  it("put every value at its line and column, the plain and the general rows alike", () => {
    const r = read(
      `${header}turkistan,2026-03,own_revenue,12.5\narys,2026-03,unemployment,"1 234,5"\nsairam,2026-Q1,procurement_share,7\n`,
    );
    expect(r.observations.map((o) => `${o.field}=${o.value}@${o.source.row}:${o.source.column}`)).toEqual([
      "own_revenue=12.5@2:31",
      "unemployment=1234.5@3:27",
      "procurement_share=7@4:34",
    ]);
  });
});

describe("the table's compact provenance", () => {
  it("rebuilds each cell's range from its row, column and length: the text there reads as the value", () => {
    const value = fc.constantFrom("12.5", "-3", '"1 234,5"', '"7\n"', "n/a", '"4""', "8");
    const row = fc.tuple(
      fc.constantFrom("turkistan", '"Арыс"', "sairam"),
      fc.constantFrom("2026-Q1", "2026"),
      value,
      value,
    );
    const newline = fc.constantFrom("\n", "\r\n", "\r");
    let checked = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(row, newline), { maxLength: 8 }), (rows) => {
        const text = `unit,period,own_revenue,unemployment\n${rows.map(([r, nl]) => r.join(",") + nl).join("")}`;
        const problems = new FileProblems("t.csv", 10_000);
        const merger = new ObservationMerger();
        readCsv(text, { file: "t.csv", units, fields, problems, merger, counts: { rows: 0 } });
        const { table } = merger;
        const source = new SourceText(text);
        for (let i = 0; i < table.length; i++) {
          const range = table.range(i);
          expect(source.position(range.start.offset)).toEqual(range.start);
          expect(source.position(range.end.offset)).toEqual(range.end);
          const cell = text.slice(range.start.offset, range.end.offset);
          const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
          const parsed = parseCellValue(unquoted);
          const expected = parsed.kind === "number" ? parsed.value : parsed.kind;
          expect(expected).toEqual(table.value(i));
          checked++;
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(500);
  });
});
