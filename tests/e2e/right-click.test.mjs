// Right-click checks in real Chromium: "Check this link" and "Check selected text". Native
// menus cannot be clicked from a test, so the test calls the worker's menu handler, exactly as
// chrome.contextMenus.onClicked does, and looks for the verdict: in a panel on the page, or in
// a popup window where no content script runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, retryUntil, screenshot, barText, tabIdOf, clickInShadow } from './helpers.mjs';

const suite = browserSuite();

/** Calls the worker's contextMenus.onClicked handler for `info` on `tab`'s page. */
async function rightClick(tab, info) {
  const tabId = await tabIdOf(suite.browser.worker, tab);
  return suite.browser.worker.evaluate(([menuInfo, id]) => self.wary.handleMenuClick(menuInfo, { id }), [info, tabId]);
}

async function panel(tab, ms = 3_000) {
  return tab.waitForSelector('[data-wary-panel]', { state: 'attached', timeout: ms }).catch(() => null);
}

test('both menu entries are registered', async () => {
  // The worker creates them in runtime.onInstalled, which may still be running on a busy machine.
  const known = () => suite.browser.worker.evaluate(() => Promise.all(['wary-check-link', 'wary-check-text'].map((id) => new Promise((resolve) => {
    chrome.contextMenus.update(id, {}, () => resolve(chrome.runtime.lastError?.message ?? 'ok'));
  }))));
  const exists = await retryUntil(async () => {
    const answers = await known();
    return answers.every((answer) => answer === 'ok') ? answers : null;
  }) ?? await known();
  assert.deepEqual(exists, ['ok', 'ok'], 'chrome.contextMenus knows wary-check-link and wary-check-text');
});

const CASES = [
  // menu, what was right-clicked, expected level, words the panel must show
  ['wary-check-link', { linkUrl: 'http://aliexpress.com.secure-login.ru/pay' }, 'danger', /This is not aliexpress\.com/],
  ['wary-check-link', { linkUrl: 'https://www.paypal.com/signin' }, 'safe', /This is a real site/],
  ['wary-check-text', { selectionText: 'DHL: your parcel is held. Pay the customs fee at dhl-parcel-fee.top today' }, 'danger', /DHL/],
  ['wary-check-text', { selectionText: 'See you at the station at six.' }, 'safe', /Nothing suspicious/],
];

for (const [menuItemId, info, level, shows] of CASES) {
  test(`${menuItemId} on ${JSON.stringify(Object.values(info)[0])}: ${level} in a panel on the page`, async () => {
    const tab = await suite.browser.context.newPage();
    await tab.goto(suite.server.url('aliexpress.com', '/plain'));
    await retryUntil(() => tab.evaluate(() => document.readyState === 'complete' || undefined));
    const result = await rightClick(tab, { menuItemId, ...info });
    assert.deepEqual(result, { shown: 'panel', level }, `the worker showed the verdict on the page: ${JSON.stringify(result)}`);
    const shown = await panel(tab);
    assert.ok(shown, 'the verdict panel appears on the page');
    assert.equal(await shown.getAttribute('data-wary-panel'), level, 'the panel shows the verdict\'s level');
    const text = await barText(tab, 'data-wary-panel');
    assert.match(text, shows, `panel text: ${text}`);
    assert.ok(text.includes(Object.values(info)[0].slice(0, 40)), `the panel says what was checked: ${text}`);
    if (menuItemId === 'wary-check-text' && level === 'danger') await screenshot(tab, 'right-click-panel');
    await clickInShadow(tab, 'close', 'data-wary-panel');
    const closed = await tab.waitForSelector('[data-wary-panel]', { state: 'detached', timeout: 2_000 }).then(() => true, () => false);
    assert.ok(closed, 'the panel closes with its close button');
    await tab.close();
  });
}

test('where no content script runs, the verdict opens in a popup window', async () => {
  const tab = await suite.browser.context.newPage();
  await tab.goto('about:blank'); // content scripts run on http and https pages only
  const opened = suite.browser.context.waitForEvent('page', { timeout: 5_000 });
  const result = await rightClick(tab, { menuItemId: 'wary-check-link', linkUrl: 'http://aliexpress.com.secure-login.ru/pay' });
  assert.deepEqual(result, { shown: 'window', level: 'danger' }, `the worker fell back to a window: ${JSON.stringify(result)}`);
  const window = await opened;
  assert.match(window.url(), /\/popup\/popup\.html\?check=/, `the window is the popup with the link to check: ${window.url()}`);
  await window.waitForFunction(() => document.querySelector('#verdict')?.dataset.level, null, { timeout: 5_000 });
  assert.equal(await window.locator('#verdict').getAttribute('data-level'), 'danger', 'the window shows the danger verdict');
  assert.equal(await window.inputValue('#paste'), 'http://aliexpress.com.secure-login.ru/pay', 'the window says what was checked');
  await window.close();
  await tab.close();
});

test('the worker answers only messages it knows, in their shape', async () => {
  const tab = await suite.browser.context.newPage();
  await tab.goto(`chrome-extension://${suite.browser.extensionId}/popup/popup.html`);
  const answers = await tab.evaluate(async () => ({
    unknown: await chrome.runtime.sendMessage({ type: 'settings/erase' }),
    badUrl: await chrome.runtime.sendMessage({ type: 'verdict/url', url: 42 }),
    trustFromPage: await chrome.runtime.sendMessage({ type: 'settings/trust', site: 'evil.example' }),
    badTab: await chrome.runtime.sendMessage({ type: 'tab/get', tabId: 'all' }),
  }));
  for (const [name, answer] of Object.entries(answers)) {
    assert.equal(answer?.ok, false, `${name} is refused: ${JSON.stringify(answer)}`);
  }
  const settings = await suite.browser.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings ?? null);
  assert.ok(!settings?.trusted?.includes('evil.example'), 'a site named in a message is never trusted');
  await tab.close();
});
