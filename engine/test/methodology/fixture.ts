import { parseFormula } from "../../src/formula/parser.js";
import type { FormulaSource, Indicator, Ruleset } from "../../src/model/ruleset.js";
import { fixtureRuleset } from "../report/fixture.js";

/** The formula with its AST, parsed by the real parser (the document prints it with printFormula). */
function parsed(f: FormulaSource): FormulaSource {
  const { ast, diagnostics } = parseFormula(f.text);
  if (diagnostics.length > 0 || !ast) throw new Error(`fixture formula does not parse: ${f.text}`);
  return { ...f, ast };
}

function withAsts(i: Indicator): Indicator {
  const s = i.score;
  return {
    ...i,
    formula: parsed(i.formula),
    ...(s.method === "achievement" ? { score: { ...s, plan: parsed(s.plan) } } : {}),
    ...(s.method === "formula" ? { score: { ...s, formula: parsed(s.formula) } } : {}),
    ...(i.applies?.when ? { applies: { ...i.applies, when: parsed(i.applies.when) } } : {}),
  };
}

/**
 * The report fixture made a little richer for the methodology: a function call in a formula, an
 * applicability condition, a rationale, a log-scale goalpost and a block without Russian description.
 */
const changes: Record<string, Partial<Indicator>> = {
  revenue: {
    formula: { text: "ROUND(own_revenue/own_revenue_plan,4)", at: fixtureRuleset.blocks[0]?.at ?? fixtureRuleset.at },
    rationale: { kk: "Өзіндік кірістер облыстың басымдығы.", en: "Own revenues are a regional priority." },
  },
  procurement: {
    applies: {
      except: ["turkistan"],
      when: { text: "unit.population > 50000", at: fixtureRuleset.at },
    },
  },
  industry: { score: { method: "goalposts", min: 100, max: 115, transform: "ln" } },
};

export const docRuleset: Ruleset = {
  ...fixtureRuleset,
  blocks: fixtureRuleset.blocks.map((b) => ({
    ...b,
    indicators: b.indicators.map((i) => withAsts({ ...i, ...(changes[i.id] ?? {}) })),
  })),
};
