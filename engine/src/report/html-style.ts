/**
 * The one stylesheet of the HTML report and the methodology document, inlined so that each is a single
 * file: local system fonts only (nothing fetched), readable on screen and on A4 paper.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d3dae2; --zebra: #f5f7fa; --accent: #1c4e80; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 15px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 1280px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; border-bottom: 3px solid var(--accent); padding-bottom: 12px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 1.25rem; margin: 32px 0 10px; color: var(--accent); }
h3 { font-size: 1.05rem; margin: 24px 0 8px; }
.subtitle { margin: 0; color: var(--muted); }
section { margin-bottom: 12px; }
p.note { color: var(--muted); margin: 4px 0 10px; font-size: 0.9rem; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0 8px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: #e9eef4; border-bottom: 2px solid #b8c4d0; font-size: 0.88rem; }
tbody tr:nth-child(even) { background: var(--zebra); }
td.num, th.num { text-align: right; white-space: nowrap; }
thead th.num { white-space: normal; }
th[scope="row"] { font-weight: 500; }
.grade { display: inline-block; padding: 1px 10px; border-radius: 10px; font-size: 0.88rem; white-space: nowrap; }
.change { white-space: nowrap; text-align: center; }
.change.up { color: #1b7f3b; } .change.down { color: #b42318; } .change.same, .change.none { color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.grade-legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 8px 0; padding: 0; list-style: none; font-size: 0.9rem; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; vertical-align: -2px; margin-right: 5px; border: 1px solid #0003; }
.chart { display: block; max-width: 960px; height: auto; margin: 4px 0; }
.chart text { font: 12px system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; fill: var(--ink); }
.chart .tick { fill: var(--muted); font-size: 11px; }
.chart .grid { stroke: #e4e8ee; stroke-width: 1; }
.chart .threshold { stroke-width: 1.5; stroke-dasharray: 4 3; }
.chart .bar rect { stroke: #0004; stroke-width: 0.5; }
.chart .value { font-weight: 600; }
.table-wrap { overflow-x: auto; }
table.heatmap th[scope="row"] { white-space: nowrap; }
table.heatmap thead th, table.detail thead th { font-size: 0.75rem; }
table.heatmap th, table.heatmap td, table.detail th, table.detail td { padding: 4px 6px; }
table.heatmap td.heat { text-align: right; font-weight: 600; white-space: nowrap; border: 1px solid #fff; }
th .max { display: block; font-weight: 400; color: var(--muted); font-size: 0.8rem; }
.heat-legend { display: flex; align-items: center; gap: 8px; font-size: 0.85rem; color: var(--muted); margin: 6px 0 0; }
.heat-legend .ramp { display: inline-block; width: 220px; height: 12px; border-radius: 2px; border: 1px solid #0002; }
table.detail td, table.detail th[scope="row"] { white-space: nowrap; }
code, .formula { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: 0.9em; background: #f1f4f8; padding: 1px 4px; border-radius: 3px; }
abbr[title] { text-decoration: underline dotted; cursor: help; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
footer { margin-top: 36px; padding-top: 12px; padding-bottom: 32px; border-top: 1px solid var(--line); font-size: 0.88rem; color: var(--muted); }
footer h2 { font-size: 1rem; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 11pt; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  section.chart-section, table tr, .indicator { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  table.heatmap, table.detail { font-size: 8pt; }
  table.heatmap thead th, table.detail thead th, th .max { font-size: 7pt; }
  table.heatmap th, table.heatmap td, table.detail th, table.detail td { padding: 2px 3px; }
  abbr[title] { text-decoration: none; }
}
`;
