import { diffRulesets } from "../diff/rules-diff.js";
import type { Lang, Ruleset } from "../model/ruleset.js";
import { changeLines } from "./changes.js";
import type { ChangesDoc } from "./document.js";
import type { PreviousVersion } from "./previous-version.js";

/** The "changes since" section of the methodology: none outside a family, "first" for a family's first version. */
export function changesSince(ruleset: Ruleset, lang: Lang, previous: PreviousVersion): ChangesDoc | undefined {
  switch (previous.kind) {
    case "standalone":
    case "unreadable":
      return undefined;
    case "first":
      return { kind: "first" };
    case "found":
      return {
        kind: "since",
        version: previous.ruleset.version,
        items: changeLines(diffRulesets(previous.ruleset, ruleset), previous.ruleset, ruleset, lang),
      };
  }
}
