//! The `link` layer: how the link is built, apart from whose name it borrows — script and
//! data URLs, `user@host` tricks, raw IP addresses, international characters.

use std::net::IpAddr;

use crate::host::Target;
use crate::verdict::{Findings, Layer, Severity};

pub(crate) fn check_target(target: &Target, findings: &mut Findings) {
    match target.scheme.as_str() {
        "javascript" | "vbscript" => findings.add(
            Layer::Link,
            "script-link",
            Severity::Danger,
            "This link runs code instead of opening a page.".into(),
            format!("{}:", target.scheme),
        ),
        "data" => findings.add(
            Layer::Link,
            "data-link",
            Severity::Caution,
            "This link carries a whole page inside itself, so no real site stands behind it.".into(),
            "data:".into(),
        ),
        _ => {}
    }
    let Some(host) = &target.host else { return };
    if let Some(userinfo) = &target.userinfo {
        // `https://paypal.com@evil.example/`: browsers go to evil.example; the text before @
        // is only there to be read.
        let (severity, message) = if userinfo.contains('.') {
            (Severity::Danger, format!("The link starts with “{userinfo}” to look trustworthy, but it really opens {}.", host.unicode))
        } else {
            (Severity::Caution, format!("The link carries a user name before the site name; it really opens {}.", host.unicode))
        };
        findings.add(Layer::Link, "userinfo", severity, message, format!("{userinfo}@"));
    }
    if host.is_ip && !is_local_ip(&host.ascii) {
        findings.add(
            Layer::Link,
            "ip-host",
            Severity::Caution,
            "The link goes to a bare IP address instead of a named site; shops and banks do not do that.".into(),
            host.ascii.clone(),
        );
    }
    if host.unicode != host.ascii {
        findings.add(
            Layer::Link,
            "international-name",
            Severity::Info,
            format!("The site name uses international characters: it shows as {} but is really {}.", host.unicode, host.ascii),
            host.ascii.clone(),
        );
    }
}

/// Routers, printers and the user's own machine live on these; warning there is noise.
fn is_local_ip(text: &str) -> bool {
    match text.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => ip.is_loopback() || ip.is_private() || ip.is_link_local(),
        Ok(IpAddr::V6(ip)) => ip.is_loopback() || (ip.segments()[0] & 0xfe00) == 0xfc00,
        Err(_) => false,
    }
}
