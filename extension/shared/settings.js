// The user's settings: what they are, their defaults, where they live, and how an older or
// imported copy is brought to the current shape. Used by the service worker, the popup and
// the options page; the content script asks the worker (`settings/get`) instead, as content
// scripts cannot import modules statically.
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
  sensitivity: 'balanced',
  scanning: true, // judge the page's content, not only its address
});

const MAX_SITES = 500;
const MAX_SITE_CHARS = 253;

/**
 * How the engine's score (0–100) becomes the level the user sees. The engine scores each
 * caution reason 40 and each danger reason 80 (src/verdict.rs), so thresholds can only act
 * at 40 and 80: strict shows every caution as a danger, relaxed keeps quiet about a lone
 * caution, balanced is the engine's own level.
 */
export const THRESHOLDS = Object.freeze({
  strict: { caution: 40, danger: 40 },
  balanced: { caution: 40, danger: 80 },
  relaxed: { caution: 80, danger: 80 },
});

/** The level shown for `verdict` under `sensitivity`. */
export function effectiveLevel(verdict, sensitivity) {
  const at = THRESHOLDS[sensitivity] ?? THRESHOLDS.balanced;
  if (sensitivity === 'balanced' || !(verdict.score > 0)) return verdict.level;
  if (verdict.score >= at.danger) return 'danger';
  return verdict.score >= at.caution ? 'caution' : 'safe';
}

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

export async function loadSettings(api) {
  let stored;
  try {
    ({ settings: stored } = await storageArea(api).get('settings'));
  } catch {
    // Firefox without sync (e.g. disabled by policy) throws; the local copy still works.
  }
  if (stored === undefined) ({ settings: stored } = await api.storage.local.get('settings'));
  try {
    return migrate(stored);
  } catch {
    return structuredClone(DEFAULTS);
  }
}

/**
 * Stores `settings` (migrated first) in sync, or, when sync refuses them (its quota is 8 KB
 * an item, about 300 trusted sites), in local, removing the stale sync copy so that the one
 * copy there is is the one read.
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
  return clean;
}
