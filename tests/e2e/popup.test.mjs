// The popup in real Chromium: the current site's verdict at the top, and the paste box —
// paste, press Check or Ctrl+Enter, read the verdict card (level, score, the six layers,
// highlighted evidence, advice), clear it, copy its report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, screenshot, tabIdOf, retryUntil, tooltipFor } from './helpers.mjs';

let popup;

const suite = browserSuite(undefined, async () => {
  popup = await suite.browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup/popup.html`);
});

async function check(text, how) {
  await popup.fill('#paste', text);
  if (how === 'keyboard') await popup.press('#paste', 'Control+Enter');
  else await popup.click('#check');
  await popup.waitForFunction((t) => document.querySelector('#verdict')?.dataset.checked === t, text, { timeout: 5_000 });
  return popup.locator('#verdict');
}

const LAYERS = ['domain', 'link', 'payment', 'pressure', 'offer', 'pattern'];

const CASES = [
  // pasted text, how it is submitted, expected level, words the verdict must show, flagged layers
  ['https://aliexpress.com.secure-login.ru/pay', 'button', 'danger', 'aliexpress.com', ['domain']],
  ['aliexpress-sale.shop', 'keyboard', 'caution', 'aliexpress-sale.shop', ['domain']],
  ['https://www.aliexpress.com/item/1.html', 'keyboard', 'safe', 'real', []],
  ['DHL: your parcel is held. Pay the customs fee at dhl-parcel-fee.top today', 'keyboard', 'danger', 'speaks as DHL', null],
  ['Your code is 481516. Do not share it with anyone.', 'button', 'safe', 'Nothing suspicious', []],
];

for (const [text, how, level, shows, flagged] of CASES) {
  test(`popup judges ${JSON.stringify(text)} (${how})`, async () => {
    const verdict = await check(text, how);
    assert.equal(await verdict.getAttribute('data-level'), level, `level shown for ${text}`);
    assert.ok(await verdict.isVisible(), `verdict card visible for ${text}`);
    const words = await verdict.innerText();
    assert.ok(words.includes(shows), `verdict for ${text} should mention ${shows}; it says: ${words}`);
    assert.match(words, /Score \d+ of 100/, `the card shows the score: ${words}`);
    const layers = await popup.$$eval('#verdict .layers li', (items) => items.map((li) => [li.dataset.layer, li.dataset.state]));
    assert.deepEqual(layers.map(([layer]) => layer), LAYERS, 'the card lists the six layers in order');
    const flaggedShown = layers.filter(([, state]) => state === 'flagged').map(([layer]) => layer);
    if (flagged) assert.deepEqual(flaggedShown, flagged, `flagged layers for ${text}`);
    else assert.ok(flaggedShown.length >= 2, `a message with several cues flags several layers: ${flaggedShown}`);
    const marks = await popup.$$eval('#verdict .subject mark', (items) => items.map((m) => m.textContent));
    if (level !== 'safe') assert.ok(marks.length > 0, `the evidence is highlighted in what was pasted (${text})`);
    for (const mark of marks) assert.ok(text.toLowerCase().includes(mark.toLowerCase()), `a highlight is part of the text: ${mark}`);
    if (level === 'danger' && text.startsWith('DHL')) await screenshot(popup, 'popup-danger');
  });
}

test('Copy report puts the verdict on the clipboard', async () => {
  // Chromium grants no clipboard-read permission to extension origins from a test, so the
  // clipboard's writeText is watched instead of the clipboard read back.
  await popup.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => {
      window.copiedReport = text;
      return write(text);
    };
  });
  await check('https://aliexpress.com.secure-login.ru/pay', 'button');
  await popup.click('#copy');
  await popup.waitForFunction(() => document.querySelector('#copied')?.textContent, null, { timeout: 3_000 });
  const report = await popup.evaluate(() => window.copiedReport);
  assert.match(report, /^Wary: Danger/, `report starts with the level: ${report}`);
  assert.match(report, /Checked: https:\/\/aliexpress\.com\.secure-login\.ru\/pay/, `report names what was checked: ${report}`);
  assert.match(report, /Domain: flagged/, `report lists the layers: ${report}`);
});

test('Clear empties the box and hides the card', async () => {
  await check('aliexpress-sale.shop', 'button');
  await popup.click('#clear');
  assert.equal(await popup.inputValue('#paste'), '', 'the paste box is empty');
  assert.ok(await popup.locator('#verdict').isHidden(), 'the verdict card is hidden');
  assert.equal(await popup.evaluate(() => document.activeElement.id), 'paste', 'focus returns to the paste box');
});

for (const [host, level, says, tooltip] of [
  ['aliexpress.com', 'safe', /You are on the real aliexpress\.com/, /real AliExpress site/],
  ['aliexpress.com.secure-login.ru', 'danger', /This is not aliexpress\.com/, /This is not aliexpress\.com/],
]) {
  test(`the top line shows the current site's verdict: ${host}`, async () => {
    const tab = await suite.browser.context.newPage();
    await tab.goto(suite.server.url(host, '/plain'));
    await retryUntil(async () => (tooltip.test((await tooltipFor(suite.browser.worker, tab)) ?? '') ? true : undefined));
    const tabId = await tabIdOf(suite.browser.worker, tab);
    const view = await suite.browser.context.newPage();
    await view.setViewportSize({ width: 380, height: 640 });
    await view.goto(`chrome-extension://${suite.browser.extensionId}/popup/popup.html?tab=${tabId}`);
    await view.waitForFunction(() => document.querySelector('#site').dataset.level !== 'unknown', null, { timeout: 5_000 });
    assert.equal(await view.locator('#site').getAttribute('data-level'), level, `top line level on ${host}`);
    const line = await view.locator('#site').innerText();
    assert.match(line, says, `top line on ${host}: ${line}`);
    if (level === 'danger') {
      await view.fill('#paste', 'DHL: your parcel is held. Pay the customs fee at dhl-parcel-fee.top today');
      await view.press('#paste', 'Control+Enter');
      await view.waitForFunction(() => document.querySelector('#verdict')?.dataset.level, null, { timeout: 5_000 });
      await screenshot(view, 'popup-on-lookalike');
    }
    await view.close();
    await tab.close();
  });
}
