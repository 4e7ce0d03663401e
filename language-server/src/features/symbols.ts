import type { ServerContext } from "../context.js";

/** Document and workspace symbols (not built yet: registers nothing). */
export function registerSymbols(_ctx: ServerContext): void {}
