import { answer, locationOf, occurrenceAt } from "../answer.js";
import type { ServerContext } from "../context.js";

/** Go to definition: from a use of a field, indicator, block or unit to its definition in the same version. */
export function registerDefinition(ctx: ServerContext): void {
  ctx.capabilities.definitionProvider = true;
  ctx.connection.onDefinition((params, token) =>
    answer(ctx, token, () => {
      const at = occurrenceAt(ctx, params.textDocument.uri, params.position);
      return at ? ctx.workspace.index.definitionsOf(at).map(locationOf) : null;
    }),
  );
}
