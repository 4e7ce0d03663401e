import { signatureAt } from "@tarazy/engine";
import { MarkupKind, type SignatureHelp } from "vscode-languageserver/node";
import type { ServerContext } from "../context.js";
import { answerNow, editorInput } from "./editor-input.js";

/** Signature help inside a function call of a formula, with the active parameter (from the one registry). */
export function registerSignatureHelp(ctx: ServerContext): void {
  ctx.capabilities.signatureHelpProvider = { triggerCharacters: ["(", ","], retriggerCharacters: [",", ")"] };
  ctx.connection.onSignatureHelp((params, token) =>
    answerNow(token, (): SignatureHelp | null => {
      const input = editorInput(ctx, params.textDocument.uri, params.position);
      const sig = input && signatureAt(input.document, input.offset, input.lang);
      if (!sig) return null;
      return {
        signatures: [
          {
            label: sig.label,
            documentation: { kind: MarkupKind.Markdown, value: sig.documentation },
            parameters: sig.parameters.map((p) => ({
              label: [p.start, p.end] as [number, number],
              documentation: { kind: MarkupKind.Markdown, value: p.documentation },
            })),
          },
        ],
        activeSignature: 0,
        activeParameter: sig.activeParameter,
      };
    }),
  );
}
