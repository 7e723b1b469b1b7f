// The options page: trusted sites (list, remove), the user's own protected sites, the
// sensitivity, on-page scanning, and export/import of all of it as JSON. Every change is
// saved at once through shared/settings.js, which also checks and migrates imported files.
import { loadSettings, saveSettings, migrate, siteOf, SCHEMA_VERSION } from '../shared/settings.js';
import { t, localize } from '../shared/i18n.js';

const api = globalThis.browser ?? globalThis.chrome;
const byId = (id) => document.getElementById(id);
let settings = await loadSettings(api);

function siteItem(site, listName) {
  const item = document.createElement('li');
  const name = document.createElement('span');
  name.className = 'site';
  name.textContent = site;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = t('remove');
  remove.setAttribute('aria-label', t('removeSite', site));
  remove.addEventListener('click', () => update({ [listName]: settings[listName].filter((s) => s !== site) }));
  item.append(name, remove);
  return item;
}

function render() {
  for (const listName of ['trusted', 'protected']) {
    const list = byId(`${listName}-list`);
    const items = settings[listName].map((site) => siteItem(site, listName));
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

// Another window (or "I trust this site" on a page) may change the settings meanwhile.
api.storage.onChanged.addListener(async (changes) => {
  if (!changes.settings) return;
  settings = await loadSettings(api);
  render();
});

localize();
render();
document.body.dataset.ready = 'true';
