//! The message table in tests/data/texts.tsv: scams are caught with the right reason, and
//! ordinary and genuine brand messages stay safe.

use wary::{analyze_text, Level};

#[test]
fn message_table() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in include_str!("data/texts.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [message, level, lookalike_of, code] = fields[..] else {
            panic!("tests/data/texts.tsv: expected 4 tab-separated fields in {line:?}");
        };
        cases += 1;
        let verdict = analyze_text(&message.replace("\\n", "\n"));
        let want = match level {
            "safe" => Level::Safe,
            "caution" => Level::Caution,
            "danger" => Level::Danger,
            other => panic!("unknown level {other:?}"),
        };
        let codes: Vec<&str> = verdict.reasons.iter().map(|r| r.code).collect();
        let want_lookalike = (lookalike_of != "-").then_some(lookalike_of);
        if verdict.level != want || verdict.lookalike_of.as_deref() != want_lookalike || (code != "-" && !codes.contains(&code)) {
            failures.push(format!("{message}\n    got {:?}, lookalike_of {:?}, reasons {codes:?}; want {level}, {lookalike_of}, {code}", verdict.level, verdict.lookalike_of));
        }
    }
    assert!(cases >= 12, "only {cases} cases");
    assert!(failures.is_empty(), "{} of {cases} failed:\n  {}", failures.len(), failures.join("\n  "));
}

#[test]
fn odd_and_huge_texts_get_a_verdict() {
    let huge = "Pay at paypal-login.example now. ".repeat(400_000); // ~13 MB
    let verdict = analyze_text(&huge);
    assert!(verdict.reasons.iter().any(|r| r.code == "text-truncated"), "truncation is reported");
    for odd in ["", " ", "\u{0}\u{1}\u{2}", "🙂🙂🙂", "\u{202e}moc.lapyap", "((((((((", "http://", "[.][.][.]", "a.b.c.d"] {
        let verdict = analyze_text(odd);
        assert!(verdict.score <= 100, "{odd:?}");
    }
}
