import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Observation } from "../../src/data/observation.js";
import { readCsv } from "../../src/data/readers/csv-reader.js";
import { decodeDataBytes } from "../../src/data/readers/decode.js";
import { readJson } from "../../src/data/readers/json-reader.js";
import { ObservationMerger } from "../../src/data/readers/merge.js";
import { NameIndex } from "../../src/data/readers/names.js";
import { FileProblems } from "../../src/data/readers/problems.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { SourceText } from "../../src/source/range.js";
import { MODEL } from "./model.js";

const units = new NameIndex(MODEL.units, (u) => [...u.aliases, u.name.kk, u.name.ru, u.name.en]);
const fields = new NameIndex(MODEL.fields, (f) => [f.name.kk, f.name.ru, f.name.en]);

function readText(text: string, reader: (text: string, base: Parameters<typeof readCsv>[1]) => void = readCsv) {
  const problems = new FileProblems("t.csv", 10_000);
  const merger = new ObservationMerger();
  reader(text, { file: "t.csv", units, fields, problems, merger, counts: { rows: 0 } });
  return { diagnostics: problems.finish(), observations: merger.observations };
}

/** Every diagnostic and observation points at a real place in the text. */
function expectInside(text: string, diagnostics: readonly Diagnostic[], observations: readonly Observation[]) {
  const source = new SourceText(text);
  const lines = source.lineStarts.length;
  for (const d of diagnostics) {
    const { start, end } = d.range;
    expect(start.line).toBeGreaterThanOrEqual(1);
    expect(start.line).toBeLessThanOrEqual(lines);
    expect(start.column).toBeGreaterThanOrEqual(1);
    expect(start.column).toBeLessThanOrEqual(source.lineText(start.line).length + 1);
    expect(start.offset).toBeLessThanOrEqual(text.length);
    expect(end.offset).toBeGreaterThanOrEqual(start.offset);
    expect(end.offset).toBeLessThanOrEqual(text.length);
    expect(source.position(start.offset)).toEqual(start);
  }
  for (const o of observations) {
    expect(o.source.row).toBeLessThanOrEqual(lines);
    expect(o.source.column).toBeLessThanOrEqual(source.lineText(o.source.row).length + 1);
    expect(o.value === "n/a" || Number.isFinite(o.value)).toBe(true);
  }
}

const pieces = [
  ",",
  ";",
  "\t",
  '"',
  '""',
  "\n",
  "\r\n",
  "\r",
  " ",
  "\u00a0",
  "unit",
  "period",
  "field",
  "value",
  "turkistan",
  "Арыс",
  "own_revenue",
  "unemployment",
  "procurement_share",
  "2026-03",
  "2026-Q1",
  "2026",
  "1 234,5",
  "1,234",
  "45%",
  "n/a",
  "н/д",
  "-",
  "x",
  "7",
  "sep=;",
];
const csvText = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(""));
const header = fc.constantFrom("unit,period,field,value\n", "unit;period;own_revenue;unemployment\r\n", "");

describe("properties of the readers", () => {
  it("random CSV text never throws, and every diagnostic points inside the file", () => {
    fc.assert(
      fc.property(header, fc.oneof(csvText, fc.string({ maxLength: 80 })), (head, body) => {
        const text = head + body;
        const { diagnostics, observations } = readText(text);
        expectInside(text, diagnostics, observations);
      }),
      { numRuns: 1500 },
    );
  });

  it("random JSON-like text never throws, and every diagnostic points inside the file", () => {
    const jsonPieces = [
      "[",
      "]",
      "{",
      "}",
      ",",
      ":",
      '"unit"',
      '"period"',
      '"field"',
      '"value"',
      '"turkistan"',
      '"2026-03"',
      '"own_revenue"',
      "1",
      "null",
      "true",
      " ",
      "\n",
      '"',
    ];
    const jsonText = fc.array(fc.constantFrom(...jsonPieces), { maxLength: 40 }).map((p) => p.join(""));
    fc.assert(
      fc.property(fc.oneof(jsonText, fc.string({ maxLength: 60 })), (text) => {
        const { diagnostics, observations } = readText(text, readJson);
        expectInside(text, diagnostics, observations);
      }),
      { numRuns: 1500 },
    );
  });

  it("random bytes never make the decoder throw", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const d = decodeDataBytes(bytes);
        if (!d.ok) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it("text of one encoding reads as the UTF-8 decoder reads it, ASCII (the Latin-1 copy) or not", () => {
    const texts = fc.oneof(
      fc.string({ unit: fc.integer({ min: 1, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
      fc.string({ unit: "grapheme", maxLength: 40 }).filter((t) => !t.includes("\u0000") && !t.startsWith("\ufeff")),
    );
    fc.assert(
      fc.property(texts, fc.boolean(), (text, bom) => {
        const bytes = new TextEncoder().encode(bom ? `\ufeff${text}` : text);
        const d = decodeDataBytes(bytes);
        expect(d).toMatchObject({ ok: true, text, encoding: "utf-8" });
      }),
      { numRuns: 1000 },
    );
  });

  it("a long table written in any of the usual styles reads back exactly", () => {
    const monthly = MODEL.fields.filter((f) => f.frequency === "month" && !f.measure.includes("%"));
    const row = fc.record({
      unit: fc.integer({ min: 0, max: MODEL.units.length - 1 }),
      field: fc.integer({ min: 0, max: monthly.length - 1 }),
      month: fc.integer({ min: 1, max: 12 }),
      cents: fc.integer({ min: -99_999_999, max: 99_999_999 }),
      quote: fc.boolean(),
      byName: fc.boolean(),
    });
    const style = fc.record({
      semicolon: fc.boolean(),
      crlf: fc.boolean(),
      spaces: fc.constantFrom(" ", "\u00a0", "\u202f", ""),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (r) => `${r.unit}/${r.field}/${r.month}`, minLength: 1, maxLength: 30 }),
        style,
        (rows, s) => {
          const sep = s.semicolon ? ";" : ",";
          const eol = s.crlf ? "\r\n" : "\n";
          const lines = [["unit", "period", "field", "value"].join(sep)];
          for (const r of rows) {
            const u = MODEL.units[r.unit];
            const f = monthly[r.field];
            if (!u || !f) continue;
            const whole = String(Math.trunc(Math.abs(r.cents) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, s.spaces);
            const frac = String(Math.abs(r.cents) % 100).padStart(2, "0");
            const number = `${r.cents < 0 ? "-" : ""}${whole}${s.semicolon ? "," : "."}${frac}`;
            const cell = r.quote || number.includes(sep) ? `"${number}"` : number;
            const unit = r.byName ? (u.name.ru ?? u.id) : u.id;
            lines.push([unit, `2026-${String(r.month).padStart(2, "0")}`, f.id, cell].join(sep));
          }
          const { diagnostics, observations } = readText(lines.join(eol) + eol);
          expect(diagnostics).toEqual([]);
          const got = observations.map((o) => `${o.unit} ${o.field} ${o.period} ${o.value}`);
          const want = rows.map((r) => {
            const period = `2026-${String(r.month).padStart(2, "0")}`;
            return `${MODEL.units[r.unit]?.id} ${monthly[r.field]?.id} ${period} ${r.cents / 100}`;
          });
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});
