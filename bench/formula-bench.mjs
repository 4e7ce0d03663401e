/**
 * The formula benchmark: evaluation throughput of typical rating formulas over 200,000 rows (units x
 * periods) for Tarazy's compiled formulas, hand-written JavaScript (the limit) and four expression
 * libraries; then the batch API over whole columns beside a hand-written loop; then Tarazy's parse,
 * check and compile throughput. Every engine's results are compared with the hand-written ones before
 * its time is shown. Times are processor time (process.cpuUsage), so a shared machine's waiting does not
 * count. Imports the built engine (run `tsc -b` first; `npm run bench` does).
 */
import os from "node:os";
import { Parser as ExprEvalParser } from "expr-eval";
import { compileExpression as filtrexCompile } from "filtrex";
import jexlDefault from "jexl";
import { all, create } from "mathjs";
import { checkFormula } from "../engine/dist/check/checker.js";
import { compileColumns } from "../engine/dist/compile/batch.js";
import { compileFormula } from "../engine/dist/compile/compiler.js";
import { MapEnvironment } from "../engine/dist/formula/environment.js";
import { parseFormula } from "../engine/dist/formula/parser.js";
import { FORMULAS, INPUTS, inputsOf } from "./formula-cases.mjs";
import {
  cpuTime,
  formatRate,
  markdownTable,
  median,
  perSecond,
  timeAlternated,
  timePass,
  timeSideBySide,
} from "./lib/measure.mjs";

const UNITS = 2_000;
const PERIODS = 100;
const ROWS = UNITS * PERIODS;
const TOLERANCE = 1e-9;
/** `--batch`: only the batch table, with more rounds (its loops take well under a millisecond). */
const BATCH_ONLY = process.argv.includes("--batch");

// ---- Data: one Float64Array per input, row = unit * PERIODS + period, from a fixed seed ----

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

function makeColumns() {
  const random = mulberry32(20260301);
  const columns = {};
  for (const [name, { low, high, zeros = 0 }] of Object.entries(INPUTS)) {
    const column = new Float64Array(ROWS);
    for (let i = 0; i < ROWS; i++) column[i] = random() < zeros ? 0 : low + (high - low) * random();
    columns[name] = column;
  }
  return columns;
}

// ---- Tarazy: an EvalContext over the columns ----

const names = Object.keys(INPUTS);
const env = new MapEnvironment(names.map((name, slot) => ({ name, slot, type: "number", kind: "field" })));

/** Reads input `slot` of a unit and period straight from its column: what the scoring engine's store does. */
class ColumnContext {
  constructor(columns) {
    this.bySlot = names.map((name) => columns[name]);
    this.memo = new Map();
    this.allUnits = Array.from({ length: UNITS }, (_, u) => u);
  }
  get(slot, unit, period) {
    return this.bySlot[slot][unit * PERIODS + period];
  }
  ytd(slot, unit, period) {
    return this.get(slot, unit, period);
  }
  prev(period) {
    return period - 1;
  }
  prevYear(period) {
    return period >= 12 ? period - 12 : -1;
  }
  peers() {
    return this.allUnits;
  }
  unitName(unit) {
    return `unit ${unit}`;
  }
  periodName(period) {
    return `period ${period}`;
  }
}

function tarazyCompile(text) {
  const { ast, diagnostics } = parseFormula(text);
  if (!ast || diagnostics.length > 0) throw new Error(`${text}: ${diagnostics.map((d) => d.message).join("; ")}`);
  return compileFormula(ast, env).run;
}

// ---- The engines: each turns a formula into a pass that fills `out` for every row ----

const math = create(all);
const exprEval = new ExprEvalParser();
const jexl = new jexlDefault.Jexl();
jexl.addFunction("min", Math.min);
jexl.addFunction("max", Math.max);
jexl.addFunction("abs", Math.abs);
jexl.addFunction("ln", Math.log);
jexl.addFunction("round", (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits);

/** Peers read a scope object: one object per formula, refilled from the columns for every row. */
function scopePass(inputs, columns, evaluate) {
  const cols = inputs.map((name) => columns[name]);
  const scope = Object.fromEntries(inputs.map((name) => [name, 0]));
  return (out) => {
    for (let i = 0; i < ROWS; i++) {
      for (let k = 0; k < inputs.length; k++) scope[inputs[k]] = cols[k][i];
      out[i] = Number(evaluate(scope));
    }
  };
}

const ENGINES = [
  {
    name: "plain JavaScript",
    prepare: (f, columns) => (out) => {
      const js = f.js;
      for (let i = 0; i < ROWS; i++) out[i] = js(columns, i);
    },
  },
  {
    name: "Tarazy (compiled)",
    prepare: (f, columns) => {
      const run = tarazyCompile(f.tarazy);
      const ctx = new ColumnContext(columns);
      return (out) => {
        for (let unit = 0, i = 0; unit < UNITS; unit++) {
          for (let period = 0; period < PERIODS; period++, i++) out[i] = run(ctx, unit, period);
        }
      };
    },
  },
  {
    name: "mathjs",
    prepare: (f, columns) => {
      const compiled = math.compile(f.mathjs);
      return scopePass(inputsOf(f), columns, (scope) => compiled.evaluate(scope));
    },
  },
  {
    name: "expr-eval",
    prepare: (f, columns) => {
      const expression = exprEval.parse(f.exprEval);
      return scopePass(inputsOf(f), columns, (scope) => expression.evaluate(scope));
    },
  },
  {
    name: "jexl (evalSync)",
    prepare: (f, columns) => {
      const expression = jexl.compile(f.jexl);
      return scopePass(inputsOf(f), columns, (scope) => expression.evalSync(scope));
    },
  },
  {
    name: "filtrex",
    prepare: (f, columns) => scopePass(inputsOf(f), columns, filtrexCompile(f.filtrex)),
  },
];

// ---- Agreement: every engine against the hand-written results ----

function firstDisagreement(actual, expected) {
  for (let i = 0; i < ROWS; i++) {
    const a = actual[i];
    const e = expected[i];
    if (!(Math.abs(a - e) <= TOLERANCE * Math.max(1, Math.abs(e)))) return { row: i, actual: a, expected: e };
  }
  return undefined;
}

// ---- The batch API over whole columns, beside a hand-written loop ----

/**
 * A hand-written loop for one formula: its own function (so the JIT sees one formula), the columns in
 * locals, and the formula's plain JavaScript (`js` in formula-cases.mjs) as the loop body.
 */
function handWrittenLoop(f, columns) {
  const inputs = inputsOf(f);
  const body = f.js
    .toString()
    .replace(/^\(c, i\) =>/, "")
    .replace(/c\.(\w+)\[i\]/g, "col_$1[i]");
  const loop = new Function(
    ...inputs.map((name) => `col_${name}`),
    "out",
    `const row = (i) => ${body};\nfor (let i = 0; i < out.length; i++) out[i] = row(i);`,
  );
  const cols = inputs.map((name) => columns[name]);
  return (out) => loop(...cols, out);
}

/** The batch API as a caller holding columns uses it: compiled once, output arrays reused. */
function batchPass(f, columns) {
  const { ast } = parseFormula(f.tarazy);
  const batch = compileColumns(ast, env);
  const bySlot = names.map((name) => columns[name]);
  const missing = new Uint8Array(ROWS);
  return (out) => batch.evaluate(bySlot, { into: { values: out, missing } });
}

/** Every formula: the hand-written loop and the batch, checked to agree, then timed in alternation. */
function batchRows(columns, problems) {
  const expected = new Float64Array(ROWS);
  const out = new Float64Array(ROWS);
  const ratios = [];
  const rows = FORMULAS.map((f) => {
    const hand = handWrittenLoop(f, columns);
    const batch = batchPass(f, columns);
    hand(expected);
    const result = batch(out);
    const wrong = firstDisagreement(out, expected);
    if (wrong) problems.push(`batch disagrees on ${f.id}, row ${wrong.row}: ${wrong.actual} vs ${wrong.expected}`);
    if (result.missingCount > 0) problems.push(`batch finds ${result.missingCount} missing values in ${f.id}`);
    const { aMs, bMs } = timeAlternated(
      () => hand(out),
      () => batch(out),
      { rounds: BATCH_ONLY ? 61 : 21, clock: cpuTime },
    );
    ratios.push(bMs / aMs);
    return [f.title, formatRate(perSecond(ROWS, aMs)), `${formatRate(perSecond(ROWS, bMs))} (${ratioText(bMs / aMs)})`];
  });
  rows.push(["**median time vs the loop**", "1×", `**${ratioText(median(ratios))}**`]);
  return rows;
}

// ---- Front-end throughput: parse, check, compile ----

function frontEndRates() {
  const texts = FORMULAS.map((f) => f.tarazy);
  const asts = texts.map((t) => parseFormula(t).ast);
  const checked = asts.map((ast) => checkFormula(ast, env));
  const reps = 200;
  const rate = (step) =>
    perSecond(
      texts.length * reps,
      timePass(
        () => {
          for (let r = 0; r < reps; r++) for (let k = 0; k < texts.length; k++) step(k);
        },
        { clock: cpuTime },
      ),
    );
  return [
    ["parse (text to AST)", rate((k) => parseFormula(texts[k]))],
    ["check (names, types)", rate((k) => checkFormula(asts[k], env))],
    ["compile (checked AST to function)", rate((k) => compileFormula(asts[k], env, { checked: checked[k] }))],
    ["all three", rate((k) => compileFormula(parseFormula(texts[k]).ast, env))],
  ];
}

// ---- Run ----

function cpuModel() {
  return os.cpus()[0]?.model?.trim() ?? "unknown CPU";
}

function ratioText(ratio) {
  return `${ratio.toFixed(ratio < 10 ? 2 : 0)}×`;
}

/**
 * One formula through every engine: each engine's first pass is checked against plain JavaScript; then
 * plain JavaScript and Tarazy are timed side by side (their ratio is the number that matters) and the
 * peers one by one.
 */
function benchFormula(f, columns, expected, out, problems) {
  const passes = [];
  for (const engine of ENGINES) {
    try {
      passes.push(engine.prepare(f, columns));
    } catch (error) {
      problems.push(`${engine.name} cannot express ${f.id}: ${error.message}`);
      passes.push(undefined);
    }
  }
  passes[0](expected);
  const firstMs = passes.map((pass, k) => {
    if (!pass || k === 0) return undefined;
    out.fill(Number.NaN);
    const ms = cpuTime(() => pass(out));
    const wrong = firstDisagreement(out, expected);
    if (wrong)
      problems.push(`${ENGINES[k].name} disagrees on ${f.id}, row ${wrong.row}: ${wrong.actual} vs ${wrong.expected}`);
    return ms;
  });
  const sideBySide = timeSideBySide(
    () => passes[0](out),
    () => passes[1](out),
    21,
    cpuTime,
  );
  const results = [
    { ms: sideBySide.aMs, ratio: 1 },
    { ms: sideBySide.bMs, ratio: sideBySide.bMs / sideBySide.aMs },
  ];
  for (let k = 2; k < ENGINES.length; k++) {
    const pass = passes[k];
    if (!pass) {
      results.push(undefined);
      continue;
    }
    const ms = timePass(() => pass(out), { firstMs: firstMs[k], clock: cpuTime });
    results.push({ ms, ratio: ms / sideBySide.aMs });
  }
  return results;
}

function main() {
  const started = performance.now();
  console.log("# Formula benchmark\n");
  console.log(
    `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${os.cpus().length} × ${cpuModel()} · load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} · ${ROWS.toLocaleString("en")} rows (${UNITS} units × ${PERIODS} periods) per pass\n`,
  );
  const columns = makeColumns();
  const problems = [];
  if (!BATCH_ONLY) evaluationTable(columns, problems);
  console.log("\n## Batch over columns (compileColumns): rows per second (time relative to a hand-written loop)\n");
  console.log(
    markdownTable(["formula", "hand-written loop", "Tarazy batch"], batchRows(columns, problems), [false, true, true]),
  );
  console.log(
    problems.length === 0
      ? `\nAll ${BATCH_ONLY ? "batch results" : "engines and the batch"} agree with plain JavaScript on every row (to 1e-9).`
      : `\nPROBLEMS:\n${problems.map((p) => `- ${p}`).join("\n")}`,
  );
  if (!BATCH_ONLY) {
    console.log("\n## Tarazy front end: formulas per second (the 12 formulas above, in turn)\n");
    console.log(
      markdownTable(
        ["step", "formulas/s"],
        frontEndRates().map(([step, r]) => [step, formatRate(r)]),
        [false, true],
      ),
    );
  }
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s, load average at the end ${loadAverage()})`);
  if (problems.length > 0) process.exitCode = 1;
}

function loadAverage() {
  return os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
}

/** Every formula through every engine: the evaluation table. */
function evaluationTable(columns, problems) {
  const expected = new Float64Array(ROWS);
  const out = new Float64Array(ROWS);
  const rows = [];
  const ratios = ENGINES.map(() => []);
  for (const f of FORMULAS) {
    const results = benchFormula(f, columns, expected, out, problems);
    rows.push([
      f.title,
      ...results.map((r, k) => {
        if (!r) return "n/a";
        ratios[k].push(r.ratio);
        const rate = formatRate(perSecond(ROWS, r.ms));
        return k === 0 ? rate : `${rate} (${ratioText(r.ratio)})`;
      }),
    ]);
  }
  rows.push(["**median time vs plain JS**", "1×", ...ratios.slice(1).map((r) => `**${ratioText(median(r))}**`)]);
  console.log("## Evaluation: rows per second (time relative to plain JavaScript)\n");
  console.log(markdownTable(["formula", ...ENGINES.map((e) => e.name)], rows, [false, ...ENGINES.map(() => true)]));
  const rewrites = FORMULAS.flatMap((f) =>
    Object.entries(f.rewritten ?? {}).map(([engine, why]) => `${f.id} in ${engine} (${why}): \`${f[engine]}\``),
  );
  console.log(`\nRewritten for peers lacking a construct: ${rewrites.join("; ")}.`);
}

main();
