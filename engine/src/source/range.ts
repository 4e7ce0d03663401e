/**
 * Positions in source text. Lines and columns are 1-based, as editors and `file:line:col` show them;
 * offsets are 0-based UTF-16 indices into the JavaScript string (what the language server converts to LSP).
 */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A text with its line starts, so offsets turn into line/column in O(log n). */
export class SourceText {
  readonly lineStarts: readonly number[];
  /** The text's length in UTF-16 code units. */
  readonly length: number;
  /**
   * @internal The text, or how to make it (SourceText.lazy). Not private: a private member would make
   * SourceText nominal, and the engine's sources and its build could not be given for each other.
   */
  textOrMaker: string | (() => string);

  constructor(text: string);
  /** @internal see SourceText.lazy */
  constructor(text: () => string, lineStarts: readonly number[], length: number);
  constructor(text: string | (() => string), lineStarts?: readonly number[], length?: number) {
    this.textOrMaker = text;
    this.lineStarts = lineStarts ?? lineStartsOf(text as string);
    this.length = length ?? (text as string).length;
  }

  /**
   * A text whose line starts are known and whose characters are made only when asked for (a data file read
   * from its bytes: positions need only the line starts).
   */
  static lazy(lineStarts: readonly number[], length: number, make: () => string): SourceText {
    return new SourceText(make, lineStarts, length);
  }

  get text(): string {
    if (typeof this.textOrMaker !== "string") this.textOrMaker = this.textOrMaker();
    return this.textOrMaker;
  }

  position(offset: number): Position {
    return positionIn(this.lineStarts, this.length, offset);
  }

  /** The position of an offset on line `line` or after it (no search when it is on that line). */
  positionFrom(offset: number, line: number): Position {
    const start = this.lineStarts[line - 1];
    const next = this.lineStarts[line];
    if (start !== undefined && start <= offset && (next === undefined || offset < next) && offset <= this.length)
      return { offset, line, column: offset - start + 1 };
    return this.position(offset);
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.position(startOffset), end: this.position(endOffset) };
  }

  /** The text of 1-based line `line`, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return "";
    const next = this.lineStarts[line];
    return this.text.slice(start, next ?? this.length).replace(/\r?\n$|\r$/, "");
  }
}

/** Where each line starts: after \n, \r\n or a lone \r. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf("\r") < 0) {
    // Only \n breaks (the common case): indexOf finds them several times faster than a loop over 70 MB.
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
  }
  return starts;
}

/** The position of an offset in a text of `length` characters with these line starts (clamped to the text). */
export function positionIn(lineStarts: readonly number[], length: number, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, length));
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= clamped) lo = mid;
    else hi = mid - 1;
  }
  return { offset: clamped, line: lo + 1, column: clamped - (lineStarts[lo] ?? 0) + 1 };
}

/** A range that covers a whole string on one line, for text with no source of its own. */
export function rangeOfLength(length: number): Range {
  return { start: { offset: 0, line: 1, column: 1 }, end: { offset: length, line: 1, column: length + 1 } };
}
