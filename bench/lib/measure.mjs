/**
 * Timing for the benchmarks: warm up, repeat, take the median. Slow passes are repeated fewer times so
 * the whole `npm run bench` stays within a couple of minutes; the median of three already ignores one
 * outlier (a GC pause, another process on the machine).
 */
import { performance } from "node:perf_hooks";

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Milliseconds one call of `pass` takes: the median of timed calls after warm-up. A fast pass is warmed
 * up several times (the optimizing compiler needs a few runs) and timed up to 15 times within
 * `budgetMs`; a slow pass (over 200 ms, an interpreter over 200,000 rows) is warm after its first call,
 * which then counts as one of its three timed calls (`firstMs`, when the caller has made that call).
 */
export function timePass(pass, { budgetMs = 500, clock = time, firstMs = clock(pass) } = {}) {
  if (firstMs > 200) return median([firstMs, clock(pass), clock(pass)]);
  for (let i = firstMs < 20 ? 3 : 1; i > 0; i--) pass();
  const times = [];
  const start = performance.now();
  while (times.length < 3 || (times.length < 15 && performance.now() - start < budgetMs)) times.push(clock(pass));
  return median(times);
}

/**
 * Two fast passes timed in alternation, so a pause or another process on the machine slows both alike:
 * the median time of each.
 */
export function timeSideBySide(a, b, rounds = 21, clock = time) {
  for (let i = 0; i < 3; i++) {
    a();
    b();
  }
  const aTimes = [];
  const bTimes = [];
  for (let r = 0; r < rounds; r++) {
    aTimes.push(clock(a));
    bTimes.push(clock(b));
  }
  return { aMs: median(aTimes), bMs: median(bTimes) };
}

/** Milliseconds one call of `pass` takes. */
export function time(pass) {
  const t0 = performance.now();
  pass();
  return performance.now() - t0;
}

/**
 * Milliseconds of processor time (user and system) one call of `pass` takes: on a shared machine, time
 * spent waiting for a core does not count, so alternated passes compare fairly under load.
 */
export function cpuTime(pass) {
  const t0 = process.cpuUsage();
  pass();
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / 1000;
}

/** Calls per second, given how many calls one pass makes and how long a pass takes. */
export function perSecond(callsPerPass, ms) {
  return (callsPerPass * 1000) / ms;
}

/** 1234567 -> "1.23 M", 12345 -> "12.3 k": ops/s as a table shows them. */
export function formatRate(rate) {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(rate >= 1e8 ? 0 : 2)} M`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(1)} k`;
  return rate.toFixed(0);
}

/** A Markdown table from a header row and body rows, columns padded for reading in a terminal. */
export function markdownTable(header, rows, alignRight = []) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
  const line = (r) =>
    `| ${r.map((cell, c) => (alignRight[c] ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]))).join(" | ")} |`;
  const rule = `| ${widths.map((w, c) => (alignRight[c] ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/**
 * Two fast passes timed as fairly as one process allows: the same warm-up for both, alternated, until each
 * has run at least `warmup` passes and 100 ms (so the optimizing compiler has finished with both); then
 * `rounds` rounds in which the one that runs first alternates (a b, b a, ...), so neither always runs on
 * caches the other has just filled. Each sample repeats a pass until it lasts about `sampleMs`, so that
 * loops under a millisecond are not measured at the clock's grain. The median time of one pass of each.
 */
export function timeAlternated(a, b, { rounds = 61, warmup = 20, sampleMs = 2, clock = time } = {}) {
  const started = performance.now();
  for (let i = 0; i < warmup || performance.now() - started < 100; i++) {
    a();
    b();
  }
  const reps = Math.max(1, Math.ceil(sampleMs / Math.max(1e-3, Math.min(clock(a), clock(b)))));
  const sample = (pass) =>
    clock(() => {
      for (let r = 0; r < reps; r++) pass();
    }) / reps;
  const aTimes = [];
  const bTimes = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      aTimes.push(sample(a));
      bTimes.push(sample(b));
    } else {
      bTimes.push(sample(b));
      aTimes.push(sample(a));
    }
  }
  return { aMs: median(aTimes), bMs: median(bTimes) };
}
