// Settings survive what storage can hold: a copy cut short, garbage, a partial object, an
// older schema, and sync's quota. Driven in real Chromium from the options page (which imports
// shared/settings.js as the worker does), against the real chrome.storage: each
// damaged copy keeps what is sound in it, restores the rest from the last good copy in
// storage.local, and falls back to the defaults only for what neither has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, findBar, retryUntil, tooltipFor } from './helpers.mjs';

let options;

const suite = browserSuite(undefined, async () => {
  options = await suite.browser.context.newPage();
  await options.goto(`chrome-extension://${suite.browser.extensionId}/options/options.html`);
  await options.waitForSelector('body[data-ready="true"]');
});

/**
 * Runs `body(arg)` in the options page, against the real chrome.storage; `body` imports
 * shared/settings.js itself (the page's CSP allows no eval, so the module cannot be passed in).
 */
function inOptions(body, arg) {
  return options.evaluate(body, arg);
}


const GOOD = { version: 1, trusted: ['aliexpress-sale.shop', 'my-shop.example'], protected: ['mybank.example'], sensitivity: 'strict', scanning: false };
const DEFAULTS = { version: 1, trusted: [], protected: [], sensitivity: 'balanced', scanning: true };

/** Saves GOOD the normal way (so it is also the last good copy), then puts `damaged` in sync as is. */
async function damage(damaged, { lastGood = true } = {}) {
  await inOptions(async (good) => {
    const m = await import('/shared/settings.js');
    await chrome.storage.local.clear();
    await chrome.storage.sync.clear();
    await m.saveSettings(chrome, good);
  }, GOOD);
  await inOptions((value) => chrome.storage.sync.set({ settings: value }), damaged);
  // Removed last: the options page re-reads (and may remember) the settings on every change.
  await new Promise((r) => setTimeout(r, 100));
  if (!lastGood) await inOptions(() => chrome.storage.local.remove('settingsLastGood'));
}

const load = () => inOptions(async () => (await import('/shared/settings.js')).loadSettings(chrome));

const CASES = [
  // what sync holds, expected settings, last good copy kept?
  ['a JSON text cut short', '{"version":1,"trusted":["aliexpress-sale.sh', GOOD],
  ['a number', 42, GOOD],
  ['an array', ['evil.example'], GOOD],
  ['every field of the wrong type', { version: 1, trusted: 'aliexpress-sale.shop', protected: null, sensitivity: 'loud', scanning: 'yes' }, GOOD],
  ['a partial copy (trusted sites only)', { version: 1, trusted: ['new-trust.example'] }, { ...GOOD, trusted: ['new-trust.example'] }],
  ['the older schema (version 0)', { trustedSites: ['old-trust.example'], onPageScanning: true }, { ...GOOD, trusted: ['old-trust.example'], scanning: true }],
  ['a newer Wary\'s shape, synced from another device', { version: 7, trusted: ['aliexpress-sale.shop'], protected: ['mybank.example'], sensitivity: 'relaxed', scanning: false, colours: 'teal' }, { ...GOOD, trusted: ['aliexpress-sale.shop'], sensitivity: 'relaxed' }],
  ['a list with some entries that are no sites', { version: 1, trusted: ['aliexpress-sale.shop', 42, '<img src=x>', 'my-shop.example'], protected: ['mybank.example'], sensitivity: 'strict', scanning: false }, GOOD],
  ['garbage with no last good copy', 'not json', DEFAULTS, false],
];

for (const [name, stored, expected, lastGood = true] of CASES) {
  test(`settings from ${name}: ${lastGood ? 'what is sound is kept, the rest restored from the last good copy' : 'the defaults'}`, async () => {
    await damage(stored, { lastGood });
    assert.deepEqual(await load(), expected, `settings read from ${JSON.stringify(stored)}`);
  });
}

test('a sound copy becomes the last good copy; a damaged one does not replace it', async () => {
  await damage({ ...GOOD, trusted: ['other.example'] });
  await load();
  const afterSound = await inOptions(async () => (await chrome.storage.local.get('settingsLastGood')).settingsLastGood);
  assert.deepEqual(afterSound.trusted, ['other.example'], 'a sound copy (synced from another device) is remembered as the last good one');
  await inOptions(() => chrome.storage.sync.set({ settings: 'garbage' }));
  await load();
  const afterGarbage = await inOptions(async () => (await chrome.storage.local.get('settingsLastGood')).settingsLastGood);
  assert.deepEqual(afterGarbage.trusted, ['other.example'], 'garbage in sync leaves the last good copy as it was');
});

test('damaged settings in sync: the options page still lists the trusted and protected sites, and a trusted site gets no bar', async () => {
  await damage('{"version":1,"trusted":[');
  await options.reload();
  await options.waitForSelector('body[data-ready="true"]');
  const lists = await options.evaluate(() => ({
    trusted: [...document.querySelectorAll('#trusted-list .site')].map((n) => n.textContent),
    protected: [...document.querySelectorAll('#protected-list .site')].map((n) => n.textContent),
  }));
  assert.deepEqual(lists, { trusted: GOOD.trusted, protected: GOOD.protected }, 'the options page shows the restored sites');
  const tab = await suite.browser.context.newPage();
  await tab.goto(suite.server.url('aliexpress-sale.shop', '/plain'));
  // The restored settings turn on-page scanning off, so the address alone is judged.
  const judged = await retryUntil(async () => {
    const title = await tooltipFor(suite.browser.worker, tab);
    return title?.includes('nothing suspicious') ? title : undefined;
  });
  assert.ok(judged, 'the trusted lookalike was judged (and found nothing to say)');
  assert.equal(await findBar(tab, 300), null, 'no bar on a site the damaged copy had lost but the last good copy kept');
  await tab.close();
});

test('too many trusted sites for sync\'s 8 KB an item: kept in local, read back whole, and remembered', async () => {
  await inOptions(async () => {
    await chrome.storage.local.clear();
    await chrome.storage.sync.clear();
  });
  const many = Array.from({ length: 400 }, (_, i) => `trusted-site-number-${i}.example`);
  const result = await inOptions(async (sites) => {
    const m = await import('/shared/settings.js');
    let refused = null;
    try {
      await chrome.storage.sync.set({ settings: { version: 1, trusted: sites } });
    } catch (error) {
      refused = error.message;
    }
    await m.saveSettings(chrome, { version: 1, trusted: sites, protected: ['mybank.example'] });
    return {
      refused,
      sync: (await chrome.storage.sync.get('settings')).settings ?? null,
      local: (await chrome.storage.local.get('settings')).settings?.trusted.length,
      lastGood: (await chrome.storage.local.get(m.LAST_GOOD_KEY))[m.LAST_GOOD_KEY]?.trusted.length,
      loaded: await m.loadSettings(chrome),
    };
  }, many);
  assert.match(result.refused ?? '', /QUOTA_BYTES_PER_ITEM|QuotaBytesPerItem/i, `sync itself refuses the list: ${result.refused}`);
  assert.equal(result.sync, null, 'no stale copy is left in sync');
  assert.equal(result.local, 400, 'the settings are in local');
  assert.equal(result.lastGood, 400, 'and are the last good copy');
  assert.equal(result.loaded.trusted.length, 400, 'all 400 trusted sites are read back');
  assert.deepEqual(result.loaded.protected, ['mybank.example'], 'with the protected site');
});
