// Wary's service worker (Chrome) / background script (Firefox). It hosts the engine for the
// pages whose Content-Security-Policy forbids WebAssembly in the content script.
//
// Chrome rejects top-level await and dynamic import() in a service worker, so the glue is
// imported statically, init() starts at load, and handlers await that one promise.
// Listeners are registered synchronously at top level, so a woken worker sees the event.
import init, { analyze_url } from '../engine/wary.js';

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
  if (message.type === 'tab/verdict' && sender.tab?.id !== undefined && typeof message.verdict?.level === 'string') {
    showOnBadge(sender.tab.id, message.verdict);
  }
  return false;
});

// The toolbar badge says, per tab, what Wary concluded about the page.
const BADGE = {
  verified: { text: '✓', color: '#1e7d32' },
  caution: { text: '!', color: '#8a5300' },
  danger: { text: '!', color: '#b3261e' },
};

function showOnBadge(tabId, verdict) {
  const look = verdict.level === 'safe' ? (verdict.verified ? BADGE.verified : null) : BADGE[verdict.level];
  const top = verdict.reasons?.find((reason) => reason.severity !== 'info') ?? verdict.reasons?.[0];
  api.action.setBadgeText({ tabId, text: look?.text ?? '' });
  if (look) api.action.setBadgeBackgroundColor({ tabId, color: look.color });
  api.action.setTitle({ tabId, title: top ? `Wary: ${top.message}` : 'Wary: nothing suspicious found on this site' });
}
