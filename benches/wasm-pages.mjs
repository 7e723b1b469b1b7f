// Page checks in the WebAssembly build, through the real JS glue, on the same two pages as
// benches/pages.rs: a heavy page at the caps (200 KB of text, 2,000 links to as many sites,
// 100 forms) and an ordinary shop page, median of 20 calls after a warm-up call.
// Run after ./build.sh:  node benches/wasm-pages.mjs   (figures: bench-output/wasm-pages.json)
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { median, record, root } from './common.mjs';

const engineDir = new URL('dist/chrome/engine/', root);
const engine = await import(new URL('wary.js', engineDir));
await engine.default({ module_or_path: await readFile(new URL('wary_bg.wasm', engineDir)) });
engine.analyze_url('warm.example'); // builds the catalogue index

const popular = (await readFile(new URL('data/popular_sites.txt', root), 'utf8')).split('\n').filter((l) => l && !l.startsWith('#'));
const pages = {
  heavy: {
    url: 'https://myblog-reviews.net/links',
    title: 'Every site we like',
    text: 'Wireless earbuds with free delivery, order today and pay at checkout. '.repeat(3000).slice(0, 200 * 1024),
    headings: Array.from({ length: 50 }, (_, i) => `Section ${i}`),
    links: popular.slice(0, 2000).map((site) => ({ href: `https://www.${site}/page`, text: site })),
    forms: Array.from({ length: 100 }, () => ({ action: 'https://myblog-reviews.net/search', has_password: false, has_card: false })),
  },
  shop: {
    url: 'https://www.aliexpress.com/item/1005.html',
    title: 'Wireless earbuds - AliExpress',
    text: 'Wireless earbuds. Free shipping. Buyer protection. Add to cart. '.repeat(300),
    headings: ['Wireless earbuds', 'Reviews'],
    links: Array.from({ length: 300 }, (_, i) => ({ href: `https://www.aliexpress.com/item/${i}.html`, text: `Item ${i}` })),
    forms: [{ action: 'https://www.aliexpress.com/pay', has_password: true, has_card: true }],
  },
};

const figures = {};
for (const [name, facts] of Object.entries(pages)) {
  engine.analyze_page(facts); // warm-up
  const times = [];
  for (let round = 0; round < 20; round++) {
    const start = performance.now();
    engine.analyze_page(facts);
    times.push(performance.now() - start);
  }
  figures[name] = { ms: median(times), spread: [Math.min(...times), Math.max(...times)] };
  console.log(`wasm analyze_page/${name}: ${figures[name].ms.toFixed(2)} ms per page (median of 20; ${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)})`);
}
await record('wasm-pages', figures);
