//! The user's settings: `Engine::with_settings` on any trusted and protected entries (they come
//! from storage, and may be stale, hand-edited or imported) and any sensitivity, then a link
//! and a message judged with that engine.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Settings {
    trusted: Vec<String>,
    protected: Vec<String>,
    sensitivity: u8,
    url: String,
    text: String,
}

fuzz_target!(|settings: Settings| {
    let sensitivity =
        [wary::Sensitivity::Strict, wary::Sensitivity::Balanced, wary::Sensitivity::Relaxed]
            [usize::from(settings.sensitivity % 3)];
    let engine = wary::Engine::with_settings(&settings.trusted, &settings.protected)
        .with_sensitivity(sensitivity);
    if let Ok(verdict) = engine.analyze_url(&settings.url) {
        assert!(verdict.score <= 100, "score out of range");
    }
    // Each protected entry is a brand of the user's: its own site is real, whatever else.
    for entry in settings.protected.iter().take(4) {
        let _ = engine.analyze_url(entry);
    }
    assert!(engine.analyze_text(&settings.text).score <= 100, "score out of range");
});
