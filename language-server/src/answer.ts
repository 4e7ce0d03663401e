import type { Occurrence, RuleDocument } from "@tarazy/engine";
import {
  type CancellationToken,
  type Location,
  LSPErrorCodes,
  type Position,
  ResponseError,
} from "vscode-languageserver/node";
import type { ServerContext } from "./context.js";
import { pathToUri, toLspRange, toOffset, uriToPath } from "./positions.js";
import { afterQueuedMessages } from "./queue.js";

/**
 * Answers a request after the messages queued before it: an edit that arrived first (didChange) is applied
 * first, and a request cancelled meanwhile is not computed at all. Then the workspace is brought up to
 * date and `compute` answers from it.
 */
export async function answer<T>(
  ctx: ServerContext,
  token: CancellationToken,
  compute: () => T,
): Promise<T | ResponseError<void>> {
  await afterQueuedMessages();
  if (token.isCancellationRequested) return cancelled();
  ctx.ensureBuilt();
  if (token.isCancellationRequested) return cancelled();
  return compute();
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, "the request was cancelled");
}

/** The file of a URI and its parsed document as the last build saw it (an open buffer's text). */
export function documentAt(ctx: ServerContext, uri: string): { path: string; doc: RuleDocument } | undefined {
  const path = uriToPath(uri);
  const doc = path === undefined ? undefined : ctx.workspace.documentOf(path);
  return path !== undefined && doc ? { path, doc } : undefined;
}

/** The field, indicator, block or unit whose name is at an LSP position. */
export function occurrenceAt(ctx: ServerContext, uri: string, position: Position): Occurrence | undefined {
  const at = documentAt(ctx, uri);
  return at && ctx.workspace.index.at(at.path, toOffset(at.doc.source, position));
}

export function locationOf(o: { file: string; range: Occurrence["range"] }): Location {
  return { uri: pathToUri(o.file), range: toLspRange(o.range) };
}
