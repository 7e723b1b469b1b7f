#!/usr/bin/env python3
"""Writes extension/_locales/<lang>/messages.json from tools/locales-<lang>.json.

Each tools/locales-<lang>.json maps a message name to its text (en: [text, description]).
English is the reference: every other language must have exactly its names and the same
$1 substitutions, or this script fails and says which.
"""
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
english = json.loads((root / "tools/locales-en.json").read_text())
failures = []
for source in sorted((root / "tools").glob("locales-*.json")):
    lang = source.stem.split("-", 1)[1]
    texts = json.loads(source.read_text())
    if lang == "en":
        texts = {name: text for name, (text, _) in texts.items()}
    missing, extra = english.keys() - texts.keys(), texts.keys() - english.keys()
    if missing or extra:
        failures.append(f"{lang}: missing {sorted(missing)}, unknown {sorted(extra)}")
        continue
    for name, (text, _) in english.items():
        if sorted(re.findall(r"\$\d", text)) != sorted(re.findall(r"\$\d", texts[name])):
            failures.append(f"{lang}: {name} must use the substitutions of English: {text!r}")
    messages = {name: {"message": texts[name], "description": english[name][1]} for name in english}
    out = root / "extension/_locales" / lang / "messages.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(messages, ensure_ascii=False, indent=2) + "\n")
if failures:
    sys.exit("\n".join(failures))
