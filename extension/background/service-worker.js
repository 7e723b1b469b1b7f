// Wary's service worker (Chrome) / background script (Firefox). It hosts the engine for the
// pages whose Content-Security-Policy forbids WebAssembly in the content script, keeps the
// toolbar badge per tab, remembers the sites the user trusts, and answers the right-click
// checks ("Check this link", "Check selected text").
//
// Chrome rejects top-level await and dynamic import() in a service worker, so the glue is
// imported statically, init() starts at load, and handlers await that one promise.
// Listeners are registered synchronously at top level, so a woken worker sees the event.
//
// Messages are one tagged union, `{type: "area/verb", ...}`; only this extension's own pages
// and content scripts may send them, and each is checked for its shape before use.
import init, { analyze_url, analyze_page, analyze_text, configure, message_keys } from '../engine/wary.js';
import { engineTemplates } from '../shared/i18n.js';
import { loadSettings, saveSettings, siteOf } from '../shared/settings.js';

const api = globalThis.browser ?? globalThis.chrome;

/** The engine, configured with the user's trusted and protected sites and language. */
let engineReady = init({ module_or_path: api.runtime.getURL('engine/wary_bg.wasm') }).then(configureEngine);

async function configureEngine() {
  const settings = await loadSettings(api);
  configure(settings.trusted, settings.protected, engineTemplates(message_keys()));
}

api.storage.onChanged.addListener((changes) => {
  if (changes.settings) engineReady = engineReady.catch(() => {}).then(configureEngine);
});

const MENU_LINK = 'wary-check-link';
const MENU_TEXT = 'wary-check-text';

api.runtime.onInstalled.addListener(async () => {
  // The browser keeps menu entries across restarts; an update must not add them twice.
  await api.contextMenus.removeAll();
  api.contextMenus.create({ id: MENU_LINK, title: api.i18n.getMessage('menuCheckLink'), contexts: ['link'] });
  api.contextMenus.create({ id: MENU_TEXT, title: api.i18n.getMessage('menuCheckText'), contexts: ['selection'] });
});
api.contextMenus.onClicked.addListener((info, tab) => {
  handleMenuClick(info, tab).catch((error) => console.warn('Wary could not check this:', error));
});

/** Answers `sendResponse` with the engine's verdict from `judge()`, once the engine is ready. */
function answerWith(sendResponse, judge) {
  engineReady
    .then(() => sendResponse({ ok: true, verdict: judge() }))
    .catch((error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
  return true; // the answer comes asynchronously
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only this extension's own pages and content scripts may ask; anything else is ignored.
  if (sender.id !== api.runtime.id || typeof message !== 'object' || message === null) return false;
  switch (message.type) {
    case 'verdict/url':
      if (typeof message.url !== 'string' || message.url.length > FACT_LIMITS.href) break;
      return answerWith(sendResponse, () => analyze_url(message.url));
    case 'verdict/page':
      if (!isPageFacts(message.facts)) {
        sendResponse({ ok: false, error: 'verdict/page: facts must be {url, title, text, headings, links, forms} within their caps' });
        return false;
      }
      return answerWith(sendResponse, () => analyze_page(message.facts));
    case 'tab/verdict':
      if (sender.tab?.id !== undefined && sender.frameId === 0 && isVerdict(message.verdict)) {
        showOnBadge(sender.tab.id, message.verdict, message.scope === 'page' ? 'page' : 'url');
      }
      return false;
    case 'tab/get':
      // The popup asks what the badge of a tab says. Only extension pages may: a content
      // script has no business reading what another tab's page is.
      if (!Number.isInteger(message.tabId) || !sender.url?.startsWith(api.runtime.getURL(''))) break;
      api.storage.session.get(tabKey(message.tabId)).then((stored) => sendResponse({ ok: true, verdict: stored[tabKey(message.tabId)] ?? null }));
      return true;
    case 'settings/trust': {
      // "I trust this site" on the bar: the site is the sending frame's own, never one named
      // in the message, so a content script can only vouch for the page it is on.
      const site = sender.tab && siteOf(sender.url ?? '');
      if (!site) break;
      loadSettings(api)
        .then((settings) => saveSettings(api, { ...settings, trusted: [...settings.trusted.filter((s) => s !== site), site] }))
        .then(() => (engineReady = engineReady.catch(() => {}).then(configureEngine)))
        .then(() => sendResponse({ ok: true, site }), (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
      return true;
    }
    default:
  }
  sendResponse({ ok: false, error: `${String(message.type).slice(0, 40)}: not a message Wary understands, or not in its shape` });
  return false;
});

// The content script's caps (content/content.js), with room to spare; the engine cuts again.
const FACT_LIMITS = { text: 256 * 1024, short: 4096, href: 65536, headings: 100, links: 2000, forms: 100 };

/** Page facts as the content script sends them: every field optional, each of its type and within its cap. */
function isPageFacts(facts) {
  const string = (value, max) => value === undefined || (typeof value === 'string' && value.length <= max);
  const flag = (value) => value === undefined || typeof value === 'boolean';
  const object = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
  const list = (value, max, each) => value === undefined || (Array.isArray(value) && value.length <= max && value.every(each));
  const L = FACT_LIMITS;
  return object(facts)
    && string(facts.url, L.href) && string(facts.title, L.short) && string(facts.text, L.text)
    && list(facts.headings, L.headings, (h) => string(h, L.short))
    && list(facts.links, L.links, (l) => object(l) && string(l.href, L.href) && string(l.text, L.short))
    && list(facts.forms, L.forms, (f) => object(f) && string(f.action, L.href) && flag(f.has_password) && flag(f.has_card));
}

const LEVELS = ['safe', 'caution', 'danger'];

function isVerdict(verdict) {
  return typeof verdict === 'object' && verdict !== null && LEVELS.includes(verdict.level)
    && Array.isArray(verdict.reasons) && verdict.reasons.length <= 500
    && verdict.reasons.every((r) => typeof r === 'object' && r !== null && typeof r.message === 'string' && typeof r.severity === 'string');
}

// ---- the toolbar badge --------------------------------------------------------------------

// Per tab, what Wary concluded about the page: a check mark on a brand's real site, "!" on
// amber for caution, "!!" on red for danger, nothing otherwise. The tooltip says why.
const BADGE = {
  verified: { text: '✓', color: '#1e7d32' },
  caution: { text: '!', color: '#8a5300' },
  danger: { text: '!!', color: '#b3261e' },
};

const tabKey = (tabId) => `tab:${tabId}`;

/** `scope` is 'url' for the address alone, 'page' once the page's content was judged too. */
function showOnBadge(tabId, verdict, scope) {
  const look = verdict.level === 'safe' ? (verdict.verified ? BADGE.verified : null) : BADGE[verdict.level];
  const top = verdict.reasons.find((reason) => reason.severity !== 'info') ?? verdict.reasons.find((reason) => reason.code === 'verified');
  let title = top ? `Wary: ${top.message}` : api.i18n.getMessage('badgeNothingSite');
  if (scope === 'page' && verdict.level === 'safe') title += top ? ` ${api.i18n.getMessage('badgeNothingPage')}` : ` ${api.i18n.getMessage('badgeOrPage')}`;
  api.action.setBadgeText({ tabId, text: look?.text ?? '' });
  if (look) api.action.setBadgeBackgroundColor({ tabId, color: look.color });
  api.action.setTitle({ tabId, title });
  // For the popup's "this site" line; the session area is memory only, gone with the browser.
  const { level, score, verified, lookalike_of, reasons, advice, input } = verdict;
  api.storage.session.set({ [tabKey(tabId)]: { level, score, verified, lookalike_of, reasons, advice, input, scope } }).catch(() => {});
}

api.tabs.onRemoved.addListener((tabId) => {
  api.storage.session.remove(tabKey(tabId)).catch(() => {});
});

// ---- right-click checks -------------------------------------------------------------------

/**
 * "Check this link" / "Check selected text": judges it and shows the verdict in a small
 * panel on the page, or, where no content script runs (the browser's own pages, the web
 * store, PDFs), in a popup window. Exposed on `self.wary` for the end-to-end tests, which
 * cannot click the browser's native menus.
 */
async function handleMenuClick(info, tab) {
  const kind = info.menuItemId === MENU_LINK ? 'link' : info.menuItemId === MENU_TEXT ? 'text' : null;
  const subject = kind === 'link' ? info.linkUrl : info.selectionText;
  if (!kind || typeof subject !== 'string' || !subject.trim()) return { shown: 'nothing' };
  await engineReady;
  let verdict;
  try {
    verdict = kind === 'link' ? analyze_url(subject) : analyze_text(subject);
  } catch {
    verdict = analyze_text(subject); // not a link the engine can read: judge it as words
  }
  if (tab?.id !== undefined && tab.id >= 0) {
    try {
      await api.tabs.sendMessage(tab.id, { type: 'panel/show', verdict, subject, kind }, { frameId: 0 });
      return { shown: 'panel', level: verdict.level };
    } catch {
      // No content script in this tab: fall through to a window of our own.
    }
  }
  const url = new URL(api.runtime.getURL('popup/popup.html'));
  url.searchParams.set('check', subject.slice(0, 4096));
  await api.windows.create({ url: url.href, type: 'popup', width: 420, height: 640 });
  return { shown: 'window', level: verdict.level };
}

globalThis.wary = { handleMenuClick };
