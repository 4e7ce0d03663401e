import { Buffer, isAscii, isUtf8 } from "node:buffer";
import { SourceText } from "../../source/range.js";

/**
 * Bytes of a text data file (CSV, JSON) to text. UTF-8 with or without BOM, and UTF-16 with a BOM (Excel's
 * "Unicode text"), are read as such. Other bytes are not guessed at, with one exception: when every non-ASCII
 * byte is a Cyrillic letter (or a common sign) of Windows-1251, the code page older Excel versions use for CSV
 * on Russian Windows, the text is read as Windows-1251 with a warning. A wrong guess cannot go unnoticed:
 * unit and field names must then match units.yaml and fields.yaml exactly, and numbers are plain ASCII.
 */
export type Decoded =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: "utf-8" | "utf-16" | "windows-1251";
      /** The bytes of a file that holds only ASCII (then `text` is made from them at its first read). */
      readonly ascii?: Uint8Array;
      /** For windows-1251: where the first byte that is not UTF-8 is, for the warning. */
      readonly firstNonUtf8?: { readonly byte: number; readonly line: number; readonly column: number };
    }
  | {
      readonly ok: false;
      readonly kind: "binary" | "encoding";
      readonly message: string;
      readonly suggestion: string;
      readonly line: number;
      readonly column: number;
    };

const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly what: string; readonly suggestion: string }[] =
  [
    {
      bytes: [0x50, 0x4b, 0x03, 0x04],
      what: "a ZIP archive, such as an Excel workbook (.xlsx)",
      suggestion: "if it is an Excel workbook, rename it to .xlsx; otherwise export the data as CSV UTF-8",
    },
    {
      bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      what: "an old Excel 97-2003 workbook (.xls) or another old Office file",
      suggestion: "open it in Excel and save it as an Excel workbook (.xlsx) or as CSV UTF-8",
    },
    { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document", suggestion: "export the data as CSV UTF-8 or .xlsx" },
  ];

/** Bytes beyond ASCII that Windows-1251 Cyrillic text is made of: letters А-я, Ёё, Іі, no-break space, №, «», dashes, quotes, ellipsis. */
function isCyrillic1251(b: number): boolean {
  return (
    b >= 0xc0 ||
    b === 0xa8 ||
    b === 0xb8 ||
    b === 0xb2 ||
    b === 0xb3 ||
    b === 0xa0 ||
    b === 0xb9 ||
    b === 0xab ||
    b === 0xbb ||
    b === 0x96 ||
    b === 0x97 ||
    b === 0x93 ||
    b === 0x94 ||
    b === 0x85
  );
}

export function decodeDataBytes(bytes: Uint8Array): Decoded {
  for (const s of SIGNATURES) {
    if (s.bytes.every((b, i) => bytes[i] === b)) return binary(`this file is ${s.what}, not text`, s.suggestion);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    try {
      const label = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
      return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding: "utf-16" };
    } catch {
      const message = "this file starts like UTF-16 text but is not valid UTF-16";
      return { ok: false, kind: "encoding", message, suggestion: SAVE_AS_UTF8, line: 1, column: 1 };
    }
  }
  const zero = bytes.indexOf(0);
  if (zero >= 0) {
    const at = positionOfByte(bytes, zero);
    return {
      ...binary(
        `this file holds binary data (a zero byte at byte ${zero}), not text`,
        "export the data as CSV UTF-8 or .xlsx",
      ),
      ...at,
    };
  }
  // ASCII (most statistics exports) is the same text read as Latin-1, a copy rather than a decode, made only
  // when read: the CSV reader scans the bytes themselves (csv-chars.ts). isUtf8 (native) answers the next
  // common case at once; the scan below finds where a file goes wrong.
  if (isAscii(bytes)) {
    let text: string | undefined;
    return {
      ok: true,
      get text() {
        text ??= latin1(bytes);
        return text;
      },
      encoding: "utf-8",
      ascii: bytes,
    };
  }
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad < 0) return { ok: true, text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
  if (bytes.every((b) => b < 0x80 || isCyrillic1251(b))) {
    try {
      const text = new TextDecoder("windows-1251", { fatal: true }).decode(bytes);
      // One byte is one character in Windows-1251.
      const p = new SourceText(text).position(bad);
      return { ok: true, text, encoding: "windows-1251", firstNonUtf8: { byte: bad, line: p.line, column: p.column } };
    } catch {
      // No Windows-1251 decoder in this Node build: report the bytes as not UTF-8.
    }
  }
  const at = positionOfByte(bytes, bad);
  const hex = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, "0");
  return {
    ok: false,
    kind: "encoding",
    message: `the byte 0x${hex} at byte ${bad} (line ${at.line}, column ${at.column}) is not UTF-8 text`,
    suggestion: SAVE_AS_UTF8,
    ...at,
  };
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

const SAVE_AS_UTF8 = "save the file as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8)";

function binary(message: string, suggestion: string): Decoded & { ok: false } {
  return { ok: false, kind: "binary", message, suggestion, line: 1, column: 1 };
}

/** Line and column of the byte, counting the valid UTF-8 text before it (the BOM is not a column). */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
  const p = new SourceText(`${before}.`).position(before.length);
  return { line: p.line, column: p.column };
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > n) return i;
    const second = bytes[i + 1] ?? 0;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const c = bytes[i + k] ?? 0;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}
