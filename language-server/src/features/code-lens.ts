import { auditFigures, type LineFigure, lineFigures } from "@tarazy/engine";
import { type CodeLens, ResponseError } from "vscode-languageserver/node";
import { answer } from "../answer.js";
import type { ServerContext } from "../context.js";
import { uriToPath } from "../positions.js";
import type { AuditFindings } from "./audit-findings.js";
import { currentDocument, offsetRange } from "./editor-input.js";
import { previewFor } from "./preview-of.js";

/** The command a preview lens runs: the client opens the explain trace (tarazy/explain) with these arguments. */
export const EXPLAIN_COMMAND = "tarazy.explain";

/**
 * Code lenses over block files: the block's weight and its indicators' sum; with tarazy.dataFolder set, each
 * indicator's value, score and points for tarazy.unit in the latest period, opening the explain trace, and
 * the block's effective importance beside its nominal weight (the statistical audit of that period).
 */
export function registerCodeLens(ctx: ServerContext, audit?: AuditFindings): void {
  ctx.capabilities.codeLensProvider = { resolveProvider: false };
  ctx.connection.onCodeLens(async (params, token): Promise<CodeLens[] | ResponseError<void>> => {
    const path = uriToPath(params.textDocument.uri);
    if (!path) return [];
    const built = await answer(ctx, token, () => currentDocument(ctx, params.textDocument.uri));
    if (built instanceof ResponseError) return built;
    const current = built;
    if (!current) return [];
    const { model, preview, folder, dataFolder } = await previewFor(ctx, path);
    // With a data folder, the block's effective importance (the audit) beside its weight.
    const audited = auditFigures(current.document, await audit?.viewOf(path), ctx.locale);
    return [...lineFigures(current.document, model, ctx.locale, preview), ...audited].map((f: LineFigure) => ({
      range: offsetRange(current.document, f.start, f.end),
      command:
        f.kind === "indicator" && preview && folder && dataFolder
          ? {
              title: f.text,
              command: EXPLAIN_COMMAND,
              arguments: [
                {
                  ruleset: folder,
                  data: dataFolder,
                  period: preview.period,
                  unit: preview.unit,
                  indicator: f.indicator,
                  lang: ctx.locale,
                },
              ],
            }
          : { title: f.text, command: "" },
    }));
  });
}
