import { PROJECT_DIR } from "../paths.js";
import { diagnosticHelpUri } from "./catalog.js";

/**
 * The absolute URL of a code's entry in this installation's docs/diagnostics.md (a file: URL), for the
 * editor's code links. The language server bundle carries a copy of the page beside itself.
 */
export function diagnosticDocsUrl(code: string): string {
  return new URL(diagnosticHelpUri(code), PROJECT_DIR).href;
}
