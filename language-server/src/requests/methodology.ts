import {
  buildMethodology,
  changesSince,
  type Lang,
  loadRuleset,
  methodologyHtml,
  methodologyMarkdown,
  previousVersion,
  type ReadFileHook,
} from "@tarazy/engine";
import { badRequest, failure } from "./convert.js";
import type { MethodologyParams } from "./protocol.js";

/** tarazy/methodology: the methodology document, the same as `tarazy docs` writes. */
export function methodology(params: MethodologyParams, lang: Lang, readFile?: ReadFileHook): { content: string } {
  if (!params.ruleset) throw badRequest("give the ruleset");
  const loaded = loadRuleset(params.ruleset, {
    ...(params.version ? { version: params.version } : {}),
    ...(readFile ? { readFile } : {}),
  });
  if (!loaded.ruleset) throw failure(loaded.diagnostics, "the ruleset has errors:");
  const ruleset = loaded.ruleset;
  const doc = buildMethodology({ ruleset, lang, changes: changesSince(ruleset, lang, previousVersion(ruleset)) });
  return { content: params.format === "markdown" ? methodologyMarkdown(doc) : methodologyHtml(doc) };
}
