import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient } from "../support/lsp-client.js";

const RULES = fileURLToPath(new URL("../../../rules/turkistan/", import.meta.url));
const INDUSTRY = join(RULES, "districts/2026.1/blocks/01-industry.yaml");

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
});
