import { defineCodes } from "../diagnostics/catalog.js";

/** Codes of the report writers and the methodology document (O = output). */
export const ReportCodes = defineCodes({
  O101: {
    severity: "error",
    title: "Results from another ruleset",
    description:
      "The rating results were computed with a different ruleset (id, version or content hash) than the one the report is written with, so names, weights and grades could be wrong.",
    example: "results rated with turkistan-districts 2025.1, report asked for 2026.1",
    fix: "Write the report with the same ruleset version the results were rated with, or rate again.",
  },
  O102: {
    severity: "error",
    title: "Unknown rating",
    description: "The results name a rating that the ruleset does not define.",
    example: 'results of rating "monthly" with a ruleset that defines only "quarterly"',
    fix: "Rate with a rating the ruleset defines (see its ratings: list in ruleset.yaml).",
  },
  O103: {
    severity: "error",
    title: "Results of different ratings mixed",
    description: "One report shows one rating; the results given belong to several ratings.",
    example: "a quarterly and a monthly result passed to the same report",
    fix: "Write one report per rating.",
  },
  O104: {
    severity: "error",
    title: "Period given twice",
    description: "Two results are for the same period, so the report could not tell which one to show.",
    example: "two results for 2026-Q1",
    fix: "Pass each period once.",
  },
  O105: {
    severity: "error",
    title: "No results to report",
    description: "The report needs at least one rated period.",
    example: "an empty list of results",
    fix: "Rate at least one period before writing reports.",
  },
  O106: {
    severity: "error",
    title: "A number in the results is not finite",
    description:
      "A total, block score or indicator figure is NaN or infinite. Reports never show such numbers; this points to a fault in how the results were made.",
    example: "a unit total of NaN",
    fix: "Report it as a bug in Tarazy with the rule and data files.",
  },
  O107: {
    severity: "warning",
    title: "Unit not in the ruleset",
    description: "A unit in the results is not among the ruleset's units; the report shows it by its id.",
    example: "results for unit 'shymkent' with the Turkistan districts ruleset",
    fix: "Add the unit to units.yaml, or rate with the ruleset the results came from.",
  },
  O108: {
    severity: "warning",
    title: "Grade not in the ruleset",
    description: "A unit's grade is not among the ruleset's grades; the report shows it in grey under its id.",
    example: "grade 'blue' when the ruleset has green, yellow and red",
    fix: "Rate with the ruleset the results came from.",
  },
  O110: {
    severity: "error",
    title: "Cannot write an output file",
    description: "The output folder or a file in it could not be created or written.",
    example: "tarazy rate ... --out /read-only/folder",
    fix: "Choose a folder you can write to, or free disk space.",
  },
  O201: {
    severity: "warning",
    title: "Previous version could not be read",
    description:
      "The methodology document lists the changes since the previous version of the ruleset, but that version could not be loaded, so the list is left out.",
    example: "a family folder whose older version has errors",
    fix: "Run tarazy validate on the previous version and fix its errors.",
  },
});
