import { type CandidateKind, type CompletionCandidate, completionsAt } from "@tarazy/engine";
import { type CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from "vscode-languageserver/node";
import type { ServerContext } from "../context.js";
import { editorInput, offsetRange } from "./editor-input.js";

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

/**
 * Completion: the engine's candidates (schema keys and values, names and functions in formulas,
 * references, periods) as LSP items. The documentation comes with completionItem/resolve.
 */
export function registerCompletion(ctx: ServerContext): void {
  ctx.capabilities.completionProvider = { triggerCharacters: [".", "(", ",", ":", " ", "["], resolveProvider: true };
  let last: readonly CompletionCandidate[] = [];
  ctx.connection.onCompletion((params) => {
    const input = editorInput(ctx, params.textDocument.uri, params.position);
    if (!input) return [];
    const candidates = completionsAt(input);
    last = candidates;
    return candidates.map((c, i): CompletionItem => {
      const range = offsetRange(input.document, c.start, c.end);
      return {
        label: c.label,
        kind: KIND[c.kind],
        ...(c.detail ? { detail: c.detail } : {}),
        sortText: c.sortText,
        filterText: c.label,
        textEdit: { range, newText: c.snippet ?? c.insertText },
        insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        data: { index: i, label: c.label },
      };
    });
  });
  ctx.connection.onCompletionResolve((item) => {
    const data = item.data as { index?: number; label?: string } | undefined;
    const candidate = data?.index !== undefined ? last[data.index] : undefined;
    if (!candidate || candidate.label !== data?.label || !candidate.documentation) return item;
    return { ...item, documentation: { kind: MarkupKind.Markdown, value: candidate.documentation } };
  });
}
