import { DocumentHighlightKind } from "vscode-languageserver/node";
import { answer, occurrenceAt } from "../answer.js";
import type { ServerContext } from "../context.js";
import { toLspRange } from "../positions.js";

/** Document highlight: the symbol's other places in the same file; its definition counts as a write. */
export function registerHighlight(ctx: ServerContext): void {
  ctx.capabilities.documentHighlightProvider = true;
  ctx.connection.onDocumentHighlight((params, token) =>
    answer(ctx, token, () => {
      const at = occurrenceAt(ctx, params.textDocument.uri, params.position);
      if (!at) return null;
      return ctx.workspace.index
        .occurrencesOf(at)
        .filter((o) => o.file === at.file)
        .map((o) => ({
          range: toLspRange(o.range),
          kind: o.role === "definition" ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
        }));
    }),
  );
}
