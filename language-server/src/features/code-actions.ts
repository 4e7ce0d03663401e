import type { ServerContext } from "../context.js";

/** Code actions: quick fixes and refactorings (not built yet: registers nothing). */
export function registerCodeActions(_ctx: ServerContext): void {}
