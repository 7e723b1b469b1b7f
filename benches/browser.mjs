// What Wary costs a page in a real browser: headless Chromium (playwright-core, /usr/bin/chromium)
// with and without the unpacked extension (dist/chrome, loaded as tests/e2e/helpers.mjs does),
// on two pages generated here, the same on every run, served from 127.0.0.1 under several names
// (every host maps there):
//   the heavy page   ~1 MB of HTML, 2,000 links to as many popular sites, 200 paragraphs, 50
//                    headings, 40 forms; at a lookalike, `aliexpress-sale.shop`, where the bar
//                    appears at once and the page is read and judged; at a neutral
//                    `myblog-reviews.net`, where the whole page is read and judged and no bar
//                    shows; and at the brand's real `www.aliexpress.com`, a verified site
//   an item page     a marketplace listing as AliExpress draws one, ~0.9 MB: title, price, SKU
//                    buttons, gallery, store card, specifications table, a long description,
//                    80 reviews, questions and answers, a grid of 400 recommended items (links
//                    to the site's own pages), a footer of links to other sites, and the page's
//                    data as a script; at `www.aliexpress.com`, where only others' words (the
//                    reviews, the answers) are read
//
// Per page load (RUNS loads per browser and page, interleaved, medians):
//   bar       when the bar's element was attached (a MutationObserver of the page's own, put in
//             by an init script in both browsers), in ms from navigation start, and that minus
//             DOMContentLoaded (the navigation entry's domContentLoadedEventStart)
//   main      the renderer main thread's busy time (CDP Performance.getMetrics TaskDuration),
//             taken SETTLE_MS after `load` so the page check has finished; with minus without.
//             On this shared 2-core machine that difference is mostly noise (other work, GC),
//             hence the next measure
//   tasks     one more load per run, with the extension, under a CDP trace (Tracing:
//             devtools.timeline with the V8 sampling profiler's samples on the same clock,
//             one about every 0.1-0.2 ms). A sample whose stack holds a frame of the extension
//             (its content scripts: chrome-extension:// URLs) is the extension's time, DOM
//             calls and forced style or layout it makes included, garbage collection and idle
//             not; each sample is put in the main thread's task (RunTask) it falls in, and a
//             task that fires an idle callback (FireIdleCallback) is an idle slice. Reported:
//             the extension's time up to the bar's first paint (in the tasks up to the one
//             that attached the bar: the address check and the bar; the browser's own style,
//             layout and paint of the bar afterwards are not counted), its time outside idle
//             slices (the address check, the bar, answers and observers), its idle slices (how
//             many, their total, the longest), and the longest task it adds: its own time in
//             the one task where it held the main thread longest. All of it in total too, as
//             the earlier CDP Profiler figure was (the same samples, now in tasks). Samples
//             are wall-clock: when another process holds the core, the waiting counts. So each
//             figure comes twice, the second in the thread's CPU time (each task's samples
//             scaled by its thread time over its wall time, the trace's tdur / dur)
//   memory    after a forced garbage collection, the page's V8 heap (CDP Runtime.getHeapUsage:
//             used + embedder + ArrayBuffer backing stores), with minus without. The engine
//             lives in the service worker, not in the page, so its WebAssembly memory is no
//             tab's cost
// Noise: the machine has 2 cores shared with other builds; a load's figures vary by ±30% and a
// garbage collection or a busy browser process can land in any task. Medians of RUNS loads;
// run it more than once before believing a change of a few ms.
// Run after ./build.sh:  node benches/browser.mjs   (BROWSER_RUNS=n loads; figures: bench-output/browser.json)
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
const ITEM_PATH = '/item/1005006718924531.html';
/** What is loaded: a host and a path (the item page's, else the heavy page). */
const PAGES = {
  lookalike: { host: 'aliexpress-sale.shop', path: '/' },
  neutral: { host: 'myblog-reviews.net', path: '/' },
  verified: { host: 'www.aliexpress.com', path: '/' },
  marketplace: { host: 'www.aliexpress.com', path: ITEM_PATH },
};
const extensionDir = fileURLToPath(new URL(process.env.BROWSER_DIST ?? 'dist/chrome', root)); // another build to compare: BROWSER_DIST=/path/to/it

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

/**
 * The item page: a listing on the marketplace as its real pages are built (the parts named at
 * the top), deterministic, ~0.9 MB. Its reviews and answers are ordinary ones: nothing on it
 * should raise a bar.
 */
function itemPage() {
  const pick = (list, i) => list[i % list.length];
  const pixel = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
  const colours = ['Black', 'White', 'Pink', 'Blue', 'Green', 'Grey', 'Purple', 'Red', 'Beige', 'Navy', 'Orange', 'Yellow'];
  const said = [
    'Arrived in twelve days, well packed. Sound is clear and the bass is decent for the price.',
    'Battery lasts about five hours, the case feels a bit cheap but it works fine.',
    'Exactly as described, pairing with my phone took seconds. Recommend this store.',
    'The left earbud was quieter at first, after a reset both are the same. Good value.',
    'Fast delivery, the colour is like in the photos. My daughter loves them.',
    'Good product, the microphone is ok for calls in a quiet room, not on the street.',
    'Second pair I buy here, no problems with the first one after a year.',
    'Comfortable for running, they do not fall out. Charging case is small.',
  ];
  const names = ['A***r', 'M***a', 'J***n', 'S***e', 'K***y', 'L***s', 'D***o', 'P***l', 'R***i', 'T***m'];
  const words = 'high quality sound with deep bass and clear treble long battery life fast charging case touch control noise reduction for calls comfortable fit for sport and travel'.split(' ');
  const sentence = (i, n) => Array.from({ length: n }, (_, j) => words[(i * 11 + j * 7) % words.length]).join(' ');
  const parts = [
    '<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Wireless Earbuds Bluetooth 5.3 Headphones HiFi Stereo Sport Headset With Mic - AliExpress 44</title><style>',
    ...Array.from({ length: 300 }, (_, i) => `.pdp-c${i}{margin:${i % 7}px;padding:${i % 5}px;color:#${(i * 99991).toString(16).slice(-6).padStart(6, '0')}}`),
    '</style></head><body class="pdp-page">',
    '<header class="header--wrap"><a class="header--logo" href="/">AliExpress</a>',
    '<form class="search--searchBox" action="/w/wholesale.html"><input name="SearchText" placeholder="wireless earbuds"><button type="submit">Search</button></form>',
    '<nav class="header--nav">',
    ...['Choice', 'SuperDeals', 'Plus', 'Business', 'Home & Garden', 'Hair Extensions', 'Accessories', 'Consumer Electronics', 'Sports', 'Toys'].map((n, i) => `<a href="/category/${200000 + i}/${n.toLowerCase().replace(/\W+/g, '-')}.html">${n}</a>`),
    '<a href="https://sale.aliexpress.com/help.htm">Help</a><a href="https://login.aliexpress.com/">Sign in</a><a href="/p/shoppingcart/index.html">Cart</a></nav></header>',
    '<div class="breadcrumb--wrap">',
    ...['Home', 'All Categories', 'Consumer Electronics', 'Earphones & Headphones', 'Bluetooth Earphones & Headphones'].map((n, i) => `<a href="/category/${100 + i}.html">${n}</a> &gt; `),
    '</div><main class="pdp-body"><div class="pdp-body-top">',
    '<div class="image-view--wrap"><div class="image-view--previewBox"><img src="' + pixel + '" alt="Wireless Earbuds" width="600" height="600"></div><div class="slider--wrap">',
    ...Array.from({ length: 8 }, (_, i) => `<div class="slider--item"><img src="${pixel}" alt="picture ${i + 1}" width="80" height="80"></div>`),
    '</div></div><div class="pdp-info">',
    '<h1 data-pl="product-title">Wireless Earbuds Bluetooth 5.3 Headphones HiFi Stereo Sport Headset With Mic Touch Control Noise Cancelling Earphones</h1>',
    '<div class="reviewer--wrap"><span class="reviewer--rating">4.8</span> <a href="#nav-review">2,345 Reviews</a> <span>10,000+ sold</span></div>',
    '<div class="price--wrap"><span class="price--current">US $12.99</span> <span class="price--original">US $45.99</span> <span class="price--discount">-71%</span></div>',
    '<div class="coupon--wrap">Extra 5% off with coins · US $2 off on US $20</div>',
    '<div class="sku-item--wrap"><div class="sku-item--title">Color: <span>Black</span></div><div class="sku-item--skus">',
    ...colours.map((c) => `<button class="sku-item--image" title="${c}"><img src="${pixel}" alt="${c}"></button>`),
    '</div></div><div class="quantity--wrap"><button>-</button><input value="1" aria-label="Quantity"><button>+</button> <span>2,345 pieces available</span></div>',
    '<div class="shipping--wrap"><strong>Free shipping</strong> · Delivery: Dec 20 - 28 · Ships from China</div>',
    '<div class="action--wrap"><button class="comet-btn-primary">Buy now</button> <button>Add to cart</button></div></div>',
    '<div class="store-info--wrap"><a href="/store/1102345678">Sound Garden Official Store</a> <span>Trusted store · Opened 2018</span>',
    '<span>97.8% Positive Feedback</span> <span>12.3K Followers</span> <a href="/store/1102345678/pages/all-items.html">Visit store</a> <button>Follow</button></div></div>',
    '<div class="specification--wrap" id="nav-specification"><h2 class="title--wrap">Specifications</h2><ul class="specification--list">',
    ...Array.from({ length: 40 }, (_, i) => `<li class="specification--line"><div class="specification--title"><span>${pick(['Brand Name', 'Model Number', 'Bluetooth Version', 'Battery Capacity', 'Charging Time', 'Waterproof', 'Type', 'Connectors', 'Sensitivity', 'Frequency Response Range'], i)}</span></div><div class="specification--desc"><span>${pick(['SOUNDGARDEN', 'TWS-X9', '5.3', '40mAh', '1.5 hours', 'IPX5', 'True Wireless', 'Type-C', '105dB', '20-20000Hz'], i * 3)}</span></div></li>`),
    '</ul></div><div class="description--wrap" id="nav-description"><h2 class="title--wrap">Description</h2><div class="detailmodule_html">',
  ];
  for (let i = 0; i < 240; i++) {
    parts.push(`<div class="detail-desc-decorate-richtext"><p>${sentence(i, 110)}</p>`);
    if (i % 4 === 0) parts.push(`<img class="detail-desc-decorate-image" src="${pixel}" alt="" width="750" height="750">`);
    if (i % 20 === 0) parts.push(`<table class="detail-table">${Array.from({ length: 8 }, (_, r) => `<tr><td>${sentence(i + r, 3)}</td><td>${sentence(i * 2 + r, 5)}</td></tr>`).join('')}</table>`);
    parts.push('</div>');
  }
  parts.push('</div></div><div class="feedback--wrap" id="nav-review"><h2 class="title--wrap">Customer Reviews (2,345)</h2>',
    '<div class="filter--wrap"><button>All</button><button>With pictures (512)</button><button>Additional feedback (88)</button></div><div class="list--itemBox">');
  for (let i = 0; i < 80; i++) {
    parts.push(`<div class="list--itemReview"><div class="list--itemInfo"><span class="list--itemName">${pick(names, i)}</span> <span>${1 + (i % 28)} Nov 2026</span></div>`,
      `<div class="stars--box" aria-label="5 stars">★★★★${i % 6 ? '★' : '☆'}</div><div class="list--itemSku">Color: ${pick(colours, i)}</div>`,
      `<div class="list--itemDesc">${pick(said, i)}${i % 3 ? '' : ` ${pick(said, i + 3)}`}</div>`,
      i % 4 ? '' : `<div class="list--itemThumbnails">${Array.from({ length: 3 }, () => `<img src="${pixel}" alt="" width="64" height="64">`).join('')}</div>`,
      `<div class="list--itemHelp"><button>Helpful (${i % 9})</button> <button>Report</button></div></div>`);
  }
  parts.push('</div><button class="v3--btn">View more</button></div><div class="qa--wrap" id="nav-qa"><h2 class="title--wrap">Questions &amp; answers</h2>');
  for (let i = 0; i < 10; i++) {
    parts.push(`<div class="qa--item"><div class="qa--question">Does it work with ${pick(['iPhone', 'Samsung', 'a laptop', 'a TV', 'Xiaomi'], i)}?</div><div class="qa--answer">Yes, it connects over Bluetooth like any headset. (${pick(names, i + 4)})</div></div>`);
  }
  parts.push('</div><div class="recommend--wrap"><h2 class="title--wrap">More to love</h2><div class="recommend--grid">');
  for (let i = 0; i < 400; i++) {
    parts.push(`<a class="recommend--card" href="/item/${1005006000000000 + i * 7919}.html"><img src="${pixel}" alt="" width="220" height="220">`,
      `<div class="recommend--title">${sentence(i, 9)}</div><div class="recommend--price">US $${(3 + (i % 40) + (i % 100) / 100).toFixed(2)}</div><div class="recommend--sold">${(i * 37) % 5000}+ sold</div></a>`);
  }
  parts.push('</div></div></main><footer class="footer--wrap"><div class="footer--links">');
  const away = ['alibaba.com', '1688.com', 'taobao.com', 'tmall.com', 'lazada.com', 'daraz.pk', 'trendyol.com', 'alipay.com', 'fliggy.com', 'youku.com', 'dingtalk.com', 'alibabacloud.com', 'ele.me', 'amap.com', 'ucweb.com'];
  for (let i = 0; i < 150; i++) parts.push(`<a href="https://www.${pick(away, i)}/${i % 15 ? `page/${i}` : ''}">${pick(away, i)} ${i >= 15 ? `· ${sentence(i, 2)}` : ''}</a>`);
  parts.push('</div><p>Intellectual Property Protection - Privacy Policy - Sitemap - Terms of Use - © 2010-2026 AliExpress.com. All rights reserved.</p></footer>');
  // The page's data, as the real site embeds it for its scripts (read by no text walk).
  const data = { productId: 1005006718924531, skuList: Array.from({ length: 3000 }, (_, i) => ({ skuId: 12000000000 + i, attr: `14:${i};5:${i % 7}`, price: { value: 12.99 + (i % 9), currency: 'USD' }, stock: i * 13 % 997, image: `https://ae01.alicdn.com/kf/S${(i * 2654435761 >>> 0).toString(16)}.jpg` })) };
  parts.push(`<script>window.runParams = ${JSON.stringify(data)};</script></body></html>`);
  return parts.join('\n');
}

async function serve(pages) {
  const server = createServer((request, response) => {
    const body = request.url === ITEM_PATH ? pages.item : pages.heavy;
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
          console.timeStamp('wary-bar'); // in a trace: the task that attached the bar
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

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'];

/** One load under a trace: the events of the page's renderer, as described at the top. */
async function trace(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: TRACE_CATEGORIES } });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  await page.close();
  return tasksOf(events);
}

/**
 * The extension's main-thread time in a trace, by task: the samples of the renderer whose
 * profile holds the content scripts' frames, each weighing the time to the next sample and
 * booked to the nearest extension frame of its stack (file and function), then put in the
 * top-level task they fall in.
 */
function tasksOf(events) {
  const chunks = new Map(); // profile id -> { profile, chunks }
  for (const e of events) {
    if (e.name === 'Profile') chunks.set(`${e.pid}:${e.id}`, { profile: e, chunks: [] });
    if (e.name === 'ProfileChunk') chunks.get(`${e.pid}:${e.id}`)?.chunks.push(e);
  }
  const isMine = (url) => /^chrome-extension:\/\/[^/]+\/content\//.test(url ?? '');
  let best = null;
  for (const { profile, chunks: list } of chunks.values()) {
    const nodes = new Map();
    const samples = [];
    let at = profile.args.data.startTime;
    for (const chunk of list) {
      const { cpuProfile, timeDeltas = [] } = chunk.args.data;
      for (const node of cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      (cpuProfile?.samples ?? []).forEach((id, i) => samples.push({ id, at: (at += timeDeltas[i]) }));
    }
    const mine = [...nodes.values()].filter((n) => isMine(n.callFrame.url)).length;
    if (mine && (!best || mine > best.mine)) best = { profile, nodes, samples, mine };
  }
  if (!best) return null;
  const { pid, tid } = best.profile;
  const nearest = new Map();
  const nearestOf = (id) => {
    if (nearest.has(id)) return nearest.get(id);
    const { callFrame, parent } = best.nodes.get(id);
    const where = isMine(callFrame.url)
      ? `${callFrame.url.replace(/^chrome-extension:\/\/[^/]+\//, '')} ${callFrame.functionName || '(top)'}`
      : parent ? nearestOf(parent) : null;
    nearest.set(id, where);
    return where;
  };
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = [];
  for (const e of onThread) {
    if (e.name !== 'RunTask') continue;
    const last = tasks.at(-1);
    if (last && e.ts < last.ts + last.dur) continue; // a task nested in another: counted there
    // The thread's CPU time in the task over its wall time: below 1 when the thread waited for a core.
    tasks.push({ ts: e.ts, dur: e.dur, cpu: e.tdur && e.dur ? Math.min(1, e.tdur / e.dur) : 1, idle: false, bar: false, ms: 0 });
  }
  const taskAt = (ts) => {
    let lo = 0;
    let hi = tasks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tasks[mid].ts > ts) hi = mid - 1;
      else if (ts >= tasks[mid].ts + tasks[mid].dur) lo = mid + 1;
      else return tasks[mid];
    }
    return null;
  };
  for (const e of onThread) if (e.name === 'FireIdleCallback') taskAt(e.ts) && (taskAt(e.ts).idle = true);
  const barMark = events.find((e) => e.name === 'TimeStamp' && e.pid === pid && e.args?.data?.message === 'wary-bar');
  const outside = { ts: Infinity, dur: 0, cpu: 1, idle: false, bar: false, ms: 0 }; // samples outside any task
  const byFile = {};
  for (let i = 0; i + 1 < best.samples.length; i++) {
    const where = nearestOf(best.samples[i].id);
    if (!where) continue;
    const { at } = best.samples[i];
    const task = taskAt(at);
    // A sample weighs the time to the next one, but not past the end of its task.
    const ms = (Math.min(best.samples[i + 1].at, task ? task.ts + task.dur : Infinity) - at) / 1000;
    byFile[where] = (byFile[where] ?? 0) + ms;
    (task ?? outside).ms += ms;
  }
  const added = [...tasks, outside].filter((t) => t.ms > 0);
  const barTask = barMark ? taskAt(barMark.ts) : null;
  // Each figure as sampled (wall clock), and as the thread's CPU time: the same scaled by its
  // task's CPU share, what is left when other processes held the cores.
  const figuresOf = (weigh) => {
    const sum = (list) => list.reduce((total, t) => total + weigh(t), 0);
    const slices = added.filter((t) => t.idle);
    const longest = added.reduce((top, t) => (weigh(t) > (top ? weigh(top) : 0) ? t : top), null);
    return {
      extensionMs: sum(added),
      toBarMs: barTask ? sum(added.filter((t) => t.ts <= barTask.ts)) : null,
      outsideIdleMs: sum(added.filter((t) => !t.idle)),
      idleMs: sum(slices),
      slices: slices.length,
      longestSliceMs: Math.max(0, ...slices.map(weigh)),
      longestTaskMs: longest ? weigh(longest) : 0,
      longestTaskKind: !longest ? null : longest.idle ? 'idle slice' : longest === barTask ? 'bar' : 'other',
    };
  };
  return {
    ...figuresOf((t) => t.ms),
    cpu: figuresOf((t) => t.ms * t.cpu),
    byFile,
  };
}

const pages = { heavy: await heavyPage(), item: itemPage() };
const server = await serve(pages);
const browsers = { with: await launch(true), without: await launch(false) };
const samples = {};
const traces = Object.fromEntries(Object.keys(PAGES).map((kind) => [kind, []]));
const urlOf = ({ host, path: at }) => `http://${host}:${server.port}${at}`;
try {
  for (const kind of Object.keys(PAGES)) for (const b of Object.keys(browsers)) samples[`${kind}/${b}`] = [];
  // One untimed load each, so first-use costs of the browser itself are not in the figures.
  for (const page of Object.values(PAGES)) for (const b of Object.values(browsers)) await measure(b.context, urlOf(page));
  for (let run = 0; run < RUNS; run++) {
    for (const [kind, page] of Object.entries(PAGES)) {
      for (const [name, b] of Object.entries(browsers)) samples[`${kind}/${name}`].push(await measure(b.context, urlOf(page)));
      const traced = await trace(browsers.with.context, urlOf(page));
      if (traced) traces[kind].push(traced);
    }
  }
} finally {
  for (const b of Object.values(browsers)) await b.close();
  await server.close();
}

const med = (list, key) => median(list.map((s) => s[key]).filter((v) => v !== null));
const figures = {
  runs: RUNS,
  pageBytes: Buffer.byteLength(pages.heavy),
  links: samples['neutral/with'][0].links,
  itemPageBytes: Buffer.byteLength(pages.item),
  itemPageLinks: samples['marketplace/with'][0].links,
  chromium: execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim() };
for (const kind of Object.keys(PAGES)) {
  const w = samples[`${kind}/with`];
  const wo = samples[`${kind}/without`];
  figures[kind] = {
    host: PAGES[kind].host,
    path: PAGES[kind].path,
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
  const t = traces[kind];
  const traced = (key) => (t.length && t.some((x) => x[key] !== null) ? median(t.map((x) => x[key]).filter((v) => v !== null)) : null);
  f.traced = t.length;
  f.profiledMs = traced('extensionMs');
  const keys = ['toBarMs', 'outsideIdleMs', 'idleMs', 'slices', 'longestSliceMs', 'longestTaskMs'];
  for (const key of keys) f[key] = traced(key);
  const cpuOf = (key) => (t.length && t.some((x) => x.cpu[key] !== null) ? median(t.map((x) => x.cpu[key]).filter((v) => v !== null)) : null);
  f.cpu = Object.fromEntries(['extensionMs', ...keys].map((key) => [key, cpuOf(key)]));
  f.longestTaskKinds = t.map((x) => x.longestTaskKind);
  f.profiledByFile = Object.fromEntries([...new Set(t.flatMap((p) => Object.keys(p.byFile)))]
    .map((file) => [file, median(t.map((p) => p.byFile[file] ?? 0))]));
  f.samples = { with: w, without: wo, traces: t };
}
const ms = (x) => (x === null ? '—' : `${x.toFixed(1)} ms`);
const mb = (x) => `${(x / 1e6).toFixed(2)} MB`;
console.log(`heavy page: ${(figures.pageBytes / 1e6).toFixed(2)} MB of HTML, ${figures.links} links; item page: ${(figures.itemPageBytes / 1e6).toFixed(2)} MB, ${figures.itemPageLinks} links; ${RUNS} loads per browser and page, medians`);
for (const kind of Object.keys(PAGES)) {
  const f = figures[kind];
  console.log(`${kind} (${f.host}${f.path}): bar shown in ${f.barShown} of ${RUNS} loads` + (f.barMs === null ? '' : ` at ${ms(f.barMs)} from navigation start, ${ms(f.barAfterDclMs)} after DOMContentLoaded (DCL ${ms(f.dclMs.with)})`));
  const top = Object.entries(f.profiledByFile).sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`  extension's main-thread time (trace, ${f.traced} loads): ${ms(f.profiledMs)} in all; up to the bar ${ms(f.toBarMs)}; outside idle slices ${ms(f.outsideIdleMs)}; `
    + `${f.slices ?? 0} idle slices, ${ms(f.idleMs)} in all, the longest ${ms(f.longestSliceMs)}; longest task it adds ${ms(f.longestTaskMs)} (${f.longestTaskKinds.join(', ')})`);
  console.log(`  the same in the thread's CPU time: ${ms(f.cpu.extensionMs)} in all; up to the bar ${ms(f.cpu.toBarMs)}; outside idle slices ${ms(f.cpu.outsideIdleMs)}; `
    + `idle slices ${ms(f.cpu.idleMs)}, the longest ${ms(f.cpu.longestSliceMs)}; longest task ${ms(f.cpu.longestTaskMs)}`);
  console.log(`  most in ${top.map(([where, t]) => `${where} ${t.toFixed(1)}`).join(', ')}`);
  console.log(`  main thread busy ${ms(f.taskMs.with)} with, ${ms(f.taskMs.without)} without: +${ms(f.addedTaskMs)}; heap ${mb(f.heapBytes.with)} with, ${mb(f.heapBytes.without)} without: +${mb(f.addedHeapBytes)}`);
}
await record('browser', figures);
