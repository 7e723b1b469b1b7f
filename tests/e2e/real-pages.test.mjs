// Saved real pages in real Chromium: ordinary news, blog, documentation and shop pages (the
// development pages in ../shared/data/pages_dev, from the trafilatura and Zyte extraction
// benchmarks; none a scam) served at their own host names, each judged by the extension as a
// reader would meet it. None may get a warning bar: a product that cries wolf is switched off.
//
// The pages are served over HTTPS with a certificate made for the test (many of these hosts
// are on Chromium's HSTS preload list, which turns http:// into https://), the browser told to
// accept it. The pages' own scripts are kept from running (a `script-src 'none'` policy: they
// would only try to reach the network, which this machine does not have); the content script
// runs as on any page. Without ../shared/data the test is skipped, saying so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:https';
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { browserSuite, findBar, tooltipFor, retryUntil, barText, root, testCertificate } from './helpers.mjs';

const PAGES_DIR = path.join(root, '..', 'shared', 'data', 'pages_dev');
const HOW_MANY = 60;

/** `HOW_MANY` pages of pages.tsv, every third page by name (a fixed spread over both sources). */
function chosenPages() {
  if (!existsSync(path.join(PAGES_DIR, 'pages.tsv'))) return [];
  const [header, ...lines] = readFileSync(path.join(PAGES_DIR, 'pages.tsv'), 'utf8').trim().split('\n');
  const columns = header.split('\t');
  const rows = lines.map((line) => Object.fromEntries(line.split('\t').map((value, i) => [columns[i], value])));
  rows.sort((a, b) => (a.name < b.name ? -1 : 1));
  return rows.filter((_, i) => i % 3 === 0).slice(0, HOW_MANY);
}

const pages = chosenPages();
const suite = browserSuite({ args: ['--ignore-certificate-errors'] }, async (s) => {
  s.pages = await servePages();
});

/** Serves each chosen page at `/<name>`, its bytes as saved, scripts kept from running. */
async function servePages() {
  const server = createServer(testCertificate('saved-pages'), (request, response) => {
    const name = decodeURIComponent(new URL(request.url, 'http://saved').pathname.slice(1));
    const page = pages.find((p) => p.name === name);
    if (!page) return void response.writeHead(404).end();
    const body = gunzipSync(readFileSync(path.join(PAGES_DIR, page.name)));
    response.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "script-src 'none'" }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  suite.closePages = () => new Promise((resolve) => server.close(resolve));
  return { url: (page) => `https://${page.host}:${port}/${encodeURIComponent(page.name)}` };
}

test(`no warning bar on ${HOW_MANY} saved real pages`, { skip: pages.length ? false : `no ${PAGES_DIR}` }, async () => {
  assert.ok(pages.length >= 50, `at least 50 saved pages are served (found ${pages.length})`);
  const flagged = [];
  let judged = 0;
  for (const page of pages) {
    const tab = await suite.browser.context.newPage();
    await tab.goto(suite.pages.url(page), { waitUntil: 'domcontentloaded' });
    // Judged: the page's content (the tooltip speaks of the page: "… on this page", "… on this
    // site or page"), or a brand's real site, whose page is its own ("… a real … site").
    const said = await retryUntil(async () => {
      const title = await tooltipFor(suite.browser.worker, tab);
      return /page|real .*site/.test(title ?? '') ? title : undefined;
    }, 8_000);
    if (said) judged += 1;
    const bar = await findBar(tab, 200);
    if (bar) flagged.push(`${page.name} (${page.host}): ${await bar.getAttribute('data-wary')}: ${(await barText(tab)).slice(0, 200)}`);
    await tab.close();
  }
  await suite.closePages();
  assert.ok(judged >= pages.length - 2, `the extension judged the pages (${judged} of ${pages.length})`);
  assert.deepEqual(flagged, [], `warning bars on ordinary pages:\n${flagged.join('\n')}`);
});
