import { PERIOD_FORMAT_HINT, parsePeriod } from "../../data/period.js";
import { type Diagnostic, hasErrors } from "../../diagnostics/diagnostic.js";
import { evaluateWithInputs, formatValue } from "../../formula/evaluate.js";
import type { MemoryValue } from "../../formula/memory-context.js";
import { SourceText } from "../../source/range.js";
import { type Command, UsageError } from "../io.js";
import { renderDiagnostics } from "../render-diagnostics.js";

const USAGE = `Usage: tarazy eval FORMULA [--set NAME=VALUE ...] [--period PERIOD]

Checks one formula and prints its value: a number at 15 significant digits, as Excel shows it (the value
itself is never rounded: 0.1 + 0.2 shows 0.3 and 0.1 + 0.2 = 0.3 is true), true or false, a
text in double quotes, or "missing: <why>". Errors are shown with the formula and a caret.

Options:
  --set NAME=VALUE   an input the formula reads; repeat for each. VALUE is a number (12.5, -3, 1e6),
                     true or false, n/a (reported as not applicable), or a text in quotes:
                     --set 'unit.kind="district"'
  --period PERIOD    the period the inputs are for, as missing-value reasons name it (default 2026-03)

Examples:
  tarazy eval '4262.4 / 4736 * 100 >= 90'
  tarazy eval 'fact / plan * 100' --set fact=45 --set plan=50
  tarazy eval 'round(1.005, 2)'

Exit code: 0 when a value (or missing) is printed, 1 when the formula has errors, 2 on bad usage.
`;

interface EvalArgs {
  readonly formula: string;
  readonly inputs: Record<string, MemoryValue>;
  readonly period: string;
}

const NAME = /^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*$/u;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function parseArgs(args: readonly string[]): EvalArgs {
  const positional: string[] = [];
  const inputs: Record<string, MemoryValue> = Object.create(null);
  let period = "2026-03";
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    // options all begin with --, so a formula such as -x + 1 needs no quoting beyond the shell's
    if (optionsEnded || !arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const [option, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (option === "--") optionsEnded = true;
    else if (option === "--set") {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError("--set needs NAME=VALUE, e.g. --set plan=4736");
      const [name, parsed] = parseSet(value);
      if (name in inputs) throw new UsageError(`--set ${name} is given twice`);
      inputs[name] = parsed;
    } else if (option === "--period") {
      const value = inline ?? args[++i];
      if (value === undefined || !parsePeriod(value)) {
        throw new UsageError(`--period needs a period: ${PERIOD_FORMAT_HINT}`);
      }
      period = value;
    } else {
      throw new UsageError(`unknown option '${arg}'`);
    }
  }
  if (positional.length === 0) throw new UsageError("missing FORMULA");
  if (positional.length > 1) {
    throw new UsageError(`one formula at a time, in quotes: tarazy eval '${positional.join(" ")}'`);
  }
  return { formula: positional[0] as string, inputs: { ...inputs }, period };
}

/** NAME=VALUE of --set, the value read as a number, true/false, n/a or a quoted text. */
function parseSet(text: string): [string, MemoryValue] {
  const eq = text.indexOf("=");
  const name = (eq < 0 ? text : text.slice(0, eq)).trim();
  if (eq < 0 || !NAME.test(name)) {
    throw new UsageError(`--set needs NAME=VALUE with a formula name, e.g. --set plan=4736, not '${text}'`);
  }
  const raw = text.slice(eq + 1).trim();
  const lower = raw.toLowerCase();
  if (NUMBER.test(raw)) {
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new UsageError(`--set ${name}: ${raw} is too large to represent`);
    return [name, value];
  }
  if (lower === "true" || lower === "false") return [name, lower === "true"];
  if (lower === "n/a") return [name, "n/a"];
  const quote = raw[0];
  if (raw.length >= 2 && (quote === '"' || quote === "'") && raw.endsWith(quote)) return [name, raw.slice(1, -1)];
  if (/^[+-]?\d+,\d+$/.test(raw)) {
    throw new UsageError(`--set ${name}: write ${raw.replace(",", ".")} with a decimal point, not a comma`);
  }
  throw new UsageError(
    `--set ${name}: '${raw}' is not a number, true, false or n/a; a text goes in quotes: --set '${name}="${raw}"'`,
  );
}

/** An unknown name in `tarazy eval` is usually an input not given: say how to give it. */
function withInputHint(d: Diagnostic, formula: string): Diagnostic {
  if (d.code !== "F200") return d;
  const name = formula.slice(d.range.start.offset, d.range.end.offset);
  const give = `give it a value with --set ${name}=VALUE`;
  return { ...d, suggestion: d.suggestion ? `${d.suggestion} Or ${give}` : give };
}

export const evalCommand: Command = {
  name: "eval",
  summary: "check and evaluate one formula: tarazy eval FORMULA [--set NAME=VALUE ...]",
  usage: USAGE,
  async run(args, io) {
    const { formula, inputs, period } = parseArgs(args);
    const result = evaluateWithInputs(formula, inputs, { period });
    const diagnostics = result.diagnostics.map((d) => withInputHint(d, formula));
    if (diagnostics.length > 0) {
      const source = new SourceText(formula);
      io.stderr(renderDiagnostics(diagnostics, (file) => (file === undefined ? source : undefined)));
    }
    if (hasErrors(diagnostics) || result.value === undefined) return 1;
    io.stdout(`${formatValue(result.value)}\n`);
    return 0;
  },
};
