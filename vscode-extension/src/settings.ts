import * as vscode from "vscode";
import { nameLanguage } from "./language.js";
import type { Lang } from "./protocol.js";
import type { YamlDiagnosticsMode } from "./yaml-division.js";

export interface TarazySettings {
  readonly dataFolder?: string;
  readonly unit?: string;
  readonly language: Lang;
  readonly ruleFiles: readonly string[];
  readonly yamlDiagnostics: YamlDiagnosticsMode;
}

/** The tarazy.* settings, with the language of names resolved (the setting, else VS Code's display language). */
export function readSettings(): TarazySettings {
  const c = vscode.workspace.getConfiguration("tarazy");
  const text = (key: string) => {
    const v = c.get<string>(key);
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
  };
  const dataFolder = text("dataFolder");
  const unit = text("unit");
  const globs = c.get<string[]>("ruleFiles");
  const mode = c.get<string>("yamlDiagnostics");
  return {
    ...(dataFolder ? { dataFolder } : {}),
    ...(unit ? { unit } : {}),
    language: nameLanguage(text("language"), vscode.env.language),
    ruleFiles: Array.isArray(globs) && globs.length > 0 ? globs : ["**/*.yaml", "**/*.yml"],
    yamlDiagnostics: mode === "tarazy" || mode === "yaml" ? mode : "auto",
  };
}

/** What the server is told (initializationOptions and workspace/configuration): its keys, no empty values. */
export function serverSettings(s: TarazySettings): Record<string, unknown> {
  return {
    ...(s.dataFolder ? { dataFolder: s.dataFolder } : {}),
    ...(s.unit ? { unit: s.unit } : {}),
    language: s.language,
    ruleFiles: s.ruleFiles,
  };
}
