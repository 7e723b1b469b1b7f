// What Wary draws on a page: the warning bar at the top, the small verdict panel of the
// right-click checks, and the buying-tip card on a real marketplace's listing. Each lives in a
// closed shadow root, so neither the page's CSS nor its
// scripts can reach them; everything from a page, a link or the engine is set as text.
//
// A classic script (content scripts cannot be modules) that runs before content.js in the
// same isolated world and leaves one object there, `waryUi`; pages cannot see it.
globalThis.waryUi = (() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  // The bar's words arrive with the address's verdict, from the worker's i18n (useWords): on
  // a page, the first i18n call has the browser send the whole message bundle, synchronously,
  // 3-6 ms on the heavy page of benches/browser.mjs, on the way to the bar's first paint.
  const BAR_WORDS = ['barLabel', 'barLevelCaution', 'barLevelDanger', 'barFallback', 'barGoReal', 'barGoRealLabel',
    'barWhy', 'barTrust', 'barDismiss', 'barDismissLabel', 'barCollapse', 'barExpand', 'evidence'];
  let words = {}; // key -> message, its $1…$9 left to fill in

  /** Keeps `given` (key -> message, from the worker) as the words to say; anything else is ignored. */
  function useWords(given) {
    if (typeof given !== 'object' || given === null) return;
    words = Object.fromEntries(BAR_WORDS.filter((key) => typeof given[key] === 'string' && given[key]).map((key) => [key, given[key]]));
  }

  /** The message `key` with `subs` for $1…$9, in the browser's language; the key itself when a locale lacks it. */
  const t = (key, ...subs) => (Object.hasOwn(words, key)
    ? words[key].replace(/\$([1-9])/g, (all, n) => (n <= subs.length ? String(subs[n - 1]) : all))
    : api.i18n.getMessage(key, subs.map(String)) || key);

  const RANK = { safe: 0, info: 0, caution: 1, danger: 2 };

  // Colours pass WCAG AA (4.5:1) for white text on light pages and for light text on the
  // dark variants. The slide-in runs only for users who have not asked for reduced motion;
  // the bar overlays the page (position: fixed), so the page's own layout never shifts.
  const STYLE = `
    /* !important: in the cascade, an important declaration of the shadow tree beats the page's,
       even its !important rules and inline styles (\`html > * { display: none !important }\`,
       \`all: unset\`, a lower z-index), so the page's CSS cannot hide, move or fade the host. */
    :host { all: initial !important; display: block !important; position: fixed !important; top: 0 !important;
            left: 0 !important; right: 0 !important; z-index: 2147483647 !important; pointer-events: none !important; }
    .bar, .panel { pointer-events: auto; } /* the host spans the width; a collapsed bar must not block the page under it */
    .bar { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #fff;
           box-shadow: 0 2px 8px rgba(0, 0, 0, .35); box-sizing: border-box; padding: 10px 16px;
           max-height: 70vh; overflow: auto; }
    .bar.danger { --level-bg: #b3261e; background: var(--level-bg); }
    .bar.caution { --level-bg: #8a5300; background: var(--level-bg); }
    .row { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
    .icon { width: 24px; height: 24px; flex: none; }
    .icon .mark { fill: var(--level-bg); }
    .text { flex: 1 1 320px; min-width: 0; }
    .level { font-weight: 700; margin-right: 6px; }
    .buttons { display: flex; gap: 8px; flex-wrap: wrap; }
    button { font: inherit; font-size: 14px; font-weight: 600; border-radius: 6px; padding: 6px 12px; cursor: pointer;
             border: 1px solid currentColor; background: transparent; color: inherit; }
    button.primary { background: #fff; color: #1d1b20; border-color: #fff; }
    button:focus-visible { outline: 3px solid #ffd54f; outline-offset: 2px; }
    .details { margin: 8px 0 2px 32px; font-size: 14px; }
    .details ul { margin: 4px 0; padding-left: 18px; }
    .details li { margin: 3px 0; }
    .evidence { font-family: ui-monospace, monospace; background: rgba(0, 0, 0, .25); padding: 0 4px; border-radius: 3px;
                overflow-wrap: anywhere; }
    .advice { margin: 6px 0 0; font-weight: 600; }
    .collapsed .text, .collapsed .buttons > :not(.expand), .collapsed .details { display: none; }
    .collapsed { width: max-content; margin-left: auto; padding: 4px 10px; border-radius: 0 0 0 8px; }
    .expand { display: none; }
    .collapsed .expand { display: inline-block; }
    @media (prefers-color-scheme: dark) {
      .bar.danger { --level-bg: #601410; color: #ffdad6; }
      .bar.caution { --level-bg: #4a2800; color: #ffddb3; }
      button.primary { background: #ffdad6; color: #410002; border-color: #ffdad6; }
      .bar.caution button.primary { background: #ffddb3; color: #2a1700; border-color: #ffddb3; }
    }
    @media (prefers-reduced-motion: no-preference) {
      .bar.enter { animation: wary-in .18s ease-out; }
      @keyframes wary-in { from { transform: translateY(-100%); } to { transform: none; } }
    }
    .panel { position: fixed; right: 16px; bottom: 16px; width: min(380px, calc(100vw - 32px)); border-radius: 10px;
             font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; box-shadow: 0 4px 16px rgba(0, 0, 0, .4);
             background: #fff; color: #1d1b20; border-top: 6px solid #1e7d32; padding: 12px 14px; box-sizing: border-box;
             max-height: calc(100vh - 32px); overflow: auto; }
    .panel.caution { border-top-color: #8a5300; }
    .panel.danger { border-top-color: #b3261e; }
    .panel .evidence { background: rgba(127, 127, 127, .18); }
    .panel h2 { font-size: 15px; margin: 0 0 4px; display: flex; align-items: center; gap: 6px; }
    .panel .icon { width: 20px; height: 20px; }
    .panel.caution .icon { color: #8a5300; } .panel.danger .icon { color: #b3261e; }
    .panel .icon .mark { fill: #fff; }
    .panel .subject { font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; color: #5f5b66; margin: 0 0 6px; }
    .panel .close { float: right; }
    .panel button:focus-visible { outline-color: #3f51b5; }
    @media (prefers-color-scheme: dark) {
      .panel { background: #1d1b20; color: #e6e1e9; }
      .panel .subject { color: #b0abb8; }
    }
  `;

  // The buying tip: advice on a real marketplace, not a warning, so nothing of the bar's alarm
  // colours or icons: a calm blue-grey card at the bottom left, an "i" in a circle. Colours pass
  // WCAG AA in light and dark mode.
  const TIP_STYLE = `
    :host { all: initial !important; display: block !important; position: fixed !important; left: 16px !important;
            bottom: 16px !important; top: auto !important; right: auto !important; z-index: 2147483647 !important;
            pointer-events: none !important; }
    .tip { pointer-events: auto; box-sizing: border-box; width: min(400px, calc(100vw - 32px)); max-height: 50vh; overflow: auto;
           font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b2a3a; background: #eef4fa;
           border: 1px solid #b7cbe0; border-left: 6px solid #2f5f8f; border-radius: 8px; padding: 10px 12px;
           box-shadow: 0 2px 10px rgba(0, 0, 0, .18); }
    .head { display: flex; align-items: flex-start; gap: 8px; }
    .icon { width: 20px; height: 20px; flex: none; color: #2f5f8f; }
    .title { font-weight: 700; margin-right: 4px; }
    ul { margin: 6px 0 0; padding-left: 18px; }
    li { margin: 3px 0; }
    .evidence { font-family: ui-monospace, monospace; font-size: 12px; background: rgba(47, 95, 143, .12); padding: 0 4px;
                border-radius: 3px; overflow-wrap: anywhere; }
    .buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 8px; flex-wrap: wrap; }
    button { font: inherit; font-size: 13px; font-weight: 600; border-radius: 6px; padding: 4px 10px; cursor: pointer;
             border: 1px solid #2f5f8f; background: transparent; color: #1f4a73; }
    button:focus-visible { outline: 3px solid #2f5f8f; outline-offset: 2px; }
    @media (prefers-color-scheme: dark) {
      .tip { color: #dbe6f2; background: #1c2733; border-color: #3a526b; border-left-color: #8db4dc; }
      .icon { color: #8db4dc; }
      .evidence { background: rgba(141, 180, 220, .16); }
      button { color: #cfe0f1; border-color: #8db4dc; }
      button:focus-visible { outline-color: #8db4dc; }
    }
  `;

  function element(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key.startsWith('aria-') || key === 'role') node.setAttribute(key, value);
      else node[key] = value;
    }
    node.append(...children);
    return node;
  }

  /** The reasons worth saying, strongest first, in the engine's words (full sentences). */
  function said(verdict) {
    return verdict.reasons.filter((r) => r.severity !== 'info').sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  }

  /** The bar's sentence: the reason the engine chose to say first, as the badge and the popup do. */
  function headlineOf(verdict) {
    return verdict.reasons[verdict.headline]?.message ?? t('barFallback');
  }

  /** The reasons as a list, each with its evidence, and the advice. */
  function reasonList(verdict) {
    const reasons = said(verdict).length ? said(verdict) : verdict.reasons;
    const list = element('ul', {}, reasons.map((reason) => {
      const item = element('li', {}, [reason.message]);
      if (reason.evidence) item.append(' ', element('span', { className: 'evidence', title: t('evidence') }, [reason.evidence]));
      return item;
    }));
    return [list, element('p', { className: 'advice' }, [verdict.advice])];
  }

  const SVG = 'http://www.w3.org/2000/svg';
  const SHAPES = {
    caution: 'M12 2 1 21h22z', // a warning triangle
    danger: 'M8 2h8l6 6v8l-6 6H8l-6-6V8z', // a stop octagon
  };

  /** The level's icon drawn as SVG: emoji fonts are missing on many systems. */
  function icon(level) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('class', 'icon');
    svg.setAttribute('aria-hidden', 'true');
    const shape = document.createElementNS(SVG, 'path');
    shape.setAttribute('d', SHAPES[level] ?? SHAPES.caution);
    shape.setAttribute('fill', 'currentColor');
    const mark = document.createElementNS(SVG, 'path');
    mark.setAttribute('d', level === 'danger' ? 'M11 6h2v8h-2zm0 10h2v2h-2z' : 'M11 9h2v6h-2zm0 8h2v2h-2z');
    mark.setAttribute('class', 'mark');
    svg.append(shape, mark);
    return svg;
  }

  function shadowHost(attributes, style = STYLE) {
    // A plain div as host: a page cannot pre-define its behaviour as it could a custom element.
    const host = document.createElement('div');
    for (const [name, value] of Object.entries(attributes)) if (value) host.setAttribute(name, value);
    // A manual popover, shown, sits in the browser's top layer: above everything the page
    // draws, whatever its z-index (keepOnPage shows it again if the page hides it).
    if (typeof host.showPopover === 'function') host.setAttribute('popover', 'manual');
    const shadow = host.attachShadow({ mode: 'closed' });
    shadow.append(element('style', { textContent: style }));
    roots.set(host, shadow);
    return { host, shadow };
  }

  /** True for a real user's click or key press, not one a page script made up. */
  const byUser = (event) => event.isTrusted;

  // ---- the user's clicks and keys reach Wary, not the page ------------------------------
  //
  // Every event travels from the window down to its target, and a page can listen on the
  // window in the capture phase, first in line, and stop a real click before it reaches the
  // bar's buttons ("Take me to the real site" would then do nothing). Listeners on one target
  // run in the order they were added, and this script runs at document_start, before any of
  // the page's, so Wary's window listeners below come first: a real event inside one of
  // Wary's hosts is stopped there, so the page never sees it, and handed to the button it was
  // meant for (by where the pointer is, or which button has focus for a key's click).
  const roots = new Map(); // host -> its closed shadow root
  const keyHandlers = new WeakMap(); // host -> keydown handler (the panel's Escape)
  const INPUT_EVENTS = ['click', 'keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'dblclick', 'contextmenu'];

  function ownInput(event) {
    if (!event.isTrusted) return;
    const host = event.composedPath().find((node) => roots.has(node));
    if (!host) return;
    event.stopImmediatePropagation();
    const shadow = roots.get(host);
    if (event.type === 'keydown') keyHandlers.get(host)?.(event);
    if (event.type !== 'click') return;
    // A click made from the keyboard (Enter, Space) has no pointer position (detail 0).
    const at = event.detail === 0 ? shadow.activeElement : shadow.elementFromPoint(event.clientX, event.clientY);
    at?.closest('button')?.onclick?.(event);
  }
  for (const type of INPUT_EVENTS) window.addEventListener(type, ownInput, true);

  // ---- keeping the bar on the page ------------------------------------------------------
  //
  // The page owns the document the bar's host element sits in, so it can remove the host, move
  // it into a hidden container, set attributes on it (hidden, inert, style), cover it, or hide
  // its popover. The host is a popover in the top layer, above anything the page draws. Its
  // CSS cannot reach past the !important :host rules above, and its scripts cannot reach into
  // the closed shadow root, but those DOM changes it can make. A MutationObserver in this
  // isolated world (the page's patches of MutationObserver, appendChild or attachShadow live in
  // the page's world, not this one) watches the document's top level, the host's attributes
  // and its popover state, and puts the host back as it was drawn. Nothing below <body> is watched, so a page that
  // floods its own DOM with mutations costs the guard nothing.
  //
  // A page that removes the host again each time it is put back would make this a loop that
  // never yields, so repairs are rationed: a burst of REPAIR_BURST at once, then REPAIR_PER_S
  // a second (a token bucket); the toolbar badge keeps the warning meanwhile.
  const REPAIR_BURST = 10;
  const REPAIR_PER_S = 4;
  const RAISE_WITHIN_MS = 500; // the longest wait for idle time before the host is raised

  const whenIdle = typeof globalThis.requestIdleCallback === 'function'
    ? (work) => globalThis.requestIdleCallback(work, { timeout: RAISE_WITHIN_MS })
    : (work) => setTimeout(work, 0);

  /**
   * Keeps `host` a child of <html> (first or last, per `place`) with its attributes as now;
   * returns `{release(), set(name, value)}`, `set` changing one of those attributes itself.
   */
  function keepOnPage(host, place) {
    const attributes = [...host.attributes].map(({ name, value }) => [name, value]);
    let tokens = REPAIR_BURST;
    let filled = performance.now();
    let timer = null;
    let watchedRoot = null;
    // Raised into the top layer once the page is idle, not at once: showPopover() has Chromium
    // bring the whole page's style up to date there and then (the popover's focusing steps),
    // 1-21 ms on the heavy page of benches/browser.mjs while it is being parsed. Until then the
    // host stands first in <html>, fixed at the top with the highest z-index.
    let lifting = true;
    let released = false;

    const raised = () => lifting || !host.hasAttribute('popover') || host.matches(':popover-open');
    const raise = () => {
      try {
        if (!raised()) host.showPopover();
      } catch {
        // not connected, or the page holds a modal dialog open: the host is still on the page
      }
    };
    const intact = () => {
      const html = document.documentElement;
      return html && host.parentNode === html && raised() && host.attributes.length === attributes.length
        && attributes.every(([name, value]) => host.getAttribute(name) === value);
    };
    const repair = () => {
      timer = null;
      const html = document.documentElement;
      if (!html) return; // the page removed <html>; a new one is seen by the document observer
      for (const { name } of [...host.attributes]) if (!attributes.some(([ours]) => ours === name)) host.removeAttribute(name);
      for (const [name, value] of attributes) if (host.getAttribute(name) !== value) host.setAttribute(name, value);
      if (host.parentNode !== html) {
        if (place === 'first') html.prepend(host);
        else html.append(host);
      }
      raise();
      watchRoot();
    };
    const check = () => {
      if (timer || intact()) return;
      const now = performance.now();
      tokens = Math.min(REPAIR_BURST, tokens + ((now - filled) / 1000) * REPAIR_PER_S);
      filled = now;
      if (tokens >= 1) {
        tokens -= 1;
        repair();
      } else {
        timer = setTimeout(() => {
          timer = null;
          check();
        }, ((1 - tokens) / REPAIR_PER_S) * 1000);
      }
    };
    const observer = new MutationObserver(check);
    const watchRoot = () => {
      const html = document.documentElement;
      if (!html || html === watchedRoot) return;
      watchedRoot = html; // a page may swap its <html> for another: watch the new one too
      observer.observe(html, { childList: true });
    };
    observer.observe(document, { childList: true });
    observer.observe(host, { attributes: true });
    host.addEventListener('toggle', check); // hidePopover() from the page changes no attribute
    watchRoot();
    whenIdle(() => {
      lifting = false;
      if (!released) check();
    });
    return {
      release() {
        released = true;
        observer.disconnect();
        host.removeEventListener('toggle', check);
        clearTimeout(timer);
      },
      set(name, value) {
        const kept = attributes.find(([ours]) => ours === name);
        if (kept) kept[1] = value;
        else attributes.push([name, value]);
        host.setAttribute(name, value);
      },
    };
  }

  /** A host element of Wary's that stays on the page until `remove()` is called. */
  function guarded(host, place) {
    const { release, set } = keepOnPage(host, place);
    return {
      host,
      set,
      remove() {
        release();
        roots.delete(host);
        host.remove();
      },
    };
  }

  /**
   * The warning bar for `verdict` (level caution or danger), kept on the page until its
   * `remove()`. `actions` holds what its buttons do: `trust()` and `dismiss()`; "Take me to the
   * real site" navigates itself. Returns `{host, remove}`.
   */
  let barShown = false; // a bar was on screen this visit: a replacement does not slide in again

  function drawBar(verdict, actions, scope = 'page') {
    const { host, shadow } = shadowHost({
      'data-wary': verdict.level, 'data-wary-real': verdict.lookalike_of, 'data-wary-scope': scope,
    });
    const level = verdict.level;
    const detailsId = 'wary-details';
    const details = element('div', { className: 'details', id: detailsId, hidden: true }, reasonList(verdict));
    const buttons = [];
    if (verdict.lookalike_of) {
      const real = verdict.lookalike_of;
      buttons.push(element('button', {
        className: 'primary go', type: 'button', textContent: t('barGoReal'), 'aria-label': t('barGoRealLabel', real),
        onclick: (event) => byUser(event) && location.assign(`https://${real}/`),
      }));
    }
    const why = element('button', {
      className: 'why', type: 'button', textContent: t('barWhy'), 'aria-expanded': 'false', 'aria-controls': detailsId,
      onclick: (event) => {
        if (!byUser(event)) return;
        details.hidden = !details.hidden;
        why.setAttribute('aria-expanded', String(!details.hidden));
      },
    });
    buttons.push(why);
    buttons.push(element('button', {
      className: 'trust', type: 'button', textContent: t('barTrust'),
      onclick: (event) => byUser(event) && actions.trust(),
    }));
    buttons.push(element('button', {
      className: 'dismiss', type: 'button', textContent: t('barDismiss'), 'aria-label': t('barDismissLabel'),
      onclick: (event) => byUser(event) && actions.dismiss(),
    }));
    const box = element('section', { className: `bar ${level}${barShown ? '' : ' enter'}`, 'aria-label': t('barLabel') }, []);
    barShown = true;
    const collapse = element('button', {
      className: 'collapse', type: 'button', textContent: '▴', 'aria-label': t('barCollapse'), title: t('barCollapse'),
      onclick: (event) => {
        if (!byUser(event)) return;
        box.classList.add('collapsed');
        expand.focus();
      },
    });
    const expand = element('button', {
      className: 'expand', type: 'button', textContent: 'Wary ▾', 'aria-label': t('barExpand'),
      onclick: (event) => {
        if (!byUser(event)) return;
        box.classList.remove('collapsed');
        collapse.focus();
      },
    });
    buttons.push(collapse, expand);
    box.append(
      element('div', { className: 'row' }, [
        icon(level),
        // role=alert: a screen reader reads the warning out once, when it appears.
        element('div', { className: 'text', role: 'alert' }, [
          element('span', { className: 'level', textContent: t(level === 'danger' ? 'barLevelDanger' : 'barLevelCaution') }),
          element('span', { className: 'headline', textContent: headlineOf(verdict) }),
        ]),
        element('div', { className: 'buttons' }, buttons),
      ]),
      details,
    );
    shadow.append(box);
    // documentElement exists from document_start on, so the bar shows before the page has
    // loaded; first in the document, so it is also the first stop for keyboard users.
    document.documentElement.prepend(host);
    return guarded(host, 'first');
  }

  let panel = null;

  /** The right-click verdict for `subject` (a link or selected text), bottom right. */
  function drawPanel(verdict, subject, kind) {
    panel?.remove();
    const { host, shadow } = shadowHost({ 'data-wary-panel': verdict.level });
    const headline = t(verdict.verified ? 'verdictSafeVerified' : 'verdictSafe');
    const close = element('button', {
      className: 'close', type: 'button', textContent: '✕', 'aria-label': t('panelClose'),
      onclick: (event) => {
        if (!byUser(event)) return;
        panel?.remove();
        panel = null;
      },
    });
    const box = element('section', { className: `panel ${verdict.level}`, role: 'dialog', 'aria-label': t(kind === 'link' ? 'panelTitleLink' : 'panelTitleText') }, [
      close,
      element('h2', {}, [verdict.level === 'safe' ? '✓' : icon(verdict.level), ' ', t(`level_${verdict.level}`)]),
      element('p', { className: 'subject' }, [subject.length > 200 ? `${subject.slice(0, 200)}…` : subject]),
      // Safe: one line and the advice; otherwise the reasons, strongest first, say it all.
      ...(verdict.level === 'safe' ? [element('p', { className: 'headline' }, [headline]), element('p', { className: 'advice' }, [verdict.advice])] : reasonList(verdict)),
    ]);
    keyHandlers.set(host, (event) => {
      if (event.key !== 'Escape' || !byUser(event)) return;
      panel?.remove();
      panel = null;
    });
    shadow.append(box);
    document.documentElement.append(host);
    panel = guarded(host, 'last');
    close.focus();
    return host;
  }

  let tipCard = null;

  /** An "i" in a circle: information, not alarm. */
  function infoIcon() {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('class', 'icon');
    svg.setAttribute('aria-hidden', 'true');
    const circle = document.createElementNS(SVG, 'path');
    circle.setAttribute('d', 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2zm0-8h-2V7h2z');
    circle.setAttribute('fill', 'currentColor');
    svg.append(circle);
    return svg;
  }

  /**
   * The buying-tip card for `tips` (the engine's `[{code, message, evidence}]`, at least one),
   * bottom left, kept on the page until its `remove()`. Its host carries `data-wary-tip` with the
   * first tip's code. `actions` holds what its buttons do: `close()` (this visit) and `quiet()`
   * (no tips on this site, remembered by the worker). Never a bar: the site is real.
   */
  function drawTip(tips, actions) {
    tipCard?.remove();
    const { host, shadow } = shadowHost({ 'data-wary-tip': tips[0].code }, TIP_STYLE);
    const items = tips.map((tip) => {
      const item = element('li', {}, [tip.message]);
      if (tip.evidence) item.append(' ', element('span', { className: 'evidence', title: t('evidence') }, [tip.evidence]));
      return item;
    });
    const box = element('section', { className: 'tip', 'aria-label': t('tipLabel') }, [
      element('div', { className: 'head' }, [
        infoIcon(),
        // A polite live region: read out when the reader is idle, not as an alert.
        element('div', { className: 'text', 'aria-live': 'polite' }, [
          element('span', { className: 'title', textContent: t('tipTitle') }),
          element('ul', {}, items),
        ]),
      ]),
      element('div', { className: 'buttons' }, [
        element('button', {
          className: 'quiet', type: 'button', textContent: t('tipQuiet'),
          onclick: (event) => byUser(event) && actions.quiet(),
        }),
        element('button', {
          className: 'close', type: 'button', textContent: t('tipClose'), 'aria-label': t('tipCloseLabel'),
          onclick: (event) => byUser(event) && actions.close(),
        }),
      ]),
    ]);
    shadow.append(box);
    document.documentElement.append(host);
    tipCard = guarded(host, 'last');
    const card = tipCard;
    return {
      host,
      remove() {
        card.remove();
        if (tipCard === card) tipCard = null;
      },
    };
  }

  return { drawBar, drawPanel, drawTip, useWords, BAR_WORDS, RANK };
})();
