import { type CandidateKind, type CompletionCandidate, completionsAt } from "@tarazy/engine";
import { type CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from "vscode-languageserver/node";
import type { ServerContext } from "../context.js";
import { answerNow, editorInput, offsetRange } from "./editor-input.js";

const KIND: Record<CandidateKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Field,
  indicator: CompletionItemKind.Variable,
  attribute: CompletionItemKind.Property,
  value: CompletionItemKind.Variable,
  function: CompletionItemKind.Function,
  keyword: CompletionItemKind.Keyword,
  unit: CompletionItemKind.Reference,
  block: CompletionItemKind.Module,
  rating: CompletionItemKind.Reference,
  kind: CompletionItemKind.EnumMember,
  period: CompletionItemKind.Constant,
};

/** More names than an editor's list can usefully show (a ruleset of thousands of indicators). */
const MAX_ITEMS = 1000;

/** The candidates whose label holds what is written so far (any case), best first, at most MAX_ITEMS. */
function narrowed(all: readonly CompletionCandidate[], text: string, offset: number): CompletionCandidate[] {
  const start = all[0]?.start ?? offset;
  const written = text.slice(start, Math.max(start, offset)).toLowerCase();
  return all
    .filter((c) => c.label.toLowerCase().includes(written))
    .sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0))
    .slice(0, MAX_ITEMS);
}

/**
 * Completion: the engine's candidates (schema keys and values, names and functions in formulas,
 * references, periods) as LSP items. The documentation comes with completionItem/resolve.
 */
export function registerCompletion(ctx: ServerContext): void {
  ctx.capabilities.completionProvider = { triggerCharacters: [".", "(", ",", ":", " ", "["], resolveProvider: true };
  let last: readonly CompletionCandidate[] = [];
  ctx.connection.onCompletion((params, token) =>
    answerNow(token, () => {
      const input = editorInput(ctx, params.textDocument.uri, params.position);
      if (!input) return [];
      const all = completionsAt(input);
      const candidates = all.length > MAX_ITEMS ? narrowed(all, input.document.text, input.offset) : all;
      last = candidates;
      const items = candidates.map((c, i): CompletionItem => {
        const range = offsetRange(input.document, c.start, c.end);
        // A client that did not announce snippets would insert `${1:x}` literally.
        const snippet = ctx.snippets ? c.snippet : undefined;
        return {
          label: c.label,
          kind: KIND[c.kind],
          ...(c.detail ? { detail: c.detail } : {}),
          sortText: c.sortText,
          filterText: c.label,
          textEdit: { range, newText: snippet ?? c.insertText },
          insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          data: { index: i, label: c.label },
        };
      });
      // A narrowed list is asked for again as the name grows.
      return { isIncomplete: candidates !== all, items };
    }),
  );
  ctx.connection.onCompletionResolve((item) => {
    const data = item.data as { index?: number; label?: string } | undefined;
    const candidate = data?.index !== undefined ? last[data.index] : undefined;
    if (!candidate || candidate.label !== data?.label || !candidate.documentation) return item;
    return { ...item, documentation: { kind: MarkupKind.Markdown, value: candidate.documentation } };
  });
}
