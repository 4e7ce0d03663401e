/** Report writers: JSON, CSV, XLSX, Markdown and self-contained HTML, with their manifest. */
export { ReportCodes } from "./codes.js";
export { checkReportInput, type DataFileHash, type ReportInput } from "./input.js";
export { formatNumber, formatPercent, plainNumber } from "./number-format.js";
export { isLang, LABELS, type LabelKey, LANGS, label, localize } from "./labels.js";
export {
  buildManifest,
  type ManifestFile,
  manifestComment,
  type OutputFileHash,
  type ReportManifest,
  readManifestComment,
} from "./manifest.js";
export { periodLabel } from "./period-label.js";
export { buildReportView, type ReportView } from "./view.js";
export { ratingJson } from "./json.js";
export { ratingCsv } from "./csv.js";
export { ratingMarkdown } from "./markdown.js";
export { ratingHtml } from "./html.js";
export { ratingXlsx } from "./xlsx.js";
export {
  REPORT_FILES,
  type RenderedReports,
  type ReportFile,
  renderReports,
  type WrittenReports,
  writeReports,
} from "./write.js";
