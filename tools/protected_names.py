"""The names Wary protects, for its data tools, and their brand-disjoint split into tune and test halves.

    from protected_names import half_of, protected_names
    for name in protected_names(brands, popular_sites, psl):
        name.key, name.domain, name.source, name.half

A protected name is a real site people are phished with: every catalogue brand's home domain
(data/brands.txt, the first domain of the brand) and every popular site's registrable domain
(data/popular_sites.txt). A site that is both (amazon.com) is one name, the brand's.

Its key groups the names of one brand, so that a brand's names all fall in the same half:
  * a catalogue brand: its display name, lower-cased ("AliExpress" -> "aliexpress");
  * a popular site: the key of the brand that owns it when its registrable domain is an official
    domain of a catalogue brand (the first such brand in the catalogue's order), so amazon.de and
    amazon.com share "amazon"; else its registrable domain less the public suffix, in ASCII form,
    so binance.com and binance.us share "binance".
A key is in the tune half when the first byte of the SHA-256 of its UTF-8 bytes is even, else in
the test half: fixed before any tuning. Rules may be written against the tune half only; the test
half is what we report. A key of the test half whose example a rule was written for moves to the
tune half: it goes in MOVED_TO_TUNE, with the rule that moved it.
"""

import dataclasses
import hashlib

# Keys moved from the test half to the tune half because a rule was written for one of their
# examples (key -> nothing; name the rule in a comment beside it).
MOVED_TO_TUNE: set[str] = set()


def half_of(key: str) -> str:
    """"tune" or "test": the half of the protected names that `key` belongs to."""
    if key in MOVED_TO_TUNE:
        return "tune"
    return "tune" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "test"


@dataclasses.dataclass(frozen=True)
class ProtectedName:
    key: str
    domain: str  # the real site: a registrable domain in ASCII form
    source: str  # "catalogue" (a brand's home) or "popular" (a popular site)
    suffix: str  # the public suffix of `domain`

    @property
    def label(self) -> str:
        """The domain less its public suffix (`bankofamerica`, `bbc` of bbc.co.uk)."""
        return self.domain[: -len(self.suffix) - 1]

    @property
    def half(self) -> str:
        return half_of(self.key)


def brand_key(brand) -> str:
    return brand.name.lower()


def owners(brands) -> dict[str, str]:
    """Official domain -> the key of the first catalogue brand that lists it."""
    found: dict[str, str] = {}
    for brand in brands:
        for domain in brand.domains:
            found.setdefault(domain, brand_key(brand))
    return found


def site_key(domain: str, suffix: str, owned: dict[str, str]) -> str:
    return owned.get(domain) or domain[: -len(suffix) - 1]


def protected_names(brands, popular_sites, psl) -> list[ProtectedName]:
    """The catalogue brands' homes (in the catalogue's order), then the popular sites that are no
    brand's home (in the order given). A popular site that is not a registrable domain is skipped;
    a home that is not one (a brand living on a public suffix) keeps its first label as the name."""
    owned = owners(brands)
    names: list[ProtectedName] = []
    seen: set[str] = set()
    for brand in brands:
        if brand.home in seen:  # Apple TV's home is Apple's: one name, the first brand's
            continue
        seen.add(brand.home)
        suffix = psl.public_suffix(brand.home) if psl.registrable(brand.home) == brand.home else brand.home.split(".", 1)[1]
        names.append(ProtectedName(brand_key(brand), brand.home, "catalogue", suffix))
    for domain in popular_sites:
        if domain in seen or psl.registrable(domain) != domain:
            continue
        seen.add(domain)
        suffix = psl.public_suffix(domain)
        names.append(ProtectedName(site_key(domain, suffix, owned), domain, "popular", suffix))
    return names
