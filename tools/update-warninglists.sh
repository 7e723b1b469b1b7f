#!/usr/bin/env bash
# Regenerates data/popular_sites.txt (the Tranco top 10k) and data/url_shorteners.txt from the
# MISP warninglists as shipped in the PyPI package `pymispwarninglists` (warninglists: CC0).
# data/free_hosting.txt is curated by hand (see its header) and not touched here.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --dest "$tmp" pymispwarninglists
python3 - "$tmp"/pymispwarninglists-*.whl "$here" <<'PY'
import json, pathlib, sys, zipfile
wheel, here = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
package = wheel.name.split("-")[1]
with zipfile.ZipFile(wheel) as z:
    def warninglist(name):
        data = json.loads(z.read(f"pymispwarninglists/data/misp-warninglists/lists/{name}/list.json"))
        return data, sorted({d.strip(".").lower() for d in data["list"]})
    popular, popular_domains = warninglist("tranco10k")
    shorteners, shortener_domains = warninglist("url-shortener")

def write(path, header, domains):
    (here / "data" / path).write_text(header.strip() + "\n" + "\n".join(domains) + "\n", encoding="utf-8")

write("popular_sites.txt", f"""
# Popular registrable domains: never called lookalikes, and protected from homographs and embedding.
# The `tranco10k` list of the MISP warninglists (the top 10,000 sites of the Tranco ranking,
# https://tranco-list.eu/; list version {popular.get('version')}), from PyPI pymispwarninglists {package}
# (warninglists: CC0); lower-cased, trailing dots removed, sorted. Regenerate: tools/update-warninglists.sh
""", popular_domains)
write("url_shorteners.txt", f"""
# URL shorteners: their links hide the destination.
# The `url-shortener` list of the MISP warninglists (list version {shorteners.get('version')}), from PyPI
# pymispwarninglists {package} (CC0); lower-cased, sorted. Regenerate: tools/update-warninglists.sh
""", shortener_domains)
print(f"popular_sites.txt: {len(popular_domains)}, url_shorteners.txt: {len(shortener_domains)} (pymispwarninglists {package})")
PY
