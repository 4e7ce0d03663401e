import type { ServerContext } from "../context.js";

/** Folding ranges for blocks and indicators (not built yet: registers nothing). */
export function registerFolding(_ctx: ServerContext): void {}
