import { describe, expect, it } from "vitest";
import type { Observation } from "../../src/data/observation.js";
import { parsePeriod } from "../../src/data/period.js";
import { buildDataStore, type DataStore, periodCode, periodFromCode, type StoreModel } from "../../src/data/store.js";
import { describeMissing, isMissing, type Value } from "../../src/formula/value.js";

const model: StoreModel = {
  units: [
    { id: "arys", aliases: ["Арыс"] },
    { id: "kentau", aliases: [] },
  ],
  fields: [
    { id: "revenue", aggregate: "sum", cumulative: true, frequency: "month" },
    { id: "jobs", aggregate: "sum", cumulative: false, frequency: "month" },
    { id: "staff", aggregate: "last", cumulative: false, frequency: "month" },
    { id: "price", aggregate: "mean", cumulative: false, frequency: "month" },
    { id: "roads", aggregate: "sum", cumulative: false, frequency: "quarter" },
    { id: "invest", aggregate: "sum", cumulative: true, frequency: "quarter" },
  ],
};

let row = 1;
function obs(unit: string, field: string, period: string, value: number | "n/a"): Observation {
  row += 1;
  return { unit, field, period, value, source: { file: "data.csv", row, column: 4 } };
}

function code(text: string): number {
  const p = parsePeriod(text);
  if (!p) throw new Error(text);
  return periodCode(p);
}

function reason(v: Value): string {
  if (!isMissing(v)) throw new Error(`expected missing, got ${String(v)}`);
  return describeMissing(v.reason);
}

function store(observations: Observation[]): DataStore {
  const built = buildDataStore(model, observations);
  expect(built.diagnostics).toEqual([]);
  return built.store;
}

// Running totals since January: 100, 250, 450 (Q1), 500, 700, 1000 (Q2); 2025: ..., 900 at June.
const revenue = [
  obs("arys", "revenue", "2026-01", 100),
  obs("arys", "revenue", "2026-02", 250),
  obs("arys", "revenue", "2026-03", 450),
  obs("arys", "revenue", "2026-04", 500),
  obs("arys", "revenue", "2026-05", 700),
  obs("arys", "revenue", "2026-06", 1000),
  obs("arys", "revenue", "2025-03", 300),
  obs("arys", "revenue", "2025-06", 900),
];

describe("period codes", () => {
  it("round-trip months, quarters and years and order like comparePeriods", () => {
    for (const text of ["2026-01", "2026-12", "2026-Q1", "2026-Q4", "2026", "1999-07"]) {
      const p = parsePeriod(text);
      expect(p && periodFromCode(periodCode(p))).toEqual(p);
    }
    expect(code("2026-01")).toBeLessThan(code("2026-Q1"));
    expect(code("2026-Q1")).toBeLessThan(code("2026"));
    expect(code("2026")).toBeLessThan(code("2026-02"));
  });
});

describe("cumulative fields", () => {
  const s = store(revenue);
  const f = s.fieldIndex("revenue");
  it("give each month its flow: January as reported, later months the difference", () => {
    expect(s.value(f, 0, code("2026-01"))).toBe(100);
    expect(s.value(f, 0, code("2026-02"))).toBe(150); // 250 - 100
    expect(s.value(f, 0, code("2026-06"))).toBe(300); // 1000 - 700
  });
  it("give a quarter the flow of its months: cum(end) - cum(end of the previous quarter)", () => {
    expect(s.value(f, 0, code("2026-Q1"))).toBe(450); // cum(March), nothing before January
    expect(s.value(f, 0, code("2026-Q2"))).toBe(550); // 1000 - 450
    expect(s.value(f, 0, code("2025-Q2"))).toBe(600); // 900 - 300, though April and May 2025 are absent
  });
  it("give ytd as the running total at the period's end", () => {
    expect(s.ytd(f, 0, code("2026-Q2"))).toBe(1000);
    expect(s.ytd(f, 0, code("2026-05"))).toBe(700);
    expect(s.ytd(f, 0, code("2025-Q2"))).toBe(900);
  });
  it("name the month whose running total is missing", () => {
    expect(reason(s.value(f, 0, code("2026-Q3")))).toBe("no value of revenue for arys in 2026-09");
    expect(reason(s.value(f, 0, code("2025-01")))).toBe("no value of revenue for arys in 2025-01");
    expect(s.value(f, 0, code("2025-Q1"))).toBe(300); // cum(March 2025) alone
  });
  it("need the previous quarter's end for a flow", () => {
    const partial = store([obs("arys", "revenue", "2026-06", 1000)]);
    expect(reason(partial.value(0, 0, code("2026-Q2")))).toBe("no value of revenue for arys in 2026-03");
    expect(partial.ytd(0, 0, code("2026-Q2"))).toBe(1000);
  });
  it("treat a quarter reported for a quarterly cumulative field as the running total at its end", () => {
    const q = store([obs("arys", "invest", "2026-Q1", 40), obs("arys", "invest", "2026-Q2", 100)]);
    const i = q.fieldIndex("invest");
    expect(q.value(i, 0, code("2026-Q2"))).toBe(60); // 100 - 40
    expect(q.ytd(i, 0, code("2026-Q2"))).toBe(100);
    expect(reason(q.value(i, 0, code("2026-Q3")))).toBe("no value of invest for arys in 2026-Q3");
  });
  it("sum a year from its running total in December", () => {
    const y = store([obs("arys", "revenue", "2026-12", 5000), obs("arys", "revenue", "2025-12", 4000)]);
    expect(y.value(0, 0, code("2026"))).toBe(5000);
  });
});

describe("non-cumulative fields", () => {
  const s = store([
    obs("arys", "jobs", "2026-01", 5),
    obs("arys", "jobs", "2026-02", 7),
    obs("arys", "jobs", "2026-03", 9),
    obs("arys", "jobs", "2026-04", 1),
    obs("arys", "jobs", "2026-05", 2),
    obs("arys", "staff", "2026-01", 40),
    obs("arys", "staff", "2026-03", 43),
    obs("arys", "price", "2026-01", 10),
    obs("arys", "price", "2026-02", 11),
    obs("arys", "price", "2026-03", 15),
    obs("arys", "roads", "2026-Q1", 12),
    obs("arys", "roads", "2026-Q2", 8),
    obs("kentau", "jobs", "2026-Q1", 30),
  ]);
  const jobs = s.fieldIndex("jobs");
  it("sum the three months of a quarter", () => {
    expect(s.value(jobs, 0, code("2026-Q1"))).toBe(21); // 5 + 7 + 9
  });
  it("refuse to sum a quarter with a month missing, naming the month", () => {
    expect(reason(s.value(jobs, 0, code("2026-Q2")))).toBe("no value of jobs for arys in 2026-06");
  });
  it("name the first month of a quarter for a field never reported at all", () => {
    expect(reason(s.value(s.fieldIndex("jobs"), 1, code("2026-Q2")))).toBe("no value of jobs for kentau in 2026-04");
    const other = store([obs("arys", "jobs", "2026-01", 1)]); // price has no cell at all
    expect(reason(other.value(other.fieldIndex("price"), 0, code("2026-Q1")))).toBe(
      "no value of price for arys in 2026-01",
    );
  });
  it("use a value reported for the quarter as such", () => {
    expect(s.value(jobs, 1, code("2026-Q1"))).toBe(30);
  });
  it("take the last month for `last` fields, needing only that month", () => {
    expect(s.value(s.fieldIndex("staff"), 0, code("2026-Q1"))).toBe(43);
    expect(s.ytd(s.fieldIndex("staff"), 0, code("2026-Q1"))).toBe(43);
  });
  it("average the months for `mean` fields", () => {
    expect(s.value(s.fieldIndex("price"), 0, code("2026-Q1"))).toBe(12); // (10 + 11 + 15) / 3
  });
  it("sum January to the end for ytd", () => {
    expect(s.ytd(jobs, 0, code("2026-02"))).toBe(12); // 5 + 7
    expect(s.ytd(jobs, 0, code("2026-05"))).toBe(24); // Q1 21 + 1 + 2
    expect(reason(s.ytd(jobs, 0, code("2026-Q2")))).toBe("no value of jobs for arys in 2026-06");
  });
  it("form a quarterly field's year from its quarters, never from months", () => {
    const roads = s.fieldIndex("roads");
    expect(s.ytd(roads, 0, code("2026-Q2"))).toBe(20); // 12 + 8
    expect(reason(s.value(roads, 0, code("2026")))).toBe("no value of roads for arys in 2026-Q3");
    expect(reason(s.value(roads, 0, code("2026-Q3")))).toBe("no value of roads for arys in 2026-Q3");
  });
});

describe("n/a and provenance", () => {
  it("makes a quarter not applicable when one of its months is n/a, even if another is missing", () => {
    const s = store([obs("arys", "jobs", "2026-01", 1), obs("arys", "jobs", "2026-03", "n/a")]);
    expect(reason(s.value(1, 0, code("2026-Q1")))).toBe("jobs is not applicable (n/a) for arys in 2026-03");
  });
  it("keeps the file, row and column of every cell a value was formed from", () => {
    const s = store(revenue);
    expect(s.sources(0, 0, code("2026-Q2")).map((p) => p.row)).toEqual([4, 7]); // March and June
    expect(s.sources(0, 0, code("2026-Q2"), true).map((p) => p.row)).toEqual([7]);
  });
  it("reports whether a period has any data", () => {
    const s = store(revenue);
    expect(s.hasDataIn(code("2026-Q2"))).toBe(true);
    expect(s.hasDataIn(code("2026-Q3"))).toBe(false);
    expect(s.hasDataIn(code("2024-Q1"))).toBe(false);
    expect(s.isBeforeData(code("2024-Q4"))).toBe(true);
    expect(s.isBeforeData(code("2025-Q1"))).toBe(false);
  });
});

describe("data problems are reported, never dropped", () => {
  it("reports unknown units and fields with suggestions, and accepts aliases", () => {
    const built = buildDataStore(model, [
      obs("arysh", "jobs", "2026-01", 1),
      obs("arys", "job", "2026-01", 1),
      obs("Арыс", "jobs", "2026-02", 2),
      obs("arys", "jobs", "2026-13", 2),
    ]);
    expect(built.diagnostics.map((d) => [d.code, d.message, d.suggestion])).toEqual([
      ["S103", "unknown unit 'arysh'", "did you mean `arys`?"],
      ["S104", "unknown field 'job'", "did you mean `jobs`?"],
      ["S105", "'2026-13' is not a month, quarter or year", "write 2026-03, 2026-Q1 or 2026"],
    ]);
    expect(built.store.value(1, 0, code("2026-02"))).toBe(2);
  });
  it("reports a cell given twice with different values, pointing at both", () => {
    const first = obs("arys", "jobs", "2026-01", 1);
    const second = obs("arys", "jobs", "2026-01", 2);
    const built = buildDataStore(model, [first, second, obs("arys", "jobs", "2026-01", 1)]);
    // The third repeats the first value: a harmless duplicate, not a conflict.
    expect(built.diagnostics).toHaveLength(1);
    expect(built.diagnostics[0]).toMatchObject({
      code: "S101",
      file: "data.csv",
      range: { start: { line: second.source.row, column: 4 } },
      related: [{ range: { start: { line: first.source.row } } }],
    });
  });
  it("reports a cumulative quarter that contradicts its last month", () => {
    const built = buildDataStore(model, [obs("arys", "revenue", "2026-Q1", 460), ...revenue]);
    expect(built.diagnostics.map((d) => d.code)).toEqual(["S102"]);
    const same = buildDataStore(model, [obs("arys", "revenue", "2026-Q1", 450), ...revenue]);
    expect(same.diagnostics).toEqual([]);
  });
  it("answers no-data outside the years of data and for an empty store", () => {
    const empty = buildDataStore(model, []).store;
    expect(reason(empty.value(0, 0, code("2026-Q1")))).toBe("no value of revenue for arys in 2026-03");
    expect(reason(empty.value(1, 1, code("2026-Q1")))).toBe("no value of jobs for kentau in 2026-Q1");
    expect(empty.isBeforeData(code("2026-Q1"))).toBe(true);
  });
});
