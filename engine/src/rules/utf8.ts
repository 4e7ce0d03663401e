/**
 * Where a byte sequence stops being UTF-8. TextDecoder's fatal mode says only that it failed; a person needs
 * the place, so this walks the bytes with the UTF-8 rules (RFC 3629: no overlongs, no surrogates, <= U+10FFFF).
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1] ?? 0;
    if (b === 0xe0 && second < 0xa0) return i; // overlong 3-byte form
    if (b === 0xed && second > 0x9f) return i; // UTF-16 surrogate
    if (b === 0xf0 && second < 0x90) return i; // overlong 4-byte form
    if (b === 0xf4 && second > 0x8f) return i; // above U+10FFFF
    i += length;
  }
  return undefined;
}

/** The text, or where and why it is not UTF-8. A leading byte order mark is dropped. */
export function decodeUtf8(
  bytes: Uint8Array,
): { readonly text: string } | { readonly badByte: number; readonly utf16: boolean; readonly prefix: string } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    const badByte = firstInvalidUtf8Byte(bytes) ?? 0;
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const prefix = new TextDecoder("utf-8").decode(bytes.subarray(0, badByte));
    return { badByte, utf16, prefix: prefix.replace(/^\uFEFF/, "") };
  }
}
