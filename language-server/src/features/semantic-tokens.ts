import type { ServerContext } from "../context.js";

/** Semantic tokens for formulas (not built yet: registers nothing). */
export function registerSemanticTokens(_ctx: ServerContext): void {}
