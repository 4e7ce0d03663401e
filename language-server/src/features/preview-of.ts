import { isAbsolute, resolve } from "node:path";
import { previewUnit, type Ruleset, type UnitPreview } from "@tarazy/engine";
import type { ServerContext } from "../context.js";

/** The live preview for a file's ruleset (settings tarazy.dataFolder and tarazy.unit), when one is set up. */
export async function previewFor(
  ctx: ServerContext,
  path: string,
): Promise<{ model?: Ruleset; folder?: string; dataFolder?: string; preview?: UnitPreview }> {
  const version = ctx.workspace.versionOf(path);
  const model = version?.result.model;
  const dataFolder = dataFolderOf(ctx);
  // Only a ruleset without errors is rated, as `tarazy rate` would.
  const ruleset = version?.result.ruleset;
  if (!version || !ruleset || !dataFolder) return { ...(model ? { model } : {}) };
  try {
    const { preview } = await previewUnit(ruleset, dataFolder, ctx.settings.unit);
    return { ...(model ? { model } : {}), folder: version.folder, dataFolder, ...(preview ? { preview } : {}) };
  } catch (e) {
    ctx.connection.console.warn(`tarazy: no preview from ${dataFolder}: ${e instanceof Error ? e.message : String(e)}`);
    return { ...(model ? { model } : {}) };
  }
}

/** tarazy.dataFolder, relative to the first workspace folder when it is not absolute. */
export function dataFolderOf(ctx: ServerContext): string | undefined {
  const folder = ctx.settings.dataFolder;
  if (!folder) return undefined;
  if (isAbsolute(folder)) return folder;
  const base = ctx.workspace.workspaceFolders()[0] ?? process.cwd();
  return resolve(base, folder);
}
