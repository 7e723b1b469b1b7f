// Wary's service worker (Chrome) / background script (Firefox). It hosts the engine for the
// pages whose Content-Security-Policy forbids WebAssembly in the content script.
//
// Chrome rejects top-level await and dynamic import() in a service worker, so the glue is
// imported statically, init() starts at load, and handlers await that one promise.
// Listeners are registered synchronously at top level, so a woken worker sees the event.
import init, { analyze_url, analyze_page } from '../engine/wary.js';

const api = globalThis.browser ?? globalThis.chrome;
const engineReady = init({ module_or_path: api.runtime.getURL('engine/wary_bg.wasm') });

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only this extension's own pages and content scripts may ask; anything else is ignored.
  if (sender.id !== api.runtime.id || typeof message !== 'object' || message === null) return false;
  if (message.type === 'verdict/url' && typeof message.url === 'string') {
    engineReady
      .then(() => sendResponse({ ok: true, verdict: analyze_url(message.url) }))
      .catch((error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
    return true; // the answer comes asynchronously
  }
  if (message.type === 'verdict/page') {
    if (!isPageFacts(message.facts)) {
      sendResponse({ ok: false, error: 'verdict/page: facts must be {url, title, text, headings, links, forms} within their caps' });
      return false;
    }
    engineReady
      .then(() => sendResponse({ ok: true, verdict: analyze_page(message.facts) }))
      .catch((error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
    return true;
  }
  if (message.type === 'tab/verdict' && sender.tab?.id !== undefined && typeof message.verdict?.level === 'string') {
    showOnBadge(sender.tab.id, message.verdict, message.scope);
  }
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

// The toolbar badge says, per tab, what Wary concluded about the page.
const BADGE = {
  verified: { text: '✓', color: '#1e7d32' },
  caution: { text: '!', color: '#8a5300' },
  danger: { text: '!', color: '#b3261e' },
};

/** `scope` is 'url' for the address alone, 'page' once the page's content was judged too. */
function showOnBadge(tabId, verdict, scope) {
  const look = verdict.level === 'safe' ? (verdict.verified ? BADGE.verified : null) : BADGE[verdict.level];
  const top = verdict.reasons?.find((reason) => reason.severity !== 'info') ?? verdict.reasons?.find((reason) => reason.code === 'verified');
  let title = top ? `Wary: ${top.message}` : 'Wary: nothing suspicious found on this site';
  if (scope === 'page' && verdict.level === 'safe') title += top ? ' Nothing suspicious on this page.' : ' or page';
  api.action.setBadgeText({ tabId, text: look?.text ?? '' });
  if (look) api.action.setBadgeBackgroundColor({ tabId, color: look.color });
  api.action.setTitle({ tabId, title });
}
