// Privacy in real Chromium: while Wary judges pages, shows its bar, runs right-click checks and
// the popup, the only requests the browser makes are the test pages' own and the extension's
// own packaged files. Wary sends nothing anywhere. (Playwright reports the pages' and the
// extension pages' requests; the service worker's own are not reported to it, and its source
// has no fetch, XMLHttpRequest or sendBeacon at all.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, findBar, tabIdOf } from './helpers.mjs';

const suite = browserSuite();

test('Wary makes no network request of its own', async () => {
  const requests = [];
  const record = (request) => requests.push(request.url());
  suite.browser.context.on('request', record);

  const pages = [['aliexpress.com.secure-login.ru', '/cloned-shop'], ['aliexpress.com', '/seller-chat'], ['aliexpress-sale.shop', '/strict-csp/plain']];
  for (const [host, page] of pages) {
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
  suite.browser.context.off('request', record);

  const fixtures = new Set(pages.map(([host, page]) => suite.server.url(host, page)));
  // Content scripts load the engine under the session's dynamic extension URL (use_dynamic_url),
  // a random id in place of the extension's; both are files inside the package, not the network.
  const foreign = requests.filter((url) => !fixtures.has(url) && !url.startsWith('chrome-extension://'));
  assert.ok(requests.length > pages.length, `requests were observed at all (${requests.length})`);
  assert.deepEqual(foreign, [], 'no request other than the pages themselves and the extension\'s own files');
});
