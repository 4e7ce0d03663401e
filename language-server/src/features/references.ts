import { answer, locationOf, occurrenceAt } from "../answer.js";
import type { ServerContext } from "../context.js";

/**
 * Find references: every place the symbol is written, in formulas, rule files and rule tests, in every version
 * of its ruleset family (a field keeps its id from version to version).
 */
export function registerReferences(ctx: ServerContext): void {
  ctx.capabilities.referencesProvider = true;
  ctx.connection.onReferences((params, token) =>
    answer(ctx, token, () => {
      const at = occurrenceAt(ctx, params.textDocument.uri, params.position);
      if (!at) return null;
      const all = ctx.workspace.index.occurrencesOf(at);
      return (params.context.includeDeclaration ? all : all.filter((o) => o.role === "reference")).map(locationOf);
    }),
  );
}
