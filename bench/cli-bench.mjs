/**
 * The CLI latency benchmark (docs/benchmarks.md, "CLI latency"): the built `tarazy` run as a user runs
 * it, a new Node process each time, against `node -e 0` (the floor a Node CLI cannot go under):
 *   - the README's main job, `tarazy rate` of the Turkistan districts family for 2026-Q3 (goal: 0.5 s wall);
 *   - `tarazy validate` of the three Turkistan rulesets (goal: 0.4 s wall);
 *   - `tarazy diff` of the districts' two versions with data, as text and as the compare page (no goal: what
 *     the page adds to the comparison);
 *   - `tarazy --version` (the cost of loading the CLI);
 *   - the README job and `validate` again on a first run, with an empty cache (the CLI keeps parsed rule
 *     files, engine/src/rules/rule-cache.ts, and V8's compiled code of itself, engine/src/cli/code-cache.ts,
 *     in a cache; the other commands read it warm, as a user's second run does). The benchmark's cache is a
 *     temporary folder, never the user's.
 * The commands run in turn, round after round, so a change in the machine's load hits all alike. Wall time
 * and CPU time (user + system of the child, from /proc/self/stat on Linux) are medians. On a shared machine
 * compare CPU time and the ratios to `node -e 0`, not single wall times. Each command must exit 0 and print
 * the same bytes every round (the run fails otherwise).
 * TARAZY_BENCH_ROUNDS sets the number of rounds (9).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { markdownTable, median } from "./lib/measure.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ROUNDS = Number(process.env.TARAZY_BENCH_ROUNDS ?? 9);
const TARAZY = "engine/bin/tarazy.js";
const D = "rules/turkistan/districts";

const COMMANDS = [
  {
    name: "README job: `tarazy rate` districts 2026-Q3 --lang en",
    args: [TARAZY, "rate", D, "--data", `${D}/sample-data`, "--period", "2026-Q3", "--lang", "en"],
    goalS: 0.5,
  },
  {
    name: "`tarazy validate` of the three Turkistan rulesets",
    args: [TARAZY, "validate", D, "rules/turkistan/departments", "rules/turkistan/procurement"],
    goalS: 0.4,
  },
  {
    name: "`tarazy diff` districts 2025.1 2026.1 --data, 2026-Q3 (text)",
    args: [TARAZY, "diff", D, "2025.1", "2026.1", "--data", `${D}/sample-data`, "--period", "2026-Q3", "--lang", "en"],
  },
  {
    name: "the same, `--format html` (the compare page)",
    args: [
      TARAZY,
      "diff",
      D,
      "2025.1",
      "2026.1",
      "--data",
      `${D}/sample-data`,
      "--period",
      "2026-Q3",
      "--format",
      "html",
    ],
  },
  { name: "`tarazy --version`", args: [TARAZY, "--version"] },
  {
    name: "README job, first run (empty rule cache)",
    args: [TARAZY, "rate", D, "--data", `${D}/sample-data`, "--period", "2026-Q3", "--lang", "en"],
    goalS: 0.5,
    firstRun: true,
  },
  {
    name: "`tarazy validate`, first run (empty rule cache)",
    args: [TARAZY, "validate", D, "rules/turkistan/departments", "rules/turkistan/procurement"],
    goalS: 0.4,
    firstRun: true,
  },
  { name: "`node -e 0` (the floor)", args: ["-e", "0"] },
];
// TARAZY_BENCH_BASELINE=path/to/another/checkout/engine/bin/tarazy.js: the same commands with another
// build, in the same rounds, for a before/after reading under the same load (not part of `npm run bench`).
const BASELINE = process.env.TARAZY_BENCH_BASELINE;
if (BASELINE)
  COMMANDS.splice(
    0,
    0,
    ...COMMANDS.filter((c) => c.args[0] === TARAZY).map((c) => ({
      ...c,
      name: `baseline: ${c.name}`,
      args: [BASELINE, ...c.args.slice(1)],
    })),
  );

/** CPU seconds of this process's waited-for children (Linux); undefined elsewhere. */
const ticks = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;
function childrenCpuS() {
  if (!existsSync("/proc/self/stat")) return undefined;
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the command name: field 3 is index 0, so cutime (16) and cstime (17) are indexes 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) / ticks;
}

const CACHE = mkdtempSync(join(os.tmpdir(), "tarazy-bench-cache-"));
process.on("exit", () => rmSync(CACHE, { recursive: true, force: true }));

function runOnce(command) {
  const cache = command.firstRun ? mkdtempSync(join(os.tmpdir(), "tarazy-bench-first-")) : CACHE;
  const env = { ...process.env, TARAZY_CACHE_DIR: cache, TARAZY_CACHE: "" };
  const cpu0 = childrenCpuS();
  const t0 = performance.now();
  const child = spawnSync(process.execPath, command.args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26, env });
  const wallS = (performance.now() - t0) / 1000;
  const cpu1 = childrenCpuS();
  if (command.firstRun) rmSync(cache, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`${command.name} exited with ${child.status}: ${child.stderr}`);
  return { wallS, cpuS: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0, stdout: child.stdout };
}

for (const c of COMMANDS) c.expected = runOnce(c).stdout; // warm-up (disk cache), and the output to expect
const times = COMMANDS.map(() => []);
for (let r = 0; r < ROUNDS; r++)
  COMMANDS.forEach((c, i) => {
    const run = runOnce(c);
    if (run.stdout !== c.expected) throw new Error(`${c.name} printed different output in round ${r + 1}`);
    times[i].push(run);
  });

const floor = median(times.at(-1).map((t) => t.wallS));
const floorCpu = median(times.at(-1).map((t) => t.cpuS ?? 0));
const s = (x) => (x === undefined ? "n/a" : `${x.toFixed(3)} s`);
const rows = COMMANDS.map((c, i) => {
  const wall = median(times[i].map((t) => t.wallS));
  const cpu = times[i][0].cpuS === undefined ? undefined : median(times[i].map((t) => t.cpuS));
  return [
    c.name,
    s(wall),
    s(cpu),
    `${(wall / floor).toFixed(1)}×`,
    cpu === undefined || floorCpu === 0 ? "n/a" : `${(cpu / floorCpu).toFixed(1)}×`,
    c.goalS === undefined ? "" : `${c.goalS} s wall: ${wall <= c.goalS ? "met" : "not met"}`,
  ];
});
const load = os.loadavg().map((x) => x.toFixed(1));
console.log(
  `CLI latency, median of ${ROUNDS} rounds; ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}, load average ${load.join(" ")}\n`,
);
console.log(
  markdownTable(["command", "wall", "CPU (user+sys)", "wall / node -e 0", "CPU / node -e 0", "goal"], rows, [
    false,
    true,
    true,
    true,
    true,
    false,
  ]),
);
