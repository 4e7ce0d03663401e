/**
 * A minimal LSP client over stdio for the language-server benchmark: starts a server process, answers the
 * requests servers make of clients, records publishDiagnostics with their arrival time, measures requests.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";

export const uri = (path) => pathToFileURL(path).href;

export class BenchClient {
  /**
   * `command` and `args` start the server (with `env` added to this process's environment); `configuration`
   * answers workspace/configuration by section.
   */
  constructor(command, args, configuration = {}, env = {}) {
    this.child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, ...env } });
    this.child.stderr.on("data", () => {});
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.published = new Map();
    this.waiters = [];
    this.connection.onNotification("textDocument/publishDiagnostics", (p) => {
      this.published.set(p.uri, { diagnostics: p.diagnostics, at: performance.now() });
      for (const w of [...this.waiters]) if (w.uri === p.uri && w.check(p.diagnostics)) this.settle(w);
    });
    this.connection.onRequest("workspace/configuration", (p) => p.items.map((i) => configuration[i.section] ?? null));
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onNotification(() => {});
    this.connection.listen();
  }

  settle(w) {
    this.waiters = this.waiters.filter((x) => x !== w);
    clearTimeout(w.timer);
    w.resolve(performance.now());
  }

  async initialize(folder, extra = {}) {
    await this.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: uri(folder),
      workspaceFolders: [{ uri: uri(folder), name: "bench" }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true }, completion: { completionItem: {} } },
      },
      ...extra,
    });
    await this.connection.sendNotification("initialized", {});
  }

  /** Resolves with the time of the next publication for `path` that `check` accepts (timeout: rejects). */
  nextDiagnostics(path, check = () => true, timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      const w = { uri: uri(path), check, resolve };
      w.timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        reject(new Error(`no diagnostics for ${path} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  open(path, text = readFileSync(path, "utf8")) {
    return this.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri: uri(path), languageId: "yaml", version: 1, text },
    });
  }

  change(path, text, version) {
    return this.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: uri(path), version },
      contentChanges: [{ text }],
    });
  }

  /** A request's round trip in milliseconds. */
  async timed(method, params) {
    const t0 = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - t0, result };
  }

  /** The server process's resident memory (Linux /proc), in bytes. */
  rss() {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return kb * 1024;
    } catch {
      return Number.NaN;
    }
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification("exit");
    } catch {}
    setTimeout(() => this.child.kill(), 500).unref();
    this.connection.dispose();
  }
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
