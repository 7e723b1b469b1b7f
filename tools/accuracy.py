#!/usr/bin/env python3
"""Wary's accuracy harness: false alarms on popular sites, detection of generated lookalikes.

    python3 tools/accuracy.py --wary target/release/wary          # full run (about a minute)
    python3 tools/accuracy.py --wary target/release/wary --quick  # fixed sample, a CI smoke run
    python3 tools/accuracy.py --tranco-csv top-1m.csv             # with real Tranco ranks

False positives. The Tranco top 1M comes from the MISP warninglists in the PyPI package
pymispwarninglists (pinned below). Each site is reduced to its registrable domain (eTLD+1 under
the ICANN section of data/public_suffix_list.dat, tools/psl.py) and judged by `wary check --json -`.
The sites outside our 10k allowlist are ranks 10,001-1,000,000: a caution or danger there is
a false alarm on a real, popular site. The package's lists are sorted by name and carry no
ranks, only the top-10k set (`tranco10k`) apart from the rest; so "danger in the top 100,000" is
bounded by danger in ranks 1-10,000 plus danger in 10,001-1,000,000, and flagged sites are
sorted by how many other top lists of the package (Cisco Umbrella top 20k, Majestic top 10k,
Chrome UX Report top 1M, Alexa top 1000, Moz top 500) also have them. With --tranco-csv FILE
(a `rank,domain` list as tranco-list.eu publishes it) real ranks are used throughout.

Detection. For every brand of data/brands.txt, its home domain (as build.rs picks it) goes
through dnstwist's permutation generator in-process (Fuzzer.generate(): every fuzzer, with
the words of tools/accuracy_words.txt for `dictionary` and the suffixes in TLDS for `tld-swap`).
Nothing is looked up: no DNS, no network. Permutations that are Tranco top-1M sites, or whose
registrable domain is a catalogue brand's official domain, are left out. A permutation counts
as detected at caution or danger. CLI answers {"input","error"} are counted apart, in neither.

--quick: a fixed sample, the same from run to run and stable as the lists grow: the sites and
brands whose CRC-32 is 0 modulo 20 (about 5%). Without it every site and every brand is run.

Downloads (only with no copy cached): the pinned wheels of pymispwarninglists, dnstwist and
idna, into build/accuracy/wheels/ (git-ignored); dnstwist and idna are pure Python and are
unpacked into build/accuracy/site-packages/ and imported from there (no venv needed). Details
go to test-output/accuracy/: false-positives.tsv, missed-lookalikes.tsv, errors.tsv,
summary.json and report.txt.
"""

import argparse
import collections
import csv
import json
import multiprocessing
import os
import pathlib
import re
import subprocess
import sys
import time
import zipfile
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from brands import official_domains, read_brands  # noqa: E402
from psl import PublicSuffixList, to_ascii  # noqa: E402

BUILD = ROOT / "build" / "accuracy"
OUT = ROOT / "test-output" / "accuracy"
PINS = {"pymispwarninglists": "1.7.0", "dnstwist": "20250130", "idna": "3.20"}
LISTS = "pymispwarninglists/data/misp-warninglists/lists"
# Suffixes for dnstwist's tld-swap: the cheap and new generic ones scammers favour, the big
# generic ones, and the country codes of the catalogue's markets.
TLDS = """com net org info biz shop store online site top xyz co io app live click link club vip
icu cc me us ru su cn de fr es it pt nl pl br mx ar in uk co.uk com.br com.mx tk ml ga cf gq buzz
cyou sbs cfd bond rest lol pw ws today support help services website space fun asia eu world life win""".split()
OTHER_TOP_LISTS = {  # warninglist -> short name, for the popularity signal of flagged sites
    "cisco_top20k": "umbrella20k",
    "majestic_million": "majestic10k",
    "google-chrome-crux-1million": "crux1m",
    "alexa": "alexa1k",
    "moz-top500": "moz500",
}
QUICK_MODULUS = 20
CAUGHT = ("caution", "danger")


# ---------------------------------------------------------------------------------------------
# Downloads and imports


def wheel(package: str) -> pathlib.Path:
    """The pinned wheel of `package`, downloaded from PyPI once and cached under build/."""
    cache = BUILD / "wheels"
    pattern = f"{package}-{PINS[package]}-*.whl"
    found = sorted(cache.glob(pattern))
    if not found:
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                        "--dest", str(cache), f"{package}=={PINS[package]}"], check=True)
        found = sorted(cache.glob(pattern))
    if not found:
        sys.exit(f"accuracy.py: no wheel {pattern} after pip download")
    return found[-1]


def import_dnstwist():
    """dnstwist and idna (which it uses to encode international names), from their pinned wheels."""
    site = BUILD / "site-packages"
    stamp = site / ".pins"
    want = f"dnstwist=={PINS['dnstwist']} idna=={PINS['idna']}"
    if not stamp.exists() or stamp.read_text() != want:
        import shutil

        shutil.rmtree(site, ignore_errors=True)
        site.mkdir(parents=True)
        for package in ("dnstwist", "idna"):
            with zipfile.ZipFile(wheel(package)) as z:
                z.extractall(site)
        stamp.write_text(want)
    sys.path.insert(0, str(site))
    import dnstwist
    import idna

    if dnstwist.__version__ != PINS["dnstwist"] or idna.__version__ != PINS["idna"]:
        sys.exit(f"accuracy.py: imported dnstwist {dnstwist.__version__}, idna {idna.__version__}; expected {want}")
    return dnstwist


# ---------------------------------------------------------------------------------------------
# Data


def warninglist(z: zipfile.ZipFile, name: str) -> dict:
    return json.loads(z.read(f"{LISTS}/{name}/list.json"))


def data_domains(name: str) -> set[str]:
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    return {d for raw in text.splitlines() if (line := raw.strip()) and not line.startswith("#") and (d := to_ascii(line))}


def in_quick_sample(name: str) -> bool:
    return zlib.crc32(name.encode()) % QUICK_MODULUS == 0


def read_tranco_csv(path: str, psl: PublicSuffixList) -> dict[str, int]:
    """Registrable domain -> best rank, from a `rank,domain` CSV."""
    ranks: dict[str, int] = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            if len(row) >= 2 and row[0].strip().isdigit():
                rank, domain = int(row[0]), psl.registrable(row[1])
                if domain and rank < ranks.get(domain, 1 << 62):
                    ranks[domain] = rank
    return ranks


# ---------------------------------------------------------------------------------------------
# The CLI


HEAD = re.compile(r'\{"input":"((?:[^"\\]|\\.)*)","level":"(\w+)"')
LOOKALIKE = re.compile(r'"lookalike_of":"([^"]*)"')


def judge(wary: str, inputs: list[str]) -> list[dict]:
    """One verdict per input, in order, from `wary check --json -`. Parsing a million JSON
    lines takes longer than judging them, so a verdict holds only `level` and `lookalike_of`
    (and `error` for an error line); `full(verdict)` parses the rest when it is wanted."""
    if not inputs:
        return []
    done = subprocess.run([wary, "check", "--json", "-"], input="\n".join(inputs) + "\n",
                          capture_output=True, text=True)
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) != len(inputs):
        sys.exit(f"accuracy.py: `{wary} check --json -` exited {done.returncode} with {len(lines)} lines "
                 f"for {len(inputs)} inputs; stderr:\n{done.stderr[-2000:]}")
    verdicts = []
    for host, line in zip(inputs, lines):
        head = HEAD.match(line)
        if head and head.group(1) == host:
            look = LOOKALIKE.search(line) if head.group(2) != "safe" else None
            verdicts.append({"level": head.group(2), "lookalike_of": look and look.group(1), "_line": line})
            continue
        verdict = json.loads(line)  # an error line, or one this quick reading does not know
        if verdict.get("input") != host:
            sys.exit(f"accuracy.py: answer for {verdict.get('input')!r} where {host!r} was expected")
        verdicts.append(verdict)
    return verdicts


def full(verdict: dict) -> dict:
    """The whole verdict, parsed."""
    return json.loads(verdict["_line"]) if "_line" in verdict else verdict


def codes(verdict: dict) -> str:
    """The reason codes that raised the level, else all of them."""
    reasons = verdict.get("reasons", [])
    raising = [r["code"] for r in reasons if r.get("severity") in CAUGHT]
    return ",".join(raising or [r["code"] for r in reasons]) or "-"


def evidence(verdict: dict) -> str:
    return " | ".join(r.get("evidence", "") for r in verdict.get("reasons", []) if r.get("severity") in CAUGHT) or "-"


# ---------------------------------------------------------------------------------------------
# dnstwist, in worker processes


def _permutations(job):
    """(fuzzer, domain) pairs for one brand home: every dnstwist fuzzer, the name and suffix
    split by the Public Suffix List rather than dnstwist's own guess (it takes `gob.mx` for a
    name)."""
    name, suffix, words, tlds = job
    import dnstwist

    fuzzer = dnstwist.Fuzzer(f"{name}.{suffix}", dictionary=words, tld_dictionary=tlds)
    fuzzer.subdomain, fuzzer.domain, fuzzer.tld = "", name, suffix
    fuzzer.generate()
    return [(p["fuzzer"], p["domain"]) for p in fuzzer.domains if p["fuzzer"] != "*original"]


# ---------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wary", default=str(ROOT / "target" / "release" / "wary"), help="the CLI to measure (default: target/release/wary)")
    parser.add_argument("--quick", action="store_true", help=f"a fixed ~{100 // QUICK_MODULUS}%% sample of sites and brands (CI smoke run)")
    parser.add_argument("--tranco-csv", metavar="FILE", help="a ranked Tranco list (rank,domain) to use instead of the package's unranked one")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for dnstwist (default: all cores)")
    args = parser.parse_args()
    wary = str(pathlib.Path(args.wary).resolve())
    if not os.access(wary, os.X_OK):
        sys.exit(f"accuracy.py: no CLI at {wary}; build it with `cargo build --release`")
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.time()
    timings = {}

    def lap(phase: str, since: float) -> float:
        timings[phase] = round(time.time() - since, 1)
        return time.time()

    # --- sources ------------------------------------------------------------------------------
    t = time.time()
    psl = PublicSuffixList.from_file(ROOT / "data" / "public_suffix_list.dat")
    brands = read_brands(ROOT / "data" / "brands.txt")
    official = official_domains(brands)
    allowlist = data_domains("popular_sites.txt")
    with zipfile.ZipFile(wheel("pymispwarninglists")) as z:
        tranco_list = warninglist(z, "tranco")
        top10k_list = warninglist(z, "tranco10k")
        others = {short: warninglist(z, name)["list"] for name, short in OTHER_TOP_LISTS.items()}
    tranco_hosts = {h.strip(".").lower() for h in tranco_list["list"]}
    import_dnstwist()  # on sys.path for the worker processes
    t = lap("load", t)

    # --- false positives ------------------------------------------------------------------------
    ranked = bool(args.tranco_csv)
    if ranked:
        ranks = read_tranco_csv(args.tranco_csv, psl)
        tranco_hosts |= set(ranks)
        source = f"Tranco CSV {pathlib.Path(args.tranco_csv).name} ({len(ranks):,} registrable domains, ranked)"
        sites = sorted(ranks, key=ranks.get)
        top10k = {d for d in sites if ranks[d] <= 10_000}
        public_suffixes = 0
    else:
        ranks = {}
        source = (f"Tranco top 1M from PyPI pymispwarninglists {PINS['pymispwarninglists']} "
                  f"(list version {tranco_list['version']}; sorted by name, no ranks)")
        hosts = sorted(tranco_hosts)
        if args.quick:
            hosts = [h for h in hosts if in_quick_sample(h)]
        reduced = [psl.registrable(h) for h in hosts]
        public_suffixes = reduced.count(None)
        sites = list(dict.fromkeys(d for d in reduced if d))
        top10k = {d for h in top10k_list["list"] if (d := psl.registrable(h))}
    if args.quick and ranked:
        sites = [d for d in sites if in_quick_sample(d)]
    outside = [d for d in sites if d not in top10k and d not in allowlist]
    in_top = [d for d in sites if d in top10k or d in allowlist]
    verdicts = dict(zip(sites, judge(wary, sites)))
    t = lap("false positives: CLI", t)

    def flagged(domains):
        return [d for d in domains if verdicts[d].get("level") in CAUGHT]

    fp = flagged(outside)
    fp_codes = collections.Counter(code for d in fp for code in codes(full(verdicts[d])).split(","))
    # Which other top lists have each flagged site (as itself or through a subdomain).
    wanted = set(fp) | set(flagged(in_top))
    signal: dict[str, list[str]] = collections.defaultdict(list)
    for short, names in others.items():
        hits = set()
        for host in names:
            host = host.strip(".").lower()
            while "." in host:
                if host in wanted:
                    hits.add(host)
                    break
                host = host.split(".", 1)[1]
        for d in hits:
            signal[d].append(short)

    def also_in(domain: str) -> list[str]:
        return signal.get(domain, [])

    fp_danger = [d for d in fp if verdicts[d]["level"] == "danger"]
    fp_errors = [d for d in outside if "error" in verdicts[d]]
    top_flagged = flagged(in_top)
    top_danger = [d for d in top_flagged if verdicts[d]["level"] == "danger"]
    if ranked:
        top100k_danger = [d for d in sites if ranks[d] <= 100_000 and verdicts[d].get("level") == "danger"]

    def fp_order(d):
        return (ranks[d],) if ranked else (-len(also_in(d)), verdicts[d]["level"] != "danger", d)

    with open(OUT / "false-positives.tsv", "w", encoding="utf-8") as out:
        out.write("# Tranco sites outside the 10k allowlist that Wary flags (and any flagged inside it, marked top10k).\n")
        out.write("# Sorted by rank" + ("" if ranked else " as far as known: the package has no ranks, so by how many other "
                  "top lists have the site, then danger first") + ".\n")
        out.write("rank\talso_in\tdomain\tlevel\tscore\tlookalike_of\tcodes\tevidence\n")
        for d in sorted(top_flagged + fp, key=lambda d: (d not in top_flagged, *fp_order(d))):
            v = full(verdicts[d])
            rank = str(ranks[d]) if ranked else ("top10k" if d in top_flagged else "10k-1M")
            out.write(f"{rank}\t{','.join(also_in(d)) or '-'}\t{d}\t{v['level']}\t{v.get('score')}\t"
                      f"{v.get('lookalike_of') or '-'}\t{codes(v)}\t{evidence(v)}\n")
    t = lap("false positives: report", t)

    # --- detection ------------------------------------------------------------------------------
    words = list(dict.fromkeys(w for line in (ROOT / "tools" / "accuracy_words.txt").read_text(encoding="utf-8").splitlines()
                               if not line.lstrip().startswith("#") for w in line.split()))
    chosen = [b for b in brands if in_quick_sample(b.home)] if args.quick else brands
    jobs, notes = [], []
    for brand in chosen:
        if psl.registrable(brand.home) == brand.home:
            suffix = psl.public_suffix(brand.home)
        else:  # `nhs.uk` is itself a public suffix: fuzz its first label
            suffix = brand.home.split(".", 1)[1]
            notes.append(f"{brand.name}'s home {brand.home} is not a registrable domain (a public suffix "
                         f"itself); its first label was fuzzed under .{suffix}")
        jobs.append((brand, (brand.home[: -len(suffix) - 1], suffix, words, TLDS)))
    permutations: dict[str, tuple[str, str]] = {}  # domain -> (technique, brand home)
    excluded = collections.Counter()
    generated = 0
    with multiprocessing.get_context("fork").Pool(max(1, args.jobs)) as pool:
        for (brand, _), pairs in zip(jobs, pool.imap(_permutations, [job for _, job in jobs], chunksize=1)):
            for technique, domain in pairs:
                generated += 1
                if domain in permutations:
                    excluded["generated twice"] += 1
                elif domain in tranco_hosts:
                    excluded["a Tranco top-1M site"] += 1
                elif (registrable := psl.registrable(domain)) is None:
                    excluded["a public suffix"] += 1
                elif registrable in official:
                    excluded["a brand's official domain"] += 1
                else:
                    permutations[domain] = (technique, brand.home)
    t = lap("detection: dnstwist", t)
    names = list(permutations)
    found = dict(zip(names, judge(wary, names)))
    t = lap("detection: CLI", t)

    per = collections.defaultdict(collections.Counter)
    for domain, (technique, home) in permutations.items():
        v = found[domain]
        row = per[technique]
        if "error" in v:
            row["errors"] += 1
            continue
        row["total"] += 1
        if v.get("level") in CAUGHT:
            row["detected"] += 1
            if v.get("lookalike_of") and v["lookalike_of"] not in official_of(home, brands):
                row["as another"] += 1
    missed_examples = collections.defaultdict(list)
    with open(OUT / "missed-lookalikes.tsv", "w", encoding="utf-8") as out:
        out.write("technique\tbrand_home\tdomain\tunicode\tlevel\tcodes\n")
        for domain, (technique, home) in sorted(permutations.items(), key=lambda kv: (kv[1][0], kv[1][1], kv[0])):
            v = found[domain]
            if "error" not in v and v.get("level") not in CAUGHT:
                v = full(v)
                missed_examples[technique].append((zlib.crc32(domain.encode()), domain))
                out.write(f"{technique}\t{home}\t{domain}\t{unicode_form(domain)}\t{v.get('level')}\t{codes(v) if v.get('reasons') else '-'}\n")
    with open(OUT / "errors.tsv", "w", encoding="utf-8") as out:
        out.write("part\tinput\terror\n")
        for d in sites:
            if "error" in verdicts[d]:
                out.write(f"false-positives\t{d}\t{verdicts[d]['error']}\n")
        for d in names:
            if "error" in found[d]:
                out.write(f"detection:{permutations[d][0]}\t{d}\t{found[d]['error']}\n")
    t = lap("detection: report", t)

    # --- report ---------------------------------------------------------------------------------
    total = sum(r["total"] for r in per.values())
    detected = sum(r["detected"] for r in per.values())
    det_errors = sum(r["errors"] for r in per.values())
    judged_outside = len(outside) - len(fp_errors)
    fp_rate = 100 * len(fp) / max(1, judged_outside)
    det_rate = 100 * detected / max(1, total)
    elapsed = time.time() - started
    rates = [r["detected"] / r["total"] for r in per.values() if r["total"]]
    macro = 100 * sum(rates) / max(1, len(rates))
    share_homoglyph = 100 * per["homoglyph"]["total"] / max(1, total)

    def status(ok: bool) -> str:
        return "met" if ok else "MISSED"

    lines = [
        f"Wary accuracy, {'QUICK SAMPLE (sites and brands whose CRC-32 is 0 mod 20)' if args.quick else 'full run'}: {elapsed:.0f} s",
        f"  engine: {wary}",
        f"  sources: {source}; dnstwist {PINS['dnstwist']} (in-process, no DNS); {len(brands)} catalogue brands",
        "",
        "False positives: Tranco sites outside our 10k allowlist (ranks 10,001-1,000,000)",
        f"  judged:             {judged_outside:,} registrable domains"
        + (f" ({public_suffixes} Tranco entries are public suffixes themselves, skipped)" if public_suffixes else ""),
        f"  caution or danger:  {len(fp):,} = {fp_rate:.3f}%   target <= 0.05%: {status(fp_rate <= 0.05)}",
        f"  of those danger:    {len(fp_danger):,}",
        f"  CLI errors:         {len(fp_errors):,}",
        "  by reason code:     " + ", ".join(f"{code} {n}" for code, n in fp_codes.most_common()),
    ]
    if ranked:
        lines.append(f"  danger in ranks 1-100,000: {len(top100k_danger)}   target 0: {status(not top100k_danger)}")
    else:
        bound = len(top_danger) + len(fp_danger)
        lines += [
            "  danger in ranks 1-100,000 (target 0): the package has no ranks, so only bounded:",
            f"    ranks 1-10,000 (tranco10k and the allowlist, {len(in_top):,} sites): {len(top_danger)} danger, {len(top_flagged)} flagged at all",
            f"    ranks 10,001-1,000,000: {len(fp_danger)} danger, so at most {bound} in the top 100,000: "
            + ("met" if bound == 0 else "not shown met"),
            f"  flagged sites that other top lists of the package also have (Umbrella 20k, Majestic 10k, CrUX 1M, "
            f"Alexa 1k, Moz 500): {sum(1 for d in fp if also_in(d))} ({sum(1 for d in fp_danger if also_in(d))} danger); "
            "false-positives.tsv lists those first",
        ]
    lines += [
        "",
        f"Detection: dnstwist permutations of {len(jobs)} brand home domains",
        f"  generated {generated:,}; left out: " + ", ".join(f"{n:,} {why}" for why, n in excluded.most_common()),
        f"  detected (caution or danger): {detected:,} of {total:,} = {det_rate:.1f}%   target >= 97%: {status(det_rate >= 97)}",
        f"  mean of the per-technique rates (each technique weighs the same; homoglyphs are {share_homoglyph:.0f}% of all): {macro:.1f}%",
        f"  CLI errors: {det_errors:,}",
        f"  {'technique':<14} {'total':>8} {'detected':>9} {'%':>6} {'errors':>7} {'as another brand':>17}",
    ]
    for technique in sorted(per, key=lambda k: (per[k]["detected"] / max(1, per[k]["total"]), k)):
        r = per[technique]
        lines.append(f"  {technique:<14} {r['total']:>8,} {r['detected']:>9,} {100 * r['detected'] / max(1, r['total']):>5.1f}% "
                     f"{r['errors']:>7,} {r['as another']:>17,}")
    worst = sorted((k for k in per if per[k]["total"] > per[k]["detected"]),
                   key=lambda k: per[k]["detected"] - per[k]["total"])[:6]
    if worst:
        lines += ["", "  Missed the most (a few examples each; all in missed-lookalikes.tsv):"]
        for technique in worst:
            examples = [(d, unicode_form(d)) for _, d in sorted(missed_examples[technique])[:4]]
            lines.append(f"  {technique:<14} {per[technique]['total'] - per[technique]['detected']:>7,} missed, e.g. "
                         + ", ".join(f"{d} ({u})" if u != "-" else d for d, u in examples))
    lines += [f"  note: {note}" for note in notes]
    lines += [
        "",
        "Time: " + ", ".join(f"{k} {v} s" for k, v in timings.items()),
        f"Details: {OUT.relative_to(ROOT)}/ false-positives.tsv, missed-lookalikes.tsv, errors.tsv, summary.json, report.txt",
    ]
    report = "\n".join(lines)
    print(report)
    (OUT / "report.txt").write_text(report + "\n", encoding="utf-8")
    summary = {
        "mode": "quick" if args.quick else "full",
        "seconds": round(elapsed, 1),
        "timings": timings,
        "pins": PINS,
        "tranco": {"source": source, "ranked": ranked},
        "false_positives": {
            "judged": judged_outside, "flagged": len(fp), "percent": round(fp_rate, 4), "danger": len(fp_danger),
            "errors": len(fp_errors), "top10k_judged": len(in_top), "top10k_flagged": len(top_flagged), "top10k_danger": len(top_danger),
            **({"top100k_danger": len(top100k_danger)} if ranked else {}),
        },
        "detection": {
            "brands": len(jobs), "generated": generated, "excluded": dict(excluded), "judged": total,
            "detected": detected, "percent": round(det_rate, 2), "errors": det_errors, "mean_technique_percent": round(macro, 2),
            "by_technique": {k: dict(v) for k, v in sorted(per.items())},
        },
    }
    (OUT / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


_OFFICIAL_OF: dict[str, set[str]] = {}


def official_of(home: str, brands) -> set[str]:
    """The official domains of the brand whose home is `home`."""
    if not _OFFICIAL_OF:
        for b in brands:
            _OFFICIAL_OF[b.home] = set(b.domains)
    return _OFFICIAL_OF.get(home, set())


def unicode_form(domain: str) -> str:
    if "xn--" not in domain:
        return "-"
    try:
        import idna

        return idna.decode(domain)
    except Exception:  # noqa: BLE001 -- only for display
        try:
            return domain.encode("ascii").decode("idna")
        except UnicodeError:
            return "?"


if __name__ == "__main__":
    sys.exit(main())
