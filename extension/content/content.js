// Wary's content script: judges the page's address, then the page itself (its visible text,
// links and forms), and draws the warning bar at the top of the page when the verdict is
// caution or danger.
//
// Order of work: the address is judged at document_start, so a lookalike host is warned about
// before the page has loaded. Once the DOM is parsed, bounded facts about the page are
// gathered and judged (a cloned storefront, a link whose text shows another site, a seller's
// request to pay outside the platform); not on a brand's verified real site, whose page is its
// own. Chat widgets and single-page apps add text later, so a MutationObserver re-checks the
// page (on verified sites too), at most once every RECHECK_MS and only when text was
// added, and the engine is not asked again when the facts did not change.
//
// Where the engine runs: in the service worker (Firefox: the background script), one copy
// compiled once for every tab. This script only gathers facts, sends them and draws. Judging in
// each tab cost every tab its own compile of the engine and ~6 MB of WebAssembly memory, held
// the page's main thread for the analysis, and on pages whose Content-Security-Policy forbids
// WebAssembly (Chrome applies the page's CSP to content scripts) had to ask the worker anyway
// (BENCHMARKS.md, "In the browser").
//
// The bar and the right-click panel are drawn by ui.js (loaded before this file). Everything
// from the page or the engine is shown as text (textContent), never as HTML.
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

  // ---- the engine, in the service worker --------------------------------------------------

  /**
   * The worker's answer to `message` (`verdict/url` or `verdict/page`): the verdict with the
   * level the user's sensitivity makes of it (null when on-page scanning is off), and for an
   * address whether the page itself is to be read (`scanning`).
   */
  async function judge(message) {
    const answer = await api.runtime.sendMessage(message);
    if (!answer?.ok) throw new Error(answer?.error ?? 'no answer from the service worker');
    return { verdict: answer.verdict, engine: 'worker', scanning: answer.scanning };
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
    // Cut before folding the white space: a link may wrap a whole article.
    return (node.textContent ?? '').slice(0, 4 * MAX_SHORT_CHARS).replace(/\s+/g, ' ').trim().slice(0, MAX_SHORT_CHARS);
  }

  const ABSOLUTE = /^\s*([a-z][a-z0-9+.-]*:|\/\/)/i; // `https:`, `javascript:`, `//host`: not relative

  /**
   * Links to other sites: the page's own links cannot imitate the page. A relative link
   * (`/item/1`, `page.html`) is the page's own and is skipped from its attribute alone, without
   * resolving it; unless a <base> points elsewhere, then every link is resolved.
   */
  function pageLinks() {
    const links = [];
    const own = `${location.protocol}//${location.host}`; // a link to this host starts so, then / ? # or ends
    const baseIsOwn = document.baseURI.startsWith(`${own}/`);
    for (const link of document.links) {
      if (links.length === MAX_LINKS) break;
      if (baseIsOwn && !ABSOLUTE.test(link.getAttribute('href') ?? '')) continue;
      const { href } = link;
      // An SVG <a> has an SVGAnimatedString, not a string, as href.
      if (typeof href !== 'string' || (href.startsWith(own) && (href.length === own.length || '/?#'.includes(href[own.length])))) continue;
      links.push({ href: href.slice(0, MAX_HREF_CHARS), text: shortText(link) });
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

  // ---- the bar --------------------------------------------------------------------------
  //
  // The user's settings (sensitivity, on-page scanning) are applied by the worker, which
  // answers with the verdict as the tab is to show it: this script reads no settings itself.

  const { RANK, drawBar, drawPanel } = globalThis.waryUi;

  let bar = null; // { host, remove(), key, level } of the bar on screen
  let dismissedLevel = null; // the level the user dismissed this visit
  let trusted = false; // the user said "I trust this site" on this visit

  const barActions = {
    dismiss() {
      dismissedLevel = bar?.level ?? 'danger';
      bar?.remove();
      bar = null;
    },
    async trust() {
      // The worker adds this frame's own site (it reads it from the sender, not from us).
      const answer = await api.runtime.sendMessage({ type: 'settings/trust' });
      if (!answer?.ok) return console.warn('Wary could not remember this site:', answer?.error);
      trusted = true;
      bar?.remove();
      bar = null;
      recheckAll();
    },
  };

  /** Shows, replaces or removes the bar for `verdict`; a dismissed bar returns only for a worse level. */
  /** `scope`: the verdict is the address's alone (`url`) or the whole page's (`page`). */
  function show(verdict, engine, scope = 'page') {
    if (verdict.level === 'safe' || trusted) {
      bar?.remove();
      bar = null;
      return;
    }
    if (dismissedLevel && RANK[verdict.level] <= RANK[dismissedLevel]) return;
    const key = JSON.stringify([verdict.level, verdict.lookalike_of, verdict.reasons, engine]);
    if (bar?.key === key) {
      // The page's verdict said what the address's did: the bar stays, only its scope changes.
      bar.set('data-wary-scope', scope);
      return;
    }
    bar?.remove();
    bar = { ...drawBar(verdict, engine, barActions, scope), key, level: verdict.level };
  }

  // The right-click checks: the worker judged a link or the selected text and sends the
  // verdict here to show beside the page. Only the extension itself (not a page, not another
  // tab's content script) may ask, and only with a verdict-shaped answer.
  api.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== api.runtime.id || sender.tab || message?.type !== 'panel/show') return false;
    const { verdict, subject, kind } = message;
    const isVerdict = typeof verdict === 'object' && verdict !== null && typeof verdict.level === 'string' && Array.isArray(verdict.reasons);
    if (!isVerdict || typeof subject !== 'string' || !['link', 'text'].includes(kind)) return false;
    drawPanel(verdict, subject, kind); // the worker applied the user's sensitivity
    return false;
  });

  // ---- when to check --------------------------------------------------------------------

  async function checkAddress() {
    const url = location.href;
    const judged = await judge({ type: 'verdict/url', url });
    const { verdict } = judged;
    scanning = judged.scanning !== false;
    addressVerdict = { verdict, engine: judged.engine };
    // A lookalike host is warned about at once; anything else waits for the page's own verdict,
    // which includes the address's reasons.
    if (verdict.reasons.some((r) => r.layer === 'domain' && r.severity !== 'info')) show(verdict, judged.engine, 'url');
  }

  let addressVerdict = null; // shown as it is if the page itself cannot be judged
  let scanning = true; // the user wants the page itself read (the worker says, with the address)

  let lastFacts = ''; // the facts last judged, so an unchanged page is not judged again

  async function checkPage() {
    if (!scanning) return; // the user turned on-page scanning off
    // The facts as JSON text: what is compared with the last check, and what is sent (a string
    // crosses to the worker without a second serialisation of 2,000 links).
    const facts = JSON.stringify(gatherFacts());
    if (facts === lastFacts) return;
    lastFacts = facts;
    const judged = await judge({ type: 'verdict/page', facts });
    const { verdict } = judged;
    if (!verdict) return; // scanning was turned off meanwhile
    show(verdict, judged.engine);
  }

  /** After "I trust this site" (the worker has told its engine): the tab's verdicts again. */
  async function recheckAll() {
    lastFacts = '';
    await checkAddress().catch(() => {});
    queuePageCheck();
  }

  let queue = Promise.resolve(); // one page check at a time
  let waiting = false; // a check is queued and has not started: another request joins it
  function queuePageCheck() {
    if (waiting) return queue;
    waiting = true;
    queue = queue.then(() => {
      waiting = false;
      return checkPage();
    }).catch((error) => {
      console.warn('Wary could not check this page:', error);
      if (addressVerdict && !bar) show(addressVerdict.verdict, addressVerdict.engine, 'url');
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

  // On a brand's verified real site the page is the brand's own: its text, links and forms are
  // not read at load (on a heavy page that is most of Wary's cost). What arrives later, such
  // as a seller's chat message, is read and judged as on any other site.
  checkAddress()
    .catch((error) => {
      // The engine could not judge the address: the badge says protection is off here.
      console.warn('Wary could not check this address:', error);
      api.runtime.sendMessage({ type: 'tab/failed' }).catch(() => {});
    })
    .finally(() => whenParsed(() => (addressVerdict?.verdict.verified ? Promise.resolve() : queuePageCheck()).finally(watchForNewText)));
})();
