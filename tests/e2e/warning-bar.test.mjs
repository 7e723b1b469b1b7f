// The warning bar in real Chromium: shown on lookalike hosts, absent on the real site, and
// shown on a page whose CSP forbids WebAssembly (the engine runs in the worker, so the page's CSP cannot stop it);
// its buttons (the real site, Why?, I trust this site, Dismiss, collapse), its labels for
// screen readers, dark mode and reduced motion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  browserSuite, findBar, findSettledBar, badgeFor, tooltipFor, retryUntil, screenshot, barText,
  accessibleNodes, clickInShadow, shadowAttributes, shadowStyle, storedSettings, storeSettings,
} from './helpers.mjs';

const suite = browserSuite();

async function open(host, page = '/shop') {
  const tab = await suite.browser.context.newPage();
  await tab.goto(suite.server.url(host, page));
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
    const bar = await findSettledBar(tab);
    assert.ok(bar, `a warning bar should appear on ${host}`);
    assert.equal(await bar.getAttribute('data-wary'), level, `bar level on ${host}`);
    assert.equal(await bar.getAttribute('data-wary-real'), real, `real site named by the bar on ${host}`);
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
    const title = await tooltipFor(suite.browser.worker, tab);
    return title?.includes('nothing suspicious') ? title : undefined;
  });
  assert.ok(judged, 'the page should have been judged safe (tooltip)');
  assert.equal(await badgeFor(suite.browser.worker, tab), '', 'no badge on an ordinary popular site');
  assert.equal(await findBar(tab, 500), null, 'no warning bar on naver.com');
  await tab.close();
});

test('no bar on the real aliexpress.com, and the badge says verified', async () => {
  const tab = await open('aliexpress.com');
  // The badge proves the content script ran and judged the page before we look for a bar.
  const badge = await retryUntil(() => badgeFor(suite.browser.worker, tab));
  assert.equal(badge, '✓', 'badge on the real aliexpress.com should show the verified mark');
  assert.equal(await findBar(tab, 500), null, 'no warning bar on the real aliexpress.com');
  await tab.close();
});

test('bar on a lookalike page whose CSP forbids WebAssembly: the worker judges it', async () => {
  const tab = await open('aliexpress-sale.shop', '/strict-csp/plain'); // nothing on the page but its address
  const bar = await findBar(tab);
  assert.ok(bar, 'a warning bar should appear despite script-src \'self\'');
  assert.equal(await bar.getAttribute('data-wary'), 'caution', 'bar level under strict CSP');
  assert.equal(await badgeFor(suite.browser.worker, tab), '!', 'badge warns on the lookalike tab');
  await screenshot(tab, 'bar-strict-csp');
  await tab.close();
});

test('the bar sits in a closed shadow root and overlays the page without moving it', async () => {
  const tab = await open('aliexpress.com.secure-login.ru');
  assert.ok(await findBar(tab), 'bar on aliexpress.com.secure-login.ru');
  const seen = await tab.evaluate(() => ({
    shadowRoot: document.querySelector('[data-wary]').shadowRoot,
    headerTop: document.querySelector('header').getBoundingClientRect().top,
  }));
  assert.equal(seen.shadowRoot, null, 'the page cannot open the bar\'s shadow root');
  assert.equal(seen.headerTop, 0, 'the page\'s first element stays where it was (no layout shift)');
  await tab.close();
});

test('the bar\'s buttons are labelled for screen readers and its sentence is an alert', async () => {
  const tab = await open('aliexpress.com.secure-login.ru');
  assert.ok(await findBar(tab), 'bar on aliexpress.com.secure-login.ru');
  const nodes = await accessibleNodes(tab);
  const buttons = nodes.filter((n) => n.role === 'button').map((n) => n.name);
  for (const name of ['Take me to the real site, aliexpress.com', 'Why?', 'I trust this site', 'Dismiss this warning for this visit', 'Collapse the warning']) {
    assert.ok(buttons.includes(name), `a button named "${name}"; buttons: ${buttons.join(' | ')}`);
  }
  assert.ok(nodes.some((n) => n.role === 'region' && n.name === 'Wary warning'), 'the bar is a region named "Wary warning"');
  const alert = nodes.find((n) => n.role === 'alert');
  assert.ok(alert, 'the warning sentence is announced (role alert)');
  await tab.close();
});

test('"Why?" expands the reasons with their evidence and the advice', async () => {
  const tab = await open('aliexpress.com.secure-login.ru');
  assert.ok(await findBar(tab), 'bar on aliexpress.com.secure-login.ru');
  assert.equal((await shadowAttributes(tab, 'details')).hidden, '', 'the details start hidden');
  await clickInShadow(tab, 'why');
  assert.equal((await shadowAttributes(tab, 'details')).hidden, undefined, 'the details are shown after "Why?"');
  assert.equal((await shadowAttributes(tab, 'why'))['aria-expanded'], 'true', '"Why?" says it is expanded');
  const text = await barText(tab);
  assert.match(text, /Do not log in, pay or enter card details here/, `the advice is shown: ${text}`);
  assert.match(text, /aliexpress\.com\.secure-login\.ru/, `the evidence is shown: ${text}`);
  await screenshot(tab, 'bar-why-expanded');
  await tab.close();
});

test('"Take me to the real site" goes to the real site', async () => {
  // The real site over https is answered here, so the test needs no network.
  await suite.browser.context.route('https://aliexpress.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>real</title><h1>The real AliExpress</h1>' }));
  const tab = await open('aliexpress.com.secure-login.ru');
  assert.ok(await findBar(tab), 'bar on aliexpress.com.secure-login.ru');
  await Promise.all([tab.waitForURL('https://aliexpress.com/', { timeout: 5_000 }), clickInShadow(tab, 'go')]);
  assert.equal(tab.url(), 'https://aliexpress.com/', 'the button navigated to the real site');
  await suite.browser.context.unroute('https://aliexpress.com/**');
  await tab.close();
});

test('"I trust this site" hides the bar, is remembered, and holds across a reload', async () => {
  const tab = await open('aliexpress-sale.shop', '/plain');
  assert.ok(await findBar(tab), 'bar on aliexpress-sale.shop');
  await clickInShadow(tab, 'trust');
  const gone = await tab.waitForSelector('[data-wary]', { state: 'detached', timeout: 8_000 }).then(() => true, () => false);
  assert.ok(gone, '"I trust this site" removes the bar');
  const settings = await retryUntil(async () => ((await storedSettings(suite.browser.worker))?.trusted.length ? storedSettings(suite.browser.worker) : undefined));
  assert.deepEqual(settings?.trusted, ['aliexpress-sale.shop'], 'the site is stored as trusted');
  await tab.reload();
  const judged = await retryUntil(async () => {
    const title = await tooltipFor(suite.browser.worker, tab);
    return title?.includes('on this page') || title?.endsWith(' or page') ? title : undefined;
  });
  assert.ok(judged, 'after the reload the page is judged safe (the engine was told the site is trusted)');
  assert.equal(await findBar(tab, 300), null, 'no bar after a reload on a trusted site');
  assert.equal(await badgeFor(suite.browser.worker, tab), '', 'no warning badge on a trusted site');
  await storeSettings(suite.browser.worker, null);
  await tab.close();
});

test('"Dismiss" by keyboard removes the bar for this visit; a reload brings it back', async () => {
  const tab = await open('aliexpress.shop', '/plain');
  assert.ok(await findBar(tab), 'bar on aliexpress.shop');
  // The bar lives in a closed shadow root, as it must: reach its Dismiss button by keyboard,
  // as a user without a mouse would (Take me to the real site, Why?, I trust this site, Dismiss).
  for (let i = 0; i < 4; i++) await tab.keyboard.press('Tab');
  await tab.keyboard.press('Enter');
  const gone = await tab.waitForSelector('[data-wary]', { state: 'detached', timeout: 2_000 }).then(() => true, () => false);
  assert.ok(gone, 'Dismiss should remove the bar');
  // New text makes the content script judge the page again; the bar stays away this visit.
  await tab.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'More text arrived.' })));
  assert.equal(await findBar(tab, 2_500), null, 'a re-check after new text does not bring a dismissed bar back');
  await tab.reload();
  assert.ok(await findBar(tab), 'a new visit shows the bar again');
  await tab.close();
});

test('the bar collapses to a small tab and expands again', async () => {
  const tab = await open('aliexpress.com.secure-login.ru');
  assert.ok(await findBar(tab), 'bar on aliexpress.com.secure-login.ru');
  await clickInShadow(tab, 'collapse');
  assert.equal((await shadowStyle(tab, 'text', ['display'])).display, 'none', 'the sentence is hidden when collapsed');
  await screenshot(tab, 'bar-collapsed');
  await clickInShadow(tab, 'expand');
  assert.notEqual((await shadowStyle(tab, 'text', ['display'])).display, 'none', 'the sentence is back after expanding');
  await tab.close();
});

test('the bar follows dark mode and reduced motion', async () => {
  const light = await open('aliexpress.com.secure-login.ru', '/plain'); // one verdict, so the first bar stays
  assert.ok(await findBar(light), 'bar in light mode');
  const lightStyle = await shadowStyle(light, 'bar', ['background-color', 'animation-name']);
  assert.equal(lightStyle['background-color'], 'rgb(179, 38, 30)', 'danger red in light mode');
  assert.equal(lightStyle['animation-name'], 'wary-in', 'the bar slides in when motion is fine (once a visit)');
  await light.close();

  const dark = await suite.browser.context.newPage();
  await dark.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await dark.goto(suite.server.url('aliexpress.com.secure-login.ru', '/shop'));
  // The shop's page verdict, read in idle slices, replaces the address's bar: style the one that stays.
  assert.ok(await findSettledBar(dark), 'bar in dark mode');
  const darkStyle = await shadowStyle(dark, 'bar', ['background-color', 'animation-name']);
  assert.equal(darkStyle['background-color'], 'rgb(96, 20, 16)', 'a darker red in dark mode');
  assert.equal(darkStyle['animation-name'], 'none', 'no slide-in when the user asks for reduced motion');
  await screenshot(dark, 'bar-dark-mode');
  await dark.close();
});
