/**
 * CPU time of the engine's Workspace (what the language server runs on every edit), without LSP, for
 * comparing two builds on a shared machine where wall-clock readings move by more than a change:
 *   node bench/lib/lsp-bench-cpu.mjs [checkout] [edits]
 * `checkout` is the root of a built checkout (default: this one); run two checkouts alternately. Builds the
 * generated ruleset (5,000 indicators in 50 block files), then re-checks after `edits` edits of one block
 * file (a name misspelt, then fixed), and the same on the Turkistan rulesets (three times as many edits).
 * Prints one JSON line: CPU ms of startup and per edit (process.cpuUsage, user + system).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(process.argv[2] ?? fileURLToPath(new URL("../..", import.meta.url)));
const edits = Number(process.argv[3] ?? 20);
const { Workspace } = await import(join(root, "engine/dist/index.js"));
const { writeGeneratedRuleset } = await import(join(root, "bench/lib/lsp-bench-ruleset.mjs"));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU ms to build a workspace of `folder`, and per re-check after an edit of `file`. */
function measure(folder, file, count, misspell) {
  let t = cpu();
  const workspace = new Workspace([folder]);
  workspace.build();
  const startup = cpu() - t;
  const good = readFileSync(file, "utf8");
  workspace.change(file, good, 1);
  workspace.build();
  t = cpu();
  for (let i = 0; i < count; i++) {
    workspace.change(file, i % 2 === 0 ? misspell(good, i) : good, i + 2);
    workspace.build();
  }
  return { startup: Math.round(startup), perEdit: Number(((cpu() - t) / count).toFixed(1)) };
}

const dir = mkdtempSync(join(tmpdir(), "tarazy-cpu-"));
try {
  const { blocks } = writeGeneratedRuleset(dir, join(root, "engine/schema/tarazy-rules.schema.json"));
  const generated = measure(dir, blocks[7], edits, (t, i) => t.replace("round(f", `round(zz${i}f`));
  const turkistan = join(root, "rules/turkistan");
  const revenue = join(turkistan, "districts/2026.1/blocks/03-revenue.yaml");
  const districts = measure(turkistan, revenue, edits * 3, (t, i) =>
    t.replace("ytd(own_revenue) /", `ytd(own_revenuezz${i}) /`),
  );
  console.log(JSON.stringify({ generated, turkistan: districts }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
