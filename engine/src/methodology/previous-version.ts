import { dirname } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Ruleset } from "../model/ruleset.js";
import { ReportCodes } from "../report/codes.js";
import { isFamilyFolder, loadFamily } from "../rules/load.js";
import { rangeOfLength } from "../source/range.js";

/** The version before this one in its family folder, if any. */
export type PreviousVersion =
  /** The version is not in a family folder: there is nothing to compare with. */
  | { readonly kind: "standalone" }
  /** The earliest version of its family. */
  | { readonly kind: "first" }
  | { readonly kind: "found"; readonly ruleset: Ruleset }
  /** There is an earlier version but it has errors; the diagnostic says so (a warning for the document). */
  | { readonly kind: "unreadable"; readonly version: string; readonly diagnostic: Diagnostic };

/**
 * Finds the version in force just before this one: among the family's versions, the one with the latest
 * `effective.from` before this version's. Months compare as text ("2025-01" < "2026-01").
 */
export function previousVersion(ruleset: Ruleset): PreviousVersion {
  const family = dirname(ruleset.root);
  if (!isFamilyFolder(family)) return { kind: "standalone" };
  const earlier = loadFamily(family)
    .versions.filter((v) => {
      const m = v.model;
      return m !== undefined && m.root !== ruleset.root && m.effective.from < ruleset.effective.from;
    })
    .sort((a, b) => ((a.model?.effective.from ?? "") < (b.model?.effective.from ?? "") ? 1 : -1));
  const latest = earlier[0];
  const candidate = latest?.model;
  if (!latest || !candidate) return { kind: "first" };
  if (latest.ruleset) return { kind: "found", ruleset: latest.ruleset };
  return {
    kind: "unreadable",
    version: candidate.version,
    diagnostic: {
      code: ReportCodes.O201,
      severity: "warning",
      message: `the previous version ${candidate.version} has errors, so the document leaves out the changes since it`,
      file: candidate.at.file,
      range: rangeOfLength(0),
      suggestion: `run tarazy validate ${candidate.root} and fix its errors`,
    },
  };
}
