import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeDiagnosticCode } from "@tarazy/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Hover,
  InlayHint,
  SignatureHelp,
  TextEdit,
} from "vscode-languageserver-protocol";
import { LspClient, uri } from "../support/lsp-client.js";

const RULES = fileURLToPath(new URL("../../../rules/turkistan/", import.meta.url));
const VERSION = join(RULES, "districts/2026.1");
const REVENUE = join(VERSION, "blocks/03-revenue.yaml");
const REVENUE_TEXT = readFileSync(REVENUE, "utf8");
const INDUSTRY = join(VERSION, "blocks/01-industry.yaml");

/** The LSP position of the first `¦` in `marked`, and the text without it. */
function cursor(marked: string): { text: string; position: { line: number; character: number } } {
  const offset = marked.indexOf("¦");
  const before = marked.slice(0, offset);
  const line = before.split("\n").length - 1;
  return {
    text: before + marked.slice(offset + 1),
    position: { line, character: offset - (before.lastIndexOf("\n") + 1) },
  };
}

/** Applies LSP text edits to a text (no overlaps). */
function apply(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const at = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => at(b.range.start) - at(a.range.start)))
    out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}

/** Completion after `rou` typed before a formula of the revenue block: functions and names. */
async function completeAfterRou(client: LspClient): Promise<CompletionItem[]> {
  const { text, position } = cursor(
    REVENUE_TEXT.replace("formula: ytd(own_revenue) /", "formula: rou¦ytd(own_revenue) /"),
  );
  await client.open(REVENUE, text);
  const { items } = await client.request<CompletionList>("textDocument/completion", {
    textDocument: { uri: uri(REVENUE) },
    position,
  });
  return items;
}

/** A client that takes snippets in completion items (with the workspace capabilities LspClient announces). */
const SNIPPETS = {
  workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } },
  textDocument: { completion: { completionItem: { snippetSupport: true } } },
};

/**
 * The entry of a code on the diagnostics page a codeDescription link points to: the link's file must exist
 * and hold a `## CODE` heading (the anchor GitHub and editors' markdown previews give it); the entry's title,
 * description and fix, as the page writes them.
 */
function pageEntry(href: string): { title: string; description: string; fix: string } {
  const [file, anchor] = href.split("#") as [string, string];
  const lines = readFileSync(fileURLToPath(file), "utf8").split("\n");
  const start = lines.findIndex((l) => l.toLowerCase() === `## ${anchor}`);
  expect(start, `${anchor} on ${file}`).toBeGreaterThan(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  const section = lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l !== "");
  return {
    title: (section[0] ?? "").replace(/^\*\*(.*)\*\* \((error|warning|info)\)$/, "$1"),
    description: section[1] ?? "",
    fix: (section.find((l) => l.startsWith("Fix: ")) ?? "").slice("Fix: ".length),
  };
}

describe.each([
  ["en", "Rounds as Excel does", "Weight in the total", "higher | lower: which way is better.", "How to fix"],
  [
    "ru",
    "Округление как в Excel",
    "Вес в итоговом балле",
    "`higher` | `lower`: какое направление лучше.",
    "Как исправить",
  ],
  [
    "kk",
    "Excel сияқты дөңгелектеу",
    "Жалпы балдағы салмағы",
    "`higher` | `lower`: қай бағыт жақсы.",
    "Қалай түзетуге болады",
  ],
] as const)("locale %s over stdio", (locale, roundDoc, effectiveWeight, betterDoc, fixLabel) => {
  let client: LspClient;
  beforeAll(async () => {
    ({ client } = await LspClient.start([RULES], { locale, capabilities: SNIPPETS }));
  });
  afterAll(() => client?.kill());

  it("completes functions with snippets; resolve gives their docs in the locale", async () => {
    const items = await completeAfterRou(client);
    const round = items.find((i) => i.label === "round");
    expect(round?.insertTextFormat).toBe(2);
    expect(round?.textEdit).toMatchObject({ newText: `round(${"$"}{1:x})` });
    expect(items.some((i) => i.label === "own_revenue")).toBe(true);
    const resolved = await client.request<CompletionItem>("completionItem/resolve", round);
    expect(JSON.stringify(resolved.documentation)).toContain(roundDoc);
  });

  it("hovers an indicator id with its effective weight in the locale", async () => {
    const { text, position } = cursor(
      REVENUE_TEXT.replace("- id: own_revenue_execution", "- id: own_revenue_exe¦cution"),
    );
    await client.replace(REVENUE, text, 2);
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri: uri(REVENUE) }, position });
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain(effectiveWeight);
    expect(value).toContain("ytd(own_revenue) / ytd(own_revenue_plan) * 100");
    expect(hover.range).toEqual({
      start: { line: position.line, character: 8 },
      end: { line: position.line, character: 29 },
    });
  });

  it("completes a score method from the schema", async () => {
    const { text, position } = cursor(
      REVENUE_TEXT.replace("score: { method: goalposts, min: 80, max: 100 }", "score:\n      method: ¦"),
    );
    await client.replace(REVENUE, text, 3);
    const { items } = await client.request<CompletionList>("textDocument/completion", {
      textDocument: { uri: uri(REVENUE) },
      position,
    });
    expect(items.map((i) => i.label)).toContain("achievement");
  });

  it("hovers a key with the schema's description in the locale", async () => {
    const { text, position } = cursor(REVENUE_TEXT.replace("    better: higher", "    bet¦ter: higher"));
    await client.replace(REVENUE, text, 4);
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri: uri(REVENUE) }, position });
    expect((hover.contents as { value: string }).value).toBe(betterDoc);
  });

  it("hovers a diagnostic's code with the catalog entry its codeDescription link resolves to", async () => {
    const good = readFileSync(INDUSTRY, "utf8");
    const { text, position } = cursor(good.replace("ytd(new_facilities)", "ytd(new_facili¦tiez)"));
    await client.open(INDUSTRY, text);
    const list = await client.diagnosticsOf(INDUSTRY, (l) => l.some((d) => d.code === "F200"));
    const href = list.find((d) => d.code === "F200")?.codeDescription?.href ?? "";
    // The link goes to the page the server carries beside itself (the bundle's copy of docs/diagnostics.md).
    expect(href).toMatch(/^file:\/\/.*\/language-server\/dist\/docs\/diagnostics\.md#f200$/);
    const entry = pageEntry(href);
    expect(entry.title).toBe("Unknown name");
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri: uri(INDUSTRY) }, position });
    const value = (hover.contents as { value: string }).value;
    // The hover is the engine's entry in the locale: the page's English in en, the catalog's kk/ru words otherwise.
    expect(value).toContain(describeDiagnosticCode("F200", locale));
    expect(value).toContain(`\n${fixLabel}: `);
    if (locale === "en") {
      expect(value).toContain(`**F200** ${entry.title} (error)\n\n${entry.description}\n`);
      expect(value).toContain(`\n${fixLabel}: ${entry.fix}`);
    } else for (const english of [entry.title, entry.description, entry.fix]) expect(value).not.toContain(english);
    await client.replace(INDUSTRY, good, 2);
    await client.diagnosticsOf(INDUSTRY, (l) => l.length === 0);
  });
});

describe("editing features over stdio (en, with a data folder)", () => {
  let client: LspClient;
  beforeAll(async () => {
    ({ client } = await LspClient.start([RULES], {
      locale: "en",
      initializationOptions: { dataFolder: join(RULES, "districts/sample-data"), unit: "sairam" },
    }));
  });
  afterAll(() => client?.kill());

  it("signature help names the active parameter", async () => {
    const { text, position } = cursor(
      REVENUE_TEXT.replace("formula: ytd(own_revenue) /", "formula: round(ytd(own_revenue), ¦) /"),
    );
    await client.open(REVENUE, text);
    const help = await client.request<SignatureHelp>("textDocument/signatureHelp", {
      textDocument: { uri: uri(REVENUE) },
      position,
    });
    expect(help.signatures[0]?.label).toBe("round(x, [digits])");
    expect(help.activeParameter).toBe(1);
  });

  it("a did-you-mean code action, applied, clears the diagnostic", async () => {
    const broken = REVENUE_TEXT.replace("ytd(own_revenue) / ytd", "ytd(own_revenu) / ytd");
    await client.replace(REVENUE, broken, 2);
    const [d] = await client.diagnosticsOf(REVENUE, (list) => list.some((x) => x.code === "F200"));
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri: uri(REVENUE) },
      range: d?.range,
      context: { diagnostics: d ? [d] : [] },
    });
    const fix = actions.find((a) => a.title === "Change to `own_revenue`");
    expect(fix?.isPreferred).toBe(true);
    const fixed = apply(broken, fix?.edit?.changes?.[uri(REVENUE)] ?? []);
    expect(fixed).toBe(REVENUE_TEXT);
    await client.replace(REVENUE, fixed, 3);
    // What remains are the statistical audit's findings (a data folder is set), never a rule error.
    const left = await client.diagnosticsOf(REVENUE, (list) => !list.some((x) => x.code === "F200"));
    expect(left.every((x) => String(x.code).startsWith("A"))).toBe(true);
  });

  it("formatting prints a formula canonically and leaves the rest alone", async () => {
    const messy = REVENUE_TEXT.replace("formula: ytd(tax_receipts)\n", "formula: YTD( tax_receipts )\n");
    await client.replace(REVENUE, messy, 4);
    const edits = await client.request<TextEdit[]>("textDocument/formatting", {
      textDocument: { uri: uri(REVENUE) },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(apply(messy, edits)).toBe(REVENUE_TEXT);
    await client.replace(REVENUE, REVENUE_TEXT, 5);
  });

  it("code lenses show the block's weights and each indicator's value, score and points for the unit", async () => {
    const lenses = await client.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri: uri(REVENUE) } });
    expect(lenses[0]?.command?.title).toBe("Block weight: 15 · sum of its indicators' weights: 14");
    const own = lenses.find((l) => l.command?.arguments?.[0]?.indicator === "own_revenue_execution");
    expect(own?.command?.title).toMatch(/^sairam, 2026-Q3: Value [\d.]+ · score [\d.]+ · Points [\d.]+ of 4\.29$/);
    expect(own?.command).toMatchObject({
      command: "tarazy.explain",
      arguments: [{ unit: "sairam", period: "2026-Q3" }],
    });
  });

  it("the statistical audit's findings are diagnostics on the indicators' lines", async () => {
    // As `tarazy audit` of 2026-Q3 reports them (docs/audit.md): tax_arrears_change ranks no one, at its id.
    const list = await client.diagnosticsOf(REVENUE, (l) => l.some((x) => x.code === "A102"));
    const a102 = list.find((x) => x.code === "A102");
    const line = REVENUE_TEXT.split("\n").findIndex((l) => l.includes("id: tax_arrears_change"));
    expect(a102).toMatchObject({ severity: 2, source: "tarazy", range: { start: { line } } });
    expect(a102?.message).toMatch(/^every one of the \d+ units scored on tax_arrears_change gets the same score/);
    expect(list.some((x) => x.code === "A301")).toBe(true);
  });

  it("a code lens on the block line shows its effective importance beside its nominal weight", async () => {
    const lenses = await client.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri: uri(REVENUE) } });
    const audit = lenses.filter((l) => l.command?.title.startsWith("effective importance"));
    expect(audit).toHaveLength(1);
    // The revenue block: 15% of the weight, 5.1% of the effective importance (docs/audit.md's block table).
    expect(audit[0]?.command?.title).toBe("effective importance 5.1% · nominal weight 15.0% (audit, 2026-Q3)");
    expect(audit[0]?.range.start.line).toBe(lenses[0]?.range.start.line);
  });

  it("inlay hints carry the same figures", async () => {
    const hints = await client.request<InlayHint[]>("textDocument/inlayHint", {
      textDocument: { uri: uri(REVENUE) },
      range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } },
    });
    expect(hints.map((h) => h.label)).toContain("  Block weight: 15 · sum of its indicators' weights: 14");
    expect(hints.length).toBeGreaterThan(1);
  });
});

describe("a client without snippet support", () => {
  let client: LspClient;
  beforeAll(async () => {
    ({ client } = await LspClient.start([RULES]));
  });
  afterAll(() => client?.kill());

  it("gets plain text: a function's name and its opening parenthesis, no tab stops", async () => {
    const items = await completeAfterRou(client);
    const round = items.find((i) => i.label === "round");
    expect(round?.insertTextFormat).toBe(1);
    expect(round?.textEdit).toMatchObject({ newText: "round(" });
    expect(items.every((i) => i.insertTextFormat !== 2 && !/\$\{\d/.test(i.textEdit?.newText ?? ""))).toBe(true);
  });
});
