// Host checks in the WebAssembly build, through the real JS glue, on the same corpus as
// benches/hosts.rs: 5,000 popular hosts plus generated lookalikes. Also times instantiating
// the module, which every page pays once. Run after ./build.sh:  node benches/wasm-hosts.mjs
// (or `node benches/wasm-hosts.mjs file:///other/engine/dir/` to time another build).
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

const root = new URL('../', import.meta.url);
const engineDir = new URL(process.argv[2] ?? 'dist/chrome/engine/', root);

function corpus(popularText) {
  const hosts = popularText.split('\n').filter((l) => l && !l.startsWith('#')).slice(0, 5000).map((d) => `www.${d}`);
  const brands = ['aliexpress.com', 'paypal.com', 'amazon.com', 'ebay.com', 'walmart.com', 'temu.com', 'shein.com', 'fedex.com'];
  for (const domain of brands) {
    const [name, suffix] = domain.split(/\.(.*)/);
    hosts.push(`${name}-sale.shop`, `${name}.com.secure-login.ru`, `${name}.top`, `${name}-refund-center.com`, `login.${name}.verify-account.net`);
    for (let at = 0; at < name.length; at++) {
      hosts.push(`${name.slice(0, at)}${name.slice(at + 1)}.${suffix}`);
      hosts.push(`${name.slice(0, at)}${name[at]}${name.slice(at)}.${suffix}`);
      hosts.push(`${name.slice(0, at)}x${name.slice(at + 1)}.${suffix}`);
    }
  }
  return hosts;
}

const wasmBytes = await readFile(new URL('wary_bg.wasm', engineDir));
const engine = await import(new URL('wary.js', engineDir));
const t0 = performance.now();
const module = await WebAssembly.compile(wasmBytes);
const t1 = performance.now();
await engine.default({ module_or_path: module });
const t2 = performance.now();
engine.analyze_url('warm.example'); // builds the catalogue index
const t3 = performance.now();

const hosts = corpus(await readFile(new URL('data/popular_sites.txt', root), 'utf8'));
for (const host of hosts) engine.analyze_url(host); // warm-up round
const rounds = 20;
const start = performance.now();
for (let round = 0; round < rounds; round++) for (const host of hosts) engine.analyze_url(host);
const perHostUs = ((performance.now() - start) * 1000) / (rounds * hosts.length);

console.log(`wasm size            ${wasmBytes.length} bytes`);
console.log(`compile              ${(t1 - t0).toFixed(1)} ms`);
console.log(`instantiate          ${(t2 - t1).toFixed(1)} ms`);
console.log(`first check (index)  ${(t3 - t2).toFixed(2)} ms`);
console.log(`host check           ${perHostUs.toFixed(2)} µs/host over ${hosts.length} hosts × ${rounds} rounds (${Math.round(1e6 / perHostUs)} hosts/s)`);
