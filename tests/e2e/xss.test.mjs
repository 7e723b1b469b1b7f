// Safe rendering: every string from a page, a link or pasted text is shown as text. A fixture
// page (fixtures/xss.html) whose title, headings, links, form and text are script-injection
// payloads is judged, its bar's "Why?" opened; payloads are right-clicked into the panel and
// pasted into the popup. No payload runs (the page records any in window.pwned, dialogs
// included), no element of a payload appears in Wary's UI, and the text shows literally. And
// no source file of the extension uses an HTML-parsing sink at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { browserSuite, findBar, clickInShadow, barText, tabIdOf, retryUntil, root } from './helpers.mjs';

const suite = browserSuite();
const HOST = 'aliexpress.com.secure-login.ru';

// What Wary draws itself; any other element in its UI would have come from outside data.
const OWN_TAGS = new Set(['STYLE', 'SECTION', 'DIV', 'SPAN', 'BUTTON', 'UL', 'LI', 'P', 'H2', 'svg', 'path', '#text', '#document-fragment']);

/** The node names inside Wary's host (bar or panel), through the DevTools protocol's DOM view. */
async function tagsIn(page, hostAttribute) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root: doc } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const names = [];
    const walk = (node, inside) => {
      const isHost = (node.attributes ?? []).some((value, at) => at % 2 === 0 && value === hostAttribute);
      if (inside) names.push(node.nodeName);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, inside || isHost);
    };
    walk(doc, false);
    return names;
  } finally {
    await cdp.detach();
  }
}

async function noPayloadRan(tab, where) {
  const pwned = await tab.evaluate(() => window.pwned);
  assert.deepEqual(pwned, [], `${where}: no payload ran`);
}

test('the extension\'s source uses no HTML-parsing sink (innerHTML, outerHTML, insertAdjacentHTML, document.write, eval)', async () => {
  const SINKS = /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\(|new Function\(|srcdoc|createContextualFragment|setHTML\(/;
  const files = (await readdir(path.join(root, 'extension'), { recursive: true })).filter((f) => /\.(m?js|html)$/.test(f));
  assert.ok(files.length >= 8, `the extension's scripts and pages were found (${files.length})`);
  for (const file of files) {
    const lines = (await readFile(path.join(root, 'extension', file), 'utf8')).split('\n');
    lines.forEach((line, at) => assert.doesNotMatch(line, SINKS, `extension/${file}:${at + 1} uses an HTML sink: ${line.trim()}`));
  }
});

test('a page full of payloads: the bar and its "Why?" show the verdict as text, nothing runs', async () => {
  const tab = await suite.browser.context.newPage();
  const dialogs = [];
  tab.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await tab.goto(suite.server.url(HOST, '/xss'));
  assert.ok(await findBar(tab), 'bar on the payload page');
  // The page's own verdict (its payload-laden links, form and text judged) as the worker recorded it.
  const tabId = await tabIdOf(suite.browser.worker, tab);
  const verdict = await retryUntil(() => suite.browser.worker.evaluate(async (id) => {
    const record = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`];
    return record?.scope === 'page' ? record : undefined;
  }, tabId));
  assert.ok(verdict?.reasons?.some((r) => r.code === 'link-text-mismatch'), `the page's links were judged: ${JSON.stringify(verdict?.reasons?.map((r) => r.code))}`);
  await new Promise((r) => setTimeout(r, 300));
  await clickInShadow(tab, 'why');
  await new Promise((r) => setTimeout(r, 300));
  const text = await barText(tab);
  for (const reason of verdict.reasons.filter((r) => r.severity !== 'info')) {
    assert.ok(text.includes(reason.message), `the bar shows the reason as text: ${reason.message}`);
    if (reason.evidence) assert.ok(text.includes(reason.evidence), `the bar shows the evidence as text: ${reason.evidence}`);
  }
  const foreign = (await tagsIn(tab, 'data-wary')).filter((name) => !OWN_TAGS.has(name));
  assert.deepEqual(foreign, [], 'no element but Wary\'s own in the bar');
  await noPayloadRan(tab, 'the bar');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  await tab.close();
});

const SUBJECTS = [
  // right-click menu, what was right-clicked
  ['wary-check-text', { selectionText: '<img src=x onerror="pwn(\'selection\')"> Pay by gift card now <script>pwn(\'script\')</script>' }],
  ['wary-check-link', { linkUrl: 'http://paypal.com@evil.example/<img src=x onerror=pwn(\'url\')>' }],
  ['wary-check-link', { linkUrl: 'javascript:pwn(\'javascript-url\')//<svg onload=pwn(\'svg\')>' }],
];

for (const [menuItemId, info] of SUBJECTS) {
  const subject = Object.values(info)[0];
  test(`the right-click panel shows ${JSON.stringify(subject.slice(0, 40))} as text`, async () => {
    const tab = await suite.browser.context.newPage();
    await tab.goto(suite.server.url(HOST, '/xss'));
    await findBar(tab);
    const tabId = await tabIdOf(suite.browser.worker, tab);
    const shown = await suite.browser.worker.evaluate(([menuInfo, id]) => self.wary.handleMenuClick(menuInfo, { id }), [{ menuItemId, ...info }, tabId]);
    assert.equal(shown.shown, 'panel', `the verdict went to the page's panel: ${JSON.stringify(shown)}`);
    await tab.waitForSelector('[data-wary-panel]', { state: 'attached' });
    const text = await barText(tab, 'data-wary-panel');
    assert.ok(text.includes(subject), `the panel shows the subject literally: ${text}`);
    const foreign = (await tagsIn(tab, 'data-wary-panel')).filter((name) => !OWN_TAGS.has(name));
    assert.deepEqual(foreign, [], 'no element but Wary\'s own in the panel');
    await noPayloadRan(tab, 'the panel');
    await tab.close();
  });
}

test('the popup\'s paste box and ?check= show pasted payloads as text', async () => {
  const popup = await suite.browser.context.newPage();
  const violations = [];
  popup.on('console', (message) => message.type() === 'error' && violations.push(message.text()));
  const PASTED = [
    'Your parcel is held <img src=x onerror=alert(1)> pay the fee at <a href="javascript:alert(2)">dhl-fee.top</a> <svg onload=alert(3)>',
    'https://paypal.com@evil.example/"><script>alert(4)</script>',
  ];
  const url = `chrome-extension://${suite.browser.extensionId}/popup/popup.html`;
  for (const [at, text] of PASTED.entries()) {
    if (at === 0) {
      await popup.goto(url);
      await popup.fill('#paste', text);
      await popup.click('#check');
    } else {
      await popup.goto(`${url}?check=${encodeURIComponent(text)}`);
    }
    await popup.waitForFunction((t) => document.querySelector('#verdict')?.dataset.checked === t, text, { timeout: 5_000 });
    const card = await popup.evaluate(() => ({
      subject: document.querySelector('#verdict .subject')?.textContent,
      elements: [...document.querySelectorAll('#verdict *')].map((node) => node.tagName),
      report: document.querySelector('#verdict').textContent,
    }));
    assert.equal(card.subject, text, `the card shows what was pasted, literally: ${text}`);
    const foreign = card.elements.filter((tag) => !['P', 'UL', 'LI', 'SPAN', 'MARK', 'BUTTON', 'DIV'].includes(tag));
    assert.deepEqual(foreign, [], `no element of the pasted text in the card: ${text}`);
  }
  assert.deepEqual(violations, [], 'no script was attempted (no CSP violation or error in the popup)');
  await popup.close();
});
