import { createHash } from "node:crypto";
import { type CheckResult, checkFormula } from "../check/checker.js";
import type { Expr } from "../formula/ast.js";
import type { Environment } from "../formula/environment.js";

/**
 * The formula checker with a memory, for an editor that re-loads a version after each edit. A formula's
 * result depends only on its AST (kept per unchanged document by the parse caches), its file and the names
 * it can see. When a re-load's environment binds exactly the same names (same type, slot, kind, description
 * and measure) as the one a formula was last checked in, the last result is the result: an edit that
 * changes one formula re-checks only the formulas of the edited file; an edit that adds, removes or retypes
 * a name re-checks every formula (any of them may now resolve differently, or get another did-you-mean).
 */
const results = new WeakMap<Expr, { readonly key: string; readonly file?: string; readonly result: CheckResult }>();
const keys = new WeakMap<Environment, string>();

export function checkFormulaCached(ast: Expr, env: Environment, file: string | undefined): CheckResult {
  const key = environmentKey(env);
  const known = results.get(ast);
  if (known && known.key === key && known.file === file) return known.result;
  const result = checkFormula(ast, env, file === undefined ? {} : { file });
  results.set(ast, { key, ...(file === undefined ? {} : { file }), result });
  return result;
}

/** Everything of an environment's bindings that the checker, hover or the model could read, as one string. */
function environmentKey(env: Environment): string {
  const known = keys.get(env);
  if (known !== undefined) return known;
  const parts: string[] = [];
  for (const b of env.bindings())
    parts.push(
      `${b.name}\u0000${b.type}\u0000${b.slot}\u0000${b.kind}\u0000${b.measure ?? ""}\u0000${JSON.stringify(b.description ?? null)}`,
    );
  // A digest, so that comparing two keys per formula is not comparing two long strings.
  const key = createHash("sha256").update(parts.join("\u0001")).digest("base64");
  keys.set(env, key);
  return key;
}
