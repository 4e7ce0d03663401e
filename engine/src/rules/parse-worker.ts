import { parentPort, workerData } from "node:worker_threads";
import type { SourceFile } from "./parse-many.js";
import { entryOf } from "./rule-cache.js";
import { parseRuleDocument } from "./yaml-document.js";

// A worker thread of parseMany: parses its share of the files and sends each back in the rule cache's entry
// form (plain data, one Int32Array of locations, JSON paths), which crosses threads as it is, the arrays moved
// rather than copied. The YAML trees stay here: the receiver rebuilds one only if something asks.
const entries = (workerData as SourceFile[]).map(({ file, text }) => entryOf("", parseRuleDocument(file, text)));
parentPort?.postMessage(
  entries,
  entries.map((e) => e.numbers.buffer as ArrayBuffer),
);
