import type { Lang } from "../../model/ruleset.js";
import type { DiagnosticDoc } from "../catalog.js";
import { WORDS as A } from "./A.js";
import { WORDS as D } from "./D.js";
import { WORDS as F } from "./F.js";
import { WORDS as O } from "./O.js";
import { WORDS as R } from "./R.js";
import { WORDS as S } from "./S.js";
import type { CatalogWords, DocWords } from "./types.js";
import { WORDS as U } from "./U.js";

/** Every letter's translations in one table. */
export const CATALOG_WORDS: CatalogWords = { ...A, ...D, ...F, ...O, ...R, ...S, ...U };

/** A code's title, description and fix in the reader's language; English (the catalog's own text) when untranslated. */
export function docWords(doc: DiagnosticDoc, lang: Lang): DocWords {
  if (lang === "en") return doc;
  return CATALOG_WORDS[doc.code]?.[lang] ?? doc;
}
