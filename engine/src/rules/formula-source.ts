import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseFormula } from "../formula/parser.js";
import type { FormulaSource } from "../model/ruleset.js";
import type { Position } from "../source/range.js";
import { RuleReadCode } from "./codes.js";
import { scalarOffsets } from "./scalar-offsets.js";
import type { RuleDocument } from "./yaml-document.js";

/**
 * Parses the formula at `path` of a rule file in place: every position in the AST and in its diagnostics is
 * a position in the YAML file, whether the formula is plain, quoted or a block scalar. A number (`plan: 100`)
 * is read as the formula it spells. Undefined when there is no string or number at `path`.
 */
export function formulaAt(doc: RuleDocument, path: string): FormulaResult {
  // A document is immutable, so its formulas parse the same every time: an editor that re-loads a version after
  // an edit in one file (reusing the other files' documents) parses only that file's formulas again.
  const byPath = formulasOf(doc);
  const known = byPath.get(path);
  if (known) return { ...known, diagnostics: [...known.diagnostics] };
  const result = parseFormulaAt(doc, path);
  byPath.set(path, result);
  return { ...result, diagnostics: [...result.diagnostics] };
}

/** What reading the formula at one path gives; plain data, so the rule cache can keep it on disk. */
export type FormulaResult = { formula?: FormulaSource; diagnostics: Diagnostic[] };

const parsedFormulas = new WeakMap<RuleDocument, Map<string, FormulaResult>>();

/**
 * The formulas of `doc` read so far, by path: the rule cache (rule-cache.ts) fills it from disk when it
 * revives a document, so a warm start parses no formula, and writes it back after a run that parsed some.
 */
export function formulasOf(doc: RuleDocument): Map<string, FormulaResult> {
  let byPath = parsedFormulas.get(doc);
  if (!byPath) {
    byPath = new Map();
    parsedFormulas.set(doc, byPath);
  }
  return byPath;
}

function parseFormulaAt(doc: RuleDocument, path: string): FormulaResult {
  const loc = doc.locations.get(path);
  const node = loc?.scalar;
  if (!loc || !node) return { diagnostics: [] };
  const at = { file: doc.file, range: loc.value };
  const diagnostics: Diagnostic[] = [];
  let text: string;
  let positionAt: (offset: number) => Position;
  if (typeof node.value === "number") {
    text = doc.text.slice(loc.value.start.offset, loc.value.end.offset);
    positionAt = (i) => doc.source.position(loc.value.start.offset + Math.max(0, Math.min(i, text.length)));
  } else if (typeof node.value === "string") {
    text = node.value;
    const offsets = scalarOffsets(doc.text, node);
    if (offsets) {
      positionAt = (i) => doc.source.position(offsets[Math.max(0, Math.min(i, offsets.length - 1))] ?? 0);
    } else {
      positionAt = () => loc.value.start;
      diagnostics.push({
        code: RuleReadCode.R016,
        severity: "info",
        message:
          "the positions of errors in this formula are approximate: its escapes or line folding cannot be traced back to the file",
        file: doc.file,
        range: loc.value,
        suggestion: "write the formula as a block: `formula: |` and the formula on the next lines, indented",
      });
    }
  } else {
    return { diagnostics: [] };
  }
  const parsed = parseFormula(text, { positionAt, file: doc.file });
  diagnostics.push(...parsed.diagnostics.map((d) => (d.file ? d : { ...d, file: doc.file })));
  return { formula: { text, at, ...(parsed.ast ? { ast: parsed.ast } : {}) }, diagnostics };
}
