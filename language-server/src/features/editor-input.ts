import { type Lang, parseRuleDocument, type RuleDocument, type Ruleset } from "@tarazy/engine";
import {
  type CancellationToken,
  LSPErrorCodes,
  type Position,
  type Range,
  ResponseError,
} from "vscode-languageserver/node";
import type { ServerContext } from "../context.js";
import { toLspRange, toOffset, uriToPath } from "../positions.js";
import { afterQueuedMessages } from "../queue.js";

/**
 * Answers a request that reads the buffer as it is (completion, hover, signature help, formatting): after
 * the edits queued before it, unless cancelled meanwhile, without waiting for the ruleset's re-check.
 */
export async function answerNow<T>(token: CancellationToken, compute: () => T): Promise<T | ResponseError<void>> {
  await afterQueuedMessages();
  if (token.isCancellationRequested)
    return new ResponseError(LSPErrorCodes.RequestCancelled, "the request was cancelled");
  return compute();
}

/** What the engine's editor functions take, for a request at a position of a document. */
export interface EditorInput {
  readonly path: string;
  readonly document: RuleDocument;
  readonly offset: number;
  readonly lang: Lang;
  /** The model of the file's ruleset version as last built (as far as it could be built). */
  readonly model?: Ruleset;
}

/**
 * The document as the editor has it now. Completion, hover and signature help read the buffer's own text
 * (parsed alone, a few milliseconds) and the ruleset's model as last built, so they never wait for the
 * debounced re-check of the whole version.
 */
export function currentDocument(ctx: ServerContext, uri: string): { path: string; document: RuleDocument } | undefined {
  const path = uriToPath(uri);
  if (!path) return undefined;
  const text = ctx.documents.get(uri)?.getText();
  const built = ctx.workspace.documentOf(path);
  if (text === undefined || built?.text === text) return built ? { path, document: built } : undefined;
  return { path, document: parsedCache(path, text) };
}

let lastParsed: { path: string; document: RuleDocument } | undefined;

/** The last buffer parsed for a request: completion and hover at one state of the text parse it once. */
function parsedCache(path: string, text: string): RuleDocument {
  if (lastParsed?.path === path && lastParsed.document.text === text) return lastParsed.document;
  const document = parseRuleDocument(path, text).document;
  lastParsed = { path, document };
  return document;
}

export function editorInput(ctx: ServerContext, uri: string, position: Position): EditorInput | undefined {
  ctx.ensureStarted();
  const current = currentDocument(ctx, uri);
  if (!current) return undefined;
  const model = ctx.workspace.versionOf(current.path)?.result.model;
  return {
    ...current,
    offset: toOffset(current.document.source, position),
    lang: ctx.locale,
    ...(model ? { model } : {}),
  };
}

/** An LSP range of file offsets in a document. */
export function offsetRange(document: RuleDocument, start: number, end: number): Range {
  return toLspRange(document.source.range(start, end));
}
