import type { Workspace } from "@tarazy/engine";
import { type Diagnostic, diagnosticDocsUrl } from "@tarazy/engine";
import {
  type Connection,
  type DiagnosticRelatedInformation,
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic as LspDiagnostic,
} from "vscode-languageserver/node";
import { pathToUri, toLspRange } from "../positions.js";

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

const TAG = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated } as const;

/** One engine diagnostic as LSP shows it: code with its docs link, the suggestion under the message. */
export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const related: DiagnosticRelatedInformation[] = (d.related ?? []).flatMap((r) => {
    const file = r.file ?? d.file;
    return file ? [{ location: { uri: pathToUri(file), range: toLspRange(r.range) }, message: r.message }] : [];
  });
  return {
    range: toLspRange(d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: diagnosticDocsUrl(d.code) },
    source: "tarazy",
    message: d.suggestion ? `${d.message}\n${d.suggestion}` : d.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    ...(d.tags?.length ? { tags: d.tags.map((t) => TAG[t]) } : {}),
    data: { ...(d.suggestion ? { suggestion: d.suggestion } : {}), ...(d.fix ? { fix: d.fix } : {}) },
  };
}

/**
 * Re-checks the workspace after changes and publishes what changed. A change after a quiet spell is checked
 * at once (on the next turn of the event loop); changes that follow each other within `delay` ms (a burst:
 * fast typing, a paste, a replace-all) are gathered until `delay` ms pass without one, then the workspace
 * re-checks what they touched. A request that needs an up-to-date workspace calls `ensureBuilt` first and
 * does not wait.
 */
export class DiagnosticsPublisher {
  private timer: NodeJS.Timeout | undefined;
  private lastChange = Number.NEGATIVE_INFINITY;
  private needsBuild = false;
  private held = false;
  /** Whether the workspace was built at least once. */
  private started = false;
  private readonly pending = new Set<string>();
  private readonly published = new Map<string, string>();
  /** Diagnostics from elsewhere for a file (the audit's findings, audit-findings.ts), published with its own. */
  extra: (file: string) => readonly LspDiagnostic[] = () => [];
  /** Called after each build of the rules. */
  onBuilt: () => void = () => {};

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly delay = 25,
  ) {}

  /**
   * Builds nothing on its own until `work` settles (the start's parsing of every rule file in worker threads),
   * then builds and publishes: a didOpen meanwhile would otherwise parse every file again in this thread. A
   * request meanwhile still builds (ensureBuilt), with the same results.
   */
  async holdUntil(work: Promise<unknown>): Promise<void> {
    this.held = true;
    this.needsBuild = true;
    await work.catch(() => undefined);
    this.held = false;
    this.needsBuild = true;
    this.flush();
  }

  schedule(): void {
    this.needsBuild = true;
    if (this.held) return;
    const now = performance.now();
    const burst = now - this.lastChange < this.delay;
    this.lastChange = now;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), burst ? this.delay : 0);
  }

  ensureBuilt(): void {
    if (!this.needsBuild) return;
    this.needsBuild = false;
    for (const file of this.workspace.build()) this.pending.add(file);
    this.started = true;
    this.onBuilt();
  }

  /** The first build, if none was made yet (see ServerContext.ensureStarted). */
  ensureStarted(): void {
    if (!this.started) this.ensureBuilt();
  }

  /** Publishes these files again (their extra diagnostics changed). */
  republish(files: readonly string[]): void {
    for (const file of files) this.pending.add(file);
    this.flush();
  }

  /** Builds now and publishes every file whose diagnostics changed (an empty list clears a file). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.ensureBuilt();
    const files = [...this.pending].sort();
    this.pending.clear();
    for (const file of files) {
      const diagnostics = [...this.workspace.diagnosticsOf(file).map(toLspDiagnostic), ...this.extra(file)];
      const key = JSON.stringify(diagnostics);
      if ((this.published.get(file) ?? "[]") === key) continue;
      if (diagnostics.length === 0) this.published.delete(file);
      else this.published.set(file, key);
      void this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics });
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
