// Shared helpers for the end-to-end tests: a local fixture server, a real Chromium with the
// unpacked extension loaded, and the extension's id. Every host name is mapped to 127.0.0.1 by
// --host-resolver-rules, so `http://aliexpress-sale.shop:<port>/` reaches the local server.
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const extensionDir = path.join(root, 'dist/chrome');
export const outputDir = path.join(root, 'test-output');

/**
 * A self-signed certificate made for this test run ({key, cert}, PEM): for hosts on Chromium's
 * HSTS preload list (amazon.com, many news sites), which turns http:// into https://; the
 * browser is told to accept it (`--ignore-certificate-errors`).
 */
export function testCertificate(name = 'wary-test') {
  const dir = mkdtempSync(path.join(tmpdir(), 'wary-tls-'));
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', `/CN=${name}`, '-days', '1'], { stdio: 'ignore' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * Serves tests/e2e/fixtures on 127.0.0.1. `/shop` is the fixture shop page; `/strict-csp/shop`
 * is the same page sent with `Content-Security-Policy: script-src 'self'`; `/name.js` is a
 * fixture's script (fixtures/name.js). With `tls` ({key, cert}, see testCertificate), over HTTPS.
 */
export async function startServer({ tls } = {}) {
  const serve = tls ? (handler) => createTlsServer(tls, handler) : createServer;
  const server = serve(async (request, response) => {
    const url = new URL(request.url, 'http://fixture');
    const strict = url.pathname.startsWith('/strict-csp/');
    const name = url.pathname.replace(/^\/strict-csp/, '').replace(/^\/+/, '') || 'shop';
    if (!/^[a-z0-9-]+(\.js)?$/.test(name)) return void response.writeHead(404).end();
    const script = name.endsWith('.js'); // a fixture's own script, allowed under the strict CSP ('self')
    try {
      const body = await readFile(path.join(here, 'fixtures', script ? name : `${name}.html`));
      const headers = { 'content-type': script ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8' };
      if (strict) headers['content-security-policy'] = "script-src 'self'";
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const scheme = tls ? 'https' : 'http';
  return { port, url: (host, page = '/shop') => `${scheme}://${host}:${port}${page}`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * A fresh Chromium profile with the unpacked extension loaded; resolves once its worker runs.
 * `lang` (e.g. 'es') starts the browser in that UI language, which chrome.i18n follows;
 * `extension` loads another unpacked build than dist/chrome (or a comma-separated list of
 * unpacked extensions, Wary's first); `args` are more Chromium flags.
 */
export async function launchBrowser({ lang, extension = extensionDir, args = [] } = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'wary-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1100, height: 700 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      ...CHROMIUM_FLAGS,
      ...(lang ? [`--lang=${lang}`] : []),
      ...args,
    ],
    // On Linux, Chromium takes its UI language from the environment; --lang alone is not enough.
    ...(lang ? { env: { ...process.env, LANGUAGE: lang, LC_ALL: '', LANG: '' }, locale: lang } : {}),
  });
  // Wary's worker (another extension loaded beside it, as in the messaging test, has its own).
  const isWary = (w) => w.url().endsWith('/background/service-worker.js');
  const worker = context.serviceWorkers().find(isWary) ?? (await context.waitForEvent('serviceworker', { predicate: isWary, timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The warning bar's host element, or null once the content script has had `ms` to draw it. */
export async function findBar(page, ms = 5_000) {
  try {
    return await page.waitForSelector('[data-wary]', { state: 'attached', timeout: ms });
  } catch {
    return null;
  }
}

/**
 * The bar once the whole page is judged (`data-wary-scope="page"`): the address's verdict comes
 * first, the page's (which may raise it) after the DOM is parsed. Where no page verdict comes
 * within `ms` (on-page scanning off, a verified site), the bar as it is, or null.
 */
export async function findSettledBar(page, ms = 5_000) {
  try {
    return await page.waitForSelector('[data-wary-scope="page"]', { state: 'attached', timeout: ms });
  } catch {
    return findBar(page, 100);
  }
}

/**
 * The toolbar badge text the service worker set for `page`'s tab. Matching tabs by URL would
 * need the `tabs` permission, which Wary does without: `page` is brought to the front and the
 * active tab asked instead.
 */
export async function badgeFor(worker, page) {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : null;
  });
}

/** The toolbar button's tooltip for `page`'s tab: it says what Wary concluded, once it has. */
export async function tooltipFor(worker, page) {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab ? chrome.action.getTitle({ tabId: tab.id }) : null;
  });
}

/** Polls `read` until it returns something other than undefined/null/'' or `ms` pass. */
export async function retryUntil(read, ms = 5_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if ((value !== undefined && value !== null && value !== '') || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function screenshot(page, name, { fullPage = false } = {}) {
  await mkdir(outputDir, { recursive: true });
  await page.screenshot({ path: path.join(outputDir, `${name}.png`), fullPage });
}

/**
 * The text of the warning bar. The bar lives in a closed shadow root, out of reach of page
 * scripts and of Playwright's selectors, so it is read through the DevTools protocol, whose
 * DOM view pierces shadow roots; the style sheet's text is left out. With hostAttribute
 * 'data-wary-panel', the right-click panel's text.
 */
export async function barText(page, hostAttribute = 'data-wary') {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const texts = [];
    const walk = (node, inBar, parentName) => {
      const attributes = node.attributes ?? [];
      const isBar = inBar || attributes.some((value, at) => at % 2 === 0 && value === hostAttribute);
      if (isBar && node.nodeType === 3 && parentName !== 'STYLE') texts.push(node.nodeValue);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, isBar, node.nodeName);
    };
    walk(root, false, '');
    return texts.join(' ');
  } finally {
    await cdp.detach();
  }
}

/**
 * Runs `use(cdp, nodeId, node)` on the element whose class list holds `className` inside
 * Wary's bar (or, with hostAttribute 'data-wary-panel', its right-click panel). Both live in
 * closed shadow roots, out of reach of page scripts and Playwright's selectors, so the element
 * is found through the DevTools protocol's DOM view, which pierces shadow roots. Resolves to
 * null when there is no such element.
 */
export async function inShadow(page, className, use, hostAttribute = 'data-wary') {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const attribute = (node, name) => {
      const list = node.attributes ?? [];
      for (let at = 0; at < list.length; at += 2) if (list[at] === name) return list[at + 1];
      return undefined;
    };
    let found = null;
    const walk = (node, inHost) => {
      if (found) return;
      const isHost = inHost || attribute(node, hostAttribute) !== undefined;
      if (isHost && node.nodeType === 1 && (attribute(node, 'class') ?? '').split(/\s+/).includes(className)) found = node;
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, isHost);
    };
    walk(root, false);
    if (!found) return null;
    const { nodeIds } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [found.backendNodeId] });
    return await use(cdp, nodeIds[0], found);
  } finally {
    await cdp.detach();
  }
}

/**
 * A real (trusted) mouse click in the middle of the bar's element with `className`, once the
 * element has stood still for 100 ms (the bar slides in, and may be redrawn when the page's
 * own verdict follows the address's).
 */
export async function clickInShadow(page, className, hostAttribute = 'data-wary') {
  const where = () => inShadow(page, className, async (cdp, nodeId, node) => {
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
    const [x1, y1, x2, , , y3] = model.border;
    return { x: (x1 + x2) / 2, y: (y1 + y3) / 2, node: node.backendNodeId };
  }, hostAttribute).catch(() => null);
  let box = await where();
  for (let tries = 0; tries < 30; tries++) {
    await new Promise((r) => setTimeout(r, 100));
    const again = await where();
    if (box && again && JSON.stringify(box) === JSON.stringify(again)) break;
    box = again;
  }
  if (!box) throw new Error(`no .${className} in Wary's ${hostAttribute} element to click`);
  await page.mouse.click(box.x, box.y);
}

/** The computed value of CSS `properties` of the bar's element with `className`. */
export async function shadowStyle(page, className, properties, hostAttribute = 'data-wary') {
  return inShadow(page, className, async (cdp, nodeId) => {
    await cdp.send('CSS.enable');
    const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId });
    return Object.fromEntries(properties.map((name) => [name, computedStyle.find((p) => p.name === name)?.value]));
  }, hostAttribute);
}

/** The attributes of the bar's element with `className`, as an object; null when absent. */
export async function shadowAttributes(page, className, hostAttribute = 'data-wary') {
  return inShadow(page, className, async (cdp, nodeId, node) => {
    const list = node.attributes ?? [];
    return Object.fromEntries(list.flatMap((value, at) => (at % 2 === 0 ? [[value, list[at + 1]]] : [])));
  }, hostAttribute);
}

/** The page's accessibility tree as [{role, name}], as a screen reader would be told it. */
export async function accessibleNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: n.name?.value ?? '', expanded: n.properties?.find((p) => p.name === 'expanded')?.value?.value }));
  } finally {
    await cdp.detach();
  }
}

/** Settings as stored by the extension (chrome.storage.sync), read in the service worker. */
export async function storedSettings(worker) {
  return worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings ?? null);
}

/** Replaces the stored settings (null removes them), from the service worker. */
export async function storeSettings(worker, settings) {
  await worker.evaluate(async (value) => {
    if (value === null) await chrome.storage.sync.remove('settings');
    else await chrome.storage.sync.set({ settings: value });
  }, settings);
}

/** The id of `page`'s tab, as the extension knows it. */
export async function tabIdOf(worker, page) {
  await page.bringToFront();
  return worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
}

// ---- Firefox ------------------------------------------------------------------------------

/** The add-on's internal UUID in the test profile, fixed so moz-extension:// URLs are known. */
export const FIREFOX_UUID = '6f1c2a3e-0000-4000-8000-000000000006';

/**
 * Headless Firefox (Debian's firefox-esr) driven over WebDriver BiDi by puppeteer-core, with
 * dist/firefox installed as a temporary add-on. Every host resolves to 127.0.0.1
 * (network.dns.forceResolve, Firefox's counterpart of --host-resolver-rules).
 */
export async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    // Firefox 153 lets WebDriver navigate only to http(s), file, blob and about:blank unless
    // started with system access; the popup and options pages are moz-extension:// URLs.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'dom.security.https_first': false,
      'extensions.webextensions.uuids': JSON.stringify({ 'wary@wary.app': FIREFOX_UUID }),
    },
  });
  await browser.installExtension(path.join(root, 'dist/firefox'));
  return browser;
}

/**
 * Opens `page` (an extension page path such as 'popup/popup.html') in a new Firefox tab. The
 * navigation is not awaited: a moz-extension:// load never reports its end to WebDriver BiDi
 * here (it timed out after 30 s though the page was up), so the page's own element is awaited.
 */
export async function openFirefoxExtensionPage(browser, page, readySelector) {
  const tab = await browser.newPage();
  tab.goto(`moz-extension://${FIREFOX_UUID}/${page}`, { timeout: 60_000 }).catch(() => {});
  // The wait can also fail at once, when it starts in the tab's first about:blank document and
  // the navigation replaces it (seen once in a full run): wait again until the deadline.
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await tab.waitForSelector(readySelector, { timeout: Math.max(1, deadline - Date.now()) });
      return tab;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * The usual frame of a test file: the fixture server and a Chromium with the extension, started
 * before its tests and closed after them. Returns an object whose `server` and `browser` are set
 * once they run; `options` go to launchBrowser (but `options.server`, which goes to
 * startServer), and `setUp(suite)` runs after the launch (a second top-level before() of the
 * file's own is not sure to run after this one).
 */
export function browserSuite(options, setUp = async () => {}) {
  const suite = { server: null, browser: null };
  const { server: serverOptions, ...browserOptions } = options ?? {};
  before(async () => {
    suite.server = await startServer(serverOptions);
    suite.browser = await launchBrowser(browserOptions);
    await setUp(suite);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * Runs `expression` (JavaScript source, may await) in the isolated world of Wary's content
 * script on `page`, where `chrome.runtime` is the content script's, through the DevTools
 * protocol; resolves to its value.
 */
export async function inContentScript(page, expression) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    // The content script's world is named after the extension and has its origin.
    const world = await retryUntil(() => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin?.startsWith('chrome-extension://')), 3_000);
    if (!world) throw new Error(`no isolated world of Wary's content script: ${JSON.stringify(contexts.map((c) => [c.name, c.auxData?.type]))}`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: `(async () => { ${expression} })()`, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}
