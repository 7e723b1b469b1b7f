//! URL and host parsing, then the domain and link checks: `analyze_url` on any string.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    match wary::analyze_url(input) {
        Ok(verdict) => assert!(verdict.score <= 100, "score out of range for {input:?}"),
        Err(error) => {
            assert!(!error.to_string().is_empty(), "an error without words for {input:?}")
        }
    }
});
