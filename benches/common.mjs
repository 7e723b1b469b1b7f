// Shared by the Node benches: the host corpus, medians, and each bench's figures as JSON in bench-output/,
// where benches/summary.mjs reads them into the one table `./build.sh bench` prints.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';

export const root = new URL('../', import.meta.url);

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Writes `figures` to bench-output/<name>.json, with the time and the 1-minute load average. */
export async function record(name, figures) {
  const dir = new URL('bench-output/', root);
  await mkdir(dir, { recursive: true });
  await writeFile(new URL(`${name}.json`, dir), JSON.stringify({ measured: new Date().toISOString(), load1: loadavg()[0], ...figures }, null, 2) + '\n');
}

/**
 * The host corpus of benches/hosts.rs: 5,000 `www.` + popular hosts, then lookalikes of eight
 * brand domains made by the usual techniques (combos, embedding, TLD swap, omission,
 * repetition, replacement).
 */
export async function hostCorpus() {
  const popular = await readFile(new URL('data/popular_sites.txt', root), 'utf8');
  const hosts = popular.split('\n').filter((l) => l && !l.startsWith('#')).slice(0, 5000).map((d) => `www.${d}`);
  const brands = ['aliexpress.com', 'paypal.com', 'amazon.com', 'ebay.com', 'walmart.com', 'temu.com', 'shein.com', 'fedex.com'];
  for (const domain of brands) {
    const [name, suffix] = domain.split(/\.(.*)/);
    hosts.push(`${name}-sale.shop`, `${name}.com.secure-login.ru`, `${name}.top`, `${name}-refund-center.com`, `login.${name}.verify-account.net`);
    for (let at = 0; at < name.length; at++) {
      hosts.push(`${name.slice(0, at)}${name.slice(at + 1)}.${suffix}`);
      hosts.push(`${name.slice(0, at)}${name[at]}${name.slice(at)}.${suffix}`);
      hosts.push(`${name.slice(0, at)}x${name.slice(at + 1)}.${suffix}`);
    }
  }
  return hosts;
}

/**
 * Issue 15's realistic mix (tools/bench_corpus.py writes bench-output/corpus/mix.tsv): a million
 * distinct hosts, as `{ kinds, hosts }`, row by row (popular, tail, brand-lookalike,
 * popular-lookalike).
 */
export async function hostMix() {
  const text = await readFile(new URL('bench-output/corpus/mix.tsv', root), 'utf8');
  const kinds = [];
  const hosts = [];
  for (const line of text.split('\n').slice(1)) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    kinds.push(line.slice(0, tab));
    hosts.push(line.slice(tab + 1));
  }
  return { kinds, hosts };
}

/**
 * Loads what the worker hands the engine beside the wasm (engine/protected-names.js), as the
 * service worker does before its first verdict.
 */
export async function loadNames(engine, engineDir) {
  const { names, popular } = await import(new URL('protected-names.js', engineDir));
  return engine.load_names(names, popular);
}
