//! The `link` layer: how the link is built, apart from whose name the host borrows — script
//! and data URLs, `user@host` tricks, raw IP addresses, international characters, shortened
//! links, addresses buried under many subdomains, and brand names in the path of a site that
//! is not the brand's.

use std::net::IpAddr;

use crate::catalogue;
use crate::host::{Host, Target};
use crate::index::MIN_TYPO_LEN;
use crate::layers::domain::Protection;
use crate::messages::say;
use crate::verdict::{Findings, Layer, Severity};

/// Subdomain levels from which an address counts as buried (`a.b.c.d.e.example.com`).
const DEEP_SUBDOMAIN_LABELS: usize = 5;
/// How much of a path and query is read for brand names, and in how many pieces.
const MAX_REST_BYTES: usize = 2048;
const MAX_REST_SEGMENTS: usize = 64;

/// Runs after the domain layer, whose findings (verified, trusted) it reads.
pub(crate) fn check_target(target: &Target, protection: &Protection, findings: &mut Findings) {
    match target.scheme.as_str() {
        "javascript" | "vbscript" => findings.add(
            Layer::Link,
            "script-link",
            Severity::Danger,
            say!("script-link"),
            format!("{}:", target.scheme),
        ),
        "data" => findings.add(
            Layer::Link,
            "data-link",
            Severity::Caution,
            say!("data-link"),
            "data:".into(),
        ),
        _ => {}
    }
    let Some(host) = &target.host else { return };
    if let Some(userinfo) = &target.userinfo {
        // `https://paypal.com@evil.example/`: browsers go to evil.example; the text before @
        // is only there to be read.
        let (severity, message) = if userinfo.contains('.') {
            (Severity::Danger, say!("userinfo", userinfo, &host.unicode))
        } else {
            (Severity::Caution, say!("userinfo.name", &host.unicode))
        };
        findings.add(Layer::Link, "userinfo", severity, message, format!("{userinfo}@"));
    }
    if host.is_ip && !is_local_ip(&host.ascii) {
        findings.add(
            Layer::Link,
            "ip-host",
            Severity::Caution,
            say!("ip-host"),
            host.ascii.clone(),
        );
    }
    let registrable = host.registrable().unwrap_or("");
    // A shortened link hides where it goes; the shortener's own home page does not.
    let shortened = !matches!(target.rest.as_str(), "" | "/");
    if shortened && catalogue::is_shortener(registrable) {
        findings.add(
            Layer::Link,
            "shortener",
            Severity::Caution,
            say!("shortener", registrable),
            registrable.to_string(),
        );
    }
    let depth = host.subdomain().split('.').filter(|l| !l.is_empty()).count();
    if depth >= DEEP_SUBDOMAIN_LABELS {
        findings.add(
            Layer::Link,
            "deep-subdomain",
            Severity::Caution,
            say!("deep-subdomain", registrable, depth),
            host.unicode.clone(),
        );
    }
    let own_site = findings.verified || findings.reasons.iter().any(|r| r.code == "trusted");
    if !own_site && !catalogue::is_popular(registrable) {
        check_brand_in_rest(host, &target.rest, protection, findings);
    }
    if host.unicode != host.ascii {
        findings.add(
            Layer::Link,
            "international-name",
            Severity::Info,
            say!("international-name", &host.unicode, &host.ascii),
            host.ascii.clone(),
        );
    }
}

/// `http://203.0.113.7/www.paypal.com/signin`, `https://x.example/amazon/refund`: a brand's
/// domain or distinctive name in the path or query of a site that is not the brand's.
fn check_brand_in_rest(host: &Host, rest: &str, protection: &Protection, findings: &mut Findings) {
    let rest = &rest[..floor_char_boundary(rest, MAX_REST_BYTES)];
    let segments = rest
        .split(['/', '?', '&', '=', '#', '+'])
        .filter(|s| !s.is_empty())
        .take(MAX_REST_SEGMENTS);
    for segment in segments {
        let segment = segment.to_ascii_lowercase();
        let domain = segment.strip_prefix("www.").unwrap_or(&segment);
        let official = protection.indexes.iter().find_map(|index| index.owner_of(domain));
        let named = || {
            segment.split(['.', '-', '_']).find_map(|piece| {
                protection.indexes.iter().find_map(|index| {
                    let hit = index.exact(piece)?;
                    let token = index.token(hit);
                    (!token.generic && token.text.len() >= MIN_TYPO_LEN).then(|| index.entry(hit))
                })
            })
        };
        let Some(entry) = official.or_else(named) else { continue };
        let site = host.registrable().unwrap_or(&host.ascii);
        findings.lookalike(
            Layer::Link,
            "brand-in-path",
            Severity::Caution,
            say!("brand-in-path", &entry.name, site),
            segment.clone(),
            &entry.home,
        );
        return;
    }
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

/// Routers, printers and the user's own machine live on these; warning there is noise.
fn is_local_ip(text: &str) -> bool {
    match text.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => ip.is_loopback() || ip.is_private() || ip.is_link_local(),
        Ok(IpAddr::V6(ip)) => ip.is_loopback() || (ip.segments()[0] & 0xfe00) == 0xfc00,
        Err(_) => false,
    }
}
