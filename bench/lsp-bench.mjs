/**
 * The language-server benchmark (docs/benchmarks.md, "Language server"). Drives the BUILT server
 * (language-server/dist/server.cjs) over stdio as an editor does, and yaml-language-server 1.x beside it on
 * the same files and the same JSON Schema (it checks far less: no formulas, no references):
 *   1. the Turkistan rulesets (every family indexed; edits in districts 2026.1 blocks/03-revenue.yaml);
 *   2. a generated ruleset of 5,000 indicators in 50 block files (edits in one block file).
 * For each: startup (spawn to the first diagnostics of an open file; Tarazy's cold, with an empty rule cache,
 * and warm, started again on the same cache), didChange -> publishDiagnostics latency
 * over scripted edits (300 on Turkistan, 100 on the generated ruleset; LSP_BENCH_EDITS and
 * LSP_BENCH_GENERATED_EDITS change them) (a formula's name misspelt, then fixed: each edit changes the
 * diagnostics), completion and hover latency after each edit; p50 and p95. Then memory of the Tarazy server
 * after 100 and after 5,000 edits: its resident set, and the live heap of its workspace (garbage collected
 * first) in a process of its own.
 * Goals (issue 9): Turkistan diagnostics p95 < 50 ms, completion p95 < 20 ms; generated diagnostics p95 <
 * 500 ms, startup < 3 s; memory after 5,000 edits within 20 % of memory after 100.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { BenchClient, percentile } from "./lib/lsp-bench-client.mjs";
import { writeGeneratedRuleset } from "./lib/lsp-bench-ruleset.mjs";
import { markdownTable } from "./lib/measure.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SERVER = join(ROOT, "language-server/dist/server.cjs");
const YLS = join(ROOT, "node_modules/yaml-language-server/bin/yaml-language-server");
const SCHEMA = join(ROOT, "engine/schema/tarazy-rules.schema.json");
const EDITS = Number(process.env.LSP_BENCH_EDITS ?? 300);
const GENERATED_EDITS = Number(process.env.LSP_BENCH_GENERATED_EDITS ?? 100);
const MEMORY_EDITS = Number(process.env.LSP_BENCH_MEMORY_EDITS ?? 5000);

if (!existsSync(SERVER)) throw new Error(`build the server first (npm run build): ${SERVER} is missing`);

const servers = {
  // The rule cache in a folder of the run's own (`cache`), never the user's.
  tarazy: (cache) => new BenchClient(process.execPath, [SERVER, "--stdio"], {}, { TARAZY_CACHE_DIR: cache }),
  "yaml-language-server": () =>
    new BenchClient(process.execPath, [YLS, "--stdio"], {
      yaml: { validate: true, completion: true, hover: true, schemas: { [SCHEMA]: ["*.yaml"] } },
    }),
};

/** Tarazy sees the misspelt name (F200); yaml-language-server only re-validates, so any publication counts. */
const expected = (serverName, i) => (d) =>
  serverName !== "tarazy" || (i % 2 === 0 ? d.some((x) => x.message.includes(`zz${i}`)) : d.length === 0);

/** Starts a server on the scenario's folder: the client and the time to the first diagnostics of an open file. */
async function start(serverName, scenario, cache) {
  const { folder, file, broken } = scenario;
  const t0 = performance.now();
  const client = servers[serverName](cache);
  await client.initialize(folder);
  const first = client.nextDiagnostics(file, expected(serverName, 0), 120_000);
  await client.open(file, broken(0));
  return { client, startup: (await first) - t0 };
}

/**
 * One scenario on one server: startup, then `edits` edits alternating between broken and fixed. Tarazy starts
 * on an empty rule cache (cold), then once more on the same cache (warm, startup only).
 */
async function run(serverName, scenario, edits, cache) {
  const { file, good, broken, completionAt, hoverAt } = scenario;
  const expect = (i) => expected(serverName, i);
  const { client, startup } = await start(serverName, scenario, cache);
  const diagnostics = [];
  const completion = [];
  const hover = [];
  const position = (text, needle, delta) => {
    const offset = text.indexOf(needle) + delta;
    const before = text.slice(0, offset);
    return { line: before.split("\n").length - 1, character: offset - before.lastIndexOf("\n") - 1 };
  };
  for (let i = 1; i <= edits; i++) {
    const text = i % 2 === 0 ? broken(i) : good;
    const published = client.nextDiagnostics(file, expect(i));
    const t0 = performance.now();
    await client.change(file, text, i + 1);
    diagnostics.push((await published) - t0);
    const textDocument = { uri: new URL(`file://${file}`).href };
    completion.push(
      (await client.timed("textDocument/completion", { textDocument, position: position(text, ...completionAt) })).ms,
    );
    hover.push((await client.timed("textDocument/hover", { textDocument, position: position(text, ...hoverAt) })).ms);
  }
  await client.stop();
  if (serverName !== "tarazy") return { startup, diagnostics, completion, hover };
  const warm = await start(serverName, scenario, cache);
  await warm.client.stop();
  return { startup, warm: warm.startup, diagnostics, completion, hover };
}

/** Memory of the Tarazy server after 100 and after `total` edits (every 25th waits for its diagnostics). */
async function memory(scenario, total, cache) {
  const { folder, file, good, broken } = scenario;
  const client = servers.tarazy(cache);
  await client.initialize(folder);
  const first = client.nextDiagnostics(file, (d) => d.length > 0, 120_000);
  await client.open(file, broken(0));
  await first;
  const readings = {};
  for (let i = 1; i <= total; i++) {
    const wait = i % 25 === 0;
    const text = wait ? broken(i) : i % 25 === 1 ? good : `${good}\n# ${i}\n`;
    const published = wait
      ? client.nextDiagnostics(file, (d) => d.some((x) => x.message.includes(`zz${i}`)))
      : undefined;
    await client.change(file, text, i + 1);
    if (published) await published;
    if (i === 100 || i === total) {
      // Read once the server has been idle a while: it collects garbage after a second without messages.
      await new Promise((r) => setTimeout(r, 1500));
      readings[i] = client.rss();
    }
  }
  await client.stop();
  return readings;
}

function turkistanScenario() {
  const folder = join(ROOT, "rules/turkistan");
  const file = join(folder, "districts/2026.1/blocks/03-revenue.yaml");
  const good = readFileSync(file, "utf8");
  return {
    name: "Turkistan (3 rulesets, 6 versions)",
    folder,
    file,
    good,
    broken: (i) => good.replace("ytd(own_revenue) / ytd", `ytd(own_revenuezz${i}) / ytd`),
    completionAt: ["ytd(tax_receipts)", 8],
    hoverAt: ["ytd(tax_receipts)", 6],
  };
}

function generatedScenario(tmp) {
  const { blocks } = writeGeneratedRuleset(tmp, relative(join(tmp, "2026.1", "blocks"), SCHEMA));
  const file = blocks[25];
  const good = readFileSync(file, "utf8");
  return {
    name: "generated: 5,000 indicators in 50 block files",
    folder: tmp,
    file,
    good,
    broken: (i) => good.replace("formula: if(f", `formula: if(fzz${i} + f`),
    completionAt: ["round(f", 7],
    hoverAt: ["round(f", 2],
  };
}

/** The engine workspace's live heap (garbage collected first) after 100 and after `total` edits, in its own process. */
function liveHeap(total) {
  const script = join(ROOT, "bench/lib/lsp-bench-heap.mjs");
  const run = spawnSync(process.execPath, ["--expose-gc", script, String(total)], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the heap reading failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1));
}

const ms = (x) => (Number.isNaN(x) ? "–" : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const tmp = mkdtempSync(join(os.tmpdir(), "tarazy-lsp-bench-"));
  // Rule caches beside the generated ruleset, not in it (the server searches its folder for rulesets).
  const caches = mkdtempSync(join(os.tmpdir(), "tarazy-lsp-bench-cache-"));
  const newCache = () => mkdtempSync(join(caches, "cache-"));
  const rows = [];
  try {
    for (const scenario of [turkistanScenario(), generatedScenario(tmp)]) {
      for (const serverName of Object.keys(servers)) {
        const edits = scenario.name.startsWith("generated") ? GENERATED_EDITS : EDITS;
        const r = await run(serverName, scenario, edits, newCache());
        const seconds = (x) => `${(x / 1000).toFixed(2)} s`;
        rows.push([
          scenario.name,
          serverName,
          r.warm === undefined ? seconds(r.startup) : `${seconds(r.startup)}, ${seconds(r.warm)}`,
          ms(percentile(r.diagnostics, 50)),
          ms(percentile(r.diagnostics, 95)),
          ms(percentile(r.completion, 50)),
          ms(percentile(r.completion, 95)),
          ms(percentile(r.hover, 50)),
          ms(percentile(r.hover, 95)),
          String(edits),
        ]);
        console.log(`${scenario.name} / ${serverName}: done`);
      }
    }
    const mem = await memory(turkistanScenario(), MEMORY_EDITS, newCache());
    const heap = liveHeap(MEMORY_EDITS);
    const headers = [
      "case",
      "server",
      "startup (cold, warm)",
      "diagnostics p50 ms",
      "p95",
      "completion p50 ms",
      "p95",
      "hover p50 ms",
      "p95",
      "edits",
    ];
    console.log(
      `\nMachine: nproc ${os.cpus().length}, ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}\n`,
    );
    console.log(
      markdownTable(
        headers,
        rows,
        headers.map((_, i) => i >= 2),
      ),
    );
    const growth = (mem[MEMORY_EDITS] / mem[100] - 1) * 100;
    console.log(
      `\nTarazy server memory (resident set): after 100 edits ${mb(mem[100])}, after ${MEMORY_EDITS} edits ${mb(mem[MEMORY_EDITS])} (${growth >= 0 ? "+" : ""}${growth.toFixed(0)} %)`,
    );
    const heapGrowth = (heap[MEMORY_EDITS] / heap[100] - 1) * 100;
    console.log(
      `The workspace's live heap after garbage collection (in process): after 100 edits ${mb(heap[100])}, after ${MEMORY_EDITS} edits ${mb(heap[MEMORY_EDITS])} (${heapGrowth >= 0 ? "+" : ""}${heapGrowth.toFixed(0)} %)`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(caches, { recursive: true, force: true });
  }
}

await main();
