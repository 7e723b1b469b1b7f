// The options page in real Chromium, and the settings module it stands on: trusted sites
// (list, remove), protected sites, sensitivity, on-page scanning, export and import; and what
// each setting changes on a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { browserSuite, findBar, findSettledBar, screenshot, storedSettings, storeSettings, retryUntil } from './helpers.mjs';
import { migrate, loadSettings, saveSettings, SCHEMA_VERSION } from '../../extension/shared/settings.js';

let options;

const suite = browserSuite(undefined, async () => {
  await storeSettings(suite.browser.worker, { version: 1, trusted: ['aliexpress-sale.shop', 'old.example'], protected: [], sensitivity: 'balanced', scanning: true });
  options = await suite.browser.context.newPage();
  await options.goto(`chrome-extension://${suite.browser.extensionId}/options/options.html`);
  await options.waitForSelector('body[data-ready="true"]');
});

test('migrate: any stored or imported value becomes settings of the current version', () => {
  const defaults = { version: SCHEMA_VERSION, trusted: [], protected: [], sensitivity: 'balanced', scanning: true };
  const CASES = [
    // input, expected (or an Error pattern)
    [undefined, defaults],
    [{ trustedSites: ['Shop.Example', 'https://www.bank.example/login'], onPageScanning: false }, { ...defaults, trusted: ['shop.example', 'www.bank.example'], scanning: false }],
    [{ version: 1, trusted: ['a.example', 'a.example', 'not a site', 42], sensitivity: 'loud', extra: 1 }, { ...defaults, trusted: ['a.example'] }],
    [{ version: 1, protected: ['mybank.example'], sensitivity: 'strict', scanning: false }, { ...defaults, protected: ['mybank.example'], sensitivity: 'strict', scanning: false }],
    [{ version: 99 }, /newer than this Wary understands/],
    [['a.example'], /must be a JSON object/],
  ];
  for (const [input, expected] of CASES) {
    if (expected instanceof RegExp) assert.throws(() => migrate(input), expected, `migrate(${JSON.stringify(input)}) should be refused`);
    else assert.deepEqual(migrate(input), expected, `migrate(${JSON.stringify(input)})`);
  }
});

test('settings too large for sync are kept in local, and read back from there', async () => {
  const area = (quota) => {
    const items = {};
    return {
      items,
      async get(key) { return key in items ? { [key]: structuredClone(items[key]) } : {}; },
      async set(values) {
        if (JSON.stringify(values).length > quota) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        Object.assign(items, structuredClone(values));
      },
      async remove(key) { delete items[key]; },
    };
  };
  const api = { storage: { sync: area(8192), local: area(Infinity) } };
  await saveSettings(api, { version: 1, trusted: ['small.example'] });
  assert.deepEqual(api.storage.sync.items.settings.trusted, ['small.example'], 'small settings go to sync');
  const many = Array.from({ length: 400 }, (_, i) => `trusted-site-number-${i}.example`);
  await saveSettings(api, { version: 1, trusted: many });
  assert.equal(api.storage.sync.items.settings, undefined, 'the stale sync copy is removed');
  assert.equal(api.storage.local.items.settings.trusted.length, 400, 'the large settings are in local');
  assert.equal((await loadSettings(api)).trusted.length, 400, 'and they are what is read back');
  await saveSettings(api, { version: 1, trusted: ['small.example'] });
  assert.deepEqual((await loadSettings(api)).trusted, ['small.example'], 'small again: back in sync, read from there');
  assert.equal(api.storage.local.items.settings, undefined, 'and the local copy is gone');
});

test('trusted sites are listed and can be removed', async () => {
  const listed = await options.$$eval('#trusted-list .site', (items) => items.map((i) => i.textContent));
  assert.deepEqual(listed, ['aliexpress-sale.shop', 'old.example'], 'both trusted sites are listed');
  await options.click('button[aria-label="Remove old.example"]');
  await options.waitForFunction(() => document.querySelectorAll('#trusted-list .site').length === 1);
  const stored = await retryUntil(async () => ((await storedSettings(suite.browser.worker)).trusted.length === 1 ? (await storedSettings(suite.browser.worker)).trusted : undefined));
  assert.deepEqual(stored, ['aliexpress-sale.shop'], 'the removal is stored');
});

test('own protected sites can be added; a non-site is refused with a message', async () => {
  await options.fill('#protected-input', 'not a site');
  await options.press('#protected-input', 'Enter');
  assert.match(await options.locator('#protected-error').innerText(), /not a site name/, 'an error says why');
  await options.fill('#protected-input', 'https://MyBank.example/login');
  await options.click('#protected-form button[type="submit"]');
  await options.waitForFunction(() => document.querySelectorAll('#protected-list .site').length === 1);
  assert.deepEqual((await storedSettings(suite.browser.worker)).protected, ['mybank.example'], 'the site is stored as a host name');
  assert.equal(await options.locator('#protected-error').innerText(), '', 'the error is gone');
  await screenshot(options, 'options', { fullPage: true });
});

test('a lookalike of the user\'s own site is warned about once the site is added', async () => {
  assert.equal(await barLevelOn('rnybank-online.de', '/plain'), null, 'no bar before the user names the site (nobody else protects it)');
  await options.fill('#protected-input', 'mybank-online.de');
  await options.press('#protected-input', 'Enter');
  const stored = await retryUntil(async () => ((await storedSettings(suite.browser.worker)).protected.includes('mybank-online.de') ? true : undefined));
  assert.ok(stored, 'the site is stored');
  const tab = await suite.browser.context.newPage();
  await tab.goto(suite.server.url('rnybank-online.de', '/plain'));
  const bar = await findBar(tab);
  assert.ok(bar, 'a bar on rnybank-online.de (rn for m) once mybank-online.de is protected');
  assert.equal(await bar.getAttribute('data-wary'), 'danger', 'a homograph of the user\'s own site is danger');
  assert.equal(await bar.getAttribute('data-wary-real'), 'mybank-online.de', 'the bar names the user\'s real site');
  await tab.close();
});

async function barLevelOn(host, page) {
  const tab = await suite.browser.context.newPage();
  await tab.goto(suite.server.url(host, page));
  const bar = await findSettledBar(tab, 3_000);
  const level = bar ? await bar.getAttribute('data-wary') : null;
  await tab.close();
  return level;
}

/** The level the popup's paste box shows for `text`. */
async function popupLevelOf(text) {
  const popup = await suite.browser.context.newPage();
  await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup/popup.html?check=${encodeURIComponent(text)}`);
  await popup.waitForFunction((t) => document.querySelector('#verdict')?.dataset.checked === t, text, { timeout: 5_000 });
  const level = await popup.locator('#verdict').getAttribute('data-level');
  await popup.close();
  return level;
}

test('sensitivity: strict shows a caution as danger, relaxed hides a lone caution (the engine applies it)', async () => {
  const CASES = [
    // sensitivity, the bar on amazom.com (a caution), the popup for it, the popup for a danger
    ['strict', 'danger', 'danger', 'danger'],
    ['relaxed', null, 'safe', 'danger'],
    ['balanced', 'caution', 'caution', 'danger'],
  ];
  for (const [sensitivity, bar, popup, danger] of CASES) {
    await options.check(`input[name="sensitivity"][value="${sensitivity}"]`);
    const stored = await retryUntil(async () => ((await storedSettings(suite.browser.worker)).sensitivity === sensitivity ? true : undefined));
    assert.ok(stored, `${sensitivity} is stored`);
    assert.equal(await barLevelOn('amazom.com', '/plain'), bar, `bar on amazom.com (a caution) under ${sensitivity}`);
    // Also under a page CSP that forbids WebAssembly: the engine is in the worker either way.
    assert.equal(await barLevelOn('amazom.com', '/strict-csp/plain'), bar, `bar on amazom.com under a strict CSP, ${sensitivity}`);
    assert.equal(await popupLevelOf('amazom.com'), popup, `the popup's verdict on a pasted amazom.com under ${sensitivity}`);
    assert.equal(await popupLevelOf('aliexpress.com.secure-login.ru'), danger, `the popup's verdict on a danger under ${sensitivity}`);
  }
});

test('on-page scanning off: only the address is judged', async () => {
  assert.equal(await barLevelOn('amazom.com', '/shop'), 'danger', 'with scanning, the shop\'s impossible offers make it danger');
  await options.uncheck('#scanning');
  const stored = await retryUntil(async () => ((await storedSettings(suite.browser.worker)).scanning === false ? true : undefined));
  assert.ok(stored, 'scanning off is stored');
  assert.equal(await barLevelOn('amazom.com', '/shop'), 'caution', 'without scanning, the address alone: caution');
  await options.check('#scanning');
});

test('export writes the settings as JSON; import restores them, migrating an old file', async () => {
  const [download] = await Promise.all([options.waitForEvent('download'), options.click('#export')]);
  assert.equal(download.suggestedFilename(), 'wary-settings.json', 'the file name');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(exported, await storedSettings(suite.browser.worker), 'the export is exactly the stored settings');

  const folder = await mkdtemp(path.join(tmpdir(), 'wary-import-'));
  const old = path.join(folder, 'old.json');
  await writeFile(old, JSON.stringify({ trustedSites: ['friend-shop.example'], onPageScanning: false }));
  await options.setInputFiles('#import-file', old);
  await options.waitForFunction(() => document.querySelector('#import-status').dataset.result);
  assert.equal(await options.locator('#import-status').getAttribute('data-result'), 'ok', await options.locator('#import-status').innerText());
  const imported = await storedSettings(suite.browser.worker);
  assert.deepEqual(imported, { version: SCHEMA_VERSION, trusted: ['friend-shop.example'], protected: [], sensitivity: 'balanced', scanning: false }, 'the old file is migrated');
  assert.deepEqual(await options.$$eval('#trusted-list .site', (items) => items.map((i) => i.textContent)), ['friend-shop.example'], 'the page shows the import');
  assert.equal(await options.isChecked('#scanning'), false, 'the scanning box follows the import');

  const newer = path.join(folder, 'newer.json');
  await writeFile(newer, JSON.stringify({ version: 99, trusted: [] }));
  await options.setInputFiles('#import-file', newer);
  await options.waitForFunction(() => document.querySelector('#import-status').dataset.result === 'error');
  assert.match(await options.locator('#import-status').innerText(), /newer than this Wary understands/, 'a newer file is refused, saying why');
  assert.deepEqual(await storedSettings(suite.browser.worker), imported, 'a refused import changes nothing');

  await options.setInputFiles('#import-file', { name: 'back.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await options.waitForFunction(() => document.querySelector('#import-status').dataset.result === 'ok');
  assert.deepEqual(await storedSettings(suite.browser.worker), exported, 'importing the export restores it (round trip)');
});
