//! The `domain` layer: is this host a brand's real site, or one that borrows its name?
//!
//! Checks run on the registrable domain (eTLD+1) and, for embedding, on the labels in front
//! of it. Order matters: a known-real domain ends the checks (never warn on the real site),
//! then the strongest evidence is looked for first and one finding per host is reported.

use strsim::damerau_levenshtein;

use crate::catalogue::{self, Brand};
use crate::host::Host;
use crate::verdict::{Findings, Layer, Severity};

/// Tokens shorter than this match only exactly (as a whole word or by skeleton): one edit
/// away from `ebay` or `temu` is mostly other real words.
const MIN_TYPO_TOKEN_LEN: usize = 5;
/// Brand tokens in a subdomain (`paypal.account-check.com`) count from this length; shorter
/// ones (`ups`) are too often ordinary labels.
const MIN_SUBDOMAIN_TOKEN_LEN: usize = 4;

/// Judges `host`; `shown` is the host as the user wrote it (original letter case), used for
/// evidence so that `aIiexpress.com` is shown with its capital I.
pub(crate) fn check_host(host: &Host, shown: &str, findings: &mut Findings) {
    let Some(registrable) = host.registrable() else { return };
    if let Some(brand) = catalogue::owner_of(registrable) {
        findings.verified = true;
        findings.add(
            Layer::Domain,
            "verified",
            Severity::Info,
            format!("{} is a real {} site.", host.unicode, brand.name),
            registrable.to_string(),
        );
        return;
    }
    let Some((name, suffix)) = host.name_and_suffix() else { return };
    let _ = check_embedded_domain(host, name, findings)
        || check_tld_swap(name, suffix, findings)
        || check_brand_in_name(host, name, findings)
        || check_lookalike_name(host, name, shown, findings)
        || check_brand_in_subdomain(host, findings);
}

/// `aliexpress.com.secure-login.ru`, `aliexpress-com.shop`, `my-amazon-co-uk.net`: a real
/// domain written out inside another one.
fn check_embedded_domain(host: &Host, name: &str, findings: &mut Findings) -> bool {
    let pieces: Vec<&str> = host.subdomain().split(['.', '-']).chain(name.split('-')).filter(|p| !p.is_empty()).collect();
    for start in 0..pieces.len() {
        for len in 2..=4.min(pieces.len() - start) {
            let candidate = pieces[start..start + len].join(".");
            if let Some(brand) = catalogue::owner_of(&candidate) {
                findings.lookalike(
                    Layer::Domain,
                    "embedded-domain",
                    Severity::Danger,
                    format!(
                        "This is not {candidate}. The address only contains {}'s “{candidate}”; the site really is {}.",
                        brand.name,
                        host.registrable().unwrap_or(&host.ascii)
                    ),
                    host.unicode.clone(),
                    &candidate,
                );
                return true;
            }
        }
    }
    false
}

/// `aliexpress.shop`, `paypal.co.xyz`: the brand's exact name under a suffix it does not own.
fn check_tld_swap(name: &str, suffix: &str, findings: &mut Findings) -> bool {
    let Some(brand) = brand_with_token(|token| token == name) else { return false };
    findings.lookalike(
        Layer::Domain,
        "tld-swap",
        Severity::Danger,
        format!("This is not {}. {name}.{suffix} uses {}'s name with an ending the brand does not use (.{suffix}).", brand.home, brand.name),
        format!("{name}.{suffix}"),
        brand.home,
    );
    true
}

/// `aliexpress-sale.shop`, `dhl-customs-fee.info`, `paypalrefunds.com`: the brand's name plus
/// other words, on a domain the brand does not own.
fn check_brand_in_name(host: &Host, name: &str, findings: &mut Findings) -> bool {
    let hit = brand_with_token(|token| {
        name.split('-').any(|word| word == token) || (token.len() >= MIN_TYPO_TOKEN_LEN && name.contains(token))
    });
    let Some(brand) = hit else { return false };
    findings.lookalike(
        Layer::Domain,
        "brand-in-name",
        Severity::Caution,
        format!(
            "This is not {}. {} puts “{}” in its name, but it does not belong to {}.",
            brand.home,
            host.registrable().unwrap_or(name),
            brand.tokens[0],
            brand.name
        ),
        host.unicode.clone(),
        brand.home,
    );
    true
}

/// `aIiexpress.com`, `paypa1.com`, `arnazon.com`, `pаypal.com` (Cyrillic а): a name that looks
/// the same as a brand's, or is one typing slip away from it.
fn check_lookalike_name(host: &Host, name: &str, shown: &str, findings: &mut Findings) -> bool {
    // The name as the user saw it: decoded from punycode, in the case it was written.
    let labels_before = if host.subdomain().is_empty() { 0 } else { host.subdomain().split('.').count() };
    let unicode_name = host.unicode.split('.').nth(labels_before).unwrap_or(name);
    let shown_name = shown_label(shown, unicode_name);
    let skeleton_name = skeleton(unicode_name);
    let same_look = brand_with_token(|token| token != unicode_name && skeleton(token) == skeleton_name);
    if let Some(brand) = same_look {
        let token = brand.tokens.iter().find(|t| skeleton(t) == skeleton_name).copied().unwrap_or(brand.tokens[0]);
        findings.lookalike(
            Layer::Domain,
            "homograph",
            Severity::Danger,
            format!("This is not {}. “{shown_name}” imitates “{token}” with {}.", brand.home, describe_difference(shown_name, token)),
            shown_name.to_string(),
            brand.home,
        );
        return true;
    }
    if !name.is_ascii() || unicode_name != name {
        return false;
    }
    let typo = brand_with_token(|token| token.len() >= MIN_TYPO_TOKEN_LEN && damerau_levenshtein(name, token) == 1);
    let Some(brand) = typo else { return false };
    let token = brand.tokens.iter().find(|t| damerau_levenshtein(name, t) == 1).copied().unwrap_or(brand.tokens[0]);
    findings.lookalike(
        Layer::Domain,
        "typo",
        Severity::Caution,
        format!("This may not be {}. “{}” is one character away from “{token}”.", brand.home, shown_name),
        shown_name.to_string(),
        brand.home,
    );
    true
}

/// `paypal.account-check.com`: the brand's name as a label in front of someone else's domain.
fn check_brand_in_subdomain(host: &Host, findings: &mut Findings) -> bool {
    let labels: Vec<&str> = host.subdomain().split(['.', '-']).collect();
    let hit = brand_with_token(|token| token.len() >= MIN_SUBDOMAIN_TOKEN_LEN && labels.contains(&token));
    let Some(brand) = hit else { return false };
    findings.lookalike(
        Layer::Domain,
        "brand-in-subdomain",
        Severity::Caution,
        format!(
            "This is not {}. “{}” is written in front of {}, which does not belong to {}.",
            brand.home,
            brand.tokens[0],
            host.registrable().unwrap_or(&host.ascii),
            brand.name
        ),
        host.unicode.clone(),
        brand.home,
    );
    true
}

fn brand_with_token(mut matches: impl FnMut(&str) -> bool) -> Option<&'static Brand> {
    catalogue::brands().iter().find(|brand| brand.tokens.iter().any(|token| matches(token)))
}

/// The label as the user typed it, when `shown` contains it in another letter case.
fn shown_label<'a>(shown: &'a str, label: &'a str) -> &'a str {
    shown
        .char_indices()
        .map(|(at, _)| &shown[at..])
        .find_map(|rest| rest.get(..label.len()).filter(|candidate| candidate.eq_ignore_ascii_case(label)))
        .unwrap_or(label)
}

/// What a name looks like to a reader: characters that are easily confused map to one
/// representative, so `paypa1`, `pаypal` (Cyrillic а) and `paypal` share a skeleton.
/// A first cut of UTS #39 skeletons, covering the confusions scammers use most.
pub(crate) fn skeleton(name: &str) -> String {
    let mapped: String = name
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '0' | 'о' | 'ο' | 'օ' => 'o',
            '1' | 'i' | 'l' | 'ı' | 'і' | 'ӏ' | 'ι' | '|' => 'l',
            'а' | 'α' => 'a',
            'е' | 'ё' => 'e',
            'р' | 'ρ' => 'p',
            'с' | 'ϲ' => 'c',
            'х' | 'χ' => 'x',
            'у' | 'γ' => 'y',
            'ј' => 'j',
            'ԁ' => 'd',
            'ѕ' => 's',
            'һ' => 'h',
            'ԛ' => 'q',
            'ԝ' | 'ѡ' => 'w',
            'ν' => 'v',
            'κ' | 'к' => 'k',
            'τ' | 'т' => 't',
            'в' => 'b',
            'м' => 'm',
            'н' => 'h',
            other => other,
        })
        .collect();
    mapped.replace("rn", "m").replace("vv", "w")
}

/// "capital I in place of l", "Cyrillic а in place of a", "rn in place of m".
fn describe_difference(shown: &str, real: &str) -> String {
    let shown_chars: Vec<char> = shown.chars().collect();
    let real_chars: Vec<char> = real.chars().collect();
    let prefix = shown_chars.iter().zip(&real_chars).take_while(|(a, b)| a == b).count();
    let suffix = shown_chars[prefix..].iter().rev().zip(real_chars[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let fake: String = shown_chars[prefix..shown_chars.len() - suffix].iter().collect();
    let genuine: String = real_chars[prefix..real_chars.len() - suffix].iter().collect();
    if fake.chars().count() == 1 && genuine.chars().count() == 1 {
        let (f, g) = (fake.chars().next().unwrap_or(' '), genuine.chars().next().unwrap_or(' '));
        return format!("{} in place of {}", name_char(f), name_char(g));
    }
    let scripts: Vec<&str> = fake.chars().filter_map(script_of).collect();
    match scripts.first() {
        Some(script) if fake.chars().count() == genuine.chars().count() => {
            format!("{script} letters that look like Latin ones (“{fake}” in place of “{genuine}”)")
        }
        _ => format!("“{fake}” in place of “{genuine}”"),
    }
}

fn name_char(c: char) -> String {
    match c {
        'I' => "a capital I".into(),
        '0' => "a zero (0)".into(),
        '1' => "a one (1)".into(),
        c if script_of(c).is_some() => format!("{} “{c}”", script_of(c).unwrap_or("")),
        c => format!("“{c}”"),
    }
}

fn script_of(c: char) -> Option<&'static str> {
    match c as u32 {
        0x0370..=0x03FF => Some("a Greek"),
        0x0400..=0x052F => Some("a Cyrillic"),
        0x0530..=0x058F => Some("an Armenian"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeletons_merge_lookalike_characters() {
        let cases = [("paypa1", "paypal"), ("aiiexpress", "aliexpress"), ("arnazon", "amazon"), ("pаypal", "paypal"), ("amaz0n", "amazon")];
        for (fake, real) in cases {
            assert_eq!(skeleton(fake), skeleton(real), "{fake} should look like {real}");
        }
        assert_ne!(skeleton("ebay"), skeleton("eboy"));
    }

    #[test]
    fn describes_what_was_swapped() {
        let cases = [
            ("aIiexpress", "aliexpress", "a capital I in place of “l”"),
            ("amaz0n", "amazon", "a zero (0) in place of “o”"),
            ("arnazon", "amazon", "“rn” in place of “m”"),
            ("pаypal", "paypal", "a Cyrillic “а” in place of “a”"),
        ];
        for (shown, real, expected) in cases {
            assert_eq!(describe_difference(shown, real), expected, "{shown} vs {real}");
        }
    }

    #[test]
    fn shows_the_label_in_the_case_it_was_written() {
        assert_eq!(shown_label("http://aIiexpress.com/", "aiiexpress"), "aIiexpress");
        assert_eq!(shown_label("nothing here", "aiiexpress"), "aiiexpress");
    }
}
