// A page cannot silence or fake Wary's warning bar. Each test opens tests/e2e/fixtures/hostile.html
// on a lookalike host with one attack (fixtures/hostile.js, in the page's own world): removing,
// moving or re-attributing the bar's host, page CSS with !important against it and a cover over
// it, patched DOM prototypes, custom elements defined first, a flood of mutations, a page that
// removes the bar from its own MutationObserver, and made-up clicks on the bar's buttons. Each
// checks that the attack really ran (window.hostile) and that the bar is back, unchanged, on top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, findBar, inShadow, retryUntil, badgeFor, tabIdOf, storedSettings, clickInShadow, shadowAttributes } from './helpers.mjs';

const suite = browserSuite();
const HOST = 'aliexpress.com.secure-login.ru'; // danger, a lookalike of aliexpress.com

async function attacked(attack, { strict = false } = {}) {
  const tab = await suite.browser.context.newPage();
  await tab.goto(suite.server.url(HOST, `${strict ? '/strict-csp' : ''}/hostile?attack=${attack}`));
  return tab;
}

const seen = (tab) => tab.evaluate(() => window.hostile);

/**
 * How the bar stands: its host's parent, attributes and computed style (read through the
 * DevTools protocol), its box, and whether it is what the page's own hit test finds at the
 * middle of the bar's sentence (nothing covers it).
 */
async function barState(tab) {
  const box = await inShadow(tab, 'bar', async (cdp, nodeId) => {
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
    return { x: (model.border[0] + model.border[2]) / 2, y: (model.border[1] + model.border[5]) / 2, top: model.border[1], height: model.height };
  }).catch(() => null);
  const cdp = await tab.context().newCDPSession(tab);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-wary]' });
    if (!nodeId) return null;
    const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId });
    const style = Object.fromEntries(['display', 'visibility', 'opacity', 'position', 'z-index', 'transform', 'clip-path'].map((name) => [name, computedStyle.find((p) => p.name === name)?.value]));
    const page = await tab.evaluate((at) => {
      const host = document.querySelector('[data-wary]');
      const hit = at && document.elementFromPoint(at.x, at.y);
      return {
        parent: host.parentNode?.nodeName,
        tag: host.tagName,
        attributes: Object.fromEntries([...host.attributes].map((a) => [a.name, a.value])),
        openRoot: host.shadowRoot !== null,
        onTop: hit === host,
        hit: hit ? `${hit.tagName}#${hit.id}` : null,
      };
    }, box);
    return { ...page, style, box };
  } finally {
    await cdp.detach();
  }
}

/** The bar is on the page as drawn: a danger bar for aliexpress.com, a child of <html>, shown, on top. */
function assertIntact(state, attack) {
  assert.ok(state, `${attack}: the bar is on the page`);
  assert.equal(state.parent, 'HTML', `${attack}: the bar's host is a child of <html> again`);
  assert.equal(state.attributes['data-wary'], 'danger', `${attack}: the bar still says danger`);
  assert.equal(state.attributes['data-wary-real'], 'aliexpress.com', `${attack}: the bar still names the real site`);
  for (const name of ['hidden', 'inert', 'style']) assert.equal(state.attributes[name], undefined, `${attack}: no ${name} attribute left on the host`);
  assert.deepEqual(
    { display: state.style.display, visibility: state.style.visibility, opacity: state.style.opacity, position: state.style.position, transform: state.style.transform, clip: state.style['clip-path'] },
    { display: 'block', visibility: 'visible', opacity: '1', position: 'fixed', transform: 'none', clip: 'none' },
    `${attack}: the host's computed style is Wary's own`,
  );
  assert.ok(state.box && state.box.top === 0 && state.box.height > 20, `${attack}: the bar is drawn at the top of the window: ${JSON.stringify(state.box)}`);
  assert.ok(state.onTop, `${attack}: nothing covers the bar (the page's hit test found ${state.hit})`);
  assert.equal(state.openRoot, false, `${attack}: the shadow root is still closed to the page`);
}

const settle = (ms) => new Promise((r) => setTimeout(r, ms));

for (const [attack, proof] of [
  ['remove', (s) => s.removed >= 1],
  ['move', (s) => s.moved >= 1],
  ['attributes', (s) => s.restyled >= 1],
  ['css', (s) => s.restyled === 1],
]) {
  test(`the bar comes back after the page's "${attack}" attack`, async () => {
    const tab = await attacked(attack);
    assert.ok(await findBar(tab), `${attack}: a bar is drawn first`);
    await settle(attack === 'css' ? 500 : 2_300); // the attack runs for 2 s
    const page = await seen(tab);
    assert.ok(proof(page), `${attack}: the page's attack ran: ${JSON.stringify(page)}`);
    assertIntact(await barState(tab), attack);
    await tab.close();
  });
}

test('patched DOM prototypes and MutationObserver in the page do not reach the content script', async () => {
  const tab = await attacked('prototypes');
  assert.ok(await findBar(tab), 'a bar is drawn');
  await settle(800);
  // A new shadow host drawn after the patches: the right-click panel.
  const tabId = await tabIdOf(suite.browser.worker, tab);
  const shown = await suite.browser.worker.evaluate((id) => self.wary.handleMenuClick({ menuItemId: 'wary-check-link', linkUrl: 'http://paypa1.com/login' }, { id }), tabId);
  assert.equal(shown.shown, 'panel', 'the panel was drawn after the page patched its prototypes');
  const panelClosed = await tab.waitForSelector('[data-wary-panel]', { state: 'attached' }).then((el) => el.evaluate((host) => host.shadowRoot === null));
  const page = await seen(tab);
  assert.equal(page.removed, 1, 'the page removed the bar once, after replacing MutationObserver');
  assert.deepEqual(page.patchedCalls, [], 'none of the page\'s patched functions was called by Wary');
  assert.ok(panelClosed, 'the panel\'s shadow root is closed though the page forced attachShadow to open');
  assertIntact(await barState(tab), 'prototypes');
  await tab.close();
});

test('custom elements the page defines first do not change the bar', async () => {
  const tab = await attacked('custom-element');
  assert.ok(await findBar(tab), 'a bar is drawn');
  const tabId = await tabIdOf(suite.browser.worker, tab);
  await suite.browser.worker.evaluate((id) => self.wary.handleMenuClick({ menuItemId: 'wary-check-text', selectionText: 'hello' }, { id }), tabId);
  await tab.waitForSelector('[data-wary-panel]', { state: 'attached' });
  await settle(300); // the bar's slide-in
  const page = await seen(tab);
  assert.deepEqual(page.patchedCalls, [], 'none of the page\'s custom elements was created by Wary');
  const state = await barState(tab);
  assert.equal(state?.tag, 'DIV', 'the bar\'s host is a plain div, which no page can define');
  assertIntact(state, 'custom-element');
  await tab.close();
});

test('a flood of mutations: page re-checks stay rationed (at most one per 1.5 s), and the bar stays', async () => {
  // Under the strict CSP every page check is a `verdict/page` message to the worker, so the
  // worker's count is the number of checks the content script made.
  const before = await suite.browser.worker.evaluate(() => self.wary.counts['verdict/page'] ?? 0);
  const tab = await attacked('flood', { strict: true });
  await tab.bringToFront();
  assert.ok(await findBar(tab), 'a bar is drawn');
  await settle(4_500); // the flood lasts 4 s after the page is parsed
  const page = await seen(tab);
  const checks = (await suite.browser.worker.evaluate(() => self.wary.counts['verdict/page'] ?? 0)) - before;
  assert.ok(page.added > 5_000 && page.mutations > 5_000, `the page flooded its DOM: ${page.added} nodes added, ${page.mutations} mutation records`);
  assert.ok(checks >= 2, `the page was re-checked while text kept arriving (${checks} checks)`);
  assert.ok(checks <= 6, `at most one check at parse and one per 1.5 s over 4.5 s, not one per mutation: ${checks} checks`);
  const state = await barState(tab);
  assert.equal(state?.attributes['data-wary'], 'danger', 'the bar still says danger');
  await tab.close();
});

test('a page that removes the bar from its own MutationObserver: repairs are rationed, the bar returns when it stops', async () => {
  const tab = await attacked('fight');
  await settle(3_300); // the page fights for 3 s after it starts
  const started = Date.now();
  assert.equal(await tab.evaluate(() => 1 + 1), 2, 'the page still answers');
  assert.ok(Date.now() - started < 1_000, 'and answers at once: no repair loop hogs it');
  const page = await seen(tab);
  // 10 repairs at once, then 4 a second: at most 10 + 4 × 3.3 ≈ 23 in the fight.
  assert.ok(page.removed >= 10, `the bar was put back again and again while the page fought (${page.removed} removals)`);
  assert.ok(page.removed <= 30, `but not in an endless loop: ${page.removed} removals in 3.3 s`);
  const bar = await retryUntil(async () => (await barState(tab))?.parent === 'HTML' || undefined, 1_000);
  assert.ok(bar, 'the bar is back once the page stops removing it');
  assert.equal(await badgeFor(suite.browser.worker, tab), '!!', 'the badge warned all along');
  await tab.close();
});

/** Made-up events from the page's world on a button inside the bar, as if the page had reached it. */
async function pageClicks(tab, className) {
  return inShadow(tab, className, async (cdp, nodeId) => {
    // resolveNode hands the element to the page's main world, where the page's scripts run.
    const { object } = await cdp.send('DOM.resolveNode', { nodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () {
        this.click();
        this.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: 5, clientY: 5 }));
        this.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
        this.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        this.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        return true;
      }`,
    });
    return true;
  });
}

test('made-up clicks on the bar\'s buttons do nothing: only real user events count', async () => {
  const tab = await attacked('none');
  assert.ok(await findBar(tab), 'a bar is drawn');
  await settle(300);
  const url = tab.url();
  for (const button of ['trust', 'dismiss', 'go', 'why', 'collapse']) {
    assert.ok(await pageClicks(tab, button), `the test reached the bar's "${button}" button`);
  }
  await settle(500);
  assert.equal(tab.url(), url, '"Take me to the real site" did not navigate on a made-up click');
  assertIntact(await barState(tab), 'synthetic clicks');
  assert.equal((await inShadow(tab, 'bar', async (cdp, nodeId, node) => node.attributes[node.attributes.indexOf('class') + 1])), 'bar danger enter', 'the bar is neither collapsed nor changed');
  assert.equal((await inShadow(tab, 'details', async (cdp, nodeId, node) => node.attributes.includes('hidden'))), true, '"Why?" stayed closed');
  const settings = await storedSettings(suite.browser.worker);
  assert.ok(!settings?.trusted?.includes(HOST), `"I trust this site" did not trust ${HOST}: ${JSON.stringify(settings)}`);
  await tab.close();
});

test('a page that swallows every click and key on the window cannot stop the user\'s clicks on the bar', async () => {
  const tab = await attacked('block-input');
  assert.ok(await findBar(tab), 'a bar is drawn');
  await tab.mouse.click(500, 600); // on the page itself: the page swallows it
  const before = (await seen(tab)).blocked;
  assert.ok(before >= 3, `the page's capture listeners are active (${before} events swallowed)`);
  await clickInShadow(tab, 'why');
  assert.equal((await shadowAttributes(tab, 'details'))?.hidden, undefined, 'a real click on "Why?" opens the reasons');
  await tab.keyboard.press('Tab'); // from "Why?" to "I trust this site"
  await tab.keyboard.press('Tab'); // to "Dismiss"
  await tab.keyboard.press('Enter');
  const gone = await tab.waitForSelector('[data-wary]', { state: 'detached', timeout: 2_000 }).then(() => true, () => false);
  assert.ok(gone, '"Dismiss" by keyboard removes the bar');
  assert.deepEqual((await seen(tab)).onBar, undefined, 'the page saw none of the clicks and keys meant for the bar');
  await tab.close();
});
