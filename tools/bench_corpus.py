#!/usr/bin/env python3
"""The host corpus for the side-by-side benchmark (benches/peer.mjs): the same sources as
tools/accuracy.py, in a fixed sample small enough for the peer's Levenshtein scan.

    python3 tools/bench_corpus.py [--out bench-output/corpus]

Writes two files, one host per line, the same on every run and machine:

  popular-outside.txt   Tranco top-1M sites outside our allowlist (not in tranco10k, not in
                        data/popular_sites.txt), reduced to their registrable domain: a caution
                        or danger here is a false alarm (accuracy.py's false-positive set). The
                        sites whose CRC-32 is 0 modulo 100 (~1%, ~9,900 sites).
  lookalikes.tsv        technique, brand home, permutation: dnstwist permutations of the
                        catalogue brands in accuracy.py's --quick sample (CRC-32 of the home
                        0 modulo 20), less Tranco sites and brands' official domains (as in
                        accuracy.py), then those whose CRC-32 is 0 modulo 10 (~10k).

The pinned wheels come from PyPI once, through accuracy.py's own helpers (cached in build/).
"""

import argparse
import multiprocessing
import pathlib
import sys
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import accuracy  # noqa: E402
from brands import official_domains, read_brands  # noqa: E402
from psl import PublicSuffixList  # noqa: E402

SITE_MODULUS = 100
PERMUTATION_MODULUS = 10


def crc(name: str) -> int:
    return zlib.crc32(name.encode())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "bench-output" / "corpus"))
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    psl = PublicSuffixList.from_file(ROOT / "data" / "public_suffix_list.dat")
    brands = read_brands(ROOT / "data" / "brands.txt")
    official = official_domains(brands)
    allowlist = accuracy.data_domains("popular_sites.txt")
    import zipfile

    with zipfile.ZipFile(accuracy.wheel("pymispwarninglists")) as z:
        tranco = {h.strip(".").lower() for h in accuracy.warninglist(z, "tranco")["list"]}
        top10k = {d for h in accuracy.warninglist(z, "tranco10k")["list"] if (d := psl.registrable(h))}
    accuracy.import_dnstwist()

    sampled = sorted(h for h in tranco if crc(h) % SITE_MODULUS == 0)
    sites = list(dict.fromkeys(d for h in sampled if (d := psl.registrable(h))))
    outside = [d for d in sites if d not in top10k and d not in allowlist]
    (out / "popular-outside.txt").write_text("\n".join(outside) + "\n", encoding="utf-8")

    words = list(dict.fromkeys(w for line in (ROOT / "tools" / "accuracy_words.txt").read_text(encoding="utf-8").splitlines()
                               if not line.lstrip().startswith("#") for w in line.split()))
    jobs = []
    for brand in brands:
        if not accuracy.in_quick_sample(brand.home):
            continue
        if psl.registrable(brand.home) == brand.home:
            suffix = psl.public_suffix(brand.home)
        else:
            suffix = brand.home.split(".", 1)[1]
        jobs.append((brand.home, (brand.home[: -len(suffix) - 1], suffix, words, accuracy.TLDS)))
    rows, seen = [], set()
    with multiprocessing.get_context("fork").Pool() as pool:
        for (home, _), pairs in zip(jobs, pool.imap(accuracy._permutations, [job for _, job in jobs], chunksize=1)):
            for technique, domain in pairs:
                if domain in seen or domain in tranco or crc(domain) % PERMUTATION_MODULUS:
                    continue
                registrable = psl.registrable(domain)
                if registrable is None or registrable in official:
                    continue
                seen.add(domain)
                rows.append(f"{technique}\t{home}\t{domain}")
    (out / "lookalikes.tsv").write_text("technique\tbrand_home\tdomain\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"bench corpus: {len(outside):,} popular sites outside the allowlist, {len(rows):,} lookalikes "
          f"of {len(jobs)} brands -> {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
