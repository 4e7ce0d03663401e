import type { Lang } from "./protocol.js";

/** The language of names: the tarazy.language setting, else VS Code's display language (kk, ru), else en. */
export function nameLanguage(setting: string | undefined, displayLanguage: string): Lang {
  if (setting === "kk" || setting === "ru" || setting === "en") return setting;
  const base = displayLanguage.toLowerCase().split(/[-_]/)[0];
  return base === "kk" || base === "ru" ? base : "en";
}

/** A localized name in `lang`, else Kazakh, else any. */
export function localized(name: Readonly<Record<string, string>> | undefined, lang: Lang): string {
  if (!name) return "";
  return name[lang] || name.kk || Object.values(name)[0] || "";
}
