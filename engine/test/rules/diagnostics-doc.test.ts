import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { allDiagnosticDocs } from "../../src/diagnostics/catalog.js";
import { renderDiagnosticsMarkdown } from "../../src/diagnostics/catalog-markdown.js";
import { diagnosticDocsUrl } from "../../src/diagnostics/docs-url.js";
import { loadAllCodes } from "../support/code-files.js";

const DOC = join(import.meta.dirname, "..", "..", "..", "docs", "diagnostics.md");

test("docs/diagnostics.md is the catalog rendered, with every code of every area", async () => {
  await loadAllCodes();
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
  await loadAllCodes();
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
