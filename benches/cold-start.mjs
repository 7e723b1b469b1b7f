// The worker's cold start, as the service worker pays it when the browser wakes it: compile and
// instantiate the wasm (through the real glue), import engine/protected-names.js, load_names,
// and the first verdict (analyze_address on a page's URL, as `verdict/url` asks it). Each run
// is a fresh Node process, so nothing is cached; the median of 9 runs, part by part, and the
// median of the runs' sums against issue 15's 50 ms. Run after ./build.sh:
//   node benches/cold-start.mjs [file:///other/engine/dir/]   (figures: bench-output/cold-start.json)
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { median, record, root } from './common.mjs';

const RUNS = 9;
const TARGET_MS = 50;
const probe = process.argv[2] === '--probe';
const engineDir = new URL((probe ? process.argv[3] : process.argv[2]) ?? 'dist/chrome/engine/', root);
// The parts of the sum, in the order the worker pays them.
const PARTS = ['compile', 'instantiate', 'importNames', 'loadNames', 'firstVerdict'];

/** One cold start in this (fresh) process: milliseconds per part, and reading the file apart. */
async function coldStart() {
  // The glue's init asks whether its argument is a `Response`; Node builds that global (undici)
  // on first use, 20–28 ms measured, which a browser's worker never pays: built here, untimed.
  void globalThis.Response;
  const t0 = performance.now();
  const bytes = await readFile(new URL('wary_bg.wasm', engineDir));
  const t1 = performance.now();
  const module = await WebAssembly.compile(bytes);
  const t2 = performance.now();
  const engine = await import(new URL('wary.js', engineDir));
  await engine.default({ module_or_path: module });
  const t3 = performance.now();
  const { names, popular } = await import(new URL('protected-names.js', engineDir));
  const t4 = performance.now();
  const count = engine.load_names(names, popular);
  const t5 = performance.now();
  const first = engine.analyze_address('https://www.example-shop.com/account/login');
  const t6 = performance.now();
  if (!count || !first.verdict) throw new Error(`cold start: load_names gave ${count}, the first verdict ${JSON.stringify(first)}`);
  return { read: t1 - t0, compile: t2 - t1, instantiate: t3 - t2, importNames: t4 - t3, loadNames: t5 - t4, firstVerdict: t6 - t5 };
}

if (probe) {
  console.log(JSON.stringify(await coldStart()));
  process.exit(0);
}

const script = fileURLToPath(import.meta.url);
const runs = Array.from({ length: RUNS }, () => JSON.parse(execFileSync(process.execPath, [script, '--probe', engineDir.href], { encoding: 'utf8' })));
const parts = Object.fromEntries(['read', ...PARTS].map((k) => [k, median(runs.map((r) => r[k]))]));
const sums = runs.map((r) => PARTS.reduce((sum, k) => sum + r[k], 0));
const total = median(sums);

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`cold start, ${RUNS} fresh processes (medians): compile ${ms(parts.compile)}, instantiate ${ms(parts.instantiate)}, `
  + `import protected-names.js ${ms(parts.importNames)}, load_names ${ms(parts.loadNames)}, first verdict ${ms(parts.firstVerdict)}`);
console.log(`sum ${ms(total)} (runs ${Math.min(...sums).toFixed(1)}–${Math.max(...sums).toFixed(1)} ms; target ≤ ${TARGET_MS} ms); reading the wasm file ${ms(parts.read)} apart`);
await record('cold-start', { runs: RUNS, parts, totalMs: total, spread: [Math.min(...sums), Math.max(...sums)], targetMs: TARGET_MS });
