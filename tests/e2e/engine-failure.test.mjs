// When the engine cannot work, Wary says protection is off: never a silent nothing. Two broken
// copies of dist/chrome are loaded in real Chromium: one whose engine/wary_bg.wasm is corrupt
// (the engine never starts in the service worker, its only host), one whose engine throws on
// every check (each analyze_* patched to throw in the glue, as a panic in the wasm would). The
// toolbar badge says OFF in grey with a tooltip saying why, the popup says so in its first
// line, and what is pasted into the popup cannot be judged either.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extensionDir, launchBrowser, startServer, findBar, retryUntil, tabIdOf } from './helpers.mjs';

const copies = [];
after(() => Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of dist/chrome with `breakIt(dir)` applied. */
async function brokenCopy(breakIt) {
  const dir = await mkdtemp(path.join(tmpdir(), 'wary-broken-'));
  copies.push(dir);
  await cp(extensionDir, dir, { recursive: true });
  await breakIt(dir);
  return dir;
}

async function corruptWasm(dir) {
  const file = path.join(dir, 'engine/wary_bg.wasm');
  const bytes = await readFile(file);
  bytes.fill(0x42, 0, 64); // no longer a WebAssembly module: wrong magic number, garbage sections
  await writeFile(file, bytes);
}

async function throwingEngine(dir) {
  const file = path.join(dir, 'engine/wary.js');
  let glue = await readFile(file, 'utf8');
  for (const name of ['analyze_address', 'analyze_page', 'analyze_input', 'analyze_url', 'analyze_text']) {
    const at = glue.indexOf(`export function ${name}(`);
    assert.ok(at >= 0, `the glue exports ${name}`);
    const body = glue.indexOf('{', at) + 1;
    glue = `${glue.slice(0, body)}\n    throw new Error('RuntimeError: unreachable (simulated engine panic)');${glue.slice(body)}`;
  }
  await writeFile(file, glue);
}

const offTooltip = /protection is OFF/;

/** Badge text, colour and tooltip of `tabId` (or the browser-wide ones without). */
function badge(worker, tabId) {
  return worker.evaluate(async (id) => {
    const details = id === undefined ? {} : { tabId: id };
    return {
      text: await chrome.action.getBadgeText(details),
      color: await chrome.action.getBadgeBackgroundColor(details),
      title: await chrome.action.getTitle(details),
    };
  }, tabId);
}

async function popupSays(browser, tabId) {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`);
  const line = await popup.waitForSelector('#protection-off:not([hidden])', { timeout: 5_000 }).then((el) => el.textContent(), () => null);
  const site = await popup.evaluate(() => document.querySelector('#site').dataset.level);
  await popup.fill('#paste', 'http://aliexpress.com.secure-login.ru/');
  await popup.click('#check');
  await popup.waitForFunction(() => document.querySelector('#verdict')?.dataset.checked, null, { timeout: 5_000 });
  const pasted = await popup.evaluate(() => document.querySelector('#verdict').dataset.level);
  await popup.close();
  return { line, site, pasted };
}

for (const [name, breakIt, engineNeverStarts] of [
  // how it is broken, and whether the engine never starts (else it starts and then throws)
  ['a corrupt wary_bg.wasm', corruptWasm, true],
  ['an engine that throws on every check', throwingEngine, false],
]) {
  test(`${name}: the badge and the popup say protection is off`, async () => {
    const server = await startServer();
    const browser = await launchBrowser({ extension: await brokenCopy(breakIt) });
    try {
      if (engineNeverStarts) {
        const global = await retryUntil(async () => ((await badge(browser.worker)).text === 'OFF' ? badge(browser.worker) : undefined));
        assert.equal(global?.text, 'OFF', `${name}: every tab's badge says OFF: ${JSON.stringify(global)}`);
        assert.deepEqual(global.color, [60, 64, 67, 255], `${name}: in grey, unlike any verdict's colour`);
        assert.match(global.title, offTooltip, `${name}: the tooltip says why: ${global.title}`);
      }
      const tab = await browser.context.newPage();
      await tab.goto(server.url('aliexpress.com.secure-login.ru', '/plain'));
      const tabId = await tabIdOf(browser.worker, tab);
      const shown = await retryUntil(async () => ((await badge(browser.worker, tabId)).text === 'OFF' ? badge(browser.worker, tabId) : undefined));
      assert.equal(shown?.text, 'OFF', `${name}: the lookalike's tab shows OFF, not an empty badge: ${JSON.stringify(shown)}`);
      assert.match(shown.title, offTooltip, `${name}: its tooltip says protection is off: ${shown.title}`);
      assert.equal(await findBar(tab, 300), null, `${name}: no bar could be drawn (nothing judged the page)`);
      const popup = await popupSays(browser, tabId);
      assert.match(popup.line ?? '', /Protection is OFF/, `${name}: the popup's first line says protection is off: ${JSON.stringify(popup)}`);
      assert.equal(popup.site, 'off', `${name}: the popup's "this site" line says the tab was not judged`);
      assert.equal(popup.pasted, 'error', `${name}: a pasted link cannot be judged either, and the popup says so`);
    } finally {
      await browser.close();
      await server.close();
    }
  });
}

test('a working engine: no OFF anywhere (the control)', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const tab = await browser.context.newPage();
    await tab.goto(server.url('aliexpress.com.secure-login.ru', '/plain'));
    assert.ok(await findBar(tab), 'the bar is drawn with a working engine');
    const tabId = await tabIdOf(browser.worker, tab);
    assert.equal((await badge(browser.worker, tabId)).text, '!!', 'the tab shows the danger badge, not OFF');
    assert.equal((await badge(browser.worker)).text, '', 'no browser-wide OFF');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`);
    await popup.waitForFunction(() => document.querySelector('#site').dataset.level !== 'unknown', null, { timeout: 5_000 });
    assert.equal(await popup.evaluate(() => document.querySelector('#protection-off').hidden), true, 'the popup has no protection-off line');
  } finally {
    await browser.close();
    await server.close();
  }
});
