import { type AuditView, auditView, type Diagnostic } from "@tarazy/engine";
import type { Diagnostic as LspDiagnostic } from "vscode-languageserver/node";
import type { ServerContext } from "../context.js";
import { type DiagnosticsPublisher, toLspDiagnostic } from "./diagnostics.js";
import { dataFolderOf } from "./preview-of.js";

/**
 * The statistical audit's findings as diagnostics on the indicators' lines, when tarazy.dataFolder is set
 * (docs/audit.md, "In the editor"). The engine computes them (auditView: `tarazy audit` of the period the
 * previews show); this maps them to LSP and hands them to the publisher beside each file's own diagnostics.
 * Recomputed after each build of the rules and when the settings change; a newer round supersedes an older.
 */
export class AuditFindings {
  private byFile = new Map<string, LspDiagnostic[]>();
  private round = 0;

  constructor(
    private readonly ctx: ServerContext,
    private readonly publisher: DiagnosticsPublisher,
  ) {
    publisher.extra = (file) => this.byFile.get(file) ?? [];
    publisher.onBuilt = () => void this.refresh();
    ctx.onSettingsChanged.push(() => void this.refresh());
  }

  /** The audit of a file's ruleset (for the block lenses), when a data folder is set and the rules check. */
  async viewOf(path: string): Promise<AuditView | undefined> {
    const ruleset = this.ctx.workspace.versionOf(path)?.result.ruleset;
    const dataFolder = dataFolderOf(this.ctx);
    return ruleset && dataFolder ? this.safely(() => auditView(ruleset, dataFolder), dataFolder) : undefined;
  }

  async refresh(): Promise<void> {
    const round = ++this.round;
    const dataFolder = dataFolderOf(this.ctx);
    const next = new Map<string, LspDiagnostic[]>();
    for (const version of dataFolder ? this.ctx.workspace.allVersions() : []) {
      const ruleset = version.result.ruleset;
      const view =
        ruleset && dataFolder ? await this.safely(() => auditView(ruleset, dataFolder), dataFolder) : undefined;
      for (const [file, list] of view?.findings ?? new Map<string, readonly Diagnostic[]>())
        next.set(file, [...(next.get(file) ?? []), ...list.map(toLspDiagnostic)]);
    }
    if (round !== this.round) return;
    const files = new Set([...this.byFile.keys(), ...next.keys()]);
    const changed = [...files].filter((f) => JSON.stringify(this.byFile.get(f)) !== JSON.stringify(next.get(f)));
    this.byFile = next;
    if (changed.length > 0) this.publisher.republish(changed);
  }

  /** A data folder that cannot be read is a warning in the server's log, not a failure of the editor. */
  private async safely<T>(make: () => Promise<T>, dataFolder: string): Promise<T | undefined> {
    try {
      return await make();
    } catch (e) {
      this.ctx.connection.console.warn(
        `tarazy: no audit from ${dataFolder}: ${e instanceof Error ? e.message : String(e)}`,
      );
      return undefined;
    }
  }
}
