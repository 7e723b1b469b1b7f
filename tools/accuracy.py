#!/usr/bin/env python3
"""Wary's accuracy harness: false alarms on popular sites, detection of generated lookalikes of
the names Wary protects, on a brand-disjoint split (issue 15).

    python3 tools/accuracy.py                     # full run on the test half (about 4 minutes on 2 cores)
    python3 tools/accuracy.py --split tune|all    # another half of the protected names
    python3 tools/accuracy.py --quick             # fixed small sample, a CI smoke run (under a minute)
    python3 tools/accuracy.py --tranco-csv top-1m.csv   # with real Tranco ranks

Sources, from the PyPI package pymispwarninglists (pinned below): the Tranco top 1M (`tranco`,
its top 10k apart as `tranco10k`) and the Chrome UX Report top 1M (`google-chrome-crux-1million`,
origins' host names). Both are sorted by name and carry no ranks. Names are reduced to their
registrable domain (eTLD+1 under the ICANN section of data/public_suffix_list.dat, tools/psl.py)
where a site is meant, and judged by `wary check --json -` (a caution or a danger counts as
flagged; an answer {"input","error"} is counted apart, in neither).

False alarms, each as caution and danger apart:
  (a) Tranco sites outside the top 10k: the registrable domains of the Tranco 1M less the
      tranco10k set and data/popular_sites.txt (the engine's 10k): ranks 10,001-1,000,000.
  (b) CrUX sites outside the top 10k: the package's CrUX list has no rank buckets, so "outside the
      top 10k" is a host whose registrable domain is not one of those same 10k. CrUX lists origins,
      so each host is judged as listed (`www.`, `m.`, `login.` and all), as a browser would show it.
  (c) danger in the Tranco top 100k: without ranks only bounded, by danger among the top 10k plus
      danger in ranks 10,001-1M; flagged sites are sorted by how many other top lists of the
      package (Cisco Umbrella top 20k, Majestic top 10k, CrUX 1M, Alexa top 1000, Moz top 500)
      also have them. With --tranco-csv FILE (a `rank,domain` list as tranco-list.eu publishes it)
      real ranks are used throughout. CrUX hosts under the top 10k are counted beside it.
  (d) held out: CrUX hosts whose registrable domain is nowhere in the Tranco 1M. The engine's
      exceptions for legitimate neighbours are to be generated from the Tranco list, so this is
      the figure that cannot be circular.

Detection. The protected names are every catalogue brand's home domain (data/brands.txt, as
build.rs picks it) and every popular site's registrable domain (data/popular_sites.txt), split
by brand into a tune and a test half (tools/protected_names.py: the key is the brand, or the
site's name less its suffix; SHA-256 of the key decides). Only the chosen half (--split, the test
half by default) is generated. For each name:
  * dnstwist's fuzzers, in-process (Fuzzer.generate(); no DNS, no network): addition,
    bitsquatting, cyrillic, homoglyph, hyphenation, insertion, omission, plural, repetition,
    replacement, subdomain, transposition, vowel-swap, various, dictionary (the words of
    tools/accuracy_words.txt) and tld-swap (the suffixes in TLDS); the name and its suffix are
    split by the Public Suffix List rather than by dnstwist's own guess;
  * our own kinds, which dnstwist lacks (tools/lookalikes.py): combosquat (the name beside each
    word of tools/combosquat_words.txt, which is not the engine's list), embedding (the real
    domain inside another name: `brand.com.<random>.xyz`, `www-brand-com.net`,
    `brand.com-login.info`) and tld-swap-wide (the exact name under country codes and generic
    suffixes beyond dnstwist's list).
Each name gives at most SAMPLE_PER_NAME lookalikes a technique to the per-technique table (those
with the lowest CRC-32, the same every run), so that every name weighs alike and a long name's
thousands of homoglyphs do not outweigh a short one's; dnstwist's homoglyph fuzzer (about 4,000
names and 0.1-0.3 s a site) runs on every brand but only on the popular sites whose salted CRC-32
is 0 modulo HOMOGLYPH_MODULUS; should data/popular_sites.txt pass POPULAR_BUDGET sites, a fixed
share of them is taken. The output says what was sampled. Left out and counted: lookalikes that
are themselves a Tranco top-1M host or a CrUX host (with or without `www.`), whose registrable
domain is a catalogue brand's official domain or the protected site's own, that are a public
suffix, or that the same technique already made for another name. Reported per technique:
generated, left out, judged, detected (caution or danger), the rate for catalogue brands and
popular sites apart, and how many were flagged as the lookalike of another name; the target is
issue 15's 95% for each technique. Beside it, the figure BENCHMARKS.md recorded before issue 15:
dnstwist's fuzzers on every permutation of the catalogue brands (there on all 597 brands: with
--split all it is on the same footing, less the CrUX hosts now also left out).

--quick: a fixed sample, the same from run to run and stable as the lists grow: the Tranco
sites, CrUX hosts, brands and popular sites whose CRC-32 is 0 modulo 20 (about 5%), then the
chosen half.

Downloads (only with no copy cached): the pinned wheels of pymispwarninglists, dnstwist and
idna, into build/accuracy/wheels/ (git-ignored); dnstwist and idna are pure Python and are
unpacked into build/accuracy/site-packages/ and imported from there (no venv needed). Details
go to test-output/accuracy/: false-positives.tsv (Tranco), false-positives-crux.tsv (every
flagged CrUX host, with the set it counts in), missed-lookalikes.tsv (every miss of a catalogue
brand; at most MISSED_PER_SITE per technique for a popular site), errors.tsv, summary.json and
report.txt.
"""

import argparse
import collections
import csv
import functools
import json
import math
import multiprocessing
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from brands import official_domains, read_brands  # noqa: E402
from lookalikes import KINDS, read_words  # noqa: E402
from protected_names import MOVED_TO_TUNE, brand_key, protected_names  # noqa: E402
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
CRUX = "google-chrome-crux-1million"
QUICK_MODULUS = 20
CAUGHT = ("caution", "danger")
# dnstwist's fuzzers, in the order of Fuzzer.generate(); `tld-swap` and `various` are its own steps.
DNSTWIST_FUZZERS = ["addition", "bitsquatting", "cyrillic", "homoglyph", "hyphenation", "insertion", "omission", "plural",
                    "repetition", "replacement", "subdomain", "transposition", "vowel-swap", "dictionary", "tld-swap", "various"]
# The techniques as issue 15's "Done when" groups them, in the order the report prints them.
GROUPS = {
    "one edit": ["addition", "bitsquatting", "hyphenation", "insertion", "omission", "plural", "repetition", "replacement",
                 "subdomain", "transposition", "vowel-swap"],
    "look-alike letters": ["homoglyph", "cyrillic"],
    "words": ["dictionary", "combosquat"],
    "embedding": ["embedding", "various"],
    "other suffix": ["tld-swap", "tld-swap-wide"],
}
TARGET_DETECTION = 95.0  # percent of each technique's lookalikes flagged (issue 15)
TARGET_FALSE_ALARMS = 0.05  # percent of the sites outside the top 10k flagged (issue 15)
SAMPLE_PER_NAME = 50  # lookalikes a technique and protected name in the per-technique table
HOMOGLYPH_MODULUS = 20  # dnstwist's homoglyph fuzzer on 1 in this many popular sites
POPULAR_BUDGET = 12_000  # popular sites generated at most (both halves); more are sampled
MISSED_PER_SITE = 5  # rows of missed-lookalikes.tsv a technique and popular site at most


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


def data_lines(name: str) -> list[str]:
    """The domains of a data/ list, in its order, in ASCII form."""
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    return [d for raw in text.splitlines() if (line := raw.strip()) and not line.startswith("#") and (d := to_ascii(line))]


def data_domains(name: str) -> set[str]:
    return set(data_lines(name))


def in_quick_sample(name: str) -> bool:
    return zlib.crc32(name.encode()) % QUICK_MODULUS == 0


def in_salted_sample(salt: str, name: str, modulus: int) -> bool:
    """A fixed 1-in-`modulus` sample that does not line up with the quick sample."""
    return zlib.crc32(f"{salt}:{name}".encode()) % modulus == 0


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
SCORE = re.compile(r'"score":(\d+)')
LEVELS = {level: level for level in ("safe", "caution", "danger", "error")}


class Verdict(tuple):
    """(level, lookalike_of, details): level is safe, caution, danger or error; details, for
    the levels asked for and for errors, is (score, reason codes, evidence) (an error's text in
    place of the codes)."""

    __slots__ = ()

    level = property(lambda self: self[0])
    lookalike_of = property(lambda self: self[1])
    score = property(lambda self: self[2][0] if self[2] else None)
    codes = property(lambda self: self[2][1] if self[2] else "-")
    evidence = property(lambda self: self[2][2] if self[2] else "-")


def codes(verdict: dict) -> str:
    """The reason codes that raised the level, else all of them."""
    reasons = verdict.get("reasons", [])
    raising = [r["code"] for r in reasons if r.get("severity") in CAUGHT]
    return ",".join(raising or [r["code"] for r in reasons]) or "-"


def evidence(verdict: dict) -> str:
    return " | ".join(r.get("evidence", "") for r in verdict.get("reasons", []) if r.get("severity") in CAUGHT) or "-"


def _details(line: str, parsed: dict | None = None) -> tuple:
    if parsed is None and '"reasons":[]' in line:
        score = SCORE.search(line)
        return (int(score.group(1)) if score else None, "-", "-")
    verdict = parsed if parsed is not None else json.loads(line)
    return (verdict.get("score"), codes(verdict), evidence(verdict))


def judge(wary: str, inputs: list[str], keep=CAUGHT) -> list[Verdict]:
    """One verdict per input, in order, from one `wary check --json -` process, read as it
    streams (a million verdicts with their messages would not fit in memory as one string).
    Parsing millions of JSON lines takes longer than judging them, so a line is read by regular
    expressions, and its reasons only for the levels in `keep`."""
    if not inputs:
        return []
    verdicts: list[Verdict] = []
    with tempfile.TemporaryFile() as stderr:
        proc = subprocess.Popen([wary, "check", "--json", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=stderr, text=True, encoding="utf-8", bufsize=1 << 20)

        def feed():
            try:
                for start in range(0, len(inputs), 4096):
                    proc.stdin.write("\n".join(inputs[start:start + 4096]) + "\n")
                proc.stdin.close()
            except (BrokenPipeError, OSError):  # the CLI died: reported below
                pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for line in proc.stdout:
            if len(verdicts) == len(inputs):
                verdicts.append(None)  # one line too many: reported below
                break
            host = inputs[len(verdicts)]
            head = HEAD.match(line)
            if head and head.group(1) == host:
                level = LEVELS.get(head.group(2), head.group(2))
                look = LOOKALIKE.search(line) if level != "safe" else None
                verdicts.append(Verdict((level, look and sys.intern(look.group(1)), _details(line) if level in keep else None)))
                continue
            parsed = json.loads(line)  # an error line, or one this quick reading does not know
            if parsed.get("input") != host:
                sys.exit(f"accuracy.py: answer for {parsed.get('input')!r} where {host!r} was expected")
            if "error" in parsed:
                verdicts.append(Verdict(("error", None, (None, parsed["error"], "-"))))
            else:
                level = parsed["level"]
                verdicts.append(Verdict((level, parsed.get("lookalike_of"), _details(line, parsed) if level in keep else None)))
        writer.join()
        code = proc.wait()
        if code != 0 or len(verdicts) != len(inputs):
            stderr.seek(0)
            sys.exit(f"accuracy.py: `{wary} check --json -` exited {code} with {len(verdicts)} lines "
                     f"for {len(inputs)} inputs; stderr:\n{stderr.read()[-2000:].decode(errors='replace')}")
    return verdicts


# ---------------------------------------------------------------------------------------------
# Lookalikes, in worker processes


LDH = re.compile(r"[a-z0-9-]{1,63}")
OTHER_DOTS = re.compile("[\u3002\uff0e\uff61]")  # what idna.encode also takes for a dot


def _fast_idna_encode(encode):
    """idna.encode with a shortcut for labels of lower-case ASCII letters, digits and hyphens,
    which it returns unchanged after its checks (a hyphen at either end, or in the third and
    fourth places, or more than 63 characters is an error): the same answers, ten times faster on
    dnstwist's mostly ASCII output. Other labels (`xn--` ones included) go to idna one by one, as
    encode() itself takes them; a name with an empty label or a dot other than `.` goes to idna whole."""

    def ascii_label(label: str) -> bool:
        return bool(LDH.fullmatch(label)) and label[0] != "-" and label[-1] != "-" and label[2:4] != "--"

    def fast(name, *args, **kwargs):
        if not isinstance(name, str) or args or kwargs or len(name) > 253 or OTHER_DOTS.search(name):
            return encode(name, *args, **kwargs)
        labels = name.split(".")
        if not all(labels):
            return encode(name)
        out = b".".join(label.encode("ascii") if ascii_label(label) else encode(label) for label in labels)
        if len(out) > 253:
            raise ValueError("Domain too long")
        return out

    return fast


def _permutations(job):
    """(fuzzer, domain) pairs for one brand home: every dnstwist fuzzer, the name and suffix
    split by the Public Suffix List rather than dnstwist's own guess (it takes `gob.mx` for a
    name). An optional fifth item lists the fuzzers to run (default: all)."""
    name, suffix, words, tlds, *fuzzers = job
    import dnstwist

    if not hasattr(dnstwist.idna.encode, "__wrapped__"):
        dnstwist.idna.encode = functools.wraps(dnstwist.idna.encode)(_fast_idna_encode(dnstwist.idna.encode))
    fuzzer = dnstwist.Fuzzer(f"{name}.{suffix}", dictionary=words, tld_dictionary=tlds)
    fuzzer.subdomain, fuzzer.domain, fuzzer.tld = "", name, suffix
    if name.startswith("xn--") or ".xn--" in name:
        import idna

        fuzzer.domain = idna.decode(name)
    fuzzer.generate(fuzzers[0] if fuzzers else [])
    return [(p["fuzzer"], p["domain"]) for p in fuzzer.domains if p["fuzzer"] != "*original"]


# What the workers need to leave out real sites and own domains; set before the pool forks.
_KNOWN: dict = {}


def _lookalikes(job):
    """The lookalikes of one protected name, dnstwist's and ours, less those left out, as
    (technique, domain, sampled) triples: `sampled` marks the at most SAMPLE_PER_NAME a technique
    with the lowest CRC-32, which are all that is kept unless `every`. With counts per technique
    of what was made, what was sampled, and what of the sample was left out and why."""
    label, suffix, own, dictionary, tlds, combo_words, homoglyphs, every = job
    fuzzers = [f for f in DNSTWIST_FUZZERS if homoglyphs or f != "homoglyph"]
    pairs = _permutations((label, suffix, dictionary, tlds, fuzzers))
    for technique, make in KINDS.items():
        pairs += [(technique, domain) for domain in make(label, suffix, combo_words)]
    made = collections.Counter(technique for technique, _ in pairs)
    by_technique = collections.defaultdict(list)
    for technique, domain in pairs:
        by_technique[technique].append(domain)
    sample = {(technique, domain) for technique, domains in by_technique.items()
              for domain in sorted(domains, key=lambda d: (zlib.crc32(d.encode()), d))[:SAMPLE_PER_NAME]}
    sampled = collections.Counter(technique for technique, _ in sample)
    psl, tranco, crux, official = _KNOWN["psl"], _KNOWN["tranco"], _KNOWN["crux"], _KNOWN["official"]
    kept, left_out = [], collections.Counter()
    for technique, domain in pairs:
        in_sample = (technique, domain) in sample
        if not every and not in_sample:
            continue
        if domain in tranco:
            why = "a Tranco top-1M host"
        elif domain in crux or f"www.{domain}" in crux:
            why = "a CrUX host"
        elif (registrable := psl.registrable(domain)) is None:
            why = "a public suffix"
        elif registrable in official or registrable == own:
            why = "a brand's or the site's own domain"
        else:
            kept.append((technique, domain, in_sample))
            continue
        if in_sample:
            left_out[technique, why] += 1
    return kept, made, sampled, left_out


# ---------------------------------------------------------------------------------------------
# The measurements


class Sources:
    """Everything read once: the lists, the catalogue, the Public Suffix List."""

    def __init__(self, args):
        self.psl = PublicSuffixList.from_file(ROOT / "data" / "public_suffix_list.dat")
        self.brands = read_brands(ROOT / "data" / "brands.txt")
        self.official = official_domains(self.brands)
        self.popular = data_lines("popular_sites.txt")
        self.allowlist = set(self.popular)
        with zipfile.ZipFile(wheel("pymispwarninglists")) as z:
            tranco = warninglist(z, "tranco")
            top10k = warninglist(z, "tranco10k")
            crux = warninglist(z, CRUX)
            self.others = {short: warninglist(z, name)["list"] for name, short in OTHER_TOP_LISTS.items()}
        self.tranco_hosts = {h.strip(".").lower() for h in tranco["list"]}
        self.crux_hosts = {h.strip(".").lower() for h in crux["list"]}
        self.ranked = bool(args.tranco_csv)
        if self.ranked:
            self.ranks = read_tranco_csv(args.tranco_csv, self.psl)
            self.tranco_hosts |= set(self.ranks)
            self.tranco_source = f"Tranco CSV {pathlib.Path(args.tranco_csv).name} ({len(self.ranks):,} registrable domains, ranked)"
            self.top10k = {d for d, rank in self.ranks.items() if rank <= 10_000}
        else:
            self.ranks = {}
            self.tranco_source = f"Tranco top 1M, list {tranco['version']}"
            self.top10k = {d for h in top10k["list"] if (d := self.psl.registrable(h))}
        self.crux_source = f"CrUX top 1M, list {crux['version']}"
        # The registrable domains of the whole Tranco list, whatever the sample: what "held out" is measured against.
        self.tranco_registrable = {d for h in self.tranco_hosts if (d := self.psl.registrable(h))}

    def in_top10k(self, domain: str) -> bool:
        return domain in self.top10k or domain in self.allowlist


def rate(part: int, whole: int) -> str:
    return f"{100 * part / max(1, whole):.3f}%"


def status(ok: bool) -> str:
    return "met" if ok else "MISSED"


def false_alarms(args, wary: str, src: Sources, lap) -> tuple[list[str], dict]:
    """(a) to (d): report lines and figures; writes false-positives.tsv and false-positives-crux.tsv."""
    psl = src.psl
    # --- Tranco: registrable domains ---------------------------------------------------------
    if src.ranked:
        sites = sorted(src.ranks, key=src.ranks.get)
        public_suffixes = 0
    else:
        hosts = sorted(src.tranco_hosts)
        reduced = [psl.registrable(h) for h in hosts if not args.quick or in_quick_sample(h)]
        public_suffixes = reduced.count(None)
        sites = list(dict.fromkeys(d for d in reduced if d))
    if args.quick and src.ranked:
        sites = [d for d in sites if in_quick_sample(d)]
    outside = [d for d in sites if not src.in_top10k(d)]
    in_top = [d for d in sites if src.in_top10k(d)]
    verdicts = dict(zip(sites, judge(wary, sites)))
    lap("false alarms: Tranco")

    def flagged(domains, level=CAUGHT):
        return [d for d in domains if verdicts[d].level in level]

    fp = flagged(outside)
    top_flagged = flagged(in_top)
    # Which other top lists have each flagged site (as itself or through a subdomain).
    wanted = set(fp) | set(top_flagged)
    signal: dict[str, list[str]] = collections.defaultdict(list)
    for short, names in src.others.items():
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

    def fp_order(d):
        return (src.ranks[d],) if src.ranked else (-len(signal.get(d, [])), verdicts[d].level != "danger", d)

    with open(OUT / "false-positives.tsv", "w", encoding="utf-8") as out:
        out.write("# (a) Tranco sites outside the top 10k that Wary flags (and any flagged inside it, marked top10k).\n")
        out.write("# Sorted by rank" + ("" if src.ranked else " as far as known: the package has no ranks, so by how many other "
                  "top lists have the site, then danger first") + ".\n")
        out.write("rank\talso_in\tdomain\tlevel\tscore\tlookalike_of\tcodes\tevidence\n")
        for d in sorted(top_flagged + fp, key=lambda d: (d not in top_flagged, *fp_order(d))):
            v = verdicts[d]
            rank = str(src.ranks[d]) if src.ranked else ("top10k" if d in top_flagged else "10k-1M")
            out.write(f"{rank}\t{','.join(signal.get(d, [])) or '-'}\t{d}\t{v.level}\t{v.score}\t"
                      f"{v.lookalike_of or '-'}\t{v.codes}\t{v.evidence}\n")

    # --- CrUX: hosts as listed ---------------------------------------------------------------
    crux = sorted(h for h in src.crux_hosts if not args.quick or in_quick_sample(h))
    crux_site = {h: d for h in crux if (d := psl.registrable(h))}
    crux = [h for h in crux if h in crux_site]
    crux_verdicts = dict(zip(crux, judge(wary, crux)))
    crux_outside = [h for h in crux if not src.in_top10k(crux_site[h])]
    crux_inside = [h for h in crux if src.in_top10k(crux_site[h])]
    held_out = [h for h in crux_outside if crux_site[h] not in src.tranco_registrable and h not in src.tranco_hosts]
    held = set(held_out)
    # The same by site (registrable domain), to compare with (a).
    outside_sites = list(dict.fromkeys(crux_site[h] for h in crux_outside))
    held_sites = list(dict.fromkeys(crux_site[h] for h in held_out))
    site_verdicts = dict(zip(outside_sites, judge(wary, outside_sites)))
    lap("false alarms: CrUX")
    with open(OUT / "false-positives-crux.tsv", "w", encoding="utf-8") as out:
        out.write("# (b) and (d): CrUX hosts that Wary flags. set: held-out (its site is nowhere in the Tranco 1M), "
                  "outside (outside the top 10k, in the Tranco 1M), top10k (a host of one of the 10k).\n")
        out.write("set\thost\tsite\tlevel\tscore\tlookalike_of\tcodes\tevidence\n")
        order = {"top10k": 0, "held-out": 1, "outside": 2}
        rows = []
        for h in crux:
            v = crux_verdicts[h]
            if v.level in CAUGHT:
                part = "held-out" if h in held else ("top10k" if src.in_top10k(crux_site[h]) else "outside")
                rows.append((order[part], v.level != "danger", h, part, v))
        for _, _, h, part, v in sorted(rows, key=lambda r: r[:3]):
            out.write(f"{part}\t{h}\t{crux_site[h]}\t{v.level}\t{v.score}\t{v.lookalike_of or '-'}\t{v.codes}\t{v.evidence}\n")
    lap("false alarms: report")

    def figures(names, table):
        judged = [n for n in names if table[n].level != "error"]
        caution = sum(1 for n in judged if table[n].level == "caution")
        danger = sum(1 for n in judged if table[n].level == "danger")
        reasons = collections.Counter(code for n in judged if table[n].level in CAUGHT for code in table[n].codes.split(","))
        return {"judged": len(judged), "caution": caution, "danger": danger, "flagged": caution + danger,
                "percent": round(100 * (caution + danger) / max(1, len(judged)), 4), "errors": len(names) - len(judged),
                "reasons": dict(reasons.most_common())}

    sets = {
        "tranco_outside_top10k": figures(outside, verdicts),
        "crux_outside_top10k": figures(crux_outside, crux_verdicts),
        "crux_held_out": figures(held_out, crux_verdicts),
        "crux_outside_top10k_sites": figures(outside_sites, site_verdicts),
        "crux_held_out_sites": figures(held_sites, site_verdicts),
    }
    top = figures(in_top, verdicts)
    crux_top = figures(crux_inside, crux_verdicts)
    a = sets["tranco_outside_top10k"]
    labels = {
        "tranco_outside_top10k": "(a) Tranco sites outside the top 10k",
        "crux_outside_top10k": "(b) CrUX hosts outside the top 10k",
        "crux_outside_top10k_sites": "    the same by site (registrable domain)",
        "crux_held_out": "(d) held out: CrUX hosts not in Tranco",
        "crux_held_out_sites": "    the same by site (registrable domain)",
    }
    lines = [
        f"False alarms: caution or danger on real sites (target <= {TARGET_FALSE_ALARMS}% on (a) and (b); (d) has none of its own)",
        f"  {'set':<42} {'judged':>9} {'caution':>8} {'%':>7} {'danger':>7} {'%':>7} {'flagged':>8}  target",
    ]
    for key, label in labels.items():
        f = sets[key]
        target = "-" if key.startswith("crux_held_out") else status(f["percent"] <= TARGET_FALSE_ALARMS)
        lines.append(f"  {label:<42} {f['judged']:>9,} {f['caution']:>8,} {rate(f['caution'], f['judged']):>7} {f['danger']:>7,} "
                     f"{rate(f['danger'], f['judged']):>7} {rate(f['flagged'], f['judged']):>8}  {target}")
    lines += [
        "  (a) is the registrable domains of the Tranco 1M outside the top 10k (ranks 10,001-1,000,000)"
        + (f"; {public_suffixes} Tranco entries are public suffixes themselves, skipped" if public_suffixes else ""),
        "  (b) is host names as CrUX lists them (origins: www., m., login. and all), as the browser shows them; "
        "the package's CrUX list has no rank buckets, so outside the top 10k = not a host of one of the 10k sites",
        "  (d) is the part of (b) whose site is nowhere in the Tranco 1M: not circular with exceptions generated from Tranco",
    ]
    if src.ranked:
        top100k_danger = [d for d in sites if src.ranks[d] <= 100_000 and verdicts[d].level == "danger"]
        sets["tranco_top100k_danger"] = len(top100k_danger)
        lines.append(f"  (c) danger in Tranco ranks 1-100,000: {len(top100k_danger)}   target 0: {status(not top100k_danger)}")
    else:
        bound = top["danger"] + a["danger"]
        sets["tranco_top100k_danger_at_most"] = bound
        lines += [
            "  (c) danger in the Tranco top 100,000 (target 0): the package has no ranks, so only bounded:",
            f"      ranks 1-10,000 (tranco10k and data/popular_sites.txt, {len(in_top):,} sites): {top['danger']} danger, "
            f"{top['flagged']} flagged at all; ranks 10,001-1,000,000: {a['danger']} danger; so at most {bound}: "
            + ("met" if bound == 0 else "not shown met"),
            f"      beside it, CrUX hosts of the top 10k sites ({crux_top['judged']:,}): {crux_top['danger']} danger, {crux_top['flagged']} flagged",
            "      flagged (a) sites that other top lists of the package also have (Umbrella 20k, Majestic 10k, CrUX 1M, "
            f"Alexa 1k, Moz 500): {sum(1 for d in fp if d in signal)} ({sum(1 for d in fp if d in signal and verdicts[d].level == 'danger')} danger); "
            "false-positives.tsv lists those first",
        ]
    for key, label in labels.items():
        if label.startswith("("):
            reasons = sets[key]["reasons"]
            lines.append(f"  reasons {label[:3]}: " + (", ".join(f"{code} {n}" for code, n in reasons.items()) or "none"))
    errors = sum(1 for table in (verdicts, crux_verdicts, site_verdicts) for v in table.values() if v.level == "error")
    if errors:
        lines.append(f"  CLI errors (in no figure): {errors:,}")
    with open(OUT / "errors.tsv", "w", encoding="utf-8") as out:
        out.write("part\tinput\terror\n")
        for d in sites:
            if verdicts[d].level == "error":
                out.write(f"false-positives\t{d}\t{verdicts[d].codes}\n")
        for h in crux:
            if crux_verdicts[h].level == "error":
                out.write(f"false-positives-crux\t{h}\t{crux_verdicts[h].codes}\n")
        for d in outside_sites:
            if site_verdicts[d].level == "error":
                out.write(f"false-positives-crux-sites\t{d}\t{site_verdicts[d].codes}\n")
    sets["tranco_top10k"] = top
    sets["crux_top10k_hosts"] = crux_top
    return lines, sets


def detection(args, wary: str, src: Sources, lap) -> tuple[list[str], dict]:
    """Lookalikes of the chosen half's protected names: report lines and figures; writes
    missed-lookalikes.tsv and appends to errors.tsv."""
    psl = src.psl
    names = protected_names(src.brands, src.popular, psl)
    popular_all = sum(1 for n in names if n.source == "popular")
    budget = max(1, math.ceil(popular_all / POPULAR_BUDGET))
    chosen = [n for n in names
              if (args.split == "all" or n.half == args.split)
              and (not args.quick or in_quick_sample(n.domain))
              and (n.source == "catalogue" or in_salted_sample("popular", n.domain, budget))]
    dictionary = read_words(ROOT / "tools" / "accuracy_words.txt")
    combo_words = read_words(ROOT / "tools" / "combosquat_words.txt")
    engine_words = set(read_words(ROOT / "data" / "host_keywords.txt")) | set(read_words(ROOT / "data" / "lists" / "host_action_words.txt"))
    homoglyph_sites = 0
    jobs = []
    for n in chosen:
        homoglyphs = n.source == "catalogue" or in_salted_sample("homoglyph", n.domain, HOMOGLYPH_MODULUS)
        homoglyph_sites += n.source == "popular" and homoglyphs
        jobs.append((n.label, n.suffix, n.domain, dictionary, TLDS, combo_words, homoglyphs, n.source == "catalogue"))
    own_of_key: dict[str, set[str]] = collections.defaultdict(set)  # a brand's key -> its official domains
    for brand in src.brands:
        own_of_key[brand_key(brand)].update(brand.domains)

    made = collections.Counter()  # every lookalike made
    generated = collections.Counter()  # those in the per-name sample
    excluded = collections.defaultdict(collections.Counter)  # of the sample
    seen: dict[str, set[str]] = collections.defaultdict(set)
    entries: list[tuple[str, str, int, bool]] = []  # (technique, domain, index into chosen, in the sample)
    _KNOWN.update(psl=psl, tranco=src.tranco_hosts, crux=src.crux_hosts, official=src.official)
    with multiprocessing.get_context("fork").Pool(max(1, args.jobs)) as pool:
        for index, (kept, counts, sampled, left_out) in enumerate(pool.imap(_lookalikes, jobs, chunksize=4)):
            made.update(counts)
            generated.update(sampled)
            for (technique, why), n in left_out.items():
                excluded[technique][why] += n
            for technique, domain, in_sample in kept:
                if domain in seen[technique]:
                    if in_sample:
                        excluded[technique]["made twice (for another name)"] += 1
                else:
                    seen[technique].add(domain)
                    entries.append((technique, domain, index, in_sample))
    _KNOWN.clear()
    seen.clear()
    lap("detection: generate")
    unique = list(dict.fromkeys(domain for _, domain, _, _ in entries))
    position = {domain: i for i, domain in enumerate(unique)}
    verdicts = judge(wary, unique, keep=("safe",))
    lap("detection: CLI")

    per = collections.defaultdict(collections.Counter)  # technique -> counts of the sample, also per source
    every = collections.defaultdict(collections.Counter)  # technique -> counts of every catalogue permutation
    missed = collections.defaultdict(list)  # (technique, index) -> missed domains
    with open(OUT / "errors.tsv", "a", encoding="utf-8") as errors:
        for technique, domain, index, in_sample in entries:
            v = verdicts[position[domain]]
            name = chosen[index]
            if v.level == "error":
                per[technique]["errors"] += in_sample
                errors.write(f"detection:{technique}\t{domain}\t{v.codes}\n")
                continue
            caught = v.level in CAUGHT
            if name.source == "catalogue":
                every[technique]["judged"] += 1
                every[technique]["detected"] += caught
            if not caught:
                missed[technique, index].append(domain)
            if not in_sample:
                continue
            row = per[technique]
            row["judged"] += 1
            row[f"{name.source} judged"] += 1
            if caught:
                row["detected"] += 1
                row[f"{name.source} detected"] += 1
                if v.lookalike_of and v.lookalike_of != name.domain and v.lookalike_of not in own_of_key.get(name.key, ()):
                    row["as another"] += 1
    with open(OUT / "missed-lookalikes.tsv", "w", encoding="utf-8") as out:
        out.write(f"# Lookalikes Wary judged safe: every one of a catalogue brand, at most {MISSED_PER_SITE} a technique of a popular site.\n")
        out.write("technique\tsource\tkey\tprotected\tdomain\tunicode\tlevel\tcodes\n")
        for (technique, index), domains in sorted(missed.items(), key=lambda kv: (kv[0][0], chosen[kv[0][1]].source, chosen[kv[0][1]].domain)):
            name = chosen[index]
            if name.source == "popular":
                domains = sorted(domains, key=lambda d: (zlib.crc32(d.encode()), d))[:MISSED_PER_SITE]
            for domain in sorted(domains):
                v = verdicts[position[domain]]
                out.write(f"{technique}\t{name.source}\t{name.key}\t{name.domain}\t{domain}\t{unicode_form(domain)}\t{v.level}\t{v.codes}\n")
    lap("detection: report")

    # --- report lines ----------------------------------------------------------------------------
    catalogue = [n for n in chosen if n.source == "catalogue"]
    popular = [n for n in chosen if n.source == "popular"]
    left_out = collections.Counter()
    for counts in excluded.values():
        left_out.update(counts)
    half = {"test": "the test half", "tune": "the tune half", "all": "both halves"}[args.split]
    shared_words = sorted(set(combo_words) & engine_words)
    lines = [
        f"Detection: lookalikes of the protected names of {half} (brand-disjoint split, tools/protected_names.py; "
        f"{len(MOVED_TO_TUNE)} keys moved to tune)",
        f"  protected names: {len(catalogue):,} catalogue brands' homes, {len(popular):,} popular sites "
        f"(of {sum(1 for n in names if n.source == 'catalogue'):,} and {popular_all:,}"
        + (", the quick sample" if args.quick else "") + ")",
        f"  each name gives at most {SAMPLE_PER_NAME} lookalikes a technique (lowest CRC-32), so every name weighs alike "
        f"({sum(made.values()):,} made, {sum(generated.values()):,} in the sample); dnstwist's homoglyph fuzzer "
        f"(about 4,000 names a site) on every brand and on {homoglyph_sites:,} popular sites (1 in {HOMOGLYPH_MODULUS})"
        + (f"; of data/popular_sites.txt only 1 in {budget} (more than {POPULAR_BUDGET:,} sites)" if budget > 1 else ""),
        f"  combosquat words: {len(combo_words)} (tools/combosquat_words.txt), {len(shared_words)} of them also engine words "
        "(data/host_keywords.txt, host_action_words.txt)",
        "  left out: " + ", ".join(f"{n:,} {why}" for why, n in left_out.most_common()),
        f"  {'group':<19}{'technique':<14}{'generated':>10}{'left out':>9}{'judged':>10}{'detected':>10}{'%':>7}"
        f"{'catalogue':>10}{'popular':>9}{'as other':>9}  target >= {TARGET_DETECTION:.0f}%",
    ]

    def pct(row, prefix=""):
        judged = row[f"{prefix}judged"]
        return f"{100 * row[f'{prefix}detected'] / judged:.1f}%" if judged else "-"

    order = [t for group in GROUPS.values() for t in group]
    order += sorted(t for t in per if t not in order)
    for technique in order:
        row = per[technique]
        group = next((g for g, ts in GROUPS.items() if technique in ts), "")
        ok = row["judged"] and 100 * row["detected"] / row["judged"] >= TARGET_DETECTION
        lines.append(f"  {group:<19}{technique:<14}{generated[technique]:>10,}{sum(excluded[technique].values()):>9,}{row['judged']:>10,}"
                     f"{row['detected']:>10,}{pct(row):>7}{pct(row, 'catalogue '):>10}{pct(row, 'popular '):>9}{row['as another']:>9,}"
                     f"  {status(ok) if row['judged'] else '-'}")
    errors = sum(r["errors"] for r in per.values())
    if errors:
        lines.append(f"  CLI errors (in no figure): {errors:,}")
    lines.append("  as other: flagged, but as the lookalike of another name than the one it was made from")
    # The figure recorded before issue 15: dnstwist's fuzzers, every permutation of the catalogue brands.
    twisted = [every[t] for t in DNSTWIST_FUZZERS if every[t]["judged"]]
    total = sum(r["judged"] for r in twisted)
    detected = sum(r["detected"] for r in twisted)
    macro = 100 * sum(r["detected"] / r["judged"] for r in twisted) / max(1, len(twisted))
    lines.append(f"  dnstwist's fuzzers, every permutation of the {len(catalogue)} catalogue brands (BENCHMARKS.md's figure before "
                 f"issue 15, there on all 597: --split all): {detected:,} of {total:,} = {100 * detected / max(1, total):.1f}% "
                 f"(target >= 97%: {status(100 * detected >= 97 * total)}); mean of the {len(twisted)} technique rates {macro:.1f}%")
    worst = sorted((t for t in per if per[t]["judged"] > per[t]["detected"]), key=lambda t: per[t]["detected"] - per[t]["judged"])[:8]
    if worst:
        lines += ["", "  Missed the most (a few examples each, catalogue and popular; more in missed-lookalikes.tsv):"]
        for technique in worst:
            examples = []
            for source in ("catalogue", "popular"):
                pool_ = sorted((zlib.crc32(d.encode()), d) for (t, i), ds in missed.items() if t == technique and chosen[i].source == source for d in ds)
                examples += [d for _, d in pool_[:3]]
            shown = ", ".join(f"{d} ({u})" if (u := unicode_form(d)) != "-" else d for d in examples)
            lines.append(f"  {technique:<14}{per[technique]['judged'] - per[technique]['detected']:>9,} missed, e.g. {shown}")
    figures = {
        "split": args.split, "moved_to_tune": sorted(MOVED_TO_TUNE),
        "protected": {"catalogue": len(catalogue), "popular": len(popular), "popular_with_homoglyphs": homoglyph_sites,
                      "catalogue_all": len(names) - popular_all, "popular_all": popular_all, "popular_one_in": budget},
        "sample_per_name": SAMPLE_PER_NAME, "made": sum(made.values()), "sampled": sum(generated.values()),
        "by_technique": {t: {"generated": generated[t], "left_out": dict(excluded[t]), **dict(per[t]),
                             "percent": round(100 * per[t]["detected"] / max(1, per[t]["judged"]), 2)} for t in order if t in per},
        "dnstwist_catalogue_every_permutation": {"judged": total, "detected": detected, "percent": round(100 * detected / max(1, total), 2),
                                                 "mean_technique_percent": round(macro, 2),
                                                 "by_technique": {t: dict(every[t]) for t in DNSTWIST_FUZZERS if every[t]["judged"]}},
    }
    return lines, figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wary", default=str(ROOT / "target" / "release" / "wary"), help="the CLI to measure (default: target/release/wary)")
    parser.add_argument("--split", choices=["tune", "test", "all"], default="test",
                        help="which half of the protected names to generate lookalikes of (default: test)")
    parser.add_argument("--quick", action="store_true", help=f"a fixed ~{100 // QUICK_MODULUS}%% sample of everything (CI smoke run)")
    parser.add_argument("--tranco-csv", metavar="FILE", help="a ranked Tranco list (rank,domain) to use instead of the package's unranked one")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for generating lookalikes (default: all cores)")
    args = parser.parse_args()
    wary = str(pathlib.Path(args.wary).resolve())
    if not os.access(wary, os.X_OK):
        sys.exit(f"accuracy.py: no CLI at {wary}; build it with `cargo build --release`")
    OUT.mkdir(parents=True, exist_ok=True)
    started = last = time.time()
    timings = {}

    def lap(phase: str):
        nonlocal last
        timings[phase] = round(time.time() - last, 1)
        last = time.time()

    src = Sources(args)
    import_dnstwist()  # on sys.path for the worker processes
    lap("load")
    fp_lines, fp = false_alarms(args, wary, src, lap)
    det_lines, det = detection(args, wary, src, lap)
    elapsed = time.time() - started
    lines = [
        f"Wary accuracy, {'QUICK SAMPLE (what has a CRC-32 of 0 mod 20)' if args.quick else 'full run'}: {elapsed:.0f} s",
        f"  engine: {wary}",
        f"  sources: {src.tranco_source} and {src.crux_source}, from PyPI pymispwarninglists {PINS['pymispwarninglists']}"
        + ("" if src.ranked else " (sorted by name, no ranks)")
        + f"; dnstwist {PINS['dnstwist']} (in-process, no DNS); {len(src.brands)} catalogue brands, {len(src.popular):,} popular sites",
        "",
        *fp_lines,
        "",
        *det_lines,
        "",
        "Time: " + ", ".join(f"{k} {v} s" for k, v in timings.items()),
        f"Details: {OUT.relative_to(ROOT)}/ false-positives.tsv, false-positives-crux.tsv, missed-lookalikes.tsv, errors.tsv, "
        "summary.json, report.txt",
    ]
    report = "\n".join(lines)
    print(report)
    (OUT / "report.txt").write_text(report + "\n", encoding="utf-8")
    summary = {
        "mode": "quick" if args.quick else "full",
        "seconds": round(elapsed, 1),
        "timings": timings,
        "pins": PINS,
        "sources": {"tranco": src.tranco_source, "crux": src.crux_source, "ranked": src.ranked},
        "false_alarms": fp,
        "detection": det,
    }
    (OUT / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


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
