/**
 * Numbers as government spreadsheets write them: "1 234,5" (space or no-break-space thousands, decimal
 * comma), "1,234.5", "1.234,5", "45%", "−3". A number is read only when its meaning is certain: "1,234"
 * (one comma, then three digits) could be 1234 or 1.234, so it is rejected unless the caller knows that
 * the comma is the decimal separator (a semicolon-separated CSV, as Excel writes in ru/kk locales).
 * The text is turned into a plain JS numeral and read with Number(), so no digit is rounded on the way.
 * See docs/data-format.md.
 */

export type NumberProblem = "not-a-number" | "ambiguous" | "dash" | "too-large" | "excel-error";

export type ParsedCell =
  /** Nothing written: not an observation. */
  | { readonly kind: "empty" }
  /** An explicit not-applicable ("n/a"). */
  | { readonly kind: "n/a" }
  /** "н/д", "no data", "...": the value is not known, read like an empty cell (the reader warns). */
  | { readonly kind: "no-data"; readonly text: string }
  /** `percent` when the text ended in "%": the number is the percent itself ("45%" is 45). */
  | { readonly kind: "number"; readonly value: number; readonly percent: boolean }
  | {
      readonly kind: "invalid";
      readonly problem: NumberProblem;
      readonly message: string;
      readonly suggestion: string;
    };

export interface NumberOptions {
  /** The comma is the decimal separator (semicolon-separated CSV): "1,234" reads as 1.234. */
  readonly decimalComma?: boolean;
}

/** Space, no-break space, figure space, thin space, narrow no-break space, tab. */
const SPACES = /[ \u00a0\u2007\u2009\u202f\t]/g;
const MINUS = /^[-+\u2212]/;

function normalizeWord(text: string): string {
  return text.trim().replace(SPACES, " ").replace(/ +/g, " ").toLowerCase();
}

/** Spellings of an explicit "not applicable". */
export const NOT_APPLICABLE_SPELLINGS: readonly string[] = [
  "n/a",
  "n.a.",
  "not applicable",
  "неприменимо",
  "не применимо",
  "қолданылмайды",
];

/** Spellings of "no data" (нет данных): read as missing, like an empty cell, with a warning. */
export const NO_DATA_SPELLINGS: readonly string[] = [
  "н/д",
  "н.д.",
  "нет данных",
  "no data",
  "дерек жоқ",
  "деректер жоқ",
  "...",
  "…",
];

/** Dashes: statistics tables use "-" for "nothing happened" (a zero), people also use it for "unknown". */
const DASHES = new Set(["-", "–", "—", "--", "−"]);

const EXCEL_ERRORS = new Set([
  "#n/a",
  "#div/0!",
  "#value!",
  "#ref!",
  "#name?",
  "#num!",
  "#null!",
  "#getting_data",
  "#spill!",
  "#calc!",
]);

const YES_NO = new Set(["yes", "no", "true", "false", "да", "нет", "иә", "жоқ", "ия"]);

const NUMBER_ONLY = "write the number only: digits, an optional sign, a decimal point or comma, and nothing else";

/** Reads one cell's text: empty, n/a, no data, a number, or why it is none of these. */
export function parseCellValue(text: string, options: NumberOptions = {}): ParsedCell {
  const word = normalizeWord(text);
  if (word === "") return { kind: "empty" };
  if (NOT_APPLICABLE_SPELLINGS.includes(word)) return { kind: "n/a" };
  if (NO_DATA_SPELLINGS.includes(word)) return { kind: "no-data", text: text.trim() };
  if (DASHES.has(word)) {
    return invalid(
      "dash",
      `"${text.trim()}" is not a value: a dash can mean zero or unknown`,
      "write 0 if there was none, n/a if the field does not apply to this unit, or leave the cell empty if the value is not known",
    );
  }
  if (EXCEL_ERRORS.has(word)) {
    return invalid(
      "excel-error",
      `the cell holds the Excel error ${text.trim().toUpperCase()} (a formula failed), not a value`,
      "fix the formula in the spreadsheet, or write n/a if the field does not apply to this unit",
    );
  }
  return parseNumber(text, options);
}

/** Reads a number, with an optional trailing "%"; anything else is "invalid" with a reason. */
export function parseNumber(text: string, options: NumberOptions = {}): ParsedCell {
  let body = text.trim().replace(SPACES, " ").trim();
  const original = text.trim();
  const percent = body.endsWith("%");
  if (percent) body = body.slice(0, -1).trimEnd();
  let sign = "";
  if (MINUS.test(body)) {
    sign = body[0] === "+" ? "" : "-";
    body = body.slice(1).trimStart();
  }
  const numeral = toNumeral(body, options.decimalComma ?? false);
  if (numeral === "ambiguous") {
    const whole = sign + body.replace(",", "");
    const decimal = sign + body.replace(",", ".");
    return invalid(
      "ambiguous",
      `"${original}" could be ${whole} or ${decimal}: the comma may separate thousands or decimals`,
      `write ${whole} for the whole number or ${decimal} with a decimal point`,
    );
  }
  if (numeral === undefined)
    return invalid("not-a-number", `"${shorten(original)}" is not a number`, hintFor(original));
  const value = Number(sign + numeral);
  if (!Number.isFinite(value)) {
    return invalid("too-large", `"${shorten(original)}" is too large to be a number`, NUMBER_ONLY);
  }
  return { kind: "number", value: value === 0 ? 0 : value, percent };
}

const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(?:${sep === "." ? "\\." : sep}\\d{3})+$`);
const SPACE_GROUPED = GROUPED(" ");
const COMMA_GROUPED = GROUPED(",");
const DOT_GROUPED = GROUPED(".");
const DIGITS = /^\d+$/;
const EXPONENT = /^(.*?)[eE]([+-]?\d+)$/;

/**
 * The JS numeral for `body` (no sign, no percent), "ambiguous" for "1,234"-like text, undefined when it
 * is not a number. Thousands separators: spaces in groups of three, or the one of "," and "." that is not
 * the decimal separator when both occur.
 */
function toNumeral(body: string, decimalComma: boolean): string | "ambiguous" | undefined {
  let mantissa = body;
  let exponent = "";
  const e = EXPONENT.exec(body);
  if (e) {
    mantissa = e[1] ?? "";
    exponent = `e${e[2]}`;
  }
  const split = splitDecimal(mantissa, decimalComma);
  if (split === undefined || split === "ambiguous") return split;
  const [integer, fraction] = split;
  if (integer === "" && fraction === undefined) return undefined;
  return `${integer === "" ? "0" : integer}${fraction === undefined ? "" : `.${fraction}`}${exponent}`;
}

/** [integer digits, fraction digits?]: the decimal separator found and every grouping checked. */
function splitDecimal(text: string, decimalComma: boolean): [string, string?] | "ambiguous" | undefined {
  if (DIGITS.test(text)) return [text];
  if (text.includes(" ")) {
    const m = /^([\d ]*)(?:([.,])(\d+))?$/.exec(text);
    if (!m || !SPACE_GROUPED.test(m[1] ?? "")) return undefined;
    return [(m[1] ?? "").replaceAll(" ", ""), m[3]];
  }
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // Both occur: the last one is the decimal separator, the other groups thousands.
    const decimalAt = Math.max(lastComma, lastDot);
    const group = lastComma > lastDot ? "." : ",";
    const integer = text.slice(0, decimalAt);
    const fraction = text.slice(decimalAt + 1);
    if (!DIGITS.test(fraction) || !(group === "," ? COMMA_GROUPED : DOT_GROUPED).test(integer)) return undefined;
    return [integer.replaceAll(group, ""), fraction];
  }
  const sep = lastComma >= 0 ? "," : lastDot >= 0 ? "." : undefined;
  if (sep === undefined) return undefined;
  const parts = text.split(sep);
  if (parts.length > 2) {
    // "1,234,567" or "1.234.567": only thousands groups can repeat.
    return (sep === "," ? COMMA_GROUPED : DOT_GROUPED).test(text) ? [parts.join("")] : undefined;
  }
  const [integer = "", fraction = ""] = parts;
  if (!(integer === "" || DIGITS.test(integer)) || !DIGITS.test(fraction)) return undefined;
  const couldGroup = sep === "," && !decimalComma && fraction.length === 3 && /^[1-9]\d{0,2}$/.test(integer);
  return couldGroup ? "ambiguous" : [integer, fraction];
}

function hintFor(text: string): string {
  const word = normalizeWord(text);
  if (YES_NO.has(word)) return "write 1 for yes and 0 for no";
  if (word === "na" || word === "n.a" || word === "н/п" || word === "x" || word === "х") {
    return "write n/a if the field does not apply to this unit, or leave the cell empty if the value is not known";
  }
  const unit = /^[-+\u2212]?[\d\s.,]*\d\s*([^\d\s.,%].*)$/u.exec(text.trim());
  if (unit) return `write the number without "${shorten(unit[1] ?? "")}"`;
  if (/^\(\s*[\d\s.,]+\)$/.test(text.trim())) return "write a negative number with a minus sign: -123";
  return NUMBER_ONLY;
}

function invalid(problem: NumberProblem, message: string, suggestion: string): ParsedCell {
  return { kind: "invalid", problem, message, suggestion };
}

/** Cell text quoted in a message: long text is cut so that one bad cell cannot flood the output. */
export function shorten(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
