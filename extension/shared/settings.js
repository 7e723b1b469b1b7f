// The user's settings: what they are, their defaults, where they live, and how an older or
// imported copy is brought to the current shape. Used by the service worker (which hands the
// sites and the sensitivity to the engine's `configure`: the engine applies them) and the
// options page.
//
// Stored under one key, `settings`, in chrome.storage.sync where the browser offers it (the
// user's other devices get the same trusted sites), else chrome.storage.local.

/** Bump when the stored shape changes, and teach `migrate` the step from the previous one. */
export const SCHEMA_VERSION = 1;

export const SENSITIVITIES = ['strict', 'balanced', 'relaxed'];

export const DEFAULTS = Object.freeze({
  version: SCHEMA_VERSION,
  trusted: [], // sites the user trusts: host names, never warned about
  protected: [], // the user's own sites (their bank): lookalikes of these are warned about
  sensitivity: 'balanced', // how readily to warn: the engine shows its verdicts' levels accordingly
  scanning: true, // judge the page's content, not only its address
});

const MAX_SITES = 500;
const MAX_SITE_CHARS = 253;

/** A host name from what the user typed or a page's address; null when it is none. */
export function siteOf(input) {
  if (typeof input !== 'string') return null;
  const text = input.trim().toLowerCase();
  if (!text || text.length > 2048) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname.replace(/\.$/, '');
    return host && host.length <= MAX_SITE_CHARS && /^[^\s/]+\.[^\s/.]+$/.test(host) ? host : null;
  } catch {
    return null;
  }
}

function siteList(value) {
  if (!Array.isArray(value)) return [];
  const sites = value.map(siteOf).filter(Boolean);
  return [...new Set(sites)].slice(0, MAX_SITES);
}

/**
 * Any stored or imported value -> settings of SCHEMA_VERSION. Unknown fields are dropped,
 * wrong ones fall back to their default. Version 0 is the shape before versions existed
 * (`trustedSites` and `onPageScanning`). Throws on a newer version than this build knows,
 * so an import from a newer Wary is refused rather than silently cut down.
 */
export function migrate(raw) {
  if (raw === undefined || raw === null) return structuredClone(DEFAULTS);
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error('settings must be a JSON object');
  let value = { ...raw };
  const version = value.version ?? 0;
  if (!Number.isInteger(version) || version < 0) throw new Error('settings: version must be a whole number');
  if (version > SCHEMA_VERSION) throw new Error(`settings: version ${version} is newer than this Wary understands (${SCHEMA_VERSION})`);
  if (version === 0) {
    value = { trusted: value.trustedSites ?? value.trusted, protected: value.protected, sensitivity: value.sensitivity, scanning: value.onPageScanning ?? value.scanning };
  }
  return {
    version: SCHEMA_VERSION,
    trusted: siteList(value.trusted),
    protected: siteList(value.protected),
    sensitivity: SENSITIVITIES.includes(value.sensitivity) ? value.sensitivity : DEFAULTS.sensitivity,
    scanning: typeof value.scanning === 'boolean' ? value.scanning : DEFAULTS.scanning,
  };
}

/** chrome.storage.sync where it exists, else local. */
export function storageArea(api) {
  return api.storage.sync ?? api.storage.local;
}

/** In storage.local: a copy of the last settings read or written whole, to restore from. */
export const LAST_GOOD_KEY = 'settingsLastGood';

/**
 * What can still be used of a stored copy, field by field: `{fields, whole}`. Storage can hold
 * anything — a copy cut short, a value another program or an older Wary wrote, a JSON string,
 * a newer Wary's shape synced from another device — and none of it may cost the user their
 * trusted or protected sites, so, unlike `migrate`, this never throws: a field that is missing
 * or of the wrong type is left out (the caller fills it from the last good copy, else the
 * default), and `whole` says whether every field was sound.
 */
export function readStored(raw) {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { fields: {}, whole: false };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { fields: {}, whole: false };
  const version = value.version ?? 0;
  if (version === 0) value = { trusted: value.trustedSites ?? value.trusted, protected: value.protected, sensitivity: value.sensitivity, scanning: value.onPageScanning ?? value.scanning };
  const fields = {};
  let whole = Number.isInteger(version) && version >= 0 && version <= SCHEMA_VERSION;
  for (const name of ['trusted', 'protected']) {
    if (Array.isArray(value[name])) {
      fields[name] = siteList(value[name]);
      if (fields[name].length !== value[name].length) whole = false; // some entries were no sites
    } else {
      whole = false;
    }
  }
  if (SENSITIVITIES.includes(value.sensitivity)) fields.sensitivity = value.sensitivity;
  else whole = false;
  if (typeof value.scanning === 'boolean') fields.scanning = value.scanning;
  else whole = false;
  return { fields, whole };
}

async function storedValue(area, key) {
  try {
    return (await area.get(key))[key];
  } catch {
    return undefined; // Firefox without sync (e.g. disabled by policy) throws
  }
}

/**
 * The user's settings. The copy in local wins when there is one: it is there only because
 * sync refused the last save (see saveSettings), so any copy in sync is older. A damaged copy
 * keeps what is sound in it, takes the rest from the last good copy, then from the defaults;
 * a sound copy becomes the last good one.
 */
export async function loadSettings(api) {
  const sync = storageArea(api) === api.storage.local ? undefined : storageArea(api);
  let stored = await storedValue(api.storage.local, 'settings');
  if (stored === undefined && sync) stored = await storedValue(sync, 'settings');
  if (stored === undefined) return structuredClone(DEFAULTS); // nothing saved yet
  const lastGood = await storedValue(api.storage.local, LAST_GOOD_KEY);
  const { fields, whole } = readStored(stored);
  const { fields: backup } = readStored(lastGood);
  const settings = { ...structuredClone(DEFAULTS), ...backup, ...fields, version: SCHEMA_VERSION };
  if (!whole) console.warn('Wary: the stored settings were damaged; kept what was sound, the rest from the last good copy or the defaults');
  else if (JSON.stringify(settings) !== JSON.stringify(lastGood)) await rememberGood(api, settings);
  return settings;
}

function rememberGood(api, settings) {
  return api.storage.local.set({ [LAST_GOOD_KEY]: settings }).catch(() => {});
}

/**
 * Stores `settings` (migrated first) in sync, or, when sync refuses them (its quota is 8 KB
 * an item, about 300 trusted sites, and 120 writes a minute), in local, where loadSettings
 * looks first; a save that sync takes removes the local copy again. Either way the settings
 * also become the last good copy in local.
 */
export async function saveSettings(api, settings) {
  const clean = migrate(settings);
  try {
    await storageArea(api).set({ settings: clean });
    if (storageArea(api) !== api.storage.local) await api.storage.local.remove('settings');
  } catch {
    await api.storage.local.set({ settings: clean });
    await storageArea(api).remove('settings').catch(() => {});
  }
  await rememberGood(api, clean);
  return clean;
}

// ---- buying tips the user asked not to see --------------------------------------------------
//
// "No tips on this site" on a buying tip: the site's host name, kept in a list of its own beside
// the settings (the same storage area, so it follows the user to their other devices), read and
// written only by the service worker and the options page (which lists them, and removes one):
// a page never sees it.

export const QUIET_TIPS_KEY = 'quietTips';

/** The sites where the user asked for no buying tips (host names). */
export async function loadQuietTips(api) {
  const [local, synced] = await Promise.all([
    storedValue(api.storage.local, QUIET_TIPS_KEY),
    storageArea(api) === api.storage.local ? undefined : storedValue(storageArea(api), QUIET_TIPS_KEY),
  ]);
  return siteList([...(Array.isArray(synced) ? synced : []), ...(Array.isArray(local) ? local : [])]);
}

/** Remembers that the user wants no buying tips on `site` (a host name); the newest MAX_SITES are kept. */
export async function quietTipsOn(api, site) {
  const sites = (await loadQuietTips(api)).filter((s) => s !== site);
  await saveQuietTips(api, [...sites, site]);
}

/**
 * Stores `sites` as the sites without buying tips (the options page removes one so): in sync,
 * or in local when sync refuses them (its quota); the other area's copy is removed, as
 * loadQuietTips reads both.
 */
export async function saveQuietTips(api, sites) {
  const value = { [QUIET_TIPS_KEY]: siteList(sites).slice(-MAX_SITES) };
  const area = storageArea(api);
  try {
    await area.set(value);
    if (area !== api.storage.local) await api.storage.local.remove(QUIET_TIPS_KEY);
  } catch {
    await api.storage.local.set(value);
    await area.remove(QUIET_TIPS_KEY).catch(() => {});
  }
}
