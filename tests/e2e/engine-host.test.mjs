// The service worker is the only engine host, in real Chromium: the popup and the options page
// hold no WebAssembly (the probe finds the engine where one is loaded: the control), the popup's
// paste box is judged by the worker (`verdict/input`), and the popup says "Checking…" while the
// worker answers, also when the browser had stopped it and it must first wake up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite } from './helpers.mjs';

const suite = browserSuite();

const PASTES = [
  // pasted text, level, a reason code the verdict must have, judged as
  ['aliexpress-sale.shop', 'caution', 'brand-in-name', 'a link'],
  // reddit is no catalogue brand: its name comes from engine/protected-names.js, which the
  // worker hands the engine beside the wasm (without it this link is safe).
  ['reddit-login.com', 'caution', 'brand-in-name', 'a link borrowing a popular site\'s name'],
  ['DHL: your parcel is held. Pay the customs fee at dhl-parcel-fee.top today', 'danger', 'impersonation', 'a message'],
];

async function openPage(path) {
  const page = await suite.browser.context.newPage();
  await page.goto(`chrome-extension://${suite.browser.extensionId}/${path}`);
  return page;
}

/**
 * The WebAssembly objects on `page`'s heap: every instance, module and memory, found by
 * DevTools' Runtime.queryObjects, which lists the live objects of a prototype whoever made
 * them (a glue's init, a bare WebAssembly.instantiate, a module another script loaded).
 */
async function wasmOn(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const count = async (prototype) => {
      const { result } = await cdp.send('Runtime.evaluate', { expression: `WebAssembly.${prototype}.prototype` });
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId });
      const { result: length } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
      return length.value;
    };
    return { instances: await count('Instance'), modules: await count('Module'), memories: await count('Memory') };
  } finally {
    await cdp.detach();
  }
}

const NONE = { instances: 0, modules: 0, memories: 0 };

/** Pastes `text` into the popup, presses Check, and resolves to the card's level once it shows the verdict. */
async function check(popup, text) {
  await popup.fill('#paste', text);
  await popup.click('#check');
  await popup.waitForFunction((t) => document.querySelector('#verdict')?.dataset.checked === t, text, { timeout: 10_000 });
  return popup.locator('#verdict').getAttribute('data-level');
}

const inputsJudged = () => suite.browser.worker.evaluate(() => self.wary.counts['verdict/input'] ?? 0);

test('the popup judges a pasted link and a pasted message through the worker, and holds no WebAssembly', async () => {
  const popup = await openPage('popup/popup.html');
  const before = await inputsJudged();
  for (const [text, level, code, as] of PASTES) {
    assert.equal(await check(popup, text), level, `level of ${as} pasted: ${text}`);
    const codes = await popup.$$eval('#verdict .reason', (items) => items.map((item) => item.dataset.code));
    assert.ok(codes.includes(code), `${as} is judged as ${as} (${code}): ${codes}`);
  }
  assert.equal(await inputsJudged() - before, PASTES.length, 'the worker answered each check (verdict/input)');
  assert.deepEqual(await wasmOn(popup), NONE, 'the popup holds no WebAssembly instance, module or memory');
  const scripts = await popup.evaluate(() => [...document.scripts].map((s) => s.src));
  assert.ok(scripts.every((src) => !src.includes('/engine/')), `the popup loads no engine script: ${scripts}`);

  // The control: the same probe in the same page finds the engine once the page loads it.
  const level = await popup.evaluate(async () => {
    const glue = await import('/engine/wary.js');
    await glue.default();
    return glue.analyze_url('aliexpress-sale.shop').level;
  });
  assert.equal(level, 'caution', 'the popup page can load the engine (the control)');
  const loaded = await wasmOn(popup);
  assert.ok(loaded.instances >= 1 && loaded.modules >= 1 && loaded.memories >= 1, `the probe finds a loaded engine: ${JSON.stringify(loaded)}`);
  await popup.close();
});

test('the options page holds no WebAssembly', async () => {
  const options = await openPage('options/options.html');
  await options.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await wasmOn(options), NONE, 'the options page holds no WebAssembly instance, module or memory');
  await options.close();
});

/** Records in the popup each "Checking…" the verdict card shows, and whether it had a level meanwhile. */
function watchChecking(popup) {
  return popup.evaluate(() => {
    window.checkingSeen = [];
    const card = document.querySelector('#verdict');
    new MutationObserver(() => {
      const line = card.querySelector('.checking');
      if (line) window.checkingSeen.push({ text: line.textContent, level: card.dataset.level ?? null, busy: card.getAttribute('aria-busy') });
    }).observe(card, { childList: true });
  });
}

test('the popup says "Checking…" while the worker is busy, then the verdict', async () => {
  const popup = await openPage('popup/popup.html');
  await watchChecking(popup);
  // The worker's thread is held for 1.5 s: the question waits in its queue meanwhile.
  const busy = suite.browser.worker.evaluate(() => {
    const until = Date.now() + 1_500;
    while (Date.now() < until);
  });
  await popup.fill('#paste', 'aliexpress-sale.shop');
  await popup.click('#check');
  const waiting = await popup.waitForSelector('#verdict .checking', { timeout: 1_000 }).then((line) => line.textContent(), () => null);
  assert.equal(waiting, 'Checking…', 'the card says "Checking…" while the worker has not answered');
  assert.equal(await popup.locator('#verdict').getAttribute('data-level'), null, 'and shows no level meanwhile');
  await busy;
  await popup.waitForFunction(() => document.querySelector('#verdict')?.dataset.checked === 'aliexpress-sale.shop', null, { timeout: 10_000 });
  assert.equal(await popup.locator('#verdict').getAttribute('data-level'), 'caution', 'then the worker\'s verdict');
  assert.equal(await popup.locator('#verdict .checking').count(), 0, '"Checking…" is gone');
  assert.equal(await popup.locator('#verdict').getAttribute('aria-busy'), null, 'the card is no longer busy');
  await popup.close();
});

// Last in this file: the browser stops the worker, and the suite's handle on it goes with it.
test('a stopped worker wakes up for the popup\'s question', async () => {
  const popup = await openPage('popup/popup.html');
  await watchChecking(popup);
  const cdp = await suite.browser.context.newCDPSession(popup);
  const states = [];
  let versionId = null;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (!v.scriptURL.endsWith('/background/service-worker.js')) continue;
      versionId = v.versionId;
      states.push(v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  const waitFor = async (state) => {
    for (const deadline = Date.now() + 5_000; states.at(-1) !== state && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 50));
    return states.at(-1);
  };
  assert.equal(await waitFor('running'), 'running', `the worker runs: ${states}`);
  await cdp.send('ServiceWorker.stopWorker', { versionId });
  assert.equal(await waitFor('stopped'), 'stopped', `the browser stopped the worker, as it does an idle one: ${states}`);

  const [text, level] = PASTES[1];
  assert.equal(await check(popup, text), level, 'the woken worker judged the pasted message');
  assert.ok(states.includes('starting'), `the worker was started again for the question: ${states}`);
  const seen = await popup.evaluate(() => window.checkingSeen);
  assert.ok(seen.length >= 1 && seen.every((s) => s.text === 'Checking…' && s.level === null && s.busy === 'true'), `the card said "Checking…", busy and without a level, meanwhile: ${JSON.stringify(seen)}`);
  await cdp.detach();
  await popup.close();
});
