// ESLint's flat config for Wary's JavaScript (`npm run lint:js`, part of `./build.sh lint`):
// the recommended rules, with each file's globals and module kind. The extension runs in the
// browser with the WebExtension API; its content scripts are classic scripts (browsers load
// them so), everything else of it is an ES module. The tests, benches and tools run in Node,
// and hand callbacks to the browser (`page.evaluate`), so they see both sets of globals.
import js from '@eslint/js';
import globals from 'globals';

const inBrowser = { ...globals.browser, ...globals.webextensions };

export default [
  {
    ignores: ['dist/', 'build/', 'node_modules/', 'target/', 'fuzz/', 'extension/_locales/'],
  },
  js.configs.recommended,
  {
    files: ['extension/**/*.js'],
    languageOptions: { sourceType: 'module', globals: inBrowser },
  },
  {
    files: ['extension/content/**/*.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    // Scripts of the test pages, run by the page itself.
    files: ['tests/**/fixtures/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['tests/**/*.mjs', 'benches/**/*.mjs', 'tools/**/*.mjs', 'eslint.config.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node, ...inBrowser } },
  },
];
