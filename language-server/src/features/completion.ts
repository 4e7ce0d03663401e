import type { ServerContext } from "../context.js";

/** Completion of keys, values, names and functions (not built yet: registers nothing). */
export function registerCompletion(_ctx: ServerContext): void {}
