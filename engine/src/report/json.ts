import type { ReportView } from "./view.js";

/**
 * rating.json: `{ "manifest": {...}, "periods": [RatingResult, ...] }`, each RatingResult exactly as
 * `tarazy rate --format json` prints it (unrounded numbers), in period order.
 */
export function ratingJson(view: ReportView): string {
  return `${JSON.stringify({ manifest: view.manifest, periods: view.results }, null, 2)}\n`;
}
