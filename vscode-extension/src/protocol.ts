/**
 * The custom requests of the Tarazy language server, as the extension sees them: the server's one
 * description (language-server/src/requests/protocol.ts), under the names the extension uses.
 */

export type {
  ExplainLinkResult as ExplainLink,
  Location as LspLocation,
  RuleTestFailureResult as RuleTestFailure,
} from "../../language-server/src/requests/protocol.js";
export * from "../../language-server/src/requests/protocol.js";
