import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decodeUtf8, firstInvalidUtf8Byte } from "../../src/rules/utf8.js";

describe("UTF-8 check with the byte position", () => {
  test.each([
    ["valid Kazakh", Buffer.from("Түркістан әқңөұүһі", "utf8"), undefined],
    ["Windows-1251 byte", Buffer.from([0x61, 0x3a, 0x20, 0xcc, 0xe5]), 3],
    ["truncated sequence at the end", Buffer.from([0x61, 0xd0]), 1],
    ["overlong encoding of /", Buffer.from([0xc0, 0xaf]), 0],
    ["UTF-16 surrogate", Buffer.from([0x61, 0xed, 0xa0, 0x80]), 1],
    ["above U+10FFFF", Buffer.from([0xf4, 0x90, 0x80, 0x80]), 0],
    ["lone continuation byte", Buffer.from([0x61, 0x62, 0x80]), 2],
  ])("%s", (_name, bytes, expected) => {
    expect(firstInvalidUtf8Byte(bytes)).toBe(expected);
  });

  test("a byte order mark is dropped, UTF-16 is named", () => {
    expect(decodeUtf8(Buffer.from("\uFEFFa: 1", "utf8"))).toEqual({ text: "a: 1" });
    const utf16 = decodeUtf8(Buffer.from("\uFEFFa", "utf16le"));
    expect("utf16" in utf16 && utf16.utf16).toBe(true);
  });

  test("the prefix before the bad byte is decoded, for the line and column", () => {
    const result = decodeUtf8(Buffer.concat([Buffer.from("a: 1\nb: Ә", "utf8"), Buffer.from([0xff])]));
    expect(result).toMatchObject({ badByte: 10, prefix: "a: 1\nb: Ә" });
  });

  test("property: agrees with TextDecoder's fatal mode on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8Byte(bytes) === undefined).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});
