#!/usr/bin/env python3
"""How well `wary text` judges real messages: scam recall and false alarms, per set and split.

    python3 tools/message_accuracy.py                      # the test halves (the default)
    python3 tools/message_accuracy.py --split tune --show 10
    python3 tools/message_accuracy.py --split all --json test-output/messages.json

Sets read (every one that is present; a missing one is skipped with a note):
  * tests/corpus/messages/*.tsv: the development sets of issue 14 (tests/corpus/README.md);
    each row carries its own `split` column (tune | test).
  * ../shared/data/ next to the repository root: texts_dev_*.tsv, mail_ham_dev_*.tsv and
    sms_phishing_mishra_soni_dev.csv (labels ham / smishing / spam read as legit / scam / spam),
    plus ../shared/data/messages/*.tsv if present. Rows with no `split` column are assigned the
    same stable way as tests/corpus: tune when the first byte of SHA-256 of the UTF-8 text is
    even, else test.

The tune half is for tuning; the test half is for measuring only: no rule, word list or weight
may be written against it.

Printed per set and split: scam recall (caution or danger), the share of scams at danger, the
share of spam flagged, legit false positives (caution or danger) and legit danger, each with
counts. One `wary text --batch` process per set. Standard library only.
"""

import argparse
import csv
import hashlib
import json
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "messages"
SHARED = ROOT.parent / "shared" / "data"
FLAGGED = {"caution", "danger"}
CSV_LABELS = {"ham": "legit", "smishing": "scam", "spam": "spam"}


def unescape(field):
    """Reverse the TSV escapes: \\\\ -> \\, \\t -> tab, \\n -> line break (nothing else)."""
    out = []
    i = 0
    while i < len(field):
        ch = field[i]
        if ch == "\\" and i + 1 < len(field):
            nxt = field[i + 1]
            out.append({"\\": "\\", "t": "\t", "n": "\n", "r": "\n"}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def stable_split(text):
    return "tune" if hashlib.sha256(text.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def read_tsv(path):
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        col = {name: index for index, name in enumerate(header)}
        if "label" not in col or "text" not in col:
            raise ValueError(f"{path}: no label/text columns")
        for number, line in enumerate(handle, start=2):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < len(header):
                continue
            text = unescape(fields[col["text"]])
            split = fields[col["split"]] if "split" in col else stable_split(text)
            rows.append({
                "label": fields[col["label"]],
                "lang": fields[col["lang"]] if "lang" in col else "",
                "text": text,
                "id": fields[col["source_id"]] if "source_id" in col else f"line {number}",
                "split": split,
            })
    return rows


def read_mishra_soni(path):
    rows = []
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for number, record in enumerate(csv.DictReader(handle), start=2):
            text = record["text"]
            rows.append({"label": CSV_LABELS.get(record["label"].strip().lower(), record["label"]),
                         "lang": "en", "text": text, "id": f"row {number}", "split": stable_split(text)})
    return rows


def discover():
    """(name, loader, path) for every set present; notes for the ones missing."""
    sets, notes = [], []
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.tsv")):
            sets.append((path.name, read_tsv, path))
    else:
        notes.append(f"{CORPUS.relative_to(ROOT)} absent: no issue-14 development sets")
    if SHARED.is_dir():
        for pattern in ["texts_dev_*.tsv", "mail_ham_dev_*.tsv", "messages/*.tsv"]:
            for path in sorted(SHARED.glob(pattern)):
                sets.append((f"shared/{path.relative_to(SHARED)}", read_tsv, path))
        ms = SHARED / "sms_phishing_mishra_soni_dev.csv"
        if ms.is_file():
            sets.append(("shared/" + ms.name, read_mishra_soni, ms))
    else:
        notes.append(f"{SHARED} absent: shared development sets skipped")
    return sets, notes


def judge(wary, texts):
    """One verdict level per text from one `wary text --batch` process."""
    lines = "".join(json.dumps(text) + "\n" for text in texts)
    done = subprocess.run([str(wary), "text", "--batch"], input=lines, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"message_accuracy.py: wary exited {done.returncode}: {done.stderr.strip()[:500]}")
    verdicts = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if len(verdicts) != len(texts):
        sys.exit(f"message_accuracy.py: {len(texts)} texts in, {len(verdicts)} verdicts out")
    return verdicts


def rate(part, whole):
    return {"n": part, "of": whole, "rate": (part / whole) if whole else None}


def fmt(entry):
    if not entry["of"]:
        return "-"
    return f"{100 * entry['rate']:.1f}% ({entry['n']}/{entry['of']})"


def measure(rows, verdicts):
    by = {"scam": [], "spam": [], "legit": []}
    for row, verdict in zip(rows, verdicts):
        by.setdefault(row["label"], []).append(verdict["level"])
    scam, spam, legit = by["scam"], by["spam"], by["legit"]
    return {
        "rows": len(rows),
        "scam_recall": rate(sum(level in FLAGGED for level in scam), len(scam)),
        "scam_danger": rate(sum(level == "danger" for level in scam), len(scam)),
        "spam_flagged": rate(sum(level in FLAGGED for level in spam), len(spam)),
        "legit_fp": rate(sum(level in FLAGGED for level in legit), len(legit)),
        "legit_danger": rate(sum(level == "danger" for level in legit), len(legit)),
    }


def one_line(text, width=160):
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["tune", "test", "all"], default="test")
    parser.add_argument("--wary", default=str(ROOT / "target" / "release" / "wary"))
    parser.add_argument("--json", dest="json_out", help="write the results as JSON to this file")
    parser.add_argument("--show", type=int, default=0, help="print N missed scams and N false alarms per set to stderr")
    parser.add_argument("--max-legit-fp", type=float, metavar="RATE",
                        help="exit 1 when legit false positives exceed RATE (0.01 = 1%%) on a set named by --gate")
    parser.add_argument("--gate", action="append", default=[], metavar="TEXT",
                        help="a set whose name contains TEXT is held to --max-legit-fp (repeatable)")
    args = parser.parse_args()
    if not pathlib.Path(args.wary).is_file():
        sys.exit(f"message_accuracy.py: {args.wary} not found (cargo build --release --bin wary)")

    sets, notes = discover()
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    splits = ["tune", "test"] if args.split == "all" else [args.split]
    results = {"split": args.split, "wary": args.wary, "sets": []}
    header = f"{'set':44} {'split':5} {'rows':>6}  {'scam recall':>20} {'scam danger':>20} {'spam flagged':>18} {'legit FP':>18} {'legit danger':>18}"
    print(header)
    print("-" * len(header))
    for name, loader, path in sets:
        try:
            rows = loader(path)
        except (OSError, ValueError, KeyError) as error:
            print(f"note: {name} skipped: {error}", file=sys.stderr)
            continue
        rows = [row for row in rows if row["split"] in splits]
        if not rows:
            continue
        started = time.perf_counter()
        verdicts = judge(args.wary, [row["text"] for row in rows])
        seconds = time.perf_counter() - started
        for split in splits:
            picked = [(row, verdict) for row, verdict in zip(rows, verdicts) if row["split"] == split]
            if not picked:
                continue
            stats = measure([p[0] for p in picked], [p[1] for p in picked])
            stats.update({"set": name, "split_half": split, "seconds": round(seconds, 3)})
            results["sets"].append(stats)
            print(f"{name[:44]:44} {split:5} {stats['rows']:>6}  {fmt(stats['scam_recall']):>20} {fmt(stats['scam_danger']):>20} "
                  f"{fmt(stats['spam_flagged']):>18} {fmt(stats['legit_fp']):>18} {fmt(stats['legit_danger']):>18}")
        if args.show:
            misses = [(r, v) for r, v in zip(rows, verdicts) if r["label"] == "scam" and v["level"] not in FLAGGED]
            alarms = [(r, v) for r, v in zip(rows, verdicts) if r["label"] == "legit" and v["level"] in FLAGGED]
            for title, items in [("missed scams", misses), ("false alarms", alarms)]:
                if items:
                    print(f"\n== {name}: {title} ({len(items)}), first {min(args.show, len(items))}", file=sys.stderr)
                for row, verdict in items[: args.show]:
                    codes = ",".join(reason.get("code", "?") for reason in verdict.get("reasons", []))
                    print(f"  [{row['split']}] {verdict['level']:7} {codes:30} {row['id']}: {one_line(row['text'])}", file=sys.stderr)
    failed = []
    if args.max_legit_fp is not None:
        for stats in results["sets"]:
            gated = any(text in stats["set"] for text in args.gate)
            rate = stats["legit_fp"]
            if gated and rate["of"] and rate["rate"] > args.max_legit_fp:
                failed.append(f"{stats['set']} ({stats['split_half']}): legit false positives "
                              f"{rate['n']}/{rate['of']} over {args.max_legit_fp:.1%}")
    for line in failed:
        print(f"FAIL {line}")
    if args.json_out:
        out = pathlib.Path(args.json_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
