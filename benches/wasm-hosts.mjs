// Host checks in the WebAssembly build, through the real JS glue, on the same corpus as
// benches/hosts.rs: 5,000 popular hosts plus generated lookalikes. Also times getting the
// module ready, which every page pays once: compile + instantiate + the first check, cold (a
// fresh Node process, median of 5) and warm (again in the same process, where V8 reuses the
// compiled code, median of 10). Run after ./build.sh:  node benches/wasm-hosts.mjs
// (or `node benches/wasm-hosts.mjs file:///other/engine/dir/` to time another build).
// Figures go to bench-output/wasm-hosts.json.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { hostCorpus, median, record, root } from './common.mjs';

const coldProbe = process.argv[2] === '--cold-probe';
const engineDir = new URL((coldProbe ? process.argv[3] : process.argv[2]) ?? 'dist/chrome/engine/', root);

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

if (coldProbe) {
  console.log(JSON.stringify(await ready()));
  process.exit(0);
}

// Cold: each in a fresh process, as a new tab or a woken worker pays it without a code cache.
const script = fileURLToPath(import.meta.url);
const colds = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, [script, '--cold-probe', engineDir.href], { encoding: 'utf8' })));
const cold = Object.fromEntries(Object.keys(colds[0]).map((k) => [k, median(colds.map((c) => c[k]))]));
await ready();
const warms = [];
for (let i = 0; i < 10; i++) warms.push(await ready());
const warm = Object.fromEntries(Object.keys(warms[0]).map((k) => [k, median(warms.map((c) => c[k]))]));

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
console.log(`cold (fresh process) compile ${ms(cold.compile)}, instantiate ${ms(cold.instantiate)}, first check ${ms(cold.firstCheck)}: ${ms(cold.total)} (median of 5)`);
console.log(`warm (same process)  compile ${ms(warm.compile)}, instantiate ${ms(warm.instantiate)}, first check ${ms(warm.firstCheck)}: ${ms(warm.total)} (median of 10)`);
console.log(`host check           ${perHostUs.toFixed(2)} µs/host over ${hosts.length} hosts, median of 20 rounds (${Math.round(1e6 / perHostUs)} hosts/s; ${Math.min(...rounds).toFixed(2)}–${Math.max(...rounds).toFixed(2)})`);
await record('wasm-hosts', { hosts: hosts.length, usPerHost: perHostUs, spread: [Math.min(...rounds), Math.max(...rounds)], cold, warm });
