"""Page facts from saved HTML, as the content script (extension/content/content.js) gathers them
from a live page, for the tools that judge saved pages without a browser (page_accuracy.py,
same_verdicts.py). Standard library only.

What it mirrors: the visible text (text nodes outside script, style, noscript, template,
textarea and option, in document order, joined by line breaks, up to 200 KB), the title (900
characters) and the h1 then h2 headings (50, 300 characters each), the links to other sites
(absolute links whose host is not the page's own; relative ones skipped unless a <base>
points elsewhere; 2,000; text 300 characters), and the forms (where each posts, resolved
against the page, and whether it has a password field or a card-number field by autocomplete
or by the card-field words of data/card_fields.txt; the inputs outside any form as one more
form posting to the page when they hold either). What it cannot see: anything a page's
scripts add, and styles that hide text. `hidden` and `aria-hidden` subtrees are read as the
content script reads them for the page's text; a link's or a heading's text leaves out what a
reader never sees (noscript fallbacks, `hidden` and `aria-hidden` content), as it does.
"""

import gzip
import html.parser
import pathlib
import re
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"

MAX_TEXT = 200 * 1024
MAX_LINKS = 2000
MAX_FORMS = 100
MAX_HEADINGS = 50
MAX_SHORT = 300
MAX_TITLE = 900
MAX_URL = 4096
NO_TEXT = {"script", "style", "noscript", "template", "textarea", "option"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ABSOLUTE = re.compile(r"^\s*([a-z][a-z0-9+.-]*:|//)", re.I)


def card_field_words() -> re.Pattern:
    lines = (ROOT / "data" / "card_fields.txt").read_text(encoding="utf-8").splitlines()
    alternatives = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return re.compile("|".join(alternatives), re.I)


CARD_WORDS = card_field_words()


def short(text: str, limit: int = MAX_SHORT) -> str:
    return " ".join(text[: 4 * limit].split())[:limit]


class FactsParser(html.parser.HTMLParser):
    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.base = url
        self.base_is_own = True
        parts = urllib.parse.urlsplit(url)
        self.own = f"{parts.scheme}://{parts.netloc}"
        self.stack: list[tuple[str, bool]] = []
        self.skip_depth = 0  # inside an element whose text is never read
        self.unseen_depth = 0  # inside a hidden or aria-hidden element: not in link or heading text
        self.text: list[str] = []
        self.title: list[str] = []
        self.in_title = False
        self.h1: list[str] = []
        self.h2: list[str] = []
        self.heading: tuple[str, list[str]] | None = None
        self.links: list[dict] = []
        self.link: tuple[str, list[str]] | None = None
        self.forms: list[dict] = []
        self.in_form = False
        self.loose = {"has_password": False, "has_card": False}

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        unseen = "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true"
        if tag not in VOID:
            self.stack.append((tag, unseen))
            self.unseen_depth += unseen
        if tag in NO_TEXT:
            self.skip_depth += 1
        if tag == "base" and attrs.get("href"):
            self.base = urllib.parse.urljoin(self.url, attrs["href"])
            self.base_is_own = self.base.startswith(self.own + "/")
        elif tag == "title":
            self.in_title = True
        elif tag in ("h1", "h2") and self.heading is None:
            self.heading = (tag, [])
        elif tag == "a" and "href" in attrs and self.link is None:
            self.link = (attrs["href"], [])
        elif tag == "form":
            self.in_form = True
            try:
                action = urllib.parse.urljoin(self.base, attrs.get("action", ""))
            except ValueError:
                action = ""
            self.forms.append({"action": action[:MAX_URL], "has_password": False, "has_card": False})
        elif tag == "input":
            target = self.forms[-1] if self.in_form and self.forms else self.loose
            if attrs.get("type", "").lower() == "password":
                target["has_password"] = True
            elif self.is_card(attrs):
                target["has_card"] = True

    @staticmethod
    def is_card(attrs: dict) -> bool:
        if "cc-number" in attrs.get("autocomplete", "").lower().split():
            return True
        words = " ".join(attrs.get(k, "") for k in ("name", "id", "placeholder", "aria-label"))
        return bool(CARD_WORDS.search(words))

    def handle_endtag(self, tag):
        if any(open_tag == tag for open_tag, _ in self.stack):
            while self.stack:
                open_tag, unseen = self.stack.pop()
                self.unseen_depth -= unseen
                if open_tag in NO_TEXT:
                    self.skip_depth -= 1
                if open_tag == tag:
                    break
        if tag == "title":
            self.in_title = False
        elif self.heading is not None and tag == self.heading[0]:
            (self.h1 if tag == "h1" else self.h2).append(short("".join(self.heading[1])))
            self.heading = None
        elif tag == "a" and self.link is not None:
            self.add_link(*self.link)
            self.link = None
        elif tag == "form":
            self.in_form = False

    def add_link(self, href: str, text: list[str]):
        if len(self.links) >= MAX_LINKS:
            return
        if self.base_is_own and not ABSOLUTE.match(href):
            return
        try:
            absolute = urllib.parse.urljoin(self.base, href.strip())
        except ValueError:
            return
        rest = absolute[len(self.own):]
        if absolute.startswith(self.own) and (rest == "" or rest[0] in "/?#"):
            return
        self.links.append({"href": absolute[:MAX_URL], "text": short("".join(text))})

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
            return
        if self.skip_depth:
            return
        if data.strip():
            self.text.append(data.strip())
        if self.unseen_depth:
            return
        if self.heading is not None:
            self.heading[1].append(data)
        if self.link is not None:
            self.link[1].append(data)

    def facts(self) -> dict:
        forms = self.forms[:MAX_FORMS]
        if len(forms) < MAX_FORMS and (self.loose["has_password"] or self.loose["has_card"]):
            forms.append({"action": self.url, **self.loose})
        return {
            "url": self.url,
            "title": " ".join("".join(self.title).split())[:MAX_TITLE],
            "text": "\n".join(self.text)[:MAX_TEXT],
            "headings": [h for h in (self.h1 + self.h2)[:MAX_HEADINGS] if h],
            "links": self.links,
            "forms": forms,
        }


def facts_of(html_text: str, url: str) -> dict:
    parser = FactsParser(url)
    parser.feed(html_text)
    parser.close()
    return parser.facts()


def decode(raw: bytes) -> str:
    """The page's text in the charset its first 2 KB declare (UTF-8 when none, or unknown)."""
    declared = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", raw[:2048])
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return raw.decode(encoding, errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


def saved_pages(folder: pathlib.Path = SHARED / "pages_dev") -> list[tuple[str, dict]]:
    """(name, facts) of every page listed in `folder`/pages.tsv (the shared development pages)."""
    pages = []
    with open(folder / "pages.tsv", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            url = row.get("url") or f"https://{row['host']}/"
            raw = gzip.decompress((folder / row["name"]).read_bytes())
            pages.append((row["name"], facts_of(decode(raw), url)))
    return pages
