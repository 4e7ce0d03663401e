import { defineCodes } from "../diagnostics/catalog.js";

/** Diagnostics of the formula checker: names, calls and types. */
export const CheckCodes = defineCodes({
  F200: {
    severity: "error",
    title: "Unknown name",
    description:
      "The formula uses a name that is not a field, an indicator or a unit attribute this formula can see. Names are case-sensitive.",
    example: "own_revenu / own_revenue_plan * 100",
    fix: "Correct the spelling (the message suggests close names), or declare the field in fields.yaml.",
  },
  F201: {
    severity: "error",
    title: "Unknown function",
    description: "The formula calls a function that does not exist. docs/functions.md lists every function.",
    example: "rount(x, 2)",
    fix: "Correct the function's name (the message suggests close names).",
  },
  F202: {
    severity: "error",
    title: "Wrong number of arguments",
    description: "A function was given more or fewer arguments than it takes. The message shows its signature.",
    example: "round(x, 2, 3)",
    fix: "Pass the arguments the signature asks for; arguments in [brackets] may be left out.",
  },
  F203: {
    severity: "error",
    title: "Argument of the wrong type",
    description:
      "An argument is not of the type the function needs, e.g. a true/false value where a number is expected.",
    example: "sqrt(x > 0)",
    fix: "Pass a value of the type the message names.",
  },
  F204: {
    severity: "error",
    title: "Condition is not true/false",
    description:
      "if, and, or and not need conditions: comparisons such as x > 0, true/false inputs, or other conditions. A number is not a condition.",
    example: "if(x, 1, 0)",
    fix: "Compare the value, e.g. write x > 0 instead of x.",
  },
  F205: {
    severity: "error",
    title: "Arithmetic on a value that is not a number",
    description: "+ - * / ^ and the unary minus work on numbers only.",
    example: 'x + "5"',
    fix: "Use a number, or a field that holds numbers.",
  },
  F206: {
    severity: "error",
    title: "Comparison of different types",
    description: "= and <> compare values of the same type: a number with a number, a text with a text.",
    example: 'x = "5"',
    fix: "Compare values of the same type, e.g. x = 5.",
  },
  F207: {
    severity: "error",
    title: "Ordering a value that is not a number",
    description: "< <= > >= compare numbers only; texts and true/false values can only be compared with = and <>.",
    example: 'unit.kind < "district"',
    fix: "Use = or <> for texts and true/false values.",
  },
  F208: {
    severity: "error",
    title: "Formula gives the wrong type",
    description:
      "The place the formula is written needs a value of a certain type, e.g. an applicability condition must be true/false and a yes/no indicator must be a condition.",
    example: "applies: { when: unit.farmland_ha }",
    fix: "Change the formula so it gives the type the message names, e.g. unit.farmland_ha > 0.",
  },
  F209: {
    severity: "error",
    title: "ytd needs a field",
    description:
      "ytd adds up a data field's reported values since January, so its argument must be the bare name of a field, not an indicator or an expression.",
    example: "ytd(own_revenue / 2)",
    fix: "Write ytd(field) and do arithmetic outside: ytd(own_revenue) / 2.",
  },
  F210: {
    severity: "error",
    title: "Values of different types",
    description:
      "The branches of if and the values of coalesce (and prev, prev_year) give one result, so they must all have the same type.",
    example: 'if(x > 0, 1, "none")',
    fix: "Give every branch the same type; use missing where there is no value.",
  },
  F211: {
    severity: "error",
    title: "Argument must be one of fixed words",
    description: 'Some arguments take one of a few words written in quotes, e.g. rank(x, "asc").',
    example: 'rank(x, "up")',
    fix: "Write one of the words the message lists, in double quotes.",
  },
  F220: {
    severity: "warning",
    title: "Comparison with missing is always missing",
    description:
      "A comparison with a missing operand is missing, so x = missing is never true. Use is_missing(x) to test for a missing value.",
    example: "if(x = missing, 0, x)",
    fix: "Write is_missing(x), or coalesce(x, 0) for a default.",
  },
  F221: {
    severity: "warning",
    title: "Division by the constant zero",
    description: "Dividing by 0 always gives missing (reason: division by zero).",
    example: "x / 0",
    fix: "Divide by the intended value, or write missing if no value is meant.",
  },
});
