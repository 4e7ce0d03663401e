/**
 * The language server's workspace in process, with garbage collection asked for before each reading (run
 * with --expose-gc): its live heap after 100 and after N edits of one rule file (every 25th edit re-checks,
 * as the server's debounce would). Prints one JSON line { "100": bytes, "N": bytes }.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Workspace } from "../../engine/dist/index.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const total = Number(process.argv[2] ?? 5000);
const folder = join(ROOT, "rules/turkistan");
const file = join(folder, "districts/2026.1/blocks/03-revenue.yaml");
const good = readFileSync(file, "utf8");
const workspace = new Workspace([folder]);
workspace.build();
const live = () => {
  global.gc();
  global.gc();
  return process.memoryUsage().heapUsed;
};
const readings = {};
for (let i = 1; i <= total; i++) {
  const text = i % 25 === 0 ? good.replace("ytd(own_revenue) /", `ytd(own_revenuezz${i}) /`) : `${good}\n# ${i}\n`;
  workspace.change(file, text, i + 1);
  if (i % 25 === 0) workspace.build();
  if (i === 100 || i === total) readings[i] = live();
}
console.log(JSON.stringify(readings));
