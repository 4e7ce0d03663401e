import { readFileSync } from "node:fs";
import path from "node:path";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { ratingBlocks } from "../../methodology/effective-weights.js";
import { analyseSensitivity, type SensitivityReport } from "../../sensitivity/analysis.js";
import { sensitivityHtml } from "../../sensitivity/html.js";
import { readAssumptions } from "../../sensitivity/read-assumptions.js";
import { significantJson } from "../../util/decimal-compare.js";
import { displayPath } from "../diagnostic-formats/relative.js";
import { type Command, UsageError } from "../io.js";
import { formatOption, langOption, parseOptions, periodsOf } from "../options.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { rateCommandCore } from "../rating-session.js";
import { sensitivityText } from "../sensitivity-text.js";
import { sayOutOfPeriod } from "../version-line.js";

const USAGE = `Usage: tarazy sensitivity RULESET --data PATH... --period P --assumptions FILE [options]

Uncertainty and sensitivity analysis of the ranking: the rating is recomputed over a seeded Latin
hypercube of the assumptions in FILE (weights in a range, alternative aggregations, the missing-data
policy, the rounding before ranking), giving each unit's median rank, its 5th-95th percentile interval
and its probability of each zone, the mean absolute rank shift, and each assumption's first-order and
total sensitivity indices (Saltelli/Jansen). See docs/audit.md#sensitivity.

Options:
  --data PATH...        data files or folders
  --period P            the period rated
  --assumptions FILE    the assumptions (engine/schema/tarazy-sensitivity.schema.json)
  --runs N              the base sample N (default: the file's, else 1000); N (k + 2) ratings
  --seed N              the seed (default: the file's, else 1)
  --rating ID           the rating (default: the first whose rhythm matches the period)
  --format text|json|html  tables (default), JSON, or a self-contained HTML page with the rank
                        intervals drawn as whiskers
  --lang kk|ru|en       language of the tables and the page (default kk)
  --allow-out-of-period analyse a version folder for a period outside its effective dates (else error
                        S209); stderr says the version was not in force

Exit code: 0 analysed, 1 problems in the rules, data or assumptions, 2 bad usage.
`;

function integerOption(values: Map<string, string>, option: string, min: number, max: number): number | undefined {
  const text = values.get(option);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${option} is a whole number from ${min} to ${max}, not '${text}'`);
  return n;
}

export const sensitivityCommand: Command = {
  name: "sensitivity",
  summary:
    "rank intervals and sensitivity indices: tarazy sensitivity RULESET --data PATH... --period P --assumptions FILE",
  usage: USAGE,
  async run(args, io) {
    const known = [
      "--data",
      "--period",
      "--from",
      "--to",
      "--rating",
      "--format",
      "--lang",
      "--assumptions",
      "--runs",
      "--seed",
    ];
    const { positional, values, data } = parseOptions(args, known, ["--allow-out-of-period"]);
    const [rulesetPath, ...extra] = positional;
    if (rulesetPath === undefined) throw new UsageError("missing RULESET (a ruleset version or family folder)");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}' (data paths follow --data)`);
    if (data.length === 0) throw new UsageError("missing --data PATH");
    const periods = periodsOf(values);
    if (periods.length !== 1) throw new UsageError("sensitivity analyses one period: give --period");
    const format = formatOption(values, ["text", "json", "html"] as const);
    const lang = langOption(values);
    const file = values.get("--assumptions");
    if (file === undefined) throw new UsageError("missing --assumptions FILE (see docs/audit.md#sensitivity)");
    const runs = integerOption(values, "--runs", 2, 100000);
    const seed = integerOption(values, "--seed", 0, 4294967295);
    let text: string;
    try {
      text = readFileSync(path.resolve(io.cwd, file), "utf8");
    } catch {
      throw new UsageError(`cannot read --assumptions ${file}`);
    }
    const rating = values.get("--rating");
    const batch = await rateCommandCore({
      ruleset: rulesetPath,
      data,
      periods,
      cwd: io.cwd,
      allowOutOfPeriod: values.has("--allow-out-of-period"),
      ...(rating !== undefined ? { rating } : {}),
    });
    const rated = batch.rated[0];
    if (!rated || hasErrors(batch.diagnostics)) {
      printDiagnostics(io, batch.diagnostics);
      return 1;
    }
    sayOutOfPeriod(io, batch.rated, lang);
    const ratingBlockList = ratingBlocks(rated.version.ruleset, rated.run.rating);
    const blocks = ratingBlockList.map((b) => b.id);
    const indicators = ratingBlockList.flatMap((b) => b.indicators.map((i) => i.id));
    const grouped = ratingBlockList.filter((b) => b.groups !== undefined).map((b) => b.id);
    const read = readAssumptions(path.resolve(io.cwd, file), text, blocks, indicators, grouped);
    printDiagnostics(io, [...batch.diagnostics, ...read.diagnostics]);
    if (!read.settings) return 1;
    const settings = {
      ...read.settings,
      ...(runs !== undefined ? { runs } : {}),
      ...(seed !== undefined ? { seed } : {}),
    };
    const report = analyseSensitivity(rated.version.ruleset, rated.run, settings);
    if (format === "html") io.stdout(sensitivityHtml(report, rated.version.ruleset, lang));
    else if (format === "json") io.stdout(`${JSON.stringify(sensitivityJson(report), null, 2)}\n`);
    else
      io.stdout(sensitivityText(report, rated.version.ruleset, displayPath(path.resolve(io.cwd, file), io.cwd), lang));
    return 0;
  },
};

/** Numbers at 15 significant digits: no float noise in what a reader sees. */
export function sensitivityJson(report: SensitivityReport): unknown {
  return JSON.parse(JSON.stringify(report, significantJson));
}
