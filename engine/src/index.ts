/**
 * The Tarazy engine as a library. The CLI and the language server use exactly this API.
 * See docs/engine-api.md.
 */

export * from "./diagnostics/catalog.js";
export * from "./diagnostics/diagnostic.js";
export { DataCode } from "./data/codes.js";
export * from "./data/load-data.js";
export {
  NO_DATA_SPELLINGS,
  NOT_APPLICABLE_SPELLINGS,
  type NumberOptions,
  type NumberProblem,
  type ParsedCell,
  parseCellValue,
  parseNumber,
} from "./data/parse-number.js";
export * from "./formula/ast.js";
export * from "./formula/context.js";
export * from "./formula/environment.js";
export * from "./formula/parser.js";
export * from "./formula/printer.js";
export { SyntaxCode } from "./formula/syntax-codes.js";
export * from "./formula/value.js";
export * from "./model/ruleset.js";
export * from "./source/range.js";
export { ENGINE_VERSION } from "./version.js";
