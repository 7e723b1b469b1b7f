//! The `link` layer: how the link is built, apart from whose name the host borrows — script
//! and data URLs, `user@host` tricks, raw IP addresses, international characters, shortened
//! links, addresses buried under many subdomains, and brand names in the path of a site that
//! is not the brand's. On a page, also links whose text shows another site than the one they
//! open, and login or card forms that post to another site.

use std::net::IpAddr;

use crate::catalogue;
use crate::code::Code;
use crate::findings::{Finding, Findings};
use crate::host::{self, Host, Target};
use crate::index::{official_owner, Index, Protection, MIN_TYPO_LEN};
use crate::messages::say;
use crate::page::{cut, Framed, PageForm, PageLink, Site, MAX_SHORT_TEXT_BYTES};
use crate::text;
use crate::verdict::{Layer, Severity};

/// Subdomain levels from which an address counts as buried (`a.b.c.d.e.example.com`).
const DEEP_SUBDOMAIN_LABELS: usize = 5;
/// How much of a path and query is read for brand names, and in how many pieces.
const MAX_REST_BYTES: usize = 2048;
const MAX_REST_SEGMENTS: usize = 64;
/// At most this many findings about a page's links are reported: a page with hundreds of bad
/// links is judged by the first few, and the rest is not worth the time.
const MAX_LINK_REASONS: usize = 4;
/// At most this many findings about a page's forms.
const MAX_FORM_REASONS: usize = 3;

/// Runs after the domain layer, whose findings (verified, trusted) it reads.
pub(crate) fn check_target(target: &Target, protection: &Protection, findings: &mut Findings) {
    match target.scheme.as_str() {
        "javascript" | "vbscript" => findings.add(
            Layer::Link,
            Code::ScriptLink,
            Severity::Danger,
            say!("script-link"),
            format!("{}:", target.scheme),
        ),
        "data" => findings.add(
            Layer::Link,
            Code::DataLink,
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
        findings.add(Layer::Link, Code::Userinfo, severity, message, format!("{userinfo}@"));
    }
    if host.is_ip && !is_local_ip(&host.ascii) {
        findings.add(
            Layer::Link,
            Code::IpHost,
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
            Code::Shortener,
            Severity::Caution,
            say!("shortener", registrable),
            registrable.to_string(),
        );
    }
    let depth = host.subdomain().split('.').filter(|l| !l.is_empty()).count();
    if depth >= DEEP_SUBDOMAIN_LABELS {
        findings.add(
            Layer::Link,
            Code::DeepSubdomain,
            Severity::Caution,
            say!("deep-subdomain", registrable, depth),
            host.unicode.clone(),
        );
    }
    let own_site = findings.verified || findings.reasons.iter().any(|r| r.code == Code::Trusted);
    if !own_site && !catalogue::is_popular(registrable) {
        check_brand_in_rest(host, &target.rest, protection, findings);
    }
    if host.unicode != host.ascii {
        findings.add(
            Layer::Link,
            Code::InternationalName,
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
            Code::BrandInPath,
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
/// A page's links to other sites: the domain their text shows, and the site they open.
/// `judge_site` gives the findings of a site's address (`https://host/`), as the domain and
/// link layers make them for a link on its own.
pub(crate) fn check_page_links(
    page: &Site,
    links: &[PageLink],
    indexes: &[&Index],
    mut judge_site: impl FnMut(&str) -> Option<Findings>,
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
                Code::Shortener,
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
        let Some(verdict) = judge_site(&site) else { continue };
        judged.insert(at, site);
        for mut reason in verdict.reasons {
            let keep = match reason.layer {
                Layer::Domain => reason.severity >= Severity::Caution,
                // (A brand named in the path is how news and shops link to articles about brands.)
                Layer::Link => {
                    matches!(reason.code, Code::Userinfo | Code::IpHost | Code::DeepSubdomain)
                }
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
    page: &Site,
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
    // The text must read as an address on its own ("paypal.com", "https://paypal.com/signin"),
    // not a sentence or a name that holds one ("Powered by WordPress.com VIP", "Read our
    // story on example.com"): those say where a story is from, not where the link goes.
    let bare = text.trim_matches(|c: char| c.is_whitespace() || "()[]{}<>\"'«».,:;!?".contains(c));
    if !bare.eq_ignore_ascii_case(&shown.written) {
        return None;
    }
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
                code: Code::LinkTextMismatch,
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
                code: Code::LinkTextMismatch,
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
pub(crate) fn check_forms(
    page: &Site,
    forms: &[PageForm],
    indexes: &[&Index],
    findings: &mut Findings,
) {
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
            Code::FormForeignHost,
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
