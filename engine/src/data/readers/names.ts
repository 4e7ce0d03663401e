import { closestNames } from "../../util/did-you-mean.js";

/** Names compare case-insensitively, with any run of spaces (also no-break ones) as one space. */
export function normalizeName(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s\u00a0\u2007\u2009\u202f]+/g, " ")
    .trim()
    .toLowerCase();
}

export type NameMatch<T> =
  | { readonly kind: "found"; readonly item: T }
  | { readonly kind: "ambiguous"; readonly items: readonly T[] }
  | { readonly kind: "unknown"; readonly suggestion?: string };

/**
 * Finds units or fields by id first, then by any other name (aliases, names in kk/ru/en). An id always
 * wins; a name shared by two items is ambiguous rather than silently given to one of them.
 */
export class NameIndex<T extends { readonly id: string }> {
  private readonly byId = new Map<string, T>();
  private readonly byName = new Map<string, T[]>();
  /** Every spelling (id or other name) and the item it names first, for suggestions. */
  private readonly spellings = new Map<string, T>();

  constructor(items: readonly T[], otherNames: (item: T) => readonly (string | undefined)[]) {
    for (const item of items) {
      this.byId.set(normalizeName(item.id), item);
      this.spellings.set(item.id, item);
    }
    for (const item of items) {
      for (const name of otherNames(item)) {
        if (!name || name.trim() === "") continue;
        const key = normalizeName(name);
        const list = this.byName.get(key) ?? [];
        if (!list.includes(item)) list.push(item);
        this.byName.set(key, list);
        if (!this.spellings.has(name)) this.spellings.set(name, item);
      }
    }
  }

  /** Results by the text as written: a file repeats the same few names on every row. */
  private readonly cache = new Map<string, NameMatch<T>>();

  lookup(text: string): NameMatch<T> {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const match = this.find(text);
    if (this.cache.size < 10_000) this.cache.set(text, match);
    return match;
  }

  private find(text: string): NameMatch<T> {
    const key = normalizeName(text);
    const byId = this.byId.get(key);
    if (byId) return { kind: "found", item: byId };
    const named = this.byName.get(key);
    if (named?.length === 1 && named[0]) return { kind: "found", item: named[0] };
    if (named && named.length > 1) return { kind: "ambiguous", items: named };
    return unknown(() => this.suggestion(text.trim()));
  }

  /** "did you mean `a`, `b` or `c`?", or undefined when nothing is close. */
  private suggestion(text: string): string | undefined {
    const quoted = this.suggestions(text);
    if (quoted.length === 0) return undefined;
    const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
    return `did you mean ${list}?`;
  }

  /** The closest spellings, one per item: `id`, or `name` (id) when a name is closer. */
  private suggestions(text: string): string[] {
    const shown = new Set<T>();
    const out: string[] = [];
    for (const spelling of closestNames(text, this.spellings.keys(), 6)) {
      const item = this.spellings.get(spelling);
      if (!item || shown.has(item)) continue;
      shown.add(item);
      out.push(spelling === item.id ? `\`${item.id}\`` : `\`${spelling}\` (${item.id})`);
    }
    return out.slice(0, 3);
  }
}

/**
 * An unknown name whose suggestion is worked out when first read. It compares the name with every spelling
 * (ids and names in three languages), and most unknown names in data files are fields of another version of
 * the family, set aside without a suggestion: computing it for them was a fifth of the README job's reading.
 */
function unknown(suggest: () => string | undefined): NameMatch<never> {
  let done = false;
  let suggestion: string | undefined;
  return {
    kind: "unknown",
    get suggestion() {
      if (!done) {
        suggestion = suggest();
        done = true;
      }
      return suggestion;
    },
  };
}
