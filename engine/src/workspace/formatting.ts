import { isScalar, type Scalar } from "yaml";
import { parseFormula } from "../formula/parser.js";
import { printFormula } from "../formula/printer.js";
import { parseRuleDocument, type RuleDocument } from "../rules/yaml-document.js";
import { valueAt } from "../rules/yaml-path.js";
import { documentKind, formulaPlace } from "./at-position.js";
import { applyEdits, type OffsetEdit } from "./code-actions.js";
import { lexFormula } from "./formula-cursor.js";

/**
 * Formatting of a rule file: every formula that parses is printed in the engine's canonical form, in the
 * scalar style it was written in (plain, quoted, block); everything else of the file stays byte for byte.
 * A formula with errors is left as written. Each rewrite is read back: same formula, same YAML.
 */
export function formatDocument(doc: RuleDocument, range?: { start: number; end: number }): OffsetEdit[] {
  const kind = documentKind(doc);
  const edits: OffsetEdit[] = [];
  for (const [path, loc] of doc.locations) {
    if (!formulaPlace(kind, path) || !isScalar(loc.node) || typeof loc.node.value !== "string") continue;
    const start = loc.value.start.offset;
    const end = loc.value.end.offset;
    if (range && (end < range.start || start > range.end)) continue;
    const parsed = parseFormula(loc.node.value);
    if (!parsed.ast || parsed.diagnostics.some((d) => d.severity === "error")) continue;
    const node = loc.node as Scalar;
    const oneLine = printFormula(parsed.ast);
    // A literal block keeps the author's line breaks, at the same tokens.
    const printed = node.type === "BLOCK_LITERAL" ? keepLineBreaks(node.value as string, oneLine) : oneLine;
    if (printed === (node.value as string).trim()) continue;
    const edit = rewrite(doc, node, start, end, printed);
    if (edit && readsBack(doc, edit, path, printed)) edits.push(edit);
  }
  return edits;
}

/** The scalar's source replaced by `printed`, in the scalar's own style. */
function rewrite(doc: RuleDocument, node: Scalar, start: number, end: number, printed: string): OffsetEdit | undefined {
  const file = doc.file;
  switch (node.type) {
    case "PLAIN":
      return { file, start, end, newText: plainSafe(printed) ? printed : doubleQuoted(printed) };
    case "QUOTE_DOUBLE":
      return { file, start, end, newText: doubleQuoted(printed) };
    case "QUOTE_SINGLE":
      return { file, start, end, newText: `'${printed.replaceAll("'", "''")}'` };
    case "BLOCK_LITERAL":
    case "BLOCK_FOLDED": {
      // Keep the header (`|`, `>-`, ...) and the content's indentation; replace the content lines.
      const header = /^[^\r\n]*(\r\n|\r|\n)/.exec(doc.text.slice(start, end));
      if (!header) return undefined;
      const contentStart = start + header[0].length;
      const indent = /^ */.exec(doc.text.slice(contentStart))?.[0] ?? "";
      if (indent === "") return undefined;
      const contentEnd = trimLineBreaks(doc.text, contentStart, end);
      const eol = header[1] ?? "\n";
      const lines = printed.split("\n").map((l) => `${indent}${l}`);
      return { file, start: contentStart, end: contentEnd, newText: lines.join(eol) };
    }
    default:
      return undefined;
  }
}

/**
 * The printed formula broken into lines before the same tokens as the written one, each continuation line
 * with its written extra indentation; the one-line print when the tokens differ (brackets added or dropped).
 */
function keepLineBreaks(written: string, printed: string): string {
  const text = written.replace(/\s+$/, "");
  if (!text.includes("\n")) return printed;
  const before = lexFormula(text);
  const after = lexFormula(printed);
  if (before.length !== after.length || before.some((t, i) => t.type !== after[i]?.type)) return printed;
  const lines: string[] = [];
  let from = 0;
  let indent = "";
  for (const [i, t] of before.entries()) {
    const gap = text.slice(i === 0 ? 0 : (before[i - 1]?.end ?? 0), t.start);
    const br = gap.lastIndexOf("\n");
    if (br < 0 || i === 0) continue;
    const at = after[i]?.start ?? 0;
    lines.push(indent + printed.slice(from, at).trimEnd());
    indent = gap.slice(br + 1).replace(/[^ ]/g, "");
    from = at;
  }
  lines.push(indent + printed.slice(from));
  return lines.join("\n");
}

function trimLineBreaks(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /[\r\n ]/.test(text[end - 1] ?? "")) end--;
  return end;
}

/** A plain YAML scalar reads back as this very text only when it starts and contains nothing YAML reads. */
function plainSafe(text: string): boolean {
  return (
    text !== "" &&
    !/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(text) &&
    !/: |\s#|:$|\s$/.test(text) &&
    !/^(true|false|null|~|yes|no|on|off)$/i.test(text) &&
    Number.isNaN(Number(text))
  );
}

function doubleQuoted(text: string): string {
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** The file reads back with the same YAML problems, and the formula at `path` is the printed one. */
function readsBack(doc: RuleDocument, edit: OffsetEdit, path: string, printed: string): boolean {
  const after = parseRuleDocument(doc.file, applyEdits(doc.text, [edit]));
  const value = valueAt(after.document.data, path);
  return typeof value === "string" && value.trim() === printed.trim();
}
