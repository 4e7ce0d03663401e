/** Report writers: JSON, CSV, XLSX, Markdown and self-contained HTML, with their manifest. */
export { ReportCodes } from "./codes.js";
export { ratingCsv } from "./csv.js";
export { ratingHtml } from "./html.js";
export { checkReportInput, type DataFileHash, type ReportInput } from "./input.js";
export { ratingJson } from "./json.js";
export { isLang, LABELS, LANGS, type LabelKey, label, localize } from "./labels.js";
export {
  buildManifest,
  type ManifestFile,
  manifestComment,
  type OutputFileHash,
  type ReportManifest,
  readManifestComment,
} from "./manifest.js";
export { ratingMarkdown } from "./markdown.js";
export { formatNumber, formatPercent, plainNumber } from "./number-format.js";
export { periodLabel } from "./period-label.js";
export { buildReportView, type ReportView } from "./view.js";
export {
  REPORT_FILES,
  type RenderedReports,
  type ReportFile,
  renderReports,
  type WrittenReports,
  writeOutputFiles,
  writeReports,
} from "./write.js";
export { ratingXlsx } from "./xlsx.js";
