import type { ServerContext } from "../context.js";

/** Code lenses: block weights and live previews (not built yet: registers nothing). */
export function registerCodeLens(_ctx: ServerContext): void {}
