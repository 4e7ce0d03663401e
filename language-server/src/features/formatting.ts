import type { ServerContext } from "../context.js";

/** Formatting: formulas in canonical form (not built yet: registers nothing). */
export function registerFormatting(_ctx: ServerContext): void {}
