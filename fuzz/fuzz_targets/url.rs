//! URL and host parsing, then the domain and link checks: `analyze_url` on any string.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let engine = wary::Engine::new();
    match engine.analyze_url(input) {
        Ok(verdict) => assert!(verdict.score <= 100, "score out of range for {input:?}"),
        Err(error) => {
            assert!(!error.to_string().is_empty(), "an error without words for {input:?}")
        }
    }
    // A page's address as the content script sends it, and the same text pasted in the popup.
    if let Ok(address) = engine.analyze_address(input) {
        assert!(!address.warn_now || address.verdict.level > wary::Level::Safe, "{input:?}");
        assert!(address.read_page || address.verdict.verified, "{input:?}");
    }
    let pasted = engine.analyze_input(input);
    assert!(pasted.headline.is_none_or(|at| at < pasted.reasons.len()), "{input:?}");
});
