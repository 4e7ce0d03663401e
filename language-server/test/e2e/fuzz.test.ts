import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { LspClient, uri } from "../support/lsp-client.js";

/**
 * Random edit sequences typed into an open rule file (insertions, deletions, pastes of random text and of
 * other rule files, truncation, very long lines, lone surrogates, CRLF): the server never exits, answers
 * every request (an error response is an answer; no answer within the limit is a hang), and ends with the
 * same diagnostics as a fresh server opened on the final text. Bounded: a few short sequences on the small
 * fixture ruleset, so it runs in seconds.
 */
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MINI = join(ROOT, "engine/test/rules/fixtures/mini");
const PASTES = [
  join(ROOT, "rules/turkistan/districts/2026.1/blocks/03-revenue.yaml"),
  join(ROOT, "rules/turkistan/districts/2026.1/ruleset.yaml"),
  join(MINI, "2026.1/fields.yaml"),
].map((f) => readFileSync(f, "utf8"));
const ANSWER_MS = 15_000;

const folder = mkdtempSync(join(tmpdir(), "tarazy-fuzz-"));
cpSync(MINI, folder, { recursive: true });
const FILE = join(folder, "2026.1/blocks/02-social.yaml");
const ORIGINAL = readFileSync(FILE, "utf8");

type Edit =
  | { op: "insert"; at: number; text: string }
  | { op: "delete"; at: number; length: number }
  | { op: "paste"; at: number; file: number; from: number; length: number }
  | { op: "truncate"; at: number }
  | { op: "longLine"; at: number; length: number }
  | { op: "crlf" };

const piece = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    ":",
    "- ",
    "\n",
    "  ",
    '"',
    "'",
    "|",
    ">",
    "{",
    "}",
    "[",
    "]",
    "#",
    "(",
    ")",
    ",",
    "ytd(",
    "formula: ",
    "😀",
    "ә",
  ),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);
const position = fc.double({ min: 0, max: 1, noNaN: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant("insert" as const),
    at: position,
    text: fc.array(piece, { maxLength: 4 }).map((p) => p.join("")),
  }),
  fc.record({ op: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    op: fc.constant("paste" as const),
    at: position,
    file: fc.integer({ min: 0, max: PASTES.length - 1 }),
    from: position,
    length: fc.integer({ min: 1, max: 400 }),
  }),
  fc.record({ op: fc.constant("truncate" as const), at: position }),
  fc.record({ op: fc.constant("longLine" as const), at: position, length: fc.integer({ min: 2_000, max: 20_000 }) }),
  fc.constant({ op: "crlf" as const }),
);

function apply(text: string, e: Edit): string {
  const at = (x: number) => Math.floor(x * text.length);
  switch (e.op) {
    case "insert":
      return text.slice(0, at(e.at)) + e.text + text.slice(at(e.at));
    case "delete":
      return text.slice(0, at(e.at)) + text.slice(at(e.at) + e.length);
    case "paste": {
      const source = PASTES[e.file] ?? "";
      const from = Math.floor(e.from * source.length);
      return text.slice(0, at(e.at)) + source.slice(from, from + e.length) + text.slice(at(e.at));
    }
    case "truncate":
      return text.slice(0, at(e.at));
    case "longLine":
      return `${text.slice(0, at(e.at))}    formula: ${"a + ".repeat(e.length / 4)}b\n${text.slice(at(e.at))}`;
    case "crlf":
      return text.replace(/\r?\n/g, "\r\n");
  }
}

/** A request's answer or its error response; a missing answer fails the test as a hang. */
async function answered(client: LspClient, method: string, params: unknown): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${method} within ${ANSWER_MS} ms`)), ANSWER_MS);
  });
  try {
    await Promise.race([client.request(method, params).catch((e: { code?: number }) => e), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every request of the editing features, at a position derived from the text's length. */
async function askEverything(client: LspClient, text: string, seed: number): Promise<void> {
  const lines = text.split(/\r\n|\r|\n/);
  const line = seed % Math.max(1, lines.length);
  const position = { line, character: (seed * 7) % ((lines[line]?.length ?? 0) + 2) };
  const textDocument = { uri: uri(FILE) };
  const range = { start: position, end: position };
  await Promise.all([
    answered(client, "textDocument/completion", { textDocument, position }),
    answered(client, "textDocument/hover", { textDocument, position }),
    answered(client, "textDocument/signatureHelp", { textDocument, position }),
    answered(client, "textDocument/codeAction", { textDocument, range, context: { diagnostics: [] } }),
    answered(client, "textDocument/formatting", { textDocument, options: { tabSize: 2, insertSpaces: true } }),
    answered(client, "textDocument/codeLens", { textDocument }),
  ]);
}

/** The diagnostics once the server has re-checked everything it was sent: a request that needs the build, then the publication. */
async function settled(client: LspClient): Promise<Map<string, Diagnostic[]>> {
  await answered(client, "textDocument/codeLens", { textDocument: { uri: uri(FILE) } });
  await new Promise((r) => setTimeout(r, 400));
  const out = new Map<string, Diagnostic[]>();
  for (const [u, list] of client.diagnostics) if (list.length > 0) out.set(u, list);
  return out;
}

describe("fuzz: random edit sequences over stdio", () => {
  const clients: LspClient[] = [];
  afterAll(() => {
    for (const c of clients) c.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it("never crashes or hangs, answers every request and ends as a fresh server would", async () => {
    const { client } = await LspClient.start([folder]);
    clients.push(client);
    await client.open(FILE, ORIGINAL);
    let version = 1;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
        let text = ORIGINAL;
        await client.replace(FILE, text, ++version);
        for (const [i, e] of edits.entries()) {
          text = apply(text, e);
          await client.replace(FILE, text, ++version);
          await askEverything(client, text, i * 31 + text.length);
        }
        const ours = await settled(client);
        const { client: fresh } = await LspClient.start([folder]);
        clients.push(fresh);
        try {
          await fresh.open(FILE, text);
          const theirs = await settled(fresh);
          expect(ours).toEqual(theirs);
        } finally {
          await fresh.stop().catch(() => fresh.kill());
        }
      }),
      { numRuns: 4, endOnFailure: true },
    );
    expect(await client.stop()).toBe(0);
  });
});
