// What Wary costs a page in a real browser: headless Chromium (playwright-core, /usr/bin/chromium)
// with and without the unpacked extension (dist/chrome, loaded as tests/e2e/helpers.mjs does),
// on a heavy page generated here, the same on every run: ~1 MB of HTML, 2,000 links to as many
// popular sites, 200 paragraphs, 50 headings, 40 forms. It is served from 127.0.0.1 under three
// names (every host maps there): a lookalike, `aliexpress-sale.shop`, where the bar appears; a
// neutral `myblog-reviews.net`, where the whole page is read and judged and no bar shows; and
// the brand's real `www.aliexpress.com`, a verified site.
//
// Per page load (RUNS loads per browser and host, interleaved, medians):
//   bar       when the bar's element was attached (a MutationObserver of the page's own, put in
//             by an init script in both browsers), in ms from navigation start, and that minus
//             DOMContentLoaded (the navigation entry's domContentLoadedEventStart)
//   main      the renderer main thread's busy time (CDP Performance.getMetrics TaskDuration),
//             taken SETTLE_MS after `load` so the page check has finished; with minus without.
//             On this shared 2-core machine that difference is mostly noise, so one more load
//             per run, with the extension, runs under V8's sampling profiler (CDP Profiler,
//             100 µs): the samples whose stack holds a frame of the extension (content scripts,
//             glue, wasm: chrome-extension:// URLs) are the extension's own main-thread time,
//             DOM calls it makes included, garbage collection and idle not
//   memory    after a forced garbage collection, the page's V8 heap (CDP Runtime.getHeapUsage:
//             used + embedder + ArrayBuffer backing stores), with minus without. The engine
//             lives in the service worker, not in the page, so its WebAssembly memory is no
//             tab's cost
// Run after ./build.sh:  node benches/browser.mjs   (figures: bench-output/browser.json)
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { median, record, root } from './common.mjs';
import { CHROMIUM_FLAGS } from '../tests/e2e/chromium-flags.mjs';

const RUNS = Number(process.env.BROWSER_RUNS ?? 5);
const SETTLE_MS = 2000;
const HOSTS = { lookalike: 'aliexpress-sale.shop', neutral: 'myblog-reviews.net', verified: 'www.aliexpress.com' };
const extensionDir = fileURLToPath(new URL('dist/chrome', root));

/** The heavy page: deterministic, ~1 MB, 2,000 links to popular sites (text = the site's name). */
async function heavyPage() {
  const sites = (await readFile(new URL('data/popular_sites.txt', root), 'utf8')).split('\n').filter((l) => l && !l.startsWith('#')).slice(0, 2000);
  const words = 'wireless earbuds with free delivery order today and pay at checkout our reviews compare the best prices of the season for home garden kitchen and travel'.split(' ');
  const paragraph = (i) => Array.from({ length: 650 }, (_, j) => words[(i * 7 + j * 13) % words.length]).join(' ');
  const parts = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Every site we like</title></head><body>'];
  for (let section = 0; section < 50; section++) {
    parts.push(`<h2>Section ${section}</h2>`);
    for (let p = 0; p < 4; p++) parts.push(`<p>${paragraph(section * 4 + p)}</p>`);
    parts.push('<ul>');
    for (const site of sites.slice(section * 40, section * 40 + 40)) parts.push(`<li><a href="https://www.${site}/page">${site}</a> — a site we like for its prices and its delivery</li>`);
    parts.push('</ul>');
    if (section % 5 === 0) parts.push(`<form action="/search"><input name="q" placeholder="Search"><button>Search</button></form>`.repeat(4));
  }
  parts.push('</body></html>');
  return parts.join('\n');
}

async function serve(body) {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}

/** A fresh Chromium profile, with the extension or without it; otherwise the same flags. */
async function launch(withExtension) {
  const profile = await mkdtemp(path.join(tmpdir(), 'wary-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1100, height: 700 },
    args: [
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions']),
      ...CHROMIUM_FLAGS,
      '--enable-precise-memory-info',
    ],
  });
  if (withExtension) context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // In the page's own world, in both browsers: when did an element with data-wary appear?
  await context.addInitScript(() => {
    new MutationObserver((mutations, observer) => {
      for (const m of mutations) for (const node of m.addedNodes) {
        if (node.nodeType === 1 && node.hasAttribute('data-wary')) {
          globalThis.__waryBarAt = performance.now();
          observer.disconnect();
          return;
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return { context, close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); } };
}

/** One page load: bar time, main-thread busy time and heap, as described at the top. */
async function measure(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const timing = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    return { barAt: globalThis.__waryBarAt ?? null, dcl: nav.domContentLoadedEventStart, load: nav.loadEventStart, links: document.links.length, bytes: document.documentElement.outerHTML.length };
  });
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  await page.close();
  return {
    ...timing,
    taskMs: metric.TaskDuration * 1000,
    scriptMs: metric.ScriptDuration * 1000,
    jsHeapUsed: metric.JSHeapUsedSize,
    heapTotal: heap.usedSize + (heap.embedderHeapUsedSize ?? 0) + (heap.backingStorageSize ?? 0),
    backingStorage: heap.backingStorageSize ?? null,
  };
}

/** One load under the sampling profiler: ms of samples with an extension frame on the stack, by file. */
async function profile(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const { profile: p } = await cdp.send('Profiler.stop');
  await cdp.detach();
  await page.close();
  const parent = new Map();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  for (const n of p.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  // A sample counts when any frame of its stack is the extension's; it is booked to the
  // nearest such frame (file and function), so DOM calls count to the script function making them.
  const nearest = new Map();
  const nearestOf = (id) => {
    if (nearest.has(id)) return nearest.get(id);
    const { url, functionName } = byId.get(id).callFrame;
    const mine = url.startsWith('chrome-extension://')
      ? `${url.replace(/^chrome-extension:\/\/[^/]+\//, '')} ${url.endsWith('.wasm') ? '' : functionName || '(top)'}`.trim()
      : parent.has(id) ? nearestOf(parent.get(id)) : null;
    nearest.set(id, mine);
    return mine;
  };
  const byFile = {};
  let total = 0;
  for (let i = 0; i + 1 < p.samples.length; i++) {
    const where = nearestOf(p.samples[i]);
    if (!where) continue;
    const ms = p.timeDeltas[i + 1] / 1000;
    total += ms;
    byFile[where] = (byFile[where] ?? 0) + ms;
  }
  return { extensionMs: total, byFile };
}

const body = await heavyPage();
const server = await serve(body);
const browsers = { with: await launch(true), without: await launch(false) };
const samples = {};
const profiles = Object.fromEntries(Object.keys(HOSTS).map((kind) => [kind, []]));
try {
  for (const kind of Object.keys(HOSTS)) for (const b of Object.keys(browsers)) samples[`${kind}/${b}`] = [];
  // One untimed load each, so first-use costs of the browser itself are not in the figures.
  for (const host of Object.values(HOSTS)) for (const b of Object.values(browsers)) await measure(b.context, `http://${host}:${server.port}/`);
  for (let run = 0; run < RUNS; run++) {
    for (const [kind, host] of Object.entries(HOSTS)) {
      for (const [name, b] of Object.entries(browsers)) samples[`${kind}/${name}`].push(await measure(b.context, `http://${host}:${server.port}/`));
      profiles[kind].push(await profile(browsers.with.context, `http://${host}:${server.port}/`));
    }
  }
} finally {
  for (const b of Object.values(browsers)) await b.close();
  await server.close();
}

const med = (list, key) => median(list.map((s) => s[key]).filter((v) => v !== null));
const figures = { runs: RUNS, pageBytes: Buffer.byteLength(body), links: samples['neutral/with'][0].links, chromium: execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim() };
for (const kind of Object.keys(HOSTS)) {
  const w = samples[`${kind}/with`];
  const wo = samples[`${kind}/without`];
  figures[kind] = {
    host: HOSTS[kind],
    barShown: w.filter((s) => s.barAt !== null).length,
    barMs: w.some((s) => s.barAt !== null) ? med(w, 'barAt') : null,
    barAfterDclMs: w.some((s) => s.barAt !== null) ? median(w.filter((s) => s.barAt !== null).map((s) => s.barAt - s.dcl)) : null,
    dclMs: { with: med(w, 'dcl'), without: med(wo, 'dcl') },
    taskMs: { with: med(w, 'taskMs'), without: med(wo, 'taskMs') },
    scriptMs: { with: med(w, 'scriptMs'), without: med(wo, 'scriptMs') },
    heapBytes: { with: med(w, 'heapTotal'), without: med(wo, 'heapTotal') },
    jsHeapUsed: { with: med(w, 'jsHeapUsed'), without: med(wo, 'jsHeapUsed') },
    backingStorage: { with: med(w, 'backingStorage'), without: med(wo, 'backingStorage') },
  };
  const f = figures[kind];
  f.addedTaskMs = f.taskMs.with - f.taskMs.without;
  f.addedHeapBytes = f.heapBytes.with - f.heapBytes.without;
  f.profiledMs = median(profiles[kind].map((p) => p.extensionMs));
  f.profiledByFile = Object.fromEntries([...new Set(profiles[kind].flatMap((p) => Object.keys(p.byFile)))]
    .map((file) => [file, median(profiles[kind].map((p) => p.byFile[file] ?? 0))]));
  f.samples = { with: w, without: wo, profiles: profiles[kind] };
}
const ms = (x) => (x === null ? '—' : `${x.toFixed(1)} ms`);
const mb = (x) => `${(x / 1e6).toFixed(2)} MB`;
console.log(`heavy page: ${(figures.pageBytes / 1e6).toFixed(2)} MB of HTML, ${figures.links} links; ${RUNS} loads per browser and host, medians`);
for (const kind of Object.keys(HOSTS)) {
  const f = figures[kind];
  console.log(`${kind} (${f.host}): bar shown in ${f.barShown} of ${RUNS} loads` + (f.barMs === null ? '' : ` at ${ms(f.barMs)} from navigation start, ${ms(f.barAfterDclMs)} after DOMContentLoaded (DCL ${ms(f.dclMs.with)})`));
  const top = Object.entries(f.profiledByFile).sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`  extension's own main-thread time (profiler): ${ms(f.profiledMs)}; most in ${top.map(([where, t]) => `${where} ${t.toFixed(1)}`).join(', ')}`);
  console.log(`  main thread busy ${ms(f.taskMs.with)} with, ${ms(f.taskMs.without)} without: +${ms(f.addedTaskMs)}; heap ${mb(f.heapBytes.with)} with, ${mb(f.heapBytes.without)} without: +${mb(f.addedHeapBytes)}`);
}
await record('browser', figures);
