import { lineFigures } from "@tarazy/engine";
import { type InlayHint, InlayHintKind, ResponseError } from "vscode-languageserver/node";
import { answer } from "../answer.js";
import type { ServerContext } from "../context.js";
import { toOffset, uriToPath } from "../positions.js";
import { currentDocument } from "./editor-input.js";
import { previewFor } from "./preview-of.js";

/** Inlay hints: the same figures as the code lenses, written after the block's id and each indicator's id. */
export function registerInlayHints(ctx: ServerContext): void {
  ctx.capabilities.inlayHintProvider = { resolveProvider: false };
  ctx.connection.languages.inlayHint.on(async (params, token): Promise<InlayHint[] | ResponseError<void>> => {
    const path = uriToPath(params.textDocument.uri);
    if (!path) return [];
    const built = await answer(ctx, token, () => currentDocument(ctx, params.textDocument.uri));
    if (built instanceof ResponseError) return built;
    const current = built;
    if (!current) return [];
    const { source } = current.document;
    const from = toOffset(source, params.range.start);
    const to = toOffset(source, params.range.end);
    const { model, preview } = await previewFor(ctx, path);
    return lineFigures(current.document, model, ctx.locale, preview)
      .filter((f) => f.end >= from && f.start <= to)
      .map((f) => {
        const p = source.position(f.end);
        return {
          position: { line: p.line - 1, character: p.column - 1 },
          label: `  ${f.text}`,
          kind: InlayHintKind.Parameter,
          paddingLeft: true,
        };
      });
  });
}
