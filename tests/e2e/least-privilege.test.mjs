// Least privilege: the manifest grants exactly what README's permission table justifies, the
// extension pages run under a strict CSP that the browser really enforces, no code comes from
// anywhere but the package, and no file of the package is web-accessible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { browserSuite, findBar, root } from './helpers.mjs';

const suite = browserSuite();
const manifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
const readme = await readFile(path.join(root, 'README.md'), 'utf8');

/** The rows of README's "Permissions, and why each is needed" table: [first cell, ...]. */
function permissionRows() {
  const section = readme.slice(readme.indexOf('### Permissions, and why each is needed'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| --- |')));
  return table.split('\n').filter((line) => line.startsWith('|') && !line.startsWith('| ---') && !line.startsWith('| permission')).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}
const ticked = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

test('the manifest\'s permissions are exactly the ones README justifies', () => {
  const rows = permissionRows();
  assert.ok(rows.length >= 3, `README has the permission table (${rows.length} rows)`);
  const documented = rows.flatMap(([first]) => ticked(first)).filter((name) => /^[a-zA-Z]+$/.test(name));
  assert.deepEqual([...manifest.permissions].sort(), documented.sort(), 'manifest.json permissions = README\'s permission rows');
  for (const row of rows) assert.ok(row[2]?.length > 20, `README says why for ${row[0]}`);
  const scriptRow = rows.find(([first]) => first.startsWith('content script'));
  assert.deepEqual(manifest.content_scripts.flatMap((c) => c.matches).sort(), ticked(scriptRow[0]).sort(), 'content-script matches = README');
  assert.ok(manifest.content_scripts.every((c) => !c.all_frames && !c.match_about_blank), 'content scripts run in top frames only');
  assert.ok(!rows.some(([first]) => first.startsWith('`web_accessible_resources`')), 'README lists no web-accessible resources');
  for (const key of ['web_accessible_resources', 'host_permissions', 'optional_permissions', 'optional_host_permissions', 'externally_connectable', 'content_security_policy.sandbox', 'sandbox']) {
    assert.equal(key.split('.').reduce((value, part) => value?.[part], manifest), undefined, `manifest.json has no ${key}`);
  }
});

test('no web-accessible file: the content script loads nothing from the package, and a page can fetch none of it', async () => {
  // Everything the content script needs is in its own two files; the engine answers by message.
  const content = await readFile(path.join(root, 'extension/content/content.js'), 'utf8');
  assert.ok(!/getURL\(|import\(/.test(content), 'content/content.js loads no file of the package');
  const tab = await suite.browser.context.newPage();
  await tab.goto(suite.server.url('aliexpress-sale.shop', '/plain'));
  assert.ok(await findBar(tab), 'the bar is drawn without any web-accessible file');
  const reached = await tab.evaluate(async (id) => Promise.all(['engine/wary.js', 'engine/wary_bg.wasm', 'shared/settings.js', 'shared/i18n.js', 'popup/popup.html', 'manifest.json'].map(async (file) => {
    try {
      await fetch(`chrome-extension://${id}/${file}`);
      return `${file}: fetched`;
    } catch {
      return null;
    }
  })), suite.browser.extensionId);
  assert.deepEqual(reached.filter(Boolean), [], 'no file of the package can be fetched by a page by the extension\'s id');
  await tab.close();
});

test('the extension pages\' CSP is strict, and the browser enforces it', async () => {
  const csp = manifest.content_security_policy.extension_pages;
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'scripts from the package only; wasm compilation, no eval');
  assert.deepEqual(directives['default-src'], ["'self'"], 'everything else (connections included) from the package only');
  assert.deepEqual(directives['object-src'], ["'none'"], 'no plugins');
  assert.deepEqual(directives['base-uri'], ["'none'"], 'no <base> redirection');
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'|https?:|\*/, 'no inline scripts, eval, remote hosts or wildcards');

  const popup = await suite.browser.context.newPage();
  await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup/popup.html`);
  const enforced = await popup.evaluate(async (port) => {
    const result = {};
    // DevTools lets eval through during its own evaluation call; the page's code runs later.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const [name, run] of [['eval', () => (0, eval)('1')], ['function', () => new Function('return 1')()]]) {
      try {
        run();
        result[name] = 'ran';
      } catch (error) {
        result[name] = error.name;
      }
    }
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
    result.inline = window.inlineRan === true ? 'ran' : 'blocked';
    try {
      await fetch(`http://127.0.0.1:${port}/plain`, { mode: 'no-cors' }); // an opaque answer, if it were sent
      result.fetch = 'sent';
    } catch {
      result.fetch = 'blocked';
    }
    return result;
  }, suite.server.port);
  assert.deepEqual(enforced, { eval: 'EvalError', function: 'EvalError', inline: 'blocked', fetch: 'blocked' }, 'eval, new Function, inline scripts and connections elsewhere are refused in the popup');
  const fromWorker = await suite.browser.worker.evaluate(async (port) => fetch(`http://127.0.0.1:${port}/plain`, { mode: 'no-cors' }).then(() => 'sent', () => 'blocked'), suite.server.port);
  assert.equal(fromWorker, 'blocked', 'the service worker cannot connect anywhere either');
  await popup.close();
});

test('no remote code: every script the extension runs is a file of the package', async () => {
  const files = (await readdir(path.join(root, 'extension'), { recursive: true })).filter((f) => /\.(m?js|html)$/.test(f));
  for (const file of files) {
    // Comments name import() and fetch in prose; only the code counts.
    const source = (await readFile(path.join(root, 'extension', file), 'utf8')).replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '');
    for (const [, src] of source.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) assert.doesNotMatch(src, /^[a-z]+:|^\/\//i, `extension/${file}: <script src="${src}"> is in the package`);
    for (const [, from] of source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) assert.match(from, /^\.\.?\//, `extension/${file}: import from '${from}' is a file of the package`);
    const dynamic = source.match(/\bimport\(/g)?.length ?? 0;
    const packaged = source.match(/\bimport\(api\.runtime\.getURL\('[a-z0-9/_-]+\.js'\)\)/g)?.length ?? 0;
    assert.equal(dynamic, packaged, `extension/${file}: every import() loads a packaged file through runtime.getURL`);
    assert.doesNotMatch(source, /importScripts|\bfetch\(|XMLHttpRequest|sendBeacon|new WebSocket|EventSource/, `extension/${file} makes no request of its own`);
  }
  const declared = [manifest.background.service_worker, ...manifest.content_scripts.flatMap((c) => c.js), manifest.action.default_popup, manifest.options_ui.page];
  for (const file of declared) await readFile(path.join(root, 'dist/chrome', file)).catch(() => assert.fail(`${file} named in the manifest is in the package`));
});
