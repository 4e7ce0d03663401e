import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCellValue, parseNumber } from "../../src/data/parse-number.js";

const value = (text: string, decimalComma = false) => {
  const r = parseCellValue(text, { decimalComma });
  return r.kind === "number" ? r.value : r.kind === "invalid" ? `invalid:${r.problem}` : r.kind;
};

describe("parseCellValue: numbers as spreadsheets write them", () => {
  it.each([
    ["1200", 1200],
    ["  1200  ", 1200],
    ["350.5", 350.5],
    ["1 234,5", 1234.5],
    ["1 234.5", 1234.5],
    ["12\u00a0345,25", 12345.25], // no-break space
    ["1\u202f000\u202f000", 1000000], // narrow no-break space
    ["1\u2009000", 1000], // thin space
    ["1,234.5", 1234.5],
    ["1.234,5", 1234.5],
    ["1,234,567", 1234567],
    ["1.234.567", 1234567],
    ["1,234,567.25", 1234567.25],
    ["0,125", 0.125], // a thousands group never starts with 0
    ["1234,567", 1234.567], // four digits before the comma: not grouped
    ["1,5", 1.5],
    ["12,34", 12.34],
    [",5", 0.5],
    [".5", 0.5],
    ["-7,25", -7.25],
    ["\u22123", -3], // Unicode minus
    ["+4", 4],
    ["- 5", -5],
    ["-0", 0],
    ["007", 7],
    ["1e3", 1000],
    ["1,5E+3", 1500],
    ["2.5e-2", 0.025],
    ["0.1", 0.1],
    ["4262.4", 4262.4],
  ])("%j reads as %d", (text, expected) => {
    expect(value(text)).toBe(expected);
    expect(Object.is(value(text), -0)).toBe(false);
  });

  it("keeps every digit: no rounding on the way", () => {
    // The same double as the plain numeral gives: the text is only rewritten, never computed with.
    expect(value("123 456 789 012,345678")).toBe(Number("123456789012.345678"));
    expect(value("0,1")).toBe(0.1);
    expect(value("9 007 199 254 740 993")).toBe(Number("9007199254740993"));
  });

  it('reads "45%" as 45 and says it had a percent sign', () => {
    expect(parseNumber("45%")).toEqual({ kind: "number", value: 45, percent: true });
    expect(parseNumber("4,5 %", { decimalComma: true })).toEqual({ kind: "number", value: 4.5, percent: true });
    expect(parseNumber("45")).toEqual({ kind: "number", value: 45, percent: false });
  });

  it('"1,234" is ambiguous unless the comma is known to be the decimal separator', () => {
    expect(value("1,234")).toBe("invalid:ambiguous");
    expect(value("12,345")).toBe("invalid:ambiguous");
    expect(value("-123,456")).toBe("invalid:ambiguous");
    expect(value("1,234", true)).toBe(1.234);
    expect(value("12,345", true)).toBe(12.345);
    expect(parseCellValue("-12,345")).toEqual({
      kind: "invalid",
      problem: "ambiguous",
      message: '"-12,345" could be -12345 or -12.345: the comma may separate thousands or decimals',
      suggestion: "write -12345 for the whole number or -12.345 with a decimal point",
    });
  });

  it("empty, n/a and no-data spellings", () => {
    for (const text of ["", "   ", "\u00a0"]) expect(value(text)).toBe("empty");
    for (const text of [
      "n/a",
      "N/A",
      " n/a ",
      "N.A.",
      "not applicable",
      "Неприменимо",
      "не применимо",
      "қолданылмайды",
    ]) {
      expect(value(text)).toBe("n/a");
    }
    for (const text of ["н/д", "Н/Д", "н.д.", "нет данных", "No data", "дерек жоқ", "...", "…"]) {
      expect(value(text)).toBe("no-data");
    }
  });

  it("rejects dashes, Excel errors and text, with a reason and a suggestion", () => {
    for (const text of ["-", "–", "—", "--"]) expect(value(text)).toBe("invalid:dash");
    for (const text of ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?"])
      expect(value(text)).toBe("invalid:excel-error");
    expect(parseCellValue("#N/A")).toMatchObject({
      message: "the cell holds the Excel error #N/A (a formula failed), not a value",
    });
    expect(parseCellValue("1200 тг")).toEqual({
      kind: "invalid",
      problem: "not-a-number",
      message: '"1200 тг" is not a number',
      suggestion: 'write the number without "тг"',
    });
    expect(parseCellValue("да")).toMatchObject({ problem: "not-a-number", suggestion: "write 1 for yes and 0 for no" });
    expect(parseCellValue("(123)")).toMatchObject({ suggestion: "write a negative number with a minus sign: -123" });
    expect(parseCellValue("na")).toMatchObject({ problem: "not-a-number" });
    expect(value("1e999")).toBe("invalid:too-large");
  });

  it.each([
    "1 23",
    "12 3456",
    "1,23.5",
    "1.234.56",
    "1,2,3",
    "5.",
    "1..2",
    "1,234 5",
    "01.03.2026",
    "0x1A",
    "Infinity",
    "NaN",
    "1e",
    "e5",
    "%",
    "١٢", // Arabic-Indic digits
    "12 345.678,9",
    "1 234,5.6",
  ])("%j is not a number", (text) => {
    expect(value(text)).toBe("invalid:not-a-number");
  });

  it("never gives NaN or Infinity, and never throws, for any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.boolean(), (text, decimalComma) => {
        const r = parseCellValue(text, { decimalComma });
        if (r.kind === "number") expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back numbers written with space thousands and a decimal comma, or with comma thousands and a point", () => {
    const spaces = ["\u0020", "\u00a0", "\u202f"];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom(...spaces),
        fc.boolean(),
        (whole, fraction, space, negative) => {
          const digits = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, "|");
          const frac = String(fraction).padStart(4, "0");
          // + 0: a written "-0,0000" reads as 0, never -0 (the reader normalises it, so no "-0" is shown).
          const expected = Number(`${negative ? "-" : ""}${whole}.${frac}`) + 0;
          const ru = `${negative ? "-" : ""}${digits.replaceAll("|", space)},${frac}`;
          const en = `${negative ? "-" : ""}${digits.replaceAll("|", ",")}.${frac}`;
          expect(value(ru)).toBe(expected);
          expect(value(en)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reads a negative zero as 0 (the case the property above once drew: -0, -0,0000, -0 000.0)", () => {
    for (const text of ["-0", "-0,0000", "-0.0000", "-0 000,0"]) expect(Object.is(value(text), 0)).toBe(true);
  });
});
