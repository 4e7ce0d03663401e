/**
 * Rating periods: months (2026-03), quarters (2026-Q1) and years (2026). Plain values, compared by
 * their first month, so that sorting and ranges need no calendar library.
 */
export type PeriodKind = "month" | "quarter" | "year";

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  /** Month 1-12, quarter 1-4, or 1 for a year. */
  readonly index: number;
}

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-[Qq]([1-4])$/;
const YEAR = /^(\d{4})$/;

/** Parses "2026-03", "2026-Q1" or "2026"; undefined for anything else (the caller reports it). */
export function parsePeriod(text: string): Period | undefined {
  const t = text.trim();
  let m = MONTH.exec(t);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: "month", year: Number(m[1]), index: month } : undefined;
  }
  m = QUARTER.exec(t);
  if (m) return { kind: "quarter", year: Number(m[1]), index: Number(m[2]) };
  m = YEAR.exec(t);
  if (m) return { kind: "year", year: Number(m[1]), index: 1 };
  return undefined;
}

export const PERIOD_FORMAT_HINT = "write a month as 2026-03, a quarter as 2026-Q1, a year as 2026";

export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case "month":
      return `${p.year}-${String(p.index).padStart(2, "0")}`;
    case "quarter":
      return `${p.year}-Q${p.index}`;
    case "year":
      return String(p.year);
  }
}

/** Number of months a period spans. */
export function monthsIn(kind: PeriodKind): number {
  return kind === "month" ? 1 : kind === "quarter" ? 3 : 12;
}

/** First month (1-12) of the period. */
export function firstMonth(p: Period): number {
  return p.kind === "month" ? p.index : p.kind === "quarter" ? (p.index - 1) * 3 + 1 : 1;
}

/** Last month (1-12) of the period. */
export function lastMonth(p: Period): number {
  return firstMonth(p) + monthsIn(p.kind) - 1;
}

/** The months the period covers, in order. */
export function monthsOf(p: Period): Period[] {
  const first = firstMonth(p);
  return Array.from({ length: monthsIn(p.kind) }, (_, i) => ({
    kind: "month" as const,
    year: p.year,
    index: first + i,
  }));
}

/** A total order: by first month, then shorter periods first. */
export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || firstMonth(a) - firstMonth(b) || monthsIn(a.kind) - monthsIn(b.kind);
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.year === b.year && a.index === b.index;
}

/** The period one step earlier at the same granularity. */
export function previousPeriod(p: Period): Period {
  if (p.kind === "year") return { kind: "year", year: p.year - 1, index: 1 };
  if (p.index > 1) return { ...p, index: p.index - 1 };
  return { kind: p.kind, year: p.year - 1, index: p.kind === "month" ? 12 : 4 };
}

export function nextPeriod(p: Period): Period {
  if (p.kind === "year") return { kind: "year", year: p.year + 1, index: 1 };
  const last = p.kind === "month" ? 12 : 4;
  if (p.index < last) return { ...p, index: p.index + 1 };
  return { kind: p.kind, year: p.year + 1, index: 1 };
}

export function sameTimeLastYear(p: Period): Period {
  return { ...p, year: p.year - 1 };
}

/** Periods from `from` to `to` inclusive, both of the same kind; empty when `to` is before `from`. */
export function periodRange(from: Period, to: Period): Period[] {
  if (from.kind !== to.kind) throw new RangeError("periodRange needs two periods of the same kind");
  const out: Period[] = [];
  for (let p = from; comparePeriods(p, to) <= 0; p = nextPeriod(p)) out.push(p);
  return out;
}

/** The month or quarter's place in a continuous count (for arrays indexed by time). */
export function periodOrdinal(p: Period): number {
  return p.year * 12 + firstMonth(p) - 1;
}
