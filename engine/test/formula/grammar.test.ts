import { describe, expect, test } from "vitest";
import { makeLexer } from "../../src/formula/lexer.js";
import { checkGrammar } from "../../src/formula/parser.js";

// A start skips chevrotain's checks of the grammar (they cost a tenth of a second at every start);
// here they run, so a token or rule change that breaks the grammar fails the suite.
describe("the formula grammar passes chevrotain's checks", () => {
  test("the token definitions (lexer)", () => {
    expect(makeLexer(true).lexerDefinitionErrors).toEqual([]);
  });

  test("the parser rules (no ambiguity, no left recursion)", () => {
    expect(() => checkGrammar()).not.toThrow();
  });
});
