import { planRename, renameTarget } from "@tarazy/engine";
import { ErrorCodes, ResponseError, type TextEdit } from "vscode-languageserver/node";
import { answer, documentAt } from "../answer.js";
import type { ServerContext } from "../context.js";
import { pathToUri, toLspRange, toOffset } from "../positions.js";

/**
 * Rename a field, indicator, block or unit everywhere it is written (every version of its family, formulas,
 * ratings, applicability lists, rule tests). prepareRename says what will be renamed; a name that is not a
 * valid id, is a word of the formula language, or is taken, is refused with the reason.
 */
export function registerRename(ctx: ServerContext): void {
  ctx.capabilities.renameProvider = { prepareProvider: true };
  ctx.connection.onPrepareRename((params, token) =>
    answer(ctx, token, () => {
      const at = documentAt(ctx, params.textDocument.uri);
      if (!at) return refuse("this file is not part of a ruleset of the workspace");
      const target = renameTarget(ctx.workspace, at.path, toOffset(at.doc.source, params.position));
      if ("refused" in target) return refuse(target.refused);
      return { range: toLspRange(target.range), placeholder: target.occurrence.name };
    }),
  );
  ctx.connection.onRenameRequest((params, token) =>
    answer(ctx, token, () => {
      const at = documentAt(ctx, params.textDocument.uri);
      if (!at) return refuse("this file is not part of a ruleset of the workspace");
      const plan = planRename(ctx.workspace, at.path, toOffset(at.doc.source, params.position), params.newName);
      if ("refused" in plan) return refuse(plan.refused);
      const changes: Record<string, TextEdit[]> = {};
      for (const edit of plan.edits) {
        const uri = pathToUri(edit.file ?? at.path);
        const list = changes[uri] ?? [];
        list.push({ range: toLspRange(edit.range), newText: edit.newText });
        changes[uri] = list;
      }
      return { changes };
    }),
  );
}

/** A refusal the editor shows as a message. */
function refuse(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidRequest, message);
}
