// Wary side by side with MetaMask's eth-phishing-detect (npm, the best-known open-source host
// checker: Levenshtein distance against a fuzzy list), in one Node process over the same hosts.
// Run after ./build.sh and python3 tools/bench_corpus.py:  node benches/peer.mjs
//
// The hosts (tools/bench_corpus.py, the sources of tools/accuracy.py in a fixed sample):
// ~10k Tranco top-1M sites outside our allowlist (a flag there is a false alarm) and ~10k
// dnstwist permutations of catalogue brands (a flag there is a detection); then, on the same
// footing, every MIX_EVERY-th row of issue 15's realistic mix (mix.tsv: 50,000 of its million
// hosts; the peer takes a millisecond or more a host, so the whole million would take an hour),
// with the flag rate of each kind of host and the time per host of each, one pass each.
//
// The peer's configuration, chosen to give it what Wary knows and nothing more:
//   fuzzylist  every catalogue brand's home domain (data/brands.txt, the first domain of each
//              brand, as build.rs and tools/brands.py pick it): the peer compares the name
//              without its suffix ("paypal") with the host's, so this is the brand names.
//   allowlist  every official domain of the catalogue plus data/popular_sites.txt, exactly
//              the lists built into Wary (a host or any subdomain of one passes).
//   blocklist  empty: Wary has none, and a blocklist of the test set would be no measure.
//   tolerance  2, the value MetaMask ships in the package's own config.json (the detector's
//              default is 3).
// Detection counts Wary's caution or danger; the peer has one level (result: true).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { hostMix, median, record, root } from './common.mjs';

const MIX_EVERY = 20;

const require = createRequire(import.meta.url);
const PhishingDetector = require('eth-phishing-detect/src/detector');
const peerVersion = require('eth-phishing-detect/package.json').version;

const engineDir = new URL('dist/chrome/engine/', root);
const engine = await import(new URL('wary.js', engineDir));
await engine.default({ module_or_path: await readFile(new URL('wary_bg.wasm', engineDir)) });
const { names: protectedNames, popular: popularSites } = await import(new URL('protected-names.js', engineDir));
engine.load_names(protectedNames, popularSites);

const lines = async (path) => (await readFile(new URL(path, root), 'utf8')).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

/** data/brands.txt read as tools/brands.py reads it: each brand's domains, home first. */
function brandDomains(text) {
  const brands = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [key, ...words] = line.split(/\s+/);
    if (key === 'brand') brands.push({ tokens: [], domains: [] });
    else if (key === 'token') brands.at(-1).tokens.push(...words.map((w) => w.toLowerCase()));
    else if (key === 'suffixes') brands.at(-1).domains.push(...words.map((s) => `${brands.at(-1).tokens[0]}.${s.toLowerCase()}`));
    else if (key === 'domains') brands.at(-1).domains.push(...words.map((d) => new URL(`http://${d.toLowerCase()}/`).hostname));
  }
  return brands;
}

const brands = brandDomains(await readFile(new URL('data/brands.txt', root), 'utf8'));
const popular = await lines('data/popular_sites.txt');
const outside = await lines('bench-output/corpus/popular-outside.txt');
const lookalikeRows = (await lines('bench-output/corpus/lookalikes.tsv')).slice(1).map((l) => l.split('\t'));
const lookalikes = lookalikeRows.map((row) => row[2]);
const homoglyph = lookalikeRows.map((row) => row[0] === 'homoglyph');
const hosts = [...outside, ...lookalikes];

const peer = new PhishingDetector({
  whitelist: [...new Set([...brands.flatMap((b) => b.domains), ...popular])],
  blacklist: [],
  fuzzylist: [...new Set(brands.map((b) => b.domains[0]))],
  tolerance: 2,
});

const wary = (host) => {
  try {
    const level = engine.analyze_url(host).level;
    return level === 'caution' || level === 'danger';
  } catch {
    return null; // an input the engine refuses: counted apart
  }
};
const metamask = (host) => peer.check(host).result;

function judge(check) {
  const flags = hosts.map(check);
  const count = (from, to) => flags.slice(from, to).filter((f) => f === true).length;
  const errors = flags.filter((f) => f === null).length;
  // dnstwist's homoglyphs (international names, compared by the peer in their xn-- form) are
  // most of the permutations, so the other techniques are counted apart too.
  const others = flags.slice(outside.length).filter((f, i) => !homoglyph[i] && f === true).length;
  return { falsePositives: count(0, outside.length), detected: count(outside.length, hosts.length), detectedNotHomoglyph: others, errors };
}

/**
 * Median time per host over `rounds` passes (after the warm-up pass that judged them). The
 * peer gets one pass: at ~2 ms a host, each pass over the corpus takes about 40 s.
 */
function time(check, rounds) {
  const perHost = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const host of hosts) check(host);
    perHost.push(((performance.now() - start) * 1000) / hosts.length);
  }
  return { usPerHost: median(perHost), spread: [Math.min(...perHost), Math.max(...perHost)], rounds };
}

const results = {};
for (const [name, check, rounds] of [['wary', wary, 7], ['peer', metamask, 1]]) {
  results[name] = { ...judge(check), ...time(check, rounds) };
  results[name].hostsPerSecond = Math.round(1e6 / results[name].usPerHost);
}
// The peer's allowlist is a linear scan (Array.some over 10,806 domains a host), which costs
// it more than its Levenshtein scan; its speed without the allowlist is timed too, so the
// ratio is not only the price of that list (accuracy is the run above, with the list).
const peerFuzzyOnly = new PhishingDetector({ whitelist: [], blacklist: [], fuzzylist: [...new Set(brands.map((b) => b.domains[0]))], tolerance: 2 });
hosts.forEach((host) => peerFuzzyOnly.check(host)); // warm-up
results.peerFuzzyOnly = time((host) => peerFuzzyOnly.check(host).result, 1);
results.peerFuzzyOnly.hostsPerSecond = Math.round(1e6 / results.peerFuzzyOnly.usPerHost);

// The mix's sample: both detectors judge it in one timed pass each (Wary's second pass too, for
// its time without the first calls' warm-up).
const mix = await hostMix();
const sample = mix.hosts.map((host, i) => ({ host, kind: mix.kinds[i] })).filter((_, i) => i % MIX_EVERY === 0);
function onMix(check) {
  const start = performance.now();
  const flags = sample.map(({ host }) => check(host));
  const usPerHost = ((performance.now() - start) * 1000) / sample.length;
  const kinds = {};
  sample.forEach(({ kind }, i) => {
    kinds[kind] ??= { hosts: 0, flagged: 0 };
    kinds[kind].hosts++;
    if (flags[i] === true) kinds[kind].flagged++;
  });
  return { usPerHost, kinds, errors: flags.filter((f) => f === null).length };
}
onMix(wary); // warm-up
const mixResults = { hosts: sample.length, every: MIX_EVERY, of: mix.hosts.length, wary: onMix(wary), peer: onMix(metamask) };

const summary = {
  peerPackage: `eth-phishing-detect ${peerVersion}`,
  config: { fuzzylist: brands.length, allowlist: new Set([...brands.flatMap((b) => b.domains), ...popular]).size, blocklist: 0, tolerance: 2 },
  corpus: { popularOutside: outside.length, lookalikes: lookalikes.length, notHomoglyph: homoglyph.filter((h) => !h).length },
  ...results,
  ratio: results.wary.hostsPerSecond / results.peer.hostsPerSecond,
  ratioFuzzyOnly: results.wary.hostsPerSecond / results.peerFuzzyOnly.hostsPerSecond,
  mix: mixResults,
};
await record('peer', summary);

const pct = (n, of) => `${n.toLocaleString('en')} of ${of.toLocaleString('en')} = ${((100 * n) / of).toFixed(1)}%`;
console.log(`${hosts.length.toLocaleString('en')} hosts: ${outside.length.toLocaleString('en')} popular outside the allowlist, ${lookalikes.length.toLocaleString('en')} lookalikes`);
for (const [name, r] of Object.entries(results)) {
  if (name === 'peerFuzzyOnly') {
    console.log(`peer without its allowlist: ${r.usPerHost.toFixed(2)} µs/host (${r.hostsPerSecond.toLocaleString('en')} hosts/s)`);
    continue;
  }
  console.log(`${name.padEnd(5)} ${r.usPerHost.toFixed(2)} µs/host (${r.hostsPerSecond.toLocaleString('en')} hosts/s; median of ${r.rounds}, ${r.spread.map((s) => s.toFixed(2)).join('–')})`
    + `  detected ${pct(r.detected, lookalikes.length)} (not homoglyphs: ${pct(r.detectedNotHomoglyph, summary.corpus.notHomoglyph)})  false alarms ${pct(r.falsePositives, outside.length)}${r.errors ? `  errors ${r.errors}` : ''}`);
}
console.log(`ratio  Wary ${summary.ratio.toFixed(1)}× the peer's hosts/s (${summary.ratioFuzzyOnly.toFixed(1)}× the peer without its allowlist)`);
console.log(`the mix, every ${MIX_EVERY}th of ${mixResults.of.toLocaleString('en')} hosts (${mixResults.hosts.toLocaleString('en')}), one pass each:`);
for (const name of ['wary', 'peer']) {
  const r = mixResults[name];
  const kinds = Object.entries(r.kinds).sort().map(([kind, k]) => `${kind} ${pct(k.flagged, k.hosts)}`).join(', ');
  console.log(`  ${name.padEnd(5)} ${r.usPerHost.toFixed(2)} µs/host; flagged: ${kinds}${r.errors ? `; errors ${r.errors}` : ''}`);
}
