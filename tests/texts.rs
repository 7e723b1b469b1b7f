//! The message table in tests/data/texts.tsv: scams are caught with the right reason, and
//! ordinary and genuine brand messages stay safe.

use wary::{analyze_text, Level};

mod common;
use common::{assert_none_failed, level_named, table_rows};

#[test]
fn message_table() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in table_rows(include_str!("data/texts.tsv")) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [message, level, lookalike_of, code] = fields[..] else {
            panic!("tests/data/texts.tsv: expected 4 tab-separated fields in {line:?}");
        };
        cases += 1;
        let verdict = analyze_text(&message.replace("\\n", "\n"));
        let want = level_named(level).unwrap_or_else(|| panic!("unknown level {level:?}"));
        let codes: Vec<&str> = verdict.reasons.iter().map(|r| r.code).collect();
        let want_lookalike = (lookalike_of != "-").then_some(lookalike_of);
        if verdict.level != want
            || verdict.lookalike_of.as_deref() != want_lookalike
            || (code != "-" && !codes.contains(&code))
        {
            failures.push(format!("{message}\n    got {:?}, lookalike_of {:?}, reasons {codes:?}; want {level}, {lookalike_of}, {code}", verdict.level, verdict.lookalike_of));
        }
    }
    assert!(cases >= 80, "only {cases} cases");
    assert_none_failed(&failures, cases, "messages");
}

#[test]
fn evidence_quotes_the_words_as_written() {
    let verdict = analyze_text("Pay by W.e.s.t.e.r.n Uni0n within 24 hours");
    let evidence: Vec<&str> = verdict.reasons.iter().map(|r| r.evidence.as_str()).collect();
    assert!(
        evidence.contains(&"W.e.s.t.e.r.n Uni0n") && evidence.contains(&"within 24 hours"),
        "{evidence:?}"
    );
    assert_eq!(verdict.level, Level::Danger, "{:?}", verdict.reasons);
    assert!(
        verdict.advice.contains("gift card, crypto"),
        "the advice follows the payment finding: {}",
        verdict.advice
    );
}

/// Hostile texts get a verdict, never a panic; past the 200 KB cap the verdict says what was cut
/// (how the time stays bounded: `benches/sizes.rs` measures it, tests do not time it).
#[test]
fn bad_input_gets_an_explained_verdict() {
    let megabyte_line = "a".repeat(1 << 20);
    let long_words = "Western Union gift card 2TB 90% $1 0900123456 ".repeat(25_000); // ~1.2 MB of cues
    let binaryish: String = (0u8..=255).cycle().take(300_000).map(char::from).collect();
    let rtl = "\u{202B}مرحبا، طردك محجوز في الجمارك. ادفع الرسوم الآن\u{202C} שלום ".repeat(2_000);
    let emoji = "🎁🎉💰🔥".repeat(50_000);
    // One clause of 200 KB that addresses the reader, claims, asks for fees (every clause-level
    // rule reads it), and runs of IBAN-shaped groups that never pass the check.
    let one_clause = "please pay your card fee 1.99 your account suspended and send ".repeat(3_500);
    let iban_shaped = "DE89 3704 0044 0532 0130 0 GB82 WEST 1234 ".repeat(5_000);
    for (name, text) in [
        ("one long clause", &one_clause),
        ("IBAN-shaped", &iban_shaped),
        ("megabyte line", &megabyte_line),
        ("cue-dense", &long_words),
        ("binary-ish", &binaryish),
        ("RTL", &rtl),
        ("emoji", &emoji),
    ] {
        let verdict = analyze_text(text);
        assert!(verdict.score <= 100, "{name}");
        let cut = verdict.reasons.iter().any(|r| r.code == "text-truncated");
        assert_eq!(
            cut,
            text.len() > 200 * 1024,
            "{name}: {} bytes, and a truncation note only past 200 KB",
            text.len()
        );
        assert!(
            verdict.reasons.iter().all(|r| r.evidence.chars().count() <= 81),
            "{name}: evidence stays short"
        );
    }
    assert_eq!(analyze_text("🎁🎉💰🔥").level, Level::Safe, "emoji only");
    assert_eq!(analyze_text("").level, Level::Safe, "empty");
}

/// A text's first 64 distinct links are judged; past them the verdict says the rest was not.
#[test]
fn links_past_the_64th_are_noted() {
    let links = |count: usize| {
        (0..count).map(|i| format!("https://shop{i}.example.org/")).collect::<Vec<_>>().join(" ")
    };
    for (count, noted) in [(0, false), (64, false), (65, true), (1000, true)] {
        let verdict = analyze_text(&links(count));
        let note = verdict.reasons.iter().find(|r| r.code == "text-links-truncated");
        assert_eq!(note.is_some(), noted, "{count} links: {:?}", verdict.reasons);
        if let Some(note) = note {
            assert!(
                note.message.contains("first 64 links") && note.severity == wary::Severity::Info,
                "{count} links: {note:?}"
            );
        }
    }
    let late_lookalike = format!("{} and finally paypa1.com", links(64));
    assert!(
        analyze_text(&late_lookalike).reasons.iter().all(|r| r.code != "homograph"),
        "the 65th link is not judged"
    );
}

#[test]
fn odd_and_huge_texts_get_a_verdict() {
    let huge = "Pay at paypal-login.example now. ".repeat(400_000); // ~13 MB
    let verdict = analyze_text(&huge);
    assert!(verdict.reasons.iter().any(|r| r.code == "text-truncated"), "truncation is reported");
    for odd in [
        "",
        " ",
        "\u{0}\u{1}\u{2}",
        "🙂🙂🙂",
        "\u{202e}moc.lapyap",
        "((((((((",
        "http://",
        "[.][.][.]",
        "a.b.c.d",
    ] {
        let verdict = analyze_text(odd);
        assert!(verdict.score <= 100, "{odd:?}");
    }
}
