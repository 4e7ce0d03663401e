import { createToken, type IToken, Lexer, type TokenType } from "chevrotain";
import { SyntaxCode, type SyntaxDiagnostics } from "./syntax-codes.js";

/**
 * The formula language's tokens, and the lexical checks that turn common slips (`==`, `2x`, «quotes»,
 * stray characters) into one clear diagnostic each while leaving a token stream the parser can read.
 */

/** Every token belongs to this category, so the parser can consume "any token" when it skips one. */
export const AnyToken = createToken({ name: "AnyToken", pattern: Lexer.NA });
export const ComparisonOp = createToken({ name: "ComparisonOp", pattern: Lexer.NA });
export const AdditiveOp = createToken({ name: "AdditiveOp", pattern: Lexer.NA });
export const MultiplicativeOp = createToken({ name: "MultiplicativeOp", pattern: Lexer.NA });

function token(name: string, pattern: RegExp | string, ...categories: TokenType[]): TokenType {
  return createToken({ name, pattern, categories: [AnyToken, ...categories] });
}

const LETTER = "A-Za-z_\\u0400-\\u04FF"; // Latin, `_`, Cyrillic (Russian and all Kazakh letters: ә ғ қ ң ө ұ ү һ і)
const NAME = `[${LETTER}][${LETTER}0-9]*`;

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });

/** What the lexer learned about a text literal: its value, whether it was closed, and the quote used. */
export interface TextPayload {
  readonly value: string;
  readonly closed: boolean;
  readonly opener: string;
}

/** Closing quote for each opening quote people paste from word processors. */
const FOREIGN_QUOTES: Record<string, string> = { "«": "»", "“": "”", "„": "“", "”": "”", "'": "'", "‘": "’" };

/**
 * A text literal runs to its closing quote on the same line; `""` inside stands for one `"`. A `"` text
 * with no closing quote runs to the end of its line, so the error stays on that line. Texts in foreign
 * quotes are recognised only when closed, so a stray `'` stays an unknown character.
 */
function matchText(text: string, offset: number): ([string] & { payload: TextPayload }) | null {
  const opener = text[offset] ?? "";
  const closer = opener === '"' ? '"' : FOREIGN_QUOTES[opener];
  if (closer === undefined) return null;
  let value = "";
  let i = offset + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === "\n" || ch === "\r") break;
    if (ch === closer) {
      if (opener === '"' && text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return match(text.slice(offset, i + 1), { value, closed: true, opener });
    }
    value += ch;
    i++;
  }
  return opener === '"' ? match(text.slice(offset, i), { value, closed: false, opener }) : null;
}

function match(image: string, payload: TextPayload): [string] & { payload: TextPayload } {
  return Object.assign([image] as [string], { payload });
}

export const Text = createToken({
  name: "Text",
  pattern: { exec: matchText },
  line_breaks: false,
  start_chars_hint: ['"', ...Object.keys(FOREIGN_QUOTES)],
  categories: [AnyToken],
});
export const NumberToken = token("Number", /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/);
export const Identifier = token("Identifier", new RegExp(`${NAME}(?:\\.${NAME})*`));

function keyword(name: string, ...categories: TokenType[]): TokenType {
  return createToken({
    name,
    pattern: new RegExp(name.toLowerCase(), "i"),
    longer_alt: Identifier,
    categories: [AnyToken, ...categories],
  });
}

export const True = keyword("True");
export const False = keyword("False");
export const MissingKeyword = keyword("Missing");
export const And = keyword("And");
export const Or = keyword("Or");
export const Not = keyword("Not");

export const LessEqual = token("LessEqual", "<=", ComparisonOp);
export const GreaterEqual = token("GreaterEqual", ">=", ComparisonOp);
export const NotEqual = token("NotEqual", "<>", ComparisonOp);
export const Less = token("Less", "<", ComparisonOp);
export const Greater = token("Greater", ">", ComparisonOp);
export const Equal = token("Equal", "=", ComparisonOp);
export const Plus = token("Plus", "+", AdditiveOp);
export const Minus = token("Minus", "-", AdditiveOp);
export const Star = token("Star", "*", MultiplicativeOp);
export const Slash = token("Slash", "/", MultiplicativeOp);
export const Caret = token("Caret", "^");
export const LParen = token("LParen", "(");
export const RParen = token("RParen", ")");
export const Comma = token("Comma", ",");

// Spellings from other languages: lexed so they can be answered with the right spelling, then read as it.
const DoubleEqual = token("DoubleEqual", "==");
const BangEqual = token("BangEqual", "!=");
const DoubleAmpersand = token("DoubleAmpersand", "&&");
const DoublePipe = token("DoublePipe", "||");
const Bang = token("Bang", "!");
const DoubleStar = token("DoubleStar", "**");
const Semicolon = token("Semicolon", ";");
// Typographic signs that word processors and spreadsheets put in place of the ASCII operators.
const MathLessEqual = token("MathLessEqual", "≤");
const MathGreaterEqual = token("MathGreaterEqual", "≥");
const MathNotEqual = token("MathNotEqual", "≠");
const MathTimes = token("MathTimes", /[×·]/);
const MathDivide = token("MathDivide", "÷");
const MathMinus = token("MathMinus", /[−–—]/);

const keywords = [True, False, MissingKeyword, And, Or, Not];
const allTokens: TokenType[] = [
  WhiteSpace,
  Text,
  NumberToken,
  ...keywords,
  Identifier,
  DoubleEqual,
  BangEqual,
  LessEqual,
  GreaterEqual,
  NotEqual,
  Less,
  Greater,
  Equal,
  DoubleAmpersand,
  DoublePipe,
  Bang,
  Plus,
  Minus,
  DoubleStar,
  Star,
  Slash,
  Caret,
  LParen,
  RParen,
  Comma,
  Semicolon,
  MathLessEqual,
  MathGreaterEqual,
  MathNotEqual,
  MathTimes,
  MathDivide,
  MathMinus,
];

/** The token types the parser knows (the other-language spellings never reach it). */
export const parserTokens: TokenType[] = [AnyToken, ComparisonOp, AdditiveOp, MultiplicativeOp, ...allTokens];

/**
 * The lexer. `validate` runs chevrotain's checks of the token definitions: the test suite does
 * (engine/test/formula/grammar.test.ts); a start skips them, as chevrotain advises for a checked grammar.
 */
export function makeLexer(validate = false): Lexer {
  return new Lexer(allTokens, {
    positionTracking: "onlyOffset",
    ensureOptimizations: true,
    skipValidations: !validate,
  });
}

// Built on first use: a start that parses no formula (every formula read from the rule cache) never pays for it.
let lexer: Lexer | undefined;

/** End offset (exclusive) of a token; zero-width for tokens the checks insert. */
export function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

/** A copy of `t` read as another token type (`==` read as `=`), or a zero-width token at `offset`. */
export function retype(t: IToken, type: TokenType): IToken {
  return { ...t, tokenType: type, tokenTypeIdx: type.tokenTypeIdx as number };
}

export function virtualToken(type: TokenType, offset: number): IToken {
  return {
    image: "",
    startOffset: offset,
    endOffset: offset - 1,
    tokenType: type,
    tokenTypeIdx: type.tokenTypeIdx as number,
    startLine: Number.NaN,
    startColumn: Number.NaN,
    endLine: Number.NaN,
    endColumn: Number.NaN,
  };
}

/** Tokens of another notation, the token they are read as, and the code that explains it. */
interface Respelling {
  readonly as: TokenType;
  readonly code: string;
  readonly write: string;
  /** `{written}` stands for the text as written. */
  readonly message: string;
}

const RESPELLINGS = new Map<TokenType, Respelling>([
  [
    DoubleEqual,
    { as: Equal, code: SyntaxCode.F120, write: "=", message: "equality is written `=` (as in Excel), not `==`" },
  ],
  [
    BangEqual,
    { as: NotEqual, code: SyntaxCode.F121, write: "<>", message: "inequality is written `<>` (as in Excel), not `!=`" },
  ],
  [
    DoubleAmpersand,
    { as: And, code: SyntaxCode.F122, write: "and", message: "conditions are joined with `and`, not `&&`" },
  ],
  [DoublePipe, { as: Or, code: SyntaxCode.F122, write: "or", message: "alternatives are joined with `or`, not `||`" }],
  [Bang, { as: Not, code: SyntaxCode.F122, write: "not", message: "a condition is negated with `not`, not `!`" }],
  [
    DoubleStar,
    { as: Caret, code: SyntaxCode.F124, write: "^", message: "a power is written `^` (as in Excel), not `**`" },
  ],
  [
    Semicolon,
    {
      as: Comma,
      code: SyntaxCode.F123,
      write: ",",
      message: "`;` is not used in formulas: a function's arguments are separated by `,`",
    },
  ],
  typographic(MathLessEqual, LessEqual, "<="),
  typographic(MathGreaterEqual, GreaterEqual, ">="),
  typographic(MathNotEqual, NotEqual, "<>"),
  typographic(MathTimes, Star, "*"),
  typographic(MathDivide, Slash, "/"),
  typographic(MathMinus, Minus, "-"),
]);

function typographic(type: TokenType, as: TokenType, write: string): [TokenType, Respelling] {
  return [
    type,
    { as, code: SyntaxCode.F103, write, message: `\`{written}\` is not an operator in formulas: write \`${write}\`` },
  ];
}

/** Tokens that were written `;`: the parser does not report them again when they are out of place. */
export const semicolonTokens = new WeakSet<IToken>();

/**
 * Splits `text` into the tokens the parser reads. Reports unknown characters, unclosed or wrongly quoted
 * texts, other languages' operators, numbers too large, and numbers written against names; each is then
 * read as what was evidently meant (`2x` as `2 * x`), so the parser does not report it a second time.
 */
export function scanFormula(text: string, report: SyntaxDiagnostics): IToken[] {
  lexer ??= makeLexer();
  const { tokens: raw, errors } = lexer.tokenize(text);
  // Characters no token matches: the lexer skips each run of them and reports it here.
  for (const e of errors) reportUnknown(text.slice(e.offset, e.offset + e.length), e.offset, report);
  const out: IToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as IToken;
    const type = t.tokenType;
    const respelling = RESPELLINGS.get(type);
    if (respelling) {
      const end = tokenEnd(t);
      const spaceAfter = respelling.write === "not" && !/\s/.test(text[end] ?? " ") ? " " : "";
      report.error(respelling.code, t.startOffset, end, respelling.message.replace("{written}", t.image), {
        suggestion: `write \`${respelling.write}\``,
        fix: { title: `Replace \`${t.image}\` with \`${respelling.write}\``, newText: respelling.write + spaceAfter },
      });
      const read = retype(t, respelling.as);
      if (type === Semicolon) semicolonTokens.add(read);
      out.push(read);
      continue;
    }
    if (type === Text) checkText(t, report);
    out.push(t);
    if (type === NumberToken) i = checkNumber(raw, i, out, report);
  }
  return out;
}

function checkText(t: IToken, report: SyntaxDiagnostics): void {
  const { value, closed, opener } = t.payload as TextPayload;
  const end = tokenEnd(t);
  const quoted = `"${value.replaceAll('"', '""')}"`;
  if (!closed) {
    report.error(SyntaxCode.F104, t.startOffset, end, 'this text opened with `"` is never closed', {
      suggestion: 'add the closing `"` where the text ends (a text cannot continue on the next line)',
      fix: { title: 'Close the text with `"`', newText: '"', at: end },
    });
  } else if (opener !== '"') {
    report.error(SyntaxCode.F105, t.startOffset, end, `text is written in straight double quotes, not ${opener}…`, {
      suggestion: `write \`${quoted}\``,
      fix: { title: `Replace with ${quoted}`, newText: quoted },
    });
  }
}

/** Checks the number at raw[i] and what is written directly after it; returns the index of the last token used. */
function checkNumber(raw: readonly IToken[], i: number, out: IToken[], report: SyntaxDiagnostics): number {
  const t = raw[i] as IToken;
  const end = tokenEnd(t);
  if (!Number.isFinite(Number(t.image))) {
    report.error(SyntaxCode.F106, t.startOffset, end, `the number \`${t.image}\` is too large`, {
      suggestion: "check the number: the largest a formula can hold is about 1.8e308",
    });
  }
  const next = raw[i + 1];
  if (!next || next.startOffset !== end) return i;
  const nextType = next.tokenType;
  if (nextType === NumberToken && next.image.startsWith(".")) {
    let last = i + 1;
    while (raw[last + 1]?.tokenType === NumberToken && raw[last + 1]?.startOffset === tokenEnd(raw[last] as IToken))
      last++;
    const written = raw
      .slice(i, last + 1)
      .map((n) => n.image)
      .join("");
    report.error(
      SyntaxCode.F109,
      t.startOffset,
      tokenEnd(raw[last] as IToken),
      `\`${written}\` is not a number: a number has one decimal point`,
      {
        suggestion: "write one number with one decimal point",
      },
    );
    return last; // read as the first number
  }
  if (/^[eE]$/.test(next.image) && !/[eE]/.test(t.image)) {
    report.error(
      SyntaxCode.F108,
      t.startOffset,
      tokenEnd(next),
      `\`${t.image}${next.image}\` is not a complete number`,
      {
        suggestion: `write the exponent's digits directly after \`e\`, e.g. \`${t.image}e6\``,
      },
    );
    return i + 1; // read as the number alone
  }
  const isName = nextType === Identifier || nextType === True || nextType === False || nextType === MissingKeyword;
  if (isName || nextType === LParen) {
    const what = isName ? "a name" : "`(`";
    const shown = isName ? next.image : "(";
    report.error(
      SyntaxCode.F107,
      t.startOffset,
      tokenEnd(next),
      `a number cannot be followed directly by ${what}: did you mean \`${t.image} * ${shown}\`?`,
      { suggestion: "write the multiplication `*`", fix: { title: "Insert `*`", newText: " * ", at: end, to: end } },
    );
    out.push(virtualToken(Star, end));
  }
  return i;
}

function reportUnknown(chars: string, offset: number, report: SyntaxDiagnostics): void {
  const first = chars[0] ?? "";
  const shown = `\`${chars}\``;
  const message = [...chars].length > 1 ? `unknown characters ${shown}` : `unknown character ${shown}`;
  report.error(SyntaxCode.F103, offset, offset + chars.length, message, { suggestion: unknownSuggestion(first) });
}

function unknownSuggestion(ch: string): string {
  if ("[]{}".includes(ch)) return "formulas group with round brackets `(` and `)` only";
  if (ch === "%")
    return "there is no percent sign: divide by 100 (`x / 100`), or multiply a share by 100 to get percent";
  if (ch === "&") return "join conditions with `and`";
  if (ch === "|") return "join alternatives with `or`";
  if (ch === ".") return "a `.` can only join two names, as in `unit.population`; numbers are written `0.5`";
  if (ch === "'" || "«»“”„‘’".includes(ch)) return 'write text in straight double quotes: `"district"`';
  if (ch === ":") return "divide with `/`";
  if (/\p{L}/u.test(ch)) return "names use Latin and Cyrillic (including Kazakh) letters, digits and `_`";
  return "remove it";
}
