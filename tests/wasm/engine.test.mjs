// The built WebAssembly engine, loaded in Node through the very JS glue the extension ships
// (dist/chrome/engine), so a broken wasm-bindgen or wasm-opt step fails here first.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const engineDir = new URL('../../dist/chrome/engine/', import.meta.url);
let engine;

before(async () => {
  engine = await import(new URL('wary.js', engineDir));
  await engine.default({ module_or_path: await readFile(new URL('wary_bg.wasm', engineDir)) });
  // As the worker does: the popular sites and their names travel beside the wasm.
  const { names, popular } = await import(new URL('protected-names.js', engineDir));
  engine.load_names(names, popular);
});

const CASES = [
  // input, level, verified, lookalike_of, a reason code that must be present
  ['https://www.aliexpress.com/item/1005.html', 'safe', true, null, 'verified'],
  ['amazon.de', 'safe', true, null, 'verified'],
  ['aliexpress-sale.shop', 'caution', false, 'aliexpress.com', 'brand-in-name'],
  ['http://aliexpress.com.secure-login.ru/pay', 'danger', false, 'aliexpress.com', 'embedded-domain'],
  ['aIiexpress.com', 'danger', false, 'aliexpress.com', 'homograph'],
  ['http://xn--pypal-4ve.com/', 'danger', false, 'paypal.com', 'homograph'],
  ['aliexpress.shop', 'danger', false, 'aliexpress.com', 'tld-swap'],
  ['https://paypal.com@evil.example/', 'danger', false, null, 'userinfo'],
  ['https://example.org/', 'safe', false, null, null],
];

test('verdicts from the wasm engine match the contract', () => {
  for (const [input, level, verified, lookalikeOf, code] of CASES) {
    const verdict = engine.analyze_url(input);
    assert.equal(verdict.input, input, `input echoed for ${input}`);
    assert.equal(verdict.level, level, `level of ${input}`);
    assert.equal(verdict.verified, verified, `verified for ${input}`);
    assert.equal(verdict.lookalike_of, lookalikeOf, `lookalike_of for ${input}`);
    assert.ok(verdict.score >= 0 && verdict.score <= 100, `score in range for ${input}`);
    assert.equal(typeof verdict.advice, 'string', `advice for ${input}`);
    if (code) assert.ok(verdict.reasons.some((r) => r.code === code), `${input} should have reason ${code}, got ${JSON.stringify(verdict.reasons)}`);
    for (const reason of verdict.reasons) {
      assert.deepEqual(Object.keys(reason).sort(), ['code', 'evidence', 'layer', 'message', 'severity'], `reason shape for ${input}`);
      assert.ok(['domain', 'link', 'payment', 'pressure', 'offer', 'pattern'].includes(reason.layer), `layer name for ${input}`);
    }
  }
});

test('bad input throws a clear Error and leaves the engine working', () => {
  const bad = ['', '   ', 'http://exa mple.com', 'x'.repeat(70 * 1024), `${'a.'.repeat(200)}com`, 'http://xn--a.com', '\u0000\uFFFD'];
  for (const input of bad) {
    assert.throws(() => engine.analyze_url(input), (error) => error instanceof Error && error.message.length > 0,
      `analyze_url(${JSON.stringify(input.slice(0, 30))}) should throw a clear Error`);
  }
  assert.equal(engine.analyze_url('aliexpress.com').level, 'safe', 'engine still answers after bad input');
});

test('configure() applies trusted sites and protected domains', () => {
  try {
    engine.configure(['aliexpress-sale.shop'], ['mybank.example']);
    assert.equal(engine.analyze_url('aliexpress-sale.shop').level, 'safe', 'trusted site stays quiet');
    const fake = engine.analyze_url('mybank.shop');
    assert.equal(fake.level, 'danger', 'tld swap of a protected domain');
    assert.equal(fake.lookalike_of, 'mybank.example');
  } finally {
    engine.configure([], []);
  }
  assert.equal(engine.analyze_url('aliexpress-sale.shop').level, 'caution', 'settings cleared again');
});

test('configure() with templates makes the engine speak that language', async () => {
  // The extension reads the templates from _locales (engine_<key>); here from the same files.
  const locale = async (lang) => JSON.parse(await readFile(new URL(`../../extension/_locales/${lang}/messages.json`, import.meta.url), 'utf8'));
  const keys = engine.message_keys();
  assert.ok(keys.length > 100 && keys.includes('homograph') && keys.includes('advice.lookalike'), `message keys: ${keys.length}`);
  const templates = (messages) => keys.map((key) => messages[`engine_${key.replace(/[-.]/g, '_')}`]?.message ?? '');
  const english = engine.analyze_url('aIiexpress.com');
  try {
    engine.configure([], [], templates(await locale('ru')));
    const russian = engine.analyze_url('aIiexpress.com');
    assert.equal(russian.level, english.level, 'the language changes the words, not the verdict');
    assert.match(russian.reasons[0].message, /^Это не aliexpress\.com\..*заглавная I/, 'reason in Russian, with its nested piece');
    assert.match(russian.advice, /aliexpress\.com/, 'advice in Russian names the real site');
    assert.notEqual(russian.advice, english.advice, 'advice translated');
    engine.configure([], [], keys.map((key) => (key === 'homograph' ? 'a template that lost its {n}' : '')));
    assert.equal(engine.analyze_url('aIiexpress.com').reasons[0].message, english.reasons[0].message, 'a template without its {n} falls back to English');
  } finally {
    engine.configure([], []);
  }
  assert.equal(engine.analyze_url('aIiexpress.com').advice, english.advice, 'English again without templates');
});

test('analyze_text judges the links in a message and brand impersonation', () => {
  const scam = engine.analyze_text('Your P@yPaI account is limited. Verify at hxxps://paypal-secure-verify[.]com/login');
  assert.equal(scam.level, 'danger', 'scam message level');
  assert.equal(scam.lookalike_of, 'paypal.com');
  assert.ok(scam.reasons.some((r) => r.layer === 'pattern' && r.code === 'impersonation'), JSON.stringify(scam.reasons));
  const real = engine.analyze_text('Your AliExpress order shipped: https://www.aliexpress.com/p/order/index.html');
  assert.equal(real.level, 'safe', 'real order notice');
  assert.equal(real.verified, true, 'its link is the real site');
  for (const odd of ['', '\u0000', '🙂'.repeat(10000), 'a'.repeat(300 * 1024)]) {
    assert.equal(typeof engine.analyze_text(odd).level, 'string', 'a verdict for odd text');
  }
});
