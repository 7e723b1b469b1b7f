// Renders extension/icons/wary.svg to the PNG sizes the stores and toolbars want
// (extension/icons/wary-<size>.png), with the Chromium the tests use. Run after changing the
// SVG: `node tools/icons.mjs`; the PNGs are committed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../extension/icons');
const svg = await readFile(path.join(folder, 'wary.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: path.join(folder, `wary-${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
