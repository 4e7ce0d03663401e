import type { ServerContext } from "../context.js";

/** Document highlight (not built yet: registers nothing). */
export function registerHighlight(_ctx: ServerContext): void {}
