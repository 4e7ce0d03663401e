import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Aggregation, Located } from "../model/ruleset.js";
import { SCHEMA_DIR } from "../paths.js";
import { buildScore } from "../rules/build-model.js";
import { AJV_OPTIONS, addAnnotationKeywords, RULE_SCHEMA_URL } from "../rules/schema.js";
import { parseRuleDocument, type RuleDocument } from "../rules/yaml-document.js";
import { elementRange, keyRange, valueRange } from "../rules/yaml-path.js";
import { didYouMean } from "../util/did-you-mean.js";
import { type Assumption, DEFAULT_RUNS, DEFAULT_SEED, type SensitivitySettings } from "./assumptions.js";
import { SensitivityCode } from "./codes.js";

/** engine/schema/tarazy-sensitivity.schema.json: the one description of an assumptions file. */
export const SENSITIVITY_SCHEMA_URL = new URL("tarazy-sensitivity.schema.json", SCHEMA_DIR);

let validator: ValidateFunction | undefined;

function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    // ajv's compiler is loaded here, not at start: every other command validates with the code generated at
    // build time, and loading ajv whole cost every `tarazy` start about 40 ms.
    const { Ajv } = createRequire(import.meta.url)("ajv") as typeof import("ajv");
    // Each oneOf branch requires the keys of one kind, declared once under properties.
    const ajv = new Ajv({ ...AJV_OPTIONS, strictRequired: false });
    // A `score` assumption's options are `score:` mappings of the rule files: their schema, not a copy.
    addAnnotationKeywords(ajv);
    ajv.addSchema(JSON.parse(readFileSync(RULE_SCHEMA_URL, "utf8")));
    validator = ajv.compile(JSON.parse(readFileSync(SENSITIVITY_SCHEMA_URL, "utf8")));
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/**
 * Reads an assumptions file: YAML (with the rule files' reader, so every problem has its line and column),
 * checked against its JSON Schema and against the rating's blocks.
 */
export function readAssumptions(
  file: string,
  text: string,
  blockIds: readonly string[],
  indicatorIds: readonly string[] = [],
  /** The blocks (of the rating) that have groups; given, `weights: groups` elsewhere is U104. */
  groupedBlocks?: readonly string[],
): { settings?: SensitivitySettings; diagnostics: Diagnostic[] } {
  const { document: doc, diagnostics } = parseRuleDocument(file, text);
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const errors = validate(doc.data);
  if (errors.length > 0) return { diagnostics: schemaProblems(doc, errors) };
  const raw = (doc.data as { sensitivity: RawSettings }).sensitivity;
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const assumptions = raw.assumptions.map((a, i): Assumption => {
    const path = `/sensitivity/assumptions/${i}`;
    const at: Located = { file, range: elementRange(doc, path) };
    if (seen.has(a.id))
      problems.push(
        problem(SensitivityCode.U103, `the assumption id '${a.id}' is used twice`, file, valueRange(doc, `${path}/id`)),
      );
    seen.add(a.id);
    (a.blocks ?? []).forEach((b, k) => {
      if (!blockIds.includes(b))
        problems.push(
          problem(
            SensitivityCode.U102,
            `'${b}' is not a block of the rating (it has: ${blockIds.join(", ")})`,
            file,
            valueRange(doc, `${path}/blocks/${k}`),
            didYouMean(b, blockIds),
          ),
        );
    });
    const blocks = a.blocks ? { blocks: a.blocks } : {};
    if (a.weights === "blocks") return { id: a.id, kind: "block-weights", spread: a.spread ?? 0, ...blocks, at };
    if (a.weights === "indicators")
      return { id: a.id, kind: "indicator-weights", spread: a.spread ?? 0, ...blocks, at };
    if (a.weights === "groups") {
      const named = a.blocks ?? blockIds;
      if (groupedBlocks && !named.some((b) => groupedBlocks.includes(b)))
        problems.push(
          problem(
            SensitivityCode.U104,
            `'${a.id}' varies group weights, but ${a.blocks ? "the blocks it names have" : "the rating has"} no groups`,
            file,
            valueRange(doc, `${path}/weights`),
            "vary `weights: blocks` or `weights: indicators` instead",
          ),
        );
      return { id: a.id, kind: "group-weights", spread: a.spread ?? 0, ...blocks, at };
    }
    if (a.aggregation) return { id: a.id, kind: "aggregation", options: a.aggregation, ...blocks, at };
    if (a.missing) return { id: a.id, kind: "missing", options: a.missing, at };
    if (a.score) {
      const { indicator } = a.score;
      if (!indicatorIds.includes(indicator))
        problems.push(
          problem(
            SensitivityCode.U102,
            `'${indicator}' is not an indicator of the rating`,
            file,
            valueRange(doc, `${path}/score/indicator`),
            didYouMean(indicator, indicatorIds),
          ),
        );
      // The rule files' own reader of `score:`; the schema allows only methods without formulas here.
      const options = a.score.options.map((_, k) =>
        buildScore(
          doc,
          `${path}/score/options/${k}`,
          a.score?.options[k],
          () => undefined,
          () => {
            throw new Error("a score option with a formula passed the schema");
          },
        ),
      );
      return { id: a.id, kind: "score", indicator, options, at };
    }
    return { id: a.id, kind: "rounding", options: (a.rounding ?? []).map((r) => (r === "none" ? null : r)), at };
  });
  if (problems.length > 0) return { diagnostics: problems };
  return { settings: { runs: raw.runs ?? DEFAULT_RUNS, seed: raw.seed ?? DEFAULT_SEED, assumptions }, diagnostics };
}

interface RawSettings {
  readonly runs?: number;
  readonly seed?: number;
  readonly assumptions: readonly {
    readonly id: string;
    readonly weights?: "blocks" | "indicators" | "groups";
    readonly spread?: number;
    readonly aggregation?: Aggregation[];
    readonly missing?: ("zero" | "exclude")[];
    readonly rounding?: (number | "none")[];
    readonly score?: { readonly indicator: string; readonly options: readonly unknown[] };
    readonly blocks?: string[];
  }[];
}

function problem(
  code: string,
  message: string,
  file: string,
  range: Diagnostic["range"],
  suggestion?: string,
): Diagnostic {
  return { code, severity: "error", message, file, range, ...(suggestion ? { suggestion } : {}) };
}

/** ajv's errors in words; an assumption without exactly one kind is one problem, not one per branch. */
function schemaProblems(doc: RuleDocument, errors: readonly ErrorObject[]): Diagnostic[] {
  const oneOf = new Set(errors.filter((e) => e.keyword === "oneOf").map((e) => e.instancePath));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === "required" && oneOf.has(e.instancePath) && !String(e.params.missingProperty).match(/^id$/))
      continue;
    if (e.keyword === "anyOf" || e.keyword === "if") continue;
    let message: string;
    let range = valueRange(doc, e.instancePath);
    const where = e.instancePath || "the file";
    if (e.keyword === "additionalProperties") {
      const key = String(e.params.additionalProperty);
      message = `unknown key '${key}' in ${where}`;
      range = keyRange(doc, `${e.instancePath}/${key}`);
    } else if (e.keyword === "oneOf")
      message = `${where}: an assumption has an id and exactly one of weights (with spread), aggregation, missing, rounding, score`;
    else message = `${where} ${e.message ?? "is not allowed"}`;
    const key = `${range.start.offset}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(
      problem(SensitivityCode.U101, message, doc.file, range, "see the worked example in docs/audit.md#sensitivity"),
    );
  }
  return out;
}
