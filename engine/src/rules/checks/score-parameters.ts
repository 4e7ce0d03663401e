import { defineCodes } from "../../diagnostics/catalog.js";
import type { Indicator } from "../../model/ruleset.js";
import { compareDecimal } from "../../util/decimal-compare.js";
import { allIndicators, type CheckContext, type RuleCheck } from "./check.js";

export const ScoreParameterCode = defineCodes({
  R280: {
    severity: "error",
    title: "Goalposts min not below max",
    description:
      "With `goalposts`, `min` is the value that scores 0 and `max` the value that scores 1 (swapped automatically when lower is better), so min must be below max; equal goalposts would divide by zero.",
    example: "score: { method: goalposts, min: 100, max: 80 }",
    fix: "Write the lower value as min and the higher as max; say `better: lower` when a lower value is better.",
  },
  R281: {
    severity: "error",
    title: "Logarithm of a goalpost not above 0",
    description:
      "`transform: ln` takes the natural logarithm of the value and the goalposts, which exists only above 0.",
    example: "score: { method: goalposts, min: 0, max: 1000, transform: ln }",
    fix: "Use a min above 0 (e.g. 1), or drop the transform.",
  },
  R282: {
    severity: "error",
    title: "Band bound does not fit the direction",
    description:
      "When higher is better each band gives the `min` the value must reach; when lower is better, the `max` it must not exceed. Only the last band may have no bound (it is the rest).",
    example: "better: lower with bands: [{ min: 10, score: 1 }, ...]",
    fix: "Use `min` in every band for higher-is-better, `max` for lower-is-better.",
  },
  R283: {
    severity: "error",
    title: "Bands out of order",
    description:
      "Bands are checked from the first down, and the first that fits gives the score, so they go from the best bound to the worst: decreasing `min` when higher is better, increasing `max` when lower is better. A band after a looser one is never reached.",
    example: "bands: [{ min: 80, score: 0.5 }, { min: 90, score: 1 }]",
    fix: "Order the bands from the best to the worst bound.",
  },
});

/** Score parameters that cannot work: equal or swapped goalposts, ln of non-positives, misordered bands. */
export const scoreParameters: RuleCheck = {
  name: "score-parameters",
  run(context) {
    for (const indicator of allIndicators(context.ruleset)) {
      if (context.sources.isBroken(indicator, "score")) continue;
      if (indicator.score.method === "goalposts") goalposts(context, indicator);
      if (indicator.score.method === "bands" && !context.sources.isBroken(indicator, "better"))
        bands(context, indicator);
    }
  },
};

function goalposts({ sources, report }: CheckContext, indicator: Indicator): void {
  const score = indicator.score;
  if (score.method !== "goalposts") return;
  // Looked up only to report: most goalposts are fine.
  const at = () => sources.value(score, "min") ?? indicator.at;
  if (compareDecimal(score.min, score.max) >= 0) {
    report({
      code: ScoreParameterCode.R280,
      severity: "error",
      message:
        score.min === score.max
          ? `the goalposts of indicator \`${indicator.id}\` are equal (${score.min}): the score would divide by zero`
          : `the goalposts of indicator \`${indicator.id}\` are swapped: min ${score.min} is above max ${score.max}`,
      ...at(),
      suggestion:
        score.min === score.max
          ? "set max to the value that scores in full"
          : "write the lower value as min and the higher as max; `better: lower` reverses the score",
    });
  }
  if (score.transform === "ln" && Math.min(score.min, score.max) <= 0) {
    report({
      code: ScoreParameterCode.R281,
      severity: "error",
      message: `\`transform: ln\` needs goalposts above 0, but indicator \`${indicator.id}\` has ${score.min <= 0 ? `min ${score.min}` : `max ${score.max}`}`,
      ...(sources.value(score, score.min <= 0 ? "min" : "max") ?? at()),
      suggestion: "use a min above 0, or remove `transform: ln`",
    });
  }
}

function bands({ report }: CheckContext, indicator: Indicator): void {
  const score = indicator.score;
  if (score.method !== "bands") return;
  const bound = indicator.better === "higher" ? "min" : "max";
  const other = bound === "min" ? "max" : "min";
  let previous: { value: number; index: number } | undefined;
  score.bands.forEach((band, i) => {
    const last = i === score.bands.length - 1;
    const here = band.at;
    const value = band[bound];
    if (band[other] !== undefined || (value === undefined && !last)) {
      report({
        code: ScoreParameterCode.R282,
        severity: "error",
        message:
          band[other] !== undefined
            ? `indicator \`${indicator.id}\` is ${indicator.better}-is-better, so its bands give \`${bound}\`, not \`${other}\``
            : `band ${i + 1} of indicator \`${indicator.id}\` has no \`${bound}\`; only the last band may have none`,
        ...here,
        suggestion: `give every band but the last a \`${bound}\``,
      });
      return;
    }
    if (value === undefined) return;
    const outOfOrder = previous && (bound === "min" ? value >= previous.value : value <= previous.value);
    if (previous && outOfOrder) {
      report({
        code: ScoreParameterCode.R283,
        severity: "error",
        message: `band ${i + 1} of indicator \`${indicator.id}\` (${bound} ${value}) is never reached: band ${previous.index + 1} (${bound} ${previous.value}) takes every value it would`,
        ...here,
        related: [{ message: `band ${previous.index + 1}`, ...(score.bands[previous.index]?.at ?? here) }],
        suggestion: `order the bands by ${bound === "min" ? "decreasing min" : "increasing max"}`,
      });
    }
    previous = { value, index: i };
  });
}
