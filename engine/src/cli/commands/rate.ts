import path from "node:path";
import { formatPeriod, type Period } from "../../data/period.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { roundHalfAway } from "../../functions/excel-round.js";
import { gradeById, isGraded } from "../../model/grades.js";
import type { Lang } from "../../model/ruleset.js";
import { coveragePercent } from "../../report/coverage-view.js";
import { label, localize } from "../../report/labels.js";
import { formatNumber, totalDecimals } from "../../report/number-format.js";
import { writeReports } from "../../report/write.js";
import { missingList } from "../../scoring/coverage.js";
import type { RatingResult, UnitResult } from "../../scoring/result.js";
import { jsonPieces } from "../../util/json-stream.js";
import { type CliIO, type Command, UsageError } from "../io.js";
import { formatOption, langOption, parseOptions, periodsOf } from "../options.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { manifestDataFiles, type RateBatch, type RatedPeriod, rateCommandCore } from "../rating-session.js";
import { versionLine } from "../version-line.js";
import { sayWritten, writtenPath } from "../written.js";

const USAGE = `Usage: tarazy rate RULESET --data PATH... --period P [options]
       tarazy rate RULESET --data PATH... --from P --to P [options]

Rates the units of a ruleset for a period from measurement data and prints the ranking. RULESET is a
version folder (it holds ruleset.yaml) or a family folder (the version in force in the period is used,
and the command says which). PATH is a .csv, .tsv, .xlsx or .json file, or a folder. See docs/scoring.md.

Options:
  --data PATH...        data files or folders (several paths, or --data repeated)
  --period P            the period: a month 2026-03, a quarter 2026-Q1 or a year 2026
  --from P --to P       rate every period from P to P (of one kind) in one batch
  --rating ID           the rating to compute (default: the first whose rhythm matches the period)
  --lang kk|ru|en       language of names and headings (default kk)
  --format text|json    a ranking table (default), or the RatingResult JSON
                        (engine/schema/rating-result.schema.json; an array for --from/--to)
  --out DIR             also write rating.json, .csv, .xlsx, .md, .html and manifest.json into DIR (the
                        ranking is printed as well); periods rated with two versions give one report
                        per version, in DIR/VERSION
  --allow-out-of-period rate a version folder for a period outside its effective dates (else error S209);
                        the output says the version was not in force

Units whose data covers less than the ruleset's policies.coverage are listed as not rated (no rank, no
grade); a period with no data, or one where no unit has enough, is an error (S207, S208).

Exit code: 0 rated, 1 problems in the rules or the data (printed with file, line and column), 2 bad usage.
`;

/** A total as people read it: rounded half away from zero to 2 decimals. */
export function points(x: number, decimals = 2): string {
  return roundHalfAway(x, decimals).toFixed(decimals);
}

/** ▲2 moved up two places, ▼1 down one, = unchanged, blank when there was no previous period. */
export function changeMark(u: UnitResult): string {
  if (u.rankChange === undefined) return "";
  if (u.rankChange > 0) return `▲${u.rankChange}`;
  if (u.rankChange < 0) return `▼${-u.rankChange}`;
  return "=";
}

const WIDTH = 100;

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

const HEADER = {
  units: { kk: "бірлік", ru: "ед.", en: "units" },
  scale: { kk: "шкала", ru: "шкала", en: "scale" },
  blocks: { kk: "Блоктар", ru: "Блоки", en: "Blocks" },
} as const;

/** The ranking of one period as a table for a terminal 100 columns wide; blocks as B1.. with a legend. */
export function rankingTable(rated: RatedPeriod, lang: Lang): string {
  const { ruleset } = rated.version;
  const { result } = rated;
  const decimals = totalDecimals(ruleset.rank);
  const rating = ruleset.ratings.find((r) => r.id === result.rating);
  const blockIds = Object.keys(result.results[0]?.blocks ?? {});
  const blocks = blockIds.map((id, i) => ({
    id,
    key: label("blockKey", lang, { n: i + 1 }),
    block: ruleset.blocks.find((b) => b.id === id),
  }));
  // By id through a map: a national ranking has thousands of rows (a search per row was 0.1 s at 3,000).
  const units = new Map(ruleset.units.map((u) => [u.id, u]));
  const unitName = (id: string) => localize(units.get(id)?.name, lang) || id;
  const gradeName = (id: string) => localize(gradeById(ruleset, id)?.label, lang) || id;
  // A rating without grades has no grade column (not an empty one).
  const graded = rating === undefined || isGraded(ruleset, rating);
  const rows = result.results.map((u) => [
    String(u.rank),
    changeMark(u),
    unitName(u.unit),
    formatNumber(u.score, lang, decimals),
    ...(graded ? [gradeName(u.grade ?? "")] : []),
    coveragePercent(u.coverage.weight, lang),
    ...blocks.map((b) => formatNumber(u.blocks[b.id]?.score ?? 0, lang, 1)),
  ]);
  const head = [
    label("rank", lang),
    "±",
    label("unit", lang),
    label("total", lang),
    ...(graded ? [label("grade", lang)] : []),
    label("coverage", lang),
    ...blocks.map((b) => b.key),
  ];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const fixed = widths.reduce((s, w, c) => (c === 2 ? s : s + w), 0) + widths.length - 1;
  widths[2] = Math.max(10, Math.min(widths[2] ?? 10, WIDTH - fixed));
  const right = (c: number) => c === 0 || c === 3 || c >= (graded ? 5 : 4);
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => {
        const w = widths[c] ?? 0;
        const text = cut(cell, w);
        return right(c) ? text.padStart(w) : text.padEnd(w);
      })
      .join(" ")
      .trimEnd();
  const title = `${localize(rating?.title, lang) || result.rating}, ${result.period} · ${result.results.length} ${HEADER.units[lang]} · ${HEADER.scale[lang]} ${ruleset.scale}`;
  const legend = blocks.map(
    (b) => `  ${b.key.padEnd(4)}${cut(localize(b.block?.name, lang) || b.id, WIDTH - 14)} (${b.block?.weight ?? ""})`,
  );
  return [
    cut(title, WIDTH),
    "",
    line(head),
    ...rows.map(line),
    ...coverageLines(result, unitName, lang),
    "",
    `${HEADER.blocks[lang]}:`,
    ...legend,
    "",
  ].join("\n");
}

/**
 * Below the table: what the Data column means, the units not rated and why, and how many values the zero
 * policy scored 0, so that no reader takes a ranking on missing data for a measured one.
 */
function coverageLines(result: RatingResult, unitName: (id: string) => string, lang: Lang): string[] {
  const lines = ["", label("coverageHelp", lang)];
  if (result.coverage.zeroed > 0) {
    const units = result.results.filter((u) => u.coverage.zeroed > 0).length;
    lines.push(label("zeroedNote", lang, { n: result.coverage.zeroed, units }));
  }
  if (result.notRated.length > 0) {
    lines.push(
      "",
      `${label("notRated", lang)} (${result.notRated.length}): ${label("notRatedNote", lang, { min: coveragePercent(result.coverage.minWeightShare, lang) })}`,
    );
    for (const n of result.notRated) {
      const why = label("notRatedReason", lang, {
        share: coveragePercent(n.coverage.weight, lang),
        fields: missingList(n.coverage.missingFields),
      });
      lines.push(cut(`  ${unitName(n.unit)}: ${why}`, WIDTH));
    }
  }
  return lines;
}

export const rateCommand: Command = {
  name: "rate",
  summary: "rate the units for a period and print the ranking: tarazy rate RULESET --data PATH... --period P",
  usage: USAGE,
  async run(args, io) {
    const { positional, values, data } = parseOptions(
      args,
      ["--data", "--period", "--from", "--to", "--rating", "--lang", "--format", "--out"],
      ["--allow-out-of-period"],
    );
    const [rulesetPath, ...extra] = positional;
    if (rulesetPath === undefined) throw new UsageError("missing RULESET (a ruleset version or family folder)");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}' (data paths follow --data)`);
    if (data.length === 0) throw new UsageError("missing --data PATH");
    const periods = periodsOf(values);
    const lang = langOption(values);
    const format = formatOption(values, ["text", "json"] as const);
    // The progress line goes to stderr, so it is shown when stderr is a terminal (CliIO knows stdout only).
    const showProgress = periods.length > 1 && process.stderr.isTTY === true && !io.env.CI;
    const rating = values.get("--rating");
    const batch = await rateCommandCore({
      ruleset: rulesetPath,
      data,
      periods,
      cwd: io.cwd,
      allowOutOfPeriod: values.has("--allow-out-of-period"),
      // The data files' hashes are for the manifest of --out only.
      hashData: values.has("--out"),
      ...(rating !== undefined ? { rating } : {}),
      ...(showProgress
        ? {
            progress: (i: number, n: number, p: Period) =>
              io.stderr(`\rrating ${formatPeriod(p)} (${i + 1} of ${n})${i + 1 === n ? "\n" : ""}`),
          }
        : {}),
    });
    printDiagnostics(io, batch.diagnostics);
    if (batch.rated.length === 0) return 1;
    if (format === "json") {
      // A log line on stderr, in English as the diagnostics are; stdout holds the JSON.
      for (const r of batch.rated) io.stderr(`${r.result.period}: ${versionLine(r, io.cwd, "en")}\n`);
      const results = batch.rated.map((r) => r.result);
      // In pieces, waiting for stdout between them: the JSON of a national rating is over 100 MB
      // (util/json-stream.ts).
      for (const piece of jsonPieces(results.length === 1 ? results[0] : results)) {
        io.stdout(piece);
        await io.stdoutDrained?.();
      }
      io.stdout("\n");
    } else {
      const text = batch.rated.map((r) => `${versionLine(r, io.cwd, lang)}\n${rankingTable(r, lang)}`);
      io.stdout(text.join("\n"));
    }
    const out = values.get("--out");
    // The files are in addition to the ranking; their list goes to stderr when stdout is JSON.
    if (out !== undefined) return writeOut(io, out, batch, lang, format === "json" ? io.stderr : io.stdout);
    return 0;
  },
};

/**
 * --out DIR: the report writers, one report per ruleset version. When the periods were rated with several
 * versions (a --from/--to range across a change of version), each version's report goes to DIR/VERSION.
 */
async function writeOut(
  io: CliIO,
  out: string,
  batch: RateBatch,
  lang: Lang,
  say: (text: string) => void,
): Promise<number> {
  const groups = new Map<string, RatedPeriod[]>();
  for (const r of batch.rated) {
    const key = r.version.ruleset.root;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  let failed = false;
  for (const rated of groups.values()) {
    const first = rated[0] as RatedPeriod;
    const { ruleset } = first.version;
    const dir = groups.size > 1 ? path.join(out, safeFolderName(ruleset.version)) : out;
    if (groups.size > 1)
      say(
        `${ruleset.id} ${ruleset.version}: ${rated.map((r) => r.result.period).join(", ")} -> ${writtenPath(path.resolve(io.cwd, dir), out, io.cwd)}\n`,
      );
    const written = await writeReports(path.resolve(io.cwd, dir), {
      ruleset,
      results: rated.map((r) => r.result),
      lang,
      dataFiles: manifestDataFiles(first.version),
    });
    printDiagnostics(io, written.diagnostics);
    sayWritten(say, written.files, out, io.cwd);
    failed ||= hasErrors(written.diagnostics);
  }
  return failed ? 1 : 0;
}

/** A version id as a folder name: letters, digits, dot, dash and underscore kept, anything else "_". */
function safeFolderName(version: string): string {
  const name = version.replace(/[^\p{L}\p{N}._-]/gu, "_").replace(/^\.+/, "_");
  return name === "" ? "_" : name;
}
