// Wary's content script: judges the page's address, then the page itself (its visible text,
// links and forms), and draws the warning bar at the top of the page when the verdict is
// caution or danger.
//
// Order of work: the address is judged at document_start (`verdict/url`), and the engine's
// answer says what to do: warn at once (`warn_now`: the host itself borrows a brand's name),
// and whether to read the page once the DOM is parsed (`read_page`: not on a brand's verified
// real site, whose page is its own). Reading the page means gathering bounded facts about it
// and having them judged (a cloned storefront, a link whose text shows another site, a
// seller's request to pay outside the platform). Chat widgets and single-page apps add text
// later, so a MutationObserver re-checks the page (on verified sites too), at most once every
// RECHECK_MS and only when text was added, and the engine is not asked again when the facts
// did not change.
//
// Where the engine runs: in the service worker (Firefox: the background script), one copy
// compiled once for every tab. This script only gathers facts, sends them and draws; it
// decides nothing. How much it gathers (the caps and the card-field words) is the engine's
// page-facts contract, which arrives with the answer to `verdict/url`, always asked first.
// Judging in each tab cost every tab its own compile of the engine and ~6 MB of WebAssembly
// memory, held the page's main thread for the analysis, and on pages whose
// Content-Security-Policy forbids WebAssembly (Chrome applies the page's CSP to content
// scripts) had to ask the worker anyway (BENCHMARKS.md, "In the browser").
//
// The bar and the right-click panel are drawn by ui.js (loaded before this file). Everything
// from the page or the engine is shown as text (textContent), never as HTML.
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  const RECHECK_MS = 1500;

  // ---- the engine, in the service worker --------------------------------------------------

  /**
   * The worker's answer to `message` (`verdict/url` or `verdict/page`): the verdict, its level
   * already the one the user's sensitivity makes of it (null when on-page scanning is off),
   * and for an address what to do next (see checkAddress).
   */
  async function ask(message) {
    const answer = await api.runtime.sendMessage(message);
    if (!answer?.ok) throw new Error(answer?.error ?? 'no answer from the service worker');
    return answer;
  }

  /**
   * The engine's page-facts contract (`page_limits()` in the worker): how many links, forms
   * and headings to gather, how long a text, title, heading, link text or address may be, and
   * the words of a card-number field. Null until the address was judged.
   */
  let limits = null;
  let cardWords = null; // limits.card_field_pattern, compiled

  // ---- page facts -----------------------------------------------------------------------

  const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION']);

  /** The page's text in document order, up to `limits.text` characters: a walk over text nodes, no layout. */
  function visibleText() {
    const root = document.body ?? document.documentElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (NO_TEXT.has(node.parentNode?.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const parts = [];
    let size = 0;
    for (let node = walker.nextNode(); node && size < limits.text; node = walker.nextNode()) {
      const text = node.nodeValue.trim();
      if (!text) continue;
      parts.push(text);
      size += text.length + 1;
    }
    return parts.join('\n').slice(0, limits.text);
  }

  // What a reader never sees inside a link or heading: a <noscript> fallback (its markup reads
  // as text while scripts run), and content the page hides from everyone.
  const UNSEEN = 'noscript, template, [hidden], [aria-hidden="true"]';

  /** The text a reader sees in `node`: its text, less what is inside UNSEEN elements. */
  function seenText(node) {
    if (!node.querySelector(UNSEEN)) return node.textContent ?? '';
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.nodeType === Node.ELEMENT_NODE && n.matches(UNSEEN) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === Node.TEXT_NODE) text += n.nodeValue;
    return text;
  }

  function shortText(node) {
    // Cut before folding the white space: a link may wrap a whole article.
    const max = limits.sent_short_chars;
    return seenText(node).slice(0, 4 * max).replace(/\s+/g, ' ').trim().slice(0, max);
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
      if (links.length === limits.links) break;
      if (baseIsOwn && !ABSOLUTE.test(link.getAttribute('href') ?? '')) continue;
      const { href } = link;
      // An SVG <a> has an SVGAnimatedString, not a string, as href.
      if (typeof href !== 'string' || (href.startsWith(own) && (href.length === own.length || '/?#'.includes(href[own.length])))) continue;
      links.push({ href: href.slice(0, limits.sent_url_chars), text: shortText(link) });
    }
    return links;
  }

  // Card number fields by autocomplete token, else by name, id, placeholder or label words
  // (the engine's card-field words, data/card_fields.txt).
  function isCardInput(input) {
    const autocomplete = (input.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/);
    if (autocomplete.includes('cc-number')) return true;
    const words = [input.name, input.id, input.getAttribute('placeholder'), input.getAttribute('aria-label')];
    return cardWords.test(words.filter(Boolean).join(' '));
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
      return new URL(form.getAttribute('action') ?? '', document.baseURI).href.slice(0, limits.sent_url_chars);
    } catch {
      return '';
    }
  }

  function pageForms() {
    const forms = [];
    for (const form of document.forms) {
      if (forms.length === limits.forms) break;
      forms.push(describeInputs(form.querySelectorAll('input'), actionOf(form)));
    }
    // Checkouts driven by scripts keep their fields outside any form: they post to the page.
    const loose = [...document.querySelectorAll('input')].filter((input) => !input.form);
    const outside = describeInputs(loose, location.href);
    if (forms.length < limits.forms && (outside.has_password || outside.has_card)) forms.push(outside);
    return forms;
  }

  function pageHeadings() {
    const headings = [...document.querySelectorAll('h1'), ...document.querySelectorAll('h2')];
    return headings.slice(0, limits.sent_headings).map(shortText).filter(Boolean);
  }

  function gatherFacts() {
    return {
      url: location.href,
      title: document.title.slice(0, limits.sent_title_chars),
      text: visibleText(),
      headings: pageHeadings(),
      links: pageLinks(),
      forms: pageForms(),
    };
  }

  // ---- the bar --------------------------------------------------------------------------
  //
  // The user's settings are applied by the worker and its engine (sensitivity: the verdict's
  // level is the one to show) or arrive with its answer (on-page scanning): this script reads
  // no settings itself.

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

  /**
   * Shows, replaces or removes the bar for `verdict`; a dismissed bar returns only for a worse
   * level. `scope`: the verdict is the address's alone (`url`) or the whole page's (`page`).
   */
  function show(verdict, scope = 'page') {
    if (verdict.level === 'safe' || trusted) {
      bar?.remove();
      bar = null;
      return;
    }
    if (dismissedLevel && RANK[verdict.level] <= RANK[dismissedLevel]) return;
    const key = JSON.stringify([verdict.level, verdict.lookalike_of, verdict.reasons]);
    if (bar?.key === key) {
      // The page's verdict said what the address's did: the bar stays, only its scope changes.
      bar.set('data-wary-scope', scope);
      return;
    }
    bar?.remove();
    bar = { ...drawBar(verdict, barActions, scope), key, level: verdict.level };
  }

  // The right-click checks: the worker judged a link or the selected text and sends the
  // verdict here to show beside the page. Only the extension itself (not a page, not another
  // tab's content script) may ask, and only with a verdict-shaped answer.
  api.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== api.runtime.id || sender.tab || message?.type !== 'panel/show') return false;
    const { verdict, subject, kind } = message;
    const isVerdict = typeof verdict === 'object' && verdict !== null && typeof verdict.level === 'string' && Array.isArray(verdict.reasons);
    if (!isVerdict || typeof subject !== 'string' || !['link', 'text'].includes(kind)) return false;
    drawPanel(verdict, subject, kind); // the engine applied the user's sensitivity
    return false;
  });

  // ---- when to check --------------------------------------------------------------------

  /**
   * The address's verdict, and with it the page-facts contract and what the engine says to do:
   * a host that borrows a brand's name is warned about at once (`warn_now`); anything else
   * waits for the page's own verdict, which includes the address's reasons; the page is read
   * at load unless it is a brand's verified real site (`read_page`).
   */
  async function checkAddress() {
    const answer = await ask({ type: 'verdict/url', url: location.href });
    if (!limits) cardWords = new RegExp(answer.limits.card_field_pattern, 'i');
    limits = answer.limits;
    scanning = answer.scanning !== false;
    readPage = answer.read_page === true;
    addressVerdict = answer.verdict;
    if (answer.warn_now) show(answer.verdict, 'url');
  }

  let addressVerdict = null; // shown as it is if the page itself cannot be judged
  let scanning = true; // the user wants pages read (the worker says, with the address)
  let readPage = false; // the engine says to read this page at load (with the address)

  let lastFacts = ''; // the facts last judged, so an unchanged page is not judged again

  async function checkPage() {
    if (!scanning || !limits) return; // on-page scanning is off, or the address could not be judged
    // The facts as JSON text: what is compared with the last check, and what is sent (a string
    // crosses to the worker without a second serialisation of 2,000 links).
    const facts = JSON.stringify(gatherFacts());
    if (facts === lastFacts) return;
    lastFacts = facts;
    const { verdict } = await ask({ type: 'verdict/page', facts });
    if (!verdict) return; // scanning was turned off meanwhile
    show(verdict);
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
      if (addressVerdict && !bar) show(addressVerdict, 'url');
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

  // Where the engine says not to read the page at load (a brand's verified real site, whose
  // page is its own; on a heavy page reading it is most of Wary's cost), what arrives later,
  // such as a seller's chat message, is still read and judged as on any other site.
  checkAddress()
    .then(() => whenParsed(() => (readPage ? queuePageCheck() : Promise.resolve()).finally(watchForNewText)))
    .catch((error) => {
      // The engine could not judge the address: the badge says protection is off here.
      console.warn('Wary could not check this address:', error);
      api.runtime.sendMessage({ type: 'tab/failed' }).catch(() => {});
    });
})();
