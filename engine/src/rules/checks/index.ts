import { appliesToSomeUnit } from "./applies.js";
import { blockWeights } from "./block-weights.js";
import type { RuleCheck } from "./check.js";
import { duplicateIds } from "./duplicate-ids.js";
import { effectivePeriod } from "./effective-period.js";
import { fieldValues } from "./field-values.js";
import { formulaTypes } from "./formula-types.js";
import { grades } from "./grades.js";
import { indicatorCycles } from "./indicator-cycles.js";
import { frequencies } from "./indicator-frequency.js";
import { languages } from "./languages.js";
import { levelFormulas } from "./level-formulas.js";
import { levels } from "./levels.js";
import { nestingLint } from "./nesting-lint.js";
import { positiveWeights } from "./positive-weights.js";
import { reservedNames } from "./reserved-names.js";
import { scoreParameters } from "./score-parameters.js";
import { unitAttributes } from "./unit-attributes.js";
import { unknownBlocks } from "./unknown-block.js";
import { unknownKinds } from "./unknown-kind.js";
import { unknownUnits } from "./unknown-unit.js";
import { unusedFields } from "./unused-fields.js";

/** Every semantic check, in the order they run (their diagnostics are sorted by place afterwards). */
export const ruleChecks: readonly RuleCheck[] = [
  duplicateIds,
  reservedNames,
  unknownKinds,
  unknownUnits,
  unknownBlocks,
  indicatorCycles,
  blockWeights,
  levels,
  levelFormulas,
  nestingLint,
  positiveWeights,
  formulaTypes,
  unusedFields,
  frequencies,
  grades,
  scoreParameters,
  appliesToSomeUnit,
  unitAttributes,
  effectivePeriod,
  languages,
  fieldValues,
];

export type { CheckContext, RuleCheck } from "./check.js";
