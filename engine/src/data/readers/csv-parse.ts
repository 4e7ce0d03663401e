/**
 * RFC 4180 CSV, as spreadsheets write it: comma, semicolon or tab separators; CRLF, LF or CR line ends;
 * quoted cells with separators, doubled quotes and line breaks inside. One pass over the text, so a huge
 * or odd file takes time in proportion to its size and never hangs. Offsets are into the text given.
 */
export interface CsvCell {
  /** The cell's text, quotes removed and doubled quotes undone. */
  readonly text: string;
  /** Offsets of the cell in the text, quotes included. */
  readonly start: number;
  readonly end: number;
  /** A quote opened and never closed: the cell runs to the end of the file. */
  readonly unclosedQuote?: boolean;
  /** Offset of text found after a closing quote ("abc"def). */
  readonly textAfterQuote?: number;
}

export interface CsvRecord {
  readonly cells: readonly CsvCell[];
  readonly start: number;
  /** Where the next record starts (after the line break), or the text's length. */
  readonly next: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
export const SEPARATORS = [";", "\t", ","] as const;
export type Separator = (typeof SEPARATORS)[number];

/** An Excel "sep=;" first line: the separator, and where the table starts after it. */
export function separatorLine(text: string): { separator: Separator; start: number } | undefined {
  const m = /^sep=([;,\t])[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  return m ? { separator: m[1] as Separator, start: m[0].length } : undefined;
}

/**
 * The separator of the header line: the one of ";", tab and "," that occurs most often outside quotes
 * (ties in that order, so "unit;period;value,5" is semicolon-separated). Comma when there is none.
 */
export function detectSeparator(text: string, start = 0): Separator {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  const limit = Math.min(text.length, start + 65_536);
  for (let i = start; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === CR || c === LF)) break;
    else if (!quoted) {
      const ch = text[i] ?? "";
      const n = counts.get(ch);
      if (n !== undefined) counts.set(ch, n + 1);
    }
  }
  let best: Separator = ",";
  let bestCount = 0;
  for (const s of SEPARATORS) {
    const n = counts.get(s) ?? 0;
    if (n > bestCount) {
      best = s;
      bestCount = n;
    }
  }
  return best;
}

/** The records of the text from `start`, one at a time. A blank line is a record of one empty cell. */
export function* parseCsv(text: string, separator: Separator, start = 0): Generator<CsvRecord> {
  const sep = separator.charCodeAt(0);
  const n = text.length;
  let i = start;
  while (i < n) {
    const recordStart = i;
    const cells: CsvCell[] = [];
    for (;;) {
      const cell = text.charCodeAt(i) === QUOTE ? quotedCell(text, i, sep) : plainCell(text, i, sep);
      cells.push(cell);
      i = cell.end;
      if (cell.unclosedQuote || i >= n) {
        yield { cells, start: recordStart, next: n };
        return;
      }
      const c = text.charCodeAt(i);
      if (c === sep) {
        i++;
        if (i >= n) {
          cells.push({ text: "", start: n, end: n });
          yield { cells, start: recordStart, next: n };
          return;
        }
        continue;
      }
      // A line end: CRLF, LF or CR.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      yield { cells, start: recordStart, next: i };
      break;
    }
  }
}

function plainCell(text: string, start: number, sep: number): CsvCell {
  let j = start;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === sep || c === CR || c === LF) break;
  }
  return { text: text.slice(start, j), start, end: j };
}

function quotedCell(text: string, start: number, sep: number): CsvCell {
  let value = "";
  let from = start + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return { text: value + text.slice(from), start, end: text.length, unclosedQuote: true };
    if (text.charCodeAt(q + 1) === QUOTE) {
      value += text.slice(from, q + 1);
      from = q + 2;
      continue;
    }
    value += text.slice(from, q);
    const after = q + 1;
    const rest = plainCell(text, after, sep);
    // Spaces after the closing quote are a common slip and change nothing.
    if (rest.text.trim() === "") return { text: value, start, end: rest.end };
    return { text: value + rest.text, start, end: rest.end, textAfterQuote: after };
  }
}
