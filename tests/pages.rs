//! Page verdicts: the fixtures in tests/data/pages/ (each a JSON file with the page facts and
//! the expected verdict), the caps on what a page may send, and `wary page` on the command line.

use std::path::Path;

use serde_json::Value;
use wary::{
    analyze_page, Level, PageFacts, PageForm, PageLink, Severity, MAX_PAGE_FORMS, MAX_PAGE_LINKS,
    MAX_PAGE_TEXT_BYTES,
};

mod common;
use common::{assert_none_failed, assert_success, wary};

fn level_name(level: Level) -> &'static str {
    level.as_str()
}

/// Checks one fixture; returns what went wrong, if anything.
fn check_fixture(name: &str, fixture: &Value) -> Vec<String> {
    let facts: PageFacts = serde_json::from_value(fixture["facts"].clone())
        .unwrap_or_else(|e| panic!("{name}: bad facts: {e}"));
    let expect = &fixture["expect"];
    let verdict = analyze_page(&facts);
    let codes: Vec<&str> = verdict.reasons.iter().map(|r| r.code).collect();
    let mut wrong = Vec::new();
    let want_level =
        expect["level"].as_str().unwrap_or_else(|| panic!("{name}: expect.level missing"));
    if level_name(verdict.level) != want_level {
        wrong.push(format!("level {} (want {want_level})", level_name(verdict.level)));
    }
    if let Some(verified) = expect["verified"].as_bool() {
        if verdict.verified != verified {
            wrong.push(format!("verified {} (want {verified})", verdict.verified));
        }
    }
    if expect.get("lookalike_of").is_some() {
        let want = expect["lookalike_of"].as_str();
        if verdict.lookalike_of.as_deref() != want {
            wrong.push(format!("lookalike_of {:?} (want {want:?})", verdict.lookalike_of));
        }
    }
    for code in expect["codes"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        if !codes.contains(&code) {
            wrong.push(format!("no reason {code}"));
        }
    }
    for code in expect["absent"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        if codes.contains(&code) {
            wrong.push(format!("unwanted reason {code}"));
        }
    }
    if let Some(words) = expect["message_contains"].as_str() {
        if !verdict.reasons.iter().any(|r| r.message.contains(words)) {
            wrong.push(format!("no message containing {words:?}"));
        }
    }
    if !wrong.is_empty() {
        let messages: Vec<String> = verdict
            .reasons
            .iter()
            .map(|r| format!("{}/{} {:?}: {}", r.code, r.evidence, r.severity, r.message))
            .collect();
        wrong.push(format!("reasons: {messages:#?}"));
    }
    wrong
}

#[test]
fn page_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/pages")
        .map(|e| e.expect("dir entry").path())
        .collect();
    names.sort();
    let mut failures = Vec::new();
    let mut cases = 0;
    for path in names.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        cases += 1;
        let wrong = check_fixture(&name, &fixture);
        if !wrong.is_empty() {
            failures.push(format!(
                "{name} ({}):\n      {}",
                fixture["why"].as_str().unwrap_or(""),
                wrong.join("\n      ")
            ));
        }
    }
    assert!(cases >= 12, "only {cases} page fixtures in {}", dir.display());
    assert_none_failed(&failures, cases, "page fixtures");
}

fn links(
    count: usize,
    href: impl Fn(usize) -> String,
    text: impl Fn(usize) -> String,
) -> Vec<PageLink> {
    (0..count).map(|i| PageLink { href: href(i), text: text(i) }).collect()
}

#[test]
fn oversized_pages_are_cut_and_say_so() {
    let facts = PageFacts {
        url: "https://myblog-reviews.net/huge".into(),
        text: "Wireless earbuds for sale, ünïcödé 🙂 ".repeat(300_000), // ~12 MB
        links: links(
            10_000,
            |i| format!("https://site{i}.example.org/page"),
            |i| format!("site{i}.example.org"),
        ),
        forms: vec![PageForm::default(); 5_000],
        ..PageFacts::default()
    };
    let verdict = analyze_page(&facts);
    let codes: Vec<&str> = verdict.reasons.iter().map(|r| r.code).collect();
    for code in ["page-text-truncated", "page-links-truncated", "page-forms-truncated"] {
        assert!(codes.contains(&code), "a page over the caps should report {code}; got {codes:?}");
    }
    let links_note = verdict.reasons.iter().find(|r| r.code == "page-links-truncated").unwrap();
    assert!(
        links_note.message.contains(&format!("first {MAX_PAGE_LINKS} of the page's 10000")),
        "{}",
        links_note.message
    );
    assert!(verdict
        .reasons
        .iter()
        .find(|r| r.code == "page-forms-truncated")
        .unwrap()
        .message
        .contains(&MAX_PAGE_FORMS.to_string()));
    assert_eq!(verdict.level, Level::Safe, "caps are information, not alarms: {codes:?}");
    let text_note = verdict.reasons.iter().find(|r| r.code == "page-text-truncated").unwrap();
    assert!(
        text_note.message.contains(&format!("first {} KB", MAX_PAGE_TEXT_BYTES / 1024)),
        "{}",
        text_note.message
    );
    assert_eq!(MAX_PAGE_TEXT_BYTES / 1024, 200, "the page text cap is the 200 KB the issue sets");
}

/// Past their caps, a page's title, headings, link texts and addresses are cut or skipped, and
/// one note says so; a page within every cap gets none.
#[test]
fn every_cut_in_page_facts_is_noted() {
    let base = || PageFacts {
        url: "https://myblog-reviews.net/a".into(),
        title: "My blog".into(),
        ..PageFacts::default()
    };
    let long_text = "Deals ".repeat(683); // 4,098 bytes
    let huge_address = format!("https://example.org/{}", "a".repeat(64 * 1024));
    let link = |href: &str, text: &str| vec![PageLink { href: href.into(), text: text.into() }];
    let cases: Vec<(&str, PageFacts, bool)> = vec![
        (
            "within the caps",
            PageFacts {
                title: "t".repeat(4096),
                headings: vec!["h".repeat(4096); 64],
                links: link("https://s.example.org/", &"a".repeat(4096)),
                ..base()
            },
            false,
        ),
        ("a 4,098-byte title", PageFacts { title: long_text.clone(), ..base() }, true),
        ("65 headings", PageFacts { headings: vec!["Welcome".into(); 65], ..base() }, true),
        ("a 4,098-byte heading", PageFacts { headings: vec![long_text.clone()], ..base() }, true),
        (
            "a 4,098-byte link text",
            PageFacts { links: link("https://example.org/", &long_text), ..base() },
            true,
        ),
        ("a 64 KB link address", PageFacts { links: link(&huge_address, "more"), ..base() }, true),
        (
            "a 64 KB form address",
            PageFacts {
                forms: vec![PageForm {
                    action: huge_address.clone(),
                    has_password: true,
                    has_card: false,
                }],
                ..base()
            },
            true,
        ),
        ("a 64 KB page address", PageFacts { url: huge_address.clone(), ..base() }, true),
    ];
    for (name, facts, noted) in cases {
        let verdict = analyze_page(&facts);
        let notes: Vec<_> =
            verdict.reasons.iter().filter(|r| r.code == "page-facts-truncated").collect();
        assert_eq!(notes.len(), usize::from(noted), "{name}: {:#?}", verdict.reasons);
        assert!(notes.iter().all(|r| r.severity == Severity::Info), "{name}: a cut is information");
        for note in notes {
            for cap in ["first 64 headings", "first 4096 bytes", "up to 64 KB"] {
                assert!(
                    note.message.contains(cap),
                    "{name}: {:?} should name the cap {cap:?}",
                    note.message
                );
            }
        }
    }
}

#[test]
fn many_bad_links_report_a_few_reasons() {
    let facts = PageFacts {
        url: "https://myblog-reviews.net/".into(),
        links: links(
            10_000,
            |i| format!("http://paypal.com.verify{i}.example.org/"),
            |_| "https://www.paypal.com/".into(),
        ),
        ..PageFacts::default()
    };
    let verdict = analyze_page(&facts);
    assert_eq!(verdict.level, Level::Danger);
    assert!(verdict.reasons.len() <= 8, "a few reasons, not thousands: {}", verdict.reasons.len());
}

#[test]
fn odd_facts_get_a_verdict() {
    let long = "x".repeat(100 * 1024);
    let odd_strings = [
        "",
        " ",
        "\u{0}",
        "\u{202e}moc.lapyap",
        "javascript:alert(1)",
        "data:text/html,hi",
        "http://",
        "//evil.example",
        "🙂🙂",
        long.as_str(),
        "http://[::1]/",
        "http://999.999.999.999/",
    ];
    for odd in odd_strings {
        let facts = PageFacts {
            url: odd.into(),
            title: odd.into(),
            text: odd.into(),
            headings: vec![odd.into(); 100],
            links: vec![PageLink { href: odd.into(), text: odd.into() }; 50],
            forms: vec![PageForm { action: odd.into(), has_password: true, has_card: true }; 10],
        };
        let verdict = analyze_page(&facts);
        assert!(verdict.score <= 100, "{:?}", odd.get(..20));
        assert!(verdict.input.len() <= 2048, "the echoed address is bounded");
    }
}

#[test]
fn cli_judges_page_facts() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pages/cloned-aliexpress-card-form.json");
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    let facts = fixture["facts"].to_string();
    let output = wary(&["page", "--json", "-"], facts.as_bytes());
    assert_success(&output);
    let verdict: Value = serde_json::from_slice(&output.stdout).expect("one JSON verdict");
    assert_eq!(verdict["level"], "danger", "{verdict}");
    assert_eq!(verdict["lookalike_of"], "aliexpress.com", "{verdict}");
    assert_eq!(verdict["input"], "http://aliexpress-deals.shop/checkout");

    let human = wary(&["page"], facts.as_bytes());
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.starts_with("danger "), "human output starts with the level: {text}");
    assert!(text.contains("looks like AliExpress"), "{text}");
}

#[test]
fn cli_rejects_what_is_not_page_facts() {
    let cases: [(&[u8], &str); 4] = [
        (b"garbage", "expected value"),
        (b"\xff\xfe\x00", "expected value"),
        (br#"["not", "an", "object"]"#, "invalid type"),
        (br#"{"url": 42}"#, "invalid type"),
    ];
    for (input, words) in cases {
        let output = wary(&["page", "--json"], input);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{:?}: exit 1 for unreadable facts; stderr {stderr}",
            String::from_utf8_lossy(input)
        );
        assert!(
            stderr.contains("not page facts") && stderr.contains(words),
            "{:?}: a clear error, got {stderr}",
            String::from_utf8_lossy(input)
        );
        assert!(output.stdout.is_empty(), "no verdict for unreadable facts");
    }
    let missing = wary(&["page", "/nonexistent/facts.json"], b"");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/facts.json"));
    let usage = wary(&["page", "--bogus"], b"");
    assert_eq!(usage.status.code(), Some(2), "unknown option is a usage error");
}
