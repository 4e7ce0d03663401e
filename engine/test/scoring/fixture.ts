import type { Observation } from "../../src/data/observation.js";
import { parsePeriod } from "../../src/data/period.js";
import { buildDataStore, type DataStore } from "../../src/data/store.js";
import { parseFormula } from "../../src/formula/parser.js";
import type {
  Aggregation,
  Band,
  Block,
  Direction,
  Field,
  FieldAggregate,
  FormulaSource,
  Frequency,
  Grade,
  Indicator,
  Located,
  MissingPolicy,
  RankPolicy,
  Rating,
  Ruleset,
  ScoreMethod,
  Unit,
} from "../../src/model/ruleset.js";
import { defaultFormulaCompiler } from "../../src/scoring/compiler.js";
import { type RateRequest, type RatingRun, rate } from "../../src/scoring/engine.js";
import { prepareRuleset } from "../../src/scoring/prepare.js";

/** Small hand-made rulesets for scoring tests: every default is the format's default. */
export const AT: Located = {
  file: "fixture.yaml",
  range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
};

export function formula(text: string): FormulaSource {
  const parsed = parseFormula(text, { file: AT.file });
  if (parsed.diagnostics.length > 0 || !parsed.ast)
    throw new Error(`fixture formula ${text}: ${parsed.diagnostics[0]?.message}`);
  return { text, at: AT, ast: parsed.ast };
}

export type ScoreSpec =
  | { method: "achievement"; plan: string; cap?: number }
  | { method: "goalposts"; min: number; max: number; transform?: "none" | "ln" }
  | { method: "minmax" }
  | { method: "zscore"; clip?: number }
  | { method: "rank" }
  | { method: "bands"; bands: readonly { min?: number; max?: number; score: number }[] }
  | { method: "yesno" }
  | { method: "formula"; formula: string };

function scoreMethod(s: ScoreSpec): ScoreMethod {
  switch (s.method) {
    case "achievement":
      return { method: "achievement", plan: formula(s.plan), cap: s.cap ?? 1 };
    case "goalposts":
      return { method: "goalposts", min: s.min, max: s.max, transform: s.transform ?? "none" };
    case "zscore":
      return { method: "zscore", clip: s.clip ?? 2 };
    case "bands":
      return { method: "bands", bands: s.bands.map((b): Band => ({ ...b, at: AT })) };
    case "formula":
      return { method: "formula", formula: formula(s.formula) };
    default:
      return s;
  }
}

export interface IndicatorSpec {
  id: string;
  formula: string;
  score?: ScoreSpec;
  better?: Direction;
  weight?: number;
  frequency?: Frequency;
  missing?: MissingPolicy;
  applies?: { kinds?: string[]; units?: string[]; except?: string[]; when?: string };
}

export interface BlockSpec {
  id: string;
  weight: number;
  aggregation?: Aggregation;
  missing?: MissingPolicy;
  indicators: IndicatorSpec[];
}

export interface FieldSpec {
  id: string;
  aggregate?: FieldAggregate;
  cumulative?: boolean;
  frequency?: Frequency;
}

export interface RulesetSpec {
  units: ({ id: string; kind?: string; attributes?: Record<string, number | string | boolean> } | string)[];
  fields: (FieldSpec | string)[];
  blocks: BlockSpec[];
  ratings?: { id: string; frequency: Frequency; blocks?: string[] }[];
  grades?: { id: string; min: number }[];
  missing?: MissingPolicy;
  rank?: RankPolicy;
  scale?: number;
}

const name = (id: string) => ({ kk: id, en: id });

export function makeRuleset(spec: RulesetSpec): Ruleset {
  const units: Unit[] = spec.units.map((u) => {
    const s = typeof u === "string" ? { id: u } : u;
    return {
      id: s.id,
      name: name(s.id),
      kind: s.kind ?? "district",
      attributes: s.attributes ?? {},
      aliases: [],
      at: AT,
    };
  });
  const fields: Field[] = spec.fields.map((f) => {
    const s = typeof f === "string" ? { id: f } : f;
    return {
      id: s.id,
      name: name(s.id),
      measure: "",
      aggregate: s.aggregate ?? "sum",
      cumulative: s.cumulative ?? false,
      source: "unit",
      frequency: s.frequency ?? "month",
      at: AT,
    };
  });
  const blocks: Block[] = spec.blocks.map((b) => ({
    id: b.id,
    name: name(b.id),
    weight: b.weight,
    aggregation: b.aggregation ?? "arithmetic",
    ...(b.missing ? { missing: b.missing } : {}),
    at: AT,
    indicators: b.indicators.map(
      (i): Indicator => ({
        id: i.id,
        block: b.id,
        name: name(i.id),
        measure: "",
        formula: formula(i.formula),
        better: i.better ?? "higher",
        score: scoreMethod(i.score ?? { method: "formula", formula: "value" }),
        weight: i.weight ?? 1,
        frequency: i.frequency ?? "quarter",
        source: "unit",
        ...(i.missing ? { missing: i.missing } : {}),
        ...(i.applies
          ? {
              applies: {
                ...(i.applies.kinds ? { kinds: i.applies.kinds } : {}),
                ...(i.applies.units ? { units: i.applies.units } : {}),
                ...(i.applies.except ? { except: i.applies.except } : {}),
                ...(i.applies.when ? { when: formula(i.applies.when) } : {}),
              },
            }
          : {}),
        at: AT,
      }),
    ),
  }));
  const ratings: Rating[] = (spec.ratings ?? [{ id: "quarterly", frequency: "quarter" }]).map((r) => ({
    id: r.id,
    title: name(r.id),
    frequency: r.frequency,
    blocks: r.blocks ?? blocks.map((b) => b.id),
    at: AT,
  }));
  const grades: Grade[] = (
    spec.grades ?? [
      { id: "green", min: 80 },
      { id: "yellow", min: 60 },
      { id: "red", min: 0 },
    ]
  ).map((g) => ({ ...g, label: name(g.id), color: "#000000" }));
  return {
    id: "fixture",
    version: "1",
    effective: { from: "2020-01" },
    title: name("fixture"),
    scale: spec.scale ?? 100,
    unitKinds: [...new Set(units.map((u) => u.kind))],
    missing: spec.missing ?? "zero",
    rank: spec.rank ?? { ties: "competition" },
    grades,
    ratings,
    units,
    fields,
    blocks,
    root: "fixture",
    hash: "0000",
    at: AT,
  };
}

let row = 1;
/** A data cell; `row` counts up so provenance can be checked. */
export function cell(unit: string, field: string, period: string, value: number | "n/a"): Observation {
  row += 1;
  return { unit, field, period, value, source: { file: "data.csv", row, column: 4 } };
}

export function storeOf(ruleset: Ruleset, observations: readonly Observation[]): DataStore {
  const built = buildDataStore(ruleset, observations);
  if (built.diagnostics.length > 0) throw new Error(built.diagnostics[0]?.message);
  return built.store;
}

/** Prepares, fills the store and rates; throws on preparation problems (a broken fixture). */
export function rateFixture(
  ruleset: Ruleset,
  observations: readonly Observation[],
  request: Omit<Partial<RateRequest>, "period"> & { period: string },
): RatingRun {
  const { prepared, diagnostics } = prepareRuleset(ruleset, defaultFormulaCompiler);
  if (!prepared) throw new Error(diagnostics.map((d) => d.message).join("; "));
  const period = parsePeriod(request.period);
  if (!period) throw new Error(request.period);
  return rate(prepared, storeOf(ruleset, observations), {
    rating: request.rating ?? ruleset.ratings[0]?.id ?? "quarterly",
    previous: "none",
    ...request,
    period,
  });
}
