"""The Public Suffix List algorithm, for Wary's data tools (no third-party library).

    from psl import PublicSuffixList
    psl = PublicSuffixList.from_file("data/public_suffix_list.dat")   # ICANN section only
    psl.registrable("www.amazon.co.uk")  # -> "amazon.co.uk"; None for a public suffix itself

Rules (https://publicsuffix.org/list/): the longest matching rule wins; `*.` matches any one
label; `!` marks an exception, whose rule is that name less its leftmost label; a name no rule
matches has its last label as suffix (the implicit `*` rule). Rules and names are compared in
ASCII (punycode) form, each label converted with Python's built-in IDNA codec; a label it
cannot convert makes the name invalid (None). By default only the ICANN section is read, as
Wary's engine does (src/suffix.rs): `foo.duckdns.org` reduces to `duckdns.org`.

`python3 tools/psl.py` checks this implementation against the list's own test file
(tests/data/public_suffix_tests.txt, which needs the PRIVATE section too, so it is read whole).
"""

import pathlib
import re
import sys


def to_ascii(name: str) -> str | None:
    """`name` lower-cased, trailing dot dropped, each label in ASCII (punycode) form; None if a label cannot be."""
    name = name.strip().rstrip(".").lower()
    if not name or name.startswith("."):
        return None
    labels = []
    for label in name.split("."):
        if not label:
            return None
        if label.isascii():
            labels.append(label)
            continue
        try:
            labels.append(label.encode("idna").decode("ascii"))
        except UnicodeError:
            return None
    return ".".join(labels)


class PublicSuffixList:
    def __init__(self, rules: list[str]):
        self.rules, self.wildcards, self.exceptions = set(), set(), set()
        for rule in rules:
            if rule.startswith("!"):
                self.exceptions.add(self._rule_ascii(rule[1:]))
            elif rule.startswith("*."):
                self.wildcards.add(self._rule_ascii(rule[2:]))
            else:
                self.rules.add(self._rule_ascii(rule))

    @staticmethod
    def _rule_ascii(rule: str) -> str:
        ascii_rule = to_ascii(rule)
        if ascii_rule is None:
            raise ValueError(f"public suffix rule {rule!r} has a label the IDNA codec cannot convert")
        return ascii_rule

    @classmethod
    def from_file(cls, path, icann_only: bool = True) -> "PublicSuffixList":
        text = pathlib.Path(path).read_text(encoding="utf-8")
        if icann_only:
            section = re.search(r"// ===BEGIN ICANN DOMAINS===(.*?)// ===END ICANN DOMAINS===", text, re.S)
            if not section:
                raise ValueError(f"{path}: no ICANN section markers")
            text = section.group(1)
        rules = []
        for line in text.splitlines():
            line = line.strip()
            if line and not line.startswith("//"):
                rules.append(line.split()[0])
        return cls(rules)

    def suffix_length(self, labels: list[str]) -> int:
        """How many labels at the end of `labels` (ASCII, lower-case) form the public suffix."""
        best = 1  # the implicit `*` rule
        for n in range(1, len(labels) + 1):
            name = ".".join(labels[-n:])
            if name in self.exceptions:
                return n - 1  # an exception beats every other rule
            if name in self.rules:
                best = max(best, n)
            if n >= 2 and ".".join(labels[-n + 1 :]) in self.wildcards:
                best = max(best, n)
        return best

    def public_suffix(self, name: str) -> str | None:
        ascii_name = to_ascii(name)
        if ascii_name is None:
            return None
        labels = ascii_name.split(".")
        return ".".join(labels[-self.suffix_length(labels) :])

    def registrable(self, name: str) -> str | None:
        """The registrable domain (eTLD+1) of `name` in ASCII form; None when `name` is itself a public suffix or invalid."""
        ascii_name = to_ascii(name)
        if ascii_name is None:
            return None
        labels = ascii_name.split(".")
        n = self.suffix_length(labels)
        if len(labels) <= n:
            return None
        return ".".join(labels[-n - 1 :])


def self_test(root: pathlib.Path) -> int:
    psl = PublicSuffixList.from_file(root / "data/public_suffix_list.dat", icann_only=False)
    failures = total = 0
    for line in (root / "tests/data/public_suffix_tests.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"checkPublicSuffix\((null|'[^']*'), (null|'[^']*')\);", line.strip())
        if not m:
            continue
        given, expected = (None if v == "null" else v.strip("'") for v in m.groups())
        if given is None:
            continue
        total += 1
        got = psl.registrable(given)
        want = to_ascii(expected) if expected else None
        if got != want:
            failures += 1
            print(f"FAIL {given!r}: got {got!r}, expected {want!r}")
    icann = PublicSuffixList.from_file(root / "data/public_suffix_list.dat")
    for name, want in [("foo.duckdns.org", "duckdns.org"), ("www.amazon.co.uk", "amazon.co.uk"), ("a.b.c.kobe.jp", "b.c.kobe.jp"), ("co.uk", None)]:
        total += 1
        if icann.registrable(name) != want:
            failures += 1
            print(f"FAIL (ICANN only) {name!r}: got {icann.registrable(name)!r}, expected {want!r}")
    print(f"{total - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(self_test(pathlib.Path(__file__).resolve().parent.parent))
