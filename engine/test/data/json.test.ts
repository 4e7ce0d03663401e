import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type JsonNode, parseJson } from "../../src/data/readers/json-parse.js";
import { diag, obs, readFixtures } from "./model.js";

describe("JSON data files", () => {
  it("reads long records; strings are read like CSV cells, null is empty, extra keys are reported", async () => {
    const r = await readFixtures(["long.json"]);
    expect(r.observations.map(obs)).toEqual([
      "turkistan own_revenue 2026-03 = 1200 @ long.json:2:80",
      "arys own_revenue 2026-03 = 1234.5 @ long.json:3:75",
      "sairam population 2026 = 350000 @ long.json:4:71", // "period": 2026, a number, is the year
      "keles unemployment 2026-03 = n/a @ long.json:5:77",
      "kentau new_jobs 2026-03 = 3 @ long.json:8:74",
    ]);
    expect(r.diagnostics.map(diag)).toEqual([
      "D130 error long.json:7:78: true is not a number | write 1 for yes and 0 for no",
      'D116 warning long.json:8:77: the key "source" is not read in a long record | a long record has only "unit", "period", "field" and "value" (and "comment")',
    ]);
    expect(r.files[0]?.rows).toBe(7);
  });

  it('reads wide records under "data"; keys are matched like headers; an unknown key is reported once', async () => {
    const r = await readFixtures(["wide.json"]);
    expect(r.observations.map(obs)).toEqual([
      "turkistan procurement_share 2026-Q1 = 87.5 @ wide.json:3:70",
      "sairam procurement_share 2026-Q1 = 92.5 @ wide.json:4:72",
      "arys population 2026 = 70000 @ wide.json:5:55",
    ]);
    expect(r.diagnostics.map(diag)).toEqual([
      'D122 error wide.json:3:93: unknown field "own_revenu" | did you mean `own_revenue` or `own_revenue_plan`? (fields are matched by id or name (kk, ru, en); declare the field in fields.yaml if it is new)',
      "D125 error wide.json:3:90: population is reported yearly, so it takes no value for the quarter 2026-Q1 | give the value for the year 2026",
    ]);
  });

  it("reports syntax errors, repeated keys and wrong shapes at their position", async () => {
    const r = await readFixtures(["bad-syntax.json", "dup-key.json", "shape.json", "items.json"]);
    expect(r.diagnostics.map(diag)).toEqual([
      "D150 error bad-syntax.json:2:47: a comma before } is not allowed in JSON | correct the JSON here: often a missing comma, quote or bracket, or a comma before ] or }",
      'D152 error dup-key.json:1:25: the key "unit" is given twice in this record, so the record is not read | delete one of the two keys',
      'D151 error shape.json:1:1: a JSON data file must be an array of records, or an object with a "data" array | write [{ "unit": "turkistan", "period": "2026-03", "field": "own_revenue", "value": 1200 }, ...]',
      'D151 error items.json:1:3: a record must be an object, not a number | write each record as { "unit": ..., "period": ..., "field": ..., "value": ... }',
    ]);
    expect(r.observations.map(obs)).toEqual(["arys own_revenue 2026-03 = 7 @ items.json:1:78"]);
  });
});

/** The plain value of a parsed node, to compare with JSON.parse. */
function plain(node: JsonNode): unknown {
  switch (node.type) {
    case "object":
      return Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)]));
    case "array":
      return node.items.map(plain);
    case "null":
      return null;
    default:
      return node.value;
  }
}

describe("parseJson", () => {
  it("keeps the offsets of keys and values", () => {
    const r = parseJson('{ "a": [1, "x\\n"] }');
    expect(r).toMatchObject({
      ok: true,
      node: {
        type: "object",
        start: 0,
        end: 19,
        entries: [
          {
            key: "a",
            keyStart: 2,
            keyEnd: 5,
            value: {
              type: "array",
              start: 7,
              end: 17,
              items: [
                { type: "number", start: 8, end: 9, value: 1 },
                { type: "string", start: 11, end: 16, value: "x\n" },
              ],
            },
          },
        ],
      },
    });
  });

  it.each([
    ["", 0, "expected a value but found end of file"],
    ["[1,]", 3, "a comma before ] is not allowed in JSON"],
    ["[1 2]", 3, "expected , or ] but found '2'"],
    ['{"a" 1}', 5, 'expected : after the key "a"'],
    ['"abc', 0, "this string is never closed"],
    ["[01]", 2, "expected , or ] but found '1'"],
    ['"\\x"', 1, "\\x is not a JSON escape"],
    ["{} x", 3, "unexpected character 'x' after the end of the JSON value"],
    ["NaN", 0, "expected a value but found character 'N'"],
  ])("%j fails at %d: %s", (text, offset, message) => {
    expect(parseJson(text)).toEqual({ ok: false, offset, message });
  });

  it("refuses nesting deeper than 64 levels without exhausting the stack", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(parseJson(deep)).toMatchObject({ ok: false, message: "the JSON is nested more than 64 levels deep" });
  });

  it("agrees with JSON.parse on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value, null, 1);
        const r = parseJson(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(plain(r.node)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });
});
