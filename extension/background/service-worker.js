// Wary's service worker (Chrome) / background script (Firefox): the only host of the engine.
// It judges every tab's address and page for the content scripts and what the user pastes for
// the popup, keeps the toolbar badge per tab, remembers the sites the user trusts, and answers
// the right-click checks ("Check this link", "Check selected text"). The popup and the options
// page load no WebAssembly: they ask here by message.
//
// Chrome rejects top-level await and dynamic import() in a service worker, so the glue is
// imported statically, init() starts at load, and handlers await that one promise.
// Listeners are registered synchronously at top level, so a woken worker sees the event.
//
// Messages are one tagged union, `{type: "area/verb", ...}`; only this extension's own pages
// and content scripts may send them, and each is checked for its shape before use.
import init, { analyze_address, analyze_input, analyze_listing, analyze_page, analyze_text, configure, load_names, message_keys, page_limits } from '../engine/wary.js';
import { names as protectedNames, popular as popularSites } from '../engine/protected-names.js';
import { engineTemplates } from '../shared/i18n.js';
import { loadQuietTips, loadSettings, quietTipsOn, saveSettings, siteOf } from '../shared/settings.js';

const api = globalThis.browser ?? globalThis.chrome;

/**
 * The engine, loaded once, with the popular sites it never calls lookalikes and their names it
 * protects beside its catalogue of brands (engine/protected-names.js, built from data/: they
 * would add a third to the wasm's size, so they travel beside it); `engineReady` is it configured with the user's trusted and
 * protected sites, sensitivity and language, so every verdict's level is the one the user is
 * to see. If the WebAssembly cannot be loaded, nothing can be judged: the badge and the popup
 * then say that protection is off (showProtectionOff), never a silent nothing.
 */
const engineLoaded = init({ module_or_path: api.runtime.getURL('engine/wary_bg.wasm') }).then(() => load_names(protectedNames, popularSites));
let engineReady = engineLoaded.then(configureEngine);
engineLoaded.catch(showProtectionOff);

/**
 * The page-facts contract, stated by the engine (`page_limits()`): how much of a page the
 * content script gathers (it receives this with its first answer, `verdict/url`) and the caps
 * this worker holds every message to.
 */
const limitsReady = engineLoaded.then(() => page_limits());
limitsReady.catch(() => {}); // a dead engine is reported by showProtectionOff

let settingsNow = null; // the settings the engine was last configured with

async function configureEngine() {
  const settings = await loadSettings(api);
  configure(settings.trusted, settings.protected, engineTemplates(message_keys()), settings.sensitivity);
  settingsNow = settings;
}

api.storage.onChanged.addListener((changes) => {
  if (changes.settings) engineReady = engineLoaded.then(configureEngine);
});

/** Every tab's badge says OFF, its tooltip why, and the popup reads `engine` from the session. */
function showProtectionOff(error) {
  const reason = String(error?.message ?? error).slice(0, 300);
  console.error('Wary: the engine could not start; protection is off:', reason);
  api.action.setBadgeText({ text: 'OFF' });
  api.action.setBadgeBackgroundColor({ color: BADGE_OFF });
  api.action.setTitle({ title: api.i18n.getMessage('badgeProtectionOff') });
  api.storage.session.set({ engine: { ok: false, error: reason } }).catch(() => {});
}

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

/** Answers `sendResponse` with `{ok: true, ...judge()}` (the engine's verdict and more), once the engine is ready. */
function answerWith(sendResponse, judge) {
  engineReady
    .then(() => sendResponse({ ok: true, ...judge() }))
    .catch((error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
  return true; // the answer comes asynchronously
}

// ---- messages -------------------------------------------------------------------------------

// Who may send: this extension's own pages (popup, options), and its content scripts, which
// Chrome marks with the tab they run in. Another extension's id, a web page (there is no
// `externally_connectable`, so pages cannot even reach runtime.sendMessage) or a content
// script on a page that is not http(s) is ignored without an answer.
// (The popup opened as a window and the options page in a tab have a `sender.tab` too.)
const fromExtensionPage = (sender) => typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));
const fromContentScript = (sender) => sender.tab !== undefined && typeof sender.url === 'string' && /^https?:\/\//.test(sender.url);
const fromTopFrame = (sender) => fromContentScript(sender) && sender.frameId === 0;
const fromAnyOfOurs = (sender) => fromExtensionPage(sender) || fromContentScript(sender);

const MAX_WORDS = 40; // UI messages one `verdict/url` may ask for

/**
 * The messages Wary understands: one tagged union on `type` ("area/verb"). Each names who may
 * send it, what shape it must have (every field typed and capped), and what it does; a
 * message of another type, from another sender or of another shape is not acted on. The caps
 * of the `verdict/*` messages are the engine's page-facts contract (`limits`, from
 * `page_limits()`), so those are checked once the engine is loaded.
 */
const MESSAGES = {
  // A page's address to judge, from the content script, which always asks this first. The
  // answer: the verdict; what the engine says to do with it (`warn_now`: show the bar before
  // the page is parsed; `read_page`: read the page's content once it is, false on a brand's
  // verified real site; `read_listing`: read it as a listing for buying tips, on a brand's
  // real marketplace); whether the user wants pages read at all (`scanning`); the
  // page-facts contract the content script gathers facts by (`limits`); and the UI messages
  // named in `words` (the bar's), $1 left in them: here they cost the page's main thread
  // nothing (content/ui.js, useWords).
  'verdict/url': {
    from: fromAnyOfOurs,
    capped: true,
    valid: (m, sender, limits) => typeof m.url === 'string' && m.url.length <= limits.url
      && (m.words === undefined || (Array.isArray(m.words) && m.words.length <= MAX_WORDS && m.words.every((key) => typeof key === 'string' && /^\w{1,40}$/.test(key)))),
    handle: (m, sender, sendResponse, limits) => answerWith(sendResponse, () => {
      const { verdict, warn_now, read_page, read_listing } = analyze_address(m.url);
      ownPage(sender, m.url, 'url', verdict);
      const words = Object.fromEntries((m.words ?? []).map((key) => [key, api.i18n.getMessage(key, ['$1'])]));
      return { verdict, warn_now, read_page, read_listing, scanning: settingsNow?.scanning !== false, limits, words };
    }),
  },
  // A listing on a brand's real marketplace, as content/content.js gathers it (title, price,
  // usual price, currency, the store's words, the day it is: strings within `limits.listing`):
  // the engine's buying tips for it, `{tips: [{code, message, evidence}]}`. None where the user
  // asked for no tips on the sending frame's site, or turned on-page scanning off.
  'verdict/listing': {
    from: fromContentScript,
    capped: true,
    valid: (m, sender, limits) => isListingFacts(m.listing, limits),
    handle: (m, sender, sendResponse) => {
      loadQuietTips(api)
        .then((quiet) => engineReady.then(() => {
          if (settingsNow?.scanning === false || quiet.includes(siteOf(sender.url))) return { ok: true, tips: [] };
          return { ok: true, tips: analyze_listing(m.listing).tips };
        }))
        .then(sendResponse, (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
      return true;
    },
  },
  // "No tips on this site" on a buying tip: the site is the sending frame's own, as for
  // "I trust this site".
  'tips/quiet': {
    from: fromContentScript,
    valid: (m, sender) => siteOf(sender.url) !== null,
    handle: (m, sender, sendResponse) => {
      const site = siteOf(sender.url);
      quietTipsOn(api, site).then(() => sendResponse({ ok: true, site }), (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
      return true;
    },
  },
  // Page facts to judge, as content/content.js gathers them: an object, or its JSON text (the
  // content script already has that text, and a string crosses to the worker cheaply), whose
  // first `parts` parts came before as `verdict/part`; a null verdict when the user turned
  // on-page scanning off since the address was judged.
  'verdict/page': {
    from: fromAnyOfOurs,
    capped: true,
    valid: (m, sender, limits) => isPageFacts(factsOf(m, sender, limits), limits),
    handle: (m, sender, sendResponse, limits) => answerWith(sendResponse, () => {
      if (settingsNow?.scanning === false) return { verdict: null };
      const facts = factsOf(m, sender, limits);
      return { verdict: ownPage(sender, facts.url, 'page', analyze_page(facts)) };
    }),
  },
  // A part of the JSON text of a frame's next `verdict/page`, in order from 0 (a content script
  // sends long facts so, one part an idle slice: content/content.js, sendFacts); kept until
  // that message, the whole within the same cap.
  'verdict/part': {
    from: fromContentScript,
    capped: true,
    valid: (m, sender, limits) => Number.isInteger(m.part) && typeof m.facts === 'string' && m.facts.length <= PART_CHARS
      && (m.part === 0 || pendingParts.get(frameKey(sender))?.parts.length === m.part)
      && (m.part === 0 ? 0 : pendingParts.get(frameKey(sender)).length) + m.facts.length <= limits.json,
    handle: (m, sender, sendResponse) => {
      const key = frameKey(sender);
      if (m.part === 0) pendingParts.set(key, { parts: [], length: 0 });
      const pending = pendingParts.get(key);
      pending.parts.push(m.facts);
      pending.length += m.facts.length;
      sendResponse({ ok: true });
    },
  },
  // What the user pasted into the popup (or a right-click check opened there): the engine
  // decides whether it is one link or a message. Only extension pages may ask. The text may be
  // as long as the largest message the worker takes; the engine reads the first `limits.text`
  // bytes of it and says so.
  'verdict/input': {
    from: fromExtensionPage,
    capped: true,
    valid: (m, sender, limits) => typeof m.text === 'string' && m.text.length <= limits.json,
    handle: (m, sender, sendResponse) => answerWith(sendResponse, () => ({ verdict: analyze_input(m.text) })),
  },
  // What the content script concluded about its page: the tab's badge and the popup's top line.
  'tab/verdict': {
    from: fromTopFrame,
    valid: (m) => isVerdict(m.verdict) && (m.scope === undefined || ['url', 'page'].includes(m.scope)),
    handle: (m, sender) => showOnBadge(sender.tab.id, m.verdict, m.scope === 'page' ? 'page' : 'url'),
  },
  // The content script could not judge its page at all (the engine failed there and here).
  'tab/failed': {
    from: fromTopFrame,
    valid: () => true,
    handle: (m, sender) => showTabUnprotected(sender.tab.id),
  },
  // The popup asks what the badge of a tab says. Only extension pages may: a content script
  // has no business reading what another tab's page is.
  'tab/get': {
    from: fromExtensionPage,
    valid: (m) => Number.isInteger(m.tabId),
    handle: (m, sender, sendResponse) => {
      api.storage.session.get(tabKey(m.tabId)).then((stored) => sendResponse({ ok: true, verdict: stored[tabKey(m.tabId)] ?? null }));
      return true;
    },
  },
  // "I trust this site" on the bar: the site is the sending frame's own, never one named in
  // the message, so a content script can only vouch for the page it is on.
  'settings/trust': {
    from: fromContentScript,
    valid: (m, sender) => siteOf(sender.url) !== null,
    handle: (m, sender, sendResponse) => {
      const site = siteOf(sender.url);
      loadSettings(api)
        .then((settings) => saveSettings(api, { ...settings, trusted: [...settings.trusted.filter((s) => s !== site), site] }))
        .then(() => (engineReady = engineLoaded.then(configureEngine)))
        .then(() => sendResponse({ ok: true, site }), (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
      return true;
    },
  },
};

/** How many messages of each type were acted on, and how many were refused (tests read it). */
const counts = { refused: 0 };

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== api.runtime.id || !fromAnyOfOurs(sender)) {
    counts.refused += 1;
    return false; // not ours: no answer at all
  }
  const type = typeof message === 'object' && message !== null && typeof message.type === 'string' ? message.type : '';
  const kind = Object.hasOwn(MESSAGES, type) ? MESSAGES[type] : null;
  const refuse = () => {
    counts.refused += 1;
    sendResponse({ ok: false, error: `${type.slice(0, 40) || 'a message without a type'}: not a message Wary understands, from this sender or in this shape` });
    return false;
  };
  const act = (limits) => {
    if (!kind.valid(message, sender, limits)) return refuse();
    counts[type] = (counts[type] ?? 0) + 1;
    return kind.handle(message, sender, sendResponse, limits) === true;
  };
  if (!kind || !kind.from(sender)) return refuse();
  if (!kind.capped) return act(null);
  // Its caps come with the engine (a woken worker is still loading it); no engine, no verdict.
  limitsReady.then(act, (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
  return true;
});

/**
 * A content script's verdict on its own page (the address it runs on) goes on its tab's badge
 * and the popup's top line at once, without another message back.
 */
function ownPage(sender, url, scope, verdict) {
  if (fromTopFrame(sender) && url === sender.url) showOnBadge(sender.tab.id, verdict, scope);
  return verdict;
}

const PART_CHARS = 32_768; // the longest `verdict/part`
const pendingParts = new Map(); // frameKey -> { parts, length }: the parts of its next `verdict/page`
const frameKey = (sender) => `${sender.tab?.id}/${sender.frameId}/${sender.documentId ?? sender.url}`;

const parsedFacts = new WeakMap(); // message -> its facts, parsed once
/**
 * The facts of a `verdict/page` message, parsed from JSON text if they came as text, after
 * the `parts` sent before it (null if they are not all there, the text is too long or is not
 * JSON).
 */
function factsOf(message, sender, limits) {
  const parts = message.parts ?? 0;
  if (typeof message.facts !== 'string') return parts === 0 ? message.facts : null;
  if (!parsedFacts.has(message)) {
    let facts = null;
    const pending = parts === 0 ? { parts: [], length: 0 } : pendingParts.get(frameKey(sender));
    pendingParts.delete(frameKey(sender));
    try {
      if (Number.isInteger(parts) && pending?.parts.length === parts && pending.length + message.facts.length <= limits.json) {
        facts = JSON.parse(pending.parts.join('') + message.facts);
      }
    } catch {
      // not JSON: refused as not page facts
    }
    parsedFacts.set(message, facts);
  }
  return parsedFacts.get(message);
}

/**
 * Page facts within the engine's contract (`limits`, from page_limits()): every field
 * optional, each of its type and within its cap. The caps are the engine's in bytes, compared
 * with JavaScript's length in UTF-16 code units, which is never more than the UTF-8 bytes of
 * the same text, so nothing the engine would read whole is refused.
 */
function isPageFacts(facts, limits) {
  const string = (value, max) => value === undefined || (typeof value === 'string' && value.length <= max);
  const flag = (value) => value === undefined || typeof value === 'boolean';
  const object = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
  const list = (value, max, each) => value === undefined || (Array.isArray(value) && value.length <= max && value.every(each));
  const L = limits;
  return object(facts)
    && string(facts.url, L.url) && string(facts.title, L.short_text) && string(facts.text, L.text)
    && list(facts.headings, L.headings, (h) => string(h, L.short_text))
    && list(facts.links, L.links, (l) => object(l) && string(l.href, L.url) && string(l.text, L.short_text))
    && list(facts.forms, L.forms, (f) => object(f) && string(f.action, L.url) && flag(f.has_password) && flag(f.has_card));
}

const LISTING_FIELDS = ['url', 'title', 'price', 'currency', 'usual_price', 'store', 'today'];

/** Listing facts within the engine's contract: an object whose fields are all optional strings of at most `limits.listing`. */
function isListingFacts(listing, limits) {
  return typeof listing === 'object' && listing !== null && !Array.isArray(listing)
    && Object.keys(listing).every((name) => LISTING_FIELDS.includes(name))
    && LISTING_FIELDS.every((name) => listing[name] === undefined || (typeof listing[name] === 'string' && listing[name].length <= limits.listing));
}

const LEVELS = ['safe', 'caution', 'danger'];

function isVerdict(verdict) {
  return typeof verdict === 'object' && verdict !== null && LEVELS.includes(verdict.level)
    && Array.isArray(verdict.reasons) && verdict.reasons.length <= 500
    && verdict.reasons.every((r) => typeof r === 'object' && r !== null && typeof r.message === 'string' && typeof r.severity === 'string')
    && (verdict.headline === undefined || verdict.headline === null || (Number.isInteger(verdict.headline) && verdict.headline >= 0 && verdict.headline < verdict.reasons.length));
}

// ---- the toolbar badge --------------------------------------------------------------------

// Per tab, what Wary concluded about the page: a check mark on a brand's real site, "!" on
// amber for caution, "!!" on red for danger, nothing otherwise. The tooltip says why.
const BADGE = {
  verified: { text: '✓', color: '#1e7d32' },
  caution: { text: '!', color: '#8a5300' },
  danger: { text: '!!', color: '#b3261e' },
};
const BADGE_OFF = '#3c4043'; // grey, unlike any verdict: "OFF", protection is not running

const tabKey = (tabId) => `tab:${tabId}`;

/**
 * `scope` is 'url' for the address alone, 'page' once the page's content was judged too. The
 * tooltip says the engine's headline reason (the strongest warning, or that a brand's site is
 * real), as the bar and the popup do.
 */
function showOnBadge(tabId, verdict, scope) {
  const look = verdict.level === 'safe' ? (verdict.verified ? BADGE.verified : null) : BADGE[verdict.level];
  const top = verdict.reasons[verdict.headline];
  let title = top ? `Wary: ${top.message}` : api.i18n.getMessage('badgeNothingSite');
  if (scope === 'page' && verdict.level === 'safe') title += top ? ` ${api.i18n.getMessage('badgeNothingPage')}` : ` ${api.i18n.getMessage('badgeOrPage')}`;
  api.action.setBadgeText({ tabId, text: look?.text ?? '' });
  if (look) api.action.setBadgeBackgroundColor({ tabId, color: look.color });
  api.action.setTitle({ tabId, title });
  // For the popup's "this site" line; the session area is memory only, gone with the browser.
  const { level, score, verified, lookalike_of, reasons, advice, headline, input } = verdict;
  api.storage.session.set({ [tabKey(tabId)]: { level, score, verified, lookalike_of, reasons, advice, headline, input, scope } }).catch(() => {});
}

/** This tab's page could not be judged: its badge says OFF until a verdict replaces it. */
function showTabUnprotected(tabId) {
  api.action.setBadgeText({ tabId, text: 'OFF' });
  api.action.setBadgeBackgroundColor({ tabId, color: BADGE_OFF });
  api.action.setTitle({ tabId, title: api.i18n.getMessage('badgeProtectionOff') });
  api.storage.session.set({ [tabKey(tabId)]: { failed: true } }).catch(() => {});
}

api.tabs.onRemoved.addListener((tabId) => {
  api.storage.session.remove(tabKey(tabId)).catch(() => {});
  for (const key of pendingParts.keys()) if (key.startsWith(`${tabId}/`)) pendingParts.delete(key);
});

// ---- right-click checks -------------------------------------------------------------------

/**
 * "Check this link" / "Check selected text": judges it (a link as the engine reads what it is
 * given: a link, or words if it is none; a selection as a message) and shows the verdict in a
 * small panel on the page, or, where no content script runs (the browser's own pages, the web
 * store, PDFs), in a popup window. Exposed on `self.wary` for the end-to-end tests, which
 * cannot click the browser's native menus.
 */
async function handleMenuClick(info, tab) {
  const kind = info.menuItemId === MENU_LINK ? 'link' : info.menuItemId === MENU_TEXT ? 'text' : null;
  const subject = kind === 'link' ? info.linkUrl : info.selectionText;
  if (!kind || typeof subject !== 'string' || !subject.trim()) return { shown: 'nothing' };
  await engineReady;
  const verdict = kind === 'link' ? analyze_input(subject) : analyze_text(subject);
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

globalThis.wary = { handleMenuClick, counts };
