import { formatPeriod, lastMonth, monthsIn, type Period, type PeriodKind, parsePeriod } from "../data/period.js";

/** The period of `kind` that holds `p` (a month is in one quarter and one year); undefined when `kind` is finer. */
function enclosing(p: Period, kind: PeriodKind): Period | undefined {
  if (kind === p.kind) return p;
  if (kind === "month") return undefined;
  if (kind === "quarter") return p.kind === "month" ? { kind, year: p.year, index: Math.ceil(p.index / 3) } : undefined;
  return { kind, year: p.year, index: 1 };
}

/** The period's last month as a count of months, to sort newest first. */
function end(p: Period): number {
  return p.year * 12 + lastMonth(p);
}

/**
 * The periods of the given kinds that some observed period falls in, newest first by their last month, the longer first on a tie (a month of data makes
 * its quarter and year ratable candidates): what an editor offers when asked which period to rate.
 */
export function coveredPeriods(observed: readonly string[], kinds: readonly PeriodKind[]): string[] {
  const found = new Map<string, Period>();
  for (const text of observed) {
    const p = parsePeriod(text);
    if (!p) continue;
    for (const kind of kinds) {
      const q = enclosing(p, kind);
      if (q) found.set(formatPeriod(q), q);
    }
  }
  return [...found.values()].sort((a, b) => end(b) - end(a) || monthsIn(b.kind) - monthsIn(a.kind)).map(formatPeriod);
}
