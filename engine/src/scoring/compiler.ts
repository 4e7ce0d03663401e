import { compileFormula } from "../compile/compiler.js";
import { rulesetEnvironment } from "../rules/environment.js";
import type { FormulaCompiler } from "./prepare.js";

/** The project's compiler over the ruleset's environments (rules/environment.ts): what the CLI rates with. */
export const defaultFormulaCompiler: FormulaCompiler = {
  environment(ruleset, role) {
    return rulesetEnvironment(ruleset, role === "score" ? "score" : role === "applies" ? "when" : "indicator");
  },
  compile(source, env) {
    return source.ast ? compileFormula(source.ast, env) : undefined;
  },
};
