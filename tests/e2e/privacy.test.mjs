// Privacy in real Chromium: while Wary judges pages, shows its bar, runs right-click checks, the
// popup checks a message and the options page saves a setting, no request leaves for anywhere
// but the test pages. Two recordings: Playwright's view of every page's and extension page's
// requests, and Chromium's own net log (--log-net-log), which records every request of the
// network stack, whatever made it: pages, extension pages and service workers alike. A second
// extension loaded beside Wary fetches a canary address from its service worker, which proves
// the net log does see a worker's requests; it must hold nothing else but the test pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { browserSuite, extensionDir, findBar, tabIdOf } from './helpers.mjs';

const scratch = await mkdtemp(path.join(tmpdir(), 'wary-privacy-'));
const netLog = path.join(scratch, 'net-log.json');
const canary = path.join(scratch, 'canary-extension');
await import('node:fs/promises').then(({ mkdir }) => mkdir(canary));
await writeFile(path.join(canary, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Canary', version: '1', background: { service_worker: 'canary.js' } }));
await writeFile(path.join(canary, 'canary.js'), '// fetches what the privacy test asks, to prove the net log sees service workers\n');
process.on('exit', () => rm(scratch, { recursive: true, force: true }));

const suite = browserSuite({ extension: `${extensionDir},${canary}`, args: [`--log-net-log=${netLog}`, '--net-log-capture-mode=Default'] });

const PAGES = [['aliexpress.com.secure-login.ru', '/cloned-shop'], ['aliexpress.com', '/seller-chat'], ['aliexpress-sale.shop', '/strict-csp/plain'], ['xn--pypal-4ve.com', '/xss']];
const requests = [];

test('a browsing session: pages judged, bars, right-click checks, the popup and the options page', async () => {
  const record = (request) => requests.push(request.url());
  suite.browser.context.on('request', record);
  for (const [host, page] of PAGES) {
    const tab = await suite.browser.context.newPage();
    await tab.goto(suite.server.url(host, page));
    if (host !== 'aliexpress.com') assert.ok(await findBar(tab), `bar on ${host}`);
    else await findBar(tab, 4_000); // the chat message arrives late
    const tabId = await tabIdOf(suite.browser.worker, tab);
    await suite.browser.worker.evaluate((id) => self.wary.handleMenuClick({ menuItemId: 'wary-check-link', linkUrl: 'https://paypa1-secure.example/login' }, { id }), tabId);
    await tab.close();
  }
  const popup = await suite.browser.context.newPage();
  await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup/popup.html`);
  await popup.fill('#paste', 'DHL: your parcel is held. Pay the customs fee at dhl-parcel-fee.top today');
  await popup.click('#check');
  await popup.waitForFunction(() => document.querySelector('#verdict')?.dataset.level);
  await popup.close();
  const options = await suite.browser.context.newPage();
  await options.goto(`chrome-extension://${suite.browser.extensionId}/options/options.html`);
  await options.waitForSelector('body[data-ready="true"]');
  await options.fill('#protected-input', 'mybank.example');
  await options.press('#protected-input', 'Enter');
  await options.waitForFunction(() => document.querySelector('#protected-list .site')?.textContent === 'mybank.example');
  await options.close();
  suite.browser.context.off('request', record);

  const fixtures = new Set(PAGES.map(([host, page]) => suite.server.url(host, page)));
  // Content scripts load the engine under the session's dynamic extension URL (use_dynamic_url),
  // a random id in place of the extension's; both are files inside the package, not the network.
  const foreign = requests.filter((url) => !fixtures.has(url) && !url.startsWith(`http://127.0.0.1:${suite.server.port}/`) && !/^http:\/\/[^/]+:\d+\/hostile\.js$/.test(url) && !url.startsWith('chrome-extension://'));
  assert.ok(requests.length > PAGES.length, `requests were observed at all (${requests.length})`);
  assert.deepEqual(foreign, [], 'Playwright saw no request other than the pages themselves and the extension\'s own files');
});

test('Chromium\'s net log: every request of the session went to the test pages (and the canary)', async () => {
  const canaryWorker = suite.browser.context.serviceWorkers().find((w) => w.url().endsWith('/canary.js'));
  assert.ok(canaryWorker, 'the canary extension runs beside Wary');
  const canaryUrl = `http://canary.example:${suite.server.port}/canary-from-a-worker`;
  await canaryWorker.evaluate((url) => fetch(url, { mode: 'no-cors' }).catch(() => null), canaryUrl);
  await suite.browser.close(); // the net log is complete once the browser has shut down

  let text = await readFile(netLog, 'utf8');
  if (!text.trimEnd().endsWith('}')) text = `${text.trimEnd().replace(/,$/, '')}]}`; // a log cut at exit lacks its end
  const log = JSON.parse(text);
  // Every request the network stack started, with who started it: a page's or an extension's
  // origin, or "not an origin" for navigations and the browser's own services.
  const START = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const started = log.events.filter((event) => event.type === START && event.params?.url).map(({ params }) => params);
  const network = started.filter(({ url }) => /^(https?|wss?):/.test(url));
  const canaryRequest = network.find(({ url }) => url === canaryUrl);
  const canaryOrigin = `chrome-extension://${new URL(canaryWorker.url()).host}`; // (Node's URL gives such origins as 'null')
  assert.equal(canaryRequest?.initiator, canaryOrigin, `the net log recorded the canary extension's worker request, as its own (${network.length} requests recorded)`);

  const pages = new Set(PAGES.map(([host]) => `${host}:${suite.server.port}`));
  // Chromium's own services (sign-in, component updates, autofill hints) run with no initiator
  // and no frame: they are the browser's, not any page's or extension's.
  const browsersOwn = ({ initiator, request_type: type }) => initiator === 'not an origin' && type === 'other';
  const foreign = network.filter((request) => request !== canaryRequest && !pages.has(new URL(request.url).host) && !browsersOwn(request));
  assert.deepEqual(foreign, [], 'no page, extension or worker request left for anywhere but the test pages');
  const fromWary = network.filter(({ initiator }) => initiator === `chrome-extension://${suite.browser.extensionId}`);
  assert.deepEqual(fromWary, [], 'Wary\'s own pages and worker made no network request at all');
  assert.ok(network.some(({ url }) => pages.has(new URL(url).host)), 'the test pages themselves are in the log');
});
