import type { FieldValues, Lang } from "../model/ruleset.js";
import { label } from "../report/labels.js";

/** The constraints in words of one language, for the methodology document: "a whole number, not negative". */
export function describeValues(values: FieldValues, lang: Lang, number: (n: number) => string): string {
  const parts: string[] = [];
  if (values.integer) parts.push(label("valuesInteger", lang));
  if (values.share) parts.push(label("valuesShare", lang));
  if (values.nonNegative) parts.push(label("valuesNonNegative", lang));
  if (values.min !== undefined) parts.push(label("valuesMin", lang, { n: number(values.min) }));
  if (values.max !== undefined) parts.push(label("valuesMax", lang, { n: number(values.max) }));
  return parts.join(", ");
}
