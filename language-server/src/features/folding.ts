import { foldingOf } from "@tarazy/engine";
import { answer, documentAt } from "../answer.js";
import type { ServerContext } from "../context.js";

/** Folding ranges: every block, indicator and other mapping or list spanning lines, and runs of comments. */
export function registerFolding(ctx: ServerContext): void {
  ctx.capabilities.foldingRangeProvider = true;
  ctx.connection.onFoldingRanges((params, token) =>
    answer(ctx, token, () => {
      const at = documentAt(ctx, params.textDocument.uri);
      return at ? foldingOf(at.doc).map((f) => ({ startLine: f.startLine - 1, endLine: f.endLine - 1 })) : [];
    }),
  );
}
