import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonPieces, writeJson } from "../../src/util/json-stream.js";

/** writeJson's pieces, joined, and how many there were. */
function written(value: unknown, chunk?: number): { text: string; pieces: number } {
  const pieces: string[] = [];
  writeJson(value, (t) => pieces.push(t), chunk);
  return { text: pieces.join(""), pieces: pieces.length };
}

describe("writeJson", () => {
  it("writes a rating-shaped value as JSON.stringify(value, null, 2) does, indentation at every depth", () => {
    const unit = (id: string) => ({
      unit: id,
      score: 71.25,
      previousRank: undefined,
      blocks: { b0: { score: 0.1, weight: 30 }, b1: { score: 0, weight: 0, reason: "left out" } },
      indicators: { i0: { value: null, score: 1, weight: 2, points: 2, status: "scored", policy: undefined } },
    });
    const result = { ruleset: { id: "r", version: "1", hash: "h" }, results: [unit("a"), unit("b")], notRated: [] };
    expect(written(result).text).toBe(JSON.stringify(result, null, 2));
    const batch = [result, { ...result, period: "2026-Q4" }];
    expect(written(batch).text).toBe(JSON.stringify(batch, null, 2));
    // The start of a unit at depth 2 is indented by four spaces, its records by six and more.
    expect(written(result).text).toContain('\n    {\n      "unit": "a",\n      "score": 71.25,\n      "blocks": {\n');
  });

  it("keeps JSON.stringify's rules: undefined, functions and symbols left out of objects, null in arrays, toJSON, empty containers", () => {
    const value = {
      a: undefined,
      f: () => 1,
      s: Symbol("x"),
      list: [undefined, () => 1, Symbol("y"), Number.NaN, -0, 1e21, "é\u2028\ud800", [], {}],
      date: new Date(Date.UTC(2026, 11, 3)),
      own: { toJSON: (key: string) => ({ key }) },
      boxed: [Object(5), Object("t"), new Map([[1, 2]])],
      nested: [[[[{ deep: [1, { x: [] }] }]]]],
    };
    expect(written(value).text).toBe(JSON.stringify(value, null, 2));
    expect(written([]).text).toBe("[]");
    expect(written({}).text).toBe("{}");
    expect(written(undefined).text).toBe("");
    expect(written("x").text).toBe('"x"');
  });

  it("writes in pieces of about the chunk size, not one string", () => {
    const value = { results: Array.from({ length: 200 }, (_, i) => ({ unit: `u${i}`, score: i / 7 })) };
    const { text, pieces } = written(value, 256);
    expect(text).toBe(JSON.stringify(value, null, 2));
    expect(pieces).toBeGreaterThan(20);
  });

  it("equals JSON.stringify(value, null, 2) for any JSON-like value and chunk size", () => {
    const withGaps = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constantFrom(null, undefined, true, false, Number.NaN, Number.POSITIVE_INFINITY, -0),
        fc.double(),
        fc.string({ unit: "binary" }),
        fc.array(tie("value"), { maxLength: 5 }),
        fc.dictionary(fc.string({ unit: "binary", maxLength: 4 }), tie("value"), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(withGaps, fc.integer({ min: 1, max: 64 }), (value, chunk) => {
        expect(written(value, chunk).text).toBe(JSON.stringify(value, null, 2) ?? "");
      }),
      { numRuns: 500 },
    );
  });

  it("jsonPieces gives the same pieces one at a time; a hole in an array is null, as JSON.stringify writes it", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the case
    const value = { results: [{ a: 1 }, , { b: [1, , 3] }], notRated: [] };
    const pieces = [...jsonPieces(value, 8)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join("")).toBe(JSON.stringify(value, null, 2));
    expect(written(value, 8).text).toBe(JSON.stringify(value, null, 2));
  });
});
