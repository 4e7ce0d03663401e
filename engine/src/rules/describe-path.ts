import type { FileKind } from "./schema.js";
import { pointerSegments, valueAt } from "./yaml-path.js";

/** Lists whose items are named elements, and what one item is called. */
const ITEM_NOUN: Record<string, string> = {
  indicators: "indicator",
  units: "unit",
  fields: "field",
  grades: "grade",
  ratings: "rating",
  bands: "band",
  data: "data row",
  results: "expected result",
  blocks: "block",
};

const FILE_NOUN: Record<FileKind, string> = {
  ruleset: "the ruleset",
  units: "the units file",
  fields: "the fields file",
  block: "the block",
  test: "the rule test",
};

/**
 * A JSON pointer in the words a methodologist uses: "/indicators/2/score" -> "`score` of indicator
 * `own_revenue_execution`"; "/grades/0" -> "grade `green`"; "" -> "the block".
 */
export function describePath(data: unknown, path: string, kind: FileKind | undefined): string {
  const segments = pointerSegments(path);
  if (segments.length === 0) return kind ? FILE_NOUN[kind] : "the file";
  const last = segments[segments.length - 1] ?? "";
  const parentPath = path.slice(0, path.length - last.length - 1);
  if (/^\d+$/.test(last)) {
    const list = segments[segments.length - 2] ?? "";
    const noun = ITEM_NOUN[list];
    const item = valueAt(data, path) as Record<string, unknown> | undefined;
    const element = item !== null && typeof item === "object" && !Array.isArray(item);
    const id = element ? item.id : undefined;
    if (noun && typeof id === "string" && id !== "") return `${noun} \`${id}\``;
    if (noun && element) return `${noun} ${Number(last) + 1}`;
    return `item ${Number(last) + 1} of ${describePath(data, parentPath, kind)}`;
  }
  if (segments.length === 1) return `\`${last}\``;
  return `\`${last}\` of ${describePath(data, parentPath, kind)}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value as the message shows it: short, quoted as code. */
export function showValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `\`${short}\``;
}

/** What kind of value a person sees: text, a number, yes/no, a list, a mapping, nothing. */
export function valueNoun(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping (key: value)";
  if (typeof value === "string") return "text";
  if (typeof value === "boolean") return "yes/no (true/false)";
  return "a number";
}

export function typeNoun(type: string): string {
  switch (type) {
    case "number":
    case "integer":
      return type === "integer" ? "a whole number" : "a number";
    case "string":
      return "text";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
      return "a mapping (key: value)";
    default:
      return type;
  }
}

/** "a, b or c" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
