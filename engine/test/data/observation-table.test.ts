import { describe, expect, it } from "vitest";
import { ObservationTable } from "../../src/data/observation-table.js";

type Row = [number, number, number, number, number, number, number, number];

/** A table with `sources` text sources (file s<i>, lines of 100,000 characters). */
function tableWith(sources: number): ObservationTable {
  const table = new ObservationTable();
  const lineStarts = Array.from({ length: 10 }, (_, i) => i * 100_000);
  for (let s = 0; s < sources; s++) table.addSource({ file: `s${s}`, lineStarts, textLength: 1e6 });
  return table;
}

/** What the table gives back for cell i: unit, field, period, value, file, row, column and length. */
function read(table: ObservationTable, i: number) {
  const p = table.provenance(i);
  const range = table.range(i);
  return [
    table.unit(i),
    table.field(i),
    table.period(i),
    table.value(i),
    p.file,
    p.row,
    p.column,
    range.end.offset - range.start.offset,
  ];
}

function expected([unit, field, period, value, source, row, column, length]: Row) {
  return [unit, field, period, Number.isNaN(value) ? "n/a" : value, `s${source}`, row, column, length];
}

describe("ObservationTable", () => {
  it("keeps unit, field, source, column and length past 16 bits: a chunk widens and keeps what it held", () => {
    const table = tableWith(70_000);
    const rows: Row[] = [
      [1, 2, 72_936, 1.5, 0, 3, 5, 4],
      [65_535, 65_535, 72_937, Number.NaN, 65_535, 7, 65_535, 65_535],
      // Past 16 bits in every narrow column, after narrow rows in the same chunk.
      [70_000, 100_000, 72_938, -2.25, 65_536, 9, 70_000, 23_456],
      [4, 5, 72_939, 0, 7, 8, 9, 10],
    ];
    for (const r of rows) table.add(...r);
    // A second chunk (65,536 entries a chunk) starts narrow again and widens on its own.
    for (let i = rows.length; i < 65_536; i++) table.add(0, 0, 0, 0, 0, 1, 1, 1);
    table.add(80_000, 1, 2, 3, 4, 5, 90_000, 6);
    rows.forEach((r, i) => {
      expect(read(table, i)).toEqual(expected(r));
    });
    expect(read(table, 65_536)).toEqual(expected([80_000, 1, 2, 3, 4, 5, 90_000, 6]));
    expect(read(table, 65_535)).toEqual(expected([0, 0, 0, 0, 0, 1, 1, 1]));
  });

  it("keeps what a row shares once for the run of cells sharing it, and finds each cell's row in any order", () => {
    const table = tableWith(3);
    const cells: Row[] = [];
    // Runs of 1 to 4 cells; a run ends when the unit, period, source or row changes.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 300; run++) {
      const [unit, period, source, row] = [next(3), next(2), next(3), 1 + next(9)];
      for (let k = 0, n = 1 + next(4); k < n; k++) cells.push([unit, next(50), period, k + 0.5, source, row, 1 + k, 1]);
    }
    for (const c of cells) table.add(...c);
    const distinct = cells.filter((c, i) => i === 0 || [0, 2, 4, 5].some((k) => c[k] !== cells[i - 1]?.[k])).length;
    expect(table.rowCount).toBe(distinct);
    // In order, backwards and at random: the same answers.
    cells.forEach((c, i) => {
      expect(read(table, i)).toEqual(expected(c));
    });
    for (let i = cells.length - 1; i >= 0; i--) expect(read(table, i)).toEqual(expected(cells[i] as Row));
    for (let k = 0; k < 500; k++) {
      const i = next(cells.length);
      expect(read(table, i)).toEqual(expected(cells[i] as Row));
    }
    expect(table.rowStart(table.rowCount)).toBe(cells.length);
  });
});
