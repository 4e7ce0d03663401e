/**
 * The scale benchmark (docs/benchmarks.md, "From the files at national scale"): the scoring benchmark's
 * generated case (200 indicators in 10 blocks, 100 fields, 36 months, seeded) written as real rule and CSV
 * files (lib/scale-files.mjs) and rated as a user rates it, by the BUILT CLI in a process of its own:
 *   tarazy rate RULES --data DATA --period 2026-Q4 --format json
 * at 300, 1,000 and 3,000 units (goal at 3,000: under 10 s and under 1.5 GB peak, on Node's default heap),
 * side by side with a plain-JavaScript reader and rater of the same files (lib/plain-rater.mjs, the limit)
 * and, when a Python can import pandas, the pandas peer of ../shared/bench-peers (PEERS_DIR; the Python is
 * $PYTHON, else the first of python3 and /usr/bin/python3 that imports pandas: Debian's python3-pandas installs
 * for /usr/bin/python3, which a pyenv python3 earlier on the PATH does not see). Each process's
 * wall time, CPU time and peak RSS come from GNU time (/usr/bin/time). The peers must agree with Tarazy's
 * JSON (totals and block points to 1e-9 of the scale, ranks, grades), or the run fails. Then the linear fit
 * of Tarazy's time and peak memory in cells (units x 100 fields x 36 months).
 * SCALE_UNITS picks the sizes (default 300,1000,3000; SCALE_UNITS=300 for a quick run); SCALE_RUNS the runs
 * of each command (default 1; the median is kept); SCALE_DIR where the files go (a temporary folder).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { markdownTable, median } from "./lib/measure.mjs";
import { disagreements } from "./lib/scale-agree.mjs";
import { writeScaleCase } from "./lib/scale-files.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SIZES = (process.env.SCALE_UNITS ?? "300,1000,3000").split(",").map(Number);
const RUNS = Number(process.env.SCALE_RUNS ?? 1);
const PEERS = resolve(ROOT, process.env.PEERS_DIR ?? "../shared/bench-peers");
const TIME = "/usr/bin/time";
const PERIOD = "2026-Q4";

if (!existsSync(TIME)) {
  console.log(`skipped: ${TIME} (GNU time) is not installed, and peak RSS of a child process needs it`);
  process.exit(0);
}
const python = [process.env.PYTHON, "python3", "/usr/bin/python3"]
  .filter(Boolean)
  .find((cmd) => spawnSync(cmd, ["-c", "import pandas, numpy"], { encoding: "utf8" }).status === 0);
const pandas = python !== undefined;
const pandasPeer = join(PEERS, "peer_pandas.py");

/** Runs a command under GNU time: wall and CPU seconds, peak RSS in MB; fails on a non-zero exit. */
function measure(command, args) {
  const run = spawnSync(TIME, ["-f", "%e %U %S %M", command, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const last = run.stderr.trim().split("\n").at(-1) ?? "";
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${run.stderr.slice(-2000)}`);
  const [wall, user, system, kb] = last.split(" ").map(Number);
  return { wallS: wall, cpuS: user + system, rssMB: kb / 1024, stdout: run.stdout, stderr: run.stderr };
}

/** The median figures of RUNS runs. */
function repeat(command, args) {
  const runs = Array.from({ length: RUNS }, () => measure(command, args));
  return {
    wallS: median(runs.map((r) => r.wallS)),
    cpuS: median(runs.map((r) => r.cpuS)),
    rssMB: median(runs.map((r) => r.rssMB)),
    last: runs.at(-1),
  };
}

/** Least squares y = a + b x. */
function linearFit(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  const r2 = sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : 1;
  return { a: my - b * mx, b, r2 };
}

const dir = process.env.SCALE_DIR ?? mkdtempSync(join(os.tmpdir(), "tarazy-scale-"));
const rows = [];
const tarazyFigures = [];
console.log(
  `${os.cpus()[0]?.model ?? "cpu"} x ${os.cpus().length}, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}; ${RUNS} run(s) of each command, median`,
);
if (!pandas)
  console.log("pandas peer skipped: no Python here imports pandas and numpy (apt-get install python3-pandas)");
else if (!existsSync(pandasPeer)) console.log(`pandas peer skipped: ${pandasPeer} not found (set PEERS_DIR)`);
try {
  for (const units of SIZES) {
    const caseDir = join(dir, `u${units}`);
    const written = writeScaleCase(caseDir, units);
    const tarazy = repeat(process.execPath, [
      "engine/bin/tarazy.js",
      "rate",
      written.rules,
      "--data",
      written.data,
      "--period",
      PERIOD,
      "--format",
      "json",
    ]);
    const result = JSON.parse(tarazy.last.stdout);
    const plainJson = join(caseDir, "plain.json");
    const plain = repeat(process.execPath, [
      "bench/lib/plain-rater.mjs",
      written.rules,
      written.data,
      String(units),
      "--period",
      PERIOD,
      "--json",
      plainJson,
    ]);
    const scale = written.ruleset.scale;
    const problems = disagreements(result, JSON.parse(readFileSync(plainJson, "utf8")), scale);
    if (problems.length > 0)
      throw new Error(`the plain-JS rater disagrees at ${units} units:\n${problems.slice(0, 10).join("\n")}`);
    const cells = written.cells;
    tarazyFigures.push({ cells, ...tarazy });
    const row = (name, m) => [
      units.toLocaleString("en"),
      name,
      m.wallS.toFixed(2),
      m.cpuS.toFixed(2),
      m.rssMB.toFixed(0),
      ((m.rssMB * 1024 * 1024) / cells).toFixed(0),
      (m.cpuS / tarazy.cpuS).toFixed(2),
    ];
    rows.push(row("tarazy rate (CLI)", tarazy), row("plain JS (limit)", plain));
    if (pandas && existsSync(pandasPeer)) {
      const pandasJson = join(caseDir, "pandas.json");
      const run = repeat(python, [pandasPeer, join(caseDir, "rules"), written.data, "--json", pandasJson]);
      const disagree = disagreements(result, JSON.parse(readFileSync(pandasJson, "utf8")), scale);
      if (disagree.length > 0)
        throw new Error(`the pandas peer disagrees at ${units} units:\n${disagree.slice(0, 10).join("\n")}`);
      rows.push(row("pandas peer", run));
    }
    const plainPhases = /PLAIN (.*)/.exec(plain.last.stderr)?.[1];
    if (plainPhases) console.log(`${units} units: plain JS phases ${plainPhases}`);
    rmSync(caseDir, { recursive: true, force: true });
  }
} finally {
  if (!process.env.SCALE_DIR) rmSync(dir, { recursive: true, force: true });
}
console.log(
  `\n${markdownTable(["units", "program", "wall s", "CPU s", "peak RSS MB", "RSS bytes/cell", "CPU / tarazy"], rows, [true, false, true, true, true, true, true])}`,
);
if (tarazyFigures.length >= 2) {
  const xs = tarazyFigures.map((f) => f.cells);
  const cpu = linearFit(
    xs,
    tarazyFigures.map((f) => f.cpuS),
  );
  const rss = linearFit(
    xs,
    tarazyFigures.map((f) => f.rssMB * 1024 * 1024),
  );
  console.log(
    `\nLinear fit of tarazy rate in cells: CPU ${cpu.a.toFixed(2)} s + ${((cpu.b * 1e9) / 1e3).toFixed(3)} µs x cells (r² ${cpu.r2.toFixed(4)}); ` +
      `peak RSS ${(rss.a / 1024 / 1024).toFixed(0)} MB + ${rss.b.toFixed(1)} bytes x cells (r² ${rss.r2.toFixed(4)})`,
  );
}
const largest = tarazyFigures.at(-1);
if (largest && SIZES.at(-1) === 3000)
  console.log(
    `3,000 units: ${largest.wallS.toFixed(1)} s wall, ${largest.cpuS.toFixed(1)} s CPU, ${largest.rssMB.toFixed(0)} MB peak (goal: under 10 s, under 1,536 MB)`,
  );
