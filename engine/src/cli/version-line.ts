import type { Lang } from "../model/ruleset.js";
import { label } from "../report/labels.js";
import { displayPath } from "./diagnostic-formats/relative.js";
import type { CliIO } from "./io.js";
import type { RatedPeriod } from "./rating-session.js";

/**
 * The ruleset version used, and why: chosen from a family as the one in force in the period, or a version
 * folder rated outside its effective dates on purpose (--allow-out-of-period).
 */
export function versionLine(rated: RatedPeriod, cwd: string, lang: Lang): string {
  const { ruleset } = rated.version;
  const { versionReason } = rated;
  const where = displayPath(ruleset.root, cwd);
  const period = rated.result.period;
  // The English reason may add detail (other versions overlap, the version's dates); other languages say
  // the essential.
  const words = rated.outOfPeriod ? "versionOutOfPeriod" : "versionInForce";
  const reason =
    versionReason === undefined ? "" : `: ${lang === "en" ? versionReason : label(words, lang, { period })}`;
  return `${ruleset.id} ${ruleset.version} (${where})${reason}`;
}

/**
 * The version line on stderr for each period rated outside its version's dates: commands whose output has
 * no version line (audit, sensitivity) still say that the version was not in force.
 */
export function sayOutOfPeriod(io: CliIO, rated: readonly RatedPeriod[], lang: Lang): void {
  for (const r of rated) if (r.outOfPeriod) io.stderr(`${r.result.period}: ${versionLine(r, io.cwd, lang)}\n`);
}
