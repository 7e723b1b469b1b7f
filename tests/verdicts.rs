//! The verdict table in tests/data/hosts.tsv: real sites stay safe, lookalikes are caught,
//! each with the level, flags and reason code the table gives.

use wary::{analyze_url, Level};

mod common;
use common::{assert_none_failed, level_named, table_rows};

#[test]
fn host_table() {
    let table = include_str!("data/hosts.tsv");
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in table_rows(table) {
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
        let want_level =
            level_named(level).unwrap_or_else(|| panic!("unknown level {level:?} for {input}"));
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
    assert_none_failed(&failures, cases, "hosts");
}

#[test]
fn the_users_trusted_sites_and_protected_domains() {
    let engine = wary::Engine::with_settings(
        &["https://aliexpress-sale.shop/".to_string(), "not a domain".to_string()],
        &["https://www.mybank.example/login".to_string()],
    );
    let cases = [
        // input, level, verified, lookalike_of, reason code
        ("aliexpress-sale.shop", Level::Safe, false, None, "trusted"),
        ("www.mybank.example", Level::Safe, true, None, "verified"),
        ("mybamk.example", Level::Caution, false, Some("mybank.example"), "typo"),
        ("mybank.shop", Level::Danger, false, Some("mybank.example"), "tld-swap"),
        (
            "mybank.example.secure-login.ru",
            Level::Danger,
            false,
            Some("mybank.example"),
            "embedded-domain",
        ),
        ("aIiexpress.com", Level::Danger, false, Some("aliexpress.com"), "homograph"),
    ];
    for (input, level, verified, lookalike_of, code) in cases {
        let verdict = engine.analyze_url(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        let codes: Vec<&str> = verdict.reasons.iter().map(|r| r.code).collect();
        assert_eq!(
            (verdict.level, verdict.verified, verdict.lookalike_of.as_deref()),
            (level, verified, lookalike_of),
            "{input}: reasons {codes:?}"
        );
        assert!(codes.contains(&code), "{input}: reasons {codes:?} lack {code}");
    }
    let plain = wary::Engine::new();
    assert_eq!(
        plain.analyze_url("mybank.shop").unwrap().level,
        Level::Safe,
        "without the setting, mybank is nobody's"
    );
}

#[test]
fn hostile_hosts_get_an_error_or_a_verdict() {
    let long_label = format!("{}.com", "a".repeat(10 * 1024));
    let many_labels = format!("{}com", "a.".repeat(200));
    let deep_but_legal = format!("{}paypal.com.evil.example", "x.".repeat(100));
    // The IDN policy's paths (issue 15): marks piled on one letter, separators and kana marks
    // in a row, a label of symbols only.
    let piled_marks = format!("a{}.com", "\u{301}".repeat(60));
    let separators = format!("{}.com", "丨·一ー‐".repeat(12));
    let kana_marks = format!("{}.jp", "ヽー・へ".repeat(15));
    let symbols = format!("{}.com", "🔒✔".repeat(15));
    let inputs = [
        "",
        ".",
        "..",
        "com",
        "co.uk",
        long_label.as_str(),
        many_labels.as_str(),
        deep_but_legal.as_str(),
        "xn--.com",
        "xn--a.com",
        "xn--zzzzzzzzzz.com",
        "PаYPAL.COM...",
        "paypal.com.",
        "paypal.com:99999",
        "paypal.com:8443/x",
        "[::1]",
        "http://[2001:db8::1]/paypal.com",
        "http://user:pass@paypal.com.evil.example/",
        "http://%70aypal.com/",
        "\u{202e}moc.lapyap",
        "\u{200b}paypal.com",
        "a-.com",
        "-a.com",
        "ab--cd.com",
        "🙂.com",
        "xn--ls8h.com",
        "http://0x7f.1/",
        "http://2130706433/",
        piled_marks.as_str(),
        separators.as_str(),
        kana_marks.as_str(),
        symbols.as_str(),
        "\u{307}.com",
        "ー.jp",
        "·.cat",
        "l·.cat",
        "þ.com",
    ];
    for input in inputs {
        // Either answer is fine; a panic (or a hang, caught by the test timeout) is not.
        match wary::analyze_url(input) {
            Ok(verdict) => assert!(verdict.score <= 100, "{input:?}"),
            Err(error) => assert!(!error.to_string().is_empty(), "{input:?}: error without words"),
        }
    }
    let deep = wary::analyze_url(&deep_but_legal)
        .expect("a 200-label host under 253 characters is a host");
    assert_eq!(deep.level, Level::Danger, "embedded paypal.com deep in a long host");
}

/// Writing the same host another way — letter case, a trailing dot, white space around it, its
/// punycode or Unicode form — never changes the verdict.
#[test]
fn spelling_of_a_host_never_changes_its_verdict() {
    let hosts = table_rows(include_str!("data/hosts.tsv"))
        .filter_map(|l| l.split('\t').next())
        .filter(|input| !input.contains(':') && !input.contains('/')); // bare hosts only
    let mut checked = 0;
    for host in hosts {
        let base = analyze_url(host).unwrap_or_else(|e| panic!("{host}: {e}"));
        let unicode = uts46::domain_to_unicode(host).0;
        let ascii = uts46::domain_to_ascii(host).unwrap_or_else(|_| host.to_string());
        let dotted = if host.ends_with('.') { host.to_string() } else { format!("{host}.") };
        // Capitals, where they spell the same name: ß's are SS, another name (`ßooking` is
        // not `ssooking`).
        let upper = host.to_uppercase();
        let upper = (upper.to_lowercase() == host.to_lowercase()).then_some(upper);
        let variants = [dotted, format!("  {host}\t"), unicode, ascii, format!("http://{host}/")];
        for variant in variants.into_iter().chain(upper) {
            let verdict = analyze_url(&variant).unwrap_or_else(|e| panic!("{variant:?}: {e}"));
            assert_eq!(
                (verdict.level, verdict.verified, &verdict.lookalike_of),
                (base.level, base.verified, &base.lookalike_of),
                "{variant:?} was judged differently from {host:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} variants checked");
}

/// `Verdict::to_json` (what the WebAssembly boundary and the CLI write) is serde's JSON,
/// byte for byte, for every host and message of the test tables and for awkward characters.
#[test]
fn to_json_is_serdes_json() {
    let hosts = table_rows(include_str!("data/hosts.tsv")).filter_map(|l| l.split('\t').next());
    let texts = table_rows(include_str!("data/texts.tsv")).filter_map(|l| l.split('\t').next());
    let mut verdicts: Vec<wary::Verdict> = hosts.filter_map(|h| analyze_url(h).ok()).collect();
    verdicts.extend(texts.map(|t| wary::analyze_text(&t.replace("\\n", "\n"))));
    verdicts.push(wary::analyze_text("quote \" backslash \\ tab \t bell \u{7} nul \u{0} del \u{7f} line\u{2028}sep é 😀 pay via western union to paypal-login.top"));
    assert!(verdicts.len() > 200, "{} verdicts", verdicts.len());
    for verdict in &verdicts {
        let serde = serde_json::to_string(verdict).expect("serialize");
        assert_eq!(verdict.to_json(), serde, "{:?}", verdict.input);
    }
}
