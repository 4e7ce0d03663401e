import { normalizeName } from "./names.js";

/**
 * The column names Tarazy knows, in English, Russian and Kazakh. Compared case-insensitively, with spaces,
 * underscores and hyphens alike ("Unit ID" = "unit_id"). Listed in docs/data-format.md.
 */
export type ColumnRole = "unit" | "period" | "field" | "value" | "comment";

export const COLUMN_NAMES: Readonly<Record<ColumnRole, readonly string[]>> = {
  unit: ["unit", "unit_id", "район", "акимат", "аудан", "әкімдік"],
  period: ["period", "период", "кезең"],
  field: ["field", "field_id", "поле", "показатель", "өріс", "көрсеткіш"],
  value: ["value", "значение", "мән"],
  comment: [
    "comment",
    "comments",
    "note",
    "notes",
    "№",
    "№_п/п",
    "#",
    "комментарий",
    "примечание",
    "ескерту",
    "түсініктеме",
  ],
};

export function normalizeHeader(text: string): string {
  return normalizeName(text).replace(/[\s_-]+/g, "_");
}

const ROLE_BY_NAME = new Map<string, ColumnRole>(
  Object.entries(COLUMN_NAMES).flatMap(([role, names]) => names.map((n) => [normalizeHeader(n), role as ColumnRole])),
);

export function columnRole(header: string): ColumnRole | undefined {
  return ROLE_BY_NAME.get(normalizeHeader(header));
}
