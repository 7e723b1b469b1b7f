// Page checks in the WebAssembly build, through the real JS glue, on the same two pages as
// benches/pages.rs: a heavy page at the caps (200 KB of text, 2,000 links to as many sites,
// 100 forms) and an ordinary shop page. Run after ./build.sh:  node benches/wasm-pages.mjs
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

const root = new URL('../', import.meta.url);
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

for (const [name, facts] of Object.entries(pages)) {
  engine.analyze_page(facts); // warm-up
  const rounds = 20;
  const start = performance.now();
  for (let round = 0; round < rounds; round++) engine.analyze_page(facts);
  console.log(`wasm analyze_page/${name}: ${((performance.now() - start) / rounds).toFixed(2)} ms per page`);
}
