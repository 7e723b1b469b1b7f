//! Messages: `analyze_text` on any string (links, defanged links, folding, every cue layer).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let verdict = wary::analyze_text(text);
    assert!(verdict.score <= 100, "score out of range");
});
