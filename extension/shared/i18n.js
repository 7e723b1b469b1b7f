// The UI's words, from _locales/<lang>/messages.json through the browser's i18n API. Pages
// mark translatable elements with data-i18n (text), data-i18n-placeholder, data-i18n-aria-label
// and data-i18n-title; `localize()` fills them in. The engine's own sentences stay as it
// wrote them.
const api = globalThis.browser ?? globalThis.chrome;

/** The message `key` with `subs` for $1…$9; the key itself when a locale lacks it. */
export function t(key, ...subs) {
  return api.i18n.getMessage(key, subs.map(String)) || key;
}

export function localize(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const [attribute, name] of [['i18nPlaceholder', 'placeholder'], ['i18nAriaLabel', 'aria-label'], ['i18nTitle', 'title']]) {
    for (const node of root.querySelectorAll(`[data-${name === 'aria-label' ? 'i18n-aria-label' : `i18n-${name}`}]`)) {
      node.setAttribute(name, t(node.dataset[attribute]));
    }
  }
  document.documentElement.lang = api.i18n.getUILanguage();
  document.documentElement.dir = t('@@bidi_dir') === '@@bidi_dir' ? 'ltr' : t('@@bidi_dir');
}
