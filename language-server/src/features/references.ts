import type { ServerContext } from "../context.js";

/** Find references (not built yet: registers nothing). */
export function registerReferences(_ctx: ServerContext): void {}
