import type { Lang } from "../model/ruleset.js";

/**
 * The words around a diagnostic printed on stderr (severity, suggestion, docs, the summary). English for the
 * engine's diagnostics, whose messages are English (docs/diagnostics.md); a command whose diagnostics are
 * in the reader's language (`tarazy audit --lang kk|ru`: its findings) prints them with these words in it.
 */
export interface DiagnosticWords {
  readonly error: string;
  readonly warning: string;
  readonly info: string;
  /** A note on one line, when nothing is wrong. */
  readonly note: string;
  readonly suggestion: string;
  readonly docs: string;
  /** "the same {severity} at {n} more places: {places}{more}". */
  readonly same: string;
  /** ", and {n} more". */
  readonly more: string;
  readonly summary: (errors: number, warnings: number) => string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const DIAGNOSTIC_WORDS: Readonly<Record<Lang, DiagnosticWords>> = {
  en: {
    error: "error",
    warning: "warning",
    info: "info",
    note: "note",
    suggestion: "suggestion",
    docs: "docs",
    same: "the same {severity} at {n} more places: {places}{more}",
    more: ", and {n} more",
    summary: (e, w) => `${plural(e, "error")}, ${plural(w, "warning")}`,
  },
  kk: {
    error: "қате",
    warning: "ескерту",
    info: "ескертпе",
    note: "ескертпе",
    suggestion: "ұсыныс",
    docs: "құжат",
    same: "дәл осы {severity} тағы {n} жерде: {places}{more}",
    more: " және тағы {n}",
    summary: (e, w) => `қате: ${e}, ескерту: ${w}`,
  },
  ru: {
    error: "ошибка",
    warning: "предупреждение",
    info: "замечание",
    note: "замечание",
    suggestion: "совет",
    docs: "документация",
    same: "то же ({severity}) ещё в {n} местах: {places}{more}",
    more: " и ещё {n}",
    summary: (e, w) => `ошибок: ${e}, предупреждений: ${w}`,
  },
};
