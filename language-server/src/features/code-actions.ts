import { type CodeActionProposal, codeActionsAt, type OffsetEdit } from "@tarazy/engine";
import { type CodeAction, CodeActionKind, type TextEdit } from "vscode-languageserver/node";
import { answer } from "../answer.js";
import type { ServerContext } from "../context.js";
import { pathToUri, toOffset } from "../positions.js";
import { toLspDiagnostic } from "./diagnostics.js";
import { currentDocument, offsetRange } from "./editor-input.js";

/**
 * Code actions: the engine's checked fixes and rewrites (did-you-mean, a diagnostic's own fix, kk/ru name
 * stubs, rescaled block weights, a new field declaration, a formula as a block scalar) as WorkspaceEdits.
 */
export function registerCodeActions(ctx: ServerContext): void {
  ctx.capabilities.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] };
  ctx.connection.onCodeAction((params, token) =>
    answer(ctx, token, (): CodeAction[] => {
      const current = currentDocument(ctx, params.textDocument.uri);
      if (!current) return [];
      const { document, path } = current;
      const start = toOffset(document.source, params.range.start);
      const end = toOffset(document.source, params.range.end);
      const diagnostics = ctx.workspace
        .diagnosticsOf(path)
        .filter((d) => d.range.start.offset <= end && start <= d.range.end.offset);
      const version = ctx.workspace.versionOf(path);
      const proposals = codeActionsAt({
        document,
        start,
        end,
        diagnostics,
        ...(version?.result.model ? { model: version.result.model } : {}),
        documents: version?.result.documents ?? [],
      });
      return proposals.flatMap((p) => toCodeAction(ctx, p));
    }),
  );
}

function toCodeAction(ctx: ServerContext, p: CodeActionProposal): CodeAction[] {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of p.edits) {
    const edit = toTextEdit(ctx, e);
    if (!edit) return [];
    const uri = pathToUri(e.file);
    changes[uri] = [...(changes[uri] ?? []), edit];
  }
  return [
    {
      title: p.title,
      kind: p.kind === "quickfix" ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
      ...(p.diagnostic ? { diagnostics: [toLspDiagnostic(p.diagnostic)] } : {}),
      ...(p.preferred ? { isPreferred: true } : {}),
      edit: { changes },
    },
  ];
}

function toTextEdit(ctx: ServerContext, e: OffsetEdit): TextEdit | undefined {
  const document = currentDocument(ctx, pathToUri(e.file))?.document ?? ctx.workspace.documentOf(e.file);
  return document ? { range: offsetRange(document, e.start, e.end), newText: e.newText } : undefined;
}
