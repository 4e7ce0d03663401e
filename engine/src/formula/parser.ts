import { EmbeddedActionsParser, EOF, type IToken, type TokenType } from "chevrotain";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type Position, type Range, SourceText } from "../source/range.js";
import type { BinaryOperator, ComparisonOperator, Expr, UnaryOperator } from "./ast.js";
import {
  AdditiveOp,
  And,
  AnyToken,
  Caret,
  Comma,
  ComparisonOp,
  Equal,
  False,
  Greater,
  GreaterEqual,
  Identifier,
  Less,
  LessEqual,
  LParen,
  Minus,
  MissingKeyword,
  MultiplicativeOp,
  Not,
  NotEqual,
  NumberToken,
  Or,
  Plus,
  parserTokens,
  RParen,
  Slash,
  Star,
  scanFormula,
  semicolonTokens,
  Text,
  type TextPayload,
  True,
  tokenEnd,
  virtualToken,
} from "./lexer.js";
import { SyntaxCode, SyntaxDiagnostics } from "./syntax-codes.js";

export interface ParseOptions {
  /** Maps an offset in the formula's text to a position in the enclosing file (a formula inside YAML). */
  readonly positionAt?: (offset: number) => Position;
  /** The file the diagnostics are in. */
  readonly file?: string;
  /** Longest formula read, in characters (default 10,000). */
  readonly maxLength?: number;
  /** Deepest nesting of brackets, calls and signs (default 64). */
  readonly maxDepth?: number;
}

export interface ParseResult {
  /**
   * The formula's AST, present whenever the text has something to read. When `diagnostics` has errors
   * the AST is partial: `error` nodes stand where values were missing, so editors can still use it.
   */
  readonly ast?: Expr;
  readonly diagnostics: Diagnostic[];
}

export const DEFAULT_MAX_LENGTH = 10_000;
export const DEFAULT_MAX_DEPTH = 64;

/** Reads a formula's text into an AST; reports every syntax error of the text in one pass. */
export function parseFormula(text: string, options: ParseOptions = {}): ParseResult {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const positionAt = options.positionAt ?? positionsIn(text);
  const report = new SyntaxDiagnostics(
    (start, end) => ({ start: positionAt(start), end: positionAt(end) }),
    options.file,
  );
  if (text.length > maxLength) {
    report.error(
      SyntaxCode.F101,
      maxLength,
      text.length,
      `this formula is ${text.length} characters long; formulas are limited to ${maxLength}`,
      { suggestion: "split the calculation into several indicators, each with a short formula" },
    );
    return { diagnostics: report.sorted() };
  }
  const tokens = balanceParentheses(scanFormula(text, report), text, report);
  if (tokens.length === 0) {
    if (report.list.length === 0) {
      report.error(SyntaxCode.F100, 0, text.length, "the formula is empty", {
        suggestion: "write the formula, e.g. `own_revenue / own_revenue_plan * 100`",
      });
    }
    return { diagnostics: report.sorted() };
  }
  if (!withinDepth(tokens, maxDepth, report)) return { diagnostics: report.sorted() };
  formulaParser ??= new FormulaParser();
  const ast = formulaParser.read(tokens, text, report);
  return ast === undefined ? { diagnostics: report.sorted() } : { ast, diagnostics: report.sorted() };
}

function positionsIn(text: string): (offset: number) => Position {
  let source: SourceText | undefined;
  return (offset) => {
    source ??= new SourceText(text);
    return source.position(offset);
  };
}

/**
 * Drops each `)` that closes nothing and closes each `(` left open at the end, reporting both. The parser
 * then always finds its brackets, and a forgotten `)` is one error, not a cascade.
 */
function balanceParentheses(tokens: IToken[], text: string, report: SyntaxDiagnostics): IToken[] {
  const out: IToken[] = [];
  const open: { token: IToken; index: number }[] = [];
  for (const t of tokens) {
    if (t.tokenType === LParen) open.push({ token: t, index: out.length });
    else if (t.tokenType === RParen) {
      if (open.pop() === undefined) {
        report.error(SyntaxCode.F111, t.startOffset, tokenEnd(t), "unexpected `)`: there is no `(` for it to close", {
          suggestion: "remove it, or add the `(` it was meant to close",
          fix: { title: "Remove `)`", newText: "" },
        });
        continue;
      }
    }
    out.push(t);
  }
  const end = out.length > 0 ? tokenEnd(out[out.length - 1] as IToken) : 0;
  const oneLine = report.rangeOf(0, 0).start.line === report.rangeOf(text.length, text.length).start.line;
  for (let k = open.length - 1; k >= 0; k--) {
    const { token, index } = open[k] as { token: IToken; index: number };
    const at = report.rangeOf(token.startOffset, token.startOffset).start;
    const where = oneLine ? `column ${at.column}` : `line ${at.line}, column ${at.column}`;
    const callee = out[index - 1]?.tokenType === Identifier ? (out[index - 1] as IToken).image : undefined;
    report.error(
      SyntaxCode.F110,
      token.startOffset,
      tokenEnd(token),
      `this parenthesis opened at ${where} is never closed`,
      {
        suggestion: callee
          ? `add \`)\` after the last argument of \`${callee}\``
          : "add `)` where the bracketed part ends",
        fix: { title: "Add `)` at the end", newText: ")", at: end },
      },
    );
    out.push(virtualToken(RParen, end));
  }
  return out;
}

/** Unary operators only stand where a value is expected: at the start, after `(`, `,` or another operator. */
function isUnaryPosition(previous: IToken | undefined): boolean {
  if (previous === undefined) return true;
  const type = previous.tokenType;
  return !(
    type === NumberToken ||
    type === Text ||
    type === True ||
    type === False ||
    type === MissingKeyword ||
    type === Identifier ||
    type === RParen
  );
}

/**
 * Checks nesting before the parser recurses, so no formula can exhaust the stack. Counts open brackets
 * plus the signs and `not`s in front of each (`-(-(-x))` is six levels): an upper bound of the parser's
 * recursion and of the AST's nesting.
 */
function withinDepth(tokens: readonly IToken[], maxDepth: number, report: SyntaxDiagnostics): boolean {
  const levels: number[] = [];
  let nested = 0;
  let signs = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as IToken;
    const type = t.tokenType;
    if (type === LParen) {
      levels.push(signs + 1);
      nested += signs + 1;
      signs = 0;
    } else if (type === RParen) nested -= levels.pop() ?? 0;
    else if (type === Not || ((type === Plus || type === Minus) && isUnaryPosition(tokens[i - 1]))) signs++;
    else signs = 0;
    if (nested + signs > maxDepth) {
      report.error(
        SyntaxCode.F102,
        t.startOffset,
        Math.max(tokenEnd(t), t.startOffset),
        `this formula nests brackets, calls and signs more than ${maxDepth} levels deep`,
        { suggestion: "remove unneeded brackets or signs, or split the calculation into several indicators" },
      );
      return false;
    }
  }
  return true;
}

/** A parsed value with the offsets it spans, brackets included (the node's own range excludes them). */
interface Parsed {
  readonly expr: Expr;
  readonly start: number;
  readonly end: number;
}

/** Where the parser is, for what may end a value there and how to word an error. */
type Place = "formula" | "brackets" | "arguments";

interface CallParts {
  readonly open: IToken;
  readonly args: Parsed[];
  readonly close: IToken;
}

const COMPARISON: ReadonlyMap<TokenType, ComparisonOperator> = new Map([
  [Equal, "="],
  [NotEqual, "<>"],
  [Less, "<"],
  [LessEqual, "<="],
  [Greater, ">"],
  [GreaterEqual, ">="],
]);
const ARITHMETIC: ReadonlyMap<TokenType, BinaryOperator> = new Map([
  [Plus, "+"],
  [Minus, "-"],
  [Star, "*"],
  [Slash, "/"],
  [Caret, "^"],
]);

const VALUE_STARTS = new Set<TokenType>([
  NumberToken,
  Text,
  True,
  False,
  MissingKeyword,
  Identifier,
  LParen,
  Plus,
  Minus,
  Not,
]);

/**
 * The grammar, lowest precedence first: or, and, not, comparison (non-associative), + -, * /, unary - +,
 * ^ (right-associative; its exponent may carry a sign), then values. Chains are read by loops, not
 * recursion, so only brackets and calls nest. Instead of failing, the rules report and recover: a missing
 * value becomes an `error` node, and stray tokens after a complete value are reported and read past.
 */
class FormulaParser extends EmbeddedActionsParser {
  private report = new SyntaxDiagnostics(() => ({
    start: { offset: 0, line: 1, column: 1 },
    end: { offset: 0, line: 1, column: 1 },
  }));
  private text = "";
  private textEnd = 0;
  /** The last token reported as out of place: the value after it is read without a second report. */
  private lastUnexpected: IToken | undefined;

  /** `validate`: chevrotain's grammar checks (ambiguity, left recursion); the tests run them, a start skips them. */
  constructor(validate = false) {
    super(parserTokens, { maxLookahead: 2, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  read(tokens: IToken[], text: string, report: SyntaxDiagnostics): Expr | undefined {
    this.input = tokens;
    this.text = text;
    this.report = report;
    this.textEnd = tokens.length > 0 ? tokenEnd(tokens[tokens.length - 1] as IToken) : 0;
    this.lastUnexpected = undefined;
    let parsed: Parsed | undefined;
    try {
      parsed = this.formula();
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || this.errors.length > 0) {
      const at = this.errors[0]?.token;
      const start = at && Number.isFinite(at.startOffset) ? at.startOffset : 0;
      report.error(
        SyntaxCode.F199,
        start,
        Math.max(start, at ? tokenEnd(at) : text.length),
        "this formula could not be read",
        {
          suggestion: "this is a defect in Tarazy: please report the formula",
        },
      );
      return undefined;
    }
    return parsed.expr;
  }

  private readonly formula = this.RULE("formula", (): Parsed => {
    const value = this.SUBRULE(this.expression);
    this.SUBRULE(this.leftovers, { ARGS: ["formula"] });
    return value;
  });

  private readonly expression = this.RULE("expression", (): Parsed => {
    let left = this.SUBRULE(this.conjunction);
    this.MANY(() => {
      const op = this.CONSUME(Or);
      const right = this.SUBRULE2(this.conjunction);
      this.ACTION(() => {
        left = this.binary("or", op, left, right);
      });
    });
    return left;
  });

  private readonly conjunction = this.RULE("conjunction", (): Parsed => {
    let left = this.SUBRULE(this.negation);
    this.MANY(() => {
      const op = this.CONSUME(And);
      const right = this.SUBRULE2(this.negation);
      this.ACTION(() => {
        left = this.binary("and", op, left, right);
      });
    });
    return left;
  });

  private readonly negation = this.RULE("negation", (): Parsed => {
    const nots: IToken[] = [];
    this.MANY(() => {
      nots.push(this.CONSUME(Not));
    });
    const operand = this.SUBRULE(this.comparison);
    return this.ACTION(() => this.prefixed(nots, operand));
  });

  private readonly comparison = this.RULE("comparison", (): Parsed => {
    let left = this.SUBRULE(this.sum);
    let count = 0;
    this.MANY(() => {
      const op = this.CONSUME(ComparisonOp);
      const right = this.SUBRULE2(this.sum);
      this.ACTION(() => {
        if (count++ > 0) this.reportChained(left, op, right);
        left = this.binary(COMPARISON.get(op.tokenType) ?? "=", op, left, right);
      });
    });
    return left;
  });

  private readonly sum = this.RULE("sum", (): Parsed => {
    let left = this.SUBRULE(this.product);
    this.MANY(() => {
      const op = this.CONSUME(AdditiveOp);
      const right = this.SUBRULE2(this.product);
      this.ACTION(() => {
        left = this.binary(ARITHMETIC.get(op.tokenType) ?? "+", op, left, right);
      });
    });
    return left;
  });

  private readonly product = this.RULE("product", (): Parsed => {
    let left = this.SUBRULE(this.signed);
    this.MANY(() => {
      const op = this.CONSUME(MultiplicativeOp);
      const right = this.SUBRULE2(this.signed);
      this.ACTION(() => {
        left = this.binary(ARITHMETIC.get(op.tokenType) ?? "*", op, left, right);
      });
    });
    return left;
  });

  private readonly signed = this.RULE("signed", (): Parsed => {
    const signs: IToken[] = [];
    this.MANY(() => {
      signs.push(this.CONSUME(AdditiveOp));
    });
    const operand = this.SUBRULE(this.power);
    return this.ACTION(() => this.prefixed(signs, operand));
  });

  /** `a ^ -b ^ c` is `a ^ (-(b ^ c))`: read as a loop, folded from the right. */
  private readonly power = this.RULE("power", (): Parsed => {
    const base = this.SUBRULE(this.primary);
    const rest: { caret: IToken; signs: IToken[]; operand: Parsed }[] = [];
    this.MANY(() => {
      const caret = this.CONSUME(Caret);
      const signs: IToken[] = [];
      this.MANY2(() => {
        signs.push(this.CONSUME2(AdditiveOp));
      });
      const operand = this.SUBRULE2(this.primary);
      rest.push({ caret, signs, operand });
    });
    return this.ACTION(() => {
      let acc = rest.at(-1)?.operand ?? base;
      for (let i = rest.length - 1; i >= 0; i--) {
        const step = rest[i] as (typeof rest)[number];
        acc = this.binary(
          "^",
          step.caret,
          i === 0 ? base : (rest[i - 1] as (typeof rest)[number]).operand,
          this.prefixed(step.signs, acc),
        );
      }
      return acc;
    });
  });

  private readonly primary = this.RULE("primary", (): Parsed => {
    return this.OR([
      { ALT: () => this.literal(this.CONSUME(NumberToken)) },
      { ALT: () => this.literal(this.CONSUME(Text)) },
      { ALT: () => this.literal(this.CONSUME(True)) },
      { ALT: () => this.literal(this.CONSUME(False)) },
      { ALT: () => this.literal(this.CONSUME(MissingKeyword)) },
      { ALT: () => this.SUBRULE(this.nameOrCall) },
      { ALT: () => this.SUBRULE(this.bracketed) },
      { GATE: () => this.LA(2).tokenType === LParen, ALT: () => this.SUBRULE(this.logicCall) },
      { ALT: () => this.SUBRULE(this.misplacedNot) },
      { ALT: () => this.ACTION(() => this.missingValue()) },
    ]);
  });

  private readonly nameOrCall = this.RULE("nameOrCall", (): Parsed => {
    const name = this.CONSUME(Identifier);
    const call = this.OPTION(() => this.SUBRULE(this.callArguments));
    return this.ACTION(() =>
      call === undefined
        ? this.token(name, (range) => ({ kind: "identifier", name: name.image, range }))
        : this.call(name, call),
    );
  });

  private readonly callArguments = this.RULE("callArguments", (): CallParts => {
    const open = this.CONSUME(LParen);
    this.ACTION(() => callBrackets.add(open));
    const args: Parsed[] = [this.SUBRULE(this.argument)];
    this.MANY(() => {
      this.CONSUME(Comma);
      args.push(this.SUBRULE2(this.argument));
    });
    const close = this.CONSUME(RParen);
    return this.ACTION(() => {
      // `f()`: the one "argument" is the silent placeholder missingValue() left between the brackets.
      const none = args.length === 1 && noArguments.has((args[0] as Parsed).expr);
      return { open, args: none ? [] : args, close };
    });
  });

  private readonly argument = this.RULE("argument", (): Parsed => {
    const value = this.SUBRULE(this.expression);
    this.SUBRULE(this.leftovers, { ARGS: ["arguments"] });
    return value;
  });

  private readonly bracketed = this.RULE("bracketed", (): Parsed => {
    const open = this.CONSUME(LParen);
    const inner = this.SUBRULE(this.expression);
    this.SUBRULE(this.leftovers, { ARGS: ["brackets"] });
    const close = this.CONSUME(RParen);
    return this.ACTION(() => ({ expr: inner.expr, start: open.startOffset, end: tokenEnd(close) }));
  });

  /** Excel's AND(a, b) / OR(a, b) where a value is expected: a call of the registry's `and` / `or`. */
  private readonly logicCall = this.RULE("logicCall", (): Parsed => {
    const name = this.OR2([{ ALT: () => this.CONSUME(And) }, { ALT: () => this.CONSUME(Or) }]);
    const call = this.SUBRULE(this.callArguments);
    return this.ACTION(() => this.call(name, call));
  });

  /** `x = not y`: `not` binds looser than `=`, so it needs brackets; reported, then read as meant. */
  private readonly misplacedNot = this.RULE("misplacedNot", (): Parsed => {
    const not = this.CONSUME(Not);
    const operand = this.SUBRULE(this.comparison);
    return this.ACTION(() => {
      const negated = this.text.slice(not.startOffset, operand.end);
      this.report.error(SyntaxCode.F117, not.startOffset, operand.end, "`not` must be put in brackets here", {
        suggestion: `write \`(${negated})\``,
        fix: { title: "Put the negation in brackets", newText: `(${negated})` },
      });
      return this.prefixed([not], operand);
    });
  });

  /** Reads what follows a complete value up to the place's end, reporting each stray value or symbol once. */
  private readonly leftovers = this.RULE("leftovers", (place: Place = "formula") => {
    this.MANY({
      GATE: () => !this.endsValue(this.LA(1), place),
      DEF: () => {
        this.OR3({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => VALUE_STARTS.has(this.LA(1).tokenType),
              ALT: () => {
                const previous = this.LA(0);
                const next = this.LA(1);
                this.SUBRULE3(this.expression);
                this.ACTION(() => this.reportMissingOperator(previous, next, place));
              },
            },
            {
              ALT: () => {
                const stray = this.CONSUME(AnyToken);
                this.ACTION(() => this.reportStray(stray, place));
              },
            },
          ],
        });
      },
    });
  });

  private endsValue(t: IToken, place: Place): boolean {
    const type = t.tokenType;
    if (type === EOF) return true;
    if (place === "brackets") return type === RParen;
    if (place === "arguments") return type === RParen || type === Comma;
    return false;
  }

  private literal(t: IToken): Parsed {
    return this.ACTION(() =>
      this.token(t, (range): Expr => {
        switch (t.tokenType) {
          case NumberToken: {
            const value = Number(t.image);
            // Already reported when too large; an error node keeps Infinity out of every result.
            return Number.isFinite(value) ? { kind: "number", value, raw: t.image, range } : { kind: "error", range };
          }
          case Text:
            return { kind: "string", value: (t.payload as TextPayload).value, range };
          case True:
            return { kind: "boolean", value: true, range };
          case False:
            return { kind: "boolean", value: false, range };
          default:
            return { kind: "missing", range };
        }
      }),
    );
  }

  /** A value was expected but the next token cannot start one: report it in the words of where it happened. */
  private missingValue(): Parsed {
    const previous = this.LA(0);
    const next = this.LA(1);
    const at = previous.tokenType === EOF ? this.startOf(next) : tokenEnd(previous);
    const shown = (t: IToken) => `\`${t.image || ")"}\``;
    if (previous.tokenType === LParen && next.tokenType === RParen && callBrackets.has(previous)) {
      const placeholder = this.errorAt(at);
      noArguments.add(placeholder.expr);
      return placeholder;
    }
    if (previous.tokenType === EOF) {
      this.report.error(SyntaxCode.F112, next.startOffset, tokenEnd(next), `expected a value before ${shown(next)}`, {
        suggestion: `write a value before ${shown(next)}, or remove it`,
      });
    } else if (previous.tokenType === LParen && next.tokenType === RParen) {
      this.report.error(SyntaxCode.F112, previous.startOffset, tokenEnd(next), "expected a value inside the brackets", {
        suggestion: "write a value between `(` and `)`, or remove the brackets",
      });
    } else if (previous.tokenType === LParen && next.tokenType === Comma) {
      this.report.error(SyntaxCode.F112, next.startOffset, tokenEnd(next), "expected an argument before `,`", {
        suggestion: "write the first argument, or remove the comma",
      });
    } else if (previous.tokenType === LParen) {
      this.report.error(SyntaxCode.F112, next.startOffset, tokenEnd(next), `expected a value before ${shown(next)}`, {
        suggestion: `write a value before ${shown(next)}, or remove it`,
      });
    } else if (previous.tokenType === Comma) {
      this.report.error(SyntaxCode.F112, previous.startOffset, tokenEnd(previous), "expected an argument after `,`", {
        suggestion: "write the argument, or remove the comma",
      });
    } else {
      this.report.error(
        SyntaxCode.F112,
        previous.startOffset,
        tokenEnd(previous),
        `expected a value after ${shown(previous)}`,
        { suggestion: `write the value after ${shown(previous)}, or remove it` },
      );
    }
    return this.errorAt(at);
  }

  private reportMissingOperator(previous: IToken, next: IToken, place: Place): void {
    // A stray `,` or a dropped character between the two values was reported already: one report per mistake.
    if (previous === this.lastUnexpected || this.report.reportedWithin(tokenEnd(previous), next.startOffset)) return;
    const message = `expected an operator (such as \`+\` or \`*\`) before \`${next.image}\``;
    this.report.error(SyntaxCode.F113, next.startOffset, tokenEnd(next), message, {
      suggestion:
        place === "arguments"
          ? "write the operator, or `,` if these are two arguments"
          : "write the operator between the two values",
    });
  }

  private reportStray(stray: IToken, place: Place): void {
    this.lastUnexpected = stray;
    const start = stray.startOffset;
    const end = tokenEnd(stray);
    if (stray.tokenType !== Comma) {
      this.report.error(SyntaxCode.F114, start, end, `unexpected \`${stray.image}\``, { suggestion: "remove it" });
      return;
    }
    if (semicolonTokens.has(stray)) return; // already reported as `;`
    const previous = this.LA(-1); // LA(0) is the comma itself
    const next = this.LA(1);
    if (
      previous?.tokenType === NumberToken &&
      next.tokenType === NumberToken &&
      tokenEnd(previous) === start &&
      next.startOffset === end
    ) {
      const written = `${previous.image},${next.image}`;
      const meant = `${previous.image}.${next.image}`;
      this.report.error(
        SyntaxCode.F115,
        previous.startOffset,
        tokenEnd(next),
        `\`${written}\`: numbers are written with a decimal point`,
        {
          suggestion: `write \`${meant}\`; a comma separates a function's arguments`,
          fix: { title: `Write \`${meant}\``, newText: meant },
        },
      );
      return;
    }
    const message =
      place === "brackets"
        ? "unexpected `,`: these brackets do not belong to a function, and a comma separates a function's arguments"
        : "unexpected `,`: a comma only separates a function's arguments";
    this.report.error(SyntaxCode.F114, start, end, message, {
      suggestion:
        place === "brackets"
          ? "write the function's name before `(`, e.g. `max(a, b)`, or remove the comma"
          : "remove it",
    });
  }

  private reportChained(left: Parsed, op: IToken, right: Parsed): void {
    const previous = left.expr.kind === "binary" ? left.expr.right : undefined;
    const middle = previous ? this.text.slice(previous.range.start.offset, previous.range.end.offset) : "";
    const first = this.text.slice(left.start, left.end);
    const rewrite = `${first} and ${middle} ${op.image} ${this.text.slice(right.start, right.end)}`;
    this.report.error(SyntaxCode.F116, op.startOffset, tokenEnd(op), "comparisons cannot be chained", {
      suggestion: `join two comparisons with \`and\`: \`${rewrite}\``,
    });
  }

  private call(name: IToken, parts: CallParts): Parsed {
    const start = name.startOffset;
    const calleeRange = this.range(start, tokenEnd(name));
    const args = parts.args.map((a) => a.expr);
    const end = tokenEnd(parts.close);
    const [only] = args;
    // `score(x)` is one name, as `unit.population` is: the score of x, bound by the rule model (a call of
    // anything but a bare name is left a call, which the checker reports as an unknown function).
    if (name.image.toLowerCase() === "score" && args.length === 1 && only?.kind === "identifier")
      return { expr: { kind: "identifier", name: scoreName(only.name), range: this.range(start, end) }, start, end };
    return { expr: { kind: "call", callee: name.image, calleeRange, args, range: this.range(start, end) }, start, end };
  }

  private binary(operator: BinaryOperator, op: IToken, left: Parsed, right: Parsed): Parsed {
    const operatorRange = this.range(op.startOffset, tokenEnd(op));
    const range = this.range(left.start, right.end);
    const expr: Expr = { kind: "binary", operator, left: left.expr, right: right.expr, operatorRange, range };
    return { expr, start: left.start, end: right.end };
  }

  /** Applies prefix operators (signs or `not`s) to `operand`, innermost last. */
  private prefixed(ops: readonly IToken[], operand: Parsed): Parsed {
    let acc = operand;
    for (let i = ops.length - 1; i >= 0; i--) {
      const op = ops[i] as IToken;
      const operator: UnaryOperator = op.tokenType === Not ? "not" : op.tokenType === Minus ? "-" : "+";
      const range = this.range(op.startOffset, acc.end);
      acc = { expr: { kind: "unary", operator, operand: acc.expr, range }, start: op.startOffset, end: acc.end };
    }
    return acc;
  }

  /** A node spanning exactly token `t`. */
  private token(t: IToken, make: (range: Range) => Expr): Parsed {
    const start = t.startOffset;
    const end = tokenEnd(t);
    return { expr: make(this.range(start, end)), start, end };
  }

  /** An error node: zero-width where a value was expected. */
  private errorAt(at: number): Parsed {
    return { expr: { kind: "error", range: this.range(at, at) }, start: at, end: at };
  }

  private range(start: number, end: number): Range {
    return this.report.rangeOf(start, end);
  }

  private startOf(t: IToken): number {
    return t.tokenType === EOF ? this.textEnd : t.startOffset;
  }
}

/** The `(` tokens that open a call's arguments (`name(`, Excel's `AND(`), as opposed to grouping brackets. */
const callBrackets = new WeakSet<IToken>();

/** The placeholders of empty argument lists, told apart from a missing value by identity. */
const noArguments = new WeakSet<Expr>();

// Built on first use (chevrotain's analysis of the grammar): a start that parses no formula never pays for it.
let formulaParser: FormulaParser | undefined;

/** Builds the parser with chevrotain's grammar checks on: throws when the grammar is ambiguous or broken. */
export function checkGrammar(): void {
  new FormulaParser(true);
}

/** The name a formula reads the score of `id` by: `score(id)` (rules/environment.ts binds it). */
export function scoreName(id: string): string {
  return `score(${id})`;
}
