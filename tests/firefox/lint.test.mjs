// `web-ext lint` on the Firefox build: no errors, and no warning beyond the ones README.md
// lists under "Firefox lint warnings we keep" (each with its reason).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// code -> file it is expected in. Keep in step with README.md.
const EXPECTED_WARNINGS = new Map([
  ['BACKGROUND_SERVICE_WORKER_IGNORED', 'manifest.json'],
]);

test('web-ext lint: no errors, only the warnings README lists', async () => {
  const webExt = path.join(root, 'node_modules/.bin/web-ext');
  const run = await promisify(execFile)(webExt, ['lint', '--source-dir', path.join(root, 'dist/firefox'), '--no-config-discovery', '--output', 'json'], { maxBuffer: 16 << 20 })
    .catch((failure) => failure); // web-ext exits non-zero on errors; the JSON says which
  const report = JSON.parse(run.stdout);
  const list = (items) => items.map((m) => `${m.code} in ${m.file}: ${m.message}`).join('\n');
  assert.equal(report.errors.length, 0, `web-ext lint errors:\n${list(report.errors)}`);
  const unexpected = report.warnings.filter((m) => EXPECTED_WARNINGS.get(m.code) !== m.file);
  assert.equal(unexpected.length, 0, `warnings not listed in README.md:\n${list(unexpected)}`);
  console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (all expected), ${report.notices.length} notices`);
});
