// Wary's content script: judges the page's address, then the page itself (its visible text,
// links and forms), and draws the warning bar at the top of the page when the verdict is
// caution or danger.
//
// Order of work: the address is judged at document_start, so a lookalike host is warned about
// before the page has loaded. Once the DOM is parsed, bounded facts about the page are
// gathered and judged (a cloned storefront, a link whose text shows another site, a seller's
// request to pay outside the platform). Chat widgets and single-page apps add text later, so a
// MutationObserver re-checks the page, at most once every RECHECK_MS and only when text was
// added, and the engine is not asked again when the facts did not change.
//
// Where the engine runs: here, in the content script, when the page lets us compile
// WebAssembly; Chrome applies the *page's* Content-Security-Policy to WebAssembly compiled in
// a content script, so on a page with `script-src 'self'` that fails and we ask the service
// worker, which hosts the same engine, instead. Both paths give the same verdict.
//
// Everything from the page or the engine is shown as text (textContent), never as HTML.
// Content scripts cannot be ES modules, hence the classic script and the dynamic import().
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  // What is read from a page; the engine enforces the same caps (src/page.rs).
  const MAX_TEXT_CHARS = 200 * 1024;
  const MAX_LINKS = 2000;
  const MAX_FORMS = 100;
  const MAX_HEADINGS = 50;
  const MAX_SHORT_CHARS = 300;
  const MAX_HREF_CHARS = 4096;
  const RECHECK_MS = 1500;

  // ---- the engine: here, or in the worker -------------------------------------------------

  let engineModule = null; // promise of the wasm-bindgen glue, initialised
  let engineHere = true; // false once this page's CSP refused WebAssembly in the content script

  function loadEngine() {
    engineModule ??= (async () => {
      const glue = await import(api.runtime.getURL('engine/wary.js'));
      await glue.default({ module_or_path: api.runtime.getURL('engine/wary_bg.wasm') });
      return glue;
    })();
    return engineModule;
  }

  /** `call(engine)` in the content script, or `message` to the worker where the page forbids WebAssembly. */
  async function judge(call, message) {
    if (engineHere) {
      let glue = null;
      try {
        glue = await loadEngine();
      } catch {
        // Expected on pages whose CSP forbids WebAssembly; the worker is not bound by it.
        engineHere = false;
      }
      if (glue) return { verdict: call(glue), engine: 'page' };
    }
    const answer = await api.runtime.sendMessage(message);
    if (!answer?.ok) throw new Error(answer?.error ?? 'no answer from the service worker');
    return { verdict: answer.verdict, engine: 'worker' };
  }

  // ---- page facts -----------------------------------------------------------------------

  const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION']);

  /** The page's text in document order, up to MAX_TEXT_CHARS: a walk over text nodes, no layout. */
  function visibleText() {
    const root = document.body ?? document.documentElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (NO_TEXT.has(node.parentNode?.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const parts = [];
    let size = 0;
    for (let node = walker.nextNode(); node && size < MAX_TEXT_CHARS; node = walker.nextNode()) {
      const text = node.nodeValue.trim();
      if (!text) continue;
      parts.push(text);
      size += text.length + 1;
    }
    return parts.join('\n').slice(0, MAX_TEXT_CHARS);
  }

  function shortText(node) {
    return (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_SHORT_CHARS);
  }

  /** Links to other sites: the page's own links cannot imitate the page. */
  function pageLinks() {
    const links = [];
    for (const link of document.links) {
      if (links.length === MAX_LINKS) break;
      // An SVG <a> has an SVGAnimatedString, not a string, as href.
      if (typeof link.href !== 'string' || link.host === location.host) continue;
      links.push({ href: link.href.slice(0, MAX_HREF_CHARS), text: shortText(link) });
    }
    return links;
  }

  // Card number fields by autocomplete token, else by name, id, placeholder or label words.
  const CARD_WORDS = /card.?(num|no\b)|cc.?num|credit.?card|kartennummer|n[uú]mero.{0,4}(tarjeta|cart[aã]o)|num[eé]ro.{0,4}carte|номер.{0,3}карты/i;

  function isCardInput(input) {
    const autocomplete = (input.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/);
    if (autocomplete.includes('cc-number')) return true;
    const words = [input.name, input.id, input.getAttribute('placeholder'), input.getAttribute('aria-label')];
    return CARD_WORDS.test(words.filter(Boolean).join(' '));
  }

  function describeInputs(inputs, action) {
    let hasPassword = false;
    let hasCard = false;
    for (const input of inputs) {
      if (input.type === 'password') hasPassword = true;
      else if (!hasCard && isCardInput(input)) hasCard = true;
    }
    return { action, has_password: hasPassword, has_card: hasCard };
  }

  /** Where a form posts, absolute. getAttribute, because `form.action` is shadowed by a field named "action". */
  function actionOf(form) {
    try {
      return new URL(form.getAttribute('action') ?? '', document.baseURI).href.slice(0, MAX_HREF_CHARS);
    } catch {
      return '';
    }
  }

  function pageForms() {
    const forms = [];
    for (const form of document.forms) {
      if (forms.length === MAX_FORMS) break;
      forms.push(describeInputs(form.querySelectorAll('input'), actionOf(form)));
    }
    // Checkouts driven by scripts keep their fields outside any form: they post to the page.
    const loose = [...document.querySelectorAll('input')].filter((input) => !input.form);
    const outside = describeInputs(loose, location.href);
    if (forms.length < MAX_FORMS && (outside.has_password || outside.has_card)) forms.push(outside);
    return forms;
  }

  function pageHeadings() {
    const headings = [...document.querySelectorAll('h1'), ...document.querySelectorAll('h2')];
    return headings.slice(0, MAX_HEADINGS).map(shortText).filter(Boolean);
  }

  function gatherFacts() {
    return {
      url: location.href,
      title: document.title.slice(0, MAX_SHORT_CHARS * 3),
      text: visibleText(),
      headings: pageHeadings(),
      links: pageLinks(),
      forms: pageForms(),
    };
  }

  // ---- the warning bar ------------------------------------------------------------------

  const LEVEL_TEXT = { caution: 'Caution', danger: 'Warning' };
  const RANK = { safe: 0, info: 0, caution: 1, danger: 2 };

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
    .more { display: block; font-size: 13px; opacity: .92; margin-top: 2px; }
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

  /** The reasons worth saying, strongest first, in the engine's words (full sentences). */
  function messages(verdict) {
    const said = verdict.reasons.filter((r) => r.severity !== 'info').sort((a, b) => RANK[b.severity] - RANK[a.severity]);
    const unique = [...new Set(said.map((r) => r.message))];
    return unique.length ? unique : ['This site looks suspicious.'];
  }

  let bar = null; // { host, key } of the bar on screen
  let dismissedLevel = null; // the level the user dismissed this visit

  function drawBar(verdict, engine) {
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
      onclick: () => {
        dismissedLevel = verdict.level;
        host.remove();
        bar = null;
      },
    }));
    const [headline, ...more] = messages(verdict);
    const box = element('div', { className: `bar ${verdict.level}`, role: 'alert' }, [
      element('span', { className: 'icon', textContent: '⚠' }),
      element('div', { className: 'text' }, [
        element('span', { className: 'level', textContent: `Wary ${LEVEL_TEXT[verdict.level]}:` }),
        element('span', { className: 'headline', textContent: headline }),
        ...more.slice(0, 2).map((message) => element('span', { className: 'more', textContent: message })),
      ]),
      ...buttons,
    ]);
    box.querySelector('.icon').setAttribute('aria-hidden', 'true');
    shadow.append(element('style', { textContent: BAR_STYLE }), box);
    // documentElement exists from document_start on, so the bar shows before the page has
    // loaded; first in the document, so it is also the first stop for keyboard users.
    document.documentElement.prepend(host);
    return host;
  }

  /** Shows, replaces or removes the bar for `verdict`; a dismissed bar returns only for a worse level. */
  function show(verdict, engine) {
    if (verdict.level === 'safe') {
      bar?.host.remove();
      bar = null;
      return;
    }
    if (dismissedLevel && RANK[verdict.level] <= RANK[dismissedLevel]) return;
    const key = `${verdict.level}|${verdict.lookalike_of}|${messages(verdict).join('|')}|${engine}`;
    if (bar?.key === key) return;
    bar?.host.remove();
    bar = { host: drawBar(verdict, engine), key };
  }

  function report(verdict, engine, scope) {
    api.runtime.sendMessage({ type: 'tab/verdict', verdict, engine, scope }).catch(() => {});
  }

  // ---- when to check --------------------------------------------------------------------

  async function checkAddress() {
    const url = location.href;
    const { verdict, engine } = await judge((glue) => glue.analyze_url(url), { type: 'verdict/url', url });
    report(verdict, engine, 'url');
    addressVerdict = { verdict, engine };
    // A lookalike host is warned about at once; anything else waits for the page's own verdict,
    // which includes the address's reasons.
    if (verdict.reasons.some((r) => r.layer === 'domain' && r.severity !== 'info')) show(verdict, engine);
  }

  let addressVerdict = null; // shown as it is if the page itself cannot be judged

  let lastFacts = ''; // the facts last judged, so an unchanged page is not judged again

  async function checkPage() {
    const facts = gatherFacts();
    const key = JSON.stringify([facts.url, facts.title, facts.headings, facts.links, facts.forms]) + facts.text;
    if (key === lastFacts) return;
    lastFacts = key;
    const { verdict, engine } = await judge((glue) => glue.analyze_page(facts), { type: 'verdict/page', facts });
    report(verdict, engine, 'page');
    show(verdict, engine);
  }

  let queue = Promise.resolve(); // one page check at a time
  function queuePageCheck() {
    queue = queue.then(checkPage).catch((error) => {
      console.warn('Wary could not check this page:', error);
      if (addressVerdict && !bar) show(addressVerdict.verdict, addressVerdict.engine);
    });
    return queue;
  }

  /**
   * True when a mutation added text (our own bar lives outside <body>). Edits of existing text
   * (clocks, counters) are not watched: new messages and views arrive as new nodes.
   */
  function addsText(mutation) {
    for (const node of mutation.addedNodes) {
      if (node.nodeType === Node.TEXT_NODE && node.nodeValue.trim()) return true;
      if (node.nodeType === Node.ELEMENT_NODE && !NO_TEXT.has(node.nodeName) && node.textContent.trim()) return true;
    }
    return false;
  }

  /** Re-checks the page when text is added, at most once every RECHECK_MS, and not while hidden. */
  function watchForNewText() {
    let timer = null;
    let lastRun = Date.now();
    const run = () => {
      timer = null;
      if (document.hidden) {
        document.addEventListener('visibilitychange', run, { once: true });
        return;
      }
      lastRun = Date.now();
      queuePageCheck();
    };
    const observer = new MutationObserver((mutations) => {
      if (timer || !mutations.some(addsText)) return;
      timer = setTimeout(run, Math.max(0, lastRun + RECHECK_MS - Date.now()));
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  }

  function whenParsed(then) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then, { once: true });
    else then();
  }

  checkAddress()
    .catch((error) => console.warn('Wary could not check this address:', error))
    .finally(() => whenParsed(() => queuePageCheck().finally(watchForNewText)));
})();
