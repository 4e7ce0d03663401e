import type { CatalogWords } from "./types.js";

export const WORDS: CatalogWords = {};
