import { describe, expect, it } from "vitest";
import { decodeDataBytes, firstInvalidUtf8 } from "../../src/data/readers/decode.js";
import { diag, obs, readFixtures } from "./model.js";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("text encodings of data files", () => {
  it("reads UTF-16 with a BOM (Excel's Unicode text), tab-separated", async () => {
    const r = await readFixtures(["utf16.csv"]);
    expect(r.diagnostics).toEqual([]);
    expect(r.observations.map(obs)).toEqual(["turkistan own_revenue 2026-03 = 99 @ utf16.csv:2:31"]);
  });

  it("reads a Windows-1251 export with a warning at the first byte that is not UTF-8", async () => {
    const r = await readFixtures(["cp1251.csv"]);
    expect(r.observations.map(obs)).toEqual(["turkistan own_revenue 2026-03 = 1200.5 @ cp1251.csv:2:31"]);
    expect(r.diagnostics.map(diag)).toEqual([
      "D105 warning cp1251.csv:2:1: this file is not UTF-8 (byte 25, line 2, column 1); it was read as Windows-1251 (Cyrillic) | save it as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8) so that it is read without guessing",
      // "г. Арыс" (the Russian name of arys) was decoded right; its value says there is no data
      'D134 warning cp1251.csv:3:29: "н/д" means no data: read as an empty cell (missing), not as n/a | leave the cell empty if the value is unknown, or write n/a if the field does not apply to this unit',
    ]);
  });

  it("reports other non-UTF-8 bytes with their byte position, line and column", async () => {
    const r = await readFixtures(["not-utf8.csv"]);
    expect(r.observations).toEqual([]);
    expect(r.diagnostics.map(diag)).toEqual([
      "D104 error not-utf8.csv:2:33: the byte 0x81 at byte 56 (line 2, column 33) is not UTF-8 text | save the file as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8)",
    ]);
    // The file was read, so it has a hash for the manifest, but no rows.
    expect(r.files.map((f) => [f.path, f.rows])).toEqual([["not-utf8.csv", 0]]);
  });

  it("gives a clear message for a binary file named .csv", async () => {
    const r = await readFixtures(["zip-as.csv", "nul.csv"]);
    expect(r.diagnostics.map(diag)).toEqual([
      "D103 error zip-as.csv:1:1: this file is a ZIP archive, such as an Excel workbook (.xlsx), not text | if it is an Excel workbook, rename it to .xlsx; otherwise export the data as CSV UTF-8",
      "D103 error nul.csv:1:12: this file holds binary data (a zero byte at byte 11), not text | export the data as CSV UTF-8 or .xlsx",
    ]);
  });

  it("decodeDataBytes: BOMs, UTF-8, Windows-1251 only when every other byte is Cyrillic", () => {
    expect(decodeDataBytes(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ ok: true, text: "a", encoding: "utf-8" });
    expect(decodeDataBytes(bytes(0xd0, 0xb0))).toEqual({ ok: true, text: "а", encoding: "utf-8" });
    expect(decodeDataBytes(bytes(0xff, 0xfe, 0x30, 0x04))).toEqual({ ok: true, text: "а", encoding: "utf-16" });
    expect(decodeDataBytes(bytes(0x61, 0x0a, 0xe0, 0xa0, 0x20, 0xb9))).toEqual({
      ok: true,
      text: "a\nа\u00a0 №",
      encoding: "windows-1251",
      firstNonUtf8: { byte: 2, line: 2, column: 1 },
    });
    // 0x8A is Љ in Windows-1251, not a Russian or Kazakh letter: not guessed at.
    expect(decodeDataBytes(bytes(0x61, 0xe0, 0x8a))).toMatchObject({ ok: false, kind: "encoding", line: 1, column: 2 });
    expect(decodeDataBytes(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toMatchObject({
      ok: false,
      kind: "binary",
      message: "this file is an old Excel 97-2003 workbook (.xls) or another old Office file, not text",
    });
  });

  it("firstInvalidUtf8 finds overlong, surrogate, truncated and stray bytes", () => {
    expect(firstInvalidUtf8(bytes(0x61, 0x62))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0xf0, 0x9f, 0x98, 0x80))).toBe(-1); // an emoji
    expect(firstInvalidUtf8(bytes(0x61, 0xc0, 0x80))).toBe(1); // overlong
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xe2, 0x82))).toBe(2); // truncated at the end
    expect(firstInvalidUtf8(bytes(0x80))).toBe(0); // a continuation byte alone
    expect(firstInvalidUtf8(bytes(0xf5, 0x80, 0x80, 0x80))).toBe(0); // beyond U+10FFFF
  });
});
