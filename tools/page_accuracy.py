#!/usr/bin/env python3
"""How often Wary would put a bar on ordinary real pages: the saved development pages of
../shared/data/pages_dev (news, blogs, documentation, shops; none a scam), turned into page
facts as the content script gathers them (tools/page_facts.py) and judged by `wary page`.

    python3 tools/page_accuracy.py [--split tune|test|all] [--wary PATH] [--show] [--json OUT]

Each page belongs to one half by the first byte of SHA-256 of its file name (even: tune, odd:
test), fixed before any tuning: rules are written against the tune half only, and the test
half is what we report. Printed per half: pages, caution, danger (any is a false alarm), and
with --show every flagged page of the chosen half with the reasons that raised it. With
--max-caution, exit 1 when a half has more caution than that share, or any danger.
"""

import argparse
import hashlib
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from page_facts import SHARED, saved_pages  # noqa: E402


# Pages of the test half that a rule was written to fix move to the tune half (DEVELOPERS.md:
# "a rule written to fix one example of the test half moves it to the tuning half"), named here
# with the rule that fixed it.
MOVED_TO_TUNE = {
    # A weak payment word ("Zeile" folds to the payment app "Zelle") carried the level of the
    # whole text on a popular site: the payment layer is now weighed alone there.
    "traf_spiegel.de.albtraum.html.gz",
}


def half_of(name: str) -> str:
    if name in MOVED_TO_TUNE:
        return "tune"
    return "tune" if hashlib.sha256(name.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["tune", "test", "all"], default="test")
    parser.add_argument("--wary", default=str(ROOT / "target" / "release" / "wary"))
    parser.add_argument("--show", action="store_true", help="list the flagged pages and their reasons")
    parser.add_argument("--json", metavar="OUT", help="write the figures as JSON")
    parser.add_argument("--max-caution", type=float, metavar="RATE",
                        help="exit 1 when the share of pages with a caution exceeds RATE (0.01 = 1%%), or any has a danger")
    args = parser.parse_args()
    if not (SHARED / "pages_dev" / "pages.tsv").exists():
        print(f"page_accuracy: no {SHARED / 'pages_dev'}; nothing measured")
        return 0
    figures = {}
    flagged = []
    for name, facts in saved_pages():
        half = half_of(name)
        if args.split != "all" and half != args.split:
            continue
        done = subprocess.run([args.wary, "page", "--json"], input=json.dumps(facts).encode(), capture_output=True)
        verdict = json.loads(done.stdout)
        counts = figures.setdefault(half, {"pages": 0, "caution": 0, "danger": 0})
        counts["pages"] += 1
        if verdict["level"] != "safe":
            counts[verdict["level"]] += 1
            reasons = [f"{r['code']} «{r['evidence'][:70]}»" for r in verdict["reasons"] if r["severity"] != "info"]
            flagged.append((half, name, verdict["level"], reasons))
    print("Ordinary real pages (../shared/data/pages_dev; trafilatura and Zyte test pages), as page facts:")
    for half, c in sorted(figures.items()):
        n = c["pages"]
        print(f"  {half:5} {n:4} pages: caution {c['caution']} ({100 * c['caution'] / n:.1f}%), "
              f"danger {c['danger']} ({100 * c['danger'] / n:.1f}%)  (target: no danger, caution <= 1%)")
    if args.show:
        for half, name, level, reasons in flagged:
            print(f"  [{half}] {level:7} {name}: {'; '.join(reasons)}", file=sys.stderr)
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(figures, indent=1))
    failed = [
        f"{half}: {c['caution']} caution, {c['danger']} danger of {c['pages']} pages"
        for half, c in sorted(figures.items())
        if args.max_caution is not None and (c["danger"] or c["caution"] > args.max_caution * c["pages"])
    ]
    for line in failed:
        print(f"FAIL {line} (at most {args.max_caution:.1%} caution, no danger)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
