import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { renderSchemaKeys } from "../../src/rules/schema-markdown.js";

const DOC = join(import.meta.dirname, "..", "..", "..", "docs", "rule-format.md");
const START = "<!-- keys:start -->\n";
const END = "<!-- keys:end -->";

test("docs/rule-format.md lists exactly the schema's keys", () => {
  const doc = readFileSync(DOC, "utf8");
  const [before, rest] = doc.split(START) as [string, string];
  const after = rest.slice(rest.indexOf(END));
  const current = `${before}${START}${renderSchemaKeys()}${after}`;
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(DOC, current);
  expect(readFileSync(DOC, "utf8")).toBe(current);
});

test("the examples in docs/rule-format.md use only keys the schema knows", () => {
  const doc = readFileSync(DOC, "utf8");
  for (const key of ["unit_kinds", "effective", "aggregate", "cumulative", "applies", "rationale", "tolerance"])
    expect(renderSchemaKeys()).toContain(`\`${key}\``);
  expect(doc).toContain("tarazy-rules.schema.json");
});
