#!/usr/bin/env python3
"""Wary's text accuracy harness: how many scam SMS the text layers catch, how many ordinary
messages they wrongly flag.

    python3 tools/text_accuracy.py                          # the whole development set
    python3 tools/text_accuracy.py --min-recall 0.9 --max-ham-fp 0.01   # as a test: exit 1 if missed

Data: ../shared/data/sms_phishing_mishra_soni_dev.csv (or --csv FILE): columns label, text,
url, email, phone; labels `ham`, `smishing`, `spam`. It is a stratified half of the "SMS
Phishing Dataset for Machine Learning and Pattern Recognition" by Sandhya Mishra and Devpriya
Soni (Mendeley Data, 2022, doi:10.17632/f45bkkt8pr.1), licence CC BY 4.0. Its smishing is
mostly older UK premium-rate and prize SMS, and its ham informal personal SMS: a yardstick,
not the only one (tests/data/texts.tsv holds modern scams in six languages).

Every text goes through `wary text --batch --json` (one JSON string per line in, one
verdict per line out). A message counts as flagged at `caution` or `danger`. Printed: recall
on smishing, the share of spam flagged (reported only: spam is advertising, not fraud), the
false-positive rate on ham, and how often each reason code fired per label. Written to
test-output/text-accuracy/: missed-smishing.tsv, false-alarms.tsv (ham flagged),
summary.json and report.txt. Standard library only.
"""

import argparse
import collections
import csv
import json
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "data" / "sms_phishing_mishra_soni_dev.csv"
OUT = ROOT / "test-output" / "text-accuracy"
FLAGGED = {"caution", "danger"}


def find_csv(given):
    """The dataset: --csv, else ../shared/data next to the checkout, else /work/shared/data."""
    for candidate in [given, DEFAULT_CSV, pathlib.Path("/work/shared/data/sms_phishing_mishra_soni_dev.csv")]:
        if candidate and pathlib.Path(candidate).is_file():
            return pathlib.Path(candidate)
    sys.exit("text_accuracy.py: dataset not found; pass --csv FILE (sms_phishing_mishra_soni_dev.csv)")


def judge(wary, texts):
    """One verdict per text, through the CLI's batch mode."""
    lines = "".join(json.dumps(text) + "\n" for text in texts)
    done = subprocess.run([str(wary), "text", "--batch", "--json"], input=lines, capture_output=True, text=True, check=True)
    verdicts = [json.loads(line) for line in done.stdout.splitlines()]
    if len(verdicts) != len(texts):
        sys.exit(f"text_accuracy.py: {len(texts)} texts in, {len(verdicts)} verdicts out")
    return verdicts


def one_line(text):
    return " ".join(text.split())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wary", default=ROOT / "target" / "release" / "wary", help="the wary CLI (cargo build --release)")
    parser.add_argument("--csv", help="the dataset (default: ../shared/data/sms_phishing_mishra_soni_dev.csv)")
    parser.add_argument("--min-recall", type=float, help="exit 1 if smishing recall is below this share (0-1)")
    parser.add_argument("--max-ham-fp", type=float, help="exit 1 if the ham false-positive rate is above this share (0-1)")
    args = parser.parse_args()

    path = find_csv(args.csv)
    with open(path, newline="", encoding="utf-8") as f:
        rows = [row for row in csv.DictReader(f) if row.get("label") and row.get("text") is not None]
    started = time.monotonic()
    verdicts = judge(args.wary, [row["text"] for row in rows])
    seconds = time.monotonic() - started

    totals, flagged = collections.Counter(), collections.Counter()
    codes = collections.defaultdict(collections.Counter)  # label -> reason code -> messages
    missed, false_alarms = [], []
    for row, verdict in zip(rows, verdicts):
        label, level = row["label"], verdict["level"]
        totals[label] += 1
        raised = [r["code"] for r in verdict["reasons"] if r["severity"] != "info"]
        for code in {r["code"] for r in verdict["reasons"]}:
            codes[label][code] += 1
        if level in FLAGGED:
            flagged[label] += 1
            if label == "ham":
                false_alarms.append((level, ",".join(raised), one_line(row["text"])))
        elif label == "smishing":
            missed.append((level, ",".join(r["code"] for r in verdict["reasons"]), one_line(row["text"])))

    share = lambda label: flagged[label] / totals[label] if totals[label] else 0.0
    recall, spam, ham_fp = share("smishing"), share("spam"), share("ham")
    report = [
        f"Text accuracy on {path.name} ({len(rows)} messages; Mishra & Soni, CC BY 4.0), {seconds:.1f} s",
        f"  smishing recall (caution or danger): {flagged['smishing']}/{totals['smishing']} = {recall:.1%}  (target >= 90%)",
        f"  spam flagged (reported only):        {flagged['spam']}/{totals['spam']} = {spam:.1%}",
        f"  ham false positives:                 {flagged['ham']}/{totals['ham']} = {ham_fp:.2%}  (target <= 1%)",
        "  reason codes (messages with the code: smishing / spam / ham):",
    ]
    all_codes = sorted(set().union(*[set(c) for c in codes.values()]), key=lambda c: -sum(codes[l][c] for l in codes))
    for code in all_codes:
        report.append(f"    {code:24} {codes['smishing'][code]:5} {codes['spam'][code]:5} {codes['ham'][code]:5}")
    report.append(f"  details: {OUT.relative_to(ROOT)}/ missed-smishing.tsv, false-alarms.tsv, summary.json, report.txt")
    print("\n".join(report))

    OUT.mkdir(parents=True, exist_ok=True)
    for name, items in [("missed-smishing.tsv", missed), ("false-alarms.tsv", false_alarms)]:
        with open(OUT / name, "w", encoding="utf-8") as out:
            out.write("level\tcodes\ttext\n")
            out.writelines("\t".join(item) + "\n" for item in items)
    summary = {
        "dataset": path.name,
        "messages": dict(totals),
        "flagged": dict(flagged),
        "smishing_recall": recall,
        "spam_flagged": spam,
        "ham_false_positive_rate": ham_fp,
        "codes": {label: dict(counter) for label, counter in codes.items()},
    }
    (OUT / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    (OUT / "report.txt").write_text("\n".join(report) + "\n", encoding="utf-8")

    failed = []
    if args.min_recall is not None and recall < args.min_recall:
        failed.append(f"smishing recall {recall:.1%} is below the floor {args.min_recall:.1%}")
    if args.max_ham_fp is not None and ham_fp > args.max_ham_fp:
        failed.append(f"ham false positives {ham_fp:.2%} are above {args.max_ham_fp:.2%}")
    for failure in failed:
        print(f"text_accuracy.py: FAILED: {failure}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
