// Host checks in the WebAssembly build, through the real JS glue, with the popular names
// loaded as the worker loads them: issue 15's realistic mix (tools/bench_corpus.py's million
// distinct hosts, each judged once a pass, median of 3 passes), and the small corpus of
// benches/hosts.rs (5,000 popular hosts plus generated lookalikes, median of 20 rounds). Also
// times getting the module ready again in the same process (compile + instantiate + the first
// check, where V8 reuses the compiled code, median of 10; the cold start in a fresh process is
// benches/cold-start.mjs). Run after ./build.sh and tools/bench_corpus.py:
//   node benches/wasm-hosts.mjs [file:///other/engine/dir/]   (figures: bench-output/wasm-hosts.json)
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { hostCorpus, hostMix, loadNames, median, record, root } from './common.mjs';

const engineDir = new URL(process.argv[2] ?? 'dist/chrome/engine/', root);
const MIX_PASSES = 3;

const wasmBytes = await readFile(new URL('wary_bg.wasm', engineDir));
let engine = null;
let copies = 0;

/**
 * Milliseconds to compile, instantiate (through the glue's init) and run a first check. Each
 * call imports a fresh copy of the glue (its URL differs), since the glue initialises once.
 */
async function ready() {
  engine = await import(new URL(`wary.js?copy=${copies++}`, engineDir));
  const t0 = performance.now();
  const module = await WebAssembly.compile(wasmBytes);
  const t1 = performance.now();
  await engine.default({ module_or_path: module });
  const t2 = performance.now();
  engine.analyze_url('warm.example'); // builds the catalogue index
  const t3 = performance.now();
  return { compile: t1 - t0, instantiate: t2 - t1, firstCheck: t3 - t2, total: t3 - t0 };
}

await ready();
const warms = [];
for (let i = 0; i < 10; i++) warms.push(await ready());
const warm = Object.fromEntries(Object.keys(warms[0]).map((k) => [k, median(warms.map((c) => c[k]))]));
await loadNames(engine, engineDir);

/** Microseconds per host of one pass over `list`. */
function pass(list) {
  const start = performance.now();
  for (const host of list) {
    try {
      engine.analyze_url(host);
    } catch {
      // an input the engine refuses is judged too
    }
  }
  return ((performance.now() - start) * 1000) / list.length;
}

const mix = await hostMix();
const mixPasses = Array.from({ length: MIX_PASSES }, () => pass(mix.hosts));
const mixUs = median(mixPasses);
const kindUs = {};
for (const kind of [...new Set(mix.kinds)].sort()) kindUs[kind] = pass(mix.hosts.filter((_, i) => mix.kinds[i] === kind));

const hosts = await hostCorpus();
for (const host of hosts) engine.analyze_url(host); // warm-up round
const rounds = [];
for (let round = 0; round < 20; round++) {
  const start = performance.now();
  for (const host of hosts) engine.analyze_url(host);
  rounds.push(((performance.now() - start) * 1000) / hosts.length);
}
const perHostUs = median(rounds);

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`wasm size            ${wasmBytes.length} bytes`);
console.log(`warm (same process)  compile ${ms(warm.compile)}, instantiate ${ms(warm.instantiate)}, first check ${ms(warm.firstCheck)}: ${ms(warm.total)} (median of 10)`);
console.log(`host check, mix       ${mixUs.toFixed(2)} µs/host over ${mix.hosts.length.toLocaleString('en')} distinct hosts, median of ${MIX_PASSES} passes (${mixPasses.map((p) => p.toFixed(2)).join(', ')}; ${Math.round(1e6 / mixUs).toLocaleString('en')} hosts/s)`);
for (const [kind, us] of Object.entries(kindUs)) console.log(`  ${kind.padEnd(18)} ${us.toFixed(2)} µs/host`);
console.log(`host check, corpus   ${perHostUs.toFixed(2)} µs/host over ${hosts.length} hosts, median of 20 rounds (${Math.round(1e6 / perHostUs)} hosts/s; ${Math.min(...rounds).toFixed(2)}–${Math.max(...rounds).toFixed(2)})`);
await record('wasm-hosts', {
  hosts: hosts.length, usPerHost: perHostUs, spread: [Math.min(...rounds), Math.max(...rounds)], warm,
  mix: { hosts: mix.hosts.length, passes: mixPasses, usPerHost: mixUs, kinds: kindUs },
});
