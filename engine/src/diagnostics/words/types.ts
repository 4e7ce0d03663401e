/** The words of one code's catalog entry that a reader sees; the example stays as written (it is YAML or a formula). */
export interface DocWords {
  readonly title: string;
  readonly description: string;
  readonly fix: string;
}

/**
 * The kk and ru text of the catalog entries of one code letter, keyed by code. English lives beside each code's
 * definition (`defineCodes`); these files carry only the translations, one file a letter so they can be written
 * and reviewed apart.
 */
export type CatalogWords = Readonly<Record<string, { readonly kk: DocWords; readonly ru: DocWords }>>;
