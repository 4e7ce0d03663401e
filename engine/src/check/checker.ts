import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Binary, Call, Expr, Identifier, Unary } from "../formula/ast.js";
import type { Binding, Environment, Type } from "../formula/environment.js";
import { functionRegistry } from "../functions/registry.js";
import { arity, type FunctionSpec, type Parameter, parameterAt, signature } from "../functions/spec.js";
import type { Range } from "../source/range.js";
import { didYouMean } from "../util/did-you-mean.js";
import { CheckCodes } from "./codes.js";
import { describeType, fits, type InferredType } from "./types.js";

export interface FormulaReference {
  readonly binding: Binding;
  readonly range: Range;
}

export interface CheckOptions {
  /** The type the place of the formula needs (a condition needs boolean); F208 when it differs. */
  readonly expected?: Type;
  /** Set as the diagnostics' file. */
  readonly file?: string;
}

export interface CheckResult {
  /** The formula's type; a formula that is only `missing` has the expected type, or number. */
  readonly type?: Type;
  readonly diagnostics: Diagnostic[];
  /** Every name the formula uses, where it uses it (for go-to-definition, rename and the input list). */
  readonly references: FormulaReference[];
  /** The inferred type of every node that has one, for the compiler and hover. */
  readonly types: ReadonlyMap<Expr, InferredType>;
  /** The function every known call resolved to. */
  readonly calls: ReadonlyMap<Call, FunctionSpec>;
}

/**
 * Resolves names and functions and infers types, reporting every problem at its exact range. Error nodes
 * (left by the parser's recovery) and nodes whose type is unknown after an error produce no further
 * diagnostics, so one mistake is reported once.
 */
export function checkFormula(ast: Expr, env: Environment, options: CheckOptions = {}): CheckResult {
  const checker = new Checker(env, options.file);
  const inferred = checker.check(ast);
  const { expected } = options;
  if (expected && inferred && !fits(inferred, expected)) {
    checker.report(
      CheckCodes.F208,
      ast.range,
      `this formula must give ${describeType(expected)}, but it gives ${describeType(inferred)}`,
      expected === "boolean" ? "compare the value, e.g. write x > 0 instead of x" : undefined,
    );
  }
  const type = inferred === "any" ? (expected ?? "number") : inferred;
  return {
    ...(type ? { type } : {}),
    diagnostics: checker.diagnostics,
    references: checker.references,
    types: checker.types,
    calls: checker.calls,
  };
}

const ARITHMETIC = new Set(["+", "-", "*", "/", "^"]);
const EQUALITY = new Set(["=", "<>"]);

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  readonly references: FormulaReference[] = [];
  readonly types = new Map<Expr, InferredType>();
  readonly calls = new Map<Call, FunctionSpec>();

  constructor(
    private readonly env: Environment,
    private readonly file: string | undefined,
  ) {}

  report(code: string, range: Range, message: string, suggestion?: string, severity: "error" | "warning" = "error") {
    this.diagnostics.push({
      code,
      severity,
      message,
      range,
      ...(this.file !== undefined ? { file: this.file } : {}),
      ...(suggestion ? { suggestion } : {}),
    });
  }

  check(expr: Expr): InferredType | undefined {
    const type = this.infer(expr);
    if (type) this.types.set(expr, type);
    return type;
  }

  private infer(expr: Expr): InferredType | undefined {
    switch (expr.kind) {
      case "number":
        return "number";
      case "string":
        return "string";
      case "boolean":
        return "boolean";
      case "missing":
        return "any";
      case "error":
        return undefined; // the parser has reported it
      case "identifier":
        return this.identifier(expr)?.type;
      case "unary":
        return this.unary(expr);
      case "binary":
        return this.binary(expr);
      case "call":
        return this.call(expr);
    }
  }

  private identifier(node: Identifier): Binding | undefined {
    const binding = this.env.lookup(node.name);
    if (binding) {
      this.references.push({ binding, range: node.range });
      return binding;
    }
    const names = [...this.env.bindings()].map((b) => b.name);
    const asFunction = functionRegistry.lookup(node.name);
    const suggestion = asFunction
      ? `${asFunction.name} is a function: write ${signature(asFunction)}`
      : didYouMean(node.name, names);
    this.report(CheckCodes.F200, node.range, `unknown name \`${node.name}\``, suggestion);
    return undefined;
  }

  private unary(node: Unary): InferredType | undefined {
    const operand = this.check(node.operand);
    if (node.operator === "not") {
      if (operand && !fits(operand, "boolean")) this.notCondition(node.operand, operand, "not");
      return "boolean";
    }
    if (operand && !fits(operand, "number")) {
      this.report(
        CheckCodes.F205,
        node.operand.range,
        `${node.operator} needs a number, but this is ${describeType(operand)}`,
      );
    }
    return "number";
  }

  private binary(node: Binary): InferredType | undefined {
    const left = this.check(node.left);
    const right = this.check(node.right);
    const op = node.operator;
    if (ARITHMETIC.has(op)) {
      if (left && !fits(left, "number")) this.notNumber(node.left, left, op);
      if (right && !fits(right, "number")) this.notNumber(node.right, right, op);
      if (op === "/" && node.right.kind === "number" && node.right.value === 0) {
        this.report(CheckCodes.F221, node.right.range, "division by 0 always gives missing", undefined, "warning");
      }
      return "number";
    }
    if (op === "and" || op === "or") {
      if (left && !fits(left, "boolean")) this.notCondition(node.left, left, op);
      if (right && !fits(right, "boolean")) this.notCondition(node.right, right, op);
      return "boolean";
    }
    this.comparedWithMissing(node);
    if (EQUALITY.has(op)) {
      if (left && right && !fits(left, right)) {
        this.report(
          CheckCodes.F206,
          node.range,
          `cannot compare ${describeType(left)} with ${describeType(right)}: both sides of ${op} must have the same type`,
        );
      }
      return "boolean";
    }
    const leftWrong = left !== undefined && !fits(left, "number");
    const rightWrong = right !== undefined && !fits(right, "number");
    if (leftWrong || rightWrong) {
      const both = leftWrong && rightWrong;
      const what = both
        ? `both sides are ${left === right ? `${describeType(left as InferredType).replace(/^an? /, "")}s` : `${describeType(left as InferredType)} and ${describeType(right as InferredType)}`}`
        : `this is ${describeType((leftWrong ? left : right) as InferredType)}`;
      this.report(
        CheckCodes.F207,
        both ? node.range : (leftWrong ? node.left : node.right).range,
        `${op} compares numbers, but ${what}`,
        "use = or <> to compare texts and true/false values",
      );
    }
    return "boolean";
  }

  private comparedWithMissing(node: Binary) {
    const [side, other] = node.right.kind === "missing" ? [node.right, node.left] : [node.left, node.right];
    if (side.kind !== "missing") return;
    this.report(
      CheckCodes.F220,
      node.range,
      `a comparison with missing is always missing, never true`,
      other.kind === "identifier"
        ? `write is_missing(${other.name})`
        : "use is_missing(...) to test for a missing value",
      "warning",
    );
  }

  private notNumber(node: Expr, type: InferredType, op: string) {
    this.report(CheckCodes.F205, node.range, `${op} needs numbers, but this is ${describeType(type)}`);
  }

  private notCondition(node: Expr, type: InferredType, where: string) {
    this.report(
      CheckCodes.F204,
      node.range,
      `${where} needs a condition (true/false), but this is ${describeType(type)}`,
      type === "number" ? "compare the value, e.g. write x > 0 instead of x" : undefined,
    );
  }

  private call(node: Call): InferredType | undefined {
    const spec = functionRegistry.lookup(node.callee);
    if (!spec) {
      this.unknownFunction(node);
      for (const arg of node.args) this.check(arg);
      return undefined;
    }
    this.calls.set(node, spec);
    this.checkArity(node, spec);
    let shared: InferredType | undefined; // the type bound to T
    node.args.forEach((arg, index) => {
      const parameter = parameterAt(spec, index);
      if (!parameter) {
        this.check(arg); // an extra argument: F202 said so; still resolve its names
        return;
      }
      const type = this.argument(spec, parameter, arg, index);
      if (!type || parameter.type !== "T") return;
      if (shared === undefined || shared === "any") shared = type;
      else if (!fits(type, shared)) {
        this.report(
          CheckCodes.F210,
          arg.range,
          `${spec.name} needs values of one type: an earlier value is ${describeType(shared)}, but this is ${describeType(type)}`,
          "give every value the same type; use missing where there is no value",
        );
      }
    });
    if (spec.result !== "T") return spec.result;
    return shared ?? (node.args.some((a) => this.types.get(a) === undefined) ? undefined : "any");
  }

  private unknownFunction(node: Call) {
    const binding = this.env.lookup(node.callee);
    if (binding) {
      this.report(
        CheckCodes.F201,
        node.calleeRange,
        `\`${node.callee}\` is ${binding.kind === "indicator" ? "an indicator" : binding.kind === "attribute" ? "a unit attribute" : "a field"}, not a function`,
        `write ${node.callee} without parentheses`,
      );
      return;
    }
    this.report(
      CheckCodes.F201,
      node.calleeRange,
      `unknown function \`${node.callee}\``,
      didYouMean(node.callee, functionRegistry.names()) ?? "docs/functions.md lists every function",
    );
  }

  private checkArity(node: Call, spec: FunctionSpec) {
    const { min, max } = arity(spec);
    const given = node.args.length;
    if (given >= min && given <= max) return;
    const expected =
      max === Number.POSITIVE_INFINITY
        ? `at least ${plural(min, "argument")}`
        : min === max
          ? plural(min, "argument")
          : `${min} to ${plural(max, "argument")}`;
    const first = node.args[max];
    const last = node.args.at(-1);
    const range = given > max && first && last ? { start: first.range.start, end: last.range.end } : node.range;
    this.report(
      CheckCodes.F202,
      range,
      `${spec.name} takes ${expected}, but ${given === 1 ? "1 was" : `${given} were`} given`,
      `write it as ${signature(spec)}`,
    );
  }

  private argument(spec: FunctionSpec, parameter: Parameter, arg: Expr, index: number): InferredType | undefined {
    if (parameter.fieldName) return this.fieldArgument(spec, arg);
    if (parameter.literals) return this.literalArgument(spec, parameter, arg);
    const type = this.check(arg);
    if (!type || parameter.type === "any" || parameter.type === "T" || fits(type, parameter.type)) return type;
    if (parameter.condition) {
      this.notCondition(arg, type, spec.name);
    } else {
      this.report(
        CheckCodes.F203,
        arg.range,
        `argument ${index + 1} of ${spec.name} (${parameter.name}) must be ${describeType(parameter.type)}, but this is ${describeType(type)}`,
        `write it as ${signature(spec)}`,
      );
    }
    return type;
  }

  private fieldArgument(spec: FunctionSpec, arg: Expr): InferredType | undefined {
    if (arg.kind !== "identifier") {
      this.check(arg);
      this.report(
        CheckCodes.F209,
        arg.range,
        `${spec.name} needs the name of a field, not an expression`,
        `write ${spec.name}(field) and do the arithmetic outside, e.g. ${spec.name}(own_revenue) / 2`,
      );
      return "number";
    }
    const binding = this.identifier(arg);
    if (!binding) return undefined;
    this.types.set(arg, binding.type);
    if (binding.kind !== "field") {
      const what =
        binding.kind === "indicator"
          ? "an indicator"
          : binding.kind === "attribute"
            ? "a unit attribute"
            : "not a field";
      this.report(
        CheckCodes.F209,
        arg.range,
        `${spec.name} needs a field, but \`${arg.name}\` is ${what}`,
        `${spec.name} adds up a field's reported values; use the fields the indicator is computed from`,
      );
    } else if (binding.type !== "number") {
      this.report(
        CheckCodes.F203,
        arg.range,
        `${spec.name} needs a number field, but \`${arg.name}\` is ${describeType(binding.type)}`,
      );
    }
    return "number";
  }

  private literalArgument(spec: FunctionSpec, parameter: Parameter, arg: Expr): InferredType | undefined {
    const allowed = parameter.literals ?? [];
    const words = allowed.map((w) => `"${w}"`).join(" or ");
    if (arg.kind === "string" && allowed.includes(arg.value)) {
      this.types.set(arg, "string");
      return "string";
    }
    this.check(arg);
    this.report(
      CheckCodes.F211,
      arg.range,
      `${parameter.name} of ${spec.name} must be ${words}`,
      arg.kind === "string" ? didYouMean(arg.value, allowed) : `write ${words} in double quotes`,
    );
    return "string";
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
