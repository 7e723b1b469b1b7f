#!/usr/bin/env bash
# Regenerates data/popular_sites.txt, data/url_shorteners.txt and the generated part of
# data/free_hosting.txt from the MISP warninglists as shipped inside the PyPI package
# `pymispwarninglists` (the lists are CC0 per the upstream misp-warninglists README; the
# wheel itself states no licence for them, its code is BSD-3-Clause). Every name is reduced to
# its registrable domain (eTLD+1) under the ICANN section of data/public_suffix_list.dat, as
# the engine does (tools/psl.py implements the PSL algorithm; `python3 tools/psl.py` tests it).
#
#   tools/update-warninglists.sh                         # from the latest pymispwarninglists
#   tools/update-warninglists.sh --tranco-csv top-1m.csv # popular sites from a ranked Tranco CSV
#
# The package's Tranco lists are sorted by name and carry no ranks: `tranco10k` is the top
# 10,000 as a set, so popular_sites.txt is that set in name order. Given a Tranco CSV
# (`rank,domain` lines, as tranco-list.eu publishes it), the top 10,000 registrable domains are
# taken from it in rank order instead.
#
# free_hosting.txt keeps its hand-curated section (between the "Curated by hand" marker and
# the next "# ---" marker) as it is, and regenerates the rest. Domains that a brand in
# data/brands.txt owns are never written to free_hosting.txt (a test forbids that).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tranco_csv=
case "${1:-}" in
    --tranco-csv) tranco_csv=$(realpath "${2:?--tranco-csv needs a file}") ;;
    "") ;;
    *) echo "usage: $0 [--tranco-csv FILE]" >&2; exit 2 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --dest "$tmp" pymispwarninglists
python3 - "$tmp"/pymispwarninglists-*.whl "$here" "$tranco_csv" <<'PY'
import csv, datetime, json, pathlib, sys, textwrap, zipfile
wheel, here, tranco_csv = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
sys.path.insert(0, str(here / "tools"))
from psl import PublicSuffixList, to_ascii
from brands import official_domains, read_brands

package = wheel.name.split("-")[1]
today = datetime.date.today().isoformat()
psl = PublicSuffixList.from_file(here / "data/public_suffix_list.dat")
official = official_domains(read_brands(here / "data/brands.txt"))
with zipfile.ZipFile(wheel) as z:
    def warninglist(name):
        return json.loads(z.read(f"pymispwarninglists/data/misp-warninglists/lists/{name}/list.json"))
    tranco10k, shorteners, dynamic, lots = (warninglist(n) for n in ("tranco10k", "url-shortener", "dynamic-dns", "lots-project"))
source = f"PyPI pymispwarninglists {package}"
licence = ("Licence: the MISP warninglists are CC0 1.0 (so says the upstream misp-warninglists README;\n"
           "the wheel states no licence for its data, only BSD-3-Clause for the package's code).")


def unique(items):
    seen = set()
    return [x for x in items if not (x in seen or seen.add(x))]


def parents(entries):
    """Entries that are registrable domains themselves (a leading dot means "and its subdomains"), and the rest."""
    keep, dropped = [], []
    for entry in entries:
        name = to_ascii(entry.strip().lstrip("."))
        (keep if name and psl.registrable(name) == name else dropped).append(name or entry)
    return unique(keep), dropped


def write(path, header, sections):
    lines = [f"# {line}".rstrip() for line in header.strip().splitlines()]
    for title, domains in sections:
        if title:
            lines.append(f"# --- {title} ---")
        lines.extend(domains)
    (here / "data" / path).write_text("\n".join(lines) + "\n", encoding="utf-8")


# Popular sites: the top 10,000 registrable domains.
if tranco_csv:
    with open(tranco_csv, newline="", encoding="utf-8") as f:
        rows = sorted(((int(r[0]), r[1]) for r in csv.reader(f) if len(r) >= 2 and r[0].strip().isdigit()))
    popular = unique(d for _, host in rows if (d := psl.registrable(host)))[:10_000]
    popular_source = (f"The first 10,000 registrable domains, in rank order, of the Tranco list in\n"
                      f"{pathlib.Path(tranco_csv).name} (https://tranco-list.eu/; its terms are Tranco's).\n"
                      f"Each name reduced to its registrable domain (eTLD+1, ICANN section of\n"
                      f"data/public_suffix_list.dat), lower-case ASCII, duplicates dropped (the best rank kept).")
    licence_popular = "Licence: Tranco's terms, as published with the list."
else:
    popular = sorted(set(d for host in tranco10k["list"] if (d := psl.registrable(host))))
    popular_source = (f"The `tranco10k` list of the MISP warninglists (the top 10,000 sites of the Tranco\n"
                      f"ranking, https://tranco-list.eu/; list version {tranco10k['version']}), from {source}.\n"
                      f"Each name reduced to its registrable domain (eTLD+1, ICANN section of\n"
                      f"data/public_suffix_list.dat), lower-case ASCII, duplicates dropped. The package gives\n"
                      f"no ranks (its lists are sorted by name), so this is the top-10k set in name order.")
    licence_popular = (licence + "\nFor Tranco's own data the package says nothing beyond its description \"Top 10K\n"
                       "most-used sites from Tranco\" and the address https://tranco-list.eu/.")
write("popular_sites.txt", f"""
Popular registrable domains: never called lookalikes, and protected from homographs and embedding.
{popular_source}
{licence_popular}
Generated {today} by tools/update-warninglists.sh; {len(popular)} domains.
""", [(None, popular)])

# URL shorteners: the entries that are registrable domains. A shortener on a subdomain of
# another site (l.ead.me) is left out: its registrable domain is not a shortener.
short, short_dropped = parents(shorteners["list"])
short = sorted(short)
write("url_shorteners.txt", f"""
URL shorteners: their links hide the destination.
The `url-shortener` list of the MISP warninglists (list version {shorteners['version']}), from {source};
lower-case ASCII registrable domains, sorted. Left out as subdomains of other sites (their
registrable domain is no shortener): {' '.join(short_dropped) or 'none'}.
{licence}
Generated {today} by tools/update-warninglists.sh; {len(short)} domains.
""", [(None, short)])

# Free hosting: the hand-curated section as it is, then two generated ones.
path = here / "data/free_hosting.txt"
lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
CURATED = "Curated by hand"
start = next((i for i, line in enumerate(lines) if line.startswith("# ---") and CURATED in line), None)
if start is None:  # the old, all-curated format: every domain in it is curated
    curated = [line for line in lines if line and not line.startswith("#")]
else:
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("# ---")), len(lines))
    curated = [line for line in lines[start + 1 : end] if line and not line.startswith("#")]
taken = set(curated)
refused = sorted(d for d in curated if d in official)

# Web hosting from `lots-project` (Living Off Trusted Sites): entries written `.domain` (its
# subdomains) that are registrable domains, less services whose subdomains are no stranger's page.
NOT_HOSTING = {
    "box.com", "canva.com", "clickfunnels.com", "docusign.com", "doubleclick.net", "dropmark.com",
    "format.com", "gofile.io", "instagram.com", "oraclecloud.com", "requestbin.net", "sendspace.com",
    "sharepoint.com", "slab.com", "surveycake.com", "twitter.com", "typeform.com", "uplooder.net",
    "xiti.com", "zendesk.com",
}
lots_parents, _ = parents(x for x in lots["list"] if x.startswith("."))
hosting = sorted(d for d in lots_parents if d not in NOT_HOSTING and d not in official and d not in taken)
refused += sorted(d for d in lots_parents if d in official)
taken.update(hosting)

# Dynamic DNS from `dynamic-dns`: the parents (registrable domains) that either their owners
# registered in the PRIVATE section of the Public Suffix List (they hand out subdomains) or
# that are in the Tranco top 1M; the other ~34,600 are small shared domains of one dynamic-DNS
# service, left out to keep the list small.
full_text = (here / "data/public_suffix_list.dat").read_text(encoding="utf-8")
private = full_text.split("// ===BEGIN PRIVATE DOMAINS===", 1)[1]
private_parents = set()
for rule in (line.strip() for line in private.splitlines()):
    if rule and not rule.startswith("//"):
        name = to_ascii(rule.split()[0].lstrip("!").removeprefix("*."))
        if name and (reg := psl.registrable(name)):
            private_parents.add(reg)
with zipfile.ZipFile(wheel) as z:
    tranco_list = json.loads(z.read("pymispwarninglists/data/misp-warninglists/lists/tranco/list.json"))
tranco, tranco_version = set(tranco_list["list"]), tranco_list["version"]
dyn_parents, dyn_dropped = parents(dynamic["list"])
ddns = sorted(d for d in dyn_parents if (d in private_parents or d in tranco) and d not in official and d not in taken)
refused += sorted(d for d in dyn_parents if d in official)

write("free_hosting.txt", f"""
Registrable domains (ICANN suffixes) under which anyone can get a subdomain for free or on a
trial: dynamic DNS, free web hosting, app platforms, tunnels and buckets. A brand's name in front
of one of these (`paypal-login.duckdns.org`) is danger; such a domain is never "verified" as a brand's.
Three sections. The first is curated by hand by the Wary developers from the providers' own
sites (CC0); tools/update-warninglists.sh keeps it as it is. The other two are regenerated from
the MISP warninglists in {source}:
- `lots-project` (Living Off Trusted Sites, version {lots['version']}): its "any subdomain of" entries that
  are registrable domains, less services whose subdomains are accounts or tenants rather than
  anyone's pages:
{textwrap.fill(' '.join(sorted(NOT_HOSTING)) + ';', 94, initial_indent='    ', subsequent_indent='    ')}
- `dynamic-dns` (version {dynamic['version']}, {len(dynamic['list'])} names): its registrable parent domains ({len(dyn_parents)};
  {len(dyn_dropped)} entries that are subdomains of other sites dropped) that are also in the Public Suffix
  List's PRIVATE section (their owners declare they hand out subdomains) or in the Tranco top 1M
  (`tranco`, version {tranco_version}); the rest are small shared domains of one dynamic-DNS service.
A domain that a brand in data/brands.txt owns is never listed.
{licence}
Generated {today} by tools/update-warninglists.sh; {len(curated) + len(hosting) + len(ddns)} domains.
""", [
    (f"{CURATED} (kept as is by tools/update-warninglists.sh; edit freely)", curated),
    (f"Free web hosting from MISP `lots-project` ({len(hosting)}; regenerated)", hosting),
    (f"Dynamic DNS from MISP `dynamic-dns` ({len(ddns)}; regenerated)", ddns),
])

print(f"pymispwarninglists {package}: popular_sites.txt {len(popular)}, url_shorteners.txt {len(short)}, "
      f"free_hosting.txt {len(curated)} curated + {len(hosting)} hosting + {len(ddns)} dynamic DNS")
if refused:
    print("official brand domains kept out of free_hosting.txt:", " ".join(refused))
    if any(d in official for d in curated):
        print("WARNING: the curated section lists a brand's official domain; the Rust tests will fail", file=sys.stderr)
PY
