// Languages: every UI string comes from _locales (en, es, pt, fr, de, ru), and a browser
// started in Spanish shows the bar, the popup and the options page in Spanish, and the engine's
// own sentences (reasons, advice) too: the extension hands it its templates from _locales.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { browserSuite, findBar, accessibleNodes, screenshot, root } from './helpers.mjs';

const LANGUAGES = ['de', 'en', 'es', 'fr', 'pt', 'ru'];

async function filesUnder(folder, ends) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && ends.some((end) => e.name.endsWith(end))).map((e) => path.join(e.parentPath ?? e.path, e.name));
}

test('every message the UI names exists in every language', async () => {
  const locales = Object.fromEntries(await Promise.all(LANGUAGES.map(async (lang) => [
    lang, JSON.parse(await readFile(path.join(root, 'extension/_locales', lang, 'messages.json'), 'utf8')),
  ])));
  const used = new Set();
  const sources = [...await filesUnder(path.join(root, 'extension'), ['.js', '.html']), path.join(root, 'manifest.json')];
  for (const file of sources) {
    const text = await readFile(file, 'utf8');
    for (const pattern of [/data-i18n(?:-[a-z-]+)?="([A-Za-z_]+)"/g, /\bt\('([A-Za-z_]+)'/g, /getMessage\('([A-Za-z_]+)'/g, /__MSG_([A-Za-z_]+)__/g]) {
      for (const [, key] of text.matchAll(pattern)) used.add(key);
    }
  }
  for (const prefix of ['level_safe', 'level_caution', 'level_danger', 'layer_domain', 'layer_link', 'layer_payment', 'layer_pressure', 'layer_offer', 'layer_pattern']) used.add(prefix);
  assert.ok(used.size > 50, `the UI names its messages (found ${used.size})`);
  for (const lang of LANGUAGES) {
    const missing = [...used].filter((key) => !locales[lang][key]?.message);
    assert.deepEqual(missing, [], `messages missing in ${lang}`);
  }
});

const suite = browserSuite({ lang: 'es' });

test('in a Spanish browser the bar speaks Spanish', async () => {
  const tab = await suite.browser.context.newPage();
  await tab.goto(suite.server.url('aliexpress.com.secure-login.ru', '/plain'));
  assert.ok(await findBar(tab), 'bar on the lookalike');
  const buttons = (await accessibleNodes(tab)).filter((n) => n.role === 'button').map((n) => n.name);
  for (const name of ['Llévame al sitio real, aliexpress.com', '¿Por qué?', 'Confío en este sitio', 'Cerrar este aviso durante esta visita']) {
    assert.ok(buttons.includes(name), `a button named "${name}"; buttons: ${buttons.join(' | ')}`);
  }
  const texts = (await accessibleNodes(tab)).map((n) => n.name);
  assert.ok(texts.some((text) => text.includes('Esto no es aliexpress.com.')), `the bar's sentence, from the engine, is Spanish: ${texts.join(' | ')}`);
  await screenshot(tab, 'bar-spanish');
  await tab.close();
});

test('in a Spanish browser the popup and the options page speak Spanish', async () => {
  const popup = await suite.browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup/popup.html`);
  assert.equal(await popup.locator('label[for="paste"]').innerText(), 'Pega un enlace, mensaje o correo sospechoso', 'popup label');
  assert.equal(await popup.locator('#check').innerText(), 'Comprobar', 'Check button');
  assert.equal(await popup.evaluate(() => document.documentElement.lang), 'es', 'the page says its language');
  await popup.fill('#paste', 'aliexpress.com.secure-login.ru');
  await popup.click('#check');
  await popup.waitForFunction(() => document.querySelector('#verdict')?.dataset.level);
  const card = await popup.locator('#verdict').innerText();
  assert.match(card, /Peligro/, `the level is Spanish: ${card}`);
  assert.match(card, /Dominio: señalado/, `the layers are Spanish: ${card}`);
  assert.match(card, /Esto no es aliexpress\.com\. La dirección solo contiene «aliexpress\.com»/, `the engine's reason is Spanish: ${card}`);
  assert.match(card, /escribe tú mismo aliexpress\.com en la barra de direcciones/, `the engine's advice is Spanish: ${card}`);
  await popup.close();

  const options = await suite.browser.context.newPage();
  await options.goto(`chrome-extension://${suite.browser.extensionId}/options/options.html`);
  assert.equal(await options.locator('h1').innerText(), 'Ajustes de Wary', 'options title');
  await options.close();
});
