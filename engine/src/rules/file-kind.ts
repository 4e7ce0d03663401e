import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { closestNames } from "../util/did-you-mean.js";
import { RuleReadCode } from "./codes.js";
import { FILE_KINDS, type FileKind } from "./schema.js";
import type { RuleDocument } from "./yaml-document.js";
import { elementRange } from "./yaml-path.js";

/** Keys that give away what a file was meant to be when its first key is wrong. */
const HINTS: Record<string, FileKind> = {
  indicators: "block",
  weight: "block",
  version: "ruleset",
  ratings: "ruleset",
};

/**
 * What a rule file holds, told by its top-level key (`ruleset`, `units`, `fields`, `block`, `test`), so the
 * schema can check it against that kind's definition alone and report its errors only.
 */
export function fileKind(doc: RuleDocument): { kind?: FileKind; diagnostic?: Diagnostic } {
  const data = doc.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      diagnostic: {
        code: RuleReadCode.R100,
        severity: "error",
        message: `a rule file is a mapping that starts with one of the keys ${FILE_KINDS.map((k) => `\`${k}\``).join(", ")}; this file holds ${Array.isArray(data) ? "a list" : "a single value"}`,
        file: doc.file,
        range: elementRange(doc, ""),
      },
    };
  }
  const keys = Object.keys(data);
  const kind = keys.find((k): k is FileKind => (FILE_KINDS as readonly string[]).includes(k));
  if (kind) return { kind };
  const guess =
    keys.map((k) => closestNames(k, FILE_KINDS, 1)[0]).find((k) => k !== undefined) ??
    keys.map((k) => HINTS[k]).find((k) => k !== undefined);
  const firstKey = keys[0];
  return {
    diagnostic: {
      code: RuleReadCode.R100,
      severity: "error",
      message: `this file has none of the keys ${FILE_KINDS.map((k) => `\`${k}\``).join(", ")}, so it is not clear what it holds`,
      file: doc.file,
      range:
        firstKey !== undefined
          ? elementRange(doc, `/${firstKey.replace(/~/g, "~0").replace(/\//g, "~1")}`)
          : elementRange(doc, ""),
      ...(guess
        ? {
            suggestion: `did you mean \`${guess}\`?${guess === "block" ? " A block file starts with `block: <id>`." : ""}`,
          }
        : {}),
    },
  };
}
