import { type CheckResult, checkFormula } from "../check/checker.js";
import type { Binary, Call, Expr } from "../formula/ast.js";
import type { EvalContext } from "../formula/context.js";
import type { Environment } from "../formula/environment.js";
import { printFormula } from "../formula/printer.js";
import { isMissing, type Value } from "../formula/value.js";
import { aggregate } from "../functions/cross-unit.js";
import { powerDomainDetail } from "../functions/math.js";
import type { CrossUnitFunction, PureFunction } from "../functions/spec.js";
import { compareDecimal } from "../util/decimal-compare.js";
import { excelAdd, excelSubtract } from "../util/excel-add.js";
import { outOfRange } from "./periods.js";
import {
  divisionByZero,
  domainMissing,
  explicitMissing,
  nonFiniteDetail,
  noPeers,
  OPERATOR_NAMES,
  TOO_LARGE,
} from "./reasons.js";

/**
 * A plain tree-walking evaluator: the definition the compiler is tested against (property tests run
 * both on random formulas and data). Written for obviousness, not speed: no memo, cross-unit functions
 * re-evaluate every peer, comparisons call compareDecimal directly. Not for production use.
 */
export function interpret(
  ast: Expr,
  env: Environment,
  ctx: EvalContext,
  unit: number,
  period: number,
  checked: CheckResult = checkFormula(ast, env),
): Value {
  return new Interpreter(env, ctx, checked).eval(ast, unit, period);
}

class Interpreter {
  constructor(
    private readonly env: Environment,
    private readonly ctx: EvalContext,
    private readonly checked: CheckResult,
  ) {}

  eval(expr: Expr, unit: number, period: number): Value {
    switch (expr.kind) {
      case "number":
      case "string":
      case "boolean":
        return expr.value;
      case "missing":
        return explicitMissing(expr);
      case "identifier":
        return this.ctx.get(this.slot(expr.name), unit, period);
      case "unary": {
        const v = this.eval(expr.operand, unit, period);
        if (isMissing(v)) return v;
        return expr.operator === "not" ? !v : expr.operator === "-" ? -(v as number) : v;
      }
      case "binary":
        return this.binary(expr, unit, period);
      case "call":
        return this.call(expr, unit, period);
      case "error":
        throw new Error("cannot evaluate a formula with syntax errors");
    }
  }

  private slot(name: string): number {
    const binding = this.env.lookup(name);
    if (!binding) throw new Error(`unknown name ${name}`);
    return binding.slot;
  }

  private binary(node: Binary, unit: number, period: number): Value {
    if (node.operator === "and" || node.operator === "or")
      return this.logic(node.operator, [node.left, node.right], unit, period);
    const a = this.eval(node.left, unit, period);
    if (isMissing(a)) return a;
    const b = this.eval(node.right, unit, period);
    if (isMissing(b)) return b;
    switch (node.operator) {
      case "=":
      case "<>": {
        const numeric = typeof a === "number" && typeof b === "number";
        const equal = numeric ? compareDecimal(a, b) === 0 : a === b;
        return node.operator === "=" ? equal : !equal;
      }
      case "<":
        return compareDecimal(a as number, b as number) < 0;
      case "<=":
        return compareDecimal(a as number, b as number) <= 0;
      case ">":
        return compareDecimal(a as number, b as number) > 0;
      case ">=":
        return compareDecimal(a as number, b as number) >= 0;
      default:
        return this.arithmetic(node, a as number, b as number);
    }
  }

  private arithmetic(node: Binary, a: number, b: number): Value {
    const name = OPERATOR_NAMES[node.operator] ?? node.operator;
    let result: number;
    switch (node.operator) {
      case "+":
        result = excelAdd(a, b);
        break;
      case "-":
        result = excelSubtract(a, b);
        break;
      case "*":
        result = a * b;
        break;
      case "/":
        if (b === 0) return divisionByZero(node.right, printFormula(node.right));
        result = a / b;
        break;
      default:
        result = a ** b;
        if (!Number.isFinite(result)) return domainMissing(name, node.range, powerDomainDetail(a, b));
    }
    return Number.isFinite(result) ? result : domainMissing(name, node.range, TOO_LARGE);
  }

  private logic(op: "and" | "or", args: readonly Expr[], unit: number, period: number): Value {
    const decides = op === "or";
    let firstMissing: Value | undefined;
    for (const arg of args) {
      const v = this.eval(arg, unit, period);
      if (v === decides) return decides;
      if (isMissing(v)) firstMissing ??= v;
    }
    return firstMissing ?? !decides;
  }

  private call(node: Call, unit: number, period: number): Value {
    const spec = this.checked.calls.get(node);
    if (!spec) throw new Error(`call of ${node.callee} was not checked`);
    const args = node.args;
    switch (spec.kind) {
      case "pure":
        return this.pure(spec, node, unit, period);
      case "control":
        switch (spec.op) {
          case "and":
          case "or":
            return this.logic(spec.op, args, unit, period);
          case "not": {
            const v = this.eval(args[0] as Expr, unit, period);
            return isMissing(v) ? v : !v;
          }
          case "if": {
            const c = this.eval(args[0] as Expr, unit, period);
            if (isMissing(c)) return c;
            return this.eval(args[c ? 1 : 2] as Expr, unit, period);
          }
          case "coalesce": {
            const values = args.map((a) => this.eval(a, unit, period));
            return values.find((v) => !isMissing(v)) ?? (values[0] as Value);
          }
          case "is_missing":
            return isMissing(this.eval(args[0] as Expr, unit, period));
        }
        break;
      case "time": {
        const arg = args[0] as Expr;
        if (spec.op === "ytd") {
          const total = this.ctx.ytd(this.slot((arg as { name: string }).name), unit, period);
          return typeof total === "number" && !Number.isFinite(total)
            ? domainMissing(spec.name, node.range, TOO_LARGE)
            : total;
        }
        const shifted = spec.op === "prev" ? this.ctx.prev(period) : this.ctx.prevYear(period);
        if (shifted < 0) return outOfRange(this.ctx, period, spec.op, node.range);
        return this.eval(arg, unit, shifted);
      }
      case "cross-unit":
        return this.crossUnit(spec, node, unit, period);
    }
  }

  private pure(spec: PureFunction, node: Call, unit: number, period: number): Value {
    const values: number[] = [];
    for (const arg of node.args) {
      const v = this.eval(arg, unit, period);
      if (isMissing(v)) return v;
      values.push(v as number);
    }
    const result = spec.evaluate(...values);
    if (Number.isFinite(result)) return result;
    return domainMissing(spec.name, node.range, spec.domainDetail?.(...values) ?? nonFiniteDetail(result));
  }

  private crossUnit(spec: CrossUnitFunction, node: Call, unit: number, period: number): Value {
    const arg = node.args[0] as Expr;
    const present: number[] = [];
    for (const peer of this.ctx.peers(period)) {
      const v = this.eval(arg, peer, period);
      if (typeof v === "number") present.push(v);
    }
    if (spec.op !== "rank") {
      if (present.length === 0) return noPeers(spec.name, node.range);
      const result = aggregate(spec.op, present);
      return Number.isFinite(result) ? result : domainMissing(spec.name, node.range, TOO_LARGE);
    }
    const own = this.eval(arg, unit, period);
    if (isMissing(own)) return own;
    const order = node.args[1];
    const ascending = order?.kind === "string" && order.value === "asc";
    const better = present.filter((v) => compareDecimal(v, own as number) === (ascending ? -1 : 1));
    return 1 + better.length;
  }
}
