import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadFamily, loadRuleset } from "../../src/rules/load.js";

/**
 * The corpus of broken rulesets: each case under corpus/ is the small `mini` ruleset broken in one way,
 * with the exact diagnostics it must give in expected.txt (code, severity, file:line:col, message, then
 * suggestion and related locations). UPDATE_GOLDEN=1 rewrites the files; review the diff before committing.
 */
const CORPUS = join(import.meta.dirname, "corpus");

export function goldenText(diagnostics: readonly Diagnostic[], root: string): string {
  const where = (file: string | undefined, line: number, column: number) =>
    `${file ? relative(root, file).split("\\").join("/") : "<none>"}:${line}:${column}`;
  const lines: string[] = [];
  for (const d of diagnostics) {
    lines.push(`${d.code} ${d.severity} ${where(d.file, d.range.start.line, d.range.start.column)} ${d.message}`);
    if (d.suggestion) lines.push(`  suggestion: ${d.suggestion}`);
    for (const r of d.related ?? [])
      lines.push(`  related: ${r.message} (${where(r.file ?? d.file, r.range.start.line, r.range.start.column)})`);
    if (d.fix) lines.push(`  fix: ${d.fix.title}: ${d.fix.edits.map((e) => JSON.stringify(e.newText)).join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe("corpus of broken rulesets", () => {
  test.each(cases)("%s", (name) => {
    const dir = join(CORPUS, name);
    const diagnostics = existsSync(join(dir, "ruleset.yaml"))
      ? loadRuleset(dir).diagnostics
      : loadFamily(dir).diagnostics;
    const actual = goldenText(diagnostics, dir);
    const file = join(dir, "expected.txt");
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, actual);
    expect(actual).toBe(readFileSync(file, "utf8"));
    expect(diagnostics.length).toBeGreaterThan(0);
  });
});
