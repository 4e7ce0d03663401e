import { SourceText } from "../../source/range.js";
import { DataCode } from "../codes.js";
import { shorten } from "../parse-number.js";
import { type Cell, type CellAt, type CellContent, isEmpty } from "./cell.js";
import type { ReaderContext } from "./csv-reader.js";
import { columnRole } from "./headers.js";
import { type JsonEntry, type JsonNode, parseJson } from "./json-parse.js";
import {
  type FieldFound,
  type FieldValue,
  lookupField,
  type RecordContext,
  readRecord,
  resolveField,
  setAside,
} from "./records.js";

/**
 * A JSON data file: an array of records, or an object whose "data" key holds that array. A record is long,
 *   { "unit": "turkistan", "period": "2026-03", "field": "own_revenue", "value": 1200 }
 * or wide, with one key per field:
 *   { "unit": "turkistan", "period": "2026-03", "own_revenue": 1200, "own_revenue_plan": 1000 }
 * Keys are read like CSV headers (same names, case-insensitive). Values are numbers, or strings read like
 * CSV cells ("1 234,5", "45%", "n/a"); null is an empty cell.
 */
export function readJson(text: string, base: ReaderContext): void {
  const ctx: RecordContext = { ...base, decimalComma: false };
  const source = new SourceText(text);
  ctx.merger.useText(ctx.file, source);
  const at = (start: number, end: number): CellAt => {
    const range = source.range(start, end);
    return { range, row: range.start.line, column: range.start.column };
  };
  const parsed = parseJson(text);
  if (!parsed.ok) {
    ctx.problems.report(DataCode.D150, at(parsed.offset, Math.min(parsed.offset + 1, text.length)), parsed.message, {
      suggestion: "correct the JSON here: often a missing comma, quote or bracket, or a comma before ] or }",
    });
    return;
  }
  const records = recordList(parsed.node);
  if (!records) {
    ctx.problems.report(
      DataCode.D151,
      at(parsed.node.start, parsed.node.start + 1),
      'a JSON data file must be an array of records, or an object with a "data" array',
      {
        suggestion: 'write [{ "unit": "turkistan", "period": "2026-03", "field": "own_revenue", "value": 1200 }, ...]',
      },
    );
    return;
  }
  const unknownKeys = new Set<string>();
  for (const record of records) {
    if (record.type !== "object") {
      ctx.problems.report(
        DataCode.D151,
        at(record.start, record.end),
        `a record must be an object, not ${kindOf(record)}`,
        {
          suggestion: 'write each record as { "unit": ..., "period": ..., "field": ..., "value": ... }',
        },
      );
      continue;
    }
    if (record.entries.length === 0) continue;
    ctx.counts.rows++;
    readObject(ctx, record.entries, at, unknownKeys, at(record.start, record.start + 1));
  }
  if (ctx.counts.rows === 0 && !ctx.problems.hasErrors) {
    ctx.problems.report(DataCode.D106, at(0, 0), "the file has no records", {
      suggestion: "check that this is the right file",
    });
  }
}

function recordList(node: JsonNode): readonly JsonNode[] | undefined {
  if (node.type === "array") return node.items;
  if (node.type === "object") {
    const data = node.entries.find((e) => e.key === "data")?.value;
    if (data?.type === "array") return data.items;
  }
  return undefined;
}

function readObject(
  ctx: RecordContext,
  entries: readonly JsonEntry[],
  at: (start: number, end: number) => CellAt,
  unknownKeys: Set<string>,
  recordAt: CellAt,
): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.key)) {
      ctx.problems.report(
        DataCode.D152,
        at(e.keyStart, e.keyEnd),
        `the key "${shorten(e.key)}" is given twice in this record, so the record is not read`,
        {
          suggestion: "delete one of the two keys",
        },
      );
      return;
    }
    seen.add(e.key);
  }
  const cell = (node: JsonNode): Cell => ({ content: content(node), at: at(node.start, node.end) });
  const byRole = new Map<string, JsonEntry>();
  const others: JsonEntry[] = [];
  for (const e of entries) {
    const role = columnRole(e.key);
    if (role === undefined) others.push(e);
    else if (role !== "comment" && !byRole.has(role)) byRole.set(role, e);
  }
  const unit = byRole.get("unit");
  const period = byRole.get("period");
  const field = byRole.get("field");
  const value = byRole.get("value");
  if (field || value) {
    for (const o of others) {
      ctx.problems.report(
        DataCode.D116,
        at(o.keyStart, o.keyEnd),
        `the key "${shorten(o.key)}" is not read in a long record`,
        {
          suggestion: 'a long record has only "unit", "period", "field" and "value" (and "comment")',
        },
      );
    }
    const valueCell = value ? cell(value.value) : undefined;
    if (!valueCell || isEmpty(valueCell.content)) return;
    const f = resolveField(ctx, field ? cell(field.value) : undefined, valueCell.at);
    if (f)
      readRecord(
        ctx,
        unit && cell(unit.value),
        period && cell(period.value),
        [{ field: f, cell: valueCell }],
        recordAt,
      );
    return;
  }
  const values: FieldValue[] = [];
  for (const o of others) {
    const found = wideField(ctx, o, at, unknownKeys);
    const c = cell(o.value);
    if (found?.kind === "field") values.push({ field: found.field, cell: c });
    else if (found && !isEmpty(c.content)) setAside(ctx, found.field, at(o.keyStart, o.keyEnd));
  }
  readRecord(ctx, unit && cell(unit.value), period && cell(period.value), values, recordAt);
}

/** The field a wide record's key names; an unknown key is reported once per file, like a CSV header. */
function wideField(
  ctx: RecordContext,
  entry: JsonEntry,
  at: (start: number, end: number) => CellAt,
  unknownKeys: Set<string>,
): FieldFound | undefined {
  const match = ctx.fields.lookup(entry.key);
  if (match.kind === "found") return { kind: "field", field: match.item };
  if (unknownKeys.has(entry.key)) return undefined;
  const found = lookupField(ctx, entry.key, at(entry.keyStart, entry.keyEnd));
  if (found?.kind === "other-version") return found;
  unknownKeys.add(entry.key);
  return undefined;
}

function content(node: JsonNode): CellContent {
  switch (node.type) {
    case "string":
      return { kind: "text", text: node.value };
    case "number":
      return { kind: "number", value: node.value };
    case "boolean":
      return { kind: "boolean", value: node.value };
    case "null":
      return { kind: "empty" };
    default:
      return { kind: "other", description: kindOf(node) };
  }
}

function kindOf(node: JsonNode): string {
  return node.type === "object" ? "an object" : node.type === "array" ? "a list" : `a ${node.type}`;
}
