// Text checks in the WebAssembly build, through the real JS glue, on the same texts as
// benches/text.rs: the messages of tests/data/texts.tsv repeated to 1 KB, 10 KB and 1 MB (the
// engine judges the first 200 KB of any text). Median of 20 calls after a warm-up call.
// Run after ./build.sh:  node benches/wasm-text.mjs   (figures: bench-output/wasm-text.json)
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { median, record, root } from './common.mjs';

const engineDir = new URL('dist/chrome/engine/', root);
const engine = await import(new URL('wary.js', engineDir));
await engine.default({ module_or_path: await readFile(new URL('wary_bg.wasm', engineDir)) });
engine.analyze_text('warm up: pay by Western Union at paypal-login.example'); // builds the indexes

const messages = (await readFile(new URL('tests/data/texts.tsv', root), 'utf8'))
  .split('\n').filter((l) => !l.startsWith('#') && l.trim()).map((l) => l.split('\t')[0]);

/** As text_of() in benches/text.rs: messages joined by newlines to `bytes` UTF-8 bytes, cut at a character boundary. */
function textOf(bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i = (i + 1) % messages.length) {
    parts.push(messages[i], '\n');
    size += Buffer.byteLength(messages[i]) + 1;
  }
  const buffer = Buffer.from(parts.join(''));
  let end = Math.min(bytes, buffer.length);
  while (end < buffer.length && (buffer[end] & 0xc0) === 0x80) end--;
  return buffer.subarray(0, end).toString('utf8');
}

const figures = {};
for (const [label, bytes] of [['1KB', 1024], ['10KB', 10 * 1024], ['1MB', 1024 * 1024]]) {
  const text = textOf(bytes);
  engine.analyze_text(text); // warm-up
  const times = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    engine.analyze_text(text);
    times.push(performance.now() - start);
  }
  figures[label] = { ms: median(times), spread: [Math.min(...times), Math.max(...times)] };
  console.log(`wasm analyze_text/${label}: ${figures[label].ms.toFixed(3)} ms per text (median of 20; ${Math.min(...times).toFixed(3)}–${Math.max(...times).toFixed(3)})`);
}
await record('wasm-text', figures);
