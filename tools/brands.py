"""data/brands.txt read exactly as build.rs `parse_brands` reads it, for Wary's data tools.

    from brands import read_brands
    for brand in read_brands("data/brands.txt"):
        brand.name, brand.home, brand.domains, brand.tokens

A brand's domains are, in the order their lines appear, `<first token>.<suffix>` for each
word of a `suffixes` line (the first token known at that line) and each word of a `domains`
line (converted to ASCII); its home, where the warning bar sends people, is the first of them.
"""

import dataclasses
import pathlib

from psl import to_ascii


@dataclasses.dataclass
class Brand:
    name: str
    kind: str = ""
    tokens: list[str] = dataclasses.field(default_factory=list)
    generic: list[str] = dataclasses.field(default_factory=list)
    slip_prone: list[str] = dataclasses.field(default_factory=list)
    domains: list[str] = dataclasses.field(default_factory=list)

    @property
    def home(self) -> str:
        return self.domains[0]


def read_brands(path) -> list[Brand]:
    brands: list[Brand] = []
    for number, raw in enumerate(pathlib.Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition(" ")
        value = value.strip()
        if key == "brand":
            brands.append(Brand(value))
            continue
        if not brands:
            raise ValueError(f"{path}:{number}: field before the first brand")
        brand, words = brands[-1], [w.lower() for w in value.split()]
        if key == "kind":
            brand.kind = value
        elif key == "token":
            brand.tokens.extend(words)
        elif key == "generic":
            brand.generic.extend(words)
        elif key == "slip-prone":
            brand.slip_prone.extend(words)
        elif key == "suffixes":
            if not brand.tokens:
                raise ValueError(f"{path}:{number}: suffixes before token")
            brand.domains.extend(f"{brand.tokens[0]}.{suffix}" for suffix in words)
        elif key == "domains":
            for word in words:
                ascii_word = to_ascii(word)
                if ascii_word is None:
                    raise ValueError(f"{path}:{number}: domain {word!r} has no ASCII form")
                brand.domains.append(ascii_word)
        elif key != "source":
            raise ValueError(f"{path}:{number}: unknown field {key!r}")
    for brand in brands:
        if not brand.tokens or not brand.domains or not brand.kind:
            raise ValueError(f"brand {brand.name!r} needs kind, token and at least one domain")
    return brands


def official_domains(brands: list[Brand]) -> set[str]:
    return {domain for brand in brands for domain in brand.domains}
