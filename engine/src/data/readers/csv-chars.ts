import { Buffer } from "node:buffer";
import { endianness } from "node:os";
import { SourceText } from "../../source/range.js";

/** Character codes, one per UTF-16 code unit of the text: the bytes of an ASCII file, or the text's units. */
export type CharCodes = Uint8Array | Uint16Array;

/**
 * The characters of a CSV file as the readers need them: the codes, which the plain row reader scans, and the
 * text, made only when a reader asks for it. An ASCII file (most statistics exports) is scanned in its bytes:
 * a national data set's 72 MB made into strings took a quarter of a second, and a typed array is scanned
 * about twice as fast as a string. Offsets are the same either way (one byte, one character).
 */
export class CsvChars {
  readonly source: SourceText;

  private constructor(
    readonly codes: CharCodes,
    source: SourceText,
    private readonly sliceOf: (start: number, end: number) => string,
  ) {
    this.source = source;
  }

  /** The bytes of a file that holds only ASCII (see release). */
  static ofAscii(bytes: Uint8Array): CsvChars {
    let buffer: Buffer | undefined = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const of = () => {
      if (!buffer) throw new Error("the characters of a CSV file were read after its bytes were released");
      return buffer;
    };
    const source = SourceText.lazy(lineStartsOfBytes(bytes), bytes.length, () => of().toString("latin1"));
    const chars = new CsvChars(bytes, source, (start, end) => of().toString("latin1", start, end));
    chars.releaseBytes = () => {
      buffer = undefined;
    };
    return chars;
  }

  private releaseBytes = () => {};

  /**
   * Gives up the file's bytes (the data reader reuses its buffer for the next file): reading the characters
   * after it is a programming error, and throws rather than reads another file's bytes. Positions stay.
   */
  release(): void {
    this.releaseBytes();
  }

  static ofText(text: string): CsvChars {
    return new CsvChars(codesOf(text), new SourceText(text), (start, end) => text.slice(start, end));
  }

  get length(): number {
    return this.codes.length;
  }

  /** The whole text (made at the first call for a file read from its bytes). */
  get text(): string {
    return this.source.text;
  }

  /** Characters `start` to `end` as a string, without making the whole text. */
  slice(start: number, end: number): string {
    return this.sliceOf(Math.max(0, start), Math.min(end, this.codes.length));
  }
}

const LE = endianness() === "LE";

/** The UTF-16 code units of a text in a typed array (natively where the machine is little-endian). */
export function codesOf(text: string): Uint16Array {
  if (LE && text.length >= 64) {
    const bytes = Buffer.from(text, "utf16le");
    // A small Buffer may sit at an odd offset of Node's pool; a large one has an ArrayBuffer of its own.
    if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  }
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

/** Characters `from` to `to` of codes as a string (for the rare cell the fast paths leave). */
export function stringOf(codes: CharCodes, from: number, to: number): string {
  let text = "";
  for (let i = from; i < to; i++) text += String.fromCharCode(codes[i] as number);
  return text;
}

/** Where each line of ASCII bytes starts: after \n, \r\n or a lone \r (as SourceText counts lines). */
function lineStartsOfBytes(bytes: Uint8Array): number[] {
  const starts = [0];
  if (bytes.indexOf(13) < 0) {
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) starts.push(i + 1);
  }
  return starts;
}
