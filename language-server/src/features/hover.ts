import { describeDiagnosticCode, hoverAt } from "@tarazy/engine";
import { type Hover, MarkupKind } from "vscode-languageserver/node";
import type { ServerContext } from "../context.js";
import { answerNow, editorInput, offsetRange } from "./editor-input.js";

/**
 * Hover: what a name, function, referenced element or key is (the engine's description), and the catalog
 * entry of every diagnostic at the position.
 */
export function registerHover(ctx: ServerContext): void {
  ctx.capabilities.hoverProvider = true;
  ctx.connection.onHover((params, token) =>
    answerNow(token, (): Hover | null => {
      const input = editorInput(ctx, params.textDocument.uri, params.position);
      if (!input) return null;
      const found = hoverAt(input);
      const codes = ctx.workspace
        .diagnosticsOf(input.path)
        .filter((d) => d.range.start.offset <= input.offset && input.offset <= d.range.end.offset)
        .map((d) => d.code);
      const entries = [...new Set(codes)].flatMap((code) => describeDiagnosticCode(code, input.lang) ?? []);
      const parts = [...(found ? [found.markdown] : []), ...entries];
      if (parts.length === 0) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: parts.join("\n\n---\n\n") },
        ...(found ? { range: offsetRange(input.document, found.start, found.end) } : {}),
      };
    }),
  );
}
