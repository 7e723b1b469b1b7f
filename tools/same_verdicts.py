#!/usr/bin/env python3
"""Shows that a change of the engine's code changed no verdict: the CLI built from a base commit
and the CLI built from the work tree judge the same inputs, and their output must be the same,
byte for byte.

    python3 tools/same_verdicts.py [--base COMMIT] [--tranco N] [--mix N]

The inputs (all judged by both CLIs, one process per set):

  hosts    tests/data/hosts.tsv, the first N sites of the Tranco top 1M (sorted by name, as
           tools/accuracy.py reads it; N = 200,000 by default) and tools/bench_corpus.py's fixed
           corpus (about 10,000 dnstwist lookalikes of catalogue brands, about 9,900 Tranco sites
           outside the allowlist), and the first N hosts of its realistic mix (mix.tsv, in CRC-32
           order: popular sites, the long tail and lookalikes of brands and popular names
           interleaved; N = 300,000 by default): `wary check --json -`
  texts    tests/data/texts.tsv and every message set in ../shared/data (the 2,985 development
           SMS, Thai, Swahili and Telegram texts, 4,000 e-mails): `wary text --batch`
  pages    tests/data/pages/*.json, and the 218 saved pages of ../shared/data/pages_dev turned
           into page facts as the content script gathers them (tools/page_facts.py; both CLIs read
           the same facts): `wary page --json`
  languages  tests/data/hosts.tsv, texts.tsv and the SMS again in es, pt, fr, de and ru, and
           the hosts and texts tables in the human-readable form

The base CLI is built in a git worktree under build/same-verdicts/ with its own target
directory. Exit status 0 when every output is the same, 1 when any differs (the first
differences are printed), 2 when something could not be run.

The base of the engine-room rework (issue 13) is the default: the last commit before it.
That rework added one key to the verdict's JSON, `headline` (the index of the reason to say
first), which the base's output lacks: it is taken out of the work tree's output before the
comparison (ADDED_KEYS; from both sides, for a base that has it too), and everything else
must match byte for byte. Name the base by its commit hash: the base is checked out in a
worktree of its own, where `HEAD` is that worktree's.
"""

import argparse
import csv
import json
import pathlib
import re
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import accuracy  # noqa: E402  (the pinned Tranco list, downloaded once into build/)
import page_facts  # noqa: E402  (saved pages as the content script reads them)

DEFAULT_BASE = "bad47ce0e54cd15e5c8af27dfa0b292fdde25eda"
WORK = ROOT / "build" / "same-verdicts"
SHARED = ROOT.parent / "shared" / "data"
LANGUAGES = ["es", "pt", "fr", "de", "ru"]
MAX_SHOWN_DIFFERENCES = 5
# Keys the work tree's verdicts have and the base's lack; removed before comparing.
ADDED_KEYS = re.compile(rb',"headline":(?:[0-9]+|null)')


def unescape(field: str) -> str:
    """A TSV field of ../shared/data or tests/data: `\\n`, `\\t` and `\\\\` escapes."""
    out, chars = [], iter(field)
    for c in chars:
        if c != "\\":
            out.append(c)
            continue
        nxt = next(chars, "")
        out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(nxt, "\\" + nxt))
    return "".join(out)


def table_column(path: pathlib.Path, column: int = 0) -> list[str]:
    """One column of a tests/data table (comment lines start with #)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(unescape(line.split("\t")[column]))
    return rows


def shared_texts() -> list[str]:
    texts = []
    with open(SHARED / "sms_phishing_mishra_soni_dev.csv", encoding="utf-8", newline="") as f:
        texts += [row["text"] for row in csv.DictReader(f)]
    for path in sorted(SHARED.glob("*.tsv")):
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            at = header.index("text")
            texts += [unescape(line.rstrip("\n").split("\t")[at]) for line in f if line.strip()]
    return texts


def sms_texts() -> list[str]:
    with open(SHARED / "sms_phishing_mishra_soni_dev.csv", encoding="utf-8", newline="") as f:
        return [row["text"] for row in csv.DictReader(f)]


def tranco_sites(count: int) -> list[str]:
    with zipfile.ZipFile(accuracy.wheel("pymispwarninglists")) as z:
        tranco = accuracy.warninglist(z, "tranco")
    return sorted({h.strip(".").lower() for h in tranco["list"]})[:count]


def bench_corpus(mix: int) -> list[str]:
    out = WORK / "corpus"
    if not (out / "mix.tsv").exists():
        subprocess.run([sys.executable, str(ROOT / "tools" / "bench_corpus.py"), "--out", str(out)], check=True)
    hosts = (out / "popular-outside.txt").read_text(encoding="utf-8").split()
    hosts += [line.split("\t")[2] for line in (out / "lookalikes.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    with open(out / "mix.tsv", encoding="utf-8") as f:
        next(f)
        hosts += [line.rstrip("\n").split("\t")[1] for _, line in zip(range(mix), f)]
    return hosts


def build_cli(base: str) -> tuple[pathlib.Path, pathlib.Path]:
    """The base commit's CLI (built in a worktree) and the work tree's."""
    tree = WORK / "base"
    if tree.exists():
        subprocess.run(["git", "-C", str(tree), "checkout", "--quiet", "--detach", base], check=True)
    else:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--quiet", "--detach", str(tree), base], check=True)
    cargo = ["cargo", "build", "--quiet", "--locked", "--release", "--bin", "wary"]
    subprocess.run(cargo + ["--target-dir", str(WORK / "target")], cwd=tree, check=True)
    subprocess.run(cargo, cwd=ROOT, check=True)
    return WORK / "target" / "release" / "wary", ROOT / "target" / "release" / "wary"


def run(cli: pathlib.Path, args: list[str], stdin: str) -> bytes:
    done = subprocess.run([str(cli)] + args, input=stdin.encode(), capture_output=True)
    return b"exit %d\n" % done.returncode + done.stdout + b"--- stderr\n" + done.stderr


def compare(name: str, count: int, base: bytes, head: bytes) -> bool:
    base, head = ADDED_KEYS.sub(b"", base), ADDED_KEYS.sub(b"", head)
    if base == head:
        print(f"  same  {name}: {count:,} inputs, {len(head):,} bytes of output")
        return True
    base_lines, head_lines = base.split(b"\n"), head.split(b"\n")
    differing = [i for i in range(max(len(base_lines), len(head_lines)))
                 if i >= len(base_lines) or i >= len(head_lines) or base_lines[i] != head_lines[i]]
    print(f"  DIFF  {name}: {len(differing):,} of {len(base_lines):,} output lines differ")
    for i in differing[:MAX_SHOWN_DIFFERENCES]:
        print(f"    line {i + 1}\n      base: {base_lines[i][:400] if i < len(base_lines) else b'(none)'}"
              f"\n      head: {head_lines[i][:400] if i < len(head_lines) else b'(none)'}")
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default=DEFAULT_BASE, help="the commit whose verdicts must be kept (default: %(default)s)")
    parser.add_argument("--tranco", type=int, default=200_000, help="how many Tranco sites (default: %(default)s)")
    parser.add_argument("--mix", type=int, default=300_000, help="how many hosts of the bench's mix (default: %(default)s)")
    args = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    base_cli, head_cli = build_cli(args.base)
    hosts_table = table_column(ROOT / "tests" / "data" / "hosts.tsv")
    texts_table = table_column(ROOT / "tests" / "data" / "texts.tsv")
    batch = lambda texts: "".join(json.dumps(t) + "\n" for t in texts)  # noqa: E731

    sets: list[tuple[str, int, list[str], str]] = []
    hosts = hosts_table + tranco_sites(args.tranco) + bench_corpus(args.mix)
    sets.append(("hosts (tests/data, Tranco, bench corpus and mix)", len(hosts), ["check", "--json", "-"], "\n".join(hosts) + "\n"))
    texts = texts_table + shared_texts()
    sets.append(("texts (tests/data, shared/data)", len(texts), ["text", "--batch"], batch(texts)))
    sets.append(("hosts table, human form", len(hosts_table), ["check", "-"], "\n".join(hosts_table) + "\n"))
    for language in LANGUAGES:
        sets.append((f"hosts table in {language}", len(hosts_table), ["check", "--json", "--lang", language, "-"], "\n".join(hosts_table) + "\n"))
        sms = texts_table + sms_texts()
        sets.append((f"texts table and SMS in {language}", len(sms), ["text", "--batch", "--lang", language], batch(sms)))

    same = True
    for name, count, cli_args, stdin in sets:
        same &= compare(name, count, run(base_cli, cli_args, stdin), run(head_cli, cli_args, stdin))

    pages = [(p.name, json.loads(p.read_text(encoding="utf-8"))["facts"]) for p in sorted((ROOT / "tests" / "data" / "pages").glob("*.json"))]
    pages += page_facts.saved_pages()
    base_out, head_out = b"", b""
    for _, facts in pages:
        stdin = json.dumps(facts)
        base_out += run(base_cli, ["page", "--json"], stdin)
        head_out += run(head_cli, ["page", "--json"], stdin)
        base_out += run(base_cli, ["page"], stdin)
        head_out += run(head_cli, ["page"], stdin)
    same &= compare("pages (tests/data, shared/data/pages_dev), JSON and human form", len(pages), base_out, head_out)

    print("every verdict is the same" if same else "verdicts differ from " + args.base)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
