//! The `wary` command's contract: `wary check [--json] <url-or-host>...` and `-` for stdin,
//! one JSON object per input per line, exit 0 when inputs were processed and 2 on usage errors.

use std::process::Output;

mod common;
use common::{assert_success, wary};

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

#[test]
fn json_verdict_has_the_contract_fields() {
    let output = wary(&["check", "--json", "aliexpress-sale.shop", "aliexpress.com"], b"");
    assert_success(&output);
    let verdicts = json_lines(&output);
    assert_eq!(verdicts.len(), 2, "one JSON line per input");
    let fake = &verdicts[0];
    assert_eq!(fake["input"], "aliexpress-sale.shop");
    assert_eq!(fake["level"], "caution");
    assert_eq!(fake["verified"], false);
    assert_eq!(fake["lookalike_of"], "aliexpress.com");
    assert!(fake["score"].as_u64().is_some_and(|s| s <= 100), "score 0-100: {fake}");
    let reason = &fake["reasons"][0];
    for field in ["layer", "code", "severity", "message", "evidence"] {
        assert!(reason[field].is_string(), "reason field {field} in {reason}");
    }
    assert_eq!(reason["layer"], "domain");
    let real = &verdicts[1];
    assert_eq!(
        (real["level"].as_str(), real["verified"].as_bool()),
        (Some("safe"), Some(true)),
        "{real}"
    );
    assert!(real["lookalike_of"].is_null(), "{real}");
}

#[test]
fn reads_one_input_per_line_from_stdin() {
    let stdin = b"aliexpress.shop\r\n\n  paypal.com  \nhttp://exa mple.com\n\xff\xfe.com\n";
    let output = wary(&["check", "--json", "-"], stdin);
    assert_success(&output);
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 4, "blank lines skipped, every other line answered: {lines:?}");
    assert_eq!(lines[0]["level"], "danger");
    assert_eq!(lines[1]["verified"], true);
    assert!(lines[2]["error"].as_str().is_some_and(|e| e.contains("not a link")), "{}", lines[2]);
    assert!(lines[3]["error"].is_string(), "invalid UTF-8 gets a clear error: {}", lines[3]);
}

/// Hostile lines on standard input: each gets one answer line, a verdict or an error that
/// says why; none stops the run.
#[test]
fn every_hostile_line_gets_one_answer() {
    let long_label = format!("{}.com", "a".repeat(10 * 1024));
    let many_labels = format!("{}com", "a.".repeat(200));
    // line, what it must get: a level, words in its error, or either (`answered`)
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (long_label.into_bytes(), "error:DNS allows"),
        (many_labels.into_bytes(), "error:DNS allows"),
        (b"xn--zz.com".to_vec(), "error:not a link"),
        (b"http://xn--zz/".to_vec(), "error:not a link"),
        ("P\u{0430}YPAL.COM".as_bytes().to_vec(), "danger"),
        (b"paypal.com.".to_vec(), "safe"),
        (b"paypal.com...".to_vec(), "error:empty label"),
        (b"paypal.com:8443/x".to_vec(), "safe"),
        (b"paypal.com:99999".to_vec(), "error:not a link"),
        (b"http://[2001:db8::1]:8080/login".to_vec(), "caution"),
        (b"https://user:pass@paypal.com.evil.example/".to_vec(), "danger"),
        // A right-to-left override makes `moc.lapyap` show as `paypal.com`: no host name (UTS #46).
        ("\u{202e}moc.lapyap".as_bytes().to_vec(), "error:not a link"),
        ("🙂🙂🙂".as_bytes().to_vec(), "safe"), // a one-label name, xn--938haa
        (b"pay\0pal.com".to_vec(), "error:not a link"),
        (b"example.com/caf\xe9".to_vec(), "error:not UTF-8 text"),
        (b"\xff\xfe.com".to_vec(), "error:not UTF-8 text"),
    ];
    let mut stdin = Vec::new();
    for (line, _) in &cases {
        stdin.extend_from_slice(line);
        stdin.push(b'\n');
    }
    let output = wary(&["check", "--json", "-"], &stdin);
    assert_success(&output);
    let lines = json_lines(&output);
    assert_eq!(lines.len(), cases.len(), "one answer per line: {lines:#?}");
    for ((input, expected), answer) in cases.iter().zip(&lines) {
        let input = String::from_utf8_lossy(input);
        let input: String = input.chars().take(60).collect();
        match expected.strip_prefix("error:") {
            _ if *expected == "answered" => assert!(
                answer["error"].is_string() || answer["level"].is_string(),
                "{input:?}: {answer}"
            ),
            Some(words) => assert!(
                answer["error"].as_str().is_some_and(|e| e.contains(words)),
                "{input:?} should get an error saying {words:?}: {answer}"
            ),
            None => assert_eq!(answer["level"], *expected, "{input:?}: {answer}"),
        }
    }
}

/// `text --batch`: a megabyte message is judged by its first 200 KB and says so; a line that
/// is not UTF-8 gets an error; NULs, RTL marks and the empty message get a verdict.
#[test]
fn text_batch_answers_every_line_even_huge_or_not_utf8() {
    let megabyte_message =
        serde_json::to_string(&"Pay the fee at dhl-parcel-fee.top now. ".repeat(30_000)).unwrap();
    let mut stdin = megabyte_message.into_bytes();
    stdin.extend_from_slice(b"\n\"caf\xe9 au lait\"\n\"\\u0000\\u202e\"\n\"\"\n");
    let output = wary(&["text", "--batch"], &stdin);
    assert_success(&output);
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_ne!(lines[0]["level"], "safe", "the megabyte message is judged by its first 200 KB");
    assert!(
        lines[0]["reasons"].as_array().unwrap().iter().any(|r| r["code"] == "text-truncated"),
        "and says so"
    );
    assert!(lines[0]["input"].as_str().unwrap().len() <= 200 * 1024, "the echo is bounded");
    assert_eq!(lines[1]["error"], "not UTF-8 text", "{}", lines[1]);
    assert_eq!(lines[2]["level"], "safe", "NUL and RTL marks: {}", lines[2]);
    assert_eq!(lines[3]["level"], "safe", "the empty message: {}", lines[3]);
}

#[test]
fn huge_lines_get_an_error_and_the_next_line_still_runs() {
    let mut stdin = vec![b'a'; 5 * 1024 * 1024];
    stdin.extend_from_slice(b".com\naliexpress.com\n");
    let output = wary(&["check", "--json", "-"], &stdin);
    assert_success(&output);
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0]["error"].as_str().is_some_and(|e| e.contains("longer than")), "{}", lines[0]);
    assert!(
        lines[0]["input"].as_str().is_some_and(|i| i.chars().count() <= 201),
        "bad input echoed shortened"
    );
    assert_eq!(lines[1]["verified"], true);
}

#[test]
fn human_output_names_the_level_and_the_reason() {
    let output = wary(&["check", "aliexpress.com.secure-login.ru"], b"");
    assert_success(&output);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("danger"), "{text}");
    assert!(text.contains("imitates aliexpress.com"), "{text}");
    assert!(text.contains("secure-login.ru"), "{text}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [&[][..], &["check"], &["check", "--bogus", "x.com"], &["frobnicate"]] {
        let output = wary(args, b"");
        assert_eq!(output.status.code(), Some(2), "wary {args:?} should be a usage error");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("usage:"),
            "wary {args:?} prints usage"
        );
    }
    assert_eq!(wary(&["--help"], b"").status.code(), Some(0));
}

#[test]
fn text_reads_a_message_and_batch_reads_json_strings() {
    let message = "DHL: your parcel is held. Pay the customs fee at dhl-parcel-fee.top";
    let output = wary(&["text", "--json"], message.as_bytes());
    assert_success(&output);
    let verdict = &json_lines(&output)[0];
    assert_eq!(verdict["level"], "danger", "{verdict}");
    assert_eq!(verdict["lookalike_of"], "dhl.com", "{verdict}");

    let batch = "\"Your code is 481516.\"\n\"Pay at aliexpress.com.refund-center.ru\"\nnot json\n";
    let output = wary(&["text", "--batch"], batch.as_bytes());
    assert_success(&output);
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0]["level"], "safe");
    assert_eq!(lines[1]["level"], "danger");
    assert!(lines[2]["error"].as_str().is_some_and(|e| e.contains("JSON string")), "{}", lines[2]);
    assert_eq!(
        wary(&["text", "--batch", "file.txt"], b"").status.code(),
        Some(2),
        "--batch reads stdin only"
    );
    assert_eq!(
        wary(&["text", "/nonexistent/message.txt"], b"").status.code(),
        Some(1),
        "a missing file is an error, not a usage error"
    );
}

#[test]
fn lang_writes_messages_and_advice_in_that_language() {
    let output = wary(&["check", "--json", "--lang", "de", "aIiexpress.com"], b"");
    assert_success(&output);
    let verdict = &json_lines(&output)[0];
    let message = verdict["reasons"][0]["message"].as_str().unwrap_or("");
    assert!(message.starts_with("Das ist nicht aliexpress.com."), "German reason: {message}");
    assert_eq!(verdict["level"], "danger", "the verdict itself does not change");
    let text = wary(
        &["text", "--lang=es"],
        b"DHL: your parcel is held. Pay the customs fee at dhl-parcel-fee.top",
    );
    let text = String::from_utf8_lossy(&text.stdout);
    for words in ["Esto no es dhl.com.", "retenido en aduanas", "advice: No inicies sesión"] {
        assert!(text.contains(words), "Spanish text verdict with {words:?}: {text}");
    }
    for bad in [&["check", "--lang", "xx", "a.com"][..], &["check", "a.com", "--lang"][..]] {
        let output = wary(bad, b"");
        assert_eq!(output.status.code(), Some(2), "{bad:?} is a usage error");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("es, pt, fr, de"),
            "{bad:?} names the languages"
        );
    }
}
