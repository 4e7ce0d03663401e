import {
  compareHtml,
  diffRulesets,
  type Lang,
  loadRuleset,
  parsePeriod,
  type ReadFileHook,
  rankingEffect,
  rateBothVersions,
  renderDiffText,
  renderEffectText,
} from "@tarazy/engine";
import { badRequest, failure } from "./convert.js";
import type { DiffParams, DiffResult } from "./protocol.js";

/** tarazy/diff: what changed between two version folders and, with data and a period, the effect on the ranking. */
export async function diff(params: DiffParams, lang: Lang, readFile?: ReadFileHook): Promise<DiffResult> {
  if (!params.old || !params.new) throw badRequest("give the old and the new version folder");
  const options = readFile ? { readFile } : {};
  const before = loadRuleset(params.old, options);
  const after = loadRuleset(params.new, options);
  if (!before.ruleset || !after.ruleset)
    throw failure([...before.diagnostics, ...after.diagnostics], "the versions must be free of errors to compare:");
  const changes = diffRulesets(before.ruleset, after.ruleset);
  if (!params.data) {
    const html = compareHtml({ diff: changes, old: before.ruleset, new: after.ruleset, lang });
    return { diff: changes, text: renderDiffText(changes, before.ruleset, after.ruleset), html };
  }
  const period = params.period ? parsePeriod(params.period) : undefined;
  if (!period) throw badRequest("give the period to rate under both versions, e.g. 2026-Q3");
  const both = await rateBothVersions(before.ruleset, after.ruleset, {
    data: [params.data],
    period,
    cwd: params.new,
  });
  if (!both.rated) throw failure(both.diagnostics, "the period could not be rated under both versions:");
  const [oldRated, newRated] = both.rated;
  const effect = rankingEffect(oldRated, newRated, { diff: changes });
  const versions = { old: oldRated.ruleset, new: newRated.ruleset };
  return {
    diff: { ...changes, effect },
    text: renderEffectText(effect, changes, versions.old, versions.new, lang),
    html: compareHtml({ diff: changes, ...versions, lang, effect, leftOut: both.leftOut }),
  };
}
