//! The engine: the user's settings, and the analyses — a link or site, a message, a page, and
//! a pasted input that may be either — each running the layers over its input, gathering
//! their findings, and rendering them into one [`Verdict`] at the end.
//!
//! A link inside a message and the links and address of a page are judged as findings, not as
//! verdicts: nothing is written out until the input's own verdict is made.

use crate::catalogue;
use crate::code::Code;
use crate::findings::{Cue, Findings};
use crate::host::{self, InputError};
use crate::index::{self, Index, Protection};
use crate::layers;
use crate::listing::{ListingFacts, ListingTips, Tip};
use crate::messages::{say, Language};
use crate::page::{self, cut, Framed, PageFacts, Site};
use crate::text::{self, FoundLink};
use crate::verdict::{Layer, Level, Sensitivity, Severity, Verdict};

/// The echo of a page's address in its verdict.
const MAX_INPUT_ECHO_BYTES: usize = 2_048;

/// The checks, ready to run, with the user's own settings.
#[derive(Default)]
pub struct Engine {
    /// Registrable domains the user trusts: never warned about.
    trusted: Vec<String>,
    /// The user's own protected domains (their bank, say), guarded like catalogue brands.
    protected: Option<Index>,
    /// The language of messages and advice.
    language: Language,
    /// How readily the user wants to be warned: the level every verdict shows.
    sensitivity: Sensitivity,
}

/// A page's address judged as the content script needs it at `document_start`, before the
/// page is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressVerdict {
    pub verdict: Verdict,
    /// Warn at once, before the page is parsed: the host itself borrows a brand's name.
    /// Anything else waits for the page's own verdict, which includes the address's reasons.
    pub warn_now: bool,
    /// Read the page's content once it is parsed. Not on a brand's verified real site: its
    /// page is its own (on a heavy page, reading it is most of Wary's cost); what others add
    /// to it later, such as a seller's chat message, is still read.
    pub read_page: bool,
    /// Read the page as a listing for buying tips ([`Engine::analyze_listing`]): on a brand's
    /// verified real marketplace (AliExpress, Amazon, eBay, Temu…), not on its other sites.
    pub read_listing: bool,
}

impl Engine {
    /// The engine with the built-in catalogue and popular sites only.
    pub fn new() -> Self {
        Self::default()
    }

    /// The engine with the user's trusted sites and protected domains. Each is a host name or
    /// URL; it is reduced to its registrable domain, and entries that are not domain names
    /// are skipped (settings come from storage and may be stale or hand-edited).
    pub fn with_settings(trusted: &[String], protected: &[String]) -> Self {
        let registrable = |input: &String| {
            let target = host::parse_target(input).ok()?;
            target.host?.registrable().map(str::to_string)
        };
        let protected: Vec<String> = protected.iter().filter_map(registrable).collect();
        Self {
            trusted: trusted.iter().filter_map(registrable).collect(),
            protected: (!protected.is_empty()).then(|| Index::for_domains(&protected)),
            ..Self::default()
        }
    }

    /// The same engine, writing its messages and advice in `language`.
    pub fn in_language(self, language: Language) -> Self {
        Self { language, ..self }
    }

    /// The same engine, showing levels as `sensitivity` wants them.
    pub fn with_sensitivity(self, sensitivity: Sensitivity) -> Self {
        Self { sensitivity, ..self }
    }

    /// Where protected names are looked up: the catalogue, then the user's own domains.
    fn indexes(&self) -> Vec<&Index> {
        std::iter::once(Index::catalogue()).chain(self.protected.as_ref()).collect()
    }

    /// The verdict `findings` make for `input`, in the user's language and sensitivity.
    fn render(&self, findings: Findings, input: &str) -> Verdict {
        findings.into_verdict(input, &self.language, self.sensitivity)
    }

    /// Judges a URL or a bare host name (`aliexpress-sale.shop`, `https://x.example/pay`).
    pub fn analyze_url(&self, input: &str) -> Result<Verdict, InputError> {
        Ok(self.render(self.url_findings(input)?, input.trim()))
    }

    /// Judges what a user pasted or selected: one link or site name (a single word that reads
    /// as one) as a link, anything else as a message.
    pub fn analyze_input(&self, input: &str) -> Verdict {
        let input = input.trim();
        if !input.contains(char::is_whitespace) {
            if let Ok(verdict) = self.analyze_url(input) {
                return verdict;
            }
        }
        self.analyze_text(input)
    }

    /// Judges the address of the page the user is on, and says what the content script does
    /// next (see [`AddressVerdict`]).
    pub fn analyze_address(&self, url: &str) -> Result<AddressVerdict, InputError> {
        let findings = self.url_findings(url)?;
        let lookalike_host = findings
            .reasons
            .iter()
            .any(|r| r.layer == Layer::Domain && r.severity > Severity::Info);
        let verdict = self.render(findings, url.trim());
        let warn_now = lookalike_host && verdict.level > Level::Safe;
        let read_page = !verdict.verified;
        let read_listing = verdict.verified && self.marketplace_of(url).is_some();
        Ok(AddressVerdict { verdict, warn_now, read_page, read_listing })
    }

    /// The marketplace brand whose real site `url` is on (verified), if it is one.
    fn marketplace_of(&self, url: &str) -> Option<String> {
        let host = host::parse_target(url).ok()?.host?;
        if !self.url_findings(url).is_ok_and(|address| address.verified) {
            return None;
        }
        let owner = index::official_owner(&host, &self.indexes())?;
        (catalogue::kind_of(&owner.home) == Some("marketplace")).then(|| owner.name.to_string())
    }

    fn url_findings(&self, input: &str) -> Result<Findings, InputError> {
        let target = host::parse_target(input)?;
        let mut findings = Findings::default();
        let indexes = self.indexes();
        let protection = Protection { indexes: &indexes, trusted: &self.trusted };
        if let Some(host) = &target.host {
            // A host is also held against every popular site's name; pages and messages name
            // brands only from the catalogue.
            let with_names: Vec<&Index> = indexes.iter().copied().chain(index::names()).collect();
            let protection = Protection { indexes: &with_names, trusted: &self.trusted };
            layers::domain::check_host(host, input, &protection, &mut findings);
        }
        layers::link::check_target(&target, &protection, &mut findings);
        Ok(findings)
    }

    /// Judges a pasted message, e-mail or chat text: every link in it through the domain and
    /// link checks; whether it speaks as a brand while its links lead elsewhere; and its words,
    /// through the payment, pressure, offer and pattern layers, weighed together. Text past
    /// 200 KB is cut, and links past the 64th are not judged; the verdict says so.
    pub fn analyze_text(&self, text: &str) -> Verdict {
        let (findings, judged) = self.text_findings(text, Weigh::AllLayers);
        self.render(findings, judged)
    }

    /// The findings of [`analyze_text`](Self::analyze_text), and the text they are about.
    fn text_findings<'t>(&self, text: &'t str, weigh: Weigh) -> (Findings, &'t str) {
        let truncated = text.len() > text::MAX_TEXT_BYTES;
        let text = &text[..text::floor_boundary(text, text::MAX_TEXT_BYTES)];
        let mut findings = Findings::default();
        if truncated {
            findings.add(
                Layer::Pattern,
                Code::TextTruncated,
                Severity::Info,
                say!("text-truncated", text::MAX_TEXT_BYTES / 1024),
                String::new(),
            );
        }
        let mut links = text::find_links(text);
        if links.len() > text::MAX_LINKS {
            links.truncate(text::MAX_LINKS);
            findings.add(
                Layer::Link,
                Code::TextLinksTruncated,
                Severity::Info,
                say!("text-links-truncated", text::MAX_LINKS),
                String::new(),
            );
        }
        let judged_links: Vec<(&FoundLink, Findings)> = links
            .iter()
            .filter_map(|link| Some((link, self.url_findings(&link.link).ok()?)))
            .collect();
        // A short link in a message hides where it goes, and carriers, shops and banks send
        // them every day: a weak cue beside the message's other words, never a warning alone.
        let mut short_links = Vec::new();
        for (link, judged) in &judged_links {
            for reason in &judged.reasons {
                if reason.severity == Severity::Info && reason.code != Code::Verified {
                    continue;
                }
                let mut reason = reason.clone();
                if reason.code == Code::Shortener {
                    if short_links.is_empty() {
                        short_links.push(Cue::new(
                            Layer::Link,
                            Code::Shortener,
                            1,
                            reason.message,
                            link.written.clone(),
                        ));
                    }
                    continue;
                }
                if !reason.evidence.contains(&link.written) && reason.evidence != link.written {
                    reason.evidence = format!("{} ({})", link.written, reason.evidence);
                }
                findings.reasons.push(reason);
            }
            if findings.lookalike_of.is_none() {
                findings.lookalike_of = judged.lookalike_of.clone();
            }
        }
        findings.verified =
            !judged_links.is_empty() && judged_links.iter().all(|(_, judged)| judged.verified);
        let catalogue = Index::catalogue();
        let scan = layers::Scan::new(text, &judged_links);
        layers::pattern::check_impersonation(&scan, catalogue, &judged_links, &mut findings);
        let mut cues = short_links;
        layers::payment::check(&scan, &mut cues);
        layers::pressure::check(&scan, &mut cues);
        layers::offer::check(&scan, catalogue, &mut cues);
        layers::pattern::check_scripts(&scan, &mut cues);
        if weigh == Weigh::PaymentOnly {
            cues.retain(|cue| cue.layer == Layer::Payment);
        }
        findings.weigh_cues(cues, scan.has_contact());
        (findings, text)
    }

    /// Judges a page from the facts the content script gathered: its address as
    /// [`analyze_url`](Self::analyze_url) does; links whose text shows another site, and links
    /// to lookalike or disguised addresses; login and card forms that post elsewhere; a brand's
    /// content with such a form on a site that is not the brand's (a cloned storefront); and
    /// the visible text through the message layers.
    ///
    /// A site that is verified (a brand's real one), popular or trusted by the user runs its
    /// own links and forms, so those are not second-guessed there; but what others write on it
    /// (a seller's chat message, a link in it) still is, and on a verified site such a finding
    /// says so: the site is real, this request on it is not. Every list and string is bounded
    /// whatever the content script sent ([`page::PAGE_LIMITS`]); past a cap the rest is skipped
    /// and the verdict says so.
    pub fn analyze_page(&self, facts: &PageFacts) -> Verdict {
        let indexes = self.indexes();
        let mut findings = Findings::default();
        let (text, links, forms) = page::bounded(facts, &mut findings);
        let host = host::parse_target(&facts.url).ok().and_then(|target| target.host);
        // A brand in the address's path is read only where the page asks for secrets under
        // another name than its own (see `judge_page_address`).
        let own_name =
            host.as_ref().is_some_and(|host| layers::pattern::presents_own_name(host, facts));
        let asks_secrets = forms.iter().any(|f| f.has_password || f.has_card) && !own_name;
        self.judge_page_address(&facts.url, asks_secrets, &mut findings);
        let site = Site::new(host, &findings, &indexes);
        let judge_site = |address: &str| self.url_findings(address).ok();
        layers::link::check_page_links(&site, links, &indexes, judge_site, &mut findings);
        layers::link::check_forms(&site, forms, &indexes, &mut findings);
        layers::pattern::check_cloned_storefront(&site, facts, forms, &indexes, &mut findings);
        // On a familiar site only requests to pay outside it count (see fold_text_findings),
        // so they are weighed alone: a weak payment word must not carry the level that the
        // site's own sale banners and notices would add.
        let weigh = if site.familiar { Weigh::PaymentOnly } else { Weigh::AllLayers };
        let text_findings = self.text_findings(text, weigh).0;
        // Somewhere on the page to act on the words: a form asking for a card or a password,
        // or a payment handle in the text (a wallet address, a bank account, a request to
        // transfer money to one).
        // A host that itself borrows a brand's name needs nothing more: its offers and requests
        // are the lookalike's.
        let actionable = site.lookalike
            || forms.iter().any(|f| f.has_card || f.has_password)
            || [Code::CryptoWallet, Code::BankDetails, Code::TransferRequest]
                .into_iter()
                .any(|code| text_findings.has(code));
        fold_text_findings(&site, text_findings, actionable, &mut findings);
        self.render(findings, cut(facts.url.trim(), MAX_INPUT_ECHO_BYTES))
    }

    /// The buying tips for a listing on a brand's real marketplace (see [`ListingTips`]): storage
    /// that cannot be what it says at its price, a known brand at a tenth of its usual price, a
    /// store opened recently that has sold little. None anywhere else (a lookalike gets the
    /// bar; an ordinary shop's page is judged as a page), and never a level: the platform is
    /// real, so these are advice, not warnings. Every field is bounded whatever was sent.
    pub fn analyze_listing(&self, facts: &ListingFacts) -> ListingTips {
        let mut answer = ListingTips::default();
        let Some(platform) = self.marketplace_of(cut(&facts.url, host::MAX_URL_LEN)) else {
            return answer;
        };
        let title = ListingFacts::bounded(&facts.title);
        let scan = layers::Scan::new(title, &[]);
        let mut tips = Findings::default();
        let price = price_of(&facts.price, &facts.currency);
        let usual = price_of(&facts.usual_price, &facts.currency);
        let index = Index::catalogue();
        layers::offer::check_listing(&scan, index, price, usual, &platform, &mut tips);
        let store = ListingFacts::bounded(&facts.store);
        layers::store::check(store, facts.year_month(), &platform, &mut tips);
        for tip in tips.reasons {
            let message = self.language.write(&tip.message);
            answer.push(Tip { code: tip.code.as_str(), message, evidence: tip.evidence });
        }
        answer
    }

    /// The page's address, judged into `findings`. `asks_secrets`: the page has a password or
    /// card form, and does not show its own site's name in its title or headings.
    fn judge_page_address(&self, url: &str, asks_secrets: bool, findings: &mut Findings) {
        let Ok(mut address) = self.url_findings(url) else { return };
        // A brand in the path is how blogs and news name their articles
        // (`/my-aliexpress-haul`); on a page it counts only where the page asks for a password
        // or a card, as a hacked site's `/wp-content/paypal/signin` does.
        if !asks_secrets {
            for reason in address.reasons.iter_mut().filter(|r| r.code == Code::BrandInPath) {
                reason.severity = Severity::Info;
            }
            let lookalike_host = address
                .reasons
                .iter()
                .any(|r| r.layer == Layer::Domain && r.severity > Severity::Info);
            if !lookalike_host {
                address.lookalike_of = None;
            }
        }
        findings.reasons.extend(address.reasons);
        findings.verified = address.verified;
        findings.lookalike_of = address.lookalike_of;
    }
}

/// Folds what the message layers found in the page's visible text into the page's findings.
/// Their link findings are left out: the page's real links are judged from its `links`, and a
/// domain merely written in prose is no link. So is `impersonation`, which compares a brand
/// named in the text with the domains written in it — on a page, the brand checks look at its
/// real address and forms instead.
///
/// On a familiar site (the real brand's, a popular or a trusted one) only payment requests
/// count: its sale banners ("90% off"), checkout copy ("enter your card details") and fee
/// notices are its own business; a request to pay outside it is what a seller slips in.
///
/// Elsewhere, the words raise the level only on a page that is `actionable`: one on a lookalike
/// host, or with a card or password form, or a payment handle. An article, a review or a forum thread that tells of a
/// prize, a deadline or a fee gives the reader nothing to act on there; its cues are kept as
/// explanations (info), not warnings.
fn fold_text_findings(site: &Site, text: Findings, actionable: bool, findings: &mut Findings) {
    for mut reason in text.reasons {
        let message_layer = if site.familiar {
            reason.layer == Layer::Payment
        } else {
            matches!(reason.layer, Layer::Payment | Layer::Pressure | Layer::Offer | Layer::Pattern)
        };
        if !message_layer || matches!(reason.code, Code::Impersonation | Code::TextTruncated) {
            continue;
        }
        if !site.familiar && !actionable {
            reason.severity = Severity::Info;
        }
        if reason.severity > Severity::Info {
            reason.message = site.frame(Framed::Request, reason.message);
        }
        findings.reasons.push(reason);
    }
}

/// A listing's price in US dollars and as written: `price` as shown (`US $7.99`, `7,99 €`),
/// read with its `currency` when the page gives that apart (`EUR`); None when no sum of money
/// reads from them.
fn price_of<'f>(price: &'f str, currency: &str) -> Option<(f64, &'f str)> {
    let price = cut(price.trim(), MAX_PRICE_BYTES);
    let currency = cut(currency.trim(), MAX_PRICE_BYTES);
    let written =
        if currency.is_empty() { price.to_string() } else { format!("{currency} {price}") };
    let amount = text::find_amounts(&written).into_iter().find(|amount| amount.usd > 0.0)?;
    Some((amount.usd, price))
}

/// A price or currency read, in bytes (`US $1,299.99` and more).
const MAX_PRICE_BYTES: usize = 64;

/// Which text layers' cues are weighed together.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Weigh {
    AllLayers,
    /// The payment layer's alone: on a familiar site, where nothing else counts.
    PaymentOnly,
}

/// [`Engine::analyze_text`] with the default engine.
pub fn analyze_text(text: &str) -> Verdict {
    Engine::new().analyze_text(text)
}

/// [`Engine::analyze_url`] with the default engine.
pub fn analyze_url(input: &str) -> Result<Verdict, InputError> {
    Engine::new().analyze_url(input)
}

/// [`Engine::analyze_page`] with the default engine.
pub fn analyze_page(facts: &PageFacts) -> Verdict {
    Engine::new().analyze_page(facts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Finding;
    use crate::messages::Text;

    fn finding(layer: Layer, code: Code, severity: Severity, message: &str) -> Finding {
        let (message, evidence) = (Text::Plain(message.into()), "Western Union".into());
        Finding { layer, code, severity, message, evidence }
    }

    /// The page-level verdict for `url` once `text` findings from the message layers are
    /// folded in.
    fn with_text_findings(url: &str, text: Vec<Finding>, actionable: bool) -> Verdict {
        let engine = Engine::new();
        let indexes = engine.indexes();
        let mut findings = Findings::default();
        let host = host::parse_target(url).ok().and_then(|target| target.host);
        engine.judge_page_address(url, false, &mut findings);
        let site = Site::new(host, &findings, &indexes);
        let text = Findings { reasons: text, ..Findings::default() };
        fold_text_findings(&site, text, actionable, &mut findings);
        engine.render(findings, url)
    }

    #[test]
    fn a_payment_request_on_the_real_site_is_framed_as_such() {
        let payment = finding(
            Layer::Payment,
            Code::MoneyTransferService,
            Severity::Caution,
            "The message asks you to pay by Western Union.",
        );
        let verdict =
            with_text_findings("https://www.aliexpress.com/p/chat", vec![payment.clone()], false);
        assert_eq!(
            (verdict.level, verdict.verified, verdict.lookalike_of.as_deref()),
            (Level::Caution, true, None),
            "{verdict:#?}"
        );
        let folded = verdict
            .reasons
            .iter()
            .find(|r| r.code == Code::MoneyTransferService.as_str())
            .expect("the payment reason is kept");
        assert_eq!(
            folded.message,
            "This is the real aliexpress.com, but this request is not from AliExpress: The message asks you to pay by Western Union."
        );
        assert!(verdict.advice.contains("real site"), "advice for a real site: {}", verdict.advice);

        let elsewhere =
            with_text_findings("https://shop.example.org/chat", vec![payment.clone()], true);
        let kept = elsewhere
            .reasons
            .iter()
            .find(|r| r.code == Code::MoneyTransferService.as_str())
            .expect("kept off the real site too");
        assert_eq!(
            kept.message, "The message asks you to pay by Western Union.",
            "no framing on an ordinary site"
        );
        assert_eq!(elsewhere.level, Level::Caution);

        // With nowhere on the page to act on it (no card or password form, no payment handle),
        // the same words explain and do not warn.
        let article =
            with_text_findings("https://blog.kleinladen-muster.de/story", vec![payment], false);
        assert_eq!(article.level, Level::Safe, "{article:#?}");
        let kept = article.reasons.iter().find(|r| r.code == "money-transfer-service");
        assert_eq!(kept.map(|r| r.severity), Some(Severity::Info), "{article:#?}");
    }

    #[test]
    fn only_message_layer_findings_are_folded() {
        let text = vec![
            finding(Layer::Pressure, Code::Deadline, Severity::Caution, "A deadline."),
            finding(Layer::Offer, Code::TooCheap, Severity::Info, "Cheap."),
            finding(
                Layer::Domain,
                Code::TldSwap,
                Severity::Danger,
                "A domain written in the text.",
            ),
            finding(Layer::Link, Code::Shortener, Severity::Caution, "A short link in the text."),
            finding(Layer::Pattern, Code::Impersonation, Severity::Caution, "Speaks as a brand."),
        ];
        let verdict = with_text_findings("https://shop.kleinladen-muster.de/", text.clone(), true);
        let codes: Vec<&str> = verdict.reasons.iter().map(|r| r.code).collect();
        assert_eq!(codes, ["deadline", "too-cheap"], "{verdict:#?}");
        let info = &verdict.reasons[1];
        assert_eq!(info.message, "Cheap.", "an info reason explains without framing");

        // The real site's own sale banners and checkout copy are its business; only a request
        // to pay outside it counts there.
        let mut on_real_site = text;
        on_real_site.push(finding(
            Layer::Payment,
            Code::MoneyTransferService,
            Severity::Caution,
            "Western Union.",
        ));
        let verdict = with_text_findings("https://www.aliexpress.com/", on_real_site, false);
        let codes: Vec<&str> = verdict.reasons.iter().map(|r| r.code).collect();
        assert_eq!(codes, ["verified", "money-transfer-service"], "{verdict:#?}");
    }

    #[test]
    fn a_listing_on_a_real_marketplace_gets_buying_tips_and_nothing_else_does() {
        let engine = Engine::new();
        let listing = |url: &str, title: &str, price: &str, usual: &str, store: &str| {
            let facts = ListingFacts {
                url: url.into(),
                title: title.into(),
                price: price.into(),
                usual_price: usual.into(),
                store: store.into(),
                today: "2026-12-08".into(),
                ..ListingFacts::default()
            };
            let tips = engine.analyze_listing(&facts).tips;
            tips.iter().map(|tip| tip.code).collect::<Vec<_>>()
        };
        let item = "https://www.aliexpress.com/item/1005006.html";
        let old_store = "Store opened: 6 year(s) | 98.7% positive feedback | 10,000+ sold";
        type Case<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, &'a [&'a str]);
        let cases: [Case; 10] = [
            (item, "2TB USB 3.0 Flash Drive", "US $7.99", "", old_store, &["impossible-capacity"]),
            (
                item,
                "16TB Portable SSD External Hard Drive",
                "US $29.99",
                "",
                "",
                &["impossible-capacity"],
            ),
            (item, "SanDisk 128GB USB 3.0 Flash Drive", "US $9.99", "", old_store, &[]),
            (item, "2TB NVMe SSD M.2 2280", "US $119.00", "", old_store, &[]),
            (
                item,
                "Samsung Galaxy S24 Ultra 512GB",
                "US $89.99",
                "US $1,299.99",
                old_store,
                &["brand-too-cheap"],
            ),
            (item, "Samsung Galaxy S24 Ultra 512GB", "US $999.99", "US $1,299.99", old_store, &[]),
            (
                item,
                "USB-C Charger 65W GaN",
                "US $12.99",
                "US $25.98",
                "Store opened: 3 months | 12 sold",
                &["new-store"],
            ),
            (item, "USB-C Charger 65W GaN", "US $12.99", "", old_store, &[]),
            // Not a marketplace: a payment site, an ordinary shop, a lookalike (the bar's).
            ("https://www.paypal.com/item/1", "2TB USB 3.0 Flash Drive", "US $7.99", "", "", &[]),
            (
                "https://aliexpress.com.secure-login.ru/item/1",
                "2TB USB 3.0 Flash Drive",
                "US $7.99",
                "",
                "",
                &[],
            ),
        ];
        for (url, title, price, usual, store, want) in cases {
            assert_eq!(
                listing(url, title, price, usual, store),
                want,
                "{url} {title} {price} {store:?}"
            );
        }
        let amazon = listing("https://www.amazon.de/dp/B0", "2TB USB Stick", "7,99", "", "");
        assert!(amazon.is_empty(), "no currency: the price is not read ({amazon:?})");
        let facts = ListingFacts {
            url: "https://www.amazon.de/dp/B0".into(),
            title: "2TB USB Stick".into(),
            price: "7,99".into(),
            currency: "EUR".into(),
            ..ListingFacts::default()
        };
        let tips = Engine::new()
            .in_language(Language::builtin("de").expect("de"))
            .analyze_listing(&facts)
            .tips;
        assert_eq!(tips.len(), 1, "{tips:?}");
        assert!(tips[0].message.contains("zahlen Sie nur über Amazon"), "{tips:?}");
        assert_eq!(tips[0].evidence, "2TB … 7,99");
        // Whatever comes in, an answer.
        for url in ["", "not a url", "https://", "javascript:alert(1)"] {
            let odd = ListingFacts {
                url: url.into(),
                title: "x".repeat(100_000),
                ..ListingFacts::default()
            };
            assert!(engine.analyze_listing(&odd).tips.is_empty(), "{url:?}");
        }
    }

    #[test]
    fn pasted_input_is_a_link_when_it_is_one_word_that_reads_as_one() {
        let engine = Engine::new();
        let cases = [
            ("  aliexpress.com.secure-login.ru ", "aliexpress.com.secure-login.ru", Level::Danger),
            ("paypal.com", "paypal.com", Level::Safe),
            // Two words: a message, whose links are judged inside it.
            (
                "see aliexpress.com.secure-login.ru",
                "see aliexpress.com.secure-login.ru",
                Level::Danger,
            ),
            // One word that is no link: read as a message.
            ("hello", "hello", Level::Safe),
        ];
        for (input, echoed, level) in cases {
            let verdict = engine.analyze_input(input);
            assert_eq!((verdict.input.as_str(), verdict.level), (echoed, level), "{input:?}");
        }
        assert!(engine.analyze_input("paypal.com").verified, "a link gets the link checks");
    }

    #[test]
    fn an_address_says_whether_to_warn_at_once_and_whether_to_read_the_page() {
        let engine = Engine::new();
        let cases = [
            // A host that borrows a brand's name: warn before the page is parsed.
            ("https://aliexpress.com.secure-login.ru/pay", true, true),
            // The brand's real site: nothing to warn of, and its page is its own.
            ("https://www.aliexpress.com/item/1.html", false, false),
            // An ordinary site: the page decides.
            ("https://example.org/blog", false, true),
            // A brand in the path is no lookalike host: the page decides.
            ("https://example.org/paypal/signin", false, true),
        ];
        for (url, warn_now, read_page) in cases {
            let address = engine.analyze_address(url).expect("a URL");
            assert_eq!((address.warn_now, address.read_page), (warn_now, read_page), "{url}");
        }
        // Listings are read for buying tips on a real marketplace only.
        for (url, read_listing) in [
            ("https://www.aliexpress.com/item/1.html", true),
            ("https://www.ebay.de/itm/1", true),
            ("https://www.paypal.com/myaccount", false),
            ("https://aliexpress.com.secure-login.ru/item/1.html", false),
            ("https://example.org/item/1", false),
        ] {
            let address = engine.analyze_address(url).expect("a URL");
            assert_eq!(address.read_listing, read_listing, "{url}");
        }
        assert!(engine.analyze_address("not a url at all").is_err());
    }

    #[test]
    fn sensitivity_moves_the_level_at_the_scores_steps() {
        // (input, balanced, strict, relaxed)
        let cases = [
            ("amazom.com", Level::Caution, Level::Danger, Level::Safe),
            ("aliexpress.com.secure-login.ru", Level::Danger, Level::Danger, Level::Danger),
            ("paypal.com", Level::Safe, Level::Safe, Level::Safe),
        ];
        for (input, balanced, strict, relaxed) in cases {
            let level = |sensitivity| {
                Engine::new()
                    .with_sensitivity(sensitivity)
                    .analyze_url(input)
                    .expect("a host")
                    .level
            };
            assert_eq!(
                [
                    level(Sensitivity::Balanced),
                    level(Sensitivity::Strict),
                    level(Sensitivity::Relaxed)
                ],
                [balanced, strict, relaxed],
                "{input}"
            );
        }
        // A warning the user's sensitivity keeps quiet is no headline.
        let quiet = Engine::new().with_sensitivity(Sensitivity::Relaxed);
        let quiet = quiet.analyze_url("amazom.com").expect("a host");
        assert_eq!((quiet.level, quiet.headline), (Level::Safe, None), "{quiet:#?}");
        let said = Engine::new().analyze_url("amazom.com").expect("a host");
        assert_eq!(said.headline, Some(0), "{said:#?}");
    }

    #[test]
    fn the_advice_follows_the_scheme_the_message_claims() {
        let engine = Engine::new();
        let cases = [
            (
                "Hi Mum, this is my new number, my phone broke. Can you send me 300 € today?",
                "new number",
            ),
            (
                "Your account has been suspended. Confirm your details at secure-acc-help.com",
                "own app",
            ),
            (
                "Pay by Western Union today, send the MTCN to my email me@mail-box.example",
                "money-transfer",
            ),
        ];
        for (text, words) in cases {
            let verdict = engine.analyze_text(text);
            assert!(verdict.level > Level::Safe, "{text}: {verdict:#?}");
            assert!(verdict.advice.contains(words), "{text}: advice {:?}", verdict.advice);
        }
    }
}
