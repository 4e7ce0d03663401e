import type { Lang, RankPolicy } from "../model/ruleset.js";
import { SIGNIFICANT_DIGITS, toSignificant } from "../util/decimal-compare.js";

/**
 * Numbers as the reader of a report expects them. Kazakh and Russian write a decimal comma and group
 * thousands with a (no-break) space, English a decimal point and a comma: 1 234,57 and 1,234.57.
 *
 * Display rounding is decimal, half away from zero, applied to the number as read at 15 significant
 * digits (as Excel displays it), so 1.005 shows as 1.01 and 4262.4 / 4736 * 100 as 90.00, never 89.99.
 * The stored numbers (JSON, CSV, XLSX cells) are never rounded; only these display strings are.
 */
const NBSP = "\u00a0";

interface Separators {
  readonly decimal: string;
  readonly group: string;
}

const SEPARATORS: Readonly<Record<Lang, Separators>> = {
  kk: { decimal: ",", group: NBSP },
  ru: { decimal: ",", group: NBSP },
  en: { decimal: ".", group: "," },
};

/** |x| rounded half away from zero to `decimals` places, as a scaled integer (x = n / 10^decimals). */
function roundedScaled(abs: number, decimals: number): bigint {
  // toExponential(14) gives the 15 significant digits a person reads, e.g. "1.00500000000000e+0".
  const [mantissa = "0", exponent = "0"] = abs.toExponential(SIGNIFICANT_DIGITS - 1).split("e");
  const digits = mantissa.replace(".", "");
  // The number is 0.<digits> x 10^pointAt; keep the digits before the cut.
  const keep = Number(exponent) + 1 + decimals;
  if (keep < 0) return 0n;
  const head = keep === 0 ? "0" : digits.slice(0, keep).padEnd(keep, "0");
  const next = digits[keep] ?? "0";
  return BigInt(head) + (next >= "5" ? 1n : 0n);
}

function groupThousands(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+$)/g, separator);
}

/** The number for display, with `decimals` places (default 2) in the language's notation. */
export function formatNumber(x: number, lang: Lang, decimals = 2): string {
  if (!Number.isFinite(x)) return "–";
  const { decimal, group } = SEPARATORS[lang];
  const scaled = roundedScaled(Math.abs(x), decimals)
    .toString()
    .padStart(decimals + 1, "0");
  const integer = scaled.slice(0, scaled.length - decimals);
  const fraction = decimals > 0 ? decimal + scaled.slice(scaled.length - decimals) : "";
  const negative = x < 0 && /[1-9]/.test(scaled);
  return `${negative ? "-" : ""}${groupThousands(integer, group)}${fraction}`;
}

/** Up to `decimals` places without trailing zeros, for weights and limits: 60, 26.67, 0.5 (or 0,5). */
export function formatShort(x: number, lang: Lang, decimals = 2): string {
  const text = formatNumber(x, lang, decimals);
  const { decimal } = SEPARATORS[lang];
  return text.includes(decimal) ? text.replace(/0+$/, "").replace(new RegExp(`\\${decimal}$`), "") : text;
}

/** A share 0..1 as a whole percentage for display, e.g. 0.876 -> "88%". */
export function formatPercent(share: number, lang: Lang): string {
  return `${formatNumber(share * 100, lang, 0)}%`;
}

/**
 * A number as a person reads it where no fixed decimals apply (explain, `tarazy eval`, CSV): at 15
 * significant digits, as Excel shows it, so binary noise never shows (0.1 + 0.2 is 0.3, 4262.4 / 4736 * 100
 * is 90), '.' as the decimal mark, exponent form only for very small or large numbers. JSON keeps the exact
 * double; this is for faces only.
 */
export function plainNumber(x: number): string {
  if (!Number.isFinite(x)) return "–";
  const shown = toSignificant(x);
  return Object.is(shown, -0) ? "0" : String(shown);
}

/** The same in the language's notation (decimal comma for kk and ru), without grouping: 0,3 or 1234,5. */
export function localNumber(x: number, lang: Lang): string {
  const text = plainNumber(x);
  return SEPARATORS[lang].decimal === "." ? text : text.replace(".", SEPARATORS[lang].decimal);
}

/** Decimals used to show totals and block points: the display setting, never fewer than the ranking's rounding. */
export function totalDecimals(rank: RankPolicy): number {
  return Math.max(rank.displayDecimals ?? rank.round ?? 2, rank.round ?? 0);
}
