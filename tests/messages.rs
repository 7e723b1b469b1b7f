//! The engine's messages: every key the code says is in data/messages/en.txt, every language
//! file has every key with the same {n}, and an engine given a language speaks it.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use wary::{message_keys, Engine, Language};

const LANGUAGES: [&str; 5] = ["es", "pt", "fr", "de", "ru"];

fn keys_in(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim()))
        .collect()
}

#[test]
fn every_message_the_code_says_has_an_english_template() {
    let known: BTreeSet<&str> = message_keys().collect();
    let mut said = Vec::new();
    for folder in ["src", "src/layers"] {
        for entry in fs::read_dir(folder).expect("read src") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "rs") {
                let code = fs::read_to_string(&path).expect("read source");
                for (at, _) in code.match_indices("say!(\"") {
                    let key = code[at + 6..].split('"').next().unwrap_or("");
                    said.push((path.display().to_string(), key.to_string()));
                }
            }
        }
    }
    assert!(said.len() > 50, "the code says its messages with say! ({} found)", said.len());
    let unknown: Vec<_> = said.iter().filter(|(_, key)| !known.contains(key.as_str())).collect();
    assert!(unknown.is_empty(), "keys missing from data/messages/en.txt: {unknown:?}");
}

#[test]
fn every_language_has_every_message_with_the_same_placeholders() {
    let english: Vec<&str> = message_keys().collect();
    for lang in LANGUAGES {
        let path = Path::new("data/messages").join(format!("{lang}.txt"));
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (_, skipped) = Language::parse(&text);
        assert!(
            skipped.is_empty(),
            "{lang}: lines skipped (unknown key or other {{n}} than English): {skipped:?}"
        );
        let mut keys = keys_in(&text);
        keys.sort_unstable();
        assert_eq!(keys, english, "{lang}: the keys of en.txt, each once");
    }
}

#[test]
fn an_engine_given_a_language_speaks_it() {
    let cases = [
        ("es", "aIiexpress.com", "Esto no es aliexpress.com.", "una I mayúscula"),
        ("pt", "paypal-refund-center.com", "Isto não é paypal.com.", "paypal"),
        ("fr", "aliexpress.com.secure-login.ru", "Ce n’est pas aliexpress.com.", "secure-login.ru"),
        ("de", "amaz0n.com", "Das ist nicht amazon.com.", "einer Null (0)"),
        ("ru", "aIiexpress.com", "Это не aliexpress.com.", "заглавная I"),
    ];
    for (lang, input, starts, contains) in cases {
        let english = wary::analyze_url(input).expect("a host");
        let engine =
            Engine::new().in_language(Language::builtin(lang).expect("a shipped language"));
        let verdict = engine.analyze_url(input).expect("a host");
        let message = &verdict.reasons[0].message;
        assert!(
            message.starts_with(starts) && message.contains(contains),
            "{lang} {input}: {message}"
        );
        assert_eq!(
            (verdict.level, verdict.score, &verdict.lookalike_of),
            (english.level, english.score, &english.lookalike_of),
            "{lang} {input}: same verdict"
        );
        assert_ne!(verdict.advice, english.advice, "{lang}: advice translated");
    }
    assert!(
        Language::builtin("pt-BR").is_some() && Language::builtin("xx").is_none(),
        "tags: a longer tag finds its language, an unknown one none"
    );
}
