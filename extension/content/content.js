// Wary's content script: judges the page's address with the engine and, when the verdict is
// caution or danger, draws the warning bar at the top of the page.
//
// Where the engine runs: here, in the content script, when the page lets us compile
// WebAssembly; Chrome applies the *page's* Content-Security-Policy to WebAssembly compiled in
// a content script, so on a page with `script-src 'self'` that fails and we ask the service
// worker, which hosts the same engine, instead. Both paths give the same verdict.
//
// Content scripts cannot be ES modules, hence the classic script and the dynamic import().
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  async function judgeHere(url) {
    const glue = await import(api.runtime.getURL('engine/wary.js'));
    await glue.default({ module_or_path: api.runtime.getURL('engine/wary_bg.wasm') });
    return glue.analyze_url(url);
  }

  async function judgeInWorker(url) {
    const answer = await api.runtime.sendMessage({ type: 'verdict/url', url });
    if (!answer?.ok) throw new Error(answer?.error ?? 'no answer from the service worker');
    return answer.verdict;
  }

  async function judge(url) {
    try {
      return { verdict: await judgeHere(url), engine: 'page' };
    } catch (pageError) {
      // Expected on pages whose CSP forbids WebAssembly; the worker is not bound by it.
      return { verdict: await judgeInWorker(url), engine: 'worker' };
    }
  }

  const LEVEL_TEXT = { caution: 'Caution', danger: 'Warning' };

  const BAR_STYLE = `
    :host { all: initial; position: fixed; top: 0; left: 0; right: 0; z-index: 2147483647; }
    .bar { display: flex; align-items: center; gap: 12px; padding: 10px 16px; box-sizing: border-box;
           font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #fff;
           box-shadow: 0 2px 8px rgba(0, 0, 0, .35); }
    .bar.danger { background: #b3261e; }
    .bar.caution { background: #8a5300; }
    .icon { font-size: 22px; flex: none; }
    .text { flex: 1; min-width: 0; }
    .level { font-weight: 700; margin-right: 6px; }
    button { font: inherit; font-weight: 600; border-radius: 6px; padding: 6px 12px; cursor: pointer;
             border: 1px solid #fff; flex: none; }
    .go { background: #fff; color: #1d1b20; }
    .dismiss { background: transparent; color: #fff; }
    button:focus-visible { outline: 3px solid #ffd54f; outline-offset: 2px; }
  `;

  function element(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    Object.assign(node, props);
    node.append(...children);
    return node;
  }

  /** The strongest reason, in the engine's words (already a full sentence). */
  function headline(verdict) {
    const rank = { danger: 2, caution: 1, info: 0 };
    const top = [...verdict.reasons].sort((a, b) => rank[b.severity] - rank[a.severity])[0];
    return top?.message ?? 'This site looks suspicious.';
  }

  function showBar(verdict, engine) {
    // A plain div as host: a page cannot pre-define its behaviour as it could a custom element.
    const host = document.createElement('div');
    host.setAttribute('data-wary', verdict.level);
    host.setAttribute('data-wary-engine', engine);
    if (verdict.lookalike_of) host.setAttribute('data-wary-real', verdict.lookalike_of);
    const shadow = host.attachShadow({ mode: 'closed' });

    const buttons = [];
    if (verdict.lookalike_of) {
      const real = verdict.lookalike_of;
      buttons.push(element('button', {
        className: 'go', type: 'button', textContent: `Take me to ${real}`,
        onclick: () => location.assign(`https://${real}/`),
      }));
    }
    buttons.push(element('button', {
      className: 'dismiss', type: 'button', textContent: 'Dismiss',
      onclick: () => host.remove(),
    }));
    const bar = element('div', { className: `bar ${verdict.level}`, role: 'alert' }, [
      element('span', { className: 'icon', textContent: '⚠' }),
      element('div', { className: 'text' }, [
        element('span', { className: 'level', textContent: `Wary ${LEVEL_TEXT[verdict.level]}:` }),
        element('span', { textContent: headline(verdict) }),
      ]),
      ...buttons,
    ]);
    bar.querySelector('.icon').setAttribute('aria-hidden', 'true');
    shadow.append(element('style', { textContent: BAR_STYLE }), bar);
    // documentElement exists from document_start on, so the bar shows before the page has
    // loaded; first in the document, so it is also the first stop for keyboard users.
    document.documentElement.prepend(host);
  }

  judge(location.href)
    .then(({ verdict, engine }) => {
      api.runtime.sendMessage({ type: 'tab/verdict', verdict, engine }).catch(() => {});
      if (verdict.level !== 'safe') showBar(verdict, engine);
    })
    .catch((error) => console.warn('Wary could not check this page:', error));
})();
