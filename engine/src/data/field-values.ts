import type { FieldValues } from "../model/ruleset.js";

/** The range a field's constraints leave: min and max combined with `share` (0..100) and `non_negative`. */
export function bounds(values: FieldValues): { min?: number; max?: number } {
  const mins = [values.min, values.share || values.nonNegative ? 0 : undefined].filter((x) => x !== undefined);
  const maxs = [values.max, values.share ? 100 : undefined].filter((x) => x !== undefined);
  return {
    ...(mins.length > 0 ? { min: Math.max(...mins) } : {}),
    ...(maxs.length > 0 ? { max: Math.min(...maxs) } : {}),
  };
}

/**
 * What is wrong with a reported value, in words ("is negative", "is not a whole number"), or undefined when
 * the field's constraints allow it. The first constraint broken is named, the one the author wrote.
 */
export function valueProblem(values: FieldValues, value: number): string | undefined {
  if (values.nonNegative && value < 0) return "is negative, and the field's values are 0 or more (`non_negative`)";
  if (values.share && (value < 0 || value > 100))
    return "is not a share: the field's values are from 0 to 100 (`share`)";
  if (values.min !== undefined && value < values.min) return `is below the field's minimum ${values.min} (\`min\`)`;
  if (values.max !== undefined && value > values.max) return `is above the field's maximum ${values.max} (\`max\`)`;
  if (values.integer && !Number.isInteger(value))
    return "is not a whole number, and the field's values are whole numbers (`integer`)";
  return undefined;
}
