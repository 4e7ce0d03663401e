import { type FormulaTokenKind, formulaTokens } from "@tarazy/engine";
import { SemanticTokensBuilder } from "vscode-languageserver/node";
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

/** Semantic tokens for the formulas inside the YAML (the rest of the file is left to the YAML grammar). */
export function registerSemanticTokens(ctx: ServerContext): void {
  ctx.capabilities.semanticTokensProvider = {
    legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] },
    full: true,
  };
  ctx.connection.languages.semanticTokens.on((params, token) =>
    answer(ctx, token, () => {
      const builder = new SemanticTokensBuilder();
      const at = documentAt(ctx, params.textDocument.uri);
      const formulas = at && ctx.workspace.versionOf(at.path)?.result.formulas;
      if (!at || !formulas) return builder.build();
      for (const t of formulaTokens(formulas, at.path)) {
        const { start, end } = t.range;
        if (start.line !== end.line || end.column <= start.column) continue;
        builder.push(
          start.line - 1,
          start.column - 1,
          end.column - start.column,
          TOKEN_TYPES.indexOf(TYPE_OF[t.kind]),
          0,
        );
      }
      return builder.build();
    }),
  );
}
