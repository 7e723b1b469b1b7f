// analyze_page in the built WebAssembly engine, through its real JS glue: the same verdicts as
// the native engine on every fixture of tests/data/pages/, clear errors for objects that are
// not page facts, and the caps on oversized pages.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';

const engineDir = new URL('../../dist/chrome/engine/', import.meta.url);
const fixturesDir = new URL('../data/pages/', import.meta.url);
let engine;

before(async () => {
  engine = await import(new URL('wary.js', engineDir));
  await engine.default({ module_or_path: await readFile(new URL('wary_bg.wasm', engineDir)) });
  // As the worker does: the popular sites and their names travel beside the wasm.
  const { names, popular } = await import(new URL('protected-names.js', engineDir));
  engine.load_names(names, popular);
});

test('the page fixtures get the same verdicts as in the native engine', async () => {
  const names = (await readdir(fixturesDir)).filter((name) => name.endsWith('.json')).sort();
  assert.ok(names.length >= 12, `page fixtures found: ${names.length}`);
  for (const name of names) {
    const { facts, expect } = JSON.parse(await readFile(new URL(name, fixturesDir), 'utf8'));
    const verdict = engine.analyze_page(facts);
    const codes = verdict.reasons.map((r) => r.code);
    const seen = `${name}: ${JSON.stringify(verdict.reasons.map((r) => [r.code, r.severity]))}`;
    assert.equal(verdict.level, expect.level, `level, ${seen}`);
    if ('verified' in expect) assert.equal(verdict.verified, expect.verified, `verified, ${seen}`);
    if ('lookalike_of' in expect) assert.equal(verdict.lookalike_of, expect.lookalike_of, `lookalike_of, ${seen}`);
    for (const code of expect.codes ?? []) assert.ok(codes.includes(code), `reason ${code} expected, ${seen}`);
    for (const code of expect.absent ?? []) assert.ok(!codes.includes(code), `reason ${code} unwanted, ${seen}`);
    if (expect.message_contains) {
      assert.ok(verdict.reasons.some((r) => r.message.includes(expect.message_contains)), `message "${expect.message_contains}", ${seen}`);
    }
    for (const reason of verdict.reasons) {
      assert.deepEqual(Object.keys(reason).sort(), ['code', 'evidence', 'layer', 'message', 'severity'], `reason shape, ${name}`);
    }
  }
});

test('objects that are not page facts throw a clear Error, and the engine keeps working', () => {
  const bad = [
    [undefined, 'expected an object'],
    [null, 'expected an object'],
    ['https://example.com', 'expected an object'],
    [{ url: 42 }, 'url should be a string'],
    [{ links: 'none' }, 'links should be an array'],
    [{ links: [{ href: 7 }] }, 'links[].href should be a string'],
    [{ links: ['https://example.com'] }, 'links[] should be an object'],
    [{ forms: [{ has_card: 'yes' }] }, 'forms[].has_card should be true or false'],
    [{ headings: [1] }, 'headings[] should be strings'],
  ];
  for (const [facts, words] of bad) {
    assert.throws(() => engine.analyze_page(facts), (error) => error instanceof Error && error.message.includes(words),
      `analyze_page(${JSON.stringify(facts)}) should throw an Error saying "${words}"`);
  }
  const fine = engine.analyze_page({ url: 'https://www.aliexpress.com/', title: null, links: undefined, forms: [{}] });
  assert.equal(fine.level, 'safe', 'missing and null fields count as empty');
  assert.equal(fine.verified, true);
});

test('oversized pages are cut, and the verdict says so', () => {
  const links = Array.from({ length: 10_000 }, (_, i) => ({ href: `https://site${i}.example.org/`, text: `site ${i}` }));
  const verdict = engine.analyze_page({ url: 'https://myblog-reviews.net/', text: 'ok 🙂 '.repeat(300_000), links });
  const codes = verdict.reasons.map((r) => r.code);
  assert.ok(codes.includes('page-text-truncated'), `text cut: ${codes}`);
  assert.ok(codes.includes('page-links-truncated'), `links cut: ${codes}`);
  assert.equal(verdict.level, 'safe', 'caps are information, not alarms');
});
