// The toolbar badge in real Chromium: per tab, a check mark on a brand's real site, "!" on
// amber for caution, "!!" on red for danger, nothing on an ordinary site; the tooltip says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, retryUntil, tooltipFor, tabIdOf } from './helpers.mjs';

const suite = browserSuite();

/** Text, colour and tooltip of `tab`'s badge once the page's content has been judged. */
async function badgeOnceJudged(tab, judgedWhen) {
  const title = await retryUntil(async () => {
    const value = await tooltipFor(suite.browser.worker, tab);
    return judgedWhen(value ?? '') ? value : undefined;
  });
  const tabId = await tabIdOf(suite.browser.worker, tab);
  const { text, color } = await suite.browser.worker.evaluate(async (id) => ({
    text: await chrome.action.getBadgeText({ tabId: id }),
    color: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
  }), tabId);
  return { text, color, title };
}

const CASES = [
  // host, page, badge text, badge colour (RGBA), what the tooltip must say
  ['aliexpress.com', '/plain', '✓', [30, 125, 50, 255], /real AliExpress site/],
  ['aliexpress-sale.shop', '/plain', '!', [138, 83, 0, 255], /This is not aliexpress\.com/],
  ['aliexpress.com.secure-login.ru', '/plain', '!!', [179, 38, 30, 255], /This is not aliexpress\.com/],
  ['www.naver.com', '/plain', '', null, /nothing suspicious found on this site or page/],
];

for (const [host, page, text, color, says] of CASES) {
  test(`badge on ${host}: ${JSON.stringify(text)}`, async () => {
    const tab = await suite.browser.context.newPage();
    await tab.goto(suite.server.url(host, page));
    const badge = await badgeOnceJudged(tab, (title) => says.test(title));
    assert.match(badge.title ?? '', says, `tooltip on ${host}: ${badge.title}`);
    assert.equal(badge.text, text, `badge text on ${host}`);
    if (color) assert.deepEqual(badge.color, color, `badge colour on ${host}`);
    await tab.close();
  });
}

test('each tab keeps its own badge', async () => {
  const real = await suite.browser.context.newPage();
  await real.goto(suite.server.url('aliexpress.com', '/plain'));
  const fake = await suite.browser.context.newPage();
  await fake.goto(suite.server.url('aliexpress.com.secure-login.ru', '/plain'));
  assert.equal((await badgeOnceJudged(fake, (t) => /This is not/.test(t))).text, '!!', 'the lookalike tab warns');
  assert.equal((await badgeOnceJudged(real, (t) => /real AliExpress/.test(t))).text, '✓', 'the real site\'s tab still shows the check mark');
  await real.close();
  await fake.close();
});
