import { type Occurrence, type OutlineKind, type OutlineNode, outlineOf } from "@tarazy/engine";
import { type DocumentSymbol, SymbolKind, type WorkspaceSymbol } from "vscode-languageserver/node";
import { answer, documentAt, locationOf } from "../answer.js";
import type { ServerContext } from "../context.js";
import { toLspRange } from "../positions.js";

const KIND: Record<OutlineKind, SymbolKind> = {
  ruleset: SymbolKind.Module,
  block: SymbolKind.Namespace,
  indicator: SymbolKind.Function,
  field: SymbolKind.Field,
  unit: SymbolKind.Object,
  rating: SymbolKind.Event,
  grade: SymbolKind.EnumMember,
  test: SymbolKind.Method,
};

/** How many workspace symbols one query returns at most: a short query matches much of 5,000 indicators. */
const MAX_WORKSPACE_SYMBOLS = 500;

/**
 * Document symbols (the file's ruleset, block or test with its ratings, units, fields and indicators, named in
 * the client's language) and workspace symbols (every field, indicator, block and unit of every ruleset and
 * version, matched fuzzily: the query's characters in order, best matches first).
 */
export function registerSymbols(ctx: ServerContext): void {
  ctx.capabilities.documentSymbolProvider = { label: "Tarazy" };
  ctx.capabilities.workspaceSymbolProvider = true;
  ctx.connection.onDocumentSymbol((params, token) =>
    answer(ctx, token, () => {
      const at = documentAt(ctx, params.textDocument.uri);
      return at ? outlineOf(at.doc, ctx.locale).map(toDocumentSymbol) : [];
    }),
  );
  ctx.connection.onWorkspaceSymbol((params, token) => answer(ctx, token, () => workspaceSymbols(ctx, params.query)));
}

function toDocumentSymbol(node: OutlineNode): DocumentSymbol {
  return {
    name: node.name,
    ...(node.detail ? { detail: node.detail } : {}),
    kind: KIND[node.kind],
    range: toLspRange(node.range),
    selectionRange: toLspRange(node.selection),
    children: node.children.map(toDocumentSymbol),
  };
}

function workspaceSymbols(ctx: ServerContext, query: string): WorkspaceSymbol[] {
  const scored: { o: Occurrence; score: number }[] = [];
  for (const o of ctx.workspace.index.definitions()) {
    const score = fuzzyScore(query, o.name);
    if (score !== undefined) scored.push({ o, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.o.name < b.o.name ? -1 : a.o.name > b.o.name ? 1 : 0));
  return scored.slice(0, MAX_WORKSPACE_SYMBOLS).map(({ o }) => ({
    name: o.name,
    kind: KIND[o.kind],
    containerName: containerOf(ctx, o),
    location: locationOf(o),
  }));
}

/** "districts 2026.1": the ruleset folder and version, so that equal ids of two versions can be told apart. */
function containerOf(ctx: ServerContext, o: Occurrence): string {
  const version = ctx.workspace.allVersions().find((v) => v.folder === o.version);
  const name = version?.result.model?.id || o.scope.split(/[\\/]/).pop() || "";
  return `${name} ${version?.result.version ?? o.version.split(/[\\/]/).pop()}`;
}

/**
 * How well `name` matches `query` typed fuzzily (its characters in order, any case): lower is better, undefined
 * when it does not match. A match at the start, and characters close together, score best.
 */
export function fuzzyScore(query: string, name: string): number | undefined {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  if (q === "") return 0;
  let score = 0;
  let from = 0;
  for (const ch of q) {
    const i = n.indexOf(ch, from);
    if (i < 0) return undefined;
    score += i - from;
    from = i + 1;
  }
  return n.startsWith(q) ? score : score + 1 + n.indexOf(q[0] ?? "");
}
