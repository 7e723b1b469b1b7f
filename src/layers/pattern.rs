//! The `pattern` layer: known scam scripts — customs and redelivery fees, fake account and
//! order alerts, task and job scams, refund and overpayment tricks, premium-rate numbers and
//! "text CLAIM to 80082" — and impersonation: a message that speaks as a brand (names it,
//! even written `P@yPaI`) while its links lead to sites that are not the brand's; and on a
//! page, a cloned storefront: a brand's name with a card or password form on a site that is
//! not the brand's.

use super::{brand_named_in, brand_named_in_short, Scan};
use crate::catalogue;
use crate::code::Code;
use crate::findings::{Cue, Findings};
use crate::host::{self, Host};
use crate::index::{Entry, Index};
use crate::lists;
use crate::messages::say;
use crate::page::{cut, PageFacts, PageForm, Site, MAX_HEADINGS, MAX_SHORT_TEXT_BYTES};
use crate::text::{fold, FoundLink};
use crate::verdict::{Layer, Severity};

/// Scripts that are only a scam when the message gives a way to act (a link that is not the
/// brand's, a telephone number) or asks for money: a carrier's "we missed you" card, or an
/// alert that only says to open the bank's app, stays quiet.
const ACTIONABLE_ONLY: &[Code] = &[
    Code::CustomsFee,
    Code::DeliveryFee,
    Code::DeliveryProblem,
    Code::AccountAlert,
    Code::OrderAlert,
    Code::RefundTrick,
    Code::CallbackBait,
    Code::PersonalDataRequest,
];

/// The scam-script cues of `scan`; `cues` already holds the payment and pressure layers' cues.
pub(crate) fn check_scripts(scan: &Scan, cues: &mut Vec<Cue>) {
    let asks_money = cues
        .iter()
        .any(|cue| (cue.layer == Layer::Payment && cue.weight >= 2) || cue.code == Code::SmallFee);
    let actionable = scan.has_contact() || asks_money;
    // "This is my new number" is everyday news; from a relative who needs money, the scam.
    let money_asked =
        cues.iter().any(|cue| cue.layer == Layer::Payment) || !scan.amounts.is_empty();
    // "This number tried to contact you at 18:55" is a carrier's missed-call notice; the
    // bait asks the reader to call back or to reply, or gives a premium-rate line.
    let asks_back = scan.clauses.iter().any(|clause| clause.request)
        || scan.phones.iter().any(|phone| phone.premium || phone.called);
    let mut found = scan.phrase_cues(Layer::Pattern);
    for cue in &mut found {
        let needs_more = match cue.code {
            Code::FamilyNewNumber => !money_asked,
            Code::CallbackBait => !actionable || !asks_back,
            code => !actionable && ACTIONABLE_ONLY.contains(&code),
        };
        if needs_more {
            cue.weight = 1;
        }
    }
    cues.extend(found);
    check_claim(scan, cues);
    let prize = cues.iter().any(|cue| {
        cue.layer == Layer::Offer && matches!(cue.code, Code::Prize | Code::ClaimReward)
    }) || scan.has(Code::ClaimCall);
    if let Some(phone) = scan.phones.iter().find(|phone| phone.premium) {
        let evidence = scan.text[phone.range.clone()].to_string();
        cues.push(Cue::new(
            Layer::Pattern,
            Code::PremiumRateNumber,
            if prize { 3 } else { 2 },
            super::cue_message(Code::PremiumRateNumber),
            evidence,
        ));
    }
    if let Some(range) = premium_charge(scan.text) {
        cues.push(Cue::new(
            Layer::Pattern,
            Code::PremiumCharge,
            2,
            super::cue_message(Code::PremiumCharge),
            scan.text[range].to_string(),
        ));
    }
    if let Some(range) = text_to_shortcode(scan) {
        cues.push(Cue::new(
            Layer::Pattern,
            Code::TextToShortcode,
            if prize { 3 } else { 2 },
            super::cue_message(Code::TextToShortcode),
            scan.evidence(range),
        ));
    }
}

/// A price per minute or per message in pence or cents, as premium-rate services print it:
/// `150p/min`, `10p/msg`, `25p per min`, `150ppm`, `1.50/msg`.
fn premium_charge(text: &str) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let units: Vec<&str> = lists::PREMIUM_RATE_UNITS.iter().collect(); // split once, not per number
    (0..bytes.len()).find_map(|end| {
        if !bytes[end].is_ascii_digit() || bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let start = bytes[..end]
            .iter()
            .rposition(|b| !b.is_ascii_digit() && *b != b'.')
            .map_or(0, |p| p + 1);
        let after = &bytes[end + 1..];
        let unit = units.iter().find(|unit| {
            after.len() >= unit.len() && after[..unit.len()].eq_ignore_ascii_case(unit.as_bytes())
        })?;
        let ends_word = !after.get(unit.len()).is_some_and(|b| b.is_ascii_lowercase());
        (ends_word || unit.ends_with("msg")).then_some(start..end + 1 + unit.len())
    })
}

/// "Txt CLAIM to 80082", "Txt: NOKIA to No: 89545", "envía GANAR al 7777": a texting verb,
/// then within seven words "to" (or its translation) and after it a short number (4 to 6 digits).
fn text_to_shortcode(scan: &Scan) -> Option<std::ops::Range<usize>> {
    let folded = &scan.folded.text;
    static TO: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let to_words = TO.get_or_init(|| lists::SHORTCODE_TO.folded());
    for hit in scan.hits_of(Code::ShortcodeVerb) {
        let Some(first) = scan.words.iter().position(|w| w.start == hit.range.start) else {
            continue;
        };
        let mut saw_to = false;
        for at in first + 1..(first + 8).min(scan.words.len()) {
            let word = &folded[scan.words[at].clone()];
            let short_number =
                (4..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit());
            if short_number && saw_to {
                return Some(hit.range.start..scan.words[at].end);
            }
            saw_to |= lists::listed(to_words, word);
        }
    }
    None
}

/// The shape of an account, card or delivery scam, whatever its words: a clause that tells the
/// reader something happened to their account, card, parcel or payment, a request, and a link,
/// number or address to act through. Named for who it claims to be when it opens with an
/// institution (the post, customs, the bank: lists::INSTITUTION_WORDS) rather than a brand.
fn check_claim(scan: &Scan, cues: &mut Vec<Cue>) {
    let Some(clause) = scan.claim_with_request().filter(|_| scan.has_contact()) else { return };
    cues.push(Cue::new(
        Layer::Pattern,
        Code::ClaimAndRequest,
        3,
        super::cue_message(Code::ClaimAndRequest),
        scan.clause_evidence(clause),
    ));
    if let Some(sender) = claimed_institution(scan) {
        let message = say!("claimed-sender", &sender);
        cues.push(Cue::new(Layer::Pattern, Code::ClaimedSender, 2, message, sender));
    }
}

/// The institution a message opens as: its first clause is a few words and one of them names
/// an institution (`[Post]`, `Customs:`, `Correos:`, `Ваш банк`).
fn claimed_institution(scan: &Scan) -> Option<String> {
    let first = scan.clauses.first()?;
    let names = first
        .words
        .clone()
        .any(|at| super::is_word(&scan.folded.text[scan.words[at].clone()], super::INSTITUTION));
    (first.words.len() <= super::MAX_SENDER_WORDS && names).then(|| scan.clause_evidence(first))
}

/// A message that speaks as a brand while its links lead elsewhere. A short message naming the
/// brand speaks as it; a longer one (mail, a thread) only where it names the brand at its start
/// or as the reader's ("your Westpac account"): a brand mentioned in passing is no
/// impersonation. With a claim about the reader's affairs and a request, a danger.
pub(crate) fn check_impersonation(
    scan: &Scan,
    index: &Index,
    links: &[(&FoundLink, Findings)],
    findings: &mut Findings,
) {
    if links.is_empty() {
        return; // nothing to compare the brand with
    }
    let Some((entry, written)) = brand_named_in(scan, index) else { return };
    if !speaks_as(scan, &written) {
        return;
    }
    let belongs = |link: &FoundLink| {
        host::parse_target(&link.link)
            .ok()
            .and_then(|target| target.host)
            .and_then(|host| {
                host.registrable()
                    .and_then(|r| index.owner_of(r))
                    .map(|owner| owner.home == entry.home)
            })
            .unwrap_or(false)
    };
    if links.iter().any(|(link, _)| belongs(link)) {
        return; // it links to the brand's own site
    }
    let (first, _) = &links[0];
    let severity =
        if scan.claim_with_request().is_some() { Severity::Danger } else { Severity::Caution };
    findings.add(
        Layer::Pattern,
        Code::Impersonation,
        severity,
        say!("impersonation", &entry.name, &entry.home, &first.written),
        written,
    );
    findings.lookalike_of.get_or_insert_with(|| entry.home.to_string());
}

/// Bytes from the start of a longer message within which a brand named speaks as the sender.
const SENDER_REACH_BYTES: usize = 80;

/// Whether the message speaks as the brand it names (`written`, as it first appears): see
/// [`check_impersonation`].
fn speaks_as(scan: &Scan, written: &str) -> bool {
    if scan.text.len() <= super::SHORT_MESSAGE_BYTES {
        return true;
    }
    let Some(at) = scan.text.find(written) else { return false };
    if at < SENDER_REACH_BYTES {
        return true;
    }
    // "your Westpac account", "Ihr PayPal-Konto": the word before the brand is the reader's.
    let before = scan.text[..at].trim_end();
    let last_word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    super::is_reader_word(&fold(last_word).text)
}

/// A site's own name counts as shown in its title from this many letters on.
const MIN_OWN_NAME_CHARS: usize = 4;

/// Brand content and a card or password form on a site that is not the brand's.
pub(crate) fn check_cloned_storefront(
    page: &Site,
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
        Code::ClonedStorefront,
        Severity::Danger,
        message,
        written,
        &brand.home,
    );
}

/// The page's title or a heading carries the site's own name (`Nike Air Max 90 | Sneaker
/// Corner` on sneaker-corner.com): a shop selling a brand's goods under its own name, not a
/// copy of the brand's site, which shows the brand's name instead of its own.
pub(crate) fn presents_own_name(host: &Host, facts: &PageFacts) -> bool {
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
