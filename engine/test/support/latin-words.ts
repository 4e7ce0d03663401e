import { ruleSchema } from "../../src/rules/schema.js";

/**
 * Latin words of two letters or more that a Kazakh or Russian reader would see as English: outside code in
 * backticks, file paths, hashes, n/a and the machine-read manifest of reports.
 */
export function latinWords(text: string): string[] {
  const plain = text
    .replace(/<!-- tarazy-manifest[\s\S]*?-->/g, "")
    .replace(/`[^`]*`/g, " ")
    .replace(/[\w.-]*\/[\w./-]+(:\d+)*/g, " ")
    .replace(/\bn\/a\b/g, " ");
  return (plain.match(/[\p{L}\p{N}_]+/gu) ?? []).filter((t) => /^[A-Za-z][A-Za-z_]+$/.test(t));
}

/** The rule format's keys are code (the rule files' words) and may stand bare, as may the names given. */
export function allowedLatinWords(names: readonly string[]): Set<string> {
  const words = new Set(names);
  const keys = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const properties = (node as { properties?: object }).properties;
    if (properties) for (const k of Object.keys(properties)) words.add(k);
    for (const v of Object.values(node)) keys(v);
  };
  keys(ruleSchema());
  return words;
}
