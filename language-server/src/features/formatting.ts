import { formatDocument, type OffsetEdit, type RuleDocument } from "@tarazy/engine";
import type { TextEdit } from "vscode-languageserver/node";
import type { ServerContext } from "../context.js";
import { toOffset } from "../positions.js";
import { answerNow, currentDocument, offsetRange } from "./editor-input.js";

/** Formatting (document and range): formulas printed canonically by the engine; the rest byte for byte. */
export function registerFormatting(ctx: ServerContext): void {
  ctx.capabilities.documentFormattingProvider = true;
  ctx.capabilities.documentRangeFormattingProvider = true;
  const edits = (document: RuleDocument, list: readonly OffsetEdit[]): TextEdit[] =>
    list.map((e) => ({ range: offsetRange(document, e.start, e.end), newText: e.newText }));
  ctx.connection.onDocumentFormatting((params, token) =>
    answerNow(token, () => {
      const current = currentDocument(ctx, params.textDocument.uri);
      return current ? edits(current.document, formatDocument(current.document)) : [];
    }),
  );
  ctx.connection.onDocumentRangeFormatting((params, token) =>
    answerNow(token, () => {
      const current = currentDocument(ctx, params.textDocument.uri);
      if (!current) return [];
      const { source } = current.document;
      const range = { start: toOffset(source, params.range.start), end: toOffset(source, params.range.end) };
      return edits(current.document, formatDocument(current.document, range));
    }),
  );
}
