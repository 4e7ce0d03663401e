import { defineCodes } from "../diagnostics/catalog.js";

/**
 * Codes of reading rule files (R0xx: files, encoding, YAML) and of their structure (R1xx: the JSON Schema
 * in engine/schema/tarazy-rules.schema.json). Semantic checks define their own codes (R2xx, R3xx) in
 * checks/, versions theirs (R4xx) in versions.ts.
 */
export const RuleReadCode = defineCodes({
  R001: {
    severity: "error",
    title: "File cannot be read",
    description: "A rule file or folder named on the command line or in `include` does not exist or cannot be read.",
    example: "include: [unit.yaml]   # the file is called units.yaml",
    fix: "Correct the path (it is relative to the file that names it), or create the file.",
    rootCause: true,
  },
  R002: {
    severity: "error",
    title: "File is not UTF-8",
    description:
      "Rule files are UTF-8 text. The file has a byte that is not valid UTF-8, usually because it was saved in a legacy encoding (Windows-1251, KZ-1048) or as UTF-16.",
    example: "a units.yaml saved from Notepad as ANSI",
    fix: "Save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8).",
    rootCause: true,
  },
  R003: {
    severity: "error",
    title: "File too large",
    description:
      "A rule file is larger than 1 MB. Rule files are small; a file this large is usually data saved in the wrong place.",
    example: "a 5 MB CSV renamed to fields.yaml",
    fix: "Keep measurement data in data files (CSV, XLSX), not in the ruleset; split a very large block into several files.",
    rootCause: true,
  },
  R004: {
    severity: "error",
    title: "No ruleset here",
    description: "The folder has no ruleset.yaml and no version folders holding one, so there is nothing to load.",
    example: "tarazy validate rules/turkistan/districts/blocks",
    fix: "Give a version folder (it holds ruleset.yaml) or a family folder (it holds version folders).",
  },
  R005: {
    severity: "warning",
    title: "Rule file not included",
    description:
      "A .yaml file in the version folder is not read because ruleset.yaml's `include` does not list it or its folder. Its indicators do not count.",
    example: "include: [units.yaml, fields.yaml, blocks/] with a file extra/09-social.yaml",
    fix: "Add the file or its folder to `include`, or move the file out of the version folder.",
  },
  R006: {
    severity: "warning",
    title: "File included twice",
    description: "`include` reaches the same file twice; it is read once.",
    example: "include: [blocks/, blocks/01-industry.yaml]",
    fix: "Remove the repeated entry.",
  },
  R007: {
    severity: "error",
    title: "Project file not understood",
    description:
      "The project file (tarazy.yaml at the root of a repository) lists the folders of its rulesets under `rulesets`, so that `tarazy validate` with no path checks those. This one has another shape or an unknown key.",
    example: "ruleset: [rules/turkistan/districts]   # the key is `rulesets`",
    fix: "Write `rulesets:` and a list of folders relative to tarazy.yaml.",
  },
  R010: {
    severity: "error",
    title: "YAML syntax error",
    description: "The file is not valid YAML, so nothing after the error can be read reliably.",
    example: 'name: { kk: "Аудан   # the quote is never closed',
    fix: "Correct the syntax at the position shown; the message says what the YAML reader expected.",
  },
  R011: {
    severity: "error",
    title: "Key given twice",
    description: "A key appears twice in the same mapping; YAML does not allow it, and only the first is used.",
    example: "weight: 3\nweight: 4",
    fix: "Keep one of the two keys.",
  },
  R012: {
    severity: "error",
    title: "Too many aliases",
    description:
      "The file uses YAML aliases (*name) so many times that expanding them would take too long or too much memory (a so-called billion laughs file). Rule files never need this.",
    example: "a: &a [x, x]\nb: &b [*a, *a]\n... (nested many levels)",
    fix: "Write the values out, or use fewer aliases.",
    rootCause: true,
  },
  R013: {
    severity: "error",
    title: "Several documents in one file",
    description: "A rule file holds one YAML document; a `---` line started a second one, which is not read.",
    example: "units: [...]\n---\nfields: [...]",
    fix: "Put each document in its own file, and list it in `include`.",
  },
  R014: {
    severity: "warning",
    title: "YAML warning",
    description: "The YAML reader found something suspicious that it could still read, e.g. an unknown tag.",
    example: "weight: !int 3",
    fix: "Remove the tag or correct the construct shown.",
  },
  R015: {
    severity: "error",
    title: "Empty rule file",
    description: "The file is empty or holds only comments.",
    example: "an empty blocks/10-social.yaml",
    fix: "Write the file's content, or delete it.",
  },
  R017: {
    severity: "error",
    title: "Control character in the text",
    description:
      "A key or text holds an invisible control character (NUL U+0000, U+0001 to U+001F other than tab and line breaks, DEL or U+0080 to U+009F). It usually comes from text copied out of a PDF, a database export or a terminal; in an id it makes two ids that look the same differ, in a name it prints as garbage.",
    example: 'name: { kk: "Арыс\\u0000 қаласы" }',
    fix: "Delete the character at the position shown (retype the word if the editor does not show it).",
  },
  R018: {
    severity: "error",
    title: "Nested too deeply",
    description:
      "Lists and mappings are nested inside each other more levels than any rule file needs (the limit is in the message). Reading stops there rather than risk running out of memory.",
    example: "measure: [[[[[[[[ ... ]]]]]]]]   # thousands of levels",
    fix: "Remove the extra brackets or indentation levels; a rule file needs only a few levels.",
    rootCause: true,
  },
  R016: {
    severity: "info",
    title: "Formula positions approximate",
    description:
      "The formula is written as a quoted or folded YAML string whose escapes or line folding could not be traced back to the file, so positions of errors inside it are approximate.",
    example: 'formula: "a \\x2B b"',
    fix: "Write the formula as a block scalar: `formula: |` and the formula on the next lines, indented.",
  },
  R100: {
    severity: "error",
    title: "Unknown kind of rule file",
    description:
      "A rule file starts with one of the keys `ruleset`, `units`, `fields`, `block` or `test`, which says what it holds. This file has none of them.",
    example: "indicators: [...]   # a block file starts with block: <id>",
    fix: "Start the file with the key for what it holds, e.g. `block: revenue` for a block of indicators.",
  },
  R101: {
    severity: "error",
    title: "Unknown key",
    description: "The key is not part of the rule format at this place; it is probably misspelt or misplaced.",
    example: "weigth: 3",
    fix: "Correct the spelling (the message suggests the closest key), or remove the key. docs/rule-format.md lists the keys.",
  },
  R102: {
    severity: "error",
    title: "Required key missing",
    description: "A key that this element needs is not there.",
    example: "an indicator without `weight`",
    fix: "Add the key with its value.",
  },
  R103: {
    severity: "error",
    title: "Wrong type of value",
    description:
      "The value is of the wrong type: e.g. text where a number is needed, or a single value where a list is needed.",
    example: 'weight: "3"   # a number in quotes is text',
    fix: "Write the value as the message says: numbers without quotes, versions and codes in quotes, lists in [ ].",
  },
  R104: {
    severity: "error",
    title: "Value not allowed",
    description: "The key takes one of a fixed set of values, and this is not one of them.",
    example: "frequency: quarterly   # month | quarter | year",
    fix: "Use one of the values listed in the message.",
  },
  R105: {
    severity: "error",
    title: "Value in the wrong format",
    description: "The value does not have the required form, e.g. an id with spaces or a month not written 2026-01.",
    example: "effective: { from: 2026-1 }",
    fix: "Write the value in the form the message shows.",
  },
  R106: {
    severity: "error",
    title: "Value out of range",
    description:
      "A number, text or list is too small or too large for this key, e.g. a score above 1 or an empty list.",
    example: "bands: [{ min: 90, score: 2 }]   # a score is from 0 to 1",
    fix: "Correct the value to the range the message gives.",
  },
  R107: {
    severity: "error",
    title: "List item repeated",
    description: "A list that names things (kinds, units, blocks) names the same one twice.",
    example: "blocks: [economy, revenue, economy]",
    fix: "Remove the repeated item.",
  },
  R108: {
    severity: "error",
    title: "Rule file in the wrong place",
    description:
      "A ruleset has exactly one ruleset.yaml; `include` reached another file starting with `ruleset`, or a rule test, which belongs in tests/ and is run by tarazy test.",
    example: "include: [tests/]",
    fix: "Remove the file from `include`.",
  },
  R109: {
    severity: "error",
    title: "Kazakh text missing",
    description: "Every name, title and label has a Kazakh text (kk); Russian (ru) and English (en) are optional.",
    example: "name: { ru: Собственные доходы }",
    fix: "Add the Kazakh text: name: { kk: Өзіндік кірістер, ru: Собственные доходы }.",
  },
});
