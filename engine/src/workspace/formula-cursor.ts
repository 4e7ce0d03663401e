import type { IToken } from "chevrotain";
import { scanFormula, tokenEnd } from "../formula/lexer.js";
import { SyntaxDiagnostics } from "../formula/syntax-codes.js";
import { rangeOfLength } from "../source/range.js";

/**
 * What is at an offset of a formula's text, read from the formula lexer's tokens (the same tokens the parser
 * reads), so that it works on a formula that does not parse yet: `round(ytd(own_rev` still has a call,
 * an active argument and a name being written.
 */
export interface LexedToken {
  /** The lexer's token name: Identifier, Number, Text, LParen, And, ... */
  readonly type: string;
  readonly image: string;
  /** Offsets in the formula's text (end exclusive). */
  readonly start: number;
  readonly end: number;
}

export interface ActiveCall {
  /** The function name as written. */
  readonly name: string;
  readonly nameStart: number;
  /** Index of the argument the offset is in (0-based), counting commas at the call's own depth. */
  readonly argument: number;
  /** Offset of the call's `(`. */
  readonly open: number;
}

export interface FormulaCursor {
  readonly tokens: readonly LexedToken[];
  /** The token the offset is in or just after (a name being written); undefined between tokens. */
  readonly token?: LexedToken;
  /** The innermost function call whose brackets hold the offset. */
  readonly call?: ActiveCall;
  /** The name being written at the offset (possibly empty), with its offsets: what completion replaces. */
  readonly word: { readonly text: string; readonly start: number; readonly end: number };
  /** The offset is inside a text literal ("..."): no names to complete there. */
  readonly inText: boolean;
}

const NAME_TOKENS = new Set(["Identifier", "True", "False", "Missing", "And", "Or", "Not"]);
/** Tokens that name a function when a `(` follows (and, or, not are functions too). */
const CALLEE_TOKENS = new Set(["Identifier", "And", "Or", "Not"]);

export function lexFormula(text: string): LexedToken[] {
  const quiet = new SyntaxDiagnostics(() => rangeOfLength(0));
  return scanFormula(text, quiet)
    .filter((t) => t.image !== "")
    .map((t: IToken) => ({ type: t.tokenType.name, image: t.image, start: t.startOffset, end: tokenEnd(t) }));
}

export function formulaCursor(text: string, offset: number): FormulaCursor {
  const tokens = lexFormula(text);
  const at = Math.max(0, Math.min(offset, text.length));
  const token =
    tokens.find((t) => t.start < at && at <= t.end && NAME_TOKENS.has(t.type)) ??
    tokens.find((t) => t.start <= at && at < t.end);
  const inText = token?.type === "Text" && at > token.start && (at < token.end || !token.image.endsWith('"'));
  const word = inText ? { text: "", start: at, end: at } : wordAt(text, at);
  const call = activeCall(tokens, at);
  return { tokens, ...(token ? { token } : {}), ...(call ? { call } : {}), word, inText };
}

/** The innermost call whose `(` is before the offset and not closed before it. */
function activeCall(tokens: readonly LexedToken[], at: number): ActiveCall | undefined {
  const stack: { name?: string; nameStart: number; open: number; argument: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as LexedToken;
    if (t.start >= at) break;
    if (t.type === "LParen") {
      const prev = tokens[i - 1];
      const named = prev && CALLEE_TOKENS.has(prev.type) ? prev : undefined;
      stack.push({
        ...(named ? { name: named.image } : {}),
        nameStart: named?.start ?? t.start,
        open: t.start,
        argument: 0,
      });
    } else if (t.type === "RParen") stack.pop();
    else if (t.type === "Comma" || t.type === "Semicolon") {
      const top = stack.at(-1);
      if (top) top.argument++;
    }
  }
  for (let i = stack.length - 1; i >= 0; i--) {
    const s = stack[i];
    if (s?.name !== undefined) return { name: s.name, nameStart: s.nameStart, argument: s.argument, open: s.open };
  }
  return undefined;
}

/** A name's characters (as the lexer reads names, with `.` for `unit.x` while it is being written). */
const NAME_CHAR = /[A-Za-z_\u0400-\u04FF0-9.]/;

function wordAt(text: string, at: number): { text: string; start: number; end: number } {
  let start = at;
  while (start > 0 && NAME_CHAR.test(text[start - 1] ?? "")) start--;
  let end = at;
  while (end < text.length && NAME_CHAR.test(text[end] ?? "")) end++;
  // A number is no name: `12|` has nothing to complete.
  if (/^[0-9.]/.test(text.slice(start, end))) return { text: "", start: at, end: at };
  return { text: text.slice(start, at), start, end };
}
