//! Invariants of the engine over generated inputs (proptest): the catalogue's own domains are
//! always real; how a host is written never changes its verdict; words around a link never
//! hide what is wrong with it; and no input of any shape panics.

use proptest::prelude::*;
use proptest::sample::select;
use wary::{
    analyze_page, analyze_text, analyze_url, Level, PageFacts, PageForm, PageLink, Severity,
    Verdict,
};

mod common;
use common::table_rows;

/// Every registrable domain data/brands.txt gives a brand: its first token under each of its
/// `suffixes`, and its further `domains`.
fn catalogue_domains() -> Vec<String> {
    let mut domains = Vec::new();
    let mut token = String::new();
    for line in include_str!("../data/brands.txt").lines() {
        let mut words = line.split_whitespace();
        match words.next() {
            Some("brand") => token.clear(),
            Some("token") if token.is_empty() => {
                token = words.next().unwrap_or_default().to_string()
            }
            Some("suffixes") => domains.extend(words.map(|suffix| format!("{token}.{suffix}"))),
            Some("domains") => domains.extend(words.map(str::to_string)),
            _ => {}
        }
    }
    assert!(domains.len() > 1000, "brands.txt read: only {} domains", domains.len());
    domains
}

/// The bare hosts of tests/data/hosts.tsv, and those of them that imitate a brand.
fn table_hosts(lookalikes_only: bool) -> Vec<String> {
    table_rows(include_str!("data/hosts.tsv"))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|fields| !lookalikes_only || fields.get(3).is_some_and(|f| *f != "-"))
        .map(|fields| fields[0].to_string())
        .filter(|input| !input.contains(':') && !input.contains('/'))
        .collect()
}

/// Hosts built from pieces that matter to the checks: brand names, look-alike letters,
/// hyphens, cheap suffixes, punycode that may be invalid, characters that pass for dots and
/// hyphens, marks and symbols, and a trailing dot.
fn built_host() -> impl Strategy<Value = String> {
    let piece = select(vec![
        "paypal",
        "amazon",
        "aliexpress",
        "apple",
        "dhl",
        "google",
        "pаypal",
        "аррle",
        "gооgle",
        "paypa1",
        "arnazon",
        "secure",
        "login",
        "verify",
        "shop",
        "xn--zz",
        "xn--pypal-4ve",
        "münchen",
        "straße",
        "ΑΠΠΛΕ",
        "a",
        "1",
        "é",
        "🙂",
        "www",
        "com",
        // Characters the IDN policy and the look-alike extras read (issue 15).
        "丨",
        "·",
        "一",
        "ー",
        "‐",
        "🔒",
        "\u{307}",
        "ก",
        "ß",
        "ττ",
        "한",
        "あ",
        "৭",
    ]);
    let separator = select(vec!["", "-", "."]);
    let suffix = select(vec![
        "com", "shop", "ru", "co.uk", "com.br", "xyz", "info", "top", "de", "рф", "example",
    ]);
    (prop::collection::vec((piece, separator), 1..5), suffix).prop_map(|(pieces, suffix)| {
        let mut host: String = pieces.into_iter().flat_map(|(p, s)| [p, s]).collect();
        host = host.trim_end_matches(['-', '.']).to_string();
        format!("{host}.{suffix}")
    })
}

/// What must not change with the spelling: level, verified, the imitated domain, the codes.
fn essence(verdict: &Verdict) -> (Level, bool, Option<String>, Vec<&'static str>) {
    let mut codes: Vec<&'static str> = verdict.reasons.iter().map(|r| r.code).collect();
    codes.sort_unstable();
    (verdict.level, verdict.verified, verdict.lookalike_of.clone(), codes)
}

/// `host` in upper case where a letter's upper case maps back to it (`ß` becomes `SS`, another
/// name, and the dotless `ı` becomes `I`, which reads `i`); `mask` picks which letters.
fn recase(host: &str, mask: u64) -> String {
    host.chars()
        .enumerate()
        .map(|(i, c)| {
            let mut upper = c.to_uppercase();
            match (upper.next(), upper.next()) {
                (Some(u), None) if mask >> (i % 64) & 1 == 1 && u.to_lowercase().eq([c]) => u,
                _ => c,
            }
        })
        .collect()
}

fn domain_and_link_codes(verdict: &Verdict) -> Vec<&'static str> {
    verdict
        .reasons
        .iter()
        .filter(|r| {
            r.severity >= Severity::Caution
                && matches!(r.layer, wary::Layer::Domain | wary::Layer::Link)
        })
        .map(|r| r.code)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A brand's own domain, and any subdomain of it, is its real site.
    #[test]
    fn a_catalogue_domain_is_always_verified(
        domain in select(catalogue_domains()),
        subdomains in prop::collection::vec("[a-z0-9]{1,10}(-[a-z0-9]{1,6})?", 0..3),
    ) {
        let host = subdomains.iter().map(|s| format!("{s}.")).collect::<String>() + &domain;
        let verdict = analyze_url(&host).map_err(|e| TestCaseError::fail(format!("{host}: {e}")))?;
        prop_assert!(verdict.verified && verdict.level == Level::Safe, "{host} should be verified and safe: {verdict:?}");
    }

    /// Letter case, a trailing dot, white space around it and its punycode or Unicode form do
    /// not change what a host is judged to be.
    #[test]
    fn the_spelling_of_a_host_never_changes_its_verdict(
        host in prop_oneof![select(table_hosts(false)), built_host()],
        mask in any::<u64>(),
        before in "[ \t\n]{0,3}",
        after in "[ \t\r\n]{0,3}",
    ) {
        let base = analyze_url(&host);
        let dotted = if host.ends_with('.') { host.trim_end_matches('.').to_string() } else { format!("{host}.") };
        let mut variants = vec![recase(&host, mask), dotted, format!("{before}{host}{after}")];
        let (unicode, errors) = uts46::domain_to_unicode(&host);
        if errors.is_ok() {
            variants.push(unicode);
        }
        if let Ok(ascii) = uts46::domain_to_ascii(&host) {
            variants.push(ascii);
        }
        for variant in variants {
            match (&base, analyze_url(&variant)) {
                (Ok(base), Ok(verdict)) => prop_assert_eq!(essence(&verdict), essence(base), "{:?} judged otherwise than {:?}", variant, host),
                (Err(_), Err(_)) => {}
                (base, verdict) => prop_assert!(false, "{host:?} gave {base:?} but {variant:?} gave {verdict:?}"),
            }
        }
    }

    /// Words before and after a message's link, whatever they say, never take away what is
    /// wrong with the link.
    #[test]
    fn words_around_a_link_never_hide_its_lookalike(
        link in select(table_hosts(true)),
        before in prop::collection::vec(select(vec!["Hello", "your", "order", "PayPal", "Amazon", "urgent", "pay", "gift card", "😀", "\n", "never", "safe", "official", "verify", "ok.", "!!"]), 0..30),
        after in "[A-Za-zа-я0-9 ,!?'\n]{0,200}",
    ) {
        let alone = domain_and_link_codes(&analyze_text(&link));
        prop_assume!(!alone.is_empty());
        let message = format!("{} {link} {after}", before.join(" "));
        let codes = domain_and_link_codes(&analyze_text(&message));
        for code in alone {
            prop_assert!(codes.contains(&code), "{code} of {link} lost in {message:?}: {codes:?}");
        }
    }

    /// Any string, as a link, a message or every field of a page, gets a verdict or an error.
    #[test]
    fn no_string_panics(
        input in prop_oneof![any::<String>(), "(https?://|hxxps?://)?[a-zA-Z0-9.:@%\\[\\]/\\\\#?-]{0,60}", "\\PC{0,80}"],
    ) {
        if let Ok(verdict) = analyze_url(&input) {
            prop_assert!(verdict.score <= 100);
        }
        prop_assert!(analyze_text(&input).score <= 100);
        let engine = wary::Engine::new();
        let pasted = engine.analyze_input(&input);
        prop_assert!(pasted.headline.is_none_or(|at| at < pasted.reasons.len()));
        if let Ok(address) = engine.analyze_address(&input) {
            prop_assert!(!address.warn_now || address.verdict.level > Level::Safe);
        }
        let facts = PageFacts {
            url: input.clone(),
            title: input.clone(),
            text: input.clone(),
            headings: vec![input.clone(); 3],
            links: vec![PageLink { href: input.clone(), text: input.clone() }; 3],
            forms: vec![PageForm { action: input.clone(), has_password: true, has_card: true }],
        };
        prop_assert!(analyze_page(&facts).score <= 100);
        // Every field of a listing, on a real marketplace's address and on the input's.
        for url in ["https://www.aliexpress.com/item/1.html", input.as_str()] {
            let listing = wary::ListingFacts {
                url: url.to_string(),
                title: input.clone(),
                price: input.clone(),
                currency: input.clone(),
                usual_price: input.clone(),
                store: input.clone(),
                today: input.clone(),
            };
            prop_assert!(engine.analyze_listing(&listing).tips.len() <= 8);
        }
    }
}
