/**
 * Control characters: C0 but tab and line breaks, DEL, and C1. Invisible in an editor, never meant in a rule
 * file, and unsafe to print to a terminal.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const ALL = new RegExp(CONTROL_CHARACTER.source, "g");

export function codePointName(ch: string): string {
  const hex = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return ch === "\u0000" ? `U+${hex} (NUL)` : `U+${hex}`;
}

/** The text with each control character written as \uXXXX, for messages. */
export function escapeControls(text: string): string {
  return text.replace(ALL, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** The text with each control character as one visible sign (U+FFFD), so a caret under it stays in place. */
export function showControls(text: string): string {
  return text.replace(ALL, "\uFFFD");
}
