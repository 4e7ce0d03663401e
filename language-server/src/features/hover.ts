import type { ServerContext } from "../context.js";

/** Hover: what a name, function or diagnostic code is (not built yet: registers nothing). */
export function registerHover(_ctx: ServerContext): void {}
