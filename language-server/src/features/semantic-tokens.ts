import { type FormulaTokenKind, formulaTokens } from "@tarazy/engine";
import { type Range, SemanticTokensBuilder } from "vscode-languageserver/node";
import { answer, documentAt } from "../answer.js";
import type { ServerContext } from "../context.js";

/**
 * The token types the server reports, standard ones so that every theme colours them: a field is a variable,
 * an indicator an enum member, a unit attribute (unit.kato) a property, the score formula's `value` a parameter.
 */
export const TOKEN_TYPES = [
  "function",
  "variable",
  "enumMember",
  "property",
  "parameter",
  "number",
  "string",
  "operator",
  "keyword",
] as const;

const TYPE_OF: Record<FormulaTokenKind, (typeof TOKEN_TYPES)[number]> = {
  function: "function",
  field: "variable",
  indicator: "enumMember",
  attribute: "property",
  value: "parameter",
  number: "number",
  string: "string",
  operator: "operator",
  keyword: "keyword",
};

/**
 * Semantic tokens for the formulas inside the YAML (the rest of the file is left to the YAML grammar): the
 * whole file, a range of lines (what the editor shows), or the edits since the file's last result (delta).
 */
export function registerSemanticTokens(ctx: ServerContext): void {
  ctx.capabilities.semanticTokensProvider = {
    legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] },
    full: { delta: true },
    range: true,
  };
  // The builder of each file's last full or delta result, from which the next delta is computed.
  const builders = new Map<string, SemanticTokensBuilder>();
  const fresh = (uri: string) => {
    const builder = new SemanticTokensBuilder();
    builders.set(uri, builder);
    return builder;
  };
  ctx.documents.onDidClose((e) => builders.delete(e.document.uri));
  const tokens = ctx.connection.languages.semanticTokens;
  tokens.on((params, token) =>
    answer(ctx, token, () => {
      const builder = fresh(params.textDocument.uri);
      push(ctx, builder, params.textDocument.uri);
      return builder.build();
    }),
  );
  tokens.onDelta((params, token) =>
    answer(ctx, token, () => {
      const builder = builders.get(params.textDocument.uri) ?? fresh(params.textDocument.uri);
      // Starts the builder afresh, keeping the previous result's data only when it is the one asked about.
      builder.previousResult(params.previousResultId);
      push(ctx, builder, params.textDocument.uri);
      return builder.buildEdits();
    }),
  );
  tokens.onRange((params, token) =>
    answer(ctx, token, () => {
      const builder = new SemanticTokensBuilder();
      push(ctx, builder, params.textDocument.uri, params.range);
      return builder.build();
    }),
  );
}

/** Pushes a file's formula tokens (those on the lines of `range`, when given) in text order. */
function push(ctx: ServerContext, builder: SemanticTokensBuilder, uri: string, range?: Range): void {
  const at = documentAt(ctx, uri);
  const formulas = at && ctx.workspace.versionOf(at.path)?.result.formulas;
  if (!at || !formulas) return;
  for (const t of formulaTokens(formulas, at.path)) {
    const { start, end } = t.range;
    if (start.line !== end.line || end.column <= start.column) continue;
    // Engine lines count from 1, LSP lines from 0; a token is on one line.
    if (range && (start.line - 1 < range.start.line || start.line - 1 > range.end.line)) continue;
    builder.push(start.line - 1, start.column - 1, end.column - start.column, TOKEN_TYPES.indexOf(TYPE_OF[t.kind]), 0);
  }
}
