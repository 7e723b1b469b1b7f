// The warning bar in real Chromium: shown on lookalike hosts, absent on the real site, and
// shown on a page whose CSP forbids WebAssembly in the content script (engine in the worker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, findBar, badgeFor, tooltipFor, retryUntil, screenshot } from './helpers.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(host, page = '/shop') {
  const tab = await browser.context.newPage();
  await tab.goto(server.url(host, page));
  return tab;
}

const LOOKALIKES = [
  // host, expected level, expected real site, page (the shop fixture's own fake offers raise
  // a caution address to danger, so the caution cases use a page with nothing to judge)
  ['aliexpress-sale.shop', 'caution', 'aliexpress.com', '/plain'],
  ['aliexpress.com.secure-login.ru', 'danger', 'aliexpress.com'],
  ['xn--pypal-4ve.com', 'danger', 'paypal.com'],
  ['xn--ggle-55da.com', 'danger', 'google.com'], // gооgle.com, Cyrillic о: a popular site, not a catalogue brand
  ['paypal-login.duckdns.org', 'danger', 'paypal.com'], // brand name on free dynamic DNS
  ['amazom.com', 'caution', 'amazon.com', '/plain'], // one typing slip
  ['amazom.com', 'danger', 'amazon.com', '/shop'], // the same slip serving a shop of impossible offers
];

for (const [host, level, real, page = '/shop'] of LOOKALIKES) {
  test(`bar on the lookalike ${host}${page}`, async () => {
    const tab = await open(host, page);
    const bar = await findBar(tab);
    assert.ok(bar, `a warning bar should appear on ${host}`);
    assert.equal(await bar.getAttribute('data-wary'), level, `bar level on ${host}`);
    assert.equal(await bar.getAttribute('data-wary-real'), real, `real site named by the bar on ${host}`);
    assert.equal(await bar.getAttribute('data-wary-engine'), 'page', `engine ran in the content script on ${host}`);
    assert.ok(await bar.isVisible(), `the bar on ${host} is visible`);
    if (host === 'aliexpress-sale.shop') await screenshot(tab, 'bar-caution-aliexpress-sale-shop');
    if (host === 'aliexpress.com.secure-login.ru') await screenshot(tab, 'bar-danger-embedded-domain');
    await tab.close();
  });
}

// A popular site that is no catalogue brand (and not on Chromium's HSTS preload list, so it
// can be served over plain HTTP here).
test('no bar on a popular site that is not a brand: www.naver.com', async () => {
  const tab = await open('www.naver.com');
  const judged = await retryUntil(async () => {
    const title = await tooltipFor(browser.worker, tab);
    return title?.includes('nothing suspicious') ? title : undefined;
  });
  assert.ok(judged, 'the page should have been judged safe (tooltip)');
  assert.equal(await badgeFor(browser.worker, tab), '', 'no badge on an ordinary popular site');
  assert.equal(await findBar(tab, 500), null, 'no warning bar on naver.com');
  await tab.close();
});

test('no bar on the real aliexpress.com, and the badge says verified', async () => {
  const tab = await open('aliexpress.com');
  // The badge proves the content script ran and judged the page before we look for a bar.
  const badge = await retryUntil(() => badgeFor(browser.worker, tab));
  assert.equal(badge, '✓', 'badge on the real aliexpress.com should show the verified mark');
  assert.equal(await findBar(tab, 500), null, 'no warning bar on the real aliexpress.com');
  await tab.close();
});

test('bar on a lookalike page whose CSP forbids WebAssembly: the worker judges it', async () => {
  const tab = await open('aliexpress-sale.shop', '/strict-csp/plain'); // nothing on the page but its address
  const bar = await findBar(tab);
  assert.ok(bar, 'a warning bar should appear despite script-src \'self\'');
  assert.equal(await bar.getAttribute('data-wary'), 'caution', 'bar level under strict CSP');
  assert.equal(await bar.getAttribute('data-wary-engine'), 'worker', 'the service worker judged the page');
  assert.equal(await badgeFor(browser.worker, tab), '!', 'badge warns on the lookalike tab');
  await screenshot(tab, 'bar-strict-csp');
  await tab.close();
});

test('dismiss removes the bar', async () => {
  const tab = await open('aliexpress.shop');
  assert.ok(await findBar(tab), 'bar on aliexpress.shop');
  // The bar lives in a closed shadow root, as it must: reach its Dismiss button by keyboard,
  // as a user without a mouse would (Take me to… first, then Dismiss).
  await tab.keyboard.press('Tab');
  await tab.keyboard.press('Tab');
  await tab.keyboard.press('Enter');
  const gone = await tab.waitForSelector('[data-wary]', { state: 'detached', timeout: 2_000 }).then(() => true, () => false);
  assert.ok(gone, 'Dismiss should remove the bar');
  await tab.close();
});
