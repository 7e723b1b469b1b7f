//! Pages: the facts the content script gathers on the page the user is on — its address,
//! title, headings, visible text, links and forms — their one contract of shape and caps
//! ([`PAGE_LIMITS`]), and the page's own site as the checks of its content see it ([`Site`]).
//! The checks themselves live in the layers (`link`: the page's links and forms; `pattern`: a
//! cloned storefront); `Engine::analyze_page` runs them.
//!
//! Every list and string is bounded here, whatever the content script sent: over a cap, the
//! rest is skipped and the verdict says so.

use serde::Deserialize;

use crate::catalogue;
use crate::code::Code;
use crate::findings::Findings;
use crate::host::{self, Host};
use crate::index::{official_owner, Entry, Index};
use crate::messages::{say, Text};
use crate::text;
use crate::verdict::{push_json_string, Layer, Severity};

/// Visible text judged; the rest is cut (the verdict says so).
pub const MAX_PAGE_TEXT_BYTES: usize = text::MAX_TEXT_BYTES;
/// Links read from one page.
pub const MAX_PAGE_LINKS: usize = 2_000;
/// Forms read from one page.
pub const MAX_PAGE_FORMS: usize = 100;
/// Headings read, and the longest title, heading or link text read. The content script sends
/// fewer and shorter ones ([`PAGE_LIMITS`]), so only facts from elsewhere are ever cut here
/// (and the verdict then says so).
pub(crate) const MAX_HEADINGS: usize = 64;
pub(crate) const MAX_SHORT_TEXT_BYTES: usize = 4096;

/// The one contract between the content script and the engine: how much of a page the
/// content script gathers (`sent_*`: what it reads and sends, in UTF-16 code units where it
/// counts characters, as JavaScript does), and the caps the engine and the service worker hold
/// any facts to (what they read, and beyond which the worker refuses a message). The extension
/// receives it from the engine (`page_limits()` at the WebAssembly boundary), so each number is
/// written once, here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLimits {
    /// Visible text read, in bytes (the content script sends at most this many characters).
    pub text: usize,
    pub links: usize,
    pub forms: usize,
    pub headings: usize,
    /// A title, heading or link text, in bytes.
    pub short_text: usize,
    /// An address (a link's or a form's), in bytes.
    pub url: usize,
    /// The facts as one JSON text, as the content script sends them to the worker.
    pub json: usize,
    /// Headings the content script sends.
    pub sent_headings: usize,
    /// Characters of a heading or link text the content script sends.
    pub sent_short_chars: usize,
    /// Characters of the title the content script sends.
    pub sent_title_chars: usize,
    /// Characters of a link's or a form's address the content script sends.
    pub sent_url_chars: usize,
    /// A listing's field (title, price, store words…), in bytes: what the engine reads of each
    /// and beyond which the worker refuses a `verdict/listing` (see `ListingFacts`).
    pub listing: usize,
    /// Characters of each listing field the content script sends.
    pub sent_listing_chars: usize,
    /// Words that mark a card-number field by its name, id, placeholder or label, as one
    /// case-insensitive regular expression (`data/card_fields.txt`); a field whose
    /// `autocomplete` is `cc-number` is one whatever its words.
    pub card_field_pattern: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/card_fields.rs"));

/// See [`PageLimits`].
pub const PAGE_LIMITS: PageLimits = PageLimits {
    text: MAX_PAGE_TEXT_BYTES,
    links: MAX_PAGE_LINKS,
    forms: MAX_PAGE_FORMS,
    headings: MAX_HEADINGS,
    short_text: MAX_SHORT_TEXT_BYTES,
    url: host::MAX_URL_LEN,
    json: 12 << 20,
    sent_headings: 50,
    sent_short_chars: 300,
    sent_title_chars: 900,
    sent_url_chars: 4096,
    listing: crate::listing::MAX_LISTING_FIELD_BYTES,
    sent_listing_chars: 1000,
    card_field_pattern: CARD_FIELD_PATTERN,
};

impl PageLimits {
    /// The contract as a JSON object, its fields named as in Rust.
    pub fn to_json(&self) -> String {
        let numbers = [
            ("text", self.text),
            ("links", self.links),
            ("forms", self.forms),
            ("headings", self.headings),
            ("short_text", self.short_text),
            ("url", self.url),
            ("json", self.json),
            ("sent_headings", self.sent_headings),
            ("sent_short_chars", self.sent_short_chars),
            ("sent_title_chars", self.sent_title_chars),
            ("sent_url_chars", self.sent_url_chars),
            ("listing", self.listing),
            ("sent_listing_chars", self.sent_listing_chars),
        ];
        let mut out = String::from("{");
        for (name, value) in numbers {
            out.push_str(&format!("\"{name}\":{value},"));
        }
        out.push_str("\"card_field_pattern\":");
        push_json_string(&mut out, self.card_field_pattern);
        out.push('}');
        out
    }
}

/// What the content script gathered on a page. Every field may be missing (it then counts as
/// empty); unknown fields are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct PageFacts {
    /// The page's address.
    pub url: String,
    pub title: String,
    /// The visible text, in document order.
    pub text: String,
    /// The text of the page's main headings (`h1`, `h2`), first ones first.
    pub headings: Vec<String>,
    pub links: Vec<PageLink>,
    pub forms: Vec<PageForm>,
}

/// A link as the reader sees it (`text`) and where it really goes (`href`, absolute).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct PageLink {
    pub href: String,
    pub text: String,
}

/// A form (or the page's inputs outside any form): where it sends what is typed, and whether
/// it asks for a password or a card number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct PageForm {
    /// Absolute address the form posts to; empty means the page itself.
    pub action: String,
    pub has_password: bool,
    pub has_card: bool,
}

/// The page's own site, as the checks of its content need it: made from the findings of its
/// address (see `Engine::analyze_page`).
pub(crate) struct Site<'i> {
    pub host: Option<Host>,
    /// The brand or protected entry whose real site this is.
    pub owner: Option<&'i Entry>,
    pub verified: bool,
    /// Verified, popular or trusted: its own links and forms are its own business.
    pub familiar: bool,
    /// The host itself borrows a brand's name (a domain-layer finding).
    pub lookalike: bool,
}

impl<'i> Site<'i> {
    /// The site of `host`, whose address made `address`.
    pub fn new(host: Option<Host>, address: &Findings, indexes: &[&'i Index]) -> Self {
        let trusted = address.has(Code::Trusted);
        let lookalike =
            address.reasons.iter().any(|r| r.layer == Layer::Domain && r.severity > Severity::Info);
        let popular = host.as_ref().and_then(Host::registrable).is_some_and(catalogue::is_popular);
        let owner = host.as_ref().and_then(|host| official_owner(host, indexes));
        Site {
            owner,
            verified: address.verified,
            familiar: address.verified || trusted || popular,
            lookalike,
            host,
        }
    }

    pub fn registrable(&self) -> Option<&str> {
        self.host.as_ref().and_then(Host::registrable)
    }

    /// `other` is this site, or another official site of the same brand (`amazon.de` from
    /// `amazon.com`).
    pub fn is_own_site(&self, other: &Host, indexes: &[&Index]) -> bool {
        if self.registrable().is_some_and(|own| other.registrable() == Some(own)) {
            return true;
        }
        self.owner.is_some_and(|owner| {
            official_owner(other, indexes).is_some_and(|o| o.home == owner.home)
        })
    }

    /// On a brand's real site, a finding about what others put on it says just that.
    pub fn frame(&self, what: Framed, message: Text) -> Text {
        match (self.verified, self.owner, self.registrable()) {
            (true, Some(owner), Some(site)) => match what {
                Framed::Link => say!("page.real-site-link", site, &owner.name, message),
                Framed::Request => say!("page.real-site-request", site, &owner.name, message),
            },
            _ => message,
        }
    }
}

/// What a framed finding on a real site is about.
#[derive(Clone, Copy)]
pub(crate) enum Framed {
    Link,
    Request,
}

/// The text, links and forms within their caps; what was cut is reported.
pub(crate) fn bounded<'f>(
    facts: &'f PageFacts,
    findings: &mut Findings,
) -> (&'f str, &'f [PageLink], &'f [PageForm]) {
    let text = cut(&facts.text, MAX_PAGE_TEXT_BYTES);
    if text.len() < facts.text.len() {
        let kb = MAX_PAGE_TEXT_BYTES / 1024;
        findings.add(
            Layer::Pattern,
            Code::PageTextTruncated,
            Severity::Info,
            say!("page-text-truncated", kb),
            String::new(),
        );
    }
    if facts.links.len() > MAX_PAGE_LINKS {
        let (read, all) = (MAX_PAGE_LINKS, facts.links.len());
        findings.add(
            Layer::Link,
            Code::PageLinksTruncated,
            Severity::Info,
            say!("page-links-truncated", read, all),
            String::new(),
        );
    }
    if facts.forms.len() > MAX_PAGE_FORMS {
        let (read, all) = (MAX_PAGE_FORMS, facts.forms.len());
        findings.add(
            Layer::Link,
            Code::PageFormsTruncated,
            Severity::Info,
            say!("page-forms-truncated", read, all),
            String::new(),
        );
    }
    let links = &facts.links[..facts.links.len().min(MAX_PAGE_LINKS)];
    let forms = &facts.forms[..facts.forms.len().min(MAX_PAGE_FORMS)];
    // Past their own caps, the title, headings, link texts and addresses are cut or skipped:
    // one note for all (each separate note cost about 100 bytes of gzipped wasm).
    let mut cut = facts.headings.len() > MAX_HEADINGS
        || facts.title.len() > MAX_SHORT_TEXT_BYTES
        || facts.url.len() > host::MAX_URL_LEN;
    for heading in &facts.headings {
        cut |= heading.len() > MAX_SHORT_TEXT_BYTES;
    }
    for link in links {
        cut |= link.text.len() > MAX_SHORT_TEXT_BYTES || link.href.len() > host::MAX_URL_LEN;
    }
    for form in forms {
        cut |= form.action.len() > host::MAX_URL_LEN;
    }
    if cut {
        let message = say!(
            "page-facts-truncated",
            MAX_HEADINGS,
            MAX_SHORT_TEXT_BYTES,
            host::MAX_URL_LEN / 1024
        );
        findings.add(
            Layer::Pattern,
            Code::PageFactsTruncated,
            Severity::Info,
            message,
            String::new(),
        );
    }
    (text, links, forms)
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
pub(crate) fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let end = (0..=max).rev().find(|&at| text.is_char_boundary(at)).unwrap_or(0);
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_whole_characters() {
        assert_eq!(cut("añb", 2), "a");
        assert_eq!(cut("añb", 3), "añ");
        assert_eq!(cut("", 0), "");
        assert_eq!(cut("🙂", 3), "");
    }

    #[test]
    fn the_contract_holds_what_the_content_script_sends() {
        let l = PAGE_LIMITS;
        assert!(l.sent_headings <= l.headings);
        // A character is at most 4 bytes in UTF-8 (a UTF-16 code unit at most 3).
        assert!(l.sent_title_chars * 3 <= l.short_text && l.sent_short_chars * 3 <= l.short_text);
        assert!(l.sent_url_chars * 3 <= l.url);
        assert!(l.sent_listing_chars * 3 <= l.listing);
        let json: serde_json::Value = serde_json::from_str(&l.to_json()).expect("JSON");
        assert_eq!(json["links"], 2000);
        assert_eq!(json["sent_headings"], 50);
        let pattern = json["card_field_pattern"].as_str().expect("a pattern");
        assert!(pattern.contains("kartennummer") && !pattern.contains('\n'), "{pattern}");
    }
}
