import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CancellationTokenSource, type DocumentSymbol, type Location } from "vscode-languageserver-protocol";
import { copyTurkistan } from "../support/fixture.js";
import { LspClient, uri } from "../support/lsp-client.js";

let root: string;
let remove: () => void;
const file = (rel: string) => join(root, rel);
const ECONOMY = "districts/2026.1/blocks/02-economy.yaml";
const INDUSTRY = "districts/2026.1/blocks/01-industry.yaml";
const PROCUREMENT_FIELDS = "procurement/2026.1/fields.yaml";

beforeAll(() => {
  ({ root, remove } = copyTurkistan());
});
afterAll(() => remove?.());

describe("a server's life over stdio", () => {
  let client: LspClient;
  beforeAll(async () => {
    const started = await LspClient.start([root], { locale: "kk" });
    client = started.client;
    expect(started.result.capabilities).toMatchObject({
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: { label: "Tarazy" },
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      textDocumentSync: { openClose: true, change: 2 },
    });
  });
  afterAll(() => client?.kill());

  it("names symbols in the client's locale (kk)", async () => {
    const [block] = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", {
      textDocument: { uri: uri(file(INDUSTRY)) },
    });
    expect(block?.detail).toBe("Индустрияландыру және жаңа өндірістер");
  });

  it("picks up a file changed on disk when the client reports it, and its fix", async () => {
    const path = file(ECONOMY);
    const original = readFileSync(path, "utf8");
    const formula = /formula: (\w+)\(/.exec(original);
    expect(formula?.[1]).toBeDefined();
    writeFileSync(path, original.replace(formula?.[0] ?? "", `formula: ${formula?.[1]}x(`));
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uri(path), type: 2 }] });
    const [d] = await client.diagnosticsOf(path, (list) => list.length > 0);
    expect(d?.code).toBe("F201");
    writeFileSync(path, original);
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uri(path), type: 2 }] });
    expect(await client.diagnosticsOf(path, (list) => list.length === 0)).toEqual([]);
  });

  it("keeps every file's diagnostics when several are broken at once, in different rulesets", async () => {
    const industry = readFileSync(file(INDUSTRY), "utf8").replace("ytd(new_facilities)", "ytd(new_facilities");
    const fields = readFileSync(file(PROCUREMENT_FIELDS), "utf8").replace(/- id: (\w+)/, '- id: "unclosed');
    await client.open(file(INDUSTRY), industry);
    await client.open(file(PROCUREMENT_FIELDS), fields);
    const [a] = await client.diagnosticsOf(file(INDUSTRY), (list) => list.length > 0);
    const [b] = await client.diagnosticsOf(file(PROCUREMENT_FIELDS), (list) => list.length > 0);
    expect(a?.code).toMatch(/^F1/);
    expect(b?.code).toBe("R010");
    await client.notify("textDocument/didClose", { textDocument: { uri: uri(file(PROCUREMENT_FIELDS)) } });
    expect(await client.diagnosticsOf(file(PROCUREMENT_FIELDS), (list) => list.length === 0)).toEqual([]);
  });

  it("answers a request after the edit sent before it", async () => {
    const text = readFileSync(file(INDUSTRY), "utf8").replace("ytd(new_facilities)", "ytd(new_facilities_plan)");
    await client.replace(file(INDUSTRY), text, 3);
    const locations = await client.request<Location[]>("textDocument/definition", {
      textDocument: { uri: uri(file(INDUSTRY)) },
      position: { line: 21, character: 30 },
    });
    // fields.yaml line 24: `  - id: new_facilities_plan`.
    expect(locations.map((l) => l.range.start)).toEqual([{ line: 23, character: 8 }]);
  });

  it("cancels a request that is cancelled before it is answered", async () => {
    // The request and its cancellation go out in one write (see LspClient): the server finds the request still
    // queued when the cancellation arrives, and answers it as cancelled without computing it.
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest("workspace/symbol", { query: "" }, source.token) as Promise<unknown>;
    source.cancel();
    await expect(pending).rejects.toMatchObject({ code: -32800 });
    // The server goes on answering.
    expect(await client.request<unknown[]>("workspace/symbol", { query: "sairam" })).not.toHaveLength(0);
  });

  it("shuts down and exits with code 0", async () => {
    expect(await client.stop()).toBe(0);
  });
});

describe("settings from initializationOptions", () => {
  it("take the language over the client's locale", async () => {
    const { client } = await LspClient.start([root], { locale: "en", initializationOptions: { language: "ru" } });
    try {
      const [block] = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", {
        textDocument: { uri: uri(file(INDUSTRY)) },
      });
      expect(block?.detail).toBe("Индустриализация и новые производства");
      expect(await client.stop()).toBe(0);
    } finally {
      client.kill();
    }
  });
});
