#!/usr/bin/env bash
# Regenerates data/public_suffix_list.dat and tests/data/public_suffix_tests.txt from the
# Public Suffix List as shipped inside the PyPI package `publicsuffixlist` (which tracks
# the upstream list daily). The list is MPL-2.0; the test file is public domain (CC0).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --dest "$tmp" publicsuffixlist
python3 - "$tmp"/publicsuffixlist-*.whl "$here" <<'PY'
import sys, zipfile, pathlib
wheel, here = sys.argv[1], pathlib.Path(sys.argv[2])
with zipfile.ZipFile(wheel) as z:
    (here / "data/public_suffix_list.dat").write_bytes(z.read("publicsuffixlist/public_suffix_list.dat"))
    (here / "tests/data/public_suffix_tests.txt").write_bytes(z.read("publicsuffixlist/test_psl.txt"))
print("from", pathlib.Path(wheel).name)
PY
