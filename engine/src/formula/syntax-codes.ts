import { defineCodes } from "../diagnostics/catalog.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Range } from "../source/range.js";

/** Diagnostics of reading a formula's text (F100-F199): characters, brackets, operators, limits. */
export const SyntaxCode = defineCodes({
  F100: {
    severity: "error",
    title: "Empty formula",
    description: "The formula has no text, or only spaces.",
    example: 'formula: ""',
    fix: "Write the formula, e.g. `own_revenue / own_revenue_plan * 100`.",
  },
  F101: {
    severity: "error",
    title: "Formula too long",
    description:
      "The formula is longer than the limit (10,000 characters by default). A formula this long is almost always pasted data or a mistake, and is not read further.",
    example: "a formula of 20,000 characters",
    fix: "Split the calculation into several indicators, each with a short formula.",
  },
  F102: {
    severity: "error",
    title: "Formula nested too deeply",
    description:
      "Brackets, function calls and signs are nested deeper than the limit (64 levels by default). The formula is not read further, so a runaway formula cannot exhaust memory.",
    example: "((((((((((x)))))))))) nested 100 times",
    fix: "Remove unneeded brackets, or split the calculation into several indicators.",
  },
  F103: {
    severity: "error",
    title: "Unknown character",
    description:
      "A character that has no meaning in a formula: names use Latin, Cyrillic (including Kazakh) letters, digits and `_`; operators are + - * / ^ = <> < <= > >=.",
    example: "revenue$ / plan",
    fix: "Remove the character, or use the operator the message suggests.",
  },
  F104: {
    severity: "error",
    title: "Text never closed",
    description: 'A text value opened with `"` has no closing `"` on the same line. A text value cannot span lines.',
    example: 'if(unit.kind = "district, 1, 0)',
    fix: 'Add the closing `"` where the text ends.',
  },
  F105: {
    severity: "error",
    title: "Text in the wrong quotes",
    description:
      "Text values are written in straight double quotes. Typographic quotes (« », “ ”) and single quotes, often added by word processors, are not read as quotes.",
    example: "unit.kind = «district»",
    fix: 'Replace the quotes with straight double quotes: `"district"`.',
  },
  F106: {
    severity: "error",
    title: "Number too large",
    description: "A number is too large to be represented (above about 1.8e308).",
    example: "1e400",
    fix: "Check the number; a rating formula never needs numbers this large.",
  },
  F107: {
    severity: "error",
    title: "Number followed directly by a name",
    description:
      "A number is written directly against a name or a bracket, as in algebra (`2x`). Formulas need the operator written out.",
    example: "2x + 1",
    fix: "Write the multiplication: `2 * x + 1`.",
  },
  F108: {
    severity: "error",
    title: "Incomplete exponent",
    description: "A number in scientific notation has `e` without digits after it.",
    example: "1e + 5",
    fix: "Write the exponent's digits directly after `e`: `1e5`, `2.5e-3`.",
  },
  F109: {
    severity: "error",
    title: "Number with more than one decimal point",
    description: "A number is written with two or more decimal points, like a date or a version number.",
    example: "2.5.1",
    fix: "Write one number with one decimal point, e.g. `2.51`, or a date as separate fields.",
  },
  F110: {
    severity: "error",
    title: "Parenthesis never closed",
    description: "A `(` has no matching `)`. The message names where it was opened.",
    example: "round(fact / plan * 100, 1",
    fix: "Add `)` where the bracketed part ends.",
  },
  F111: {
    severity: "error",
    title: "Unexpected closing parenthesis",
    description: "A `)` has no `(` before it for it to close.",
    example: "fact / plan) * 100",
    fix: "Remove the `)`, or add the `(` it was meant to close.",
  },
  F112: {
    severity: "error",
    title: "Value expected",
    description:
      "An operator, a comma or a bracket is not followed (or preceded) by the value it needs, e.g. a number, a name or a function call.",
    example: "fact / * 100",
    fix: "Write the missing value, or remove the extra operator.",
  },
  F113: {
    severity: "error",
    title: "Operator expected",
    description: "Two values stand next to each other with no operator between them.",
    example: "fact plan",
    fix: "Write the operator between them (for example `*` or `+`), or a comma if they are a function's arguments.",
  },
  F114: {
    severity: "error",
    title: "Unexpected symbol",
    description:
      "A symbol stands where it has no meaning, for example a comma outside a function's brackets. Commas separate a function's arguments only.",
    example: "(a, b)",
    fix: "Remove the symbol, or write the function name before the brackets if they are a function's arguments.",
  },
  F115: {
    severity: "error",
    title: "Decimal comma",
    description:
      "A number is written with a decimal comma (`12,5`). Formulas use a decimal point, as in Excel with English settings; a comma separates a function's arguments.",
    example: "fact / plan * 12,5",
    fix: "Write the number with a point: `12.5`.",
  },
  F116: {
    severity: "error",
    title: "Chained comparison",
    description:
      "Comparisons cannot be chained: `a < b < c` would compare the true/false result of `a < b` with `c`. Join two comparisons with `and`.",
    example: "0 < x < 100",
    fix: "Write `0 < x and x < 100`.",
  },
  F117: {
    severity: "error",
    title: "`not` needs brackets here",
    description:
      "`not` applies to a whole condition and binds more loosely than comparisons and arithmetic, so inside them it must be put in brackets.",
    example: "flag = not done",
    fix: "Put the negation in brackets: `flag = (not done)`.",
  },
  F120: {
    severity: "error",
    title: "`==` instead of `=`",
    description: "Equality is written `=`, as in Excel.",
    example: 'unit.kind == "city"',
    fix: 'Write `=`: `unit.kind = "city"`.',
  },
  F121: {
    severity: "error",
    title: "`!=` instead of `<>`",
    description: "Inequality is written `<>`, as in Excel.",
    example: 'unit.kind != "city"',
    fix: 'Write `<>`: `unit.kind <> "city"`.',
  },
  F122: {
    severity: "error",
    title: "Programming-language logic operator",
    description: "Conditions are joined with the words `and`, `or` and `not`, not with `&&`, `||` or `!`.",
    example: "x > 0 && y > 0",
    fix: "Write `x > 0 and y > 0`.",
  },
  F123: {
    severity: "error",
    title: "`;` between arguments",
    description:
      "A function's arguments are separated by commas. Excel with Russian or Kazakh settings shows `;` there; Tarazy formulas always use `,`.",
    example: "round(x; 2)",
    fix: "Write `round(x, 2)`.",
  },
  F124: {
    severity: "error",
    title: "`**` instead of `^`",
    description: "Powers are written with `^`, as in Excel.",
    example: "x ** 2",
    fix: "Write `x ^ 2`.",
  },
  F199: {
    severity: "error",
    title: "Formula could not be read",
    description:
      "The formula reader met a case it does not handle. This is a defect in Tarazy, not in the formula; please report it with the formula.",
    example: "(none known)",
    fix: "Report the formula to the Tarazy maintainers; rewriting it slightly usually avoids the problem.",
  },
});

/** A fix for a syntax error: replace the reported text, or the text between offsets `at` and `to`. */
export interface SyntaxFix {
  readonly title: string;
  readonly newText: string;
  readonly at?: number;
  readonly to?: number;
}

/**
 * Collects the syntax diagnostics of one formula. Stages report offsets in the formula's text; `rangeOf`
 * maps them to positions in the enclosing file (a formula inside YAML), so every diagnostic points there.
 */
export class SyntaxDiagnostics {
  readonly list: Diagnostic[] = [];
  /** Offsets in the formula where diagnostics start, so later stages can avoid a second report there. */
  private readonly starts: number[] = [];

  constructor(
    readonly rangeOf: (start: number, end: number) => Range,
    private readonly file?: string,
  ) {}

  error(
    code: string,
    start: number,
    end: number,
    message: string,
    extra: { suggestion?: string; fix?: SyntaxFix } = {},
  ): void {
    const { suggestion, fix } = extra;
    this.starts.push(start);
    const file = this.file === undefined ? {} : { file: this.file };
    const editRange = fix ? this.rangeOf(fix.at ?? start, fix.to ?? (fix.at === undefined ? end : fix.at)) : undefined;
    this.list.push({
      code,
      severity: "error",
      message,
      ...file,
      range: this.rangeOf(start, end),
      ...(suggestion === undefined ? {} : { suggestion }),
      ...(fix && editRange
        ? { fix: { title: fix.title, edits: [{ ...file, range: editRange, newText: fix.newText }] } }
        : {}),
    });
  }

  /** Whether a diagnostic already starts between formula offsets `start` and `end` (both included). */
  reportedWithin(start: number, end: number): boolean {
    return this.starts.some((s) => s >= start && s <= end);
  }

  /** The diagnostics in the order of their position in the text. */
  sorted(): Diagnostic[] {
    return [...this.list].sort(
      (a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset,
    );
  }
}
