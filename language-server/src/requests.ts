import type { ServerContext } from "./context.js";

/**
 * The custom requests of the VS Code extension (tarazy/rulesets, tarazy/rate, tarazy/explain, ...; see the
 * contract in language-server/README.md). Owned by the extension's branch; registers nothing yet.
 */
export function registerTarazyRequests(_ctx: ServerContext): void {}
