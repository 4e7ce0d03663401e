import { markdownTable } from "./markdown-table.js";
import { ruleSchema, type SchemaNode } from "./schema.js";

/**
 * The key reference of docs/rule-format.md, rendered from the JSON Schema so that the docs list exactly
 * the keys the loader accepts: one table per element, nested mappings as dotted keys.
 */
export function renderSchemaKeys(schema: SchemaNode = ruleSchema()): string {
  const defs = schema.definitions as Record<string, SchemaNode>;
  const def = (name: string) => defs[name] as SchemaNode;
  const sections: [string, SchemaNode, string][] = [
    ["ruleset.yaml", def("rulesetFile"), ""],
    ["grades: items", def("grade"), ""],
    ["ratings: items", def("rating"), ""],
    ["ratings: grades: items", def("ratingGrade"), ""],
    ["units.yaml: units: items", def("unit"), ""],
    ["fields.yaml: fields: items", def("field"), ""],
    ["block files", def("blockFile"), ""],
    ["groups: items", def("group"), ""],
    ["indicators: items", def("indicator"), ""],
  ];
  const out: string[] = [];
  for (const [title, node] of sections) out.push(`### ${title}`, "", ...table(node, defs), "");
  out.push("### score, by method", "");
  for (const branch of def("score").oneOf as SchemaNode[]) {
    const method = branch.properties.method.const as string;
    const rest = Object.fromEntries(Object.entries(branch.properties).filter(([k]) => k !== "method"));
    out.push(`\`method: ${method}\`: ${branch.properties.method.description}`, "");
    if (Object.keys(rest).length > 0) out.push(...table({ ...branch, properties: rest }, defs), "");
  }
  out.push("### tests/*.yaml (rule tests)", "", ...table(def("testFile"), defs));
  return `${out.join("\n").trimEnd()}\n`;
}

function table(node: SchemaNode, defs: Record<string, SchemaNode>): string[] {
  return markdownTable(["key", "required", "value", "meaning"], rows(node, defs, ""));
}

function rows(node: SchemaNode, defs: Record<string, SchemaNode>, prefix: string): string[][] {
  const required = new Set<string>(node.required ?? []);
  const out: string[][] = [];
  for (const [key, raw] of Object.entries((node.properties ?? {}) as Record<string, SchemaNode>)) {
    const child = resolve(raw, defs);
    const name = `${prefix}${key}`;
    const value = key === "plan" ? "number or formula" : valueText(raw, child);
    out.push([`\`${name}\``, required.has(key) ? "yes" : "", value, cell(raw.description ?? child.description ?? "")]);
    const inline = child.type === "object" && child.properties && !raw.$ref;
    if (inline) out.push(...rows(child, defs, `${name}.`));
  }
  return out;
}

function resolve(node: SchemaNode, defs: Record<string, SchemaNode>): SchemaNode {
  const ref = node.$ref as string | undefined;
  return ref ? (defs[ref.replace("#/definitions/", "")] ?? node) : node;
}

function valueText(raw: SchemaNode, node: SchemaNode): string {
  const ref = (raw.$ref as string | undefined)?.replace("#/definitions/", "");
  if (ref === "localized") return "kk (required), ru, en";
  if (ref === "note") return "kk, ru, en (at least one)";
  if (ref === "formula") return "formula";
  if (ref === "measure") return "text or kk (required), ru, en";
  if (ref === "month") return "month 2026-01";
  if (ref === "idList") return "list of ids";
  if (node.enum) return (node.enum as string[]).map((v) => `\`${v}\``).join(" \\| ");
  if (node.anyOf) return (node.anyOf as SchemaNode[]).map((b) => (b.const ? `\`${b.const}\`` : typeOf(b))).join(" or ");
  if (ref === "grade" || ref === "rating" || ref === "unit" || ref === "field" || ref === "indicator")
    return `list of ${ref}s`;
  return typeOf(node);
}

function typeOf(node: SchemaNode): string {
  const types = Array.isArray(node.type) ? (node.type as string[]) : [String(node.type ?? "")];
  const names: Record<string, string> = {
    string: "text",
    number: "number",
    integer: "whole number",
    boolean: "true/false",
    object: "mapping",
    array: "list",
    null: "empty",
  };
  const base = types.map((t) => names[t] ?? t).join(" or ");
  if (types[0] === "array" && node.items?.enum)
    return `list of ${(node.items.enum as string[]).map((v) => `\`${v}\``).join(" \\| ")}`;
  if (types[0] === "array" && node.items?.$ref) return `list of ${node.items.$ref.replace("#/definitions/", "")}s`;
  return base;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
