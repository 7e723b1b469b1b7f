// The popup: the current tab's verdict at the top, and the paste box, whose text the service
// worker judges (the engine decides whether it is one link or site name, or a whole message).
// The popup loads no engine of its own: it asks the worker, which hosts the one engine, by
// message (`verdict/input`), and says "Checking…" meanwhile, as a sleeping worker first wakes
// and loads the engine. Everything shown is set as text, never as HTML.
//
// `popup.html?check=<text>` fills the box and checks it at once: the right-click checks open
// the popup so in a window where no content script can show their panel. `?tab=<id>` shows
// that tab's verdict at the top instead of the active tab's.
import { t, localize } from '../shared/i18n.js';

const api = globalThis.browser ?? globalThis.chrome;

let tabFailed = false; // the current tab could not be judged (its content script said so)

/**
 * "Protection is OFF" at the top when the engine could not start in the service worker (which
 * records it in the session as `engine`), or could not judge the current tab.
 */
async function showProtection() {
  const worker = await api.storage.session.get('engine').then((stored) => stored.engine?.error ?? null, () => null);
  const off = document.getElementById('protection-off');
  off.hidden = !(worker || tabFailed);
  off.textContent = off.hidden ? '' : t('protectionOff');
  off.title = worker ?? '';
}

const LAYERS = ['domain', 'link', 'payment', 'pressure', 'offer', 'pattern'];
const ICON = { safe: '✓', caution: '⚠', danger: '✖', error: '?' }; // in common fonts, unlike ⛔

const paste = document.getElementById('paste');
const output = document.getElementById('verdict');
const params = new URLSearchParams(location.search);

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The card's first line: what the level means, naming the real site of a lookalike. */
function summary(verdict) {
  const real = verdict.lookalike_of;
  if (verdict.level === 'safe') return t(verdict.verified ? 'verdictSafeVerified' : 'verdictSafe');
  if (verdict.level === 'caution') return real ? t('verdictCautionLookalike', real) : t('verdictCaution');
  return real ? t('verdictDangerLookalike', real) : t('verdictDanger');
}

/** `text` with every piece of evidence found in it marked, as text nodes and <mark>s. */
function highlighted(text, evidence) {
  const pieces = [...new Set(evidence.filter((e) => e && e.length >= 2))].map((e) => e.toLowerCase());
  const lower = text.toLowerCase();
  const marks = [];
  for (const piece of pieces) {
    for (let at = lower.indexOf(piece); at !== -1; at = lower.indexOf(piece, at + piece.length)) marks.push([at, at + piece.length]);
  }
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const paragraph = element('p', 'subject');
  let done = 0;
  for (const [start, end] of marks) {
    if (start < done) continue; // overlaps one already marked
    paragraph.append(text.slice(done, start), element('mark', '', text.slice(start, end)));
    done = end;
  }
  paragraph.append(text.slice(done));
  return paragraph;
}

let lastReport = '';

function render(verdict, text) {
  output.replaceChildren();
  output.dataset.level = verdict.level;
  const flagged = new Set(verdict.reasons.filter((r) => r.severity !== 'info').map((r) => r.layer));
  const layers = element('ul', 'layers');
  layers.setAttribute('aria-label', t('layersLabel'));
  for (const layer of LAYERS) {
    const state = flagged.has(layer) ? 'flagged' : 'passed';
    const item = element('li', state, `${state === 'flagged' ? '✗' : '✓'} ${t(`layer_${layer}`)}: ${t(state)}`);
    item.dataset.layer = layer;
    item.dataset.state = state;
    layers.append(item);
  }
  const reasons = element('ul', 'reasons');
  for (const reason of verdict.reasons) {
    const item = element('li', `reason ${reason.severity}`);
    item.dataset.layer = reason.layer;
    item.dataset.code = reason.code;
    item.append(element('span', 'message', reason.message));
    if (reason.evidence) item.append(' ', element('span', 'evidence', reason.evidence));
    reasons.append(item);
  }
  const copy = element('button', 'secondary', t('copyReport'));
  copy.id = 'copy';
  copy.type = 'button';
  const copied = element('span', 'hint', '');
  copied.id = 'copied';
  copied.setAttribute('role', 'status');
  copy.addEventListener('click', async () => {
    await navigator.clipboard.writeText(lastReport);
    copied.textContent = t('copied');
  });
  output.append(
    element('p', 'headline', `${ICON[verdict.level]} ${t(`level_${verdict.level}`)} — ${summary(verdict)}`),
    element('p', 'score', t('score', verdict.score)),
    layers,
    highlighted(text, verdict.reasons.map((r) => r.evidence)),
  );
  if (verdict.reasons.length) output.append(reasons);
  output.append(element('p', 'advice', verdict.advice), element('div', 'actions', ''));
  output.lastChild.append(copy, copied);
  lastReport = [
    `Wary: ${t(`level_${verdict.level}`)} (${t('score', verdict.score)})`,
    `${t('reportChecked')}: ${text}`,
    ...LAYERS.map((layer) => `${t(`layer_${layer}`)}: ${t(flagged.has(layer) ? 'flagged' : 'passed')}`),
    ...verdict.reasons.map((r) => `- [${r.layer}/${r.severity}] ${r.message}${r.evidence ? ` (${r.evidence})` : ''}`),
    verdict.advice,
  ].join('\n');
  output.hidden = false;
}

function renderError(message) {
  output.replaceChildren(element('p', 'headline', t('cannotCheck')), element('p', 'advice', message));
  output.dataset.level = 'error';
  output.hidden = false;
}

let checks = 0; // the latest check: an earlier one answered later is not shown

/**
 * The worker's verdict on the pasted text, with the user's sensitivity already applied by the
 * engine. Until it answers, the card says "Checking…" (and has no `data-level`).
 */
async function check() {
  const text = paste.value.trim();
  if (!text) {
    paste.focus();
    return;
  }
  const mine = ++checks;
  delete output.dataset.level;
  delete output.dataset.checked;
  output.replaceChildren(element('p', 'checking', t('checking')));
  output.setAttribute('aria-busy', 'true');
  output.hidden = false;
  const answer = await api.runtime.sendMessage({ type: 'verdict/input', text })
    .catch((error) => ({ ok: false, error: String(error?.message ?? error) }));
  if (mine !== checks) return;
  output.removeAttribute('aria-busy');
  if (answer?.ok) render(answer.verdict, text);
  else renderError(answer?.error ?? 'no answer from the service worker');
  output.dataset.checked = text; // what the card shows the verdict for
}

function clear() {
  checks += 1; // a check still on its way is not shown
  paste.value = '';
  output.replaceChildren();
  output.hidden = true;
  delete output.dataset.level;
  delete output.dataset.checked;
  paste.focus();
}

/** The top line: what Wary concluded about the site in the current tab, as its badge says. */
async function showCurrentSite() {
  const box = document.getElementById('site');
  const line = box.querySelector('.site-headline');
  let tabId = Number(params.get('tab'));
  if (!params.has('tab')) [{ id: tabId } = {}] = await api.tabs.query({ active: true, lastFocusedWindow: true });
  const answer = Number.isInteger(tabId) ? await api.runtime.sendMessage({ type: 'tab/get', tabId }).catch(() => null) : null;
  const verdict = answer?.verdict;
  const failed = verdict?.failed === true;
  if (failed !== tabFailed) {
    tabFailed = failed;
    await showProtection();
  }
  if (failed) {
    box.dataset.level = 'off';
    line.textContent = t('protectionOff');
    return;
  }
  if (!verdict) {
    box.dataset.level = 'unknown';
    line.textContent = t('siteUnknown');
    return;
  }
  box.dataset.level = verdict.level;
  let host;
  try {
    host = new URL(verdict.input).hostname.replace(/^www\./, '');
  } catch {
    host = verdict.input;
  }
  // The engine's headline reason, as on the bar and in the badge's tooltip.
  const top = verdict.reasons[verdict.headline];
  if (verdict.level !== 'safe') line.textContent = `${ICON[verdict.level]} ${top?.message ?? summary(verdict)}`;
  else line.textContent = verdict.verified ? `✓ ${t('siteVerified', host)}` : t('siteSafe', host);
}

localize();
document.getElementById('check').addEventListener('click', check);
document.getElementById('clear').addEventListener('click', clear);
document.getElementById('open-options').addEventListener('click', () => api.runtime.openOptionsPage());
paste.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    check();
  }
});
if (/Mac|iPhone|iPad/.test(navigator.platform)) document.getElementById('shortcut').textContent = '⌘+Enter';
showCurrentSite().catch(() => {});
showProtection();
// A page still loading is judged after the popup opened: follow the worker's record of it.
// The worker records a dead engine as it loads, which may be after this popup opened.
api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'session') return;
  if (Object.keys(changes).some((key) => key.startsWith('tab:'))) showCurrentSite().catch(() => {});
  if (changes.engine) showProtection();
});
if (params.has('check')) {
  paste.value = params.get('check');
  check();
}
paste.focus();
