import type { ServerContext } from "../context.js";

/** Go to definition (not built yet: registers nothing). */
export function registerDefinition(_ctx: ServerContext): void {}
