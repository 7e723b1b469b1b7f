// What the extension leaves to the engine, through the built WebAssembly and its real JS glue:
// whether pasted text is a link or a message (analyze_input), whether to warn before a page is
// parsed and whether to read it, and as a listing (analyze_address), a listing's buying tips
// (analyze_listing), the page-facts contract (page_limits), the
// level the user's sensitivity makes of a verdict (configure's fourth argument) and the reason
// to say first (a verdict's headline). The JavaScript decides none of these.
import { test, before, afterEach } from 'node:test';
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

afterEach(() => engine.configure([], []));

const DHL = 'DHL: your parcel is held. Pay the customs fee at dhl-parcel-fee.top today';

test('analyze_input: one link or site name is judged as a link, anything else as a message; it never throws', () => {
  const CASES = [
    // pasted, judged as ('link' has link-only fields set: a host's reasons), level, a reason code that must be there
    ['aliexpress-sale.shop', 'link', 'caution', 'brand-in-name'],
    ['  https://aliexpress.com.secure-login.ru/pay  ', 'link', 'danger', 'embedded-domain'],
    ['https://www.paypal.com/signin', 'link', 'safe', 'verified'],
    [DHL, 'message', 'danger', 'impersonation'],
    ['see aliexpress.com.secure-login.ru', 'message', 'danger', 'embedded-domain'],
    ['hello', 'message', 'safe', null],
    ['', 'message', 'safe', null],
    ['x'.repeat(70 * 1024), 'message', 'safe', null], // too long for a link: read as words
  ];
  for (const [input, as, level, code] of CASES) {
    const verdict = engine.analyze_input(input);
    const viaLink = (() => {
      try {
        return engine.analyze_url(input.trim());
      } catch {
        return null;
      }
    })();
    const same = as === 'link' ? viaLink : engine.analyze_text(input.trim());
    assert.deepEqual(verdict, same, `analyze_input(${JSON.stringify(input.slice(0, 40))}) should be judged as a ${as}`);
    assert.equal(verdict.level, level, `level of ${JSON.stringify(input.slice(0, 40))}`);
    if (code) assert.ok(verdict.reasons.some((r) => r.code === code), `${input.slice(0, 40)} should have ${code}: ${JSON.stringify(verdict.reasons.map((r) => r.code))}`);
  }
  for (const odd of ['\u0000', '🙂'.repeat(10_000), 'http://exa mple.com', `${'a.'.repeat(200)}com`]) {
    assert.equal(typeof engine.analyze_input(odd).level, 'string', `a verdict for ${JSON.stringify(odd.slice(0, 20))}`);
  }
});

test('analyze_address: the verdict, whether to warn before the page is parsed, and whether to read the page', () => {
  const CASES = [
    // address, warn_now, read_page, read_listing, level
    ['https://aliexpress.com.secure-login.ru/pay', true, true, false, 'danger'], // the host borrows a brand's name
    ['http://aliexpress-sale.shop/', true, true, false, 'caution'],
    ['https://www.aliexpress.com/item/1.html', false, false, true, 'safe'], // the brand's real marketplace: its page is its own
    ['https://www.paypal.com/myaccount', false, false, false, 'safe'], // a real site, but no marketplace: no listings
    ['https://example.org/blog', false, true, false, 'safe'], // an ordinary site: the page decides
    ['https://example.org/paypal/signin', false, true, false, 'safe'], // a brand's name in the path only
    ['https://paypal.com@evil.example/', false, true, false, 'danger'], // a deceptive link, not a lookalike host
  ];
  for (const [url, warnNow, readPage, readListing, level] of CASES) {
    const answer = engine.analyze_address(url);
    assert.deepEqual(Object.keys(answer).sort(), ['read_listing', 'read_page', 'verdict', 'warn_now'], `the answer's shape for ${url}`);
    assert.deepEqual([answer.warn_now, answer.read_page, answer.read_listing], [warnNow, readPage, readListing], `warn_now, read_page, read_listing for ${url}`);
    assert.equal(answer.verdict.level, level, `level of ${url}`);
    assert.deepEqual(answer.verdict, engine.analyze_url(url), `the address's verdict is analyze_url's for ${url}`);
  }
  for (const bad of ['', 'not a url at all', 'x'.repeat(70 * 1024)]) {
    assert.throws(() => engine.analyze_address(bad), (error) => error instanceof Error && error.message.length > 0,
      `analyze_address(${JSON.stringify(bad.slice(0, 20))}) should throw a clear Error`);
  }
});

test('analyze_address: under relaxed sensitivity a lone caution is no reason to warn at once', () => {
  engine.configure([], [], undefined, 'relaxed');
  const answer = engine.analyze_address('http://amazom.com/');
  assert.deepEqual([answer.verdict.level, answer.warn_now, answer.read_page], ['safe', false, true], 'amazom.com under relaxed');
});

test('page_limits: one contract, with what the content script sends within what the worker and the engine take', () => {
  const limits = engine.page_limits();
  const NUMBERS = ['text', 'links', 'forms', 'headings', 'short_text', 'url', 'json', 'sent_headings', 'sent_short_chars', 'sent_title_chars', 'sent_url_chars', 'listing', 'sent_listing_chars'];
  assert.deepEqual(Object.keys(limits).sort(), [...NUMBERS, 'card_field_pattern'].sort(), 'the contract\'s fields');
  for (const name of NUMBERS) assert.ok(Number.isInteger(limits[name]) && limits[name] > 0, `${name} is a positive whole number: ${limits[name]}`);
  // Today's figures: a change of the contract shows here first.
  assert.deepEqual(
    [limits.sent_headings, limits.sent_short_chars, limits.sent_title_chars, limits.sent_url_chars, limits.links, limits.forms],
    [50, 300, 900, 4096, 2000, 100],
    'what the content script gathers',
  );
  assert.ok(limits.sent_headings <= limits.headings, 'the headings sent are within the cap');
  assert.ok(Math.max(limits.sent_short_chars, limits.sent_title_chars) <= limits.short_text, 'titles and texts sent are within the cap');
  assert.ok(limits.sent_url_chars <= limits.url, 'addresses sent are within the cap');
  assert.ok(limits.sent_listing_chars * 3 <= limits.listing, 'a listing\'s fields sent are within the cap');
  // The largest facts the content script can send fit in one message the worker takes.
  const largest = limits.text + limits.links * (limits.sent_url_chars + limits.sent_short_chars + 30) + limits.forms * (limits.sent_url_chars + 60);
  assert.ok(largest < limits.json, `the largest facts (~${largest} characters) fit in ${limits.json}`);

  const card = new RegExp(limits.card_field_pattern, 'i');
  for (const words of ['cardNumber', 'card_no', 'cc-num', 'Credit Card', 'Kartennummer', 'número de tarjeta', 'Número do cartão', 'numéro de carte', 'Номер карты']) {
    assert.ok(card.test(words), `"${words}" marks a card-number field`);
  }
  for (const words of ['gift card', 'loyalty card code', 'card holder name', 'search', 'phone number']) {
    assert.ok(!card.test(words), `"${words}" is no card-number field`);
  }
});

test('configure: the sensitivity sets the level shown, never the score', () => {
  const CASES = [
    // input, balanced, strict, relaxed
    ['amazom.com', 'caution', 'danger', 'safe'], // one caution reason (score 40)
    ['aliexpress.com.secure-login.ru', 'danger', 'danger', 'danger'],
    ['paypal.com', 'safe', 'safe', 'safe'],
    ['example.org', 'safe', 'safe', 'safe'],
  ];
  for (const [input, ...levels] of CASES) {
    const balanced = engine.analyze_url(input);
    const shown = ['balanced', 'strict', 'relaxed'].map((sensitivity) => {
      engine.configure([], [], undefined, sensitivity);
      const verdict = engine.analyze_url(input);
      assert.equal(verdict.score, balanced.score, `${input}: the score is the same under ${sensitivity}`);
      assert.deepEqual(verdict.reasons, balanced.reasons, `${input}: the reasons are the same under ${sensitivity}`);
      return verdict.level;
    });
    assert.deepEqual(shown, levels, `${input}: levels under balanced, strict, relaxed`);
  }
  for (const sensitivity of [undefined, null, 'loud', '']) {
    engine.configure([], [], undefined, sensitivity);
    assert.equal(engine.analyze_url('amazom.com').level, 'caution', `sensitivity ${JSON.stringify(sensitivity)} is balanced`);
  }
  engine.configure([], [], undefined, 'strict');
  assert.equal(engine.analyze_text(DHL).level, 'danger', 'messages follow the sensitivity too');
  assert.equal(engine.analyze_input('amazom.com').level, 'danger', 'and pasted input');
  assert.equal(engine.analyze_page({ url: 'http://amazom.com/' }).level, 'danger', 'and pages');
});

test('headline: the reason to say first, chosen by the engine', () => {
  const CASES = [
    // input, the headline reason's code (null: no headline)
    ['https://www.aliexpress.com/item/1.html', 'verified'], // a brand's real site with nothing to warn of
    ['http://aliexpress.com.secure-login.ru/pay', 'embedded-domain'],
    ['aliexpress-sale.shop', 'brand-in-name'],
    ['https://example.org/', null],
  ];
  for (const [input, code] of CASES) {
    const verdict = engine.analyze_url(input);
    if (code === null) {
      assert.equal(verdict.headline, null, `${input} has nothing to say first`);
      continue;
    }
    assert.ok(Number.isInteger(verdict.headline) && verdict.headline < verdict.reasons.length, `${input}: headline ${verdict.headline} indexes the reasons`);
    assert.equal(verdict.reasons[verdict.headline].code, code, `${input}: the headline reason`);
  }
  // A message with reasons of several strengths: the headline is the first of the strongest.
  const scam = engine.analyze_text(DHL);
  const strongest = scam.reasons.find((r) => r.severity === 'danger') ?? scam.reasons.find((r) => r.severity === 'caution');
  assert.equal(scam.reasons[scam.headline], strongest, `the DHL message's headline is its first strongest reason: ${JSON.stringify(scam.reasons.map((r) => [r.code, r.severity]))}`);
});

test('load_names: the popular sites and their names shipped beside the wasm count once loaded; the first load wins', async () => {
  // A second instance of the glue and the wasm (another module URL), into which nothing is
  // loaded yet: it knows only its catalogue.
  const fresh = await import(new URL('wary.js?unloaded', engineDir));
  await fresh.default({ module_or_path: await readFile(new URL('wary_bg.wasm', engineDir)) });
  assert.equal(fresh.analyze_url('reddit-login.com').level, 'safe', 'no names loaded yet');
  const { names, popular } = await import(new URL('protected-names.js', engineDir));
  // Until the popular sites are loaded the wasm knows none, so some of them read as lookalikes
  // of a brand; once loaded, none does.
  const sites = popular.split('\n').filter(Boolean);
  const flaggedBefore = sites.filter((site) => fresh.analyze_url(site).level !== 'safe');
  assert.ok(flaggedBefore.length > 0, 'some popular sites look like a brand to an engine that does not know them');
  const count = fresh.load_names(names, popular);
  assert.ok(count > 5000, `the shipped module holds the popular names (${count})`);
  const flaggedAfter = flaggedBefore.filter((site) => fresh.analyze_url(site).level !== 'safe');
  assert.deepEqual(flaggedAfter, [], 'no popular site is called a lookalike once the sites are loaded');
  const verdict = fresh.analyze_url('reddit-login.com');
  assert.equal(verdict.level, 'caution');
  assert.equal(verdict.lookalike_of, 'reddit.com');
  assert.equal(fresh.load_names('example.com\n', ''), count, 'a second load changes nothing');
  assert.equal(fresh.analyze_url('reddit.com').level, 'safe', 'the popular site itself is no lookalike');
});

test('analyze_listing: buying tips on a real marketplace\'s listing only, and an answer for anything', () => {
  const today = '2026-12-08';
  const CASES = [
    // facts, the tips' codes
    [{ url: 'https://www.aliexpress.com/item/1.html', title: '2TB USB 3.0 Flash Drive', price: 'US $7.99', today }, ['impossible-capacity']],
    [{ url: 'https://www.ebay.com/itm/1', title: 'USB-C Charger 65W', price: 'US $12.99', store: 'Joined Oct 2026\n91.5% positive feedback\n12 items sold', today }, ['new-store']],
    [{ url: 'https://www.ebay.com/itm/1', title: 'USB-C Charger 65W', price: 'US $12.99', store: 'Joined Mar 2015\n25K items sold', today }, []],
    [{ url: 'https://www.temu.com/goods.html', title: 'Samsung Galaxy S24 Ultra', price: '89.99', currency: 'USD', usual_price: '1,299.99', today }, ['brand-too-cheap']],
    [{ url: 'https://www.paypal.com/item', title: '2TB USB 3.0 Flash Drive', price: 'US $7.99' }, []], // no marketplace
    [{ url: 'https://gadget-outlet-store.example/item', title: '2TB USB 3.0 Flash Drive', price: 'US $7.99' }, []],
    [{}, []],
  ];
  for (const [facts, codes] of CASES) {
    const answer = engine.analyze_listing(facts);
    assert.deepEqual(Object.keys(answer), ['tips'], `the answer's shape for ${JSON.stringify(facts)}`);
    assert.deepEqual(answer.tips.map((tip) => tip.code), codes, `tips for ${JSON.stringify(facts)}`);
    for (const tip of answer.tips) assert.ok(tip.message.length > 40 && typeof tip.evidence === 'string', `a sentence and evidence: ${JSON.stringify(tip)}`);
  }
  for (const bad of [null, 'text', 42, { title: 42 }, { store: ['a'] }]) {
    assert.throws(() => engine.analyze_listing(bad), (error) => error instanceof Error && /listing facts|should be/.test(error.message),
      `analyze_listing(${JSON.stringify(bad)}) should throw a clear Error`);
  }
  assert.deepEqual(engine.analyze_listing({ url: 'https://www.aliexpress.com/item/1.html', title: '🙂'.repeat(100_000), price: 'x'.repeat(100_000) }).tips, [], 'outsize facts: read within the caps');
});
