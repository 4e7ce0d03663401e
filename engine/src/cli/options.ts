import {
  comparePeriods,
  formatPeriod,
  PERIOD_FORMAT_HINT,
  type Period,
  parsePeriod,
  periodRange,
} from "../data/period.js";
import type { Lang } from "../model/ruleset.js";
import { isLang } from "../report/labels.js";
import { UsageError } from "./io.js";

/** Command-line options shared by rate, explain and test: `--data` takes every path up to the next option. */
export interface ParsedOptions {
  readonly positional: string[];
  readonly values: Map<string, string>;
  readonly data: string[];
}

/** `flags` are options without a value (`--allow-out-of-period`): present, they map to "true". */
export function parseOptions(
  args: readonly string[],
  known: readonly string[],
  flags: readonly string[] = [],
): ParsedOptions {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const data: string[] = [];
  let inData = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (!arg.startsWith("--")) {
      if (inData) data.push(arg);
      else positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const [option, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flags.includes(option)) {
      if (inline !== undefined) throw new UsageError(`${option} takes no value`);
      inData = false;
      values.set(option, "true");
      continue;
    }
    if (!known.includes(option)) throw new UsageError(`unknown option '${option}'`);
    if (option === "--data") {
      inData = true;
      if (inline !== undefined) data.push(inline);
      continue;
    }
    inData = false;
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`${option} needs a value`);
    if (values.has(option)) throw new UsageError(`${option} is given twice`);
    values.set(option, value);
  }
  return { positional, values, data };
}

export function periodOption(values: Map<string, string>, option: string): Period | undefined {
  const text = values.get(option);
  if (text === undefined) return undefined;
  const p = parsePeriod(text);
  if (!p) throw new UsageError(`${option} '${text}' is not a period: ${PERIOD_FORMAT_HINT}`);
  return p;
}

export function langOption(values: Map<string, string>): Lang {
  const lang = values.get("--lang") ?? "kk";
  if (!isLang(lang)) throw new UsageError(`--lang is kk, ru or en, not '${lang}'`);
  return lang;
}

export function formatOption<T extends string>(values: Map<string, string>, allowed: readonly T[]): T {
  const format = values.get("--format") ?? allowed[0];
  if (!allowed.includes(format as T)) throw new UsageError(`--format is ${allowed.join(" or ")}, not '${format}'`);
  return format as T;
}

/** The periods of --period, or of --from/--to. */
export function periodsOf(values: Map<string, string>): Period[] {
  const single = periodOption(values, "--period");
  const from = periodOption(values, "--from");
  const to = periodOption(values, "--to");
  if (single && (from || to)) throw new UsageError("give either --period or --from and --to, not both");
  if (single) return [single];
  if (!from || !to) throw new UsageError("missing --period (or --from and --to)");
  if (from.kind !== to.kind)
    throw new UsageError(`--from ${formatPeriod(from)} and --to ${formatPeriod(to)} are periods of different kinds`);
  if (comparePeriods(from, to) > 0)
    throw new UsageError(`--from ${formatPeriod(from)} comes after --to ${formatPeriod(to)}`);
  const periods = periodRange(from, to);
  if (periods.length > 600) throw new UsageError("--from/--to spans more than 600 periods");
  return periods;
}
