#!/usr/bin/env python3
"""Regenerates the two data files of the domain layer that are measured rather than curated:

    python3 tools/update-domain-data.py             # both files (about two minutes)
    python3 tools/update-domain-data.py --distinctive-only

data/distinctive_names.txt: the catalogue's brand names that are distinctive, so that the name
inside any other registrable domain, or under any suffix the brand does not own, is a lookalike
whatever the other words (`binance-giveaways.com`, `metamask.eu`). Distinctiveness is measured,
not chosen: how many registrable domains of the Tranco top 1M hold the name inside a longer
name. A name found in at most MAX_ORDINARY_USES of them (outside the brand's own domains), of
MIN_LENGTH letters and more, and not marked generic in data/brands.txt, is distinctive:
`aliexpress` (4), `metamask` (1); `paypal` (62) and `google` (199) are not. A distinctive name
that already has country sites (`airfrance.es`, `airfrance.be`) is not looked for under other
country codes: there it is as likely the brand's own. Crypto exchanges
and wallets, where combosquats concentrate, get a higher limit (`binance`, 14). The brand's
ordinary-word names (`apple`, `target`) are never distinctive.

data/neighbours.txt: legitimate neighbours. Registrable domains of the Tranco top 1M that the
engine, run without this list, judges a caution-level lookalike by the brand's name under
another suffix, hyphenated, beside other words or in a subdomain (`binance.sg`,
`airfranceklm.com`, fan and tool sites): a real, popular site, so such a caution is not raised
there. Not lifted: typing slips and look-alike letters (the top 1M holds real typosquats such as
`amzon.com`), names under cheap suffixes, names with a word asking for an account or payment
(`account-paypal.us`), a crypto brand's name under a new generic suffix (`metamask.group`), and
danger of any kind. The engine for this run is built with the cargo feature `no-neighbours` into
build/neighbours/ (git-ignored).

Both lists come from the MISP warninglists in the PyPI package pymispwarninglists (pinned in
tools/accuracy.py): CC0 1.0 per the upstream misp-warninglists README; the Tranco ranking
itself is https://tranco-list.eu/.
"""

import argparse
import collections
import datetime
import pathlib
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from accuracy import PINS, judge, warninglist, wheel  # noqa: E402
from brands import official_domains, read_brands  # noqa: E402
from psl import PublicSuffixList  # noqa: E402

MIN_LENGTH = 6
MAX_ORDINARY_USES = 3
# A brand with its name under this many country codes (in the top 1M or its own domains) keeps
# country sites, so its name under another country code is as likely its own.
MIN_COUNTRY_SITES = 2
# Popular sites' names shorter than this are not protected: three or four letters (`bbc`,
# `shop`, `link`) turn up by chance in too many other names.
MIN_PROTECTED_LENGTH = 5
# An account site's name this long, with no site of the top 1M one slip from it, is matched by
# a typing slip too.
MIN_SLIP_LENGTH = 7
# The first labels of the origins where people log in or pay: a popular site with one of these in
# the Chrome UX Report holds its users' accounts, and so is whom phishers imitate.
ACCOUNT_LABELS = {"login", "logon", "signin", "sign-in", "account", "accounts", "auth", "sso", "id",
                  "secure", "myaccount", "pay", "payment", "payments", "wallet", "checkout", "ibank",
                  "netbank", "banking", "onlinebanking", "member", "members"}
# A generic name real sites seldom pair with scam words: at most this many sites of the top 1M
# do, and it is this long (glued to the word: this long).
KEYWORD_MIN_LENGTH = 4
KEYWORD_GLUED_MIN_LENGTH = 5
MAX_KEYWORD_PAIRS = 1
# Crypto exchanges and wallets: where combosquats concentrate (airdrop and "support" sites) and
# the names are coined words, so a name seen a little more often still counts as distinctive.
CRYPTO_MIN_LENGTH = 5
CRYPTO_MAX_ORDINARY_USES = 15
# What a top-1M site may be set apart from: the brand's name under another suffix, hyphenated,
# beside other words or in a subdomain. Not a typing slip or look-alike letters: the top 1M holds
# real typosquats (`amzon.com`, `goole.com`) as well as other companies' names one letter off,
# and nothing in the lists tells them apart, so those warnings stay.
NEIGHBOUR_CODES = {"brand-in-name", "tld-swap", "split-name", "brand-in-subdomain"}


def name_label(registrable: str, psl: PublicSuffixList) -> str:
    suffix = psl.public_suffix(registrable) or ""
    return registrable[: len(registrable) - len(suffix) - 1] if suffix else registrable


def tranco_top_1m(psl: PublicSuffixList) -> list[str]:
    with zipfile.ZipFile(wheel("pymispwarninglists")) as z:
        hosts = warninglist(z, "tranco")["list"]
    return sorted({r for host in hosts if (r := psl.registrable(host.strip().lstrip(".").lower()))})


def uses_inside_other_names(names: set[str], top: list[str], owned: set[str], psl) -> collections.Counter:
    """How many registrable domains of `top` hold each of `names` inside a longer name."""
    longest = max(map(len, names))
    uses: collections.Counter = collections.Counter()
    for registrable in top:
        if registrable in owned:
            continue
        label = name_label(registrable, psl)
        found = {label[i:j] for i in range(len(label)) for j in range(i + MIN_LENGTH, min(len(label), i + longest) + 1)}
        uses.update(found & names - {label})
    return uses


def write_list(path: pathlib.Path, header: str, items) -> None:
    body = "".join(f"{item}\n" for item in items)
    path.write_text("".join(f"# {line}".rstrip() + "\n" for line in header.strip().splitlines()) + body, encoding="utf-8")


def update_distinctive(top: list[str], psl) -> None:
    brands = read_brands(ROOT / "data" / "brands.txt")
    owned = official_domains(brands)
    limits = {}  # candidate name -> (most uses allowed)
    for brand in brands:
        crypto = brand.kind == "crypto"
        for token in brand.tokens:
            if token in brand.generic or "-" in token or len(token) < (CRYPTO_MIN_LENGTH if crypto else MIN_LENGTH):
                continue
            allowed = CRYPTO_MAX_ORDINARY_USES if crypto else MAX_ORDINARY_USES
            limits[token] = max(limits.get(token, 0), allowed)
    candidates = set(limits)
    uses = uses_inside_other_names(candidates, top, owned, psl)
    country_sites = collections.Counter(
        label for registrable in set(top) | owned
        if len((psl.public_suffix(registrable) or "").rsplit(".", 1)[-1]) == 2
        and (label := name_label(registrable, psl)) in candidates)
    distinctive = sorted(
        f"{t} country-sites" if country_sites[t] >= MIN_COUNTRY_SITES else t
        for t in candidates if uses[t] <= limits[t])
    write_list(ROOT / "data" / "distinctive_names.txt", f"""
Distinctive brand names: inside any other registrable domain, or under a suffix the brand does
not own, such a name is a lookalike whatever the other words. Generated by
tools/update-domain-data.py on {datetime.date.today().isoformat()} (do not edit by hand): the
catalogue's non-generic names of {MIN_LENGTH}+ letters found inside at most {MAX_ORDINARY_USES} longer names (crypto
brands: {CRYPTO_MIN_LENGTH}+ letters, {CRYPTO_MAX_ORDINARY_USES} names) of the
{len(top):,} registrable domains of the Tranco top 1M (MISP warninglists `tranco`, PyPI
pymispwarninglists {PINS['pymispwarninglists']}; CC0 1.0), the brand's own domains left out.
{len(distinctive)} of {len(candidates)} candidate names. `country-sites`: the name is under {MIN_COUNTRY_SITES}+ country codes there
or among the brand's own domains, so under another country code it is as likely the brand's.
""", distinctive)
    print(f"distinctive_names.txt: {len(distinctive)} of {len(candidates)} names")


def update_keyword_names(top: list[str], psl) -> None:
    """Generic catalogue names that real sites seldom pair with scam words."""
    brands = read_brands(ROOT / "data" / "brands.txt")
    owned = official_domains(brands)
    keywords = word_list(ROOT / "data" / "host_keywords.txt")
    neutral = word_list(ROOT / "data" / "lists" / "neutral_host_words.txt")

    def run(part: str) -> list[str] | None:
        # The engine's keyword run: one keyword, or two glued (`secure-loginpay` has none).
        if part in keywords:
            return [part]
        return next(([part[:i], part[i:]] for i in range(1, len(part))
                     if part[:i] in keywords and part[i:] in keywords), None)

    def scam_words(parts: list[str]) -> bool:
        # Every part a keyword run or a number, and one word of them not a neutral one.
        runs = [run(part) for part in parts if not part.isdigit()]
        return all(runs) and any(w not in neutral for r in runs for w in r)

    generic = {t for b in brands for t in b.generic if len(t) >= KEYWORD_MIN_LENGTH}
    pairs: collections.Counter = collections.Counter()
    for registrable in top:
        if registrable in owned:
            continue
        label = name_label(registrable, psl)
        parts = label.split("-")
        if len(parts) > 1:
            for token in generic & set(parts):
                if scam_words([p for p in parts if p != token]):
                    pairs[token] += 1
        else:
            for token in generic:
                if len(token) >= KEYWORD_GLUED_MIN_LENGTH and label != token and (
                        (label.startswith(token) and scam_words([label[len(token):]]))
                        or (label.endswith(token) and scam_words([label[:-len(token)]]))):
                    pairs[token] += 1
    names = sorted(t for t in generic if pairs[t] <= MAX_KEYWORD_PAIRS)
    most_paired = ", ".join(f"`{t}` ({n})" for t, n in pairs.most_common(3))
    write_list(ROOT / "data" / "keyword_names.txt", f"""
Ordinary-word brand names that real sites seldom pair with scam words: beside any scam word
(not only one asking for an account or payment; not the neutral words of
data/lists/neutral_host_words.txt alone), hyphenated or, from {KEYWORD_GLUED_MIN_LENGTH} letters, glued, such a name is
the brand's (`stripe-bonus.com`, `bonusstripe.com`). Generated by tools/update-domain-data.py on
{datetime.date.today().isoformat()} (do not edit by hand): the catalogue's generic names of {KEYWORD_MIN_LENGTH}+ letters that at most
{MAX_KEYWORD_PAIRS} registrable domain(s) of the Tranco top 1M (MISP warninglists `tranco`, PyPI pymispwarninglists
{PINS['pymispwarninglists']}; CC0 1.0) pair so with scam words, the brand's own domains left out.
{len(names)} of {len(generic)} names; the most paired of the others: {most_paired}.
""", names)
    print(f"keyword_names.txt: {len(names)} of {len(generic)} names")


def one_slip(label: str) -> set[str]:
    """Every name one typing slip (Damerau: a letter added, dropped, changed or two swapped)
    from `label`, in the letters, digits and hyphen of host names."""
    letters = "abcdefghijklmnopqrstuvwxyz0123456789-"
    out = set()
    for i in range(len(label) + 1):
        out.update(label[:i] + c + label[i:] for c in letters)
        if i < len(label):
            out.add(label[:i] + label[i + 1:])
            out.update(label[:i] + c + label[i + 1:] for c in letters)
        if i + 1 < len(label):
            out.add(label[:i] + label[i + 1] + label[i] + label[i + 2:])
    out.discard(label)
    return out


def word_list(path: pathlib.Path) -> set[str]:
    return {w for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#") for w in line.split()}


def update_protected_names(top: list[str], psl) -> None:
    """Every popular site's name as a protected name, beside the catalogue's."""
    brands = read_brands(ROOT / "data" / "brands.txt")
    catalogue_names = {t for b in brands for t in b.tokens}
    with zipfile.ZipFile(wheel("pymispwarninglists")) as z:
        popular = {r for host in warninglist(z, "tranco10k")["list"] if (r := psl.registrable(host.strip().lstrip(".").lower()))}
        banks = {r for host in warninglist(z, "bank-website")["list"] if (r := psl.registrable(host.strip().lstrip(".").lower()))}
        crux_hosts = [h.strip().lower().split("://")[-1].split("/")[0]
                      for h in warninglist(z, "google-chrome-crux-1million")["list"]]
    # Where people hold an account or pay: a bank site, or a site whose login, account or payment
    # origin (`login.`, `accounts.`, `secure.`, `pay.`…) Chrome users load (CrUX top 1M).
    account_sites = banks | {r for host in crux_hosts
                             if host.split(".", 1)[0] in ACCOUNT_LABELS and (r := psl.registrable(host))}
    homes: dict[str, str] = {}
    # The .com site first, then the shortest: the name's home, where the warning bar sends people.
    for registrable in sorted(popular | banks, key=lambda r: (not r.endswith(".com"), len(r), r)):
        label = name_label(registrable, psl)
        if (len(label) >= MIN_PROTECTED_LENGTH and not label.isdigit() and label not in catalogue_names
                and not label.startswith("xn--") and label not in homes):
            homes[label] = registrable
    uses = uses_inside_other_names(set(homes), top, set(popular | banks), psl)
    account_labels = {name_label(r, psl) for r in account_sites & (popular | banks)}
    # Slips only for the popular ones: the bank list's small banks are one slip from towns and
    # words the top 1M does not hold (`burlbank`, `burbank`), as the CrUX list showed.
    popular_labels = {name_label(r, psl) for r in popular}
    # A typing slip of a popular site's name is a lookalike where no site of the top 1M is
    # one slip from it (the engine asks more of a site where people hold no account: a generic
    # suffix or the site's own, and not another number of a numbered site) (`paypa1`-like slips of `acorns` are no one's; `mizuno` is one slip from
    # `mizuho`): measured against every name of the top 1M.
    top_labels = {name_label(r, psl) for r in top}
    def crowded(label: str) -> bool:
        return any(near in top_labels for near in one_slip(label))
    def marks(label: str) -> str:
        if uses[label] > MAX_ORDINARY_USES or len(label) < MIN_LENGTH:
            return " generic"
        accounts = " accounts" if label in account_labels else ""
        slips = label in popular_labels and len(label) >= MIN_SLIP_LENGTH and not crowded(label)
        return accounts + (" slips" if slips else "")
    lines = [home + marks(label) for label, home in sorted(homes.items())]
    write_list(ROOT / "data" / "protected_names.txt", f"""
Protected names from data: the name of every site of the Tranco top 10k (MISP warninglists
`tranco10k`) and of every bank site of the `bank-website` list (both PyPI pymispwarninglists
{PINS['pymispwarninglists']}; CC0 1.0; ranking https://tranco-list.eu/), beside the catalogue's
own brands (names that are a catalogue brand's are left to the catalogue). One line a name: the
site the warning bar sends people to (the .com site where there is one), then `generic` where
the name is an ordinary one: found inside more than {MAX_ORDINARY_USES} longer names of the Tranco top 1M, or
shorter than {MIN_LENGTH} letters; such a name is matched only whole or by look-alike letters;
else `accounts` where people hold an account or pay there: a bank site, or a site whose login,
account or payment origin ({', '.join(sorted(ACCOUNT_LABELS))}) the Chrome UX Report top 1M lists
(MISP `google-chrome-crux-1million`); such a name is checked as a brand's is, but for typing slips;
and `slips` where it is a top-10k site's name of {MIN_SLIP_LENGTH} letters or more and no name of the Tranco top 1M
is one typing slip from it: then a slip of it counts too (of a site without `accounts`, only
under a generic suffix or the site's own).
Names shorter than {MIN_PROTECTED_LENGTH} letters are left out. Generated by tools/update-domain-data.py on
{datetime.date.today().isoformat()} (do not edit by hand); {len(lines)} names. Not compiled into the wasm:
the extension's worker loads it beside the engine (see src/wasm.rs, `load_names`).
""", lines)
    print(f"protected_names.txt: {len(lines)} names, {sum(l.endswith('generic') for l in lines)} generic")


def update_neighbours(top: list[str], psl) -> None:
    # Nor is a site a neighbour where a top-list place proves nothing: under the suffixes where
    # names cost little and phishing concentrates (`canadapost-tracking.icu`), or with a word
    # that asks for an account or a payment beside the brand (`account-paypal.us`).
    cheap = word_list(ROOT / "data" / "lists" / "cheap_generic_suffixes.txt") | word_list(
        ROOT / "data" / "lists" / "abused_country_codes.txt")
    action_words = word_list(ROOT / "data" / "lists" / "host_action_words.txt")
    # Nor a crypto brand's exact name under a new generic suffix (`metamask.group`,
    # `kucoin.plus`): wallet and exchange fakes reach the top 1M for the weeks they run, and
    # those brands keep their real sites under few suffixes. Their .com, .net and .org stay.
    crypto_homes = {b.home for b in read_brands(ROOT / "data" / "brands.txt") if b.kind == "crypto"}
    target = ROOT / "build" / "neighbours"
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet", "--bin", "wary", "--features", "no-neighbours",
                    "--target-dir", str(target)], cwd=ROOT, check=True)
    wary = str(target / "release" / "wary")
    verdicts = judge(wary, top)
    neighbours = []
    for registrable, verdict in zip(top, verdicts):
        if verdict.level != "caution":
            continue
        raising = set(verdict.codes.split(","))
        label = name_label(registrable, psl)
        asks = any(word in action_words for word in label.split("-")) or any(
            len(word) >= 5 and word in label for word in action_words)
        tld = registrable.rsplit(".", 1)[-1]
        crypto_swap = ("tld-swap" in raising and verdict.lookalike_of in crypto_homes
                       and len(tld) > 2 and tld not in ("com", "net", "org"))
        if raising and raising <= NEIGHBOUR_CODES and tld not in cheap and not asks and not crypto_swap:
            neighbours.append(registrable)
    write_list(ROOT / "data" / "neighbours.txt", f"""
Legitimate neighbours: registrable domains of the Tranco top 1M that the domain checks, run
without this list, judge a caution-level lookalike ({', '.join(sorted(NEIGHBOUR_CODES))}),
outside the cheap suffixes, without a word asking for an account or payment, and no crypto
brand's exact name under a new generic suffix. Real, popular
sites (a brand's country site, group, fan and tool sites): the engine raises no such caution
there; danger is never lifted, nor a typing slip. Generated by
tools/update-domain-data.py on {datetime.date.today().isoformat()} (do not edit by hand) from the MISP
warninglists `tranco` list (PyPI pymispwarninglists {PINS['pymispwarninglists']}; CC0 1.0;
ranking https://tranco-list.eu/). {len(neighbours)} of {len(top):,} domains.
""", neighbours)
    print(f"neighbours.txt: {len(neighbours)} of {len(top)} domains")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distinctive-only", action="store_true",
                        help="only the distinctive and protected names, not the neighbours (no engine build)")
    args = parser.parse_args()
    psl = PublicSuffixList.from_file(ROOT / "data" / "public_suffix_list.dat")
    top = tranco_top_1m(psl)
    update_distinctive(top, psl)
    update_keyword_names(top, psl)
    update_protected_names(top, psl)
    if not args.distinctive_only:
        update_neighbours(top, psl)
    return 0


if __name__ == "__main__":
    sys.exit(main())
