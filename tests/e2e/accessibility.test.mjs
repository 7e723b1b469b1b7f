// Accessibility in real Chromium: axe-core (npm) on the popup (with a verdict card), the
// options page, the warning bar and the buying-tip card, in light and dark mode; no serious or
// critical violation.
//
// axe runs in the page and cannot see into the bar's closed shadow root (nothing in the page
// can, by design), so the test copies the bar's shadow tree, styles included, into an open
// shadow root on the same page through the DevTools protocol, and axe checks that copy. The
// copy goes into <body>: axe's colour-contrast check cannot work out backgrounds outside it
// (the real bar sits before <body> so that it is the first thing a keyboard reaches).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { browserSuite, findBar, retryUntil } from './helpers.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const suite = browserSuite();

/** Serious and critical axe violations on `page` (inside `include` when given), one line each. */
async function violations(page, include) {
  // Evaluated through the DevTools protocol, so the extension pages' CSP does not stop it.
  await page.evaluate(axeSource);
  const result = await page.evaluate((selector) => globalThis.axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] }), include ?? null);
  // Proof that axe saw the controls: their names and colours were checked and passed.
  for (const rule of ['button-name', 'color-contrast']) {
    assert.ok(result.passes.some((p) => p.id === rule), `axe checked ${rule} on ${include ?? page.url()}`);
  }
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Copies the closed shadow tree of Wary's bar (or, with `attribute` 'data-wary-tip', its tip
 * card) into an open one (#wary-copy) axe can read.
 */
async function openCopyOfBar(page, attribute = 'data-wary') {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    let shadow = null;
    const walk = (node) => {
      if (!shadow && (node.attributes ?? []).some((value, at) => at % 2 === 0 && value === attribute) && node.shadowRoots?.length) shadow = node.shadowRoots[0];
      for (const child of node.children ?? []) walk(child);
    };
    walk(root);
    if (!shadow) throw new Error(`no ${attribute} host with a shadow root`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () {
        const host = document.createElement('div');
        host.id = 'wary-copy';
        const open = host.attachShadow({ mode: 'open' });
        for (const node of this.childNodes) open.append(node.cloneNode(true));
        this.host.remove();
        document.body.prepend(host);
      }`,
    });
  } finally {
    await cdp.detach();
  }
}

for (const scheme of ['light', 'dark']) {
  test(`popup with a verdict card: no serious or critical axe violations (${scheme})`, async () => {
    const popup = await suite.browser.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup/popup.html`);
    await popup.fill('#paste', 'DHL: your parcel is held. Pay the customs fee at dhl-parcel-fee.top today');
    await popup.click('#check');
    await popup.waitForFunction(() => document.querySelector('#verdict')?.dataset.level);
    assert.deepEqual(await violations(popup), [], 'popup violations');
    await popup.close();
  });

  test(`options page: no serious or critical axe violations (${scheme})`, async () => {
    const options = await suite.browser.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${suite.browser.extensionId}/options/options.html`);
    await options.waitForSelector('body[data-ready="true"]');
    assert.deepEqual(await violations(options), [], 'options violations');
    await options.close();
  });

  for (const [host, page] of [['aliexpress.com.secure-login.ru', '/plain'], ['aliexpress-sale.shop', '/plain']]) {
    test(`warning bar on ${host}: no serious or critical axe violations (${scheme})`, async () => {
      const tab = await suite.browser.context.newPage();
      await tab.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' }); // no slide-in mid-check
      await tab.goto(suite.server.url(host, page));
      assert.ok(await findBar(tab), `bar on ${host}`);
      await openCopyOfBar(tab);
      await tab.evaluate(() => {
        document.querySelector('#wary-copy').shadowRoot.querySelector('.details').hidden = false; // the "Why?" part too
      });
      assert.deepEqual(await violations(tab, '#wary-copy'), [], `bar violations on ${host}`);
      await tab.close();
    });
  }

  test(`buying-tip card on www.aliexpress.com: no serious or critical axe violations (${scheme})`, async () => {
    const tab = await suite.browser.context.newPage();
    await tab.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await tab.goto(`${suite.server.url('www.aliexpress.com', '/aliexpress-item')}?listing=impossible`);
    const tip = await retryUntil(() => tab.$('[data-wary-tip]'), 6_000);
    assert.ok(tip, 'a tip card on the impossible listing');
    await openCopyOfBar(tab, 'data-wary-tip');
    assert.deepEqual(await violations(tab, '#wary-copy'), [], 'tip card violations');
    await tab.close();
  });
}
