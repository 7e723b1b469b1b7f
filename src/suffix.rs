//! The Public Suffix List (ICANN section): which part of a host name is a public suffix, and
//! so which part is the registrable domain (eTLD+1) that one owner controls.
//!
//! The rules are compiled by build.rs into sets of hashes ([`crate::lines::NameSet`], 18 KB
//! for ~7,000 rules): a label costs one bucket lookup.

mod table {
    use crate::lines::NameSet;
    include!(concat!(env!("OUT_DIR"), "/suffixes.rs"));
}

/// The length in bytes of the registrable domain at the end of `host` (ASCII, lowercase,
/// no trailing dot), or `None` when the host is itself a public suffix or malformed.
///
/// Follows the PSL algorithm: the longest matching rule wins, exception rules (`!`) beat
/// wildcards (`*.`), and an unlisted TLD counts as a one-label suffix.
pub(crate) fn registrable_len(host: &str) -> Option<usize> {
    if host.is_empty() || host.starts_with('.') || host.ends_with('.') || host.contains("..") {
        return None;
    }
    // Candidates right to left: `com`, `example.com`, `www.example.com`; `labels` counts
    // them, `starts` is where each begins (no allocation: walked from the dots).
    let mut starts = host.rmatch_indices('.').map(|(at, _)| at + 1).chain(std::iter::once(0));
    let mut suffix_labels = 1; // the implicit "*" rule
    let mut labels = 0;
    for start in starts.by_ref() {
        labels += 1;
        let candidate = &host[start..];
        if table::EXCEPTIONS.contains(candidate) {
            // An exception rule's suffix is the candidate minus its first label.
            suffix_labels = labels - 1;
            break;
        }
        if table::RULES.contains(candidate) {
            suffix_labels = labels;
        }
        if let Some(dot) = candidate.find('.') {
            if table::WILDCARDS.contains(&candidate[dot + 1..]) {
                suffix_labels = labels;
            }
        }
        if !table::PARENTS.contains(candidate) {
            break; // no rule goes deeper below this name
        }
    }
    // The registrable domain is the suffix plus one more label, if the host has one.
    let total_labels = host.matches('.').count() + 1;
    if total_labels <= suffix_labels {
        return None;
    }
    let dots_to_skip = total_labels - suffix_labels - 1;
    let start = if dots_to_skip == 0 {
        0
    } else {
        host.match_indices('.').nth(dots_to_skip - 1).map_or(0, |(at, _)| at + 1)
    };
    Some(host.len() - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registrable(host: &str) -> Option<&str> {
        registrable_len(host).map(|len| &host[host.len() - len..])
    }

    #[test]
    fn finds_registrable_domains() {
        let cases = [
            ("example.com", Some("example.com")),
            ("www.example.com", Some("example.com")),
            ("com", None),
            ("amazon.co.uk", Some("amazon.co.uk")),
            ("www.amazon.co.uk", Some("amazon.co.uk")),
            ("co.uk", None),
            ("aliexpress.com.secure-login.ru", Some("secure-login.ru")),
            ("example.unlistedtld", Some("example.unlistedtld")),
            ("a.b.example.ck", Some("b.example.ck")), // *.ck
            ("www.ck", Some("www.ck")),               // !www.ck
            ("x.www.ck", Some("www.ck")),
            ("", None),
            (".com", None),
            ("a..com", None),
        ];
        for (host, expected) in cases {
            assert_eq!(registrable(host), expected, "registrable domain of {host:?}");
        }
    }

    /// The upstream conformance cases (tests/data/public_suffix_tests.txt, verbatim), run on
    /// ASCII forms as the engine sees them. Cases listed in EXPECTED_FAILURES must keep failing,
    /// so the list cannot rot.
    #[test]
    fn passes_the_upstream_conformance_cases() {
        // uk.com is a rule of the PSL's PRIVATE section, which Wary leaves out on purpose: a
        // private suffix (a registry run by a company) does not make its customers' sites
        // independent of it for our checks.
        const EXPECTED_FAILURES: &[&str] =
            &["uk.com", "example.uk.com", "b.example.uk.com", "a.b.example.uk.com"];
        let cases = include_str!("../tests/data/public_suffix_tests.txt");
        let mut checked = 0;
        for line in cases.lines().filter(|l| l.starts_with("checkPublicSuffix(")) {
            let args = &line["checkPublicSuffix(".len()..line.len() - 2];
            let (input, expected) = args.split_once(", ").expect("two arguments");
            let unquote = |s: &str| (s != "null").then(|| s.trim_matches('\'').to_string());
            let Some(input) = unquote(input) else { continue };
            let ascii =
                uts46::domain_to_ascii(&input).unwrap_or_else(|_| input.to_ascii_lowercase());
            let expected = unquote(expected)
                .map(|e| uts46::domain_to_ascii(&e).expect("valid expected domain"));
            let passed = registrable(&ascii).map(str::to_string) == expected;
            let listed = EXPECTED_FAILURES.contains(&input.as_str());
            assert!(
                passed != listed,
                "{input:?}: expected {expected:?}, got {:?}{}",
                registrable(&ascii),
                if listed { " (listed as an expected failure, but passes)" } else { "" }
            );
            checked += 1;
        }
        assert!(checked > 70, "only {checked} conformance cases found");
    }

    #[test]
    fn the_tables_hold_the_whole_icann_section() {
        let rules = include_str!("../data/public_suffix_list.dat");
        let icann = rules
            .split("===BEGIN ICANN DOMAINS===")
            .nth(1)
            .unwrap()
            .split("===END ICANN DOMAINS===")
            .next()
            .unwrap();
        let count = icann.lines().filter(|l| !l.trim().is_empty() && !l.starts_with("//")).count();
        assert!(count > 6000, "expected the whole ICANN section, got {count} rules");
        for rule in ["com", "co.uk", "kyoto.jp", "xn--p1ai"] {
            assert!(table::RULES.contains(rule), "rule {rule:?}");
        }
        assert!(
            table::WILDCARDS.contains("ck")
                && table::EXCEPTIONS.contains("www.ck")
                && table::PARENTS.contains("jp")
        );
        assert!(!table::RULES.contains("not-a-suffix-at-all"));
    }
}
