import { type CheckResult, checkFormula } from "../check/checker.js";
import type { Expr } from "../formula/ast.js";
import type { Binding, Environment } from "../formula/environment.js";
import type { Localized } from "../model/ruleset.js";

/**
 * The formula checker with a memory, for an editor that re-loads a version after each edit. A formula's
 * result depends only on its AST (kept per unchanged document by the parse caches), its file and the names
 * it can see. When a re-load's environment binds exactly the same names (same type, slot, kind, description
 * and measure) as the one a formula was last checked in, the last result is the result: an edit that
 * changes one formula re-checks only the formulas of the edited file; an edit that adds, removes or retypes
 * a name re-checks every formula (any of them may now resolve differently, or get another did-you-mean).
 */
const results = new WeakMap<Expr, { readonly key: object; readonly file?: string; readonly result: CheckResult }>();
const keys = new WeakMap<Environment, object>();

export function checkFormulaCached(ast: Expr, env: Environment, file: string | undefined): CheckResult {
  const key = environmentKey(env);
  const known = results.get(ast);
  if (known && known.key === key && known.file === file) return known.result;
  const result = checkFormula(ast, env, file === undefined ? {} : { file });
  results.set(ast, { key, ...(file === undefined ? {} : { file }), result });
  return result;
}

/**
 * The environments seen last, each with its key: a new environment binding the same names as one of them
 * gets its key. A few are kept (the scopes of the versions being edited), never all: old ones are garbage.
 */
const recent: { readonly bindings: readonly Binding[]; readonly key: object }[] = [];
const RECENT = 8;

/**
 * An object that stands for everything of an environment's bindings that the checker, hover or the model
 * could read: the same object for environments that bind the same. Compared binding by binding (names,
 * types, slots, kinds, measures, descriptions), which is cheap when the model's parts are reused: their
 * descriptions are the same objects.
 */
function environmentKey(env: Environment): object {
  const known = keys.get(env);
  if (known !== undefined) return known;
  const bindings = [...env.bindings()];
  let entry = recent.find((r) => sameBindings(r.bindings, bindings));
  if (entry) recent.splice(recent.indexOf(entry), 1);
  else entry = { bindings, key: {} };
  recent.unshift(entry);
  if (recent.length > RECENT) recent.length = RECENT;
  keys.set(env, entry.key);
  return entry.key;
}

function sameBindings(a: readonly Binding[], b: readonly Binding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Binding;
    const y = b[i] as Binding;
    if (x === y) continue;
    if (x.name !== y.name || x.type !== y.type || x.slot !== y.slot || x.kind !== y.kind || x.measure !== y.measure)
      return false;
    if (!sameNames(x.description, y.description)) return false;
  }
  return true;
}

function sameNames(a: Localized | undefined, b: Localized | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.kk === b.kk && a.ru === b.ru && a.en === b.en);
}
