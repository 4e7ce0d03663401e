#!/usr/bin/env node
/**
 * Writes SYNTHETIC sample data for every ruleset family under rules/ (a folder whose subfolders hold a
 * ruleset.yaml), next to it in <family>/sample-data/: long CSV (unit,period,field,value), one file per
 * year and source (unit-reported, region-formed) holding the fields of every version, and a README.md; for
 * the districts also a wide-form example in <family>/examples/ (outside the data folder, which a rating reads
 * whole: the example repeats values of the long files).
 *
 *   node rules/tools/generate-sample-data.mjs [--seed N] [--out DIR] [--rules DIR]
 *
 * The units and fields are read from the rulesets' YAML, so the data never drifts from them. Every value
 * comes from a small seeded PRNG (mulberry32) keyed by seed, unit and field: the same seed gives the same
 * bytes, and a unit has the same figures in every ruleset that defines a field the same way. How a field's
 * numbers look (plan or fact, index, share, stock) is set in PROFILES below; a field without a profile gets
 * a default by its measure and a warning.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_SEED = 2026;
/** The months the sample covers; fields read through prev_year also get the year before a version starts. */
const SAMPLE_START = "2025-01";
const SAMPLE_END = "2026-09";
/** The one wide-form example: one quarter of the districts, every field of the version in force. */
const WIDE_EXAMPLE = { family: "turkistan/districts", quarter: "2026-Q1" };

// ── Command line ────────────────────────────────────────────────────────────────────────────────────

function parseArgs(argv) {
  const options = { seed: DEFAULT_SEED, out: undefined, rules: resolve(HERE, "..") };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) fail(`${arg} needs a value`);
      return value;
    };
    if (arg === "--seed") options.seed = Number.parseInt(next(), 10);
    else if (arg === "--out") options.out = resolve(next());
    else if (arg === "--rules") options.rules = resolve(next());
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write("usage: node rules/tools/generate-sample-data.mjs [--seed N] [--out DIR] [--rules DIR]\n");
      process.exit(0);
    } else fail(`unknown argument ${arg} (try --help)`);
  }
  if (!Number.isSafeInteger(options.seed)) fail("--seed must be an integer");
  return options;
}

function fail(message) {
  process.stderr.write(`generate-sample-data: ${message}\n`);
  process.exit(2);
}

function warn(message) {
  process.stderr.write(`generate-sample-data: warning: ${message}\n`);
}

// ── Months ──────────────────────────────────────────────────────────────────────────────────────────

/** A month as one integer: year * 12 + month - 1. */
function monthOrdinal(text) {
  const m = /^(\d{4})-(\d{2})$/.exec(String(text));
  if (!m) fail(`not a month: ${text}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

const yearOf = (ordinal) => Math.floor(ordinal / 12);
const monthText = (ordinal) => `${yearOf(ordinal)}-${String((ordinal % 12) + 1).padStart(2, "0")}`;
const quarterText = (year, q) => `${year}-Q${q}`;

// ── Reading the rulesets ────────────────────────────────────────────────────────────────────────────

function readYaml(path) {
  return YAML.parse(readFileSync(path, "utf8"));
}

/** Files named by a ruleset's `include`: files as listed, folders' *.yaml files in name order. */
function includedFiles(versionDir, include) {
  const files = [];
  for (const entry of include ?? []) {
    const path = join(versionDir, entry);
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (/\.ya?ml$/.test(name)) files.push(join(path, name));
    } else files.push(path);
  }
  return files;
}

function loadVersion(versionDir) {
  const ruleset = readYaml(join(versionDir, "ruleset.yaml"));
  const version = { id: String(ruleset.version), ruleset, units: [], fields: [], indicators: [] };
  for (const file of includedFiles(versionDir, ruleset.include)) {
    const doc = readYaml(file);
    if (doc?.units) version.units.push(...doc.units);
    if (doc?.fields) version.fields.push(...doc.fields);
    if (doc?.block)
      version.indicators.push(...(doc.indicators ?? []).map((i) => ({ ...i, blockMissing: doc.missing })));
  }
  version.from = monthOrdinal(ruleset.effective.from);
  version.to = ruleset.effective.to ? monthOrdinal(ruleset.effective.to) : Number.POSITIVE_INFINITY;
  version.missing = ruleset.policies?.missing ?? "zero";
  return version;
}

/** Every folder under `root` whose subfolders hold a ruleset.yaml, with its versions oldest first. */
function findFamilies(root) {
  const families = [];
  const walk = (dir) => {
    const children = readdirSync(dir)
      .sort()
      .filter((name) => statSync(join(dir, name)).isDirectory());
    const versions = children.filter((name) => safeIsFile(join(dir, name, "ruleset.yaml")));
    if (versions.length > 0) {
      const loaded = versions.map((name) => loadVersion(join(dir, name))).sort((a, b) => a.from - b.from);
      families.push({ dir, name: relative(root, dir).split("\\").join("/"), versions: loaded });
      return;
    }
    for (const name of children) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      // rules/examples holds published indices with their real data: nothing synthetic is made for them.
      if (dir === root && name === "examples") continue;
      walk(join(dir, name));
    }
  };
  walk(root);
  return families;
}

function safeIsFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// ── What the formulas read ──────────────────────────────────────────────────────────────────────────

const IDENTIFIER = /[A-Za-z_\u0400-\u04FF][A-Za-z0-9_\u0400-\u04FF]*/g;

function formulaTexts(indicator) {
  const texts = [indicator.formula];
  if (indicator.score?.plan !== undefined) texts.push(String(indicator.score.plan));
  if (indicator.score?.formula !== undefined) texts.push(String(indicator.score.formula));
  return texts.filter((t) => typeof t === "string");
}

function identifiersIn(text) {
  return new Set(text.match(IDENTIFIER) ?? []);
}

/** The identifiers inside prev_year( ... ), balanced parentheses included: they need a year of history. */
function prevYearIdentifiers(text) {
  const found = new Set();
  const re = /prev_year\s*\(/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let depth = 1;
    let i = re.lastIndex;
    for (; i < text.length && depth > 0; i++) depth += text[i] === "(" ? 1 : text[i] === ")" ? -1 : 0;
    for (const id of identifiersIn(text.slice(re.lastIndex, i - 1))) found.add(id);
  }
  return found;
}

/**
 * Whether an indicator applies to a unit. `when` is understood in the simple forms the rulesets use
 * (unit.attr, not unit.attr, unit.attr <op> number); anything else is taken as applying, with a warning.
 */
function applies(indicator, unit) {
  const rule = indicator.applies;
  if (!rule) return true;
  if (rule.kinds && !rule.kinds.includes(unit.kind)) return false;
  if (rule.units && !rule.units.includes(unit.id)) return false;
  if (rule.except?.includes(unit.id)) return false;
  if (rule.when !== undefined) return whenHolds(String(rule.when), unit);
  return true;
}

function whenHolds(text, unit) {
  const attrs = unit.attributes ?? {};
  const bare = /^\s*(not\s+)?unit\.(\w+)\s*$/.exec(text);
  if (bare) return Boolean(attrs[bare[2]]) !== Boolean(bare[1]);
  const cmp = /^\s*unit\.(\w+)\s*(>=|<=|<>|=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!cmp) {
    warn(`cannot read applies.when "${text}": taken as applying to ${unit.id}`);
    return true;
  }
  const a = Number(attrs[cmp[1]] ?? 0);
  const b = Number(cmp[3]);
  return { ">=": a >= b, "<=": a <= b, "<>": a !== b, "=": a === b, ">": a > b, "<": a < b }[cmp[2]];
}

// ── Seeded randomness ───────────────────────────────────────────────────────────────────────────────

/** FNV-1a over the key's UTF-16 code units: a 32-bit seed for one stream. */
function hash32(key) {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, and the same numbers on every platform. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random stream for one purpose; `normal` is Irwin-Hall (4 uniforms), close enough and exact everywhere. */
function stream(seed, ...key) {
  const next = mulberry32(hash32([seed, ...key].join("|")));
  return {
    uniform: next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => (next() + next() + next() + next() - 2) * Math.sqrt(3),
  };
}

const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));

/** Rounded to `decimals` places (at most 6), as a plain decimal string with '.' and no trailing zeros. */
function formatNumber(x, decimals) {
  const text = String(Number(x.toFixed(Math.min(decimals, 6))));
  return text === "-0" ? "0" : text;
}

const roundTo = (x, decimals) => Number(x.toFixed(decimals));

// ── How each field's numbers look ───────────────────────────────────────────────────────────────────

/** Share of a year's flow in each month (normalised when used). */
const SEASONS = {
  flat: [0.8, 0.85, 0.95, 1, 1, 1, 1, 1, 1, 1.05, 1.1, 1.25],
  construction: [0.3, 0.3, 0.5, 0.8, 1, 1.2, 1.3, 1.3, 1.3, 1.3, 1.2, 1.6],
  irrigation: [0.5, 0.8, 1.6, 2, 2, 1.6, 1, 0.7, 0.6, 0.5, 0.4, 0.3],
  tourism: [0.5, 0.6, 1.2, 1.4, 1.3, 1, 0.9, 1, 1.3, 1.2, 0.8, 0.6],
  procurement: [2.2, 1.8, 1.5, 1.2, 1, 0.9, 0.8, 0.8, 0.8, 0.7, 0.6, 0.4],
  quarters: [0.2, 0.25, 0.27, 0.28],
};

/**
 * Kinds of series:
 *   plan   a yearly amount (`annual` per 100,000 residents, or per `scaleBy` attribute / 100,000) spread over
 *          the year by `season`, growing by `growth` a year; `decimals` 0 makes whole counts, at least 1 a year
 *   fact   the running total of its `plan` times a performance around `mean` (unit skill and noise, `spread`)
 *   flow   like a plan, but not a plan (outputs, receipts, counts of events)
 *   part   a share `lo`..`hi` of another field `of` (better units nearer `good` end), flow by flow
 *   index  a physical-volume index, % of the same period last year, around `base`
 *   share  a percentage between `lo` and `hi`, better units nearer the `good` end, drifting by `trend` a year
 *   stock  a level (`level` per 100,000 residents unless `unscaled`) drifting by `trend` a year
 *   target a planned index fixed for the year, between `lo` and `hi`
 *   count  a small whole number up to `max`, falling by `trend` a year (three-shift schools)
 *   flag   1 or 0 for the year (plan approved on time)
 *   points an expert score between `lo` and `hi`
 * `city` multiplies amounts for cities; `units` multiplies them for named units.
 */
const PROFILES = {
  // 1. Industry
  new_facilities_plan: { kind: "plan", annual: 4, decimals: 0, city: 1.3 },
  new_facilities: { kind: "fact", plan: "new_facilities_plan", mean: 0.95, spread: 0.2 },
  investment_projects_plan: { kind: "plan", annual: 2.5, decimals: 0 },
  investment_projects_commissioned: { kind: "fact", plan: "investment_projects_plan", mean: 0.9, spread: 0.2 },
  industry_index: { kind: "index", base: 104, amp: 4, spread: 3 },
  manufacturing_index: { kind: "index", base: 105, amp: 4, spread: 3.5 },
  manufacturing_index_plan: { kind: "target", lo: 104, hi: 108.5 },
  manufacturing_output: { kind: "flow", annual: 20000, decimals: 1, city: 2.5, units: { kentau: 2 } },
  industrial_zone_occupancy: { kind: "share", lo: 45, hi: 95, trend: 3 },
  production_jobs_plan: { kind: "plan", annual: 120, decimals: 0, city: 1.3 },
  production_jobs: { kind: "fact", plan: "production_jobs_plan", mean: 0.95, spread: 0.15 },
  processed_exports: { kind: "flow", annual: 3000, decimals: 1, city: 2, growth: 0.1 },
  projects_on_schedule_share: { kind: "share", lo: 60, hi: 100 },
  // 2. Economy
  agriculture_index: { kind: "index", base: 103, amp: 2.5, spread: 2.5 },
  construction_index: { kind: "index", base: 106, amp: 6, spread: 8 },
  trade_index: { kind: "index", base: 105, amp: 3, spread: 3 },
  transport_index: { kind: "index", base: 104, amp: 3, spread: 3 },
  communication_index: { kind: "index", base: 104, amp: 2, spread: 3 },
  fixed_investment_index: { kind: "index", base: 106, amp: 8, spread: 10 },
  fixed_investment: { kind: "flow", annual: 40000, decimals: 1, season: "construction" },
  private_investment: { kind: "part", of: "fixed_investment", lo: 0.35, hi: 0.8 },
  tourists: { kind: "flow", annual: 15000, decimals: 0, season: "tourism", growth: 0.1, units: { turkistan: 6 } },
  fdi_plan: { kind: "plan", annual: 2000, decimals: 1 },
  fdi: { kind: "fact", plan: "fdi_plan", mean: 1, spread: 0.35 },
  // 3. Revenue
  own_revenue_plan: { kind: "plan", annual: 3000, decimals: 1, city: 1.5, growth: 0.1 },
  own_revenue: { kind: "fact", plan: "own_revenue_plan", mean: 0.98, spread: 0.1 },
  tax_receipts_plan: { kind: "plan", annual: 2000, decimals: 1, city: 1.5, growth: 0.1 },
  tax_receipts: { kind: "fact", plan: "tax_receipts_plan", mean: 0.98, spread: 0.08 },
  non_tax_receipts_plan: { kind: "plan", annual: 600, decimals: 1 },
  non_tax_receipts: { kind: "fact", plan: "non_tax_receipts_plan", mean: 0.95, spread: 0.2 },
  property_tax_assessed: { kind: "flow", annual: 400, decimals: 1 },
  property_tax_collected: { kind: "part", of: "property_tax_assessed", lo: 0.78, hi: 1 },
  tax_arrears: { kind: "stock", level: 150, decimals: 1, trend: -0.05, good: "low" },
  budget_allocated: { kind: "flow", annual: 12000, decimals: 1 },
  budget_spent: { kind: "part", of: "budget_allocated", lo: 0.86, hi: 1 },
  communal_property_receipts_plan: { kind: "plan", annual: 150, decimals: 1 },
  communal_property_receipts: { kind: "fact", plan: "communal_property_receipts_plan", mean: 0.95, spread: 0.25 },
  // 4. Business
  active_smes: { kind: "stock", level: 2800, decimals: 0, trend: 0.06, city: 1.4 },
  sme_output_plan: { kind: "plan", annual: 25000, decimals: 1, season: "quarters", city: 1.5 },
  sme_output: { kind: "fact", plan: "sme_output_plan", mean: 0.97, spread: 0.12 },
  new_jobs_plan: { kind: "plan", annual: 400, decimals: 0 },
  new_jobs: { kind: "fact", plan: "new_jobs_plan", mean: 0.97, spread: 0.12 },
  unemployment_rate: { kind: "share", lo: 4.3, hi: 5.6, good: "low", trend: -0.1 },
  youth_neet_rate: { kind: "share", lo: 5, hi: 10, good: "low" },
  microcredits_plan: { kind: "plan", annual: 60, decimals: 0, city: 0.5 },
  microcredits: { kind: "fact", plan: "microcredits_plan", mean: 0.97, spread: 0.15 },
  self_employed_formalised_plan: { kind: "plan", annual: 500, decimals: 0 },
  self_employed_formalised: { kind: "fact", plan: "self_employed_formalised_plan", mean: 0.95, spread: 0.15 },
  average_wage: { kind: "stock", level: 280, decimals: 1, trend: 0.11, unscaled: true, december: 1.2, city: 1.1 },
  // 5. Agriculture
  crop_output_index: { kind: "index", base: 102, amp: 4, spread: 5 },
  water_saving_area_plan: { kind: "plan", annual: 1500, decimals: 0, scaleBy: "farmland_ha", season: "irrigation" },
  water_saving_area: { kind: "fact", plan: "water_saving_area_plan", mean: 0.95, spread: 0.15 },
  unused_land_returned_plan: { kind: "plan", annual: 800, decimals: 0, scaleBy: "farmland_ha" },
  unused_land_returned: { kind: "fact", plan: "unused_land_returned_plan", mean: 0.9, spread: 0.25 },
  agri_processed_share: { kind: "share", lo: 15, hi: 50, trend: 1.5 },
  irrigated_land_use_share: { kind: "share", lo: 82, hi: 99 },
  cattle_headcount: { kind: "stock", level: 15000, decimals: 0, trend: 0.03, city: 0.3 },
  // 6. Infrastructure
  housing_commissioned_plan: { kind: "plan", annual: 40000, decimals: 0, season: "construction", city: 1.5 },
  housing_commissioned: { kind: "fact", plan: "housing_commissioned_plan", mean: 0.97, spread: 0.15 },
  roads_good_share: { kind: "share", lo: 65, hi: 95, trend: 2 },
  water_supply_coverage: { kind: "share", lo: 86, hi: 100, trend: 1 },
  sewerage_coverage: { kind: "share", lo: 15, hi: 60, city: 1.5 },
  gasification_level: { kind: "share", lo: 70, hi: 99, trend: 1.5, units: { sozak: 0.8 } },
  power_grid_renewed_plan: { kind: "plan", annual: 25, decimals: 1, season: "construction" },
  power_grid_renewed: { kind: "fact", plan: "power_grid_renewed_plan", mean: 0.95, spread: 0.15 },
  landscaping_objects_plan: { kind: "plan", annual: 12, decimals: 0, season: "construction" },
  landscaping_objects: { kind: "fact", plan: "landscaping_objects_plan", mean: 0.95, spread: 0.15 },
  construction_on_schedule_share: { kind: "share", lo: 70, hi: 100 },
  // 7. Social
  three_shift_schools: { kind: "count", max: 6, trend: -1 },
  pupils: { kind: "stock", level: 20000, decimals: 0, trend: 0.02 },
  student_place_deficit: { kind: "part", of: "pupils", lo: 0, hi: 0.12, good: "low" },
  preschool_coverage: { kind: "share", lo: 88, hi: 100, trend: 1 },
  crisis_families_share: { kind: "share", lo: 0.5, hi: 3.5, good: "low", trend: -0.3, decimals: 2 },
  families_level_up_share: { kind: "share", lo: 5, hi: 28 },
  asp_recipients: { kind: "stock", level: 2500, decimals: 0, trend: -0.08, good: "low" },
  primary_care_objects_plan: { kind: "plan", annual: 2, decimals: 0, season: "construction" },
  primary_care_objects: { kind: "fact", plan: "primary_care_objects_plan", mean: 0.95, spread: 0.2 },
  sports_participation: { kind: "share", lo: 28, hi: 48, trend: 1 },
  // 8. Procurement
  procurement_plan_approved: { kind: "flag", yes: 0.8 },
  procurement_planned: { kind: "plan", annual: 7000, decimals: 1, season: "procurement" },
  procurement_contracted: { kind: "fact", plan: "procurement_planned", mean: 0.86, spread: 0.14, max: 1.02 },
  procurement_contracted_plan_value: { kind: "part", of: "procurement_contracted", lo: 1.02, hi: 1.16 },
  procurement_items_due: { kind: "plan", annual: 300, decimals: 0, season: "procurement" },
  procurement_items_on_time: { kind: "part", of: "procurement_items_due", lo: 0.65, hi: 1 },
  single_source_value: { kind: "part", of: "procurement_contracted", lo: 0.05, hi: 0.4, good: "low" },
  announced_value: { kind: "part", of: "procurement_planned", lo: 1, hi: 1.15 },
  failed_value: { kind: "part", of: "announced_value", lo: 0.005, hi: 0.14, good: "low" },
  procurement_contracts: { kind: "flow", annual: 400, decimals: 0, season: "procurement" },
  procurement_violations: { kind: "part", of: "procurement_contracts", lo: 0, hi: 0.06, good: "low" },
  // 9. Governance
  services_rendered: { kind: "flow", annual: 90000, decimals: 0 },
  service_deadline_violations: { kind: "part", of: "services_rendered", lo: 0, hi: 0.006, good: "low" },
  appeals_received: { kind: "flow", annual: 3600, decimals: 0 },
  appeals_answered_on_time: { kind: "part", of: "appeals_received", lo: 0.88, hi: 1 },
  statistics_reports_due: { kind: "flow", annual: 300, decimals: 0, unscaled: true },
  statistics_reports_on_time: { kind: "part", of: "statistics_reports_due", lo: 0.9, hi: 1 },
  instructions_executed_share: { kind: "share", lo: 65, hi: 100 },
  curator_assessment: { kind: "points", lo: 2, hi: 7 },
  // Departments
  overdue_payables: { kind: "stock", level: 40, decimals: 1, good: "low", zeroes: true },
  budget_programme_results_share: { kind: "share", lo: 55, hi: 100 },
  eservices_share: { kind: "share", lo: 60, hi: 99, trend: 3 },
  target_indicators_achieved_share: { kind: "share", lo: 45, hi: 95 },
  monitoring_reports_due: { kind: "flow", annual: 120, decimals: 0, unscaled: true },
  monitoring_reports_on_time: { kind: "part", of: "monitoring_reports_due", lo: 0.85, hi: 1 },
  control_documents: { kind: "flow", annual: 1800, decimals: 0 },
  control_documents_overdue: { kind: "part", of: "control_documents", lo: 0, hi: 0.06, good: "low" },
};

/** A profile for a field the table does not know, from its measure. */
function defaultProfile(field) {
  warn(`no sample-data profile for field ${field.id}: using a default for measure "${field.measure}"`);
  if (field.measure === "%") return { kind: "share", lo: 40, hi: 95 };
  if (field.measure === "flag") return { kind: "flag", yes: 0.8 };
  if (field.aggregate === "sum") return { kind: "flow", annual: 1000, decimals: field.measure === "count" ? 0 : 1 };
  return { kind: "stock", level: 100, decimals: 1 };
}

// ── Series ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * One unit's series. Flow kinds are kept as running totals since January, level kinds as values: an array
 * per year of 12 months or 4 quarters. Every year draws from its own stream (seed, unit, field, year), so a
 * year's figures do not depend on which other years are asked for, nor on the ruleset asking.
 */
class UnitSeries {
  constructor(seed, unit, fieldsById) {
    this.seed = seed;
    this.unit = unit;
    this.fieldsById = fieldsById;
    this.cache = new Map();
    this.skill = stream(seed, "skill", unit.id).between(-1, 1);
  }

  values(fieldId, year) {
    const key = `${fieldId}|${year}`;
    if (!this.cache.has(key)) this.cache.set(key, this.build(fieldId, year));
    return this.cache.get(key);
  }

  build(fieldId, year) {
    const field = this.fieldsById.get(fieldId);
    if (!field) fail(`a profile refers to ${fieldId}, which no ruleset of the family defines`);
    const profile = profileOf(field);
    const make = KINDS[profile.kind];
    if (!make) fail(`unknown profile kind ${profile.kind} for ${fieldId}`);
    const periods = field.frequency === "quarter" ? 4 : 12;
    const rng = stream(this.seed, this.unit.id, fieldId, year);
    return make.call(this, { field, profile, periods, rng, year });
  }

  /** Residents / 100,000 (or the profile's attribute / 100,000; departments by budget), times unit factors. */
  scale(profile) {
    const attrs = this.unit.attributes ?? {};
    let base;
    if (profile.unscaled) base = 1;
    else if (profile.scaleBy) base = Number(attrs[profile.scaleBy] ?? 0) / 100000;
    else if (typeof attrs.population === "number") base = attrs.population / 100000;
    else if (typeof attrs.budget_bn_kzt === "number") base = clamp(attrs.budget_bn_kzt / 40, 0.3, 8);
    else base = 1;
    if (this.unit.kind === "city" && profile.city) base *= profile.city;
    return base * (profile.units?.[this.unit.id] ?? 1);
  }

  /** 0..1 for one field, nearer 1 for better units (the `good` end), with the unit's own variation. */
  quality(field, profile) {
    const direction = profile.good === "low" ? -1 : 1;
    const own = stream(this.seed, this.unit.id, field.id, "quality").normal();
    return clamp(0.5 + 0.35 * direction * this.skill + 0.15 * own, 0, 1);
  }

  /** The unit's fixed variation of one field's size, 0.8..1.2. */
  variation(field) {
    return stream(this.seed, this.unit.id, field.id, "variation").between(0.8, 1.2);
  }
}

const FLOW_KINDS = new Set(["plan", "fact", "flow"]);
const profileCache = new Map();

/** Whether a field's series are running totals: flows, and parts of flows. */
function isFlow(field, fieldsById) {
  const profile = profileOf(field);
  if (profile.kind === "part") return fieldsById.has(profile.of) && isFlow(fieldsById.get(profile.of), fieldsById);
  return FLOW_KINDS.has(profile.kind);
}

function profileOf(field) {
  if (!profileCache.has(field.id)) profileCache.set(field.id, PROFILES[field.id] ?? defaultProfile(field));
  return profileCache.get(field.id);
}

/** Decimals written for a field: its profile's, or those of the plan or whole it derives from. */
function decimalsOf(field, fieldsById) {
  const profile = profileOf(field);
  if (profile.decimals !== undefined) return profile.decimals;
  const source = profile.plan ?? profile.of;
  if (source && fieldsById.has(source)) return decimalsOf(fieldsById.get(source), fieldsById);
  return ["index", "share", "target", "points"].includes(profile.kind) ? 1 : profile.kind === "flag" ? 0 : 1;
}

/** Running totals of a yearly amount spread by season; whole counts never fall and reach 1 by March. */
function runningTotals(amount, season, periods, decimals) {
  const weights = SEASONS[season] ?? (periods === 4 ? SEASONS.quarters : SEASONS.flat);
  const sum = weights.reduce((a, b) => a + b, 0);
  const firstDue = periods === 4 ? 0 : 2;
  const totals = [];
  let share = 0;
  for (let p = 0; p < periods; p++) {
    share += weights[p] / sum;
    let total = roundTo(amount * Math.min(share, 1), decimals);
    if (decimals === 0 && amount >= 1 && p >= firstDue) total = Math.max(total, 1);
    totals.push(Math.max(total, totals[p - 1] ?? 0));
  }
  return totals;
}

/** The year's amount: annual x scale x the unit's variation x growth since 2025, with a yearly wobble. */
function yearlyAmount(self, field, profile, rng, year) {
  const rate = profile.growth ?? 0.08;
  let growth = 1;
  for (let y = 2025; y < year; y++) growth *= 1 + rate;
  for (let y = year; y < 2025; y++) growth /= 1 + rate;
  return profile.annual * self.scale(profile) * self.variation(field) * growth * (1 + 0.04 * rng.normal());
}

/** Turns a share of `lo`..`hi` at the unit's quality into a draw with a little noise, kept in range. */
function shareDraw(profile, quality, rng) {
  const span = profile.hi - profile.lo;
  return clamp(profile.lo + span * quality + 0.03 * span * rng.normal(), profile.lo, profile.hi);
}

const KINDS = {
  plan({ field, profile, periods, rng, year }) {
    let amount = yearlyAmount(this, field, profile, rng, year);
    if (profile.decimals === 0) amount = Math.max(1, Math.round(amount));
    return runningTotals(amount, profile.season, periods, profile.decimals ?? 1);
  },
  flow({ field, profile, periods, rng, year }) {
    const amount = yearlyAmount(this, field, profile, rng, year) * (1 + 0.1 * this.skill);
    return runningTotals(amount, profile.season, periods, profile.decimals ?? 1);
  },
  /** Running total of the plan times a performance: the unit's level for the year, settling as it goes. */
  fact({ field, profile, periods, rng, year }) {
    const plan = this.values(profile.plan, year);
    const decimals = decimalsOf(field, this.fieldsById);
    const level = profile.mean + profile.spread * (0.6 * this.skill + 0.4 * rng.normal());
    const totals = [];
    for (let p = 0; p < periods; p++) {
      const wobble = (0.5 * profile.spread * rng.normal()) / Math.sqrt(p + 1);
      const performance = clamp(level + wobble, 0.3, profile.max ?? 1.6);
      totals.push(Math.max(totals[p - 1] ?? 0, roundTo(plan[p] * performance, decimals)));
    }
    return totals;
  },
  /** A share of the whole, flow by flow for flows (so a part at most 1 never passes its whole). */
  part({ field, profile, periods, rng, year }) {
    const whole = this.fieldsById.get(profile.of);
    const values = this.values(profile.of, year);
    const decimals = decimalsOf(field, this.fieldsById);
    const quality = this.quality(field, profile);
    if (!isFlow(whole, this.fieldsById)) {
      return values.map((v) => roundTo(v * shareDraw(profile, quality, rng), decimals));
    }
    const totals = [];
    for (let p = 0; p < periods; p++) {
      const flow = values[p] - (values[p - 1] ?? 0);
      const part = roundTo(flow * shareDraw(profile, quality, rng), decimals);
      totals.push(roundTo((totals[p - 1] ?? 0) + part, decimals));
    }
    return totals;
  },
  /** "January to the period, % of the same period last year": its noise settles as the year goes on. */
  index({ profile, periods, rng }) {
    const level = profile.base + profile.amp * this.skill + 0.5 * profile.spread * rng.normal();
    return Array.from({ length: periods }, (_, p) =>
      roundTo(level + (profile.spread * rng.normal()) / Math.sqrt(p + 1), 1),
    );
  },
  share({ field, profile, periods, rng, year }) {
    const quality = this.quality(field, profile);
    const span = profile.hi - profile.lo;
    const base = profile.lo + span * quality;
    const factor = (this.unit.kind === "city" ? (profile.city ?? 1) : 1) * (profile.units?.[this.unit.id] ?? 1);
    return Array.from({ length: periods }, (_, p) => {
      const t = year - 2025 + p / periods;
      const value = (base + (profile.trend ?? 0) * t) * factor + 0.04 * span * rng.normal();
      return roundTo(clamp(value, Math.max(0, (profile.lo - 0.2 * span) * factor), 100), profile.decimals ?? 1);
    });
  },
  stock({ field, profile, periods, rng, year }) {
    const direction = profile.good === "low" ? -1 : 1;
    const level = profile.level * this.scale(profile) * this.variation(field) * (1 + 0.1 * direction * this.skill);
    return Array.from({ length: periods }, (_, p) => {
      if (profile.zeroes && rng.uniform() < 0.35 + 0.3 * this.skill) return 0;
      const t = year - 2025 + p / periods;
      const seasonal = profile.december && p === periods - 1 ? profile.december : 1;
      const value = level * (1 + (profile.trend ?? 0) * t) * seasonal * (1 + 0.02 * rng.normal());
      return roundTo(Math.max(0, value), profile.decimals ?? 1);
    });
  },
  target({ profile, periods, rng }) {
    const value = roundTo(rng.between(profile.lo, profile.hi), 1);
    return Array.from({ length: periods }, () => value);
  },
  count({ field, profile, periods, rng, year }) {
    const own = stream(this.seed, this.unit.id, field.id, "start").normal();
    const start = profile.max * clamp(0.5 - 0.4 * this.skill + 0.2 * own, 0, 1);
    return Array.from({ length: periods }, (_, p) => {
      const t = year - 2025 + p / periods;
      return Math.max(0, Math.round(start + (profile.trend ?? 0) * t + 0.3 * rng.normal()));
    });
  },
  flag({ profile, periods, rng }) {
    const yes = rng.uniform() < profile.yes + 0.15 * this.skill ? 1 : 0;
    return Array.from({ length: periods }, () => yes);
  },
  points({ field, profile, periods, rng }) {
    const base = profile.lo + (profile.hi - profile.lo) * this.quality(field, profile);
    return Array.from({ length: periods }, () => roundTo(clamp(base + 0.4 * rng.normal(), 1, 7), 1));
  },
};

// ── A family's data ─────────────────────────────────────────────────────────────────────────────────

/** Fields (union over versions, newest definitions and order first) and what each version needs. */
function familyPlan(family) {
  const END = monthOrdinal(SAMPLE_END);
  const fieldsById = new Map();
  const unitsById = new Map();
  for (const version of [...family.versions].reverse()) {
    for (const f of version.fields) if (!fieldsById.has(f.id)) fieldsById.set(f.id, f);
    for (const u of version.units) if (!unitsById.has(u.id)) unitsById.set(u.id, u);
  }
  // need: unit -> field -> { ranges: [from, to][], na: boolean }
  const need = new Map();
  const fieldPolicy = new Map();
  for (const version of family.versions) {
    const from = Math.max(version.from, monthOrdinal(SAMPLE_START));
    const to = Math.min(version.to, END);
    if (from > to) continue;
    const readers = readersByField(version);
    const history = new Set(
      version.indicators.flatMap((i) => formulaTexts(i).flatMap((t) => [...prevYearIdentifiers(t)])),
    );
    for (const [fieldId, indicators] of readers) {
      const policies = indicators.map((i) => i.missing ?? i.blockMissing ?? version.missing);
      const known = fieldPolicy.get(fieldId) ?? new Set();
      for (const p of policies) known.add(p);
      fieldPolicy.set(fieldId, known);
    }
    for (const unit of version.units) {
      const unitNeed = need.get(unit.id) ?? new Map();
      need.set(unit.id, unitNeed);
      for (const field of version.fields) {
        const entry = unitNeed.get(field.id) ?? { ranges: [], na: true };
        const start = history.has(field.id) ? version.from - 12 : from;
        entry.ranges.push([start, to]);
        const readingIndicators = readers.get(field.id) ?? [];
        if (readingIndicators.length === 0 || readingIndicators.some((i) => applies(i, unit))) entry.na = false;
        unitNeed.set(field.id, entry);
      }
    }
  }
  const allVersions = family.versions.map((v) => v.id);
  const versionsOf = new Map();
  for (const id of fieldsById.keys()) {
    const declaring = family.versions.filter((v) => v.fields.some((f) => f.id === id)).map((v) => v.id);
    versionsOf.set(id, declaring.length === allVersions.length ? [] : declaring);
  }
  return { fieldsById, unitsById, need, fieldPolicy, versionsOf };
}

function readersByField(version) {
  const fieldIds = new Set(version.fields.map((f) => f.id));
  const readers = new Map();
  for (const indicator of version.indicators) {
    const read = new Set(formulaTexts(indicator).flatMap((t) => [...identifiersIn(t)]));
    for (const id of read) if (fieldIds.has(id)) readers.set(id, [...(readers.get(id) ?? []), indicator]);
  }
  return readers;
}

const inRanges = (ordinal, ranges) => ranges.some(([from, to]) => ordinal >= from && ordinal <= to);

/**
 * Rows { unit, period, field, value, ordinal, year, source } for one family, in unit, field and period order,
 * with the missing submissions left out.
 */
function familyRows(family, seed) {
  const { fieldsById, unitsById, need, fieldPolicy, versionsOf } = familyPlan(family);
  const sloppy = sloppyUnits(seed, family, [...unitsById.keys()]);
  const rows = [];
  let omitted = 0;
  for (const [unitId, unitNeed] of need) {
    const generator = new UnitSeries(seed, unitsById.get(unitId), fieldsById);
    for (const field of fieldsById.values()) {
      const entry = unitNeed.get(field.id);
      if (!entry) continue;
      const rate = entry.na ? 0 : omissionRate(fieldPolicy.get(field.id), sloppy.has(unitId));
      const omit = stream(seed, unitId, field.id, "omit");
      for (const cell of fieldCells(generator, field, entry)) {
        if (omit.uniform() < rate) omitted++;
        else
          rows.push({
            ...cell,
            unit: unitId,
            field: field.id,
            source: field.source ?? "unit",
          });
      }
    }
  }
  return { rows, omitted, sloppy, versionsOf };
}

/** Every (period, value) of one unit's field inside the needed ranges; "n/a" where nothing reading it applies. */
function* fieldCells(generator, field, entry) {
  const first = Math.min(...entry.ranges.map((r) => r[0]));
  const last = Math.max(...entry.ranges.map((r) => r[1]));
  const quarterly = field.frequency === "quarter";
  const flow = isFlow(field, generator.fieldsById);
  const decimals = decimalsOf(field, generator.fieldsById);
  for (let year = yearOf(first); year <= yearOf(last); year++) {
    const values = entry.na ? undefined : generator.values(field.id, year);
    for (let p = 0; p < (quarterly ? 4 : 12); p++) {
      const endMonth = year * 12 + (quarterly ? p * 3 + 2 : p);
      const startMonth = quarterly ? endMonth - 2 : endMonth;
      if (!inRanges(startMonth, entry.ranges) || !inRanges(endMonth, entry.ranges)) continue;
      const period = quarterly ? quarterText(year, p + 1) : monthText(endMonth);
      let value = "n/a";
      if (values) {
        // Cumulative fields are written as running totals, the others as the period's own flow or level.
        const raw = flow && !field.cumulative ? values[p] - (values[p - 1] ?? 0) : values[p];
        value = formatNumber(raw, decimals);
      }
      yield { period, value, ordinal: endMonth, year };
    }
  }
}

/** Two units per family submit carelessly; the rest miss a cell now and then. */
function sloppyUnits(seed, family, unitIds) {
  const rng = stream(seed, family.name, "sloppy");
  const chosen = new Set();
  while (chosen.size < Math.min(2, unitIds.length)) chosen.add(unitIds[Math.floor(rng.uniform() * unitIds.length)]);
  return chosen;
}

/**
 * Never for inputs of indicators whose policy is `fail` (the rating would stop); often for inputs read only
 * by `exclude` indicators (survey gaps); otherwise rare, more often for careless units.
 */
function omissionRate(policies, sloppy) {
  if (!policies || policies.has("fail")) return 0;
  if (policies.size === 1 && policies.has("exclude")) return 0.12;
  return sloppy ? 0.03 : 0.004;
}

/** A few implausible values, as real submissions have: an index spike, a share half-reported, an extra zero. */
function addOutliers(seed, family, rows) {
  const candidates = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => {
      const kind = PROFILES[row.field]?.kind;
      return (
        row.value !== "n/a" &&
        /^\d{4}-\d{2}$/.test(row.period) &&
        row.ordinal >= monthOrdinal(SAMPLE_START) &&
        ["index", "share", "stock"].includes(kind)
      );
    });
  const rng = stream(seed, family.name, "outliers");
  const applied = [];
  const used = new Set();
  for (let k = 0; k < 4 && candidates.length > used.size; k++) {
    let pick;
    do pick = Math.floor(rng.uniform() * candidates.length);
    while (used.has(pick));
    used.add(pick);
    const { row } = candidates[pick];
    const before = row.value;
    const profile = PROFILES[row.field];
    const x = Number(before);
    const after = profile.kind === "index" ? x + rng.between(35, 60) : profile.kind === "share" ? x * 0.45 : x * 10;
    row.value = formatNumber(after, profile.decimals ?? 1);
    applied.push({
      unit: row.unit,
      field: row.field,
      period: row.period,
      before,
      after: row.value,
      kind: profile.kind,
    });
  }
  return applied;
}

// ── Files ───────────────────────────────────────────────────────────────────────────────────────────

function longCsv(rows) {
  return `unit,period,field,value\n${rows.map((r) => `${r.unit},${r.period},${r.field},${r.value}`).join("\n")}\n`;
}

/**
 * One file per year and source: unit-reported-2025.csv, region-formed-2025.csv, ... with the fields of every
 * version: a version reading the folder sets aside the values of fields only other versions declare (D128).
 */
function splitFiles(rows) {
  const files = new Map();
  for (const row of rows) {
    const name = `${row.source === "region" ? "region-formed" : "unit-reported"}-${row.year}.csv`;
    if (!files.has(name)) files.set(name, []);
    files.get(name).push(row);
  }
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The wide shape: unit, period, then one column per field; month rows, then the quarter's row. */
function wideCsv(family, rows, quarter) {
  const [yearText, q] = quarter.split("-Q");
  const year = Number(yearText);
  const months = [0, 1, 2].map((k) => monthText(year * 12 + (Number(q) - 1) * 3 + k));
  const version = [...family.versions].reverse().find((v) => v.from <= monthOrdinal(months[0])) ?? family.versions[0];
  const fields = version.fields.map((f) => f.id);
  const cell = new Map(rows.map((r) => [`${r.unit}|${r.period}|${r.field}`, r.value]));
  const lines = [["unit", "period", ...fields].join(",")];
  for (const unit of version.units) {
    for (const period of [...months, quarter]) {
      lines.push([unit.id, period, ...fields.map((f) => cell.get(`${unit.id}|${period}|${f}`) ?? "")].join(","));
    }
  }
  return { name: `${quarter}-wide.csv`, text: `${lines.join("\n")}\n`, version: version.id, rows: lines.length - 1 };
}

/** A `tarazy rate` command per version (the last period of the sample it is in force), then a data check. */
function rateCommands(family) {
  const data = `rules/${family.name}/sample-data`;
  const rates = family.versions.map((version) => {
    const rating = version.ruleset.ratings?.[0];
    const last = Math.min(version.to, monthOrdinal(SAMPLE_END));
    const period =
      rating?.frequency === "quarter" ? quarterText(yearOf(last), Math.floor((last % 12) / 3) + 1) : monthText(last);
    return `tarazy rate rules/${family.name} --period ${period} --data ${data}`;
  });
  return [...rates, `tarazy data check rules/${family.name} --data ${data}`];
}

/** "asp_recipients (2025.1), families_level_up_share (2026.1)": the fields not every version declares. */
function versionOnlyFields(versionsOf) {
  return [...versionsOf]
    .filter(([, versions]) => versions.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, versions]) => `${id} (${versions.join(", ")})`);
}

function readme(family, seed, files, outliers, stats, wide, versionOnly) {
  const lines = [
    "# Sample data: SYNTHETIC",
    "",
    "**Every number in this folder is synthetic.** It was produced by a seeded random generator to show the",
    "shape of the data and to exercise the ratings; it is not statistics, treasury or procurement data of",
    "Turkistan region, and no conclusion about any district, city or department may be drawn from it.",
    "",
    `Regenerate with \`node rules/tools/generate-sample-data.mjs\` (seed ${seed}). The same seed gives the same`,
    "bytes; a test (engine/test/rules-content) regenerates into a temporary folder and compares byte for byte.",
    "Do not edit these files by hand: change the rulesets or the generator and regenerate.",
    "",
    "## Files",
    "",
    "Long form, one observation a row: `unit,period,field,value`. Months are written `2026-03`, quarters",
    "`2026-Q1` (for quarterly fields); numbers use `.` as the decimal separator; `n/a` marks a value that does",
    "not apply; a submission that is missing has no row at all.",
    "",
    "| file | rows |",
    "| --- | --- |",
    ...[...files].map(([name, rows]) => `| ${name} | ${rows.length} |`),
    "",
    ...(versionOnly.length > 0
      ? [
          "The files hold the fields of every version of the family; these are not in every version:",
          "",
          ...versionOnly.map((f) => `- ${f}`),
          "",
          "A version reading the folder sets aside the values of the fields it does not declare and says so once per",
          "file and field (info D128), so the whole folder serves every version.",
          "",
        ]
      : []),
    "Give the folder to a rating or a check; the version in force in the period is used:",
    "",
    "```sh",
    ...rateCommands(family),
    "```",
    "",
    "## What is in it",
    "",
    `- Every month from ${SAMPLE_START} (or the first version's start, if later) to ${SAMPLE_END}, for every field`,
    "  of the version in force in that month and every unit; quarterly fields have one row a quarter.",
    ...(stats.historyFields.length
      ? [
          "  Inputs of year-on-year growth (read through `prev_year`) also have the year before the first version",
          `  begins: ${stats.historyFields.join(", ")}.`,
        ]
      : []),
    "- Scale follows each unit's size (population; departments' budgets); better and weaker units differ",
    "  consistently across indicators, with noise.",
    "- Fields marked `cumulative` in fields.yaml are running totals since January; plans sit beside facts.",
    `- Missing submissions: ${stats.omitted} cells left out (careless reporters: ${[...stats.sloppy].join(", ")}).`,
    `- Not applicable: ${stats.na} cells written \`n/a\` where no indicator reading the field applies to the unit.`,
    `- Outliers, deliberately implausible${outliers.length ? ":" : ": none"}`,
    ...outliers.map(
      (o) => `  - ${o.unit} ${o.field} ${o.period}: ${o.after} (would have been ${o.before}; ${OUTLIER_WORDS[o.kind]})`,
    ),
    "",
  ];
  if (wide) {
    lines.push(
      "## Wide example",
      "",
      `\`../examples/${wide.name}\` (${wide.rows} rows: \`unit,period\` and one column per field of version ${wide.version})`,
      "holds the same values as the long files for that quarter, in the other shape the data readers accept. It is",
      "kept outside this folder because it repeats those values: give a rating one shape or the other.",
      "",
    );
  }
  return lines.join("\n");
}

const OUTLIER_WORDS = {
  index: "an index spike",
  share: "a share reported for part of the period",
  stock: "an extra zero",
};

/** path relative to the rules root -> text, for every family. */
function generate(rulesRoot, seed) {
  const outputs = new Map();
  for (const family of findFamilies(rulesRoot)) {
    const { rows, omitted, sloppy, versionsOf } = familyRows(family, seed);
    const outliers = addOutliers(seed, family, rows);
    const files = splitFiles(rows);
    const base = `${family.name}/sample-data`;
    for (const [name, fileRows] of files) outputs.set(`${base}/${name}`, longCsv(fileRows));
    let wide;
    if (family.name === WIDE_EXAMPLE.family) {
      wide = wideCsv(family, rows, WIDE_EXAMPLE.quarter);
      outputs.set(`${family.name}/examples/${wide.name}`, wide.text);
    }
    const na = rows.filter((r) => r.value === "n/a").length;
    const stats = { omitted, na, sloppy, historyFields: historyFields(family) };
    outputs.set(`${base}/README.md`, readme(family, seed, files, outliers, stats, wide, versionOnlyFields(versionsOf)));
  }
  return outputs;
}

function historyFields(family) {
  const start = monthOrdinal(SAMPLE_START);
  const ids = new Set();
  for (const version of family.versions) {
    if (version.from - 12 >= start) continue;
    for (const i of version.indicators)
      for (const t of formulaTexts(i)) for (const id of prevYearIdentifiers(t)) ids.add(id);
  }
  return [...ids].sort();
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const outputs = generate(options.rules, options.seed);
  const root = options.out ?? options.rules;
  for (const [path, text] of outputs) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  process.stdout.write(`wrote ${outputs.size} files under ${root}\n`);
}

main();
