// Sellers' words on the real marketplaces (issue 16), in real Chromium: the messages pages of
// AliExpress, Amazon, eBay and Temu and an AliExpress order page, imitated in
// tests/e2e/fixtures (*-messages.html, aliexpress-order.html, marketplace-messages.js) and
// served at the real host names. On a brand's verified site only others' words are read: a
// request to pay or deal outside the platform raises the bar whether it is in the page at load
// or arrives later; ordinary seller messages and the platform's own "Confirm received" button
// and hint do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, findBar, barText, tooltipFor, retryUntil, screenshot, testCertificate } from './helpers.mjs';

// Over HTTPS: amazon.com is on Chromium's HSTS preload list (see testCertificate).
const suite = browserSuite({ args: ['--ignore-certificate-errors'], server: { tls: testCertificate('marketplaces') } });

const SITES = [
  { host: 'aliexpress.com', page: '/aliexpress-messages', real: 'aliexpress.com', brand: 'AliExpress' },
  { host: 'www.amazon.com', page: '/amazon-messages', real: 'amazon.com', brand: 'Amazon' },
  { host: 'www.ebay.com', page: '/ebay-messages', real: 'ebay.com', brand: 'eBay' },
  { host: 'www.temu.com', page: '/temu-messages', real: 'temu.com', brand: 'Temu' },
];

// Each kind of off-platform request (marketplace-messages.js), with words its reason shows.
const REQUESTS = [
  ['western-union', /Western Union|cancel the order and pay/],
  ['cancel-pay-directly', /pay the seller directly|outside the shop/],
  ['confirm-early', /confirm receipt/],
  ['whatsapp', /another app or e-mail/],
  ['telegram', /another app or e-mail/],
  ['wechat', /another app or e-mail/],
  ['email', /outside the shop|another app or e-mail/],
  ['gift-card', /gift card/],
  ['friends-family', /friends and family/],
  ['crypto', /crypto/i],
  ['no-dispute', /dispute/],
  ['spanish', /confirm receipt/],
];

async function open(site, query) {
  const tab = await suite.browser.context.newPage();
  await tab.goto(`${suite.server.url(site.host, site.page)}?${query}`);
  return tab;
}

/** The bar says the site is real and this request is not its, and what paying outside loses. */
async function assertRealSiteRequest(tab, site, words, what) {
  const bar = await findBar(tab, 8_000);
  assert.ok(bar, `${what}: a warning bar on ${site.host}`);
  assert.ok(['caution', 'danger'].includes(await bar.getAttribute('data-wary')), `${what}: the bar warns (${await bar.getAttribute('data-wary')})`);
  assert.equal(await bar.getAttribute('data-wary-real'), null, `${what}: the site is the real one, no "take me to the real site"`);
  const text = await barText(tab);
  assert.match(text, new RegExp(`This is the real ${site.real.replace('.', '\\.')}, but this request is not from ${site.brand}`), `${what}: bar text ${text}`);
  assert.match(text, words, `${what}: the reason names the request; bar text ${text}`);
  assert.match(text, /buyer protection/, `${what}: the advice says what paying outside loses; bar text ${text}`);
}

REQUESTS.forEach(([key, words], at) => {
  const site = SITES[at % SITES.length];
  test(`${site.host}: a seller's "${key}" request in the page at load raises the bar`, async () => {
    const tab = await open(site, `load=${key}`);
    await assertRealSiteRequest(tab, site, words, `${key} at load on ${site.host}`);
    if (key === 'western-union') await screenshot(tab, 'bar-marketplace-at-load');
    await tab.close();
  });
  const later = SITES[(at + 1) % SITES.length];
  test(`${later.host}: a seller's "${key}" request added after load raises the bar`, async () => {
    const tab = await open(later, `load=ordinary&later=${key}`);
    await assertRealSiteRequest(tab, later, words, `${key} added later on ${later.host}`);
    assert.equal(await tab.evaluate(() => document.body.dataset.barBeforeAdded), 'false', `${key} on ${later.host}: no bar before the message arrived`);
    await tab.close();
  });
});

/** The tooltip once the page's others' words were judged (the page scope), or undefined. */
async function judgedTooltip(tab) {
  return retryUntil(async () => {
    const title = await tooltipFor(suite.browser.worker, tab);
    return /on this page/.test(title ?? '') ? title : undefined;
  }, 6_000);
}

for (const site of SITES) {
  test(`${site.host}: ordinary seller messages, at load and added later, stay silent`, async () => {
    const tab = await open(site, 'load=ordinary&later=ordinary-thanks');
    await tab.waitForFunction(() => document.body.dataset.addedAt, null, { timeout: 5_000 });
    const said = await judgedTooltip(tab);
    assert.match(said ?? '', /on this page/, `the sellers' words were read and judged (tooltip: ${said})`);
    await tab.waitForTimeout(2_000); // past the re-check of the added message
    assert.equal(await findBar(tab, 300), null, `no warning bar for ordinary seller messages on ${site.host}`);
    await tab.close();
  });
}

test('aliexpress.com order page: the platform\'s own "Confirm received" button and hint give nothing', async () => {
  // The status box says "Click Confirm Received after you get your items" (a request the
  // engine warns about when a seller writes it) beside its button: the platform's words, not read.
  const site = { host: 'aliexpress.com', page: '/aliexpress-order', real: 'aliexpress.com', brand: 'AliExpress' };
  const tab = await open(site, '');
  const said = await judgedTooltip(tab);
  assert.match(said ?? '', /on this page/, `the seller's messages on the order page were read (tooltip: ${said})`);
  assert.equal(await findBar(tab, 1_000), null, 'no warning bar for the platform\'s own button and hint');
  await tab.close();

  // The same page with a seller asking for it early: that is a bar.
  const asked = await open(site, 'later=confirm-early');
  await assertRealSiteRequest(asked, site, /confirm receipt/, 'confirm-early on the order page');
  await asked.close();
});

test('the messages pane and the chat list are read, the platform\'s chrome is not', async () => {
  // The hint inside the chat's order card (a toolbar) would warn if it were read.
  const tab = await open(SITES[0], 'load=ordinary');
  const said = await judgedTooltip(tab);
  assert.match(said ?? '', /on this page/, `tooltip: ${said}`);
  assert.equal(await findBar(tab, 1_000), null, 'the order card\'s toolbar hint and buttons are the platform\'s: no bar');
  await tab.close();
});
