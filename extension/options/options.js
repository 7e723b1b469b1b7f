// The options page: trusted sites (list, remove), the sites without buying tips (list, remove),
// the user's own protected sites, the sensitivity, on-page scanning, and export/import of the
// settings as JSON. Every change is
// saved at once through shared/settings.js, which also checks and migrates imported files.
import { loadQuietTips, loadSettings, saveQuietTips, saveSettings, migrate, siteOf, QUIET_TIPS_KEY, SCHEMA_VERSION } from '../shared/settings.js';
import { t, localize } from '../shared/i18n.js';

const api = globalThis.browser ?? globalThis.chrome;
const byId = (id) => document.getElementById(id);
localize(); // first, before the storage is read: the page never shows its words untranslated
let settings = await loadSettings(api);
let quiet = await loadQuietTips(api); // the sites without buying tips (kept beside the settings)

/** A site of a list, with its Remove button, which calls `remove`. */
function siteItem(site, remove) {
  const item = document.createElement('li');
  const name = document.createElement('span');
  name.className = 'site';
  name.textContent = site;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('remove');
  button.setAttribute('aria-label', t('removeSite', site));
  button.addEventListener('click', remove);
  item.append(name, button);
  return item;
}

function render() {
  const lists = {
    trusted: settings.trusted.map((site) => siteItem(site, () => update({ trusted: settings.trusted.filter((s) => s !== site) }))),
    protected: settings.protected.map((site) => siteItem(site, () => update({ protected: settings.protected.filter((s) => s !== site) }))),
    quiet: quiet.map((site) => siteItem(site, () => updateQuiet(quiet.filter((s) => s !== site)))),
  };
  for (const [listName, items] of Object.entries(lists)) {
    const list = byId(`${listName}-list`);
    if (!items.length) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = t('noneYet');
      items.push(empty);
    }
    list.replaceChildren(...items);
  }
  for (const radio of document.querySelectorAll('input[name="sensitivity"]')) radio.checked = radio.value === settings.sensitivity;
  byId('scanning').checked = settings.scanning;
}

async function updateQuiet(sites) {
  await saveQuietTips(api, sites);
  quiet = await loadQuietTips(api);
  render();
  byId('saved').textContent = t('saved');
}

async function update(change) {
  settings = await saveSettings(api, { ...settings, ...change });
  render();
  byId('saved').textContent = t('saved');
}

byId('protected-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = byId('protected-input');
  const site = siteOf(input.value);
  byId('protected-error').textContent = site ? '' : t('notASite');
  if (!site) return;
  input.value = '';
  update({ protected: [...settings.protected.filter((s) => s !== site), site] });
});
for (const radio of document.querySelectorAll('input[name="sensitivity"]')) {
  radio.addEventListener('change', () => radio.checked && update({ sensitivity: radio.value }));
}
byId('scanning').addEventListener('change', (event) => update({ scanning: event.target.checked }));

byId('export').addEventListener('click', () => {
  const blob = new Blob([`${JSON.stringify({ ...settings, version: SCHEMA_VERSION }, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'wary-settings.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
});

byId('import-file').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  const status = byId('import-status');
  event.target.value = '';
  if (!file) return;
  try {
    if (file.size > 1 << 20) throw new Error(t('importTooBig'));
    const imported = migrate(JSON.parse(await file.text()));
    await update(imported);
    status.textContent = t('imported');
    status.dataset.result = 'ok';
  } catch (error) {
    status.textContent = t('importFailed', error.message);
    status.dataset.result = 'error';
  }
});

// Another window (or "I trust this site" or "No tips on this site" on a page) may change them meanwhile.
api.storage.onChanged.addListener(async (changes) => {
  if (changes[QUIET_TIPS_KEY]) quiet = await loadQuietTips(api);
  if (changes.settings) settings = await loadSettings(api);
  if (changes.settings || changes[QUIET_TIPS_KEY]) render();
});

render();
document.body.dataset.ready = 'true';
