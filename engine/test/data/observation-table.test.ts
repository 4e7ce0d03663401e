import { describe, expect, it } from "vitest";
import { ObservationTable } from "../../src/data/observation-table.js";

describe("ObservationTable", () => {
  it("keeps unit, field, source, column and length past 16 bits: a chunk widens and keeps what it held", () => {
    const table = new ObservationTable();
    const rows: [number, number, number, number, number, number, number, number][] = [
      [1, 2, 72_936, 1.5, 0, 3, 5, 4],
      [65_535, 65_535, 72_937, Number.NaN, 65_535, 70_000, 65_535, 65_535],
      // Past 16 bits in every narrow column, after narrow rows in the same chunk.
      [70_000, 100_000, 72_938, -2.25, 65_536, 2 ** 31 - 1, 1 << 20, 123_456],
      [4, 5, 72_939, 0, 7, 8, 9, 10],
    ];
    for (const r of rows) table.add(...r);
    // A second chunk (65,536 entries a chunk) starts narrow again and widens on its own.
    for (let i = rows.length; i < 65_536; i++) table.add(0, 0, 0, 0, 0, 1, 1, 1);
    table.add(80_000, 1, 2, 3, 4, 5, 90_000, 6);
    const chunks = (table as unknown as { chunks: Record<"row" | "source" | "column" | "length", ArrayLike<number>>[] })
      .chunks;
    rows.forEach(([unit, field, period, value, , row], i) => {
      expect([table.unit(i), table.field(i), table.period(i), table.value(i)]).toEqual([
        unit,
        field,
        period,
        Number.isNaN(value) ? "n/a" : value,
      ]);
      expect(chunks[0]?.row[i]).toBe(row);
    });
    expect([chunks[0]?.source[2], chunks[0]?.column[2], chunks[0]?.length[2]]).toEqual([65_536, 1 << 20, 123_456]);
    expect([chunks[0]?.source[1], chunks[0]?.column[1], chunks[0]?.length[1]]).toEqual([65_535, 65_535, 65_535]);
    expect([table.unit(65_536), chunks[1]?.column[0]]).toEqual([80_000, 90_000]);
    expect(table.unit(65_535)).toBe(0);
  });
});
