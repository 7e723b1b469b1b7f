"""Lookalike host names that dnstwist does not make, for tools/accuracy.py: combosquats,
embeddings of the real domain in a longer name, and the exact name under suffixes beyond
dnstwist's list.

    from lookalikes import KINDS, read_words
    KINDS["combosquat"]("binance", "com", words)  # binance-giveaway.com, supportbinance.xyz, ...

  combosquat     the name joined to each word of tools/combosquat_words.txt, by a hyphen or
                 directly, before or after it (`binance-giveaway`, `downloadmetamask`), and 16
                 pairs of words around it (`opensea-nft-offers`); each under the site's own
                 suffix or one of COMBO_TLDS, half and half
  embedding      the real domain inside another name, 3 of each form: `brand.com.<random>.xyz`,
                 `brand-com.<random>.top`, `www.brand.com.<random>.top`, `www-brand-com.net`,
                 `brand-com.ru`, `brand.com-login.info`, `login.brand.com.<random>.icu`,
                 `secure-brand-com.site`, `brand-com-verify.online`, `brand.com.secure-<random>.xyz`
  tld-swap-wide  the exact name under each of WIDE_TLDS (country codes and generic suffixes,
                 most of them on no "cheap" list) but its own

Every choice (suffix, word, the random-looking labels) is drawn from SHA-256 of the inputs, so
the same names come out on every run and machine. Names are built in Unicode (an `xn--` label is
decoded first) and returned in ASCII form; a name IDNA cannot encode, or with a label over 63
characters, is dropped. Leaving out real sites and the site's own domains is the caller's job.
"""

import hashlib
import pathlib
import re

# Suffixes for combosquats not under the site's own: the big generic ones and those scammers favour.
COMBO_TLDS = "com net org info online site shop store xyz top app io co live click support help vip".split()
# Suffixes for the random-looking hosts that carry an embedded domain.
EMBED_TLDS = "xyz top info net com online site shop icu live click ru cn app io".split()
# The exact name under suffixes beyond the cheap ones: country codes of every region and
# generic suffixes (issue 15: binance.fit, metamask.eu); where a country takes no names directly
# (.br, .ar, .za, .th), its commercial second level.
WIDE_TLDS = """com net org info biz app dev io co ai me tv cc xyz top online site shop store club
live pro fit vip one tech cloud digital world life today support help services finance money
network email page eu de uk co.uk fr es it nl be at ch pl ru ua by kz com.br mx com.mx com.ar
in co.in jp cn com.cn au com.au ca us tr com.tr cz se no dk fi pt gr hu ro sk kr vn id co.id
co.th ph my sg ng co.za ke""".split()
VALID = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def read_words(path) -> list[str]:
    text = pathlib.Path(path).read_text(encoding="utf-8")
    return list(dict.fromkeys(w for line in text.splitlines() for w in line.split("#", 1)[0].split()))


def _draw(*parts: str) -> bytes:
    return hashlib.sha256("|".join(parts).encode("utf-8")).digest()


def _random_label(seed: bytes) -> str:
    """5-9 letters and digits, the first a letter."""
    n, letters = int.from_bytes(seed[1:17], "big"), "abcdefghijklmnopqrstuvwxyz0123456789"
    out = [letters[n % 26]]
    n //= 26
    for _ in range(4 + seed[0] % 5):
        out.append(letters[n % 36])
        n //= 36
    return "".join(out)


def _unicode(label: str) -> str:
    if "xn--" not in label:
        return label
    import idna  # the harness's pinned copy, as dnstwist uses it

    return idna.decode(label)


def _ascii(host: str) -> str | None:
    if not host.isascii():
        try:
            import idna

            host = idna.encode(host).decode("ascii")
        except Exception:  # noqa: BLE001 -- a name IDNA refuses is dropped
            return None
    labels = host.split(".")
    return host if len(host) <= 253 and all(VALID.match(label) for label in labels) else None


def _finish(hosts) -> list[str]:
    return [a for h in dict.fromkeys(hosts) if (a := _ascii(h))]


def combosquats(label: str, suffix: str, words: list[str]) -> list[str]:
    name = _unicode(label)

    def tld(host: str) -> str:
        d = _draw("combosquat", label, suffix, host)
        return suffix if d[0] % 2 == 0 else COMBO_TLDS[d[1] % len(COMBO_TLDS)]

    hosts = [h for w in words for h in (f"{name}-{w}", f"{w}-{name}", f"{name}{w}", f"{w}{name}")]
    for i in range(16):
        d = _draw("combosquat pair", label, suffix, str(i))
        first, second = words[d[0] % len(words)], words[d[1] % len(words)]
        if first != second:
            hosts.append(f"{name}-{first}-{second}" if i % 2 == 0 else f"{first}-{name}-{second}")
    return _finish(f"{h}.{tld(h)}" for h in hosts)


def embeddings(label: str, suffix: str, words: list[str]) -> list[str]:
    domain = f"{_unicode(label)}.{suffix}"
    dashed = domain.replace(".", "-")
    forms = [
        "{d}.{r}.{t}", "{h}.{r}.{t}", "www.{d}.{r}.{t}", "www-{h}.{t}", "{h}.{t}",
        "{d}-{w}.{t}", "{w}.{d}.{r}.{t}", "{w}-{h}.{t}", "{h}-{w}.{t}", "{d}.{w}-{r}.{t}",
    ]
    hosts = []
    for form in forms:
        for i in range(3):
            d = _draw("embedding", label, suffix, form, str(i))
            hosts.append(form.format(d=domain, h=dashed, r=_random_label(d[2:]), t=EMBED_TLDS[d[0] % len(EMBED_TLDS)],
                                     w=words[d[1] % len(words)]))
    return _finish(hosts)


def wide_tld_swaps(label: str, suffix: str, words: list[str]) -> list[str]:
    name = _unicode(label)
    return _finish(f"{name}.{tld}" for tld in WIDE_TLDS if tld != suffix)


KINDS = {"combosquat": combosquats, "embedding": embeddings, "tld-swap-wide": wide_tld_swaps}
