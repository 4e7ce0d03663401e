import type { ServerContext } from "../context.js";

/** Inlay hints: live values beside indicators (not built yet: registers nothing). */
export function registerInlayHints(_ctx: ServerContext): void {}
