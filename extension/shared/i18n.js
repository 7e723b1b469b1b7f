// The UI's words, from _locales/<lang>/messages.json through the browser's i18n API. Pages
// mark translatable elements with data-i18n (text), data-i18n-placeholder, data-i18n-aria-label
// and data-i18n-title; `localize()` fills them in. The engine's sentences come from the same
// files (`engine_<key>`, see tools/locales.py): `engineTemplates()` hands them to the engine.
const api = globalThis.browser ?? globalThis.chrome;

/** The message `key` with `subs` for $1…$9; the key itself when a locale lacks it. */
export function t(key, ...subs) {
  return api.i18n.getMessage(key, subs.map(String)) || key;
}

/**
 * The engine's message templates in the browser's language, one per key of the engine's
 * `message_keys()`, in that order, for its `configure()`; the engine fills in their {1}, {2}…
 */
export function engineTemplates(keys) {
  return keys.map((key) => api.i18n.getMessage(`engine_${key.replace(/[-.]/g, '_')}`));
}

const ATTRIBUTES = [['data-i18n-placeholder', 'placeholder'], ['data-i18n-aria-label', 'aria-label'], ['data-i18n-title', 'title']];

export function localize(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const [marker, attribute] of ATTRIBUTES) {
    for (const node of root.querySelectorAll(`[${marker}]`)) node.setAttribute(attribute, t(node.getAttribute(marker)));
  }
  document.documentElement.lang = api.i18n.getUILanguage();
  document.documentElement.dir = api.i18n.getMessage('@@bidi_dir') || 'ltr';
}
