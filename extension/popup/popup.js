// The popup's paste box: the same WebAssembly engine as the content script, judging what the
// user pastes — one link or site name, or a whole message. Everything shown is set as text,
// never as HTML.
import init, { analyze_url, analyze_text } from '../engine/wary.js';

const api = globalThis.browser ?? globalThis.chrome;
const engineReady = init({ module_or_path: api.runtime.getURL('engine/wary_bg.wasm') });

const paste = document.getElementById('paste');
const checkButton = document.getElementById('check');
const output = document.getElementById('verdict');

const HEADLINES = {
  safe: (v) => (v.verified ? 'This is a real site.' : 'Nothing suspicious found.'),
  caution: (v) => (v.lookalike_of ? `Careful: this may imitate ${v.lookalike_of}.` : 'Careful: this looks suspicious.'),
  danger: (v) => (v.lookalike_of ? `Danger: this imitates ${v.lookalike_of}.` : 'Danger: this is very likely a scam.'),
};

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function render(verdict) {
  output.replaceChildren();
  output.dataset.level = verdict.level;
  output.append(
    element('p', 'headline', HEADLINES[verdict.level](verdict)),
    element('span', 'score', `Score ${verdict.score} of 100`),
  );
  const reasons = verdict.reasons.map((reason) => {
    const item = element('li', `reason ${reason.severity}`);
    item.dataset.layer = reason.layer;
    item.dataset.code = reason.code;
    item.append(element('span', 'message', reason.message));
    if (reason.evidence) item.append(' ', element('span', 'evidence', reason.evidence));
    return item;
  });
  if (reasons.length) {
    const list = element('ul', 'reasons');
    list.append(...reasons);
    output.append(list);
  }
  output.append(element('p', 'advice', verdict.advice));
  output.hidden = false;
}

function renderError(message) {
  output.replaceChildren(element('p', 'headline', 'Wary cannot check this.'), element('p', 'advice', message));
  output.dataset.level = 'error';
  output.hidden = false;
}

/** One link or site name is judged as a link; anything else as a message. */
function judge(text) {
  if (!/\s/.test(text)) {
    try {
      return analyze_url(text);
    } catch {
      // not a link: read it as a message
    }
  }
  return analyze_text(text);
}

async function check() {
  const text = paste.value.trim();
  if (!text) {
    paste.focus();
    return;
  }
  try {
    await engineReady;
    render(judge(text));
  } catch (error) {
    renderError(String(error?.message ?? error));
  }
  output.dataset.checked = text; // what the card shows the verdict for
}

checkButton.addEventListener('click', check);
paste.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    check();
  }
});
if (/Mac|iPhone|iPad/.test(navigator.platform)) document.getElementById('shortcut').textContent = '⌘+Enter';
paste.focus();
