import { describe, expect, it } from "vitest";
import { guessPeriod, readPeriodCell } from "../../src/data/readers/period-cell.js";

describe("period cells", () => {
  it("reads text, whole-number years and Excel dates on the 1st of a month", () => {
    expect(readPeriodCell({ kind: "text", text: " 2026-03 " })).toEqual({
      ok: true,
      period: { kind: "month", year: 2026, index: 3 },
    });
    expect(readPeriodCell({ kind: "text", text: "2026-q2" })).toEqual({
      ok: true,
      period: { kind: "quarter", year: 2026, index: 2 },
    });
    expect(readPeriodCell({ kind: "number", value: 2025 })).toEqual({
      ok: true,
      period: { kind: "year", year: 2025, index: 1 },
    });
    expect(readPeriodCell({ kind: "date", date: new Date(Date.UTC(2026, 11, 1)) })).toEqual({
      ok: true,
      period: { kind: "month", year: 2026, index: 12 },
    });
  });

  it("refuses other dates, fractions and other spellings, suggesting the period meant", () => {
    expect(readPeriodCell({ kind: "date", date: new Date(Date.UTC(2026, 2, 31)) })).toEqual({
      ok: false,
      message: "the date 2026-03-31 is not a period",
      suggestion: "write the month as text: 2026-03 (write a month as 2026-03, a quarter as 2026-Q1, a year as 2026)",
    });
    expect(readPeriodCell({ kind: "number", value: 2026.5 })).toMatchObject({
      ok: false,
      message: '"2026.5" is not a period',
    });
    expect(readPeriodCell({ kind: "text", text: "2026-13" })).toMatchObject({ ok: false });
    expect(readPeriodCell({ kind: "boolean", value: true })).toMatchObject({
      ok: false,
      message: '"true" is not a period',
    });
  });

  it.each([
    ["03.2026", "2026-03"],
    ["3/2026", "2026-03"],
    ["2026.03", "2026-03"],
    ["2026/3", "2026-03"],
    ["202603", "2026-03"],
    ["01.03.2026", "2026-03"],
    ["2026-03-01", "2026-03"],
    ["Q1 2026", "2026-Q1"],
    ["2026 Q4", "2026-Q4"],
    ["2026Q2", "2026-Q2"],
    ["I кв. 2026", "2026-Q1"],
    ["3 квартал 2026", "2026-Q3"],
    ["IV тоқсан 2026", "2026-Q4"],
    ["2026 г.", "2026"],
    ["2026 жыл", "2026"],
    ["13.2026", undefined],
    ["March 2026", undefined],
    ["", undefined],
  ])("guessPeriod(%j) is %j", (text, expected) => {
    expect(guessPeriod(text)).toBe(expected);
  });
});
