// The popup's paste box in real Chromium: paste, press Check or Ctrl+Enter, read the verdict.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot } from './helpers.mjs';

let browser;
let popup;

before(async () => {
  browser = await launchBrowser();
  popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
});

after(async () => {
  await browser?.close();
});

async function check(text, how) {
  await popup.fill('#paste', text);
  if (how === 'keyboard') await popup.press('#paste', 'Control+Enter');
  else await popup.click('#check');
  await popup.waitForFunction((t) => document.querySelector('#verdict')?.dataset.checked === t, text, { timeout: 5_000 });
  return popup.locator('#verdict');
}

const CASES = [
  // pasted text, how it is submitted, expected level, words the verdict must show
  ['https://aliexpress.com.secure-login.ru/pay', 'button', 'danger', 'aliexpress.com'],
  ['aliexpress-sale.shop', 'keyboard', 'caution', 'aliexpress-sale.shop'],
  ['https://www.aliexpress.com/item/1.html', 'keyboard', 'safe', 'real'],
  ['DHL: your parcel is held. Pay the customs fee at dhl-parcel-fee.top today', 'keyboard', 'danger', 'speaks as DHL'],
  ['Your code is 481516. Do not share it with anyone.', 'button', 'safe', 'Nothing suspicious'],
];

for (const [text, how, level, shows] of CASES) {
  test(`popup judges ${JSON.stringify(text)} (${how})`, async () => {
    const verdict = await check(text, how);
    assert.equal(await verdict.getAttribute('data-level'), level, `level shown for ${text}`);
    assert.ok(await verdict.isVisible(), `verdict card visible for ${text}`);
    const words = await verdict.innerText();
    assert.ok(words.includes(shows), `verdict for ${text} should mention ${shows}; it says: ${words}`);
    if (level === 'danger') await screenshot(popup, 'popup-danger');
  });
}
