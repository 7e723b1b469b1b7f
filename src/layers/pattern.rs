//! The `pattern` layer: known scam scripts. So far, impersonation — a message that speaks as
//! a brand (names it, even written `P@yPaI`) while its links lead to sites that are not the
//! brand's. The scam-script cues (customs fees, fake order alerts, task scams) come next.

use crate::host;
use crate::index::{Entry, Index};
use crate::skeleton::skeleton_with;
use crate::text::{fold, FoundLink};
use crate::verdict::{Findings, Layer, Severity, Verdict};

/// Brand names shorter than this count only when written in capitals (`DHL`, `UPS`): in
/// lowercase they are too often ordinary words (`ups and downs`).
const MIN_LOWERCASE_BRAND_LEN: usize = 4;
/// Brand names spelled as up to this many words (`bank of america`, `western union`).
const MAX_BRAND_WORDS: usize = 3;

pub(crate) fn check_impersonation(text: &str, index: &Index, links: &[(&FoundLink, Verdict)], findings: &mut Findings) {
    if links.is_empty() {
        return; // nothing to compare the brand with
    }
    let Some((entry, written)) = brand_named_in(text, index) else { return };
    let belongs = |link: &FoundLink| {
        host::parse_target(&link.link)
            .ok()
            .and_then(|target| target.host)
            .and_then(|host| host.registrable().and_then(|r| index.owner_of(r)).map(|owner| owner.home == entry.home))
            .unwrap_or(false)
    };
    if links.iter().any(|(link, _)| belongs(link)) {
        return; // it links to the brand's own site
    }
    let (first, _) = &links[0];
    findings.add(
        Layer::Pattern,
        "impersonation",
        Severity::Caution,
        format!(
            "The message speaks as {}, but its links do not lead to {}: {} is not {}'s.",
            entry.name, entry.home, first.written, entry.name
        ),
        written.to_string(),
    );
    findings.lookalike_of.get_or_insert_with(|| entry.home.to_string());
}

/// The first catalogue brand the text names, and the words as written.
pub(crate) fn brand_named_in<'t, 'i>(text: &'t str, index: &'i Index) -> Option<(&'i Entry, &'t str)> {
    let folded = fold(text);
    let words: Vec<(usize, &str)> = folded.text.split(' ').scan(0, |at, word| {
        let start = *at;
        *at += word.len() + 1;
        Some((start, word))
    }).collect();
    for start in 0..words.len() {
        let mut joined = String::new();
        for count in 1..=MAX_BRAND_WORDS.min(words.len() - start) {
            let (offset, word) = words[start + count - 1];
            joined.push_str(word);
            let Some(hit) = index.with_skeleton(&skeleton_with(&joined, crate::confusables::lookalike_of)) else { continue };
            let token = index.token(hit);
            let written = folded.original(text, words[start].0..offset + word.len());
            let shouted = written.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            if token.generic || (token.text.len() < MIN_LOWERCASE_BRAND_LEN && !shouted) {
                continue;
            }
            return Some((index.entry(hit), written));
        }
    }
    None
}
