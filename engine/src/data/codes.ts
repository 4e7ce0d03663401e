import { defineCodes } from "../diagnostics/catalog.js";

/**
 * Diagnostics of the measurement-data readers (D100-D199): files (D100-D109), table structure (D110-D119),
 * units, fields and periods (D120-D129), values (D130-D139), repeated values (D140-D149), JSON (D150-D159)
 * and Excel workbooks (D160-D169). Documented once here; docs/data-format.md explains them for data clerks.
 */
export const DataCode = defineCodes({
  D100: {
    severity: "error",
    title: "Data file cannot be read",
    description: "The data file or folder does not exist or cannot be opened.",
    example: "tarazy data check rules/turkistan --data data/2026-03.csv (no such file)",
    fix: "Check the path and the file's permissions.",
    rootCause: true,
  },
  D101: {
    severity: "error",
    title: "Unsupported data file type",
    description: "Tarazy reads .csv (and .tsv), .xlsx and .json data files; this file is of another type.",
    example: "data/2026-03.xls (Excel 97-2003)",
    fix: "Save the file as CSV UTF-8 or as an Excel workbook (.xlsx).",
  },
  D102: {
    severity: "error",
    title: "Data file too large",
    description:
      "The file is larger than the size limit, so it is not read (measurement data is rarely over a few MB).",
    example: "a 2 GB export",
    fix: "Check that this is the right file; split it into several files if it really holds that much data.",
    rootCause: true,
  },
  D103: {
    severity: "error",
    title: "Binary file given as text",
    description: "A .csv or .json file holds binary data (for example an Excel workbook saved under a .csv name).",
    example: "data.csv that is really an .xlsx workbook",
    fix: "Rename the file to its real type (.xlsx), or export it again as CSV UTF-8.",
    rootCause: true,
  },
  D104: {
    severity: "error",
    title: "Text is not UTF-8",
    description:
      "The file has bytes that are not UTF-8 and do not look like Cyrillic Windows-1251 text, so its text cannot be read safely.",
    example: "a CSV saved in a Kazakh 8-bit code page",
    fix: "Save the file as CSV UTF-8 (Excel: File > Save As > CSV UTF-8).",
    rootCause: true,
  },
  D105: {
    severity: "warning",
    title: "Text read as Windows-1251",
    description:
      "The file is not UTF-8 but its non-ASCII bytes are all Cyrillic letters of the Windows-1251 code page (as older Excel versions save CSV in Russian Windows), so it was read as Windows-1251.",
    example: "a CSV saved by Excel as 'CSV (comma delimited)' on a Russian Windows",
    fix: "Save the file as CSV UTF-8 so that it is read without guessing; Kazakh letters are lost in Windows-1251.",
  },
  D106: {
    severity: "warning",
    title: "No data in file",
    description: "The file (or folder) holds no data rows.",
    example: "a CSV with only the header row",
    fix: "Check that this is the right file; fill in the data rows.",
  },
  D119: {
    severity: "error",
    title: "No data in any file",
    description:
      "Every data file given is empty or has only a header, so there is nothing to rate or check: the file that was meant to hold the data is probably not the one given, or was saved before it was filled in.",
    example: "tarazy rate ... --data data/2026-10.csv, where the file holds only its header row",
    fix: "Give the file that holds the data rows (or fill this one in); `tarazy data check` shows what each file holds.",
  },
  D107: {
    severity: "warning",
    title: "File in data folder skipped",
    description:
      "A file in a data folder is not a .csv, .tsv, .xlsx or .json file, so it was not read. README and Markdown files, hidden files and Excel lock files (~$...) are skipped without a warning.",
    example: "data/notes.txt",
    fix: "Move the file out of the data folder, or save it in a data format if it holds data.",
  },
  D108: {
    severity: "error",
    title: "More errors in file not listed",
    description: "A file has so many problems that only the first ones are listed; the rest are counted.",
    example: "a file with 5000 unknown units",
    fix: "Fix the listed problems (often one cause, such as a wrong column or separator) and check again.",
  },
  D109: {
    severity: "warning",
    title: "More warnings in file not listed",
    description: "A file has so many warnings that only the first ones are listed; the rest are counted.",
    example: "a file with 5000 cells reading 'н/д'",
    fix: "Fix the listed warnings and check again.",
  },
  D110: {
    severity: "error",
    title: "Header row not recognised",
    description:
      "The first non-empty row must be the header: unit and period columns, then either field and value columns (long form) or one column per field (wide form).",
    example: "Отчёт за март 2026;;;",
    fix: "Put the header in the first row (delete title rows above the table) and name the columns as docs/data-format.md shows.",
  },
  D111: {
    severity: "error",
    title: "Column named twice",
    description: "Two columns of the header mean the same thing, so Tarazy cannot tell which one to read.",
    example: "unit;period;own_revenue;Own revenues",
    fix: "Delete or rename one of the two columns.",
  },
  D112: {
    severity: "error",
    title: "Column without a header",
    description: "A column has values but no header, so Tarazy cannot tell what they are.",
    example: "unit;period;own_revenue;\nturkistan;2026-03;1200;5",
    fix: "Write the field id in the header, or delete the column.",
  },
  D113: {
    severity: "error",
    title: "Quote never closed",
    description: "A cell starts with a double quote that is never closed, so the rest of the file would be one cell.",
    example: 'turkistan;2026-03;own_revenue;"1200',
    fix: 'Close the quote; to write a quote mark inside a quoted cell, double it ("").',
  },
  D114: {
    severity: "error",
    title: "Text after a closing quote",
    description: "A quoted cell is followed by more text before the separator, so the cell cannot be read reliably.",
    example: 'turkistan;"2026"-03;own_revenue;1200',
    fix: 'Quote the whole cell, or double the quote mark inside it ("").',
  },
  D115: {
    severity: "error",
    title: "Row longer than the header",
    description:
      "A row has more cells than the header has columns. Often a decimal comma in a comma-separated file splits a number in two.",
    example: "unit,period,own_revenue\nturkistan,2026-03,1200,5",
    fix: 'Quote numbers with a decimal comma ("1200,5"), use semicolons as separators, or add the missing header.',
  },
  D116: {
    severity: "warning",
    title: "Column or key not read",
    description:
      "In the long form only the unit, period, field and value columns (or JSON keys) are read, and comment columns are skipped; this one is not read.",
    example: "unit;period;field;value;measure",
    fix: "Delete the column, or name it comment if it holds remarks.",
  },
  D120: {
    severity: "error",
    title: "Unknown unit",
    description:
      "The unit is not in the ruleset's units.yaml, by id, alias or name (Kazakh, Russian or English, case-insensitive).",
    example: "Туркестан қ.",
    fix: "Correct the spelling, or add this spelling to the unit's aliases in units.yaml.",
  },
  D121: {
    severity: "error",
    title: "Name of several units",
    description: "The name is an alias or name of more than one unit, so Tarazy cannot tell which unit is meant.",
    example: "Туркестан (alias of both the city and the district)",
    fix: "Write the unit id instead of the name, and make the aliases in units.yaml unique.",
  },
  D122: {
    severity: "error",
    title: "Unknown field",
    description:
      "The field is not in the ruleset's fields.yaml, by id or name (Kazakh, Russian or English, case-insensitive).",
    example: "own_revenu",
    fix: "Correct the field id, or declare the field in fields.yaml.",
  },
  D123: {
    severity: "error",
    title: "Name of several fields",
    description: "The name is the name of more than one field, so Tarazy cannot tell which field is meant.",
    example: "План (the Russian name of two fields)",
    fix: "Write the field id instead of the name.",
  },
  D124: {
    severity: "error",
    title: "Period not readable",
    description: "A period is written as 2026-03 (a month), 2026-Q1 (a quarter) or 2026 (a year).",
    example: "03.2026",
    fix: "Write the period as 2026-03, 2026-Q1 or 2026.",
  },
  D125: {
    severity: "error",
    title: "Period shorter than the field's frequency",
    description:
      "A field reported quarterly takes quarters or years, a yearly field takes years; a value for a shorter period would not be used.",
    example: "a quarterly field given for 2026-03",
    fix: "Give the value for the whole quarter (2026-Q1) or year, as fields.yaml declares the field's frequency.",
  },
  D126: {
    severity: "error",
    title: "Row without unit or period",
    description: "A row has values but its unit or period cell is empty, so the values cannot be placed.",
    example: ";2026-03;own_revenue;1200",
    fix: "Fill in the unit and the period of the row.",
  },
  D127: {
    severity: "error",
    title: "Period given both whole and in parts",
    description:
      "A field that is not cumulative has a value for a quarter or year and also values for months (or quarters) inside it: two sources for one figure.",
    example: "own_spending 2026-Q1 = 300 and own_spending 2026-02 = 100",
    fix: "Give either the value of the whole period or the values of its parts, not both.",
  },
  D128: {
    severity: "info",
    title: "Field of another version set aside",
    description:
      "The field is not declared by the ruleset version the data is read for, but another version of the same family declares it (a field added or dropped between versions), so one data folder can serve every version. Its values in the file are set aside, not read, and counted once per file and field; a field that no version declares is an error (D122).",
    example:
      "asp_recipients (a field of version 2025.1 only) in unit-reported-2025.csv, read for a 2026-Q3 rating under version 2026.1",
    fix: "Nothing, if the values are meant for the other version: they are read when that version rates or checks the data (tarazy data check FAMILY --version 2025.1). If they were meant for this version, declare the field in its fields.yaml.",
  },
  D130: {
    severity: "error",
    title: "Not a number",
    description: "A value cell holds text that is not a number, n/a, or a 'no data' mark.",
    example: "1200 тг",
    fix: "Write the number only (digits, sign, decimal point or comma), n/a, or leave the cell empty.",
  },
  D131: {
    severity: "error",
    title: "Comma could mean thousands or decimals",
    description:
      "A number with one comma followed by exactly three digits (1,234) could be 1234 or 1.234. In a semicolon-separated CSV the comma is always the decimal separator; elsewhere such a number is rejected.",
    example: "12,345 in a comma-separated CSV or in an Excel text cell",
    fix: "Write 12345 for the whole number or 12.345 with a decimal point.",
  },
  D132: {
    severity: "error",
    title: "Dash instead of a value",
    description:
      "In statistics tables a dash means 'nothing happened' (zero) but it is also used for 'unknown', so it is not read.",
    example: "-",
    fix: "Write 0 if there was none, n/a if the field does not apply to the unit, or leave the cell empty if the value is unknown.",
  },
  D133: {
    severity: "error",
    title: "Percent sign for a field not in %",
    description: "'45%' is read as 45 only for fields measured in %; for other fields the meaning would be unclear.",
    example: "45% for a field measured in mln KZT",
    fix: "Write the number in the field's unit of measure, without %.",
  },
  D134: {
    severity: "warning",
    title: "'No data' read as missing",
    description:
      "The cell says there is no data (н/д, no data, ...): it is read like an empty cell, and the ruleset's missing-data policy applies. It is not n/a (not applicable).",
    example: "н/д",
    fix: "Leave the cell empty if the value is unknown, or write n/a if the field does not apply to the unit.",
  },
  D135: {
    severity: "error",
    title: "Excel error in a cell",
    description: "The cell holds an Excel error such as #N/A or #DIV/0! (a formula failed), not a value.",
    example: "#DIV/0!",
    fix: "Fix the formula in the spreadsheet, or write n/a if the field does not apply to the unit.",
  },
  D136: {
    severity: "error",
    title: "Formula without a saved result",
    description:
      "The workbook has a formula in the cell but no saved result (it was written by a program that does not calculate).",
    example: "=B2/C2 in a generated workbook",
    fix: "Open the workbook in Excel and save it, or paste the values instead of the formulas.",
  },
  D170: {
    severity: "error",
    title: "Value not allowed for the field",
    description:
      "The field declares what its values may be (fields.yaml `values`: min, max, integer, share, non_negative) and this cell breaks it: a negative amount, a share above 100, a count with decimals.",
    example:
      "unit,period,field,value\narys,2026-03,new_jobs,-4   # new_jobs has values: { integer: true, non_negative: true }",
    fix: "Correct the cell. If the value is right and the constraint is wrong, change `values` of the field in fields.yaml.",
  },
  D140: {
    severity: "error",
    title: "Two different values for the same cell",
    description:
      "The same unit, field and period have two different values (in one file or in two), so Tarazy cannot tell which is right. For a cumulative field the value of a quarter or year is its last month's running total, so 2026-Q1 and 2026-03 are the same cell.",
    example: "turkistan;2026-03;own_revenue;1200 and turkistan;2026-03;own_revenue;1250",
    fix: "Keep one of the two values: correct or delete the other cell.",
  },
  D141: {
    severity: "warning",
    title: "Same value given twice",
    description: "The same unit, field and period are given twice with the same value; the second one is not needed.",
    example: "turkistan;2026-03;own_revenue;1200 in two files",
    fix: "Delete one of the two cells.",
  },
  D150: {
    severity: "error",
    title: "JSON syntax error",
    description: "The JSON file is not valid JSON.",
    example: '[{ "unit": "turkistan", }]',
    fix: "Correct the JSON at the position shown (a missing comma, quote or bracket, or a trailing comma).",
  },
  D151: {
    severity: "error",
    title: "JSON data not in the expected shape",
    description:
      'A JSON data file is an array of records (or an object with a "data" array); each record is an object with unit, period and either field and value, or one key per field.',
    example: '{ "turkistan": { "own_revenue": 1200 } }',
    fix: 'Write [{ "unit": "turkistan", "period": "2026-03", "field": "own_revenue", "value": 1200 }].',
  },
  D152: {
    severity: "error",
    title: "JSON key repeated",
    description: "A JSON object has the same key twice, so one of the values would be lost.",
    example: '{ "unit": "turkistan", "unit": "arys" }',
    fix: "Delete one of the two keys.",
  },
  D160: {
    severity: "error",
    title: "Excel workbook cannot be read",
    description: "The .xlsx file is not a valid Excel workbook.",
    example: "a CSV file renamed to .xlsx",
    fix: "Open the file in Excel and save it as an Excel workbook (.xlsx), or give it its real extension.",
  },
  D161: {
    severity: "warning",
    title: "Sheet skipped",
    description:
      "A sheet's first row names none of the data columns (unit, period, field, value, or a field), so the sheet is taken for notes and not read.",
    example: "a sheet 'Инструкция' with filling instructions",
    fix: "Nothing, if the sheet holds no data; otherwise give it a header row.",
  },
});
