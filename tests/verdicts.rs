//! The verdict table in tests/data/hosts.tsv: real sites stay safe, lookalikes are caught,
//! each with the level, flags and reason code the table gives.

use wary::{analyze_url, Level};

#[test]
fn host_table() {
    let table = include_str!("data/hosts.tsv");
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [input, level, verified, lookalike_of, code] = fields[..] else {
            panic!("tests/data/hosts.tsv: expected 5 tab-separated fields in {line:?}");
        };
        cases += 1;
        let verdict = match analyze_url(input) {
            Ok(verdict) => verdict,
            Err(e) => {
                failures.push(format!("{input}: error {e}"));
                continue;
            }
        };
        let want_level = match level {
            "safe" => Level::Safe,
            "caution" => Level::Caution,
            "danger" => Level::Danger,
            other => panic!("unknown level {other:?} for {input}"),
        };
        let want_lookalike = (lookalike_of != "-").then_some(lookalike_of);
        let codes: Vec<&str> = verdict.reasons.iter().map(|r| r.code).collect();
        let mut wrong = Vec::new();
        if verdict.level != want_level {
            wrong.push(format!("level {:?}, want {level}", verdict.level));
        }
        if verdict.verified.to_string() != verified {
            wrong.push(format!("verified {}, want {verified}", verdict.verified));
        }
        if verdict.lookalike_of.as_deref() != want_lookalike {
            wrong.push(format!("lookalike_of {:?}, want {want_lookalike:?}", verdict.lookalike_of));
        }
        if code != "-" && !codes.contains(&code) {
            wrong.push(format!("reasons {codes:?} lack {code}"));
        }
        if code == "-" && verdict.reasons.iter().any(|r| r.severity != wary::Severity::Info) {
            wrong.push(format!("unexpected reasons {codes:?}"));
        }
        if !wrong.is_empty() {
            failures.push(format!("{input}: {}", wrong.join("; ")));
        }
    }
    assert!(cases >= 40, "only {cases} cases read from the table");
    assert!(failures.is_empty(), "{} of {cases} cases failed:\n  {}", failures.len(), failures.join("\n  "));
}
