#!/usr/bin/env python3
"""Writes extension/_locales/<lang>/messages.json from tools/locales-<lang>.json and the
engine's messages in data/messages/<lang>.txt.

Each tools/locales-<lang>.json maps a message name to its text (en: [text, description]).
The engine's messages (`key = template` lines) become `engine_<key>` names, `-` and `.`
written `_`; the extension reads them back and hands them to the engine (engine/wary.js
`configure`), which fills in their {1}, {2}, ...
English is the reference: every other language must have exactly its names and the same
$1 substitutions (engine templates: the same {n}), or this script fails and says which.
"""
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
english = json.loads((root / "tools/locales-en.json").read_text())
failures = []


def engine_messages(lang):
    """data/messages/<lang>.txt as {chrome message name: template}."""
    names = {}
    for line in (root / "data/messages" / f"{lang}.txt").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, template = line.partition(" = ")
        name = "engine_" + re.sub(r"[-.]", "_", key.strip())
        if not sep or name in names:
            failures.append(f"data/messages/{lang}.txt: bad or repeated line {line!r}")
        # Chrome reads $ as the start of a substitution; $$ is a dollar sign.
        names[name] = template.strip().replace("$", "$$")
    return names


def placeholders(template):
    return sorted(re.findall(r"\{\d+\}", template))


english_engine = engine_messages("en")
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
    engine = engine_messages(lang)
    missing, extra = english_engine.keys() - engine.keys(), engine.keys() - english_engine.keys()
    if missing or extra:
        failures.append(f"data/messages/{lang}.txt: missing {sorted(missing)}, unknown {sorted(extra)}")
    for name, template in engine.items():
        if name in english_engine and placeholders(template) != placeholders(english_engine[name]):
            failures.append(f"data/messages/{lang}.txt: {name} must use the {{n}} of English: {english_engine[name]!r}")
        messages[name] = {"message": template, "description": "The engine's message; it fills in {1}, {2}, ... (data/messages/en.txt)."}
    out = root / "extension/_locales" / lang / "messages.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(messages, ensure_ascii=False, indent=2) + "\n")
if failures:
    sys.exit("\n".join(failures))
