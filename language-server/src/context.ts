import type { Lang, Workspace } from "@tarazy/engine";
import type { Connection, ServerCapabilities, TextDocuments } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";

/** The `tarazy` settings (workspace/configuration section `tarazy`, or initializationOptions, same keys). */
export interface Settings {
  /** A data folder for live previews (code lenses, inlay hints). */
  readonly dataFolder?: string;
  /** The unit whose values code lenses show. */
  readonly unit?: string;
  /** Overrides the client's locale for labels and documentation. */
  readonly language?: Lang;
  /** Globs of rule files (informational: every ruleset under the workspace folders is loaded). */
  readonly ruleFiles?: readonly string[];
  /** false: parse every rule file at start, without the rule cache (initializationOptions only). */
  readonly cache?: boolean;
}

/**
 * What every feature file gets: the connection to register its handlers on, the engine's workspace (open
 * buffers, every ruleset loaded and checked), the open TextDocuments, the locale and the settings. Features
 * read `locale` and `settings` when a request comes, never at registration: they are known only after
 * `initialize` and change on workspace/didChangeConfiguration.
 */
export interface ServerContext {
  readonly connection: Connection;
  readonly workspace: Workspace;
  readonly documents: TextDocuments<TextDocument>;
  /** The language of labels and documentation: settings.language, else the client's locale, else en. */
  locale: Lang;
  settings: Settings;
  /** Whether the client takes snippets in completion items (initialize's snippetSupport); plain text otherwise. */
  snippets: boolean;
  /** What the server can do: each register function adds its own capability here before `initialize` answers. */
  readonly capabilities: ServerCapabilities;
  /** Functions called after the settings changed (features that cache by settings re-read them). */
  readonly onSettingsChanged: (() => void)[];
  /** Asks for diagnostics to be re-published soon (debounced), after anything changed the workspace. */
  scheduleDiagnostics(): void;
  /** Brings the workspace up to date with every change so far; features call it before they answer. */
  ensureBuilt(): void;
  /**
   * Builds the workspace once if it never was (a request at start, while the first check waits for the
   * start's parsing): answers that read the last build (completion, hover) then have a model to read.
   */
  ensureStarted(): void;
}

/** The language of a locale such as "ru-RU" or "kk"; en for anything else. */
export function langOf(locale: string | undefined): Lang {
  const base = (locale ?? "").toLowerCase().split(/[-_]/)[0];
  return base === "kk" || base === "ru" ? base : "en";
}
