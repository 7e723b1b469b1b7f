//! The `domain` layer: is this host a brand's real site, or one that borrows its name?
//!
//! Order matters. A known-real domain (or one the user trusts) ends the checks: never warn
//! on the real site. A popular site is never called a lookalike of anything; only the
//! subdomains of free-hosting sites are still read, since anyone can make `paypal.blogspot.com`.
//! Then the strongest evidence is looked for first, and one finding per host is reported:
//!
//! | code | example | level |
//! | --- | --- | --- |
//! | embedded-domain | `aliexpress.com.secure-login.ru`, `aliexpress-com.shop`, `google丨com.com` (a dot look-alike) | danger |
//! | tld-swap | `aliexpress.shop`, `paypal.tk`, `paypal.co.xyz` (danger); `google.info`, a distinctive name anywhere else (`metamask.eu`, caution); `amazon.vn`, `airbnb.org`, `github.dev`: none | danger or caution |
//! | homograph | `aIiexpress.com`, `pаypal.com` (Cyrillic а), `arnazon.com`, `amazoก.com` (Thai ก), `🔒google.com` (a symbol glued on) | danger |
//! | split-name | `pay.pal.com` (danger), `pay-pal.com` (caution) | danger or caution |
//! | typo | `amazom.com`, `paypla.com` (names of six letters and more) | caution |
//! | brand-in-name | `aliexpress-sale.shop`, `dhl-customs-fee.info`, `amazon1.com`, `binance-giveaways.com`; `googlé-login.com` (danger) | caution or danger |
//! | brand-in-subdomain | `paypal.secure-check.com` (with a scam word or a cheap suffix); on free hosting, danger (caution for a label that is just the name) | caution or danger |
//! | mixed-script, latin-lookalike, idn-unsafe | an international name a browser shows as `xn--` code (src/idn_policy.rs): `pаypal` with nothing to imitate, Latin with Hangul and kana; `сахар.com`, `ττ.com`; `pay‐secure.com`, `i❤shop.com`, `bi̇lgi.com` | caution |
//!
//! A distinctive name (measured: rare inside the names of the Tranco top 1M) counts beside any
//! words and under any suffix its brand does not own. A caution on a legitimate neighbour — a
//! top-1M site that only borrows a brand's name by another suffix, hyphen, words or subdomain
//! (`airfranceklm.com`) — is not raised; see data/neighbours.txt.
//!
//! The thresholds and filters were set against the Tranco top 1M and dnstwist lookalikes
//! (`./build.sh accuracy`); BENCHMARKS.md records what each one cost and bought.

use crate::catalogue;
use crate::code::Code;
use crate::confusables::{
    foreign_letters_read, lookalike_in_host, loose_skeleton, skeleton, Script, Scripts,
};
use crate::findings::Findings;
use crate::host::Host;
use crate::idn_policy::{self, Refusal};
use crate::index::{official_owner, Entry, Hit, Index, Protection, MIN_TYPO_LEN};
use crate::lists;
use crate::messages::{say, Text};
use crate::skeleton::skeleton_with;
use crate::verdict::{Layer, Level, Severity};

/// Brand tokens in a subdomain count from this length; shorter ones (`ups`) are too often
/// ordinary labels.
const MIN_SUBDOMAIN_TOKEN_LEN: usize = 4;
/// At most this many pieces of a host are searched for embedded domains (bounded work on
/// hostile 127-label hosts).
const MAX_PIECES: usize = 32;
/// A distinctive name this long may have its first letter slipped too (`qliexpress`).
const MIN_FIRST_LETTER_SLIP_LEN: usize = 8;
/// Popular sites are protected from embedding only when their name is at least this long:
/// `go.com` or `ok.ru` turn up inside ordinary names by chance.
const MIN_EMBEDDED_POPULAR_LEN: usize = 5;

/// An ordinary-word brand name that real sites seldom pair with scam words counts glued to
/// one (`bonusstripe`) from this length on; shorter, it is a piece of too many words.
const MIN_GLUED_KEYWORDS_LEN: usize = 5;

/// The host, and the forms of its parts the checks compare.
struct View<'h> {
    host: &'h Host,
    registrable: &'h str,
    /// First label of the registrable domain, ASCII.
    name: &'h str,
    suffix: &'h str,
    /// `name` decoded from punycode.
    unicode_name: &'h str,
    /// `name` as the reader sees it: Unicode, and in the letter case the input used.
    shown_name: String,
    /// The skeleton of the Unicode name.
    skeleton: String,
}

/// Judges `host`; `shown` is the input as the user wrote it, so evidence keeps its letter case
/// (`aIiexpress.com` shows its capital I).
pub(crate) fn check_host(
    host: &Host,
    shown: &str,
    protection: &Protection,
    findings: &mut Findings,
) {
    let Some(registrable) = host.registrable() else { return };
    if protection.trusted.iter().any(|trusted| trusted == registrable) {
        findings.add(
            Layer::Domain,
            Code::Trusted,
            Severity::Info,
            say!("trusted", registrable),
            registrable.into(),
        );
        return;
    }
    if let Some(entry) = official_owner(host, protection.indexes) {
        findings.verified = true;
        findings.add(
            Layer::Domain,
            Code::Verified,
            Severity::Info,
            say!("verified", &host.unicode, &entry.name),
            registrable.into(),
        );
        return;
    }
    if let Some(proxied) = translated_host(host) {
        // Google Translate's proxy (`www-paypal-com.translate.goog`) shows another site's
        // page: that site is what the reader sees, and what phishers hide behind the proxy. A
        // brand's own site seen so is no lookalike, but not verified either: the page comes
        // through Google.
        let mut seen = Findings::default();
        check_host(&proxied, &proxied.unicode.clone(), protection, &mut seen);
        if !seen.verified {
            findings.lookalike_of = findings.lookalike_of.take().or(seen.lookalike_of);
            findings.reasons.extend(seen.reasons);
        }
        return;
    }
    let Some((name, suffix)) = host.name_and_suffix() else { return };
    let free = catalogue::is_free_hosting(registrable);
    let popular = catalogue::is_popular(registrable);
    let own_name_checked = !free && !popular;
    let unicode_name = if host.ascii == host.unicode {
        name
    } else {
        let labels_before = host.subdomain().split('.').filter(|l| !l.is_empty()).count();
        host.unicode.split('.').nth(labels_before).unwrap_or(name)
    };
    let view = View {
        host,
        registrable,
        name,
        suffix,
        unicode_name,
        shown_name: shown_label(shown, unicode_name).to_string(),
        // Only the checks of the site's own name read it; a popular site skips them.
        skeleton: if own_name_checked { skeleton(unicode_name) } else { String::new() },
    };
    let mut own = Findings::default();
    let found = check_embedded_domain(&view, protection, &mut own)
        || (own_name_checked && check_own_name(&view, protection, &mut own))
        || ((free || !popular) && check_brand_in_subdomain(&view, protection, free, &mut own));
    // A legitimate neighbour (a top-1M site the checks would call a lookalike: a brand's
    // country site, a fan or tool site) gets no caution; danger stands.
    let lifted = found && own.level() == Level::Caution && catalogue::is_neighbour(registrable);
    if !lifted {
        findings.lookalike_of = findings.lookalike_of.take().or(own.lookalike_of);
        findings.reasons.extend(own.reasons);
    }
    if !found && !popular && !host.unicode.is_ascii() {
        check_scripts(&view, findings);
    }
}

/// The site a Google Translate proxy host shows: `www-paypal-com.translate.goog` is
/// `www.paypal.com` (a hyphen stands for a dot, two hyphens for a hyphen). `None` for any other
/// host, or a proxy host that names no site.
fn translated_host(host: &Host) -> Option<Host> {
    if host.registrable() != Some("translate.goog") {
        return None;
    }
    let encoded = host.subdomain();
    if encoded.is_empty() || encoded.contains('.') {
        return None;
    }
    let decoded = encoded.replace("--", "\u{0}").replace('-', ".").replace('\u{0}', "-");
    let proxied = crate::host::parse_target(&decoded).ok()?.host?;
    (proxied.registrable() != Some("translate.goog")).then_some(proxied)
}

/// The checks of the site's own name, strongest evidence first. Under a suffix only
/// governments, schools and armies can register (`gov.tr`, `edu`), no one picked the name to
/// pass for a brand elsewhere (`samsun.gov.tr` is a city's, not Samsung's), so a finding there
/// counts only for a brand under that same suffix (`studentaid.gov`).
fn check_own_name(view: &View, protection: &Protection, findings: &mut Findings) -> bool {
    let checks = |findings: &mut Findings| {
        check_tld_swap(view, protection, findings)
            || check_homograph(view, protection, findings)
            || check_popular_homograph(view, findings)
            || check_typo(view, protection, findings)
            || check_lookalike_slip(view, protection, findings)
            || check_loose_lookalike(view, protection, findings)
            || check_brand_in_name(view, protection, findings)
    };
    if !is_restricted_suffix(view.suffix) {
        return checks(findings);
    }
    let mut own = Findings::default();
    let same_suffix =
        |home: &str| home.strip_suffix(view.suffix).is_some_and(|rest| rest.ends_with('.'));
    if !checks(&mut own) || !own.lookalike_of.as_deref().is_some_and(same_suffix) {
        return false;
    }
    findings.lookalike_of = findings.lookalike_of.take().or(own.lookalike_of);
    findings.reasons.extend(own.reasons);
    true
}

/// `aliexpress.com.secure-login.ru`, `aliexpress-com.shop`, `my-amazon-co-uk.net`,
/// `google.com.verify.example`: a real domain written out inside another one.
fn check_embedded_domain(view: &View, protection: &Protection, findings: &mut Findings) -> bool {
    // Pieces split at dots and hyphens, each marked with whether it was joined to the next by
    // a dot: a brand's domain counts in either form (`aliexpress-com.shop`), a merely popular
    // site only as real labels (`google.com.verify.example`), since ordinary names are
    // hyphenated from words that happen to form one (`mon-programme-tv.be`).
    // An international label is read as shown, split also where a character passes for a dot
    // (`google丨com.com`, `google·com.com`: google.com) or a hyphen (`google一com.com`).
    let subdomain = view.host.subdomain();
    let mut labels: Vec<&str> =
        subdomain.split('.').filter(|l| !l.is_empty()).chain(std::iter::once(view.name)).collect();
    let international = !view.host.unicode.is_ascii();
    if international {
        let count = labels.len();
        labels = view.host.unicode.split('.').filter(|l| !l.is_empty()).take(count).collect();
    }
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    for (label_at, label) in labels.iter().enumerate() {
        let is_name = label_at + 1 == labels.len(); // the name is followed by the suffix, not by a piece
        if !international || label.is_ascii() {
            let parts: Vec<&str> = label.split('-').filter(|p| !p.is_empty()).collect();
            for (at, part) in parts.iter().enumerate() {
                pieces.push((part, at + 1 == parts.len() && !is_name));
            }
            continue;
        }
        let mut start = 0;
        for (at, c) in label.char_indices() {
            if c == '-' || idn_policy::is_separator_lookalike(c) {
                if at > start {
                    pieces.push((&label[start..at], idn_policy::is_dot_lookalike(c)));
                }
                start = at + c.len_utf8();
            }
        }
        if start < label.len() {
            pieces.push((&label[start..], !is_name));
        } else if let Some(last) = pieces.last_mut().filter(|_| !is_name) {
            last.1 = true; // a label that ends in a separator still ends at a dot
        }
    }
    pieces.truncate(MAX_PIECES);
    for start in 0..pieces.len() {
        // Longest first, so `paypal.com.au` wins over `paypal.com`.
        for len in (2..=4.min(pieces.len() - start)).rev() {
            let window = &pieces[start..start + len];
            let candidate = window.iter().map(|(p, _)| *p).collect::<Vec<_>>().join(".");
            // Foreign letters as they read: `googlé.com-login.com` holds `google.com`.
            let candidate =
                if candidate.is_ascii() { candidate } else { foreign_letters_read(&candidate) };
            // `x.com` or `t.co` inside a name is mostly chance (`x-com.kz` is a shop of its own).
            let owner = (window[0].0.len() >= 3)
                .then(|| protection.indexes.iter().find_map(|index| index.owner_of(&candidate)))
                .flatten();
            let dotted = window[..len - 1].iter().all(|&(_, dot_after)| dot_after);
            let popular = dotted
                && window[0].0.len() >= MIN_EMBEDDED_POPULAR_LEN
                && catalogue::is_popular(&candidate);
            if owner.is_none() && !popular {
                continue;
            }
            let message = match owner {
                Some(entry) => {
                    say!("embedded-domain.brand", &candidate, view.registrable, &entry.name)
                }
                None => say!("embedded-domain", &candidate, view.registrable),
            };
            findings.lookalike(
                Layer::Domain,
                Code::EmbeddedDomain,
                Severity::Danger,
                message,
                view.host.unicode.clone(),
                &candidate,
            );
            return true;
        }
    }
    false
}

/// `aliexpress.shop`: the brand's exact name under a suffix it does not own; `paypal.co.xyz`:
/// the name in front of a fake second-level suffix.
fn check_tld_swap(view: &View, protection: &Protection, findings: &mut Findings) -> bool {
    let last_sub_label = view.host.subdomain().rsplit('.').next().unwrap_or("");
    let (hit, shown) = if let Some(hit) = find(protection, |index| index.exact(view.name)) {
        (hit, view.registrable.to_string())
    } else if lists::FAKE_SECOND_LEVELS.contains(view.name) && !last_sub_label.is_empty() {
        match find(protection, |index| index.exact(last_sub_label)) {
            Some(hit) => (hit, format!("{last_sub_label}.{}", view.registrable)),
            None => return false,
        }
    } else {
        return false;
    };
    let (index, hit) = hit;
    // A popular site's name under another suffix is its mirror or namesake as often as not,
    // under the cheap suffixes too (`vkplay.live`, `minecraft.best`: measured on the Tranco 1M).
    if index.token(hit).generic || index.token(hit).from_data || is_restricted_suffix(view.suffix) {
        return false;
    }
    // Brands hold their names under most country codes (google.co.id, walmart.com.gt), more
    // than any list has: a country-code swap is no finding, except under the free country codes
    // scammers favour, or for a distinctive name (below). Under a generic suffix anyone can buy (.shop, .top) or a faked second
    // level (paypal.co.xyz), it is danger.
    let faked_second_level = lists::FAKE_SECOND_LEVELS.contains(view.name);
    let token = index.token(hit);
    if is_country_suffix(view.suffix)
        && !faked_second_level
        && !is_abused_country_code(view.suffix)
        && (!token.distinctive || token.country_sites)
    {
        return false;
    }
    // The same holds for the generic suffixes with a sunrise for trademark holders or a
    // price that keeps them out of phishing: a brand's exact name under .com, .net or .org
    // was registered long ago, by the brand or by someone with their own real site
    // (`icbc.com`); under .dev, .app, .cloud, .careers it is nearly always the brand's own
    // (`github.dev`, `doordash.engineering`: measured on the Tranco top 1M). Only where names
    // cost little and phishing concentrates (.shop, .top, .xyz, the free country codes) or a
    // second level is faked (paypal.co.xyz) is the exact name a finding: danger. .info opened
    // in 2001 with a sunrise, so a brand's exact name there is mostly its own
    // (`google.info`): caution, though .info is abused for every other kind of name.
    let cheap = faked_second_level
        || is_abused_country_code(view.suffix)
        || is_cheap_generic_suffix(view.suffix);
    // A distinctive name (`metamask.eu`, `binance.fit`) is nobody else's name under any
    // suffix: caution where the brand may yet hold it, danger where names cost little.
    if !cheap && !token.distinctive {
        return false;
    }
    let severity = if !cheap || (view.suffix == "info" && !faked_second_level) {
        Severity::Caution
    } else {
        Severity::Danger
    };
    let entry = index.entry(hit);
    findings.lookalike(
        Layer::Domain,
        Code::TldSwap,
        severity,
        say!("tld-swap", &entry.home, &shown, &entry.name),
        shown,
        &entry.home,
    );
    true
}

/// `aIiexpress.com`, `paypa1.com`, `arnazon.com`, `pаypal.com`: the same look, other letters;
/// `🔒google.com`, `google✔.com`: the name with a symbol glued to it; `pay.pal.com`,
/// `pay-pal.com`: the name split in two.
fn check_homograph(view: &View, protection: &Protection, findings: &mut Findings) -> bool {
    // A symbol or emoji glued to the name: no browser shows one in a name, and no real site
    // adds one to its own; read without it, the name is the brand's.
    let homograph = find(protection, |index| index.with_skeleton(&view.skeleton)).or_else(|| {
        let bare = skeleton_without_symbols(view.unicode_name)?;
        find(protection, |index| index.with_skeleton(&bare))
    });
    if let Some((index, hit)) = homograph {
        let token = index.token(hit);
        // A short plain-ASCII name that differs only by i/l or cl/d is as often its own
        // acronym (`dhi`) as a fake; with a digit in it (`dh1`) it is a fake.
        let ambiguous_short = token.text.len() < MIN_TYPO_LEN
            && view.unicode_name.is_ascii()
            && !view.name.bytes().any(|b| b.is_ascii_digit());
        // Two letters (`o2`) are too few to tell a look-alike from another name. A popular
        // site's name counts only in letters of another script (`rеddit` with a Cyrillic е):
        // in plain or accented Latin letters it is as often another name or word (`deepal` is
        // not `deepai`, nor French `météo` Greek `meteo.gr`).
        let plain_for_data = token.from_data && !has_other_script(view.unicode_name);
        if token.text != view.name && !ambiguous_short && token.text.len() >= 3 && !plain_for_data {
            let entry = index.entry(hit);
            findings.lookalike(
                Layer::Domain,
                Code::Homograph,
                Severity::Danger,
                say!(
                    "homograph",
                    &entry.home,
                    &view.shown_name,
                    &token.text,
                    describe_difference(&view.shown_name, &token.text)
                ),
                view.shown_name.clone(),
                &entry.home,
            );
            return true;
        }
    }
    let last_sub_label = view.host.subdomain().rsplit('.').next().unwrap_or("");
    // Split by a dot (`pay.pal.com`) the name is someone else's domain: danger. Split by a
    // hyphen, it is a spelling brands use themselves too (`just-eat`, `alfa-bank`): caution.
    let joined = [
        (view.name.contains('-')).then(|| (view.skeleton.replace('-', ""), Severity::Caution)),
        (!last_sub_label.is_empty())
            .then(|| (skeleton(&format!("{last_sub_label}{}", view.name)), Severity::Danger)),
    ];
    for (split, severity) in joined.into_iter().flatten() {
        if let Some((index, hit)) = find(protection, |index| index.with_skeleton(&split)) {
            let token = index.token(hit);
            if token.generic || token.from_data || token.skeleton.len() < MIN_TYPO_LEN {
                continue;
            }
            let entry = index.entry(hit);
            findings.lookalike(
                Layer::Domain,
                Code::SplitName,
                severity,
                say!("split-name", &entry.home, &view.host.unicode, &token.text),
                view.host.unicode.clone(),
                &entry.home,
            );
            return true;
        }
    }
    false
}

/// The skeleton of `name` without the symbols and emoji in it (characters no browser shows in
/// a name and that pass for no letter); `None` when it has none, or nothing else.
fn skeleton_without_symbols(name: &str) -> Option<String> {
    let is_symbol = |c: char| {
        !c.is_ascii()
            && Script::of(c) == Script::NotShown
            && lookalike_in_host(c).is_none()
            && !idn_policy::is_separator_lookalike(c)
    };
    if name.is_ascii() || !name.chars().any(is_symbol) {
        return None;
    }
    let bare = skeleton_with(name, |c| if is_symbol(c) { Some("") } else { lookalike_in_host(c) });
    (!bare.is_empty()).then_some(bare)
}

/// `gооgle.com` (Cyrillic о): an international name that looks like a popular site's.
/// Popular names are stored once, in plain form; the candidates are the ASCII spellings the
/// skeleton could stand for (l → l or i, m → m or rn, ...), each looked up exactly.
fn check_popular_homograph(view: &View, findings: &mut Findings) -> bool {
    if view.unicode_name.is_ascii() {
        return false; // plain-ASCII look-alikes of popular sites are too often real, different sites
    }
    let Some(real) = spellings_of(&view.skeleton)
        .into_iter()
        .map(|name| format!("{name}.{}", view.suffix))
        .find(|d| catalogue::is_popular(d))
    else {
        return false;
    };
    findings.lookalike(
        Layer::Domain,
        Code::Homograph,
        Severity::Danger,
        say!(
            "homograph.popular",
            &real,
            &view.shown_name,
            describe_difference(&view.shown_name, real.split('.').next().unwrap_or(&real))
        ),
        view.shown_name.clone(),
        &real,
    );
    true
}

/// The ASCII names whose skeleton is `skeleton`, bounded: the letters a skeleton merges are
/// expanded back (l: l, i; m: m, rn; w: w, vv; d: d, cl).
fn spellings_of(skeleton: &str) -> Vec<String> {
    const MAX_SPELLINGS: usize = 128;
    let mut spellings = vec![String::new()];
    for c in skeleton.chars() {
        let options: &[&str] = match c {
            'l' => &["l", "i"],
            'm' => &["m", "rn"],
            'w' => &["w", "vv"],
            'd' => &["d", "cl"],
            _ => &[],
        };
        if options.is_empty() || spellings.len() * options.len() > MAX_SPELLINGS {
            let one = options.first().map_or_else(|| c.to_string(), |o| o.to_string());
            spellings.iter_mut().for_each(|s| s.push_str(&one));
        } else {
            spellings = spellings
                .iter()
                .flat_map(|s| options.iter().map(move |o| format!("{s}{o}")))
                .collect();
        }
    }
    spellings
}

/// `amazom.com`, `paypla.com`, `alliexpress.com`: one typing slip away from a distinctive name.
fn check_typo(view: &View, protection: &Protection, findings: &mut Findings) -> bool {
    if !view.name.is_ascii() {
        return false;
    }
    // A name that is itself a popular site's under .com is a different, real name (`shell` is
    // not a slip for `shein`).
    if catalogue::is_popular(&format!("{}.com", view.name)) {
        return false;
    }
    for index in protection.indexes {
        for hit in index.one_edit_from(view.name) {
            let token = index.token(hit);
            let entry = index.entry(hit);
            // Hyphens are the split-name check's; a popular site's name slips only where no
            // other site of the top 1M is one slip from it, and, unless people hold accounts
            // there, not under another country's code nor as another number of a numbered site.
            // A brand's name slips under another country's code only where the brand has a
            // site of that country (`amazone.fr`; not `wallart.com.pl`, `combank.lk`).
            if view.name.contains('-') != token.text.contains('-')
                || (token.from_data && !token.slips)
                || (token.from_data
                    && !token.accounts
                    && (local_elsewhere(view, entry) || renumbered(view.name, &token.text)))
                || (!token.from_data
                    && local_elsewhere(view, entry)
                    && !has_country_site(index, entry, &token.text, view.suffix))
            {
                continue;
            }
            if adds_digits(view.name, &token.text) {
                // A popular site's name and a number is its numbered mirror as often
                // (`ilovepdf2`, `filmyfly6`), unless people hold accounts there.
                if token.from_data && !token.accounts {
                    continue;
                }
                findings.lookalike(
                    Layer::Domain,
                    Code::BrandInName,
                    Severity::Caution,
                    say!(
                        "brand-in-name.number",
                        &entry.home,
                        view.registrable,
                        &token.text,
                        &entry.name
                    ),
                    view.host.unicode.clone(),
                    &entry.home,
                );
                return true;
            }
            // A long distinctive name is no other word with another first letter
            // (`qliexpress`, `saliexpress`), so there the first letter may slip too.
            let first_letter_may_slip = token.distinctive
                && !token.slip_prone
                && token.text.len() >= MIN_FIRST_LETTER_SLIP_LEN;
            if (is_false_typo(view.name, &token.text) && !first_letter_may_slip)
                || !is_plausible_slip(view.name.as_bytes(), token.text.as_bytes())
            {
                continue;
            }
            let message = say!("typo", &entry.home, &view.shown_name, &token.text);
            return report_lookalike_name(view, false, message, entry, findings);
        }
    }
    false
}

/// `garăntiblbva.com.tr`, `paypa1l.com`: look-alike letters and one slip
/// more. An international name that does this is a homograph (danger); a plain one, whose
/// look-alikes are digits (with i/l), a typo (caution).
fn check_lookalike_slip(view: &View, protection: &Protection, findings: &mut Findings) -> bool {
    let international = !view.unicode_name.is_ascii();
    // A plain name needs a digit that passes for a letter (`paypa1l`, `g0oglea`): with letters
    // alone, i/l or rn/m plus a slip is mostly another real name (`kiasma`, `posti`,
    // `geis-group`, `unirio` were all flagged so).
    if !international && !view.name.bytes().any(|b| matches!(b, b'0' | b'1')) {
        return false;
    }
    for index in protection.indexes {
        for hit in index.one_edit_from_skeleton(&view.skeleton) {
            let token = index.token(hit);
            if token.text == view.name
                || token.from_data
                || (!international && is_false_typo(&view.skeleton, &token.skeleton))
            {
                continue;
            }
            // Plain names: only when the letters that pass for others are what brings the name
            // this close (`paypa1l`); `lacoste` is simply another word.
            if !international && index.one_edit_from(view.name).contains(&hit) {
                continue;
            }
            let entry = index.entry(hit);
            let message = say!("lookalike-slip", &entry.home, &view.shown_name, &token.text);
            return report_lookalike_name(view, international, message, entry, findings);
        }
    }
    false
}

/// `b00kinq.com`, `krakcn.com`, `ĸrāken.com`, `ageneiatributaria.es`: letters that pass for
/// others at a glance (e/c, q/g, b/d, n/m, ...; see [`loose_skeleton`]) rather than by Unicode's
/// table. An international name needs no more than that, or that and one slip, to be a
/// homograph: its foreign letters already show the intent. A plain name counts only when the
/// loose reading makes it a distinctive brand name whole (caution), since the loose letters
/// alone join many real words.
fn check_loose_lookalike(view: &View, protection: &Protection, findings: &mut Findings) -> bool {
    let international = !view.unicode_name.is_ascii();
    let loose = loose_skeleton(&view.skeleton);
    for index in protection.indexes {
        let whole = index.with_loose_skeleton(&loose).filter(|&hit| {
            let token = index.token(hit);
            token.text != view.name
                && if international {
                    token.text.len() >= 3 && !token.from_data
                } else {
                    // The first letter as it reads, not loosely: `deeline` is not `beeline`.
                    !token.from_data
                        && token.text.len() >= MIN_TYPO_LEN + usize::from(token.generic)
                        && !is_false_typo(&view.skeleton, &token.skeleton)
                        && swaps_plain_lookalikes(view.name, &token.text)
                }
        });
        let near = || {
            if international {
                index.one_edit_from_loose(&loose).into_iter().find(|&hit| {
                    let token = index.token(hit);
                    token.text != view.name && !token.from_data
                })
            } else {
                None
            }
        };
        let Some(hit) = whole.or_else(near) else { continue };
        // A plain name that is a popular site's under .com is a different, real name.
        if !international && catalogue::is_popular(&format!("{}.com", view.name)) {
            return false;
        }
        let (token, entry) = (index.token(hit), index.entry(hit));
        let message = say!("loose-lookalike", &entry.home, &view.shown_name, &token.text);
        return report_lookalike_name(view, international, message, entry, findings);
    }
    false
}

/// Reports that the site's own name imitates `entry`'s: a homograph (danger) when the name is
/// international, whose foreign letters show the intent; a typo (caution) when it is plain.
fn report_lookalike_name(
    view: &View,
    international: bool,
    message: Text,
    entry: &Entry,
    findings: &mut Findings,
) -> bool {
    let (code, severity) = if international {
        (Code::Homograph, Severity::Danger)
    } else {
        (Code::Typo, Severity::Caution)
    };
    findings.lookalike(
        Layer::Domain,
        code,
        severity,
        message,
        view.shown_name.clone(),
        &entry.home,
    );
    true
}

/// Whether `name` is `token` with some letters swapped, each for one that passes for it in a
/// plain name: e/c, g/q, u/v, b/d, o/0, and l/i/1. Letter for letter: the loose skeleton's
/// other folds (n/m, the pairs) join real names (`telemor` and `telenor` are two telcos,
/// `condos` reads loosely as `correios`).
fn swaps_plain_lookalikes(name: &str, token: &str) -> bool {
    const GROUPS: [&[u8]; 6] = [b"ec", b"gq", b"uv", b"bd", b"o0", b"li1"];
    name.len() == token.len()
        && name.bytes().zip(token.bytes()).all(|(a, b)| {
            a == b || GROUPS.iter().any(|group| group.contains(&a) && group.contains(&b))
        })
}

/// Whether `name` has a letter of a script other than Latin (`rеddit` with a Cyrillic е) or
/// a character no browser shows (`🔒reddit`), rather than only Latin letters, accented or not.
fn has_other_script(name: &str) -> bool {
    name.chars().any(|c| {
        !c.is_ascii()
            && !matches!(Script::of(c), Script::Latin | Script::Common | Script::Inherited)
    })
}

/// `amazon1`: the brand's name with a number added — a combination, not a typing slip.
fn adds_digits(name: &str, token: &str) -> bool {
    name.len() > token.len() && name.trim_end_matches(|c: char| c.is_ascii_digit()) == token
}

/// One edit apart, but not a lookalike: another first letter (`finance` is not `binance`,
/// `zaobao` not `taobao`). A first letter changed, added or dropped is what most different
/// words differ by, and the first letter is the one readers look at (Chrome's lookalike
/// checks leave such pairs out too).
fn is_false_typo(name: &str, token: &str) -> bool {
    name.chars().next() != token.chars().next() || edits_short_prefix(name, token)
}

/// `tfbank` is not `tdbank`, nor `pixpay` `picpay`: when a name is a few letters and a common
/// word (`bank`, `pay`, `post`), those few letters are all that tell it apart, and a slip in
/// them is as often another bank's own name.
fn edits_short_prefix(name: &str, token: &str) -> bool {
    let Some(word) = lists::NAME_WORDS.iter().find(|word| token.ends_with(*word)) else {
        return false;
    };
    let prefix_len = token.len() - word.len();
    let first_difference = name.bytes().zip(token.bytes()).take_while(|(a, b)| a == b).count();
    prefix_len <= 3 && first_difference < prefix_len
}

/// Whether the one edit between `name` and `token` is a slip people make or fake: a key next
/// to the right one, a vowel for a vowel, a letter one bit off, a letter doubled, dropped or
/// added at the end, two letters swapped. Another letter anywhere is mostly another word
/// (`lacoste` is not a slip for `laposte`, nor `lithub` for `github`).
fn is_plausible_slip(name: &[u8], token: &[u8]) -> bool {
    let prefix = name.iter().zip(token).take_while(|(a, b)| a == b).count();
    match name.len() as isize - token.len() as isize {
        // Substituted, or two neighbours swapped.
        0 => {
            let (Some(&typed), Some(&meant)) = (name.get(prefix), token.get(prefix)) else {
                return false;
            };
            let swapped =
                name.get(prefix + 1) == Some(&meant) && token.get(prefix + 1) == Some(&typed);
            swapped
                || near_keys(typed, meant)
                || (is_vowel(typed) && is_vowel(meant))
                || (typed ^ meant).count_ones() == 1
        }
        // Dropped a letter.
        -1 => true,
        // Added one: at the end, a letter doubled, or a key next to a neighbour.
        1 => {
            let added = name[prefix];
            let before = prefix.checked_sub(1).map(|at| name[at]);
            let after = name.get(prefix + 1).copied();
            prefix + 1 == name.len()
                || [before, after]
                    .into_iter()
                    .flatten()
                    .any(|next| next == added || near_keys(added, next))
                || added == b'-'
        }
        _ => false,
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Keys that touch on a QWERTY, QWERTZ or AZERTY keyboard (digits row included).
fn near_keys(a: u8, b: u8) -> bool {
    const LAYOUTS: [[&[u8]; 4]; 3] = [
        [b"1234567890-", b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"],
        [b"1234567890-", b"qwertzuiop", b"asdfghjkl", b"yxcvbnm"],
        [b"1234567890-", b"azertyuiop", b"qsdfghjklm", b"wxcvbn"],
    ];
    let place = |rows: &[&[u8]; 4], c: u8| {
        rows.iter().enumerate().find_map(|(row, keys)| {
            keys.iter().position(|&k| k == c).map(|col| (row as isize, col as isize))
        })
    };
    LAYOUTS.iter().any(|rows| match (place(rows, a), place(rows, b)) {
        (Some((ra, ca)), Some((rb, cb))) => {
            (ra - rb).abs() <= 1 && (ca - cb).abs() <= 1 && (ra, ca) != (rb, cb)
        }
        _ => false,
    })
}

/// `aliexpress-sale.shop`, `dhl-customs-fee.info`, `paypalrefunds.com`: the brand's name plus
/// other words. A distinctive name counts with any other words unless they make a different
/// word (`amazonas`); a short or ordinary name counts only when every other part is a word
/// scammers use (`sale`, `login`, `refund`, ...) or a number.
fn check_brand_in_name(view: &View, protection: &Protection, findings: &mut Findings) -> bool {
    // An international name is read as it looks: `googlé-login` is `google-login` written
    // with a foreign letter, and that letter shows the intent.
    let international = !view.unicode_name.is_ascii();
    let read;
    let name = if international {
        read = foreign_letters_read(view.unicode_name);
        read.as_str()
    } else {
        view.name
    };
    for index in protection.indexes {
        for (hit, range) in index.inside(name) {
            let token = index.token(hit);
            if token.text.len() == name.len() {
                continue; // the whole name: homograph or typo territory, already checked
            }
            let at_boundary =
                range.start == 0 || !name.as_bytes()[range.start - 1].is_ascii_alphabetic();
            if token.text.contains('-') && !at_boundary {
                continue; // `1xbet-mobile` does not contain `t-mobile`
            }
            let end_at_boundary =
                range.end == name.len() || !name.as_bytes()[range.end].is_ascii_alphabetic();
            let distinctive = !token.generic && token.text.len() >= MIN_TYPO_LEN;
            // A short or ordinary name must be a whole word of its own: `ing` is not in
            // `accounting`, `post` not in `compost`.
            let whole_word = at_boundary && end_at_boundary;
            // One that real sites seldom pair with scam words may be glued to them, at the
            // start or the end of the name (`stripebonus`, `bonusstripe`).
            let glued = !whole_word
                && token.keywords
                && token.text.len() >= MIN_GLUED_KEYWORDS_LEN
                && (range.start == 0 || range.end == name.len());
            if !(distinctive || whole_word || glued) {
                continue;
            }
            let rest = [&name[..range.start], &name[range.end..]];
            let parts: Vec<&str> =
                rest.iter().flat_map(|side| side.split('-')).filter(|p| !p.is_empty()).collect();
            // Every other part must be a word scammers use, another brand's name
            // (`google-youtube-account`) or a number (`paypal-refund`, `paypal24`): beside
            // other words a brand name is mostly someone's real site (`aboutamazon`,
            // `9to5google`, `amazonas`). A short or ordinary name needs such a word, not just
            // a number (`33mail`, `24post` are names of their own). A distinctive name needs
            // neither (`binance-giveaways`, `download-metamask`): no real site is named so, once
            // the popular ones among them are set apart as neighbours; it must only begin the
            // name or follow a hyphen or digit (`mandelaposterproject` holds no `laposte`, and
            // `werkenbijabnamro` is a compound whose last word is the brand's: its careers site).
            let other_brand = |part: &str| {
                protection.indexes.iter().any(|index| {
                    index.exact(part).is_some_and(|other| !index.token(other).from_data)
                })
            };
            let words_fit = parts
                .iter()
                .all(|part| is_number(part) || is_keyword_run(part) || other_brand(part));
            let has_keyword = parts.iter().any(|part| is_keyword_run(part));
            if token.distinctive && at_boundary {
                report_brand_in_name(view, international, index, hit, findings);
                return true;
            }
            // An ordinary word (`mail`, `orange`) beside other ordinary words is mostly an
            // ordinary name (`security-mail`): it needs a word only scams use with it, or a
            // suffix where names are cheap.
            let cheap = is_cheap_generic_suffix(view.suffix) || is_abused_country_code(view.suffix);
            // A popular site's name, likewise, needs such a word wherever it is registered.
            let asks = parts.iter().any(|part| is_action_word(part));
            // Of the sites people hold accounts with, any scam word will do, as for a brand
            // (`acorns-invest-bonus.com`, not only `acorns-login.com`).
            let any_scam_word = parts.iter().any(|part| is_scam_keyword_run(part));
            let data_fits = !token.from_data
                || asks
                || (token.accounts && has_keyword)
                || (!token.generic && any_scam_word);
            // And an ordinary-word brand name that real sites seldom pair with scam words
            // (data/keyword_names.txt), beside any scam word but the neutral ones
            // (`telegram-bonus`, not `zoom-app`); glued to the words, only so.
            let scam_word = token.keywords && any_scam_word;
            let generic_fits =
                (!token.generic || ((cheap || asks) && !glued) || scam_word) && data_fits;
            if !words_fit || (!distinctive && !has_keyword) || !generic_fits {
                continue;
            }
            report_brand_in_name(view, international, index, hit, findings);
            return true;
        }
    }
    false
}

/// Reports the brand's name inside the site's own: caution for a plain name, danger when its
/// letters are foreign look-alikes (`googlé-login.com`).
fn report_brand_in_name(
    view: &View,
    international: bool,
    index: &Index,
    hit: Hit,
    findings: &mut Findings,
) {
    let (entry, token) = (index.entry(hit), index.token(hit));
    let severity = if international { Severity::Danger } else { Severity::Caution };
    findings.lookalike(
        Layer::Domain,
        Code::BrandInName,
        severity,
        say!("brand-in-name", &entry.home, view.registrable, &token.text, &entry.name),
        view.host.unicode.clone(),
        &entry.home,
    );
}

/// `paypal.secure-check.com`, `paypal-login.duckdns.org`: the brand's name in front of
/// someone else's domain. On free hosting, where anyone can pick the name, that is danger.
fn check_brand_in_subdomain(
    view: &View,
    protection: &Protection,
    free: bool,
    findings: &mut Findings,
) -> bool {
    let subdomain = view.host.subdomain();
    if subdomain.is_empty() {
        return false;
    }
    let sub_skeleton = skeleton(subdomain);
    let piece_hit = sub_skeleton
        .split(['.', '-'])
        .filter(|p| p.len() >= MIN_SUBDOMAIN_TOKEN_LEN)
        .find_map(|piece| {
            find(protection, |index| index.with_skeleton(piece)).filter(|(index, hit)| {
                let token = index.token(*hit);
                !token.generic && (free || !token.from_data)
            })
        });
    let inside_hit = || {
        protection.indexes.iter().find_map(|index| {
            index.inside(subdomain).into_iter().map(|(hit, _)| (*index, hit)).find(
                |(index, hit)| {
                    let token = index.token(*hit);
                    !token.generic
                        && (free || !token.from_data)
                        && token.text.len() >= MIN_TYPO_LEN
                        && !token.text.contains('-')
                },
            )
        })
    };
    let Some((index, hit)) = piece_hit.or_else(inside_hit) else { return false };
    let (entry, token) = (index.entry(hit), index.token(hit));
    // On someone's own domain a brand's name in front is as often a topic, a tenant or a
    // redirect (`whatsapp.softonic.com.br`, `samsung.csod.com`, `google.q7xi617sc.com`) as a
    // page passing for the brand: it needs a scam word in the host (`paypal.secure-check.com`)
    // or a suffix where names cost little. On free hosting, where anyone picks the name, the
    // brand's name is caution, and danger beside a scam word (`paypal-login.web.app`): brands
    // and their people host their own pages there under the name and other words too
    // (`revolut.atlassian.net`, `googlechromelabs.github.io`, `expediagroup.atlassian.net`).
    // A popular site's name always needs the scam word.
    let other_pieces = subdomain.split(['.', '-']).chain(view.name.split('-'));
    let asks = other_pieces
        .filter(|piece| !piece.contains(token.text.as_ref()))
        .any(|piece| !piece.is_empty() && is_keyword_run(piece));
    let cheap = is_cheap_generic_suffix(view.suffix) || is_abused_country_code(view.suffix);
    if (!free && !asks && !cheap) || (token.from_data && !asks) {
        return false;
    }
    let (severity, message) = if free {
        (
            if asks { Severity::Danger } else { Severity::Caution },
            say!(
                "brand-in-subdomain.free",
                &entry.home,
                &token.text,
                view.registrable,
                &entry.name
            ),
        )
    } else {
        (
            Severity::Caution,
            say!("brand-in-subdomain", &entry.home, &token.text, view.registrable, &entry.name),
        )
    };
    findings.lookalike(
        Layer::Domain,
        Code::BrandInSubdomain,
        severity,
        message,
        view.host.unicode.clone(),
        &entry.home,
    );
    true
}

/// An international label a browser would show as `xn--` code rather than as it is written
/// (src/idn_policy.rs), whatever it imitates: scripts no language writes together (`pаypal`,
/// Latin with Hangul and kana), letters of another script that all pass for Latin ones outside
/// that script's home suffixes (`аррӏе.com`, `ττ.com`), characters that pass for a dot, a
/// hyphen or digits, misplaced combining marks, and characters no browser shows. The first
/// such label is reported.
fn check_scripts(view: &View, findings: &mut Findings) {
    let tld = view.suffix.rsplit('.').next().unwrap_or(view.suffix);
    for label in view.host.unicode.split('.') {
        let Some(refusal) = idn_policy::refusal(label, tld) else { continue };
        let (code, message) = match refusal {
            Refusal::MixedScripts(scripts) => (Code::MixedScript, mixed_scripts(label, scripts)),
            Refusal::AccentedLatin { accented, others } => (
                Code::MixedScript,
                say!("mixed-script.accented", label, accented.to_string(), script_names(others)),
            ),
            Refusal::WholeScript(script) => {
                // Spelled out in Latin where the look-alike table reads every letter (`аррӏе`:
                // "apple"); Chrome's sets hold letters it does not (`ττ`).
                let latin = skeleton(label);
                let message = if latin.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                    say!("latin-lookalike", label, script_name(script), latin)
                } else {
                    say!("latin-lookalike.letters", label, script_name(script))
                };
                (Code::LatinLookalike, message)
            }
            Refusal::Digits => (Code::IdnUnsafe, say!("idn-unsafe.digits", label, skeleton(label))),
            Refusal::Dot(c) => (Code::IdnUnsafe, say!("idn-unsafe.dot", label, shown_char(c))),
            Refusal::Hyphen(c) => {
                (Code::IdnUnsafe, say!("idn-unsafe.hyphen", label, shown_char(c)))
            }
            Refusal::Mark(c) => (Code::IdnUnsafe, say!("idn-unsafe.mark", label, shown_char(c))),
            Refusal::OutOfPlace(c) => {
                (Code::IdnUnsafe, say!("idn-unsafe.letter", label, shown_char(c)))
            }
            Refusal::NotShown(c) => (Code::IdnUnsafe, say!("idn-unsafe", label, shown_char(c))),
        };
        findings.add(Layer::Domain, code, Severity::Caution, message, label.to_string());
        return;
    }
}

/// "mixes Latin letters with Cyrillic ones that look the same" where the other scripts have
/// letters that pass for Latin ones; "mixes Latin and Korean letters, which no language writes
/// together" otherwise.
fn mixed_scripts(label: &str, scripts: Scripts) -> Text {
    let mut others = scripts;
    others.remove(Script::Latin);
    let lookalike_scripts = [Script::Greek, Script::Cyrillic, Script::Armenian];
    if scripts.contains(Script::Latin) && others.within(&lookalike_scripts) {
        say!("mixed-script", label, script_names(others))
    } else {
        say!("mixed-script.scripts", label, script_names(scripts))
    }
}

/// A character as evidence: itself in quotes, or its code point when it cannot be seen (a
/// combining mark alone, an invisible joiner).
fn shown_char(c: char) -> Text {
    if idn_policy::is_unseen(c) {
        Text::from(format!("U+{:04X}", c as u32))
    } else {
        say!("char.plain", c.to_string())
    }
}

/// Suffixes only schools, governments, municipalities (`bel.tr`) and armies can register
/// under: no one can buy a brand's name there to fool people.
fn is_restricted_suffix(suffix: &str) -> bool {
    let first = suffix.split('.').next().unwrap_or(suffix);
    lists::RESTRICTED_SUFFIXES.contains(suffix)
        || (suffix.contains('.') && lists::RESTRICTED_SECOND_LEVELS.contains(first))
}

/// Whether `view` is under a country's own suffix that `entry`'s home is not under
/// (`skisports.cz` beside `skysports.com`, `hotpeppers.cz` beside `hotpepper.jp`): local
/// businesses register their names there, one letter from some global site's, while a
/// typosquatter of a site waits under the suffixes people type it with, generic ones or
/// its own. Abused country codes count as generic.
fn local_elsewhere(view: &View, entry: &Entry) -> bool {
    let last = view.suffix.rsplit('.').next().unwrap_or(view.suffix);
    let home_suffix = entry.home.split_once('.').map_or("", |(_, suffix)| suffix);
    last.len() == 2 && !is_abused_country_code(view.suffix) && view.suffix != home_suffix
}

/// Whether `entry`'s brand has a site of the country whose code ends `suffix`: `token` under
/// that suffix, the bare code, or its `com.` or `co.` second level (`amazon.fr`, `amazon.co.uk`).
fn has_country_site(index: &Index, entry: &Entry, token: &str, suffix: &str) -> bool {
    let code = suffix.rsplit('.').next().unwrap_or(suffix);
    [suffix.to_string(), code.to_string(), format!("com.{code}"), format!("co.{code}")].iter().any(
        |suffix| {
            index
                .owner_of(&format!("{token}.{suffix}"))
                .is_some_and(|owner| std::ptr::eq(owner, entry))
        },
    )
}

/// Whether `name` is `token` with other digits (`bongdalu809` beside `bongdalu808`,
/// `facai988` beside `facai88`): the numbered mirrors of a site that is itself a number in a
/// series, not a slip of it.
fn renumbered(name: &str, token: &str) -> bool {
    let letters = |s: &str| s.chars().filter(|c| !c.is_ascii_digit()).collect::<String>();
    token.bytes().any(|b| b.is_ascii_digit()) && letters(name) == letters(token)
}

/// Country codes that give names away or sell them for next to nothing, and so carry much of
/// the phishing (Freenom's former free names, and others reported by anti-phishing groups).
fn is_abused_country_code(suffix: &str) -> bool {
    lists::ABUSED_COUNTRY_CODES.contains(suffix.rsplit('.').next().unwrap_or(suffix))
}

/// Generic suffixes where names cost little and phishing concentrates (per the yearly
/// reports of anti-phishing groups on abused TLDs).
fn is_cheap_generic_suffix(suffix: &str) -> bool {
    lists::CHEAP_GENERIC_SUFFIXES.contains(suffix)
}

/// A country code (`de`, `co.uk`, `com.br`): the last label has two letters.
fn is_country_suffix(suffix: &str) -> bool {
    suffix.rsplit('.').next().is_some_and(|tld| tld.len() == 2)
}

fn find<'i>(
    protection: &Protection<'i>,
    mut lookup: impl FnMut(&Index) -> Option<Hit>,
) -> Option<(&'i Index, Hit)> {
    protection.indexes.iter().find_map(|&index| lookup(index).map(|hit| (index, hit)))
}

/// Words that ask the reader to act on an account or a payment, in the six languages (the
/// same ideas in each: account, activate, billing, claim, confirm, customs, log in, password,
/// recover, refund, blocked, unlock, update, verify, toll): beside a brand name that is also
/// an ordinary word, only these make the name the brand's. Each is in data/host_keywords.txt.
fn is_action_word(part: &str) -> bool {
    lists::HOST_ACTION_WORDS.contains(part)
}

fn is_number(part: &str) -> bool {
    part.bytes().all(|b| b.is_ascii_digit())
}

/// A scam word, or two run together (`securelogin`), as skeletons.
fn is_keyword_run(part: &str) -> bool {
    is_keyword(part)
        || (1..part.len()).any(|at| {
            part.is_char_boundary(at) && is_keyword(&part[..at]) && is_keyword(&part[at..])
        })
}

/// A keyword run ([`is_keyword_run`]) with a word that is not a neutral one
/// (data/lists/neutral_host_words.txt): `bonus`, `secureapp`, not `app` or `webmail`.
fn is_scam_keyword_run(part: &str) -> bool {
    let scam = |word: &str| is_keyword(word) && !lists::NEUTRAL_HOST_WORDS.contains(word);
    scam(part)
        || (1..part.len()).any(|at| {
            part.is_char_boundary(at) && {
                let (head, tail) = part.split_at(at);
                (scam(head) && is_keyword(tail)) || (is_keyword(head) && scam(tail))
            }
        })
}

fn is_keyword(word: &str) -> bool {
    catalogue::is_host_keyword(word)
}

/// The label as the user typed it, when `shown` contains it in another letter case. Only the
/// start of the input is searched: the host comes before any long path or query.
fn shown_label<'a>(shown: &'a str, label: &'a str) -> &'a str {
    const HOST_WINDOW: usize = 512;
    let end = (0..=shown.len().min(HOST_WINDOW))
        .rev()
        .find(|&at| shown.is_char_boundary(at))
        .unwrap_or(0);
    shown[..end]
        .char_indices()
        .map(|(at, _)| &shown[at..])
        .find_map(|rest| {
            rest.get(..label.len()).filter(|candidate| candidate.eq_ignore_ascii_case(label))
        })
        .unwrap_or(label)
}

/// "a capital I in place of “l”", "a Cyrillic “а” in place of “a”", "“rn” in place of “m”".
fn describe_difference(shown: &str, real: &str) -> Text {
    let shown_chars: Vec<char> = shown.chars().collect();
    let real_chars: Vec<char> = real.chars().collect();
    let prefix = shown_chars.iter().zip(&real_chars).take_while(|(a, b)| a == b).count();
    let suffix = shown_chars[prefix..]
        .iter()
        .rev()
        .zip(real_chars[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let fake: String = shown_chars[prefix..shown_chars.len() - suffix].iter().collect();
    let genuine: String = real_chars[prefix..real_chars.len() - suffix].iter().collect();
    let mut fake_chars = fake.chars();
    let mut genuine_chars = genuine.chars();
    if let (Some(f), None, Some(g), None) =
        (fake_chars.next(), fake_chars.next(), genuine_chars.next(), genuine_chars.next())
    {
        return say!("diff.char", name_char(f), g.to_string());
    }
    if genuine.is_empty() && !fake.is_empty() {
        // A combining mark alone cannot be seen: name it by its code point.
        let added = if fake.chars().all(idn_policy::is_unseen) {
            let mut codes = String::new();
            for c in fake.chars() {
                codes.push_str(if codes.is_empty() { "U+" } else { " U+" });
                codes.push_str(&format!("{:04X}", c as u32));
            }
            codes
        } else {
            fake
        };
        return say!("diff.added", added);
    }
    match fake.chars().map(Script::of).find(|&s| s.is_letters() && s != Script::Latin) {
        Some(script) if fake.chars().count() == genuine.chars().count() => {
            say!("diff.script", script_name(script), &fake, &genuine)
        }
        _ => say!("diff.letters", &fake, &genuine),
    }
}

fn name_char(c: char) -> Text {
    let c_text = c.to_string();
    match (c, Script::of(c)) {
        ('I', _) => say!("char.capital-i"),
        ('0', _) => say!("char.zero"),
        ('1', _) => say!("char.one"),
        (_, Script::Greek) => say!("char.greek", c_text),
        (_, Script::Cyrillic) => say!("char.cyrillic", c_text),
        (_, Script::Armenian) => say!("char.armenian", c_text),
        // Letters of their own, not accented forms of a Latin letter.
        ('ß' | 'þ' | 'ð' | 'æ' | 'œ' | 'ŋ' | 'ĸ' | 'ə' | 'ɑ' | 'ƅ', _) => {
            say!("char.plain", c_text)
        }
        (_, Script::Latin) if !c.is_ascii() => say!("char.accented", c_text),
        _ => say!("char.plain", c_text),
    }
}

/// The name of a writing system, as in "Cyrillic letters".
fn script_name(script: Script) -> Text {
    match named_as(script) {
        Script::Latin => say!("script.latin"),
        Script::Greek => say!("script.greek"),
        Script::Cyrillic => say!("script.cyrillic"),
        Script::Armenian => say!("script.armenian"),
        Script::Hebrew => say!("script.hebrew"),
        Script::Arabic => say!("script.arabic"),
        Script::Georgian => say!("script.georgian"),
        Script::Thai => say!("script.thai"),
        Script::Han => say!("script.chinese"),
        Script::Katakana => say!("script.japanese"),
        Script::Hangul => say!("script.korean"),
        _ => say!("script.other"),
    }
}

/// The script whose name `script` goes by in messages: hiragana is Japanese writing as
/// katakana is; a script the messages do not name is "other" (NotShown).
fn named_as(script: Script) -> Script {
    match script {
        Script::Latin
        | Script::Greek
        | Script::Cyrillic
        | Script::Armenian
        | Script::Hebrew
        | Script::Arabic
        | Script::Georgian
        | Script::Thai
        | Script::Han
        | Script::Katakana
        | Script::Hangul => script,
        Script::Hiragana => Script::Katakana,
        _ => Script::NotShown,
    }
}

/// The names of `scripts`, joined ("Latin and Cyrillic"), each name once (hiragana and
/// katakana are both Japanese).
fn script_names(scripts: Scripts) -> Text {
    let named: Scripts = scripts.iter().map(named_as).collect();
    // "Latin, Japanese and Korean": commas, then "and" before the last. (A script the messages
    // do not name is NotShown here, which a set of scripts leaves out: it is "other", last.)
    let mut names: Vec<Text> = named.iter().map(script_name).collect();
    if scripts.iter().any(|script| named_as(script) == Script::NotShown) {
        names.push(say!("script.other"));
    }
    let last = names.pop().unwrap_or_else(|| say!("script.other"));
    match names.into_iter().reduce(|a, b| say!("script.comma", a, b)) {
        Some(first) => say!("script.and", first, last),
        None => last,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_what_was_swapped() {
        let cases = [
            ("aIiexpress", "aliexpress", "a capital I in place of “l”"),
            ("amaz0n", "amazon", "a zero (0) in place of “o”"),
            ("arnazon", "amazon", "“rn” in place of “m”"),
            ("pаypal", "paypal", "a Cyrillic “а” in place of “a”"),
            ("pàypal", "paypal", "an accented “à” in place of “a”"),
        ];
        for (shown, real, expected) in cases {
            assert_eq!(
                crate::Language::english().write(&describe_difference(shown, real)),
                expected,
                "{shown} vs {real}"
            );
        }
    }

    #[test]
    fn shows_the_label_in_the_case_it_was_written() {
        assert_eq!(shown_label("http://aIiexpress.com/", "aiiexpress"), "aIiexpress");
        assert_eq!(shown_label("nothing here", "aiiexpress"), "aiiexpress");
    }

    #[test]
    fn spells_skeletons_back_out() {
        let spellings = spellings_of("google");
        assert!(spellings.contains(&"google".to_string()), "{spellings:?}");
        assert!(spellings_of("wlklpedla").contains(&"wikipedia".to_string()));
        assert!(spellings_of(&"l".repeat(60)).len() <= 128, "bounded");
    }

    #[test]
    fn swaps_only_plain_lookalikes_letter_for_letter() {
        assert!(swaps_plain_lookalikes("b00kinq", "booking"));
        assert!(swaps_plain_lookalikes("discouer", "discover"));
        assert!(!swaps_plain_lookalikes("telemor", "telenor"), "n/m joins real names");
        assert!(!swaps_plain_lookalikes("condos", "correios"), "lengths differ");
    }

    #[test]
    fn filters_false_typos() {
        assert!(adds_digits("amazon1", "amazon") && !adds_digits("amazon", "amazon"));
        assert!(is_false_typo("lemu", "temu"));
        assert!(is_false_typo("finance", "binance"), "a changed first letter makes another word");
        assert!(
            is_false_typo("tfbank", "tdbank") && is_false_typo("pixpay", "picpay"),
            "the short part of a bank's name"
        );
        assert!(!is_false_typo("tdbamk", "tdbank"), "a slip in the common word still counts");
        assert!(!is_false_typo("amazom", "amazon"));
    }
}
