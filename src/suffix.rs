//! The Public Suffix List (ICANN section): which part of a host name is a public suffix, and
//! so which part is the registrable domain (eTLD+1) that one owner controls.
//!
//! The rules are compiled by build.rs into one sorted, newline-separated string (~75 KB, no
//! per-rule pointers) and searched by bisection over its bytes; a lookup touches a few dozen
//! bytes per candidate suffix and allocates nothing.

mod table {
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
    // Label start offsets, right to left: candidates are host[starts[i]..].
    let starts: Vec<usize> = std::iter::once(0).chain(host.match_indices('.').map(|(i, _)| i + 1)).collect();
    let mut suffix_labels = 1; // the implicit "*" rule
    for (labels, &start) in starts.iter().rev().enumerate() {
        let labels = labels + 1;
        let candidate = &host[start..];
        if contains_rule("!", candidate) {
            // An exception rule's suffix is the candidate minus its first label.
            suffix_labels = labels - 1;
            break;
        }
        if contains_rule("", candidate) {
            suffix_labels = labels;
        }
        if let Some(dot) = candidate.find('.') {
            if contains_rule("*.", &candidate[dot + 1..]) {
                suffix_labels = labels;
            }
        }
    }
    let domain_labels = suffix_labels + 1;
    (starts.len() >= domain_labels).then(|| host.len() - starts[starts.len() - domain_labels])
}

fn contains_rule(prefix: &str, name: &str) -> bool {
    let rules = table::RULES.as_bytes();
    let (mut low, mut high) = (0, rules.len());
    // Invariant: `low` is at the start of a line; every line wholly before `low` sorts
    // below the key and every line starting at or after `high` sorts above it.
    while low < high {
        let middle = low + (high - low) / 2;
        let start = rules[low..middle].iter().rposition(|&b| b == b'\n').map_or(low, |at| low + at + 1);
        let end = rules[middle..].iter().position(|&b| b == b'\n').map_or(rules.len(), |at| middle + at);
        match compare_rule(&rules[start..end], prefix.as_bytes(), name.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = start,
        }
    }
    false
}

/// Compares a rule with `prefix + name` without building the concatenation.
fn compare_rule(rule: &[u8], prefix: &[u8], name: &[u8]) -> std::cmp::Ordering {
    rule.iter().cmp(prefix.iter().chain(name.iter()))
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
        const EXPECTED_FAILURES: &[&str] = &["uk.com", "example.uk.com", "b.example.uk.com", "a.b.example.uk.com"];
        let cases = include_str!("../tests/data/public_suffix_tests.txt");
        let mut checked = 0;
        for line in cases.lines().filter(|l| l.starts_with("checkPublicSuffix(")) {
            let args = &line["checkPublicSuffix(".len()..line.len() - 2];
            let (input, expected) = args.split_once(", ").expect("two arguments");
            let unquote = |s: &str| (s != "null").then(|| s.trim_matches('\'').to_string());
            let Some(input) = unquote(input) else { continue };
            let ascii = idna::domain_to_ascii(&input).unwrap_or_else(|_| input.to_ascii_lowercase());
            let expected = unquote(expected).map(|e| idna::domain_to_ascii(&e).expect("valid expected domain"));
            let passed = registrable(&ascii).map(str::to_string) == expected;
            let listed = EXPECTED_FAILURES.contains(&input.as_str());
            assert!(passed != listed, "{input:?}: expected {expected:?}, got {:?}{}", registrable(&ascii), if listed { " (listed as an expected failure, but passes)" } else { "" });
            checked += 1;
        }
        assert!(checked > 70, "only {checked} conformance cases found");
    }

    #[test]
    fn every_rule_is_found_and_the_table_is_sorted() {
        let rules: Vec<&str> = table::RULES.split('\n').collect();
        assert!(rules.len() > 6000, "expected the whole ICANN section, got {} rules", rules.len());
        assert!(rules.windows(2).all(|pair| pair[0] < pair[1]), "rules must be sorted and unique");
        for rule in rules {
            assert!(contains_rule("", rule), "rule {rule:?} not found by bisection");
        }
        assert!(!contains_rule("", "not-a-suffix-at-all"));
    }
}
