#!/usr/bin/env python3
"""Wary's accuracy harness: false positives on popular sites, detection of generated lookalikes.

    python3 tools/accuracy.py [--wary target/release/wary] [--quick]

False positives: every site of the Tranco top 1M (from the MISP warninglists in the PyPI
package pymispwarninglists, CC0) that is not in our own 10k allowlist (data/popular_sites.txt)
goes through `wary check --json -`; a caution or danger there is a false alarm on a real,
popular site. (The list in the package is sorted by name, not rank, so "top 100k" cannot be
told apart: danger is counted over all of them.)

Detection: dnstwist (PyPI) generates permutations of each catalogue brand's home domain,
in-process and without any DNS lookup; permutations that are themselves Tranco sites or a
brand's official domain are left out (they are real sites). A permutation counts as detected
at caution or danger. Combosquats use dnstwist's dictionary fuzzer with the words in
tools/accuracy_words.txt; TLD swaps use a list of common suffixes.

Everything downloaded is cached under build/ (git-ignored); details go to test-output/accuracy/.
"""

import argparse
import collections
import json
import pathlib
import random
import subprocess
import sys
import time
import venv
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "accuracy"
OUT = ROOT / "test-output" / "accuracy"
TLDS = "com net org info biz shop store online site top xyz co io app live click link club vip icu cc me ru cn de uk fr es it br mx in".split()


def pip_download(package: str) -> pathlib.Path:
    """The wheel of `package` from PyPI, cached."""
    cache = BUILD / "wheels"
    cache.mkdir(parents=True, exist_ok=True)
    found = sorted(cache.glob(f"{package}-*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(cache), package], check=True)
        found = sorted(cache.glob(f"{package}-*.whl"))
    return found[-1]


def dnstwist_module():
    """dnstwist imported from a venv of its own under build/ (with idna, which it uses for IDNs)."""
    env = BUILD / "venv"
    python = env / "bin" / "python"
    if not python.exists():
        venv.create(env, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "dnstwist==20250130", "idna"], check=True)
    site = next((env / "lib").glob("python3*/site-packages"))
    sys.path.insert(0, str(site))
    import dnstwist  # noqa: E402

    return dnstwist


def tranco_sites() -> list[str]:
    wheel = pip_download("pymispwarninglists")
    with zipfile.ZipFile(wheel) as z:
        data = json.loads(z.read("pymispwarninglists/data/misp-warninglists/lists/tranco/list.json"))
    return [d.strip(".").lower() for d in data["list"]]


def data_lines(name: str) -> list[str]:
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def brand_homes() -> tuple[list[tuple[str, str]], set[str]]:
    """(brand name, home domain) per catalogue brand, and every official domain — as build.rs reads data/brands.txt."""
    brands, official = [], set()
    name, token, domains = None, None, []

    def close():
        if name and domains:
            brands.append((name, domains[0]))
            official.update(domains)

    for raw in (ROOT / "data" / "brands.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition(" ")
        words = value.lower().split()
        if key == "brand":
            close()
            name, token, domains = value.strip(), None, []
        elif key == "token":
            token = token or words[0]
        elif key == "suffixes":
            domains.extend(f"{token}.{suffix}" for suffix in words)
        elif key == "domains":
            domains.extend(words)
    close()
    return brands, official


def judge(wary: str, hosts: list[str]) -> dict[str, dict]:
    """Verdicts from the CLI, one per host."""
    result = subprocess.run([wary, "check", "--json", "-"], input="\n".join(hosts) + "\n", capture_output=True, text=True, check=True)
    verdicts = {}
    for line in result.stdout.splitlines():
        verdict = json.loads(line)
        verdicts[verdict["input"]] = verdict
    return verdicts


def codes(verdict: dict) -> str:
    return ",".join(r["code"] for r in verdict.get("reasons", []) if r["severity"] != "info") or verdict.get("error", "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wary", default=str(ROOT / "target" / "release" / "wary"))
    parser.add_argument("--quick", action="store_true", help="a fixed sample: 50k sites, 4 brands (a CI smoke run)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.time()
    rng = random.Random(20261125)

    # False positives.
    allow = set(data_lines("popular_sites.txt"))
    outside = [d for d in tranco_sites() if d not in allow]
    if args.quick:
        outside = rng.sample(outside, 50_000)
    verdicts = judge(args.wary, outside)
    flagged = [(d, v) for d, v in verdicts.items() if v.get("level") in ("caution", "danger")]
    danger = [d for d, v in flagged if v["level"] == "danger"]
    errors = sum(1 for v in verdicts.values() if "error" in v)
    with open(OUT / "false-positives.tsv", "w", encoding="utf-8") as out:
        for domain, v in sorted(flagged, key=lambda dv: (dv[1]["level"] != "danger", dv[0])):
            out.write(f"{domain}\t{v['level']}\t{v.get('lookalike_of')}\t{codes(v)}\n")
    fp_rate = 100 * len(flagged) / max(1, len(verdicts))

    # Detection.
    dnstwist = dnstwist_module()
    words = [w for w in (ROOT / "tools" / "accuracy_words.txt").read_text(encoding="utf-8").split() if not w.startswith("#")]
    brands, official = brand_homes()
    if args.quick:
        brands = brands[:4]
    tranco = set(verdicts) | allow
    permutations: dict[str, str] = {}
    for _, home in brands:
        fuzzer = dnstwist.Fuzzer(home, dictionary=words, tld_dictionary=TLDS)
        fuzzer.generate()
        for p in fuzzer.domains:
            domain, technique = p["domain"], p["fuzzer"]
            if technique == "*original" or domain in tranco or domain in official:
                continue
            permutations.setdefault(domain, technique)
    found = judge(args.wary, list(permutations))
    per = collections.defaultdict(lambda: [0, 0])
    misses = collections.defaultdict(list)
    for domain, technique in permutations.items():
        v = found.get(domain, {})
        hit = v.get("level") in ("caution", "danger")
        per[technique][0] += 1
        per[technique][1] += hit
        if not hit:
            misses[technique].append(domain)
    with open(OUT / "missed-lookalikes.tsv", "w", encoding="utf-8") as out:
        for technique in sorted(misses):
            for domain in sorted(misses[technique]):
                out.write(f"{technique}\t{domain}\n")
    total = sum(t for t, _ in per.values())
    detected = sum(d for _, d in per.values())

    print(f"Wary accuracy ({'quick sample' if args.quick else 'full run'}), {time.time() - started:.0f} s")
    print(f"False positives: {len(flagged)} of {len(verdicts)} popular sites outside the allowlist flagged "
          f"({fp_rate:.3f}%; target <= 0.05%), {len(danger)} at danger (target 0), {errors} input errors")
    print(f"Detection: {detected} of {total} dnstwist lookalikes of {len(brands)} brands ({100 * detected / max(1, total):.1f}%; target >= 97%)")
    for technique in sorted(per, key=lambda t: per[t][1] / per[t][0]):
        t, d = per[technique]
        print(f"  {technique:<14} {d:>6} of {t:<6} {100 * d / t:5.1f}%")
    print(f"Details: {OUT.relative_to(ROOT)}/false-positives.tsv, missed-lookalikes.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
