import { type ChildProcess, spawn } from "node:child_process";
import { Writable } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inject } from "vitest";
import {
  createProtocolConnection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";
import { SERVER_BUNDLE } from "./bundle.js";

/**
 * A real LSP client over stdio against the built server (language-server/dist/server.cjs), as an editor
 * drives it. Every wait fails at once when the server process exits, with its stderr, rather than timing out.
 */
export class LspClient {
  readonly connection: ProtocolConnection;
  /** The latest diagnostics the server published for each URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters = new Set<{ check: () => boolean; resolve: () => void; reject: (e: Error) => void }>();
  private exited: Error | undefined;
  private stderr = "";

  private constructor(readonly child: ChildProcess) {
    if (!child.stdout || !child.stdin) throw new Error("the server has no stdio");
    this.connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(oneWritePerTick(child.stdin)),
    );
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
    child.on("exit", (code, signal) => {
      this.exited = new Error(`the language server exited (code ${code}, signal ${signal}): ${this.stderr}`);
      for (const w of this.waiters) w.reject(this.exited);
      this.waiters.clear();
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.settle();
    });
    this.connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => null));
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.listen();
  }

  /**
   * Starts the server and initializes it with the workspace folders and options given. Its rule cache is
   * the run's own folder, removed when the run ends (never the user's ~/.cache; global-setup.ts), unless
   * `env` says otherwise.
   */
  static async start(
    folders: readonly string[],
    params: Partial<InitializeParams> = {},
    env: Record<string, string> = {},
  ): Promise<{ client: LspClient; result: InitializeResult }> {
    const child = spawn(process.execPath, [SERVER_BUNDLE, "--stdio"], {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, TARAZY_CACHE_DIR: inject("lspCacheDir"), ...env },
    });
    const client = new LspClient(child);
    const result = await client.race(
      client.connection.sendRequest("initialize", {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } } },
        workspaceFolders: folders.map((f) => ({ uri: uri(f), name: f })),
        ...params,
      } as InitializeParams) as Promise<InitializeResult>,
    );
    await client.connection.sendNotification("initialized", {});
    return { client, result };
  }

  /** A request's answer, or the server's exit as an error. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.race(this.connection.sendRequest(method, params) as Promise<R>);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  open(path: string, text: string, version = 1): Promise<void> {
    return this.notify("textDocument/didOpen", {
      textDocument: { uri: uri(path), languageId: "yaml", version, text },
    });
  }

  /** Replaces the whole text of an open document. */
  replace(path: string, text: string, version: number): Promise<void> {
    return this.notify("textDocument/didChange", {
      textDocument: { uri: uri(path), version },
      contentChanges: [{ text }],
    });
  }

  /** Resolves when `check` holds over the published diagnostics (checked now and after each publication). */
  until(check: () => boolean): Promise<void> {
    if (this.exited) return Promise.reject(this.exited);
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.add({ check, resolve, reject });
    });
  }

  /** The diagnostics of a file once some were published for it and `check` accepts them. */
  async diagnosticsOf(path: string, check: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const key = uri(path);
    await this.until(() => {
      const list = this.diagnostics.get(key);
      return list !== undefined && check(list);
    });
    return this.diagnostics.get(key) ?? [];
  }

  /** shutdown, exit, and the process's exit code. */
  async stop(): Promise<number | null> {
    if (this.exited) return this.child.exitCode;
    const exit = new Promise<number | null>((resolve) => this.child.on("exit", (code) => resolve(code)));
    await this.request("shutdown", null);
    await this.notify("exit", null);
    const code = await exit;
    this.connection.dispose();
    return code;
  }

  /** Ends the process whatever state it is in (for afterAll after a failure). */
  kill(): void {
    if (!this.exited) this.child.kill();
    this.connection.dispose();
  }

  private settle(): void {
    for (const w of [...this.waiters])
      if (w.check()) {
        this.waiters.delete(w);
        w.resolve();
      }
  }

  private race<T>(promise: Promise<T>): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise<T>((resolve, reject) => {
      const onExit = () => reject(this.exited);
      this.child.once("exit", onExit);
      promise.then(
        (v) => {
          this.child.off("exit", onExit);
          resolve(v);
        },
        (e) => {
          this.child.off("exit", onExit);
          reject(e);
        },
      );
    });
  }
}

/**
 * A stream that sends what was written to it in one turn of the event loop as one write, so that messages sent
 * together (a request and its cancellation) reach the server together, as an editor's usually do.
 */
function oneWritePerTick(target: Writable): Writable {
  let pending: Buffer[] = [];
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (pending.length === 0)
        setImmediate(() => {
          const data = Buffer.concat(pending);
          pending = [];
          target.write(data);
        });
      pending.push(Buffer.from(chunk));
      done();
    },
  });
}

export function uri(path: string): string {
  return pathToFileURL(path).href;
}

export function pathOf(u: string): string {
  return fileURLToPath(u);
}
