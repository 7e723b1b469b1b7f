// Messaging: the service worker acts only on its own extension's messages, in their shape.
// Malformed, unknown, misplaced and oversized messages are sent from the content script's own
// isolated world (what a compromised or confused content script could do), from an extension
// page, and from a second extension loaded beside Wary; a web page cannot even reach
// chrome.runtime, as Wary has no externally_connectable. Each is refused, nothing it asked is
// done, and the worker still answers a good message afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { browserSuite, extensionDir, findBar, inContentScript, root, storedSettings } from './helpers.mjs';

// A second extension, loaded beside Wary, that tries to message it by its id.
const other = await mkdtemp(path.join(tmpdir(), 'wary-other-extension-'));
await writeFile(path.join(other, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Other', version: '1', background: { service_worker: 'other.js' } }));
await writeFile(path.join(other, 'other.js'), '// asks Wary by its id; see messaging.test.mjs\n');

const suite = browserSuite({ extension: `${extensionDir},${other}` });
process.on('exit', () => rm(other, { recursive: true, force: true }));

const HOST = 'aliexpress.com.secure-login.ru';

const refusedCount = () => suite.browser.worker.evaluate(() => self.wary.counts.refused);

test('the manifest has no externally_connectable, and a web page cannot reach chrome.runtime', async () => {
  const manifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  assert.equal(manifest.externally_connectable, undefined, 'no externally_connectable in manifest.json');
  const tab = await suite.browser.context.newPage();
  await tab.goto(suite.server.url(HOST, '/plain'));
  assert.ok(await findBar(tab), 'Wary runs on the page');
  const reach = await tab.evaluate(async (id) => {
    if (typeof chrome === 'undefined' || typeof chrome.runtime?.sendMessage !== 'function') return 'no chrome.runtime.sendMessage in the page';
    try {
      return JSON.stringify(await chrome.runtime.sendMessage(id, { type: 'verdict/url', url: 'https://example.com/' }));
    } catch (error) {
      return `refused: ${error.message}`;
    }
  }, suite.browser.extensionId);
  assert.match(reach, /^(no chrome\.runtime\.sendMessage|refused)/, `a page cannot message Wary: ${reach}`);
  await tab.close();
});

test('the content scripts listen to no window messages a page could post', async () => {
  for (const file of await readdir(path.join(root, 'extension/content'))) {
    const source = await readFile(path.join(root, 'extension/content', file), 'utf8');
    assert.doesNotMatch(source, /addEventListener\(\s*['"]message['"]|onmessage\s*=/, `extension/content/${file} listens to window messages`);
  }
});

const FROM_CONTENT_SCRIPT = [
  // name, message (as JavaScript source), what the answer must say
  ['an unknown type', `{ type: 'settings/erase' }`, /not a message Wary understands/],
  ['no type', `{ url: 'https://example.com/' }`, /without a type/],
  ['a string', `'verdict/url'`, /without a type/],
  ['a number', `42`, /without a type/],
  ['null', `null`, /without a type/],
  ['an array', `[{ type: 'verdict/url', url: 'https://example.com/' }]`, /without a type/],
  ['a type that is no string', `{ type: { toString: 1 }, url: 'x' }`, /without a type/],
  ['a url that is a number', `{ type: 'verdict/url', url: 42 }`, /verdict\/url: not a message/],
  ['an oversized url (100 KB)', `{ type: 'verdict/url', url: 'https://example.com/' + 'a'.repeat(100_000) }`, /verdict\/url: not a message/],
  ['an oversized message (8 MB)', `{ type: 'verdict/url', url: 'x'.repeat(8 * 1024 * 1024) }`, /verdict\/url: not a message/],
  ['page facts with too many links', `{ type: 'verdict/page', facts: { url: location.href, links: Array.from({ length: 3000 }, () => ({ href: 'https://a.example/', text: 'a' })) } }`, /verdict\/page: not a message/],
  ['page facts of the wrong shape', `{ type: 'verdict/page', facts: { url: location.href, forms: [{ action: 1 }] } }`, /verdict\/page: not a message/],
  ['page facts whose earlier parts never came', `{ type: 'verdict/page', parts: 2, facts: '{}' }`, /verdict\/page: not a message/],
  ['a part of page facts out of order', `{ type: 'verdict/part', part: 3, facts: '{' }`, /verdict\/part: not a message/],
  ['an oversized part of page facts (40 KB)', `{ type: 'verdict/part', part: 0, facts: 'x'.repeat(40_000) }`, /verdict\/part: not a message/],
  ['tab/get (only extension pages may read tabs)', `{ type: 'tab/get', tabId: 1 }`, /tab\/get: not a message/],
  ['a verdict of the wrong shape', `{ type: 'tab/verdict', verdict: { level: 'pwned', reasons: [] } }`, /tab\/verdict: not a message/],
  ['the worker\'s own panel message', `{ type: 'panel/show', verdict: { level: 'safe', reasons: [] }, subject: 'x', kind: 'text' }`, /panel\/show: not a message/],
];

test('from the content script\'s world: malformed, unknown and oversized messages are refused', async () => {
  const tab = await suite.browser.context.newPage();
  await tab.goto(suite.server.url(HOST, '/plain'));
  assert.ok(await findBar(tab), 'Wary runs on the page');
  const before = await refusedCount();
  for (const [name, message, says] of FROM_CONTENT_SCRIPT) {
    const started = Date.now();
    const answer = await inContentScript(tab, `return await chrome.runtime.sendMessage(${message});`);
    assert.equal(answer?.ok, false, `${name} is refused: ${JSON.stringify(answer)}`);
    assert.match(answer.error, says, `${name}: the answer says why: ${answer.error}`);
    assert.ok(Date.now() - started < 5_000, `${name} is refused at once (${Date.now() - started} ms)`);
  }
  assert.equal(await refusedCount() - before, FROM_CONTENT_SCRIPT.length, 'the worker counted each refusal');
  const good = await inContentScript(tab, `return await chrome.runtime.sendMessage({ type: 'verdict/url', url: location.href });`);
  assert.equal(good?.ok, true, `a good message is still answered: ${JSON.stringify(good)?.slice(0, 200)}`);
  assert.equal(good.verdict.level, 'danger', 'with the engine\'s verdict');
  await tab.close();
});

test('from the content script\'s world: page facts sent in parts are judged as one message, once', async () => {
  const tab = await suite.browser.context.newPage();
  await tab.goto(suite.server.url(HOST, '/plain'));
  assert.ok(await findBar(tab), 'Wary runs on the page');
  const answers = await inContentScript(tab, `
    const facts = JSON.stringify({ url: location.href, title: '', text: 'hello '.repeat(12_000), headings: [], links: [], forms: [] });
    const first = await chrome.runtime.sendMessage({ type: 'verdict/part', part: 0, facts: facts.slice(0, 30_000) });
    const second = await chrome.runtime.sendMessage({ type: 'verdict/part', part: 1, facts: facts.slice(30_000, 60_000) });
    const whole = await chrome.runtime.sendMessage({ type: 'verdict/page', parts: 2, facts: facts.slice(60_000) });
    const again = await chrome.runtime.sendMessage({ type: 'verdict/page', parts: 2, facts: facts.slice(60_000) });
    return { first, second, whole, again };`);
  assert.deepEqual([answers.first, answers.second], [{ ok: true }, { ok: true }], 'each part is taken');
  assert.equal(answers.whole?.ok, true, `the last part is answered with the verdict: ${JSON.stringify(answers.whole)?.slice(0, 200)}`);
  assert.equal(answers.whole.verdict.level, 'danger', 'judged as the whole page of the lookalike');
  assert.equal(answers.again?.ok, false, 'the parts serve one verdict only');
  await tab.close();
});

test('settings/trust from a content script trusts only its own page\'s site, never one it names', async () => {
  const tab = await suite.browser.context.newPage();
  await tab.goto(suite.server.url('aliexpress-sale.shop', '/plain'));
  assert.ok(await findBar(tab), 'Wary runs on the page');
  const answer = await inContentScript(tab, `return await chrome.runtime.sendMessage({ type: 'settings/trust', site: 'evil.example', url: 'http://evil.example/' });`);
  assert.deepEqual(answer, { ok: true, site: 'aliexpress-sale.shop' }, 'the sender\'s own site was trusted');
  const settings = await storedSettings(suite.browser.worker);
  assert.deepEqual(settings?.trusted, ['aliexpress-sale.shop'], 'and only it: evil.example, named in the message, is not');
  await suite.browser.worker.evaluate(() => chrome.storage.sync.clear());
  await tab.close();
});

test('from an extension page: messages only a tab\'s content script may send are refused', async () => {
  const popup = await suite.browser.context.newPage();
  await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup/popup.html`);
  const answers = await popup.evaluate(async () => ({
    verdict: await chrome.runtime.sendMessage({ type: 'tab/verdict', verdict: { level: 'danger', reasons: [{ message: 'x', severity: 'danger' }] } }),
    failed: await chrome.runtime.sendMessage({ type: 'tab/failed' }),
    trust: await chrome.runtime.sendMessage({ type: 'settings/trust' }),
  }));
  for (const [name, answer] of Object.entries(answers)) assert.equal(answer?.ok, false, `${name} from the popup is refused: ${JSON.stringify(answer)}`);
  await popup.close();
});

test('from another extension: Wary does not answer (no onMessageExternal, no externally_connectable)', async () => {
  const otherWorker = suite.browser.context.serviceWorkers().find((w) => w.url().endsWith('/other.js'));
  assert.ok(otherWorker, 'the other extension runs beside Wary');
  const before = await refusedCount();
  const result = await otherWorker.evaluate(async (id) => {
    try {
      return { answer: await chrome.runtime.sendMessage(id, { type: 'verdict/url', url: 'https://example.com/' }) };
    } catch (error) {
      return { error: error.message };
    }
  }, suite.browser.extensionId);
  assert.equal(result.answer, undefined, `no answer for another extension: ${JSON.stringify(result)}`);
  assert.match(result.error ?? '', /Receiving end does not exist|Could not establish connection/, `the message found no listener: ${JSON.stringify(result)}`);
  assert.equal(await refusedCount(), before, 'it never reached Wary\'s onMessage at all');
});
