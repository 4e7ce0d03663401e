/**
 * Makes objects with a fixed list of keys, such as a unit's `indicators` record ({ [indicator id]: result }).
 * Filling `{}` key by key turns an object of more than about a hundred keys into a hash table, and a rating
 * of thousands of units builds one per unit: that was a quarter of the rating's time and most of its garbage.
 * An object literal with every key written out gives all the units' records one shape, built in one step.
 * The literal is generated once per list of keys; the keys are written as JSON strings, so no text is ever
 * spliced into code unquoted. Keys keep their order (JSON output is the same as filling `{}` in that order).
 */
export type RecordMaker<T> = (values: readonly T[]) => Record<string, T>;

export function recordMaker<T>(keys: readonly string[]): RecordMaker<T> {
  const properties = keys.map((key, i) => `${JSON.stringify(key)}: v[${i}]`);
  return new Function("v", `"use strict";\nreturn {\n${properties.join(",\n")}\n};`) as RecordMaker<T>;
}
