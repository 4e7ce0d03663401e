/**
 * What an editor asks about a rule file, answered by the engine so that every face (the language server,
 * the CLI) gives the same answers: the element at a position, completion, hover, signature help, code
 * actions and formatting. See docs/engine-api.md.
 */
export {
  documentKind,
  type FormulaAtPosition,
  formulaPlace,
  type PositionContext,
  positionContext,
} from "./at-position.js";
export { type AuditView, auditFigures, auditView } from "./audit-view.js";
export {
  applyEdits,
  type CodeActionInput,
  type CodeActionProposal,
  codeActionsAt,
  LONG_FORMULA,
  type OffsetEdit,
  suggestedNames,
} from "./code-actions.js";
export {
  type CandidateKind,
  type CompletionCandidate,
  type CompletionInput,
  completionsAt,
  periodLiterals,
} from "./completion.js";
export {
  describeBinding,
  describeBlock,
  describeDiagnosticCode,
  describeField,
  describeFunction,
  describeIndicator,
  describeUnit,
} from "./describe.js";
export { formatDocument } from "./formatting.js";
export {
  type ActiveCall,
  type FormulaCursor,
  formulaCursor,
  type LexedToken,
  lexFormula,
} from "./formula-cursor.js";
export { type HoverContent, type HoverInput, hoverAt } from "./hover.js";
export { type EditorLabel, editorLabel } from "./labels.js";
export { type LineFigure, lineFigures } from "./lenses.js";
export { type PreviewAnswer, previewUnit, type UnitPreview } from "./preview.js";
export { type SignatureInfo, signatureAt } from "./signature.js";
export { declarationKindAt, type ReferenceKind, referenceKindAt } from "./value-kinds.js";
export { type YamlContext, yamlContextAt } from "./yaml-context.js";
