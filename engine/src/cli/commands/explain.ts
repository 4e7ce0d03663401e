import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { gradeOrder } from "../../model/grades.js";
import type { Rating, Ruleset } from "../../model/ruleset.js";
import { localize } from "../../report/labels.js";
import { ScoringCode } from "../../scoring/codes.js";
import { explainUnit } from "../../scoring/trace.js";
import { rangeOfLength } from "../../source/range.js";
import { significantJson } from "../../util/decimal-compare.js";
import { didYouMean } from "../../util/did-you-mean.js";
import { type Target, whatItTakes } from "../../whatif/target.js";
import { displayPath } from "../diagnostic-formats/relative.js";
import { explainHtml } from "../explain-html.js";
import { notRatedText, renderTrace } from "../explain-text.js";
import type { Command } from "../io.js";
import { UsageError } from "../io.js";
import { formatOption, langOption, parseOptions, periodsOf } from "../options.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { rateCommandCore } from "../rating-session.js";
import { renderTarget } from "../target-text.js";

const USAGE = `Usage: tarazy explain RULESET UNIT --data PATH... --period P [options]

Shows how one unit's total was reached in a period: for every indicator the data cells it read (file,
row, column), its formula and value, the score method with its parameters, the score, the weight after
redistribution, the points earned and lost, why a value was missing and which policy applied, and the unit
with the best score (its value and score) for comparison; then each block and the total, rank and grade. See docs/scoring.md.

UNIT is a unit id or alias from units.yaml.

Options:
  --data PATH...        data files or folders
  --period P            the period rated: 2026-03, 2026-Q1 or 2026
  --rating ID           the rating (default: the first whose rhythm matches the period)
  --indicator ID        show only this indicator
  --lang kk|ru|en       language of names (default kk)
  --format text|json|html
                        the trace as text (default), as JSON (the ExplainTrace of engine/src/scoring/trace.ts),
                        or as one self-contained HTML page with what it takes to reach --target (by default
                        one rank up)
  --target rank:N|grade:ID
                        what it takes to reach a rank (N or better) or a grade (ID or better): for each input
                        the unit reports, the smallest change that alone reaches it, and a plan combining the
                        cheapest changes (docs/audit.md, "What it takes"); --format json gives its TargetReport
  --allow-out-of-period explain with a version folder outside its effective dates (else error S209)

A unit not rated for too little data (policies.coverage) is explained by what it misses.

Exit code: 0 explained, 1 problems in the rules or the data, or an unknown unit or indicator; 2 bad usage.
`;

function unknown(message: string, suggestion: string | undefined): Diagnostic {
  return {
    code: ScoringCode.S204,
    severity: "error",
    message,
    range: rangeOfLength(0),
    ...(suggestion ? { suggestion } : {}),
  };
}

/** "rank:3" or "grade:green" (a grade id of the rating: its own grades if it has them, else the ruleset's). */
function parseTarget(text: string, ruleset: Ruleset, rating: Rating | undefined): Target {
  const [kind, what] = text.split(":");
  if (kind === "rank" && what !== undefined && /^[1-9][0-9]*$/.test(what)) return { kind: "rank", rank: Number(what) };
  if (kind === "grade" && what !== undefined) {
    const ids = gradeOrder(ruleset, rating);
    if (ids.includes(what)) return { kind: "grade", grade: what };
    const whose = rating?.grades ? `the ${rating.id} rating` : "the ruleset";
    throw new UsageError(`--target grade:${what}: ${whose} has no grade '${what}' (it has: ${ids.join(", ")})`);
  }
  throw new UsageError(`--target takes rank:N (N a whole number from 1) or grade:ID, not '${text}'`);
}

export const explainCommand: Command = {
  name: "explain",
  summary: "show how a unit's score was computed: tarazy explain RULESET UNIT --data PATH... --period P",
  usage: USAGE,
  async run(args, io) {
    const { positional, values, data } = parseOptions(
      args,
      ["--data", "--period", "--rating", "--indicator", "--lang", "--format", "--target"],
      ["--allow-out-of-period"],
    );
    const [rulesetPath, unitId, ...extra] = positional;
    if (rulesetPath === undefined) throw new UsageError("missing RULESET (a ruleset version or family folder)");
    if (unitId === undefined) throw new UsageError("missing UNIT (a unit id from units.yaml)");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (data.length === 0) throw new UsageError("missing --data PATH");
    if (values.has("--from") || values.has("--to")) throw new UsageError("explain takes one --period");
    const periods = periodsOf(values);
    const lang = langOption(values);
    const format = formatOption(values, ["text", "json", "html"] as const);
    const rating = values.get("--rating");
    const batch = await rateCommandCore({
      ruleset: rulesetPath,
      data,
      periods,
      cwd: io.cwd,
      allowOutOfPeriod: values.has("--allow-out-of-period"),
      ...(rating !== undefined ? { rating } : {}),
    });
    printDiagnostics(io, batch.diagnostics);
    const rated = batch.rated[0];
    if (!rated) return 1;
    const trace = explainUnit(rated.run, unitId);
    const ruleset = rated.version.ruleset;
    const unitModel = ruleset.units.find((u) => u.id === unitId || u.aliases.includes(unitId));
    const notRated = rated.result.notRated.find((n) => n.unit === unitModel?.id);
    if (!trace && notRated) {
      if (format === "json") io.stdout(`${JSON.stringify({ period: rated.result.period, ...notRated }, null, 2)}\n`);
      else io.stdout(notRatedText(notRated, rated.result.period, lang, localize(unitModel?.name, lang)));
      return 0;
    }
    if (!trace) {
      const ids = rated.result.results.map((r) => r.unit);
      printDiagnostics(io, [
        unknown(`unit '${unitId}' was not rated in ${rated.result.period}`, didYouMean(unitId, ids)),
      ]);
      return 1;
    }
    const given = values.get("--target");
    // The HTML page shows what it takes by default for one rank up (nothing for the first).
    const target =
      given !== undefined
        ? parseTarget(given, ruleset, rated.run.rating)
        : format === "html" && trace.rank > 1
          ? ({ kind: "rank", rank: Math.ceil(trace.rank) - 1 } as const)
          : undefined;
    const report =
      target &&
      whatItTakes({
        prepared: rated.version.prepared,
        store: rated.version.store,
        rating: trace.rating,
        period: rated.run.period,
        unit: trace.unit.id,
        target,
      });
    if (target && !report) return 1;
    if (format === "html") {
      io.stdout(explainHtml(trace, report, ruleset, lang, io.cwd));
      return 0;
    }
    if (report) {
      // At 15 significant digits, as audit and sensitivity write theirs: a proposal is read by a person.
      if (format === "json") io.stdout(`${JSON.stringify(report, significantJson, 2)}\n`);
      else io.stdout(renderTarget(report, ruleset, lang));
      return 0;
    }
    const only = values.get("--indicator");
    if (only !== undefined && !trace.blocks.some((b) => b.indicators.some((i) => i.id === only))) {
      const ids = trace.blocks.flatMap((b) => b.indicators.map((i) => i.id));
      printDiagnostics(io, [
        unknown(`indicator '${only}' is not in the ${trace.rating} rating`, didYouMean(only, ids)),
      ]);
      return 1;
    }
    if (format === "json") {
      // Rule file paths relative to the working folder, as data paths are, so the output is the same anywhere.
      const blocks = trace.blocks.map((b) => ({
        ...b,
        indicators: b.indicators
          .filter((i) => only === undefined || i.id === only)
          .map((i) => ({ ...i, at: { ...i.at, file: displayPath(i.at.file, io.cwd) } })),
      }));
      const shown = { ...trace, blocks };
      io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
    } else io.stdout(renderTrace(trace, lang, io.cwd, only));
    return 0;
  },
};
