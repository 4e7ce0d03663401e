import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient, uri } from "../support/lsp-client.js";

const RULES = fileURLToPath(new URL("../../../rules/turkistan/", import.meta.url));
const INDUSTRY = join(RULES, "districts/2026.1/blocks/01-industry.yaml");
const FIELDS = join(RULES, "districts/2026.1/fields.yaml");
/** A field appended to fields.yaml; its id is on the first appended line. */
const field = (id: string) =>
  `  - id: ${id}\n    name: { kk: Қосалқы }\n    measure: count\n    frequency: month\n    aggregate: sum\n    cumulative: false\n    source: unit\n`;

describe("diagnostics over stdio on the Turkistan rulesets", () => {
  let client: LspClient;
  beforeAll(async () => {
    ({ client } = await LspClient.start([RULES]));
  });
  afterAll(() => client?.kill());

  it("reports a misspelt field in an unsaved buffer at its exact range inside the YAML", async () => {
    const text = readFileSync(INDUSTRY, "utf8").replace("formula: ytd(new_facilities)", "formula: ytd(new_facilitiez)");
    await client.open(INDUSTRY, text);
    const [d, ...rest] = await client.diagnosticsOf(INDUSTRY, (list) => list.length > 0);
    expect(rest).toEqual([]);
    // Line 22 of the file is `    formula: ytd(new_facilitiez)`: the name starts after 4 + 9 + 4 = 17 characters.
    expect(d?.range).toEqual({ start: { line: 21, character: 17 }, end: { line: 21, character: 31 } });
    expect(d?.code).toBe("F200");
    expect(d?.severity).toBe(1);
    expect(d?.message).toBe("unknown name `new_facilitiez`\ndid you mean `new_facilities`?");
    expect(d?.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/diagnostics\.md#f200$/);
  });

  it("clears the diagnostic when the buffer is fixed", async () => {
    await client.replace(INDUSTRY, readFileSync(INDUSTRY, "utf8"), 2);
    expect(await client.diagnosticsOf(INDUSTRY, (list) => list.length === 0)).toEqual([]);
  });

  it("fades a field nobody reads (tag unnecessary), as a warning with its docs link", async () => {
    const text = readFileSync(FIELDS, "utf8");
    const line = text.split("\n").length - 1;
    await client.open(FIELDS, text + field("spare_field"), 1);
    const list = await client.diagnosticsOf(FIELDS, (l) => l.length > 0);
    expect(list.map((d) => [d.code, d.severity, d.tags, d.range])).toEqual([
      ["R250", 2, [1], { start: { line, character: 8 }, end: { line, character: 19 } }],
    ]);
    expect(list[0]?.codeDescription?.href).toMatch(/diagnostics\.md#r250$/);
  });

  it("points a duplicate id at the first definition (related information)", async () => {
    const text = readFileSync(FIELDS, "utf8");
    const line = text.split("\n").length - 1;
    await client.replace(FIELDS, text + field("new_facilities"), 2);
    const list = await client.diagnosticsOf(FIELDS, (l) => l.some((d) => d.code === "R201"));
    const duplicate = list.find((d) => d.code === "R201");
    expect(duplicate?.range).toEqual({ start: { line, character: 8 }, end: { line, character: 22 } });
    // fields.yaml line 14: `  - id: new_facilities`.
    expect(duplicate?.relatedInformation).toEqual([
      {
        location: { uri: uri(FIELDS), range: { start: { line: 13, character: 8 }, end: { line: 13, character: 22 } } },
        message: "first defined here as a field",
      },
    ]);
  });
});
