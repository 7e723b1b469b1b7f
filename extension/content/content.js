// Wary's content script: judges the page's address, then the page itself (its visible text,
// links and forms), and draws the warning bar at the top of the page when the verdict is
// caution or danger.
//
// Order of work: the address is judged at document_start (`verdict/url`), and the engine's
// answer says what to do: warn at once (`warn_now`: the host itself borrows a brand's name),
// and whether to read the page once the DOM is parsed (`read_page`: not on a brand's verified
// real site, whose page is its own). Reading the page means gathering bounded facts about it
// and having them judged (a cloned storefront, a link whose text shows another site, a
// seller's request to pay outside the platform); it runs in slices of idle time of at most
// SLICE_MS, so that only the address check and the bar take the page's main thread at once
// (issue 16's budget: 10 ms for those, 5 ms a slice; benches/browser.mjs). Chat widgets and single-page apps add text
// later, so a MutationObserver re-checks the page (on verified sites too), at most once every
// RECHECK_MS and only when text was added, and the engine is not asked again when the facts
// did not change.
//
// On a brand's verified real site (a marketplace, a payment site) the page is the platform's
// own, but others write on it: a seller's messages, order notes, reviews, questions and
// answers, a listing's description. Only those words are read there (see "Others' words"
// below): the parts found by generic signals at load, read in idle slices after first paint,
// and the text added later; never the platform's own chrome (its buttons, menus, header and
// footer, such as its own "Confirm received" button). On a real marketplace the item page is
// also read as a listing (see "A listing on a real marketplace" below): its title, price and
// store facts, for the engine's buying tips, drawn as a calm card, never as the bar.
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
  //
  // Reading a page is a chain of generators run by inIdleSlices (below): each yields after a
  // step small enough that a slice of idle time stops within about SLICE_MS, and the facts
  // come out the same as read in one go. On the heavy page of benches/browser.mjs (1 MB, 2,000
  // links) reading it whole held the main thread 30-45 ms in one task: the links 8-16 ms, the
  // text walk 3-8 ms, the forms 2-15 ms, their JSON 5-10 ms.

  const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION']);
  const STEP_NODES = 100; // text nodes, links or inputs read between two looks at the clock

  /** Generator: the page's text in document order, up to `limits.text` characters: a walk over text nodes, no layout. */
  function* visibleText() {
    const root = document.body ?? document.documentElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (NO_TEXT.has(node.parentNode?.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const parts = [];
    let size = 0;
    let count = 0;
    for (let node = walker.nextNode(); node && size < limits.text; node = walker.nextNode()) {
      if (++count % STEP_NODES === 0) yield;
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
   * Generator: links to other sites; the page's own links cannot imitate the page. A relative
   * link (`/item/1`, `page.html`) is the page's own and is skipped from its attribute alone,
   * without resolving it; unless a <base> points elsewhere, then every link is resolved.
   */
  function* pageLinks(candidates = document.links) {
    const links = [];
    const own = `${location.protocol}//${location.host}`; // a link to this host starts so, then / ? # or ends
    const baseIsOwn = document.baseURI.startsWith(`${own}/`);
    let count = 0;
    for (const link of candidates) {
      if (links.length === limits.links) break;
      if (++count % (STEP_NODES / 2) === 0) yield; // a link's text costs more than a text node
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

  /** Generator: the forms, and the fields outside any form when they ask for a password or a card. */
  function* pageForms() {
    const forms = [];
    let count = 0;
    for (const form of document.forms) {
      if (forms.length === limits.forms) break;
      if (++count % (STEP_NODES / 10) === 0) yield;
      forms.push(describeInputs(form.querySelectorAll('input'), actionOf(form)));
    }
    // Checkouts driven by scripts keep their fields outside any form: they post to the page.
    const loose = [];
    for (const input of document.getElementsByTagName('input')) {
      if (++count % STEP_NODES === 0) yield;
      if (!input.form) loose.push(input);
    }
    const outside = describeInputs(loose, location.href);
    if (forms.length < limits.forms && (outside.has_password || outside.has_card)) forms.push(outside);
    return forms;
  }

  /** Generator: the text of the first `h1`s, then `h2`s. */
  function* pageHeadings() {
    const found = [...document.querySelectorAll('h1'), ...document.querySelectorAll('h2')].slice(0, limits.sent_headings);
    const headings = [];
    for (const [i, heading] of found.entries()) {
      if (i % (STEP_NODES / 10) === STEP_NODES / 10 - 1) yield;
      const text = shortText(heading);
      if (text) headings.push(text);
    }
    return headings;
  }

  /**
   * Generator: `JSON.stringify(facts)` (`url`, `title`, `text`, `headings`, `links`, `forms`),
   * the same text, made a few hundred links at a time: 2,000 links and 200 KB of text take
   * 5-10 ms to write at once.
   */
  function* factsJson({ url, title, text, headings, links, forms }) {
    const head = JSON.stringify({ url, title, text, headings });
    const parts = [head.slice(0, -1), ',"links":['];
    yield;
    for (let i = 0; i < links.length; i += STEP_NODES) {
      parts.push(`${i ? ',' : ''}${JSON.stringify(links.slice(i, i + STEP_NODES)).slice(1, -1)}`);
      yield;
    }
    parts.push('],"forms":', JSON.stringify(forms), '}');
    return parts.join('');
  }

  /** Generator: the page's facts as the JSON text that is compared and sent (see checkPage). */
  function* gatherFacts() {
    const title = document.title.slice(0, limits.sent_title_chars);
    const text = yield* visibleText();
    const headings = yield* pageHeadings();
    const links = yield* pageLinks();
    const forms = yield* pageForms();
    return yield* factsJson({ url: location.href, title, text, headings, links, forms });
  }

  // ---- others' words on a brand's real site ---------------------------------------------
  //
  // Where other people's words appear on a platform's page, by generic signals first: a chat
  // log or feed, a live region (new messages are announced), an article (a review, a post),
  // schema.org review and answer bodies; the surroundings of a reply box; and lists of
  // repeated blocks whose names say message, chat, comment, review, question or answer.
  // Inside them the platform's own chrome is skipped. The engine decides what the words mean;
  // this only finds and reads them, in slices of at most SLICE_MS of idle time.
  // A listing's description is the seller's words too: schema.org's, and the containers named
  // so (`#product-description`, `#productDescription`, `.x-item-description`). The engine
  // reads a gift card there as the product, not as a request to pay with one, unless the
  // seller asks for it.

  const OTHERS_AREAS = [
    '[role="log"]', '[role="feed"]', '[role="article"]', 'article',
    '[aria-live="polite"]', '[aria-live="assertive"]',
    '[itemprop="reviewBody"]', '[itemprop="text"]',
    '[itemprop="description"]', '[id*="description" i]', '[class*="description" i]',
  ].join(', ');
  const REPLY_BOX = 'textarea, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';
  // The platform's own words inside those areas: controls, menus, banners, notices, forms.
  const PLATFORM_CHROME = [
    'button', '[role="button"]', '[role="menu"]', '[role="menubar"]', '[role="toolbar"]', '[role="tablist"]',
    'nav', '[role="navigation"]', 'header', '[role="banner"]', 'footer', '[role="contentinfo"]',
    'label', 'select', 'input', REPLY_BOX, UNSEEN,
  ].join(', ');
  // Names of message-like blocks, in class names and ids across sites.
  const MESSAGE_NAMES = /message|msg|chat|convers|comment|review|question|answer|reply|bubble|feedback|note/i;
  const SLICE_MS = 4; // the longest slice of idle time reading takes: under issue 16's 5 ms, as a step may take longer than those before it
  const MIN_REPEATS = 2; // blocks of the same kind that make a list of messages
  const MAX_AREAS = 200;
  const MAX_REPLY_BOXES = 5;
  const REPLY_BOX_REACH = 5; // ancestors of a reply box searched for its conversation
  const MAX_REPLY_BOX_SEARCH = 500; // elements looked at inside each of them
  const MAX_ELEMENTS_SCANNED = 30_000; // elements looked at for repeated blocks on one page
  const MAX_ADDED = 200; // nodes added after load kept to read

  // Firefox gives content scripts requestIdleCallback too; a zero timeout stands in where a
  // browser does not (each step then still stops after SLICE_MS).
  const whenIdle = typeof globalThis.requestIdleCallback === 'function'
    ? (work) => globalThis.requestIdleCallback(work, { timeout: 2_000 })
    : (work) => setTimeout(() => work({ timeRemaining: () => SLICE_MS }), 0);

  /**
   * Runs the generator `steps` in idle slices of at most SLICE_MS; resolves to what it returns.
   * A slice stops when the longest step it took would no longer fit, so it ends within
   * SLICE_MS unless one step alone takes longer.
   */
  function inIdleSlices(steps) {
    return new Promise((resolve, reject) => {
      const slice = (deadline) => {
        const started = performance.now();
        // The deadline is fixed when the slice starts: asked once (each call is a call into the browser).
        const budget = Math.min(SLICE_MS, deadline.timeRemaining());
        let stepped = started;
        let longest = 0;
        try {
          for (;;) {
            const { done, value } = steps.next();
            if (done) return resolve(value);
            const now = performance.now();
            longest = Math.max(longest, now - stepped);
            stepped = now;
            if (now - started + longest > budget) break;
          }
        } catch (error) {
          return reject(error);
        }
        whenIdle(slice);
      };
      whenIdle(slice);
    });
  }

  /**
   * A list of messages: at least MIN_REPEATS blocks, where the list is named like messages
   * (`chat-content`), or MIN_REPEATS of its blocks share a tag and first class named so
   * (`div.message-card`).
   */
  function isMessageList(element) {
    if (element.childElementCount < MIN_REPEATS) return false;
    if (MESSAGE_NAMES.test(`${element.id} ${element.getAttribute('class') ?? ''}`)) return true;
    const kinds = new Map();
    for (const child of element.children) {
      const kind = `${child.tagName}.${(child.getAttribute('class') ?? '').trim().split(/\s+/)[0]}`;
      const count = (kinds.get(kind) ?? 0) + 1;
      if (count >= MIN_REPEATS && MESSAGE_NAMES.test(kind)) return true;
      kinds.set(kind, count);
    }
    return false;
  }

  /** The conversation a reply box answers: its nearest ancestor that holds a message list. */
  function replyBoxSurroundings(box) {
    let at = box.parentElement;
    for (let up = 0; at && at !== document.body && up < REPLY_BOX_REACH; up++, at = at.parentElement) {
      if (isMessageList(at)) return at;
      const inside = at.getElementsByTagName('*');
      for (let i = 0; i < inside.length && i < MAX_REPLY_BOX_SEARCH; i++) if (isMessageList(inside[i])) return inside[i];
    }
    return null;
  }

  /** Generator: the areas of the page where others' words appear (see above), into `found`. */
  function* findOthersAreas(found) {
    const root = document.body;
    if (!root) return;
    for (const area of root.querySelectorAll(OTHERS_AREAS)) if (found.size < MAX_AREAS) found.add(area);
    yield;
    for (const box of [...root.querySelectorAll(REPLY_BOX)].slice(0, MAX_REPLY_BOXES)) {
      const around = replyBoxSurroundings(box);
      if (around && found.size < MAX_AREAS) found.add(around);
      yield;
    }
    const all = root.getElementsByTagName('*');
    for (let i = 0; i < all.length && i < MAX_ELEMENTS_SCANNED && found.size < MAX_AREAS; i++) {
      if (isMessageList(all[i])) found.add(all[i]);
      if (i % 200 === 199) yield;
    }
  }

  /**
   * Generator: the words in `roots` (elements or text nodes), less the platform's chrome, up to
   * `limits.text` characters, and the links among them; each root's words on lines of their own.
   */
  function* readWords(roots) {
    const parts = [];
    const links = [];
    let size = 0;
    const skip = (node) => NO_TEXT.has(node.nodeName) || node.matches(PLATFORM_CHROME);
    for (const root of roots) {
      if (size >= limits.text) break;
      if (root.nodeType === Node.TEXT_NODE) {
        const text = root.nodeValue.trim();
        if (text && !(root.parentElement && (skip(root.parentElement) || root.parentElement.closest(PLATFORM_CHROME)))) parts.push(text);
        size += text.length + 1;
        continue;
      }
      if (skip(root) || root.parentElement?.closest(PLATFORM_CHROME)) continue;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.nodeType === Node.ELEMENT_NODE && skip(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      let count = 0;
      for (let node = walker.nextNode(); node && size < limits.text; node = walker.nextNode()) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.nodeName === 'A' && links.length < limits.links) links.push(node);
        } else {
          const text = node.nodeValue.trim();
          if (text) {
            parts.push(text);
            size += text.length + 1;
          }
        }
        if (++count % 100 === 0) yield;
      }
      parts.push(''); // a blank line between one root's words and the next's
      yield;
    }
    return { text: parts.join('\n').trim().slice(0, limits.text), links };
  }

  const foundAreas = new Set(); // the areas of others' words found at load
  let areasSearched = null; // the promise of that search, made once
  const addedNodes = []; // nodes added after load, on a verified site: others' words too

  /** `roots` less those inside another one of them and those no longer on the page. */
  function outermost(roots) {
    const live = [...new Set(roots)].filter((root) => root.isConnected);
    // One pass in document order, where each root's descendants follow it: a root is kept
    // unless it is inside the last one kept (comparing every pair cost 16 ms for 500 roots).
    const inOrder = [...live].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const kept = new Set();
    let last = null;
    for (const root of inOrder) {
      if (last?.contains(root)) continue;
      kept.add(root);
      last = root;
    }
    return live.filter((root) => kept.has(root));
  }

  /** Generator: the JSON facts of others' words in `roots`, with the links among them; null when they hold no words. */
  function* othersWords(roots) {
    const { text, links } = yield* readWords(roots);
    if (!text) return null;
    return yield* factsJson({ url: location.href, title: '', text, headings: [], links: yield* pageLinks(links), forms: [] });
  }

  /**
   * The facts of a verified site, as JSON text: only others' words (the areas found at load and
   * what was added since), with the links among them; null when there are none.
   */
  async function othersFacts() {
    areasSearched ??= inIdleSlices(findOthersAreas(foundAreas));
    await areasSearched;
    const roots = outermost([...foundAreas, ...addedNodes]);
    if (roots.length === 0) return null;
    return inIdleSlices(othersWords(roots));
  }

  // ---- the bar --------------------------------------------------------------------------
  //
  // The user's settings are applied by the worker and its engine (sensitivity: the verdict's
  // level is the one to show) or arrive with its answer (on-page scanning): this script reads
  // no settings itself.

  const { RANK, drawBar, drawPanel, useWords, BAR_WORDS } = globalThis.waryUi;

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

  // ---- a listing on a real marketplace --------------------------------------------------
  //
  // On a brand's real marketplace (the engine says so: `read_listing`) an item page is read as
  // a listing, once it is parsed and again when text is added (item pages are drawn by
  // scripts), until one is found: the product's name, its price and the usual price it gives,
  // and the words near its store or seller (how long it has been open, how much it sold, its
  // feedback). A few selector look-ups, each field within `limits.sent_listing_chars`. The
  // engine answers with buying tips (`verdict/listing`): a calm card, dismissible for this
  // visit or for the site (the worker remembers that), never a bar, and the verdict's level
  // stays what it was.

  const PRICE = '[itemprop="price"], meta[property="product:price:amount"], meta[property="og:price:amount"]';
  const CURRENCY = '[itemprop="priceCurrency"], meta[property="product:price:currency"], meta[property="og:price:currency"]';
  const PRICE_NAMED = '[class*="price" i], [id*="price" i], [data-testid*="price" i]';
  const USUAL_PRICE = /orig|old|was|strike|list|before|regular|del/i; // a struck-through price's names
  const STORE_NAMED = [
    '[itemprop="seller"]', '[class*="store" i]', '[id*="store" i]', '[class*="seller" i]', '[id*="seller" i]',
    '[class*="shop-" i]', '[class*="merchant" i]', '[id*="merchant" i]', '[class*="sold" i]', '[class*="trade" i]',
    '[data-testid*="store" i]', '[data-testid*="seller" i]',
  ].join(', ');
  const MONEY = /\d/; // a visible price has a digit, with its currency beside it
  const MAX_PRICE_ELEMENTS = 200;
  const MAX_STORE_ELEMENTS = 12;
  const MAX_LISTING_LINE = 200;

  let tip = null; // the tip card on screen
  let tipsDone = false; // a listing was judged, or the user closed or quieted its tip

  /** What `node` says: its `content` attribute for <meta> and schema.org props, else its seen text, on one line. */
  function said(node, max = limits.sent_listing_chars) {
    const value = node.tagName === 'META' || (node.hasAttribute('content') && node.hasAttribute('itemprop'))
      ? node.getAttribute('content') ?? ''
      : seenText(node);
    return value.slice(0, 4 * max).replace(/\s+/g, ' ').trim().slice(0, max);
  }

  /** The words of `node` line by line (a line per text node), within `max` characters. */
  function linesOf(node, max) {
    const lines = [];
    let size = 0;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && size < max; n = walker.nextNode()) {
      const text = n.nodeValue.replace(/\s+/g, ' ').trim().slice(0, MAX_LISTING_LINE);
      if (!text || NO_TEXT.has(n.parentNode?.nodeName)) continue;
      lines.push(text);
      size += text.length + 1;
    }
    return lines.join('\n').slice(0, max);
  }

  /** The listing's price and the usual price it gives, as shown: schema.org and Open Graph first, else the visible ones. */
  function listingPrices() {
    const marked = document.querySelector(PRICE);
    const shown = [...document.querySelectorAll(PRICE_NAMED)].slice(0, MAX_PRICE_ELEMENTS)
      .filter((node) => node.childElementCount <= 3 && MONEY.test(node.textContent ?? ''));
    const usualNode = shown.find((node) => USUAL_PRICE.test(`${node.id} ${node.getAttribute('class') ?? ''}`) || node.closest('del, s, strike'))
      ?? document.querySelector(`:is(${PRICE_NAMED}) :is(del, s, strike)`);
    const priceNode = marked ?? shown.find((node) => node !== usualNode && !usualNode?.contains(node) && !node.contains(usualNode));
    return { price: priceNode ? said(priceNode) : '', usual_price: usualNode ? said(usualNode) : '' };
  }

  /** The words near the page's store or seller: its age, sales, feedback, on lines of their own. */
  function storeWords() {
    const max = limits.sent_listing_chars;
    const found = outermost([...document.querySelectorAll(STORE_NAMED)].slice(0, 500)).slice(0, MAX_STORE_ELEMENTS);
    const parts = [];
    let size = 0;
    for (const node of found) {
      if (size >= max || node.closest('header, nav, footer, [role="banner"], [role="navigation"]')) continue;
      const lines = linesOf(node, max - size);
      if (lines) parts.push(lines);
      size += lines.length + 1;
    }
    return parts.join('\n').slice(0, max);
  }

  /** The listing's facts (see above), or null where the page shows no product and price. */
  function gatherListing() {
    const title = document.querySelector('h1') ?? document.querySelector('[itemprop="name"], meta[property="og:title"]');
    const { price, usual_price } = listingPrices();
    if (!title || !price) return null;
    const currency = document.querySelector(CURRENCY);
    return {
      url: location.href.slice(0, limits.sent_listing_chars),
      title: said(title),
      price,
      currency: currency ? said(currency, 8) : '',
      usual_price,
      store: storeWords(),
      today: new Date().toISOString().slice(0, 10),
    };
  }

  const tipActions = {
    close() {
      tipsDone = true;
      tip?.remove();
      tip = null;
    },
    async quiet() {
      // The worker remembers this frame's own site (it reads it from the sender, not from us).
      const answer = await api.runtime.sendMessage({ type: 'tips/quiet' });
      if (!answer?.ok) return console.warn('Wary could not remember this:', answer?.error);
      tipActions.close();
    },
  };

  let lastListing = '';

  /** Reads the page as a listing and shows the engine's tips for it, until one was judged. */
  async function checkListing() {
    if (!readListing || !scanning || !limits || tipsDone) return;
    const listing = gatherListing();
    if (!listing) return; // not an item page, or not drawn yet: tried again when text is added
    const key = JSON.stringify({ ...listing, today: '' });
    if (key === lastListing) return;
    lastListing = key;
    const { tips } = await ask({ type: 'verdict/listing', listing });
    if (!Array.isArray(tips) || tips.length === 0 || tipsDone) return;
    tipsDone = true;
    tip = globalThis.waryUi.drawTip(tips, tipActions);
  }

  /** checkListing in idle time, its errors reported and not thrown. */
  function queueListingCheck() {
    if (!readListing || tipsDone) return;
    whenIdle(() => checkListing().catch((error) => console.warn('Wary could not read this listing:', error)));
  }

  // ---- when to check --------------------------------------------------------------------

  /**
   * The address's verdict, and with it the page-facts contract and what the engine says to do:
   * a host that borrows a brand's name is warned about at once (`warn_now`); anything else
   * waits for the page's own verdict, which includes the address's reasons; the page is read
   * at load unless it is a brand's verified real site (`read_page`).
   */
  async function checkAddress() {
    const answer = await ask({ type: 'verdict/url', url: location.href, words: BAR_WORDS });
    if (!limits) cardWords = new RegExp(answer.limits.card_field_pattern, 'i');
    useWords(answer.words);
    limits = answer.limits;
    scanning = answer.scanning !== false;
    readPage = answer.read_page === true;
    readListing = answer.read_listing === true;
    addressVerdict = answer.verdict;
    if (answer.warn_now) show(answer.verdict, 'url');
  }

  let addressVerdict = null; // shown as it is if the page itself cannot be judged
  let scanning = true; // the user wants pages read (the worker says, with the address)
  let readPage = false; // the engine says to read this page at load (with the address)
  let readListing = false; // the engine says to read this page as a listing (a real marketplace)

  let lastFacts = ''; // the facts last judged, so an unchanged page is not judged again

  async function checkPage() {
    if (!scanning || !limits) return; // on-page scanning is off, or the address could not be judged
    // The facts as JSON text: what is compared with the last check, and what is sent (a string
    // crosses to the worker without a second serialisation of 2,000 links). Read in idle slices.
    const facts = readPage ? await inIdleSlices(gatherFacts()) : await othersFacts();
    if (!facts) return; // a verified site where nobody else has written anything (yet)
    if (facts === lastFacts) return;
    lastFacts = facts;
    const { verdict } = await inIdleSlices(sendFacts(facts));
    if (!verdict) return; // scanning was turned off meanwhile
    show(verdict);
  }

  // The browser writes a message out as JSON once more and copies it to the worker: 5-11 ms
  // for the heavy page's 336 KB of facts in one message. Long facts go in parts of PART_CHARS,
  // one an idle step (`verdict/part`), and the last part asks for the verdict.
  const PART_CHARS = 32_768;

  /** Generator: sends `facts` (JSON text) in parts; returns the promise of the worker's answer. */
  function* sendFacts(facts) {
    const parts = Math.ceil(facts.length / PART_CHARS) - 1; // those before the last
    for (let part = 0; part < parts; part++) {
      api.runtime.sendMessage({ type: 'verdict/part', part, facts: facts.slice(part * PART_CHARS, (part + 1) * PART_CHARS) })
        .catch(() => {}); // a lost part makes the worker refuse the last, which is reported
      yield;
    }
    return ask({ type: 'verdict/page', parts, facts: facts.slice(parts * PART_CHARS) });
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

  /** On a verified site, the nodes with text that `mutations` added: others' words (the newest MAX_ADDED). */
  function keepAdded(mutations) {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        const text = node.nodeType === Node.TEXT_NODE || (node.nodeType === Node.ELEMENT_NODE && !NO_TEXT.has(node.nodeName));
        if (text && node.textContent.trim()) addedNodes.push(node);
      }
    }
    if (addedNodes.length > MAX_ADDED) addedNodes.splice(0, addedNodes.length - MAX_ADDED);
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
      queueListingCheck();
    };
    const observer = new MutationObserver((mutations) => {
      if (!readPage) keepAdded(mutations);
      if (timer || !mutations.some(addsText)) return;
      timer = setTimeout(run, Math.max(0, lastRun + RECHECK_MS - Date.now()));
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  }

  function whenParsed(then) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then, { once: true });
    else then();
  }

  // Once the page is parsed it is read in idle slices (inIdleSlices), after the page's own
  // first paint; text added meanwhile or later is watched from then on, so none is missed.
  // Where the engine says not to read the page at load (a brand's verified real site, whose
  // page is its own; on a heavy page reading it is most of Wary's cost), only others' words
  // are read: those already on the page, and what arrives later, such as a seller's chat
  // message.
  checkAddress()
    .then(() => whenParsed(() => {
      watchForNewText();
      queueListingCheck();
      return queuePageCheck();
    }))
    .catch((error) => {
      // The engine could not judge the address: the badge says protection is off here.
      console.warn('Wary could not check this address:', error);
      api.runtime.sendMessage({ type: 'tab/failed' }).catch(() => {});
    });
})();
