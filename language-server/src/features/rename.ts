import type { ServerContext } from "../context.js";

/** Rename with prepareRename (not built yet: registers nothing). */
export function registerRename(_ctx: ServerContext): void {}
