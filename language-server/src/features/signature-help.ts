import type { ServerContext } from "../context.js";

/** Signature help inside function calls (not built yet: registers nothing). */
export function registerSignatureHelp(_ctx: ServerContext): void {}
