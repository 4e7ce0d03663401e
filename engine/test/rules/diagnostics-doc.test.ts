import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, test } from "vitest";
import { allDiagnosticDocs } from "../../src/diagnostics/catalog.js";
import { renderDiagnosticsMarkdown } from "../../src/diagnostics/catalog-markdown.js";
import { diagnosticDocsUrl } from "../../src/diagnostics/docs-url.js";

const SRC = join(import.meta.dirname, "..", "..", "src");
const DOC = join(import.meta.dirname, "..", "..", "..", "docs", "diagnostics.md");

/** Every source file that documents codes (calls defineCodes), so that no area is left out of the page. */
function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return codeFiles(path);
    return name.endsWith(".ts") && /\bdefineCodes\(/.test(readFileSync(path, "utf8")) && !path.endsWith("catalog.ts")
      ? [path]
      : [];
  });
}

test("docs/diagnostics.md is the catalog rendered, with every code of every area", async () => {
  const files = codeFiles(SRC);
  for (const file of files) await import(pathToFileURL(file).href);
  const docs = allDiagnosticDocs();
  expect(docs.length).toBeGreaterThan(100);
  const rendered = renderDiagnosticsMarkdown(docs);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(DOC, rendered);
  expect(readFileSync(DOC, "utf8")).toBe(rendered);
  for (const doc of docs) expect(rendered).toContain(`\n## ${doc.code}\n`);
});

test("every documented code has a title, a description, an example and a fix", () => {
  for (const doc of allDiagnosticDocs()) {
    expect(doc.code).toMatch(/^[A-Z]\d{3}$/);
    for (const part of [doc.title, doc.description, doc.example, doc.fix])
      expect(part.trim().length, doc.code).toBeGreaterThan(0);
  }
});

/** The anchor a markdown heading gets (GitHub, VS Code's preview): lower case, spaces to dashes. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, "")
    .replace(/ /g, "-");

test("every code's link (the editor's codeDescription) opens docs/diagnostics.md at the code's own heading", async () => {
  for (const file of codeFiles(SRC)) await import(pathToFileURL(file).href);
  const headings = readFileSync(DOC, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("## "))
    .map((l) => slug(l.slice(3)));
  const docs = allDiagnosticDocs();
  expect(docs.length).toBeGreaterThan(100);
  for (const { code } of docs) {
    const url = new URL(diagnosticDocsUrl(code));
    expect(url.protocol).toBe("file:");
    expect(fileURLToPath(url)).toBe(DOC);
    expect(
      headings.filter((h) => h === url.hash.slice(1)),
      code,
    ).toHaveLength(1);
  }
});
