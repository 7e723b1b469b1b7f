//! Text checks: the cost of judging a pasted message or a page's text, at 1 KB, 10 KB and
//! 1 MB (of which the engine judges the first 200 KB, as it does for any text). The text mixes
//! ordinary prose, scam cues in six languages and links, so every layer runs (the phrase
//! matcher, amounts, phone numbers, the domain checks of each link). One element = one text.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

#[path = "shared/config.rs"]
mod config;
#[path = "shared/texts.rs"]
mod texts;
use texts::text_of;

fn text_checks(c: &mut Criterion) {
    let engine = wary::Engine::new();
    engine.analyze_text("warm up: pay by Western Union at paypal-login.example"); // build the indexes outside the timing
    let mut group = c.benchmark_group("text");
    for (label, bytes) in [("1KB", 1024), ("10KB", 10 * 1024), ("1MB", 1024 * 1024)] {
        let text = text_of(bytes);
        group.throughput(Throughput::Elements(1));
        group.bench_with_input(BenchmarkId::new("analyze_text", label), &text, |b, text| {
            b.iter(|| black_box(engine.analyze_text(black_box(text))));
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = config::short_runs();
    targets = text_checks
}
criterion_main!(benches);
