import { firstMonth, formatPeriod, lastMonth, PERIOD_FORMAT_HINT, parsePeriod } from "../data/period.js";
import { defineCodes } from "../diagnostics/catalog.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Range } from "../source/range.js";
import { didYouMean } from "../util/did-you-mean.js";

export const VersionCode = defineCodes({
  R400: {
    severity: "error",
    title: "Versions in force at the same time",
    description:
      "Two versions of a ruleset family have effective periods that overlap, so for the months they share it is not clear which rules apply.",
    example: "2025.1: effective { from: 2025-01, to: 2026-03 } and 2026.1: effective { from: 2026-01 }",
    fix: "End the older version before the newer one starts (or leave its `to` out: the next version's `from` closes it).",
  },
  R401: {
    severity: "warning",
    title: "Version folder named differently",
    description:
      "A version folder is named after its version, so that people and `--version` find it; this one's `version:` differs.",
    example: 'folder 2026.1 holding version: "2026.2"',
    fix: "Rename the folder or correct `version:`.",
  },
  R402: {
    severity: "error",
    title: "No version in force",
    description: "No version of the ruleset is in force in the period asked for.",
    example: "--period 2024-Q4 when the first version is in force from 2025-01",
    fix: "Ask for a period a version covers, or add a version for it.",
  },
  R403: {
    severity: "error",
    title: "Period straddles two versions",
    description:
      "The period asked for starts under one version and ends under another, so it cannot be rated with one set of rules.",
    example: "--period 2026-Q1 when 2025.1 runs to 2026-01 and 2026.1 starts 2026-02",
    fix: "Rate the months separately, or make the versions change at the start of a quarter.",
  },
  R404: {
    severity: "error",
    title: "Unknown version",
    description: "The family has no version with the id asked for.",
    example: "--version 2026.2 when the family has 2025.1 and 2026.1",
    fix: "Use one of the versions listed in the message.",
  },
  R405: {
    severity: "error",
    title: "Versions of different rulesets in one family",
    description:
      "The version folders of a family hold rulesets with different ids; a family is the versions of one ruleset.",
    example: "2025.1/ruleset.yaml: ruleset: turkistan-districts; 2026.1/ruleset.yaml: ruleset: turkistan-departments",
    fix: "Give every version the same ruleset id, or move the other ruleset to its own family folder.",
  },
  R406: {
    severity: "error",
    title: "Period not understood",
    description: "The period asked for is not a month, quarter or year.",
    example: "--period 2026Q1",
    fix: "Write a month as 2026-03, a quarter as 2026-Q1, a year as 2026.",
  },
});

/** What the version chooser needs of one version: read from its ruleset.yaml alone. */
export interface VersionHeader {
  readonly folder: string;
  readonly file: string;
  /** `version:` as written, or the folder's name when it is missing. */
  readonly version: string;
  readonly id: string;
  /** First and last month in force, "2026-01"; `to` absent when open. */
  readonly from?: string;
  readonly to?: string;
  readonly fromRange?: Range;
  readonly toRange?: Range;
  readonly versionRange?: Range;
  readonly idRange?: Range;
}

/** The month before "2026-01": "2025-12". */
export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m > 1 ? `${y}-${String(m - 1).padStart(2, "0")}` : `${y - 1}-12`;
}

/** The last month a version is in force: its `to`, else the month before the next version's `from`. */
export function effectiveEnd(headers: readonly VersionHeader[], header: VersionHeader): string | undefined {
  if (header.to) return header.to;
  const later = headers
    .filter((h) => h.from && header.from && h.from > header.from)
    .map((h) => h.from as string)
    .sort()[0];
  return later ? previousMonth(later) : undefined;
}

/** Family-level problems: overlapping periods, folder names, mixed ruleset ids. */
export function checkFamily(headers: readonly VersionHeader[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sorted = [...headers].filter((h) => h.from).sort((a, b) => ((a.from ?? "") < (b.from ?? "") ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const b = sorted[i] as VersionHeader;
    for (const a of sorted.slice(0, i)) {
      const aEnd = a.to ?? (a.from === b.from ? a.from : undefined);
      if (!aEnd || !b.from || aEnd < b.from || !b.fromRange) continue;
      out.push({
        code: VersionCode.R400,
        severity: "error",
        message:
          a.from === b.from
            ? `versions ${a.version} and ${b.version} both come into force in ${b.from}`
            : `version ${b.version} comes into force in ${b.from}, but version ${a.version} is in force until ${a.to}`,
        file: b.file,
        range: b.fromRange,
        related: [
          {
            message: `version ${a.version}'s ${a.to && a.from !== b.from ? "end" : "start"}`,
            file: a.file,
            range: (a.to && a.from !== b.from ? a.toRange : a.fromRange) ?? b.fromRange,
          },
        ],
        suggestion: `end version ${a.version} in ${previousMonth(b.from)} or earlier, or leave its \`to\` out`,
      });
    }
  }
  for (const h of headers) {
    const folderName = h.folder.split(/[\\/]/).pop() ?? "";
    if (h.versionRange && h.version !== folderName)
      out.push({
        code: VersionCode.R401,
        severity: "warning",
        message: `the folder ${folderName} holds version ${h.version}`,
        file: h.file,
        range: h.versionRange,
        suggestion: `rename the folder to ${h.version}, or correct \`version:\``,
      });
  }
  const first = headers.find((h) => h.id !== "");
  for (const h of headers) {
    if (!first || h.id === "" || h.id === first.id || !h.idRange) continue;
    out.push({
      code: VersionCode.R405,
      severity: "error",
      message: `version ${h.version} is of ruleset \`${h.id}\`, but version ${first.version} is of \`${first.id}\``,
      file: h.file,
      range: h.idRange,
      ...(first.idRange
        ? { related: [{ message: `version ${first.version}'s id`, file: first.file, range: first.idRange }] }
        : {}),
    });
  }
  return out;
}

export type VersionChoice =
  | { readonly header: VersionHeader; readonly reason: string }
  | { readonly diagnostic: Omit<Diagnostic, "file" | "range"> };

/**
 * The version to use: the one named, the one in force for the whole period, or without either the
 * latest. The reason says which and why, for the user.
 */
export function chooseVersion(
  headers: readonly VersionHeader[],
  options: { readonly version?: string; readonly period?: string },
): VersionChoice {
  if (options.version !== undefined) {
    const found = headers.find(
      (h) => h.version === options.version || h.folder.split(/[\\/]/).pop() === options.version,
    );
    if (found) return { header: found, reason: `version ${found.version}, as asked` };
    const names = headers.map((h) => h.version);
    const hint = didYouMean(options.version, names);
    return {
      diagnostic: {
        code: VersionCode.R404,
        severity: "error",
        message: `there is no version ${options.version}; the versions are ${names.join(", ") || "none"}`,
        ...(hint ? { suggestion: hint } : {}),
      },
    };
  }
  if (options.period !== undefined) return byPeriod(headers, options.period);
  const latest =
    [...headers].filter((h) => h.from).sort((a, b) => ((a.from ?? "") < (b.from ?? "") ? 1 : -1))[0] ?? headers[0];
  if (!latest)
    return { diagnostic: { code: VersionCode.R402, severity: "error", message: "the family has no versions" } };
  return { header: latest, reason: `version ${latest.version}, the latest (in force from ${latest.from ?? "?"})` };
}

function byPeriod(headers: readonly VersionHeader[], text: string): VersionChoice {
  const period = parsePeriod(text);
  if (!period)
    return {
      diagnostic: {
        code: VersionCode.R406,
        severity: "error",
        message: `\`${text}\` is not a period`,
        suggestion: PERIOD_FORMAT_HINT,
      },
    };
  const month = (m: number) => `${period.year}-${String(m).padStart(2, "0")}`;
  const first = month(firstMonth(period));
  const last = month(lastMonth(period));
  const covering = (m: string) =>
    headers.filter((h) => {
      const end = effectiveEnd(headers, h);
      return h.from !== undefined && h.from <= m && (end === undefined || m <= end);
    });
  const atStart = covering(first);
  const atEnd = covering(last);
  const name = formatPeriod(period);
  const whole = atStart.find((h) => atEnd.includes(h));
  if (whole && atStart.length === 1) return { header: whole, reason: `version ${whole.version}, in force in ${name}` };
  if (atStart.length === 0 && atEnd.length === 0)
    return {
      diagnostic: {
        code: VersionCode.R402,
        severity: "error",
        message: `no version is in force in ${name}; the versions cover ${headers.map((h) => `${h.version} (from ${h.from ?? "?"}${h.to ? ` to ${h.to}` : ""})`).join(", ")}`,
      },
    };
  if (whole)
    return { header: whole, reason: `version ${whole.version}, in force in ${name} (other versions overlap it)` };
  const gap = atStart.length === 0 ? first : atEnd.length === 0 ? last : undefined;
  if (gap)
    return {
      diagnostic: {
        code: VersionCode.R402,
        severity: "error",
        message: `no version is in force in ${gap}, ${gap === first ? "the first" : "the last"} month of ${name}`,
      },
    };
  return {
    diagnostic: {
      code: VersionCode.R403,
      severity: "error",
      message: `${name} starts under version ${atStart[0]?.version ?? "none"} and ends under version ${atEnd[0]?.version ?? "none"}`,
      suggestion: "rate the months separately, or make versions change at the start of a quarter",
    },
  };
}
