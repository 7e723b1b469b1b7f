// On-page cues in real Chromium: the content script gathers the page's facts and the engine, in
// the service worker, judges them — a cloned shop with a card form on a lookalike host (also
// under a strict CSP), the same page on the real host, and a chat message with a deceptive link
// that arrives after the page has loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, findBar, tooltipFor, retryUntil, screenshot, barText, inShadow, tabIdOf } from './helpers.mjs';

const suite = browserSuite();

async function open(host, page) {
  const tab = await suite.browser.context.newPage();
  await tab.goto(suite.server.url(host, page));
  return tab;
}

for (const path of ['/cloned-shop', '/strict-csp/cloned-shop']) {
  test(`danger bar on a cloned AliExpress checkout on a lookalike host (${path})`, async () => {
    const tab = await open('aliexpress-deals.shop', path);
    // The address alone gives a caution bar at once; the page's card form makes it danger.
    const bar = await retryUntil(async () => {
      const found = await findBar(tab);
      return (await found?.getAttribute('data-wary')) === 'danger' ? found : undefined;
    });
    assert.ok(bar, `a danger bar should appear on the cloned shop (${path}); got ${await (await findBar(tab, 100))?.getAttribute('data-wary')}`);
    assert.equal(await bar.getAttribute('data-wary-real'), 'aliexpress.com', 'the bar names the real site');
    const text = await barText(tab);
    assert.match(text, /looks like AliExpress and asks for your card details, but it is not on aliexpress\.com/, `bar text: ${text}`);
    if (path === '/cloned-shop') await screenshot(tab, 'bar-danger-cloned-shop');
    await tab.close();
  });
}

test('the bar, the badge\'s tooltip and the popup\'s top line say the same reason: the engine\'s headline', async () => {
  // The cloned shop's first warning is its address's (a caution); its strongest, the page's
  // card form (a danger), is the one to say first.
  const tab = await open('aliexpress-deals.shop', '/cloned-shop');
  const bar = await retryUntil(async () => ((await tab.$('[data-wary="danger"][data-wary-scope="page"]')) ?? undefined), 8_000);
  assert.ok(bar, 'the page\'s danger bar');
  const onBar = await inShadow(tab, 'headline', async (cdp, nodeId, node) => (node.children ?? []).map((child) => child.nodeValue).join(''));
  assert.match(onBar ?? '', /asks for your card details/, `the bar says the strongest reason: ${onBar}`);
  const tooltip = await retryUntil(async () => {
    const title = await tooltipFor(suite.browser.worker, tab);
    return title === `Wary: ${onBar}` ? title : undefined;
  });
  assert.equal(tooltip, `Wary: ${onBar}`, 'the badge\'s tooltip says what the bar says');
  const tabId = await tabIdOf(suite.browser.worker, tab);
  const popup = await suite.browser.context.newPage();
  await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup/popup.html?tab=${tabId}`);
  await popup.waitForFunction(() => document.querySelector('#site').dataset.level === 'danger', null, { timeout: 5_000 });
  assert.equal(await popup.locator('#site .site-headline').innerText(), `✖ ${onBar}`, 'the popup\'s top line says what the bar says');
  await popup.close();
  await tab.close();
});

test('no bar on the same checkout page on the real aliexpress.com, whose page is not read at load', async () => {
  const tab = await open('aliexpress.com', '/cloned-shop');
  const said = await retryUntil(async () => {
    const title = await tooltipFor(suite.browser.worker, tab);
    return /real AliExpress site/.test(title ?? '') ? title : undefined;
  });
  assert.match(said ?? '', /real AliExpress site/, `tooltip: ${said}`);
  await tab.waitForTimeout(500);
  const later = await tooltipFor(suite.browser.worker, tab);
  assert.ok(!later.includes('on this page'), `a verified site's own page is not judged at load (tooltip: ${later})`);
  assert.equal(await findBar(tab, 300), null, 'no warning bar on the real aliexpress.com with its own card form');
  await tab.close();
});

test('a chat message added after load with a link showing paypal.com raises the bar', async () => {
  const tab = await open('aliexpress.com', '/seller-chat');
  const bar = await findBar(tab, 6_000);
  assert.ok(bar, 'a warning bar should appear once the chat message arrives');
  const barBefore = await tab.evaluate(() => document.body.dataset.barBeforeChat);
  assert.equal(barBefore, 'false', 'no bar before the message arrived (the page itself is the real site)');
  assert.equal(await bar.getAttribute('data-wary'), 'danger', 'a link showing a brand while opening another site is danger');
  assert.equal(await bar.getAttribute('data-wary-real'), null, 'the site is the real one: no "take me to the real site"');
  const text = await barText(tab);
  assert.match(text, /This is the real aliexpress\.com, but this link is not from AliExpress/, `bar text: ${text}`);
  assert.match(text, /shows paypal\.com but opens secure-pay-help\.com/, `bar text: ${text}`);
  const delay = await tab.evaluate(() => Date.now() - Number(document.body.dataset.chatAt));
  console.log(`bar seen ${delay} ms after the chat message was inserted`);
  await screenshot(tab, 'bar-real-site-chat-link');
  await tab.close();
});

test('a long page read in idle slices and sent in parts: a link showing paypal.com at its end raises the bar', async () => {
  const tab = await open('deal-finder.example.com', '/long-page');
  const bar = await findBar(tab, 8_000);
  assert.ok(bar, 'a warning bar should appear once the whole long page was read');
  assert.equal(await bar.getAttribute('data-wary-scope'), 'page', 'the page\'s verdict, not the address\'s');
  const text = await barText(tab);
  assert.match(text, /shows paypal\.com but opens secure-pay-help\.com/, `bar text: ${text}`);
  await tab.close();
});

test('a seller message on the real aliexpress.com asking for Western Union raises the bar', async () => {
  const tab = await open('aliexpress.com', '/seller-chat-transfer');
  const bar = await findBar(tab, 6_000);
  assert.ok(bar, 'a warning bar should appear once the seller asks for an off-platform payment');
  assert.equal(await tab.evaluate(() => document.body.dataset.barBeforeChat), 'false', 'no bar before the message arrived');
  assert.notEqual(await bar.getAttribute('data-wary'), 'safe');
  assert.equal(await bar.getAttribute('data-wary-real'), null, 'the site is the real one: no "take me to the real site"');
  const text = await barText(tab);
  assert.match(text, /This is the real aliexpress\.com, but this request is not from AliExpress/, `bar text: ${text}`);
  assert.match(text, /Western Union/, `bar text: ${text}`);
  await screenshot(tab, 'bar-real-site-western-union');
  await tab.close();
});

test('a link\'s text is what the reader sees: no bar for an address in a noscript fallback or hidden text', async () => {
  // Each link's DOM text holds an address of another site than the one it opens (in a
  // <noscript> image fallback, an aria-hidden span, a hidden span): as DOM text that would be a
  // link-text mismatch, but the reader sees only the story's title.
  const tab = await open('local-news.example.com', '/unseen-link-text');
  const judged = await retryUntil(async () => {
    const title = await tooltipFor(suite.browser.worker, tab);
    return /page/.test(title ?? '') ? title : undefined;
  });
  assert.match(judged ?? '', /nothing suspicious found on this site or page/, `the page was judged safe (tooltip: ${judged})`);
  assert.equal(await findBar(tab, 300), null, 'no warning bar on an ordinary news page');
  await tab.close();
});

test('the worker judges page facts sent as verdict/page, and refuses ill-shaped ones', async () => {
  // An extension page may message the worker as the content script does.
  const tab = await suite.browser.context.newPage();
  await tab.goto(`chrome-extension://${suite.browser.extensionId}/popup/popup.html`);
  const answers = await tab.evaluate(async () => {
    const ask = (facts) => chrome.runtime.sendMessage({ type: 'verdict/page', facts });
    return {
      good: await ask({ url: 'http://aliexpress-deals.shop/', title: 'AliExpress', forms: [{ action: 'http://aliexpress-deals.shop/pay', has_password: false, has_card: true }] }),
      notObject: await ask('http://aliexpress-deals.shop/'),
      wrongType: await ask({ url: 'http://x.example/', links: [{ href: 42 }] }),
      tooMany: await ask({ url: 'http://x.example/', links: Array.from({ length: 2001 }, () => ({ href: 'http://y.example/', text: '' })) }),
    };
  });
  assert.equal(answers.good?.ok, true, `good facts are judged: ${JSON.stringify(answers.good)}`);
  assert.equal(answers.good.verdict.level, 'danger', 'the cloned shop facts are danger in the worker too');
  for (const name of ['notObject', 'wrongType', 'tooMany']) {
    assert.equal(answers[name]?.ok, false, `${name} facts are refused: ${JSON.stringify(answers[name])}`);
    assert.match(answers[name].error, /verdict\/page/, `${name}: the error says which message was refused`);
  }
  await tab.close();
});
