import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { discoverRulesets } from "../../src/rules/discover.js";
import { fileKind } from "../../src/rules/file-kind.js";
import { yamlFilesUnder } from "../../src/rules/read.js";
import {
  AJV_OPTIONS,
  addAnnotationKeywords,
  FILE_KINDS,
  fileKindSchema,
  ruleSchema,
  type SchemaNode,
  schemaAtPath,
  validateFile,
} from "../../src/rules/schema.js";
import { parseRuleDocument } from "../../src/rules/yaml-document.js";

/** Every (path, schema) of the schema tree. */
function* walk(node: unknown, path: string): Generator<[string, SchemaNode]> {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) yield* walk(child, `${path}/${i}`);
    return;
  }
  yield [path, node as SchemaNode];
  for (const [key, child] of Object.entries(node)) yield* walk(child, `${path}/${key}`);
}

describe("the rule files' JSON Schema", () => {
  const schema = ruleSchema();

  test("is a valid draft-07 schema that ajv compiles in strict mode (the loader skips this check at start)", () => {
    const ajv = new Ajv({ ...AJV_OPTIONS, validateSchema: true, code: { optimize: true } });
    addAnnotationKeywords(ajv);
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    ajv.addSchema(schema);
    for (const kind of FILE_KINDS)
      expect(
        ajv.getSchema(`${schema.$id}#/definitions/${kind === "block" ? "blockFile" : `${kind}File`}`),
      ).toBeDefined();
  });

  test("every key has a description (for hover in the editor and the docs)", () => {
    const missing: string[] = [];
    for (const [path, node] of walk(schema, "#")) {
      if (!node.properties || path.endsWith("/properties")) continue;
      for (const [key, child] of Object.entries(node.properties as Record<string, SchemaNode>))
        if (typeof child.description !== "string" || child.description.length < 3)
          missing.push(`${path}/properties/${key}`);
    }
    expect(missing).toEqual([]);
  });

  test("every enum has one description per value", () => {
    for (const [path, node] of walk(schema, "#"))
      if (node.enumDescriptions) expect(node.enumDescriptions, path).toHaveLength(node.enum.length);
  });

  test("anyOf branches hold no $ref, so the loader can tell which branch an error belongs to", () => {
    for (const [path, node] of walk(schema, "#")) {
      if (!node.anyOf) continue;
      expect(JSON.stringify(node.anyOf), path).not.toContain('"$ref"');
    }
  });

  test("each kind of file is told by its required top-level key", () => {
    for (const kind of FILE_KINDS) expect(fileKindSchema(kind).required).toContain(kind);
  });

  test("the editor-facing root accepts each kind of file (oneOf of the five definitions)", () => {
    expect((schema.oneOf as SchemaNode[]).map((b) => b.$ref)).toEqual([
      "#/definitions/rulesetFile",
      "#/definitions/unitsFile",
      "#/definitions/fieldsFile",
      "#/definitions/blockFile",
      "#/definitions/testFile",
    ]);
  });

  test("the build's validators are current: generated from the schema as it is now (else run npm run build)", async () => {
    const script = "../../scripts/rule-validators.mjs";
    const { ruleValidatorsSource, OUTPUT_FILE } = await import(script);
    expect(readFileSync(OUTPUT_FILE, "utf8") === ruleValidatorsSource()).toBe(true);
  });

  test("the build's validators report what ajv compiling the schema at run time reports", () => {
    const ajv = new Ajv(AJV_OPTIONS);
    addAnnotationKeywords(ajv);
    ajv.addSchema(schema);
    const files = yamlFilesUnder("engine/test/rules/corpus");
    let failing = 0;
    for (const file of files) {
      const { document } = parseRuleDocument(file, readFileSync(file, "utf8"));
      const { kind } = fileKind(document);
      if (!kind) continue;
      const runtime = ajv.getSchema(`${schema.$id}#/definitions/${kind === "block" ? "blockFile" : `${kind}File`}`);
      const expected = runtime?.(document.data) ? [] : (runtime?.errors ?? []);
      const actual = validateFile(kind, document.data);
      expect(actual, file).toEqual(expected);
      if (actual.length > 0) failing++;
    }
    expect(failing).toBeGreaterThan(10);
    // minLength counts characters with ajv's runtime helper (ucs2length), which the generated code imports.
    const empty = { ruleset: "x", version: "1", title: { kk: "", ru: "", en: "" } };
    const runtime = ajv.getSchema(`${schema.$id}#/definitions/rulesetFile`);
    expect(runtime?.(empty)).toBe(false);
    expect(validateFile("ruleset", empty)).toEqual(runtime?.errors);
    expect(validateFile("ruleset", empty).filter((e) => e.keyword === "minLength")).toHaveLength(3);
  });

  test("every file of the project's rulesets conforms to the schema", () => {
    const files = discoverRulesets("rules").flatMap((t) => yamlFilesUnder(t.path, new Set(["sample-data"])));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const { document } = parseRuleDocument(file, readFileSync(file, "utf8"));
      const { kind } = fileKind(document);
      expect(kind, file).toBeDefined();
      if (kind) expect(validateFile(kind, document.data), file).toEqual([]);
    }
  });
});

describe("schemaAtPath, for hover and completion", () => {
  test("a key's description and a value's enum", () => {
    const [frequency] = schemaAtPath("block", "/indicators/0/frequency");
    expect(frequency?.enum).toEqual(["month", "quarter", "year"]);
    expect(frequency?.description).toContain("The most frequent period it can be rated in");
    expect(schemaAtPath("ruleset", "/policies/rank/ties")[0]?.enum).toEqual(["competition", "dense", "shared"]);
    expect(schemaAtPath("units", "/units/3/attributes/population")[0]?.type).toEqual(["number", "string", "boolean"]);
  });

  test("a score's keys: every method's without data, the chosen method's with it", () => {
    const keys = (nodes: SchemaNode[]) => [...new Set(nodes.flatMap((n) => Object.keys(n.properties ?? {})))].sort();
    expect(keys(schemaAtPath("block", "/indicators/0/score"))).toEqual(
      ["bands", "cap", "clip", "formula", "max", "method", "min", "plan", "transform"].sort(),
    );
    const data = { indicators: [{ score: { method: "goalposts" } }] };
    expect(keys(schemaAtPath("block", "/indicators/0/score", data))).toEqual(["max", "method", "min", "transform"]);
  });

  test("a path the schema does not know: nothing", () => {
    expect(schemaAtPath("block", "/indicators/0/weigth")).toEqual([]);
  });
});
