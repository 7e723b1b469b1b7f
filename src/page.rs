//! Pages: what the content script saw on the page the user is on — its address, title,
//! headings, visible text, links and forms — judged together.
//!
//! - The address goes through the domain and link layers, as [`Engine::analyze_url`] does.
//! - Links: one whose text shows a domain while it opens another site (`link-text-mismatch`),
//!   and links to lookalike or disguised addresses as `analyze_url` judges them.
//! - Forms: a login or card form that sends what is typed to another site (`form-foreign-host`).
//! - Brand content (a catalogue brand named in the title or headings) with a card or password
//!   form, on a site that is not the brand's: a cloned storefront, `danger`.
//! - The visible text runs through the message layers (payment, pressure, offer, pattern).
//!
//! A site that is verified (a brand's real one), popular or trusted by the user runs its own
//! links and forms, so those are not second-guessed there; but what others write on it (a
//! seller's chat message, a link in it) still is, and on a verified site such a finding says
//! so: the site is real, this request on it is not.
//!
//! Every list and string is bounded here too, whatever the content script sent: over a cap,
//! the rest is skipped and the verdict says so.

use serde::Deserialize;

use crate::catalogue;
use crate::host::{self, Host};
use crate::index::{Entry, Index};
use crate::layers::domain::official_owner;
use crate::layers::pattern::brand_named_in_short;
use crate::messages::{say, Text};
use crate::text;
use crate::verdict::{Finding, Findings, Layer, Reason, Severity, Verdict};
use crate::Engine;

/// Visible text judged; the rest is cut (the verdict says so).
pub const MAX_PAGE_TEXT_BYTES: usize = text::MAX_TEXT_BYTES;
/// Links read from one page.
pub const MAX_PAGE_LINKS: usize = 2_000;
/// Forms read from one page.
pub const MAX_PAGE_FORMS: usize = 100;
/// Headings read, and the longest title, heading or link text read. The content script sends
/// at most 50 headings and 900 characters (3,600 bytes) for each of these, so only facts from
/// elsewhere are ever cut here (and the verdict then says so).
const MAX_HEADINGS: usize = 64;
const MAX_SHORT_TEXT_BYTES: usize = 4096;
/// At most this many findings about the page's links are reported: a page with hundreds of bad
/// links is judged by the first few, and the rest is not worth the time.
const MAX_LINK_REASONS: usize = 4;
/// At most this many findings about forms.
const MAX_FORM_REASONS: usize = 3;
/// A site's own name counts as shown in its title from this many letters on.
const MIN_OWN_NAME_CHARS: usize = 4;
/// The echo of the page's address in the verdict.
const MAX_INPUT_ECHO_BYTES: usize = 2_048;

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

impl Engine {
    /// Judges a page from the facts the content script gathered (see the module notes).
    pub fn analyze_page(&self, facts: &PageFacts) -> Verdict {
        let indexes = self.indexes();
        let mut findings = Findings::default();
        let (text, links, forms) = bounded(facts, &mut findings);
        let host = host::parse_target(&facts.url).ok().and_then(|target| target.host);
        // A brand in the address's path is read only where the page asks for secrets under
        // another name than its own (see `Page::judge`).
        let own_name = host.as_ref().is_some_and(|host| presents_own_name(host, facts));
        let asks_secrets = forms.iter().any(|f| f.has_password || f.has_card) && !own_name;
        let page = Page::judge(self, &facts.url, host, asks_secrets, &indexes, &mut findings);
        check_links(self, &page, links, &indexes, &mut findings);
        check_forms(&page, forms, &indexes, &mut findings);
        check_cloned_storefront(&page, facts, forms, &indexes, &mut findings);
        let text_verdict = self.analyze_text(text);
        fold_text_reasons(&page, text_verdict.reasons, &mut findings);
        findings.into_verdict(cut(facts.url.trim(), MAX_INPUT_ECHO_BYTES), &self.language)
    }
}

/// [`Engine::analyze_page`] with the default engine.
pub fn analyze_page(facts: &PageFacts) -> Verdict {
    Engine::new().analyze_page(facts)
}

/// The page's own site, as the checks of its content need it.
struct Page<'i> {
    host: Option<Host>,
    /// The brand or protected entry whose real site this is.
    owner: Option<&'i Entry>,
    verified: bool,
    /// Verified, popular or trusted: its own links and forms are its own business.
    familiar: bool,
    /// The host itself borrows a brand's name (a domain-layer finding).
    lookalike: bool,
}

impl<'i> Page<'i> {
    /// Judges the page's address (`url`, whose host is `host`) into `findings` and keeps what
    /// the other checks need. `asks_secrets`: the page has a password or card form, and does
    /// not show its own site's name in its title or headings.
    fn judge(
        engine: &Engine,
        url: &str,
        host: Option<Host>,
        asks_secrets: bool,
        indexes: &[&'i Index],
        findings: &mut Findings,
    ) -> Self {
        if let Ok(mut verdict) = engine.analyze_url(url) {
            // A brand in the path is how blogs and news name their articles
            // (`/my-aliexpress-haul`); on a page it counts only where the page asks for a
            // password or a card, as a hacked site's `/wp-content/paypal/signin` does.
            if !asks_secrets {
                for reason in verdict.reasons.iter_mut().filter(|r| r.code == "brand-in-path") {
                    reason.severity = Severity::Info;
                }
                let lookalike_host = verdict
                    .reasons
                    .iter()
                    .any(|r| r.layer == Layer::Domain && r.severity > Severity::Info);
                if !lookalike_host {
                    verdict.lookalike_of = None;
                }
            }
            findings.reasons.extend(verdict.reasons.into_iter().map(Finding::from));
            findings.verified = verdict.verified;
            findings.lookalike_of = verdict.lookalike_of;
        }
        let trusted = findings.reasons.iter().any(|r| r.code == "trusted");
        let lookalike = findings
            .reasons
            .iter()
            .any(|r| r.layer == Layer::Domain && r.severity > Severity::Info);
        let popular = host.as_ref().and_then(Host::registrable).is_some_and(catalogue::is_popular);
        let owner = host.as_ref().and_then(|host| official_owner(host, indexes));
        Page {
            owner,
            verified: findings.verified,
            familiar: findings.verified || trusted || popular,
            lookalike,
            host,
        }
    }

    fn registrable(&self) -> Option<&str> {
        self.host.as_ref().and_then(Host::registrable)
    }

    /// `other` is this site, or another official site of the same brand (`amazon.de` from
    /// `amazon.com`).
    fn is_own_site(&self, other: &Host, indexes: &[&Index]) -> bool {
        if self.registrable().is_some_and(|own| other.registrable() == Some(own)) {
            return true;
        }
        self.owner.is_some_and(|owner| {
            official_owner(other, indexes).is_some_and(|o| o.home == owner.home)
        })
    }

    /// On a brand's real site, a finding about what others put on it says just that.
    fn frame(&self, what: Framed, message: Text) -> Text {
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
enum Framed {
    Link,
    Request,
}

/// The text, links and forms within their caps; what was cut is reported.
fn bounded<'f>(
    facts: &'f PageFacts,
    findings: &mut Findings,
) -> (&'f str, &'f [PageLink], &'f [PageForm]) {
    let text = cut(&facts.text, MAX_PAGE_TEXT_BYTES);
    if text.len() < facts.text.len() {
        let kb = MAX_PAGE_TEXT_BYTES / 1024;
        findings.add(
            Layer::Pattern,
            "page-text-truncated",
            Severity::Info,
            say!("page-text-truncated", kb),
            String::new(),
        );
    }
    if facts.links.len() > MAX_PAGE_LINKS {
        let (read, all) = (MAX_PAGE_LINKS, facts.links.len());
        findings.add(
            Layer::Link,
            "page-links-truncated",
            Severity::Info,
            say!("page-links-truncated", read, all),
            String::new(),
        );
    }
    if facts.forms.len() > MAX_PAGE_FORMS {
        let (read, all) = (MAX_PAGE_FORMS, facts.forms.len());
        findings.add(
            Layer::Link,
            "page-forms-truncated",
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
            "page-facts-truncated",
            Severity::Info,
            message,
            String::new(),
        );
    }
    (text, links, forms)
}

/// Links to other sites: the domain their text shows, and the site they open.
fn check_links(
    engine: &Engine,
    page: &Page,
    links: &[PageLink],
    indexes: &[&Index],
    findings: &mut Findings,
) {
    // Each site is judged once, by its address without path: what is kept of a link's
    // verdict below depends on the host (and user info) alone.
    let mut judged: Vec<String> = Vec::new(); // sorted (a hash set costs ~1 KB more wasm)
    let mut reported = 0;
    let mut shortener_noted = false;
    for link in links {
        if reported >= MAX_LINK_REASONS {
            break;
        }
        let href = link.href.trim();
        let Ok(target) = host::parse_target(href) else { continue };
        // `javascript:void(0)`, `mailto:` and the like are everyday page furniture, not links to a site.
        if !matches!(target.scheme.as_str(), "http" | "https") {
            continue;
        }
        let Some(to) = &target.host else { continue };
        if page.is_own_site(to, indexes) {
            continue; // the page's own address was judged already
        }
        if let Some((reason, imitated)) = shown_domain_mismatch(page, link, to, indexes) {
            if !page.verified && findings.lookalike_of.is_none() {
                findings.lookalike_of = imitated;
            }
            findings.reasons.push(reason);
            reported += 1;
        }
        let to_site = to.registrable().unwrap_or(&to.ascii);
        // Pages link through shorteners every day: noted once, never alarming.
        if !shortener_noted
            && catalogue::is_shortener(to_site)
            && !matches!(target.rest.as_str(), "" | "/")
        {
            shortener_noted = true;
            let message = say!("page.shortener", to_site);
            findings.add(
                Layer::Link,
                "shortener",
                Severity::Info,
                message,
                cut(href, 200).to_string(),
            );
        }
        let site = match &target.userinfo {
            Some(userinfo) => format!("{}://{userinfo}@{}/", target.scheme, to.ascii),
            None => format!("{}://{}/", target.scheme, to.ascii),
        };
        let Err(at) = judged.binary_search(&site) else { continue };
        let Ok(verdict) = engine.analyze_url(&site) else { continue };
        judged.insert(at, site);
        for reason in verdict.reasons {
            let mut reason = Finding::from(reason);
            let keep = match reason.layer {
                Layer::Domain => reason.severity >= Severity::Caution,
                // (A brand named in the path is how news and shops link to articles about brands.)
                Layer::Link => matches!(reason.code, "userinfo" | "ip-host" | "deep-subdomain"),
                _ => false,
            };
            // A familiar site's links are its own choice unless one goes somewhere dangerous.
            if !keep || (page.familiar && reason.severity < Severity::Danger) {
                continue;
            }
            reason.evidence = format!("{} ({})", cut(href, 200), reason.evidence);
            reason.message = page.frame(Framed::Link, reason.message);
            if !page.verified && findings.lookalike_of.is_none() {
                findings.lookalike_of = verdict.lookalike_of.clone();
            }
            findings.reasons.push(reason);
            reported += 1;
        }
    }
}

/// A link whose text shows one domain while it opens another site, and the real site it
/// imitates when the text shows a brand's.
fn shown_domain_mismatch(
    page: &Page,
    link: &PageLink,
    to: &Host,
    indexes: &[&Index],
) -> Option<(Finding, Option<String>)> {
    let text = cut(link.text.trim(), MAX_SHORT_TEXT_BYTES);
    // Most link texts are words, or the very site the link opens ("example.com").
    if !text.contains(['.', ':', '['])
        || to.registrable().is_some_and(|site| {
            text.eq_ignore_ascii_case(site) || text.eq_ignore_ascii_case(&to.ascii)
        })
    {
        return None;
    }
    let shown = text::find_links(text).into_iter().next()?;
    let shown_host = host::parse_target(&shown.link).ok()?.host?;
    let (shown_site, to_site) = (shown_host.registrable()?, to.registrable()?);
    if shown_site == to_site {
        return None;
    }
    let brand = official_owner(&shown_host, indexes);
    let to_owner = official_owner(to, indexes);
    if brand.zip(to_owner).is_some_and(|(a, b)| a.home == b.home) {
        return None; // `amazon.de` that opens amazon.com
    }
    // Real brands' sites, popular sites and shorteners between a link's text and its target
    // are how big sites count clicks (`t.co`, `l.facebook.com`): no sign of a trap.
    let shortener = catalogue::is_shortener(to_site);
    let known_target = to_owner.is_some() || catalogue::is_popular(to_site) || shortener;
    let written = shown.written.as_str();
    let evidence = format!("{written} → {}", to.unicode);
    match brand {
        // Behind a shortener on an unknown site, a brand's name hides where the link goes.
        Some(brand) if !known_target || (shortener && !page.familiar) => {
            let message = say!("link-text-mismatch.brand", shown_site, &to.unicode, &brand.name);
            let reason = Finding {
                layer: Layer::Link,
                code: "link-text-mismatch",
                severity: Severity::Danger,
                message: page.frame(Framed::Link, message),
                evidence,
            };
            Some((reason, Some(brand.home.to_string())))
        }
        Some(_) => None,
        // A bare unknown name (`readme.md`, `setup.py`) is more often a file than a site: only
        // text written as an address, or naming a popular site, counts.
        None if !known_target
            && (is_written_as_address(written) || catalogue::is_popular(shown_site)) =>
        {
            let message = say!("link-text-mismatch", shown_site, to_site);
            let reason = Finding {
                layer: Layer::Link,
                code: "link-text-mismatch",
                severity: Severity::Caution,
                message: page.frame(Framed::Link, message),
                evidence,
            };
            Some((reason, None))
        }
        None => None,
    }
}

fn is_written_as_address(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

/// Login and card forms that send what is typed to another site.
fn check_forms(page: &Page, forms: &[PageForm], indexes: &[&Index], findings: &mut Findings) {
    if page.familiar {
        return;
    }
    let Some(page_host) = &page.host else { return };
    let mut reported: Vec<String> = Vec::new();
    for form in forms.iter().filter(|f| f.has_password || f.has_card) {
        let Ok(target) = host::parse_target(form.action.trim()) else { continue };
        let Some(to) = target.host.filter(|_| matches!(target.scheme.as_str(), "http" | "https"))
        else {
            continue;
        };
        let Some(to_site) = to.registrable() else { continue };
        if page_host.registrable() == Some(to_site) || reported.iter().any(|r| r == to_site) {
            continue;
        }
        // Card forms post to payment services and logins to single sign-on: known sites.
        if catalogue::is_popular(to_site) || official_owner(&to, indexes).is_some() {
            continue;
        }

        let site = page_host.registrable().unwrap_or(&page_host.unicode);
        findings.add(
            Layer::Link,
            "form-foreign-host",
            Severity::Caution,
            if form.has_card {
                say!("form-foreign-host.card", to_site, site)
            } else {
                say!("form-foreign-host.login", to_site, site)
            },
            to.unicode.clone(),
        );
        reported.push(to_site.to_string());
        if reported.len() == MAX_FORM_REASONS {
            return;
        }
    }
}

/// Brand content and a card or password form on a site that is not the brand's.
fn check_cloned_storefront(
    page: &Page,
    facts: &PageFacts,
    forms: &[PageForm],
    indexes: &[&Index],
    findings: &mut Findings,
) {
    if page.familiar || page.host.is_none() {
        return;
    }
    let card = forms.iter().any(|f| f.has_card);
    let password = forms.iter().any(|f| f.has_password);
    if !card && !password {
        return;
    }
    let Some((brand, written)) = brand_in_content(facts, indexes) else { return };
    // Its own name excuses a shop, unless that name borrows the brand's (`aliexpress-deals`).
    if !page.lookalike && page.host.as_ref().is_some_and(|host| presents_own_name(host, facts)) {
        return;
    }
    let message = match (card, password) {
        (true, true) => say!("cloned-storefront.card-password", &brand.name, &brand.home),
        (true, false) => say!("cloned-storefront.card", &brand.name, &brand.home),
        _ => say!("cloned-storefront.password", &brand.name, &brand.home),
    };
    findings.lookalike(
        Layer::Pattern,
        "cloned-storefront",
        Severity::Danger,
        message,
        written,
        &brand.home,
    );
}

/// The page's title or a heading carries the site's own name (`Nike Air Max 90 | Sneaker
/// Corner` on sneaker-corner.com): a shop selling a brand's goods under its own name, not a
/// copy of the brand's site, which shows the brand's name instead of its own.
fn presents_own_name(host: &Host, facts: &PageFacts) -> bool {
    let labels_before = host.subdomain().split('.').filter(|l| !l.is_empty()).count();
    let Some(name) = host.unicode.split('.').nth(labels_before) else { return false };
    let name = squeeze(name);
    if name.chars().count() < MIN_OWN_NAME_CHARS {
        return false; // a short name turns up inside other words by chance
    }
    std::iter::once(&facts.title)
        .chain(facts.headings.iter().take(MAX_HEADINGS))
        .any(|text| squeeze(cut(text, MAX_SHORT_TEXT_BYTES)).contains(&name))
}

/// Letters and digits only, ASCII lowercased: `Phone Corner` and `phone-corner` both read
/// `phonecorner`. (Full Unicode lowercasing cost 262 bytes of gzipped wasm; an international
/// name in capitals then misses its excuse, and the page is judged as if it showed no name.)
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

/// The first brand the page presents itself as: named in the title, or in a heading. A
/// payment brand in a heading is left out: "Pay with PayPal" is a checkout option, not the
/// page's identity.
fn brand_in_content<'i>(facts: &PageFacts, indexes: &[&'i Index]) -> Option<(&'i Entry, String)> {
    let named = |text: &str| {
        let text = cut(text, MAX_SHORT_TEXT_BYTES);
        indexes.iter().find_map(|index| brand_named_in_short(text, index))
    };
    named(&facts.title).or_else(|| {
        facts.headings.iter().take(MAX_HEADINGS).find_map(|heading| {
            let (brand, written) = named(heading)?;
            let kind = catalogue::owner_of(&brand.home).map(|b| b.kind);
            (!matches!(kind, Some("payment" | "crypto"))).then_some((brand, written))
        })
    })
}

/// Folds what the message layers found in the page's visible text into the page's findings.
/// Their link findings are left out: the page's real links are judged from its `links`, and a
/// domain merely written in prose is no link. So is `impersonation`, which compares a brand
/// named in the text with the domains written in it — on a page, the brand checks above look
/// at its real address and forms instead.
///
/// On a familiar site (the real brand's, a popular or a trusted one) only payment requests
/// count: its sale banners ("90% off"), checkout copy ("enter your card details") and fee
/// notices are its own business; a request to pay outside it is what a seller slips in.
fn fold_text_reasons(page: &Page, reasons: Vec<Reason>, findings: &mut Findings) {
    for reason in reasons {
        let mut reason = Finding::from(reason);
        let message_layer = if page.familiar {
            reason.layer == Layer::Payment
        } else {
            matches!(reason.layer, Layer::Payment | Layer::Pressure | Layer::Offer | Layer::Pattern)
        };
        if !message_layer || matches!(reason.code, "impersonation" | "text-truncated") {
            continue;
        }
        if reason.severity > Severity::Info {
            reason.message = page.frame(Framed::Request, reason.message);
        }
        findings.reasons.push(reason);
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let end = (0..=max).rev().find(|&at| text.is_char_boundary(at)).unwrap_or(0);
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Language, Level};

    fn reason(layer: Layer, code: &'static str, severity: Severity, message: &str) -> Reason {
        Reason { layer, code, severity, message: message.into(), evidence: "Western Union".into() }
    }

    /// The page-level verdict for `url` once `reasons` from the message layers are folded in.
    fn with_text_reasons(url: &str, reasons: Vec<Reason>) -> Verdict {
        let engine = Engine::new();
        let indexes = engine.indexes();
        let mut findings = Findings::default();
        let host = host::parse_target(url).ok().and_then(|target| target.host);
        let page = Page::judge(&engine, url, host, false, &indexes, &mut findings);
        fold_text_reasons(&page, reasons, &mut findings);
        findings.into_verdict(url, &Language::english())
    }

    #[test]
    fn a_payment_request_on_the_real_site_is_framed_as_such() {
        let payment = reason(
            Layer::Payment,
            "off-platform-payment",
            Severity::Caution,
            "The message asks you to pay by Western Union.",
        );
        let verdict = with_text_reasons("https://www.aliexpress.com/p/chat", vec![payment.clone()]);
        assert_eq!(
            (verdict.level, verdict.verified, verdict.lookalike_of.as_deref()),
            (Level::Caution, true, None),
            "{verdict:#?}"
        );
        let folded = verdict
            .reasons
            .iter()
            .find(|r| r.code == "off-platform-payment")
            .expect("the payment reason is kept");
        assert_eq!(
            folded.message,
            "This is the real aliexpress.com, but this request is not from AliExpress: The message asks you to pay by Western Union."
        );
        assert!(verdict.advice.contains("real site"), "advice for a real site: {}", verdict.advice);

        let elsewhere = with_text_reasons("https://shop.example.org/chat", vec![payment]);
        let kept = elsewhere
            .reasons
            .iter()
            .find(|r| r.code == "off-platform-payment")
            .expect("kept off the real site too");
        assert_eq!(
            kept.message, "The message asks you to pay by Western Union.",
            "no framing on an ordinary site"
        );
        assert_eq!(elsewhere.level, Level::Caution);
    }

    #[test]
    fn only_message_layer_reasons_are_folded() {
        let reasons = vec![
            reason(Layer::Pressure, "deadline", Severity::Caution, "A deadline."),
            reason(Layer::Offer, "too-cheap", Severity::Info, "Cheap."),
            reason(Layer::Domain, "tld-swap", Severity::Danger, "A domain written in the text."),
            reason(
                Layer::Link,
                "shortener",
                Severity::Caution,
                "A short link written in the text.",
            ),
            reason(Layer::Pattern, "impersonation", Severity::Caution, "Speaks as a brand."),
        ];
        let verdict = with_text_reasons("https://shop.kleinladen-muster.de/", reasons.clone());
        let codes: Vec<&str> = verdict.reasons.iter().map(|r| r.code).collect();
        assert_eq!(codes, ["deadline", "too-cheap"], "{verdict:#?}");
        let info = &verdict.reasons[1];
        assert_eq!(info.message, "Cheap.", "an info reason explains without framing");

        // The real site's own sale banners and checkout copy are its business; only a request
        // to pay outside it counts there.
        let mut on_real_site = reasons;
        on_real_site.push(reason(
            Layer::Payment,
            "money-transfer-service",
            Severity::Caution,
            "Western Union.",
        ));
        let verdict = with_text_reasons("https://www.aliexpress.com/", on_real_site);
        let codes: Vec<&str> = verdict.reasons.iter().map(|r| r.code).collect();
        assert_eq!(codes, ["verified", "money-transfer-service"], "{verdict:#?}");
    }

    #[test]
    fn cut_keeps_whole_characters() {
        assert_eq!(cut("añb", 2), "a");
        assert_eq!(cut("añb", 3), "añ");
        assert_eq!(cut("", 0), "");
        assert_eq!(cut("🙂", 3), "");
    }
}
