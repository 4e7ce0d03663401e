import { LSPErrorCodes, type Message, type RequestMessage, type ResponseMessage } from "vscode-languageserver/node";

/**
 * How the connection takes messages off its queue, so that a request waits for the edits sent before it and
 * honours a cancellation sent after it. vscode-jsonrpc handles one queued message per turn of the event loop;
 * counting them tells when the queue has drained.
 */
let handled = 0;

/** Called after every message taken off the queue (the server's idle garbage collection listens). */
export const messageListeners: (() => void)[] = [];

export const queueOptions = {
  messageStrategy: {
    handleMessage<R>(message: Message, next: (message: Message) => R): R {
      handled++;
      for (const listener of messageListeners) listener();
      return next(message);
    },
  },
  connectionStrategy: {
    /** A request cancelled while it still waits in the queue is answered at once, never computed. */
    cancelUndispatched(message: Message): ResponseMessage | undefined {
      const id = (message as RequestMessage).id;
      return {
        jsonrpc: "2.0",
        id,
        error: { code: LSPErrorCodes.RequestCancelled, message: "the request was cancelled" },
      };
    },
  },
};

/** The most turns a request waits for others: under a stream of edits it is answered anyway. */
const MAX_TURNS = 50;

/** Resolves once every message that arrived before now has been handled (edits, cancellations). */
export async function afterQueuedMessages(): Promise<void> {
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    const before = handled;
    await new Promise((resolve) => setImmediate(resolve));
    if (handled === before) return;
  }
}
