//! Bounded input: what outsize input costs. A message or a page's text of 10 KB, 1 MB and
//! 10 MB (only the first 200 KB are judged, so past the cap the time must stay flat, never
//! grow faster than the size), a 10 KB host name, a host of 200 labels, a legal host of the
//! full 253 characters, and a 60 KB URL. Throughput is in bytes of input.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use wary::PageFacts;

#[path = "shared/texts.rs"]
mod texts;
use texts::text_of;

fn texts(c: &mut Criterion) {
    let engine = wary::Engine::new();
    engine.analyze_text("warm up: pay by Western Union at paypal-login.example");
    let mut group = c.benchmark_group("sizes/text");
    group.sample_size(10);
    for (name, bytes) in [("10KB", 10 << 10), ("1MB", 1 << 20), ("10MB", 10 << 20)] {
        let text = text_of(bytes);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("analyze_text", name), &text, |b, text| {
            b.iter(|| black_box(engine.analyze_text(black_box(text))));
        });
        let facts = PageFacts {
            url: "https://myblog-reviews.net/long-read".into(),
            text: text.clone(),
            ..PageFacts::default()
        };
        group.bench_with_input(BenchmarkId::new("analyze_page", name), &facts, |b, facts| {
            b.iter(|| black_box(engine.analyze_page(black_box(facts))));
        });
    }
    group.finish();
}

fn hosts(c: &mut Criterion) {
    let engine = wary::Engine::new();
    engine.analyze_url("warm-up.example").ok();
    let long_label = format!("{}.com", "a".repeat(10 << 10));
    let many_labels = format!("{}com", "ab.".repeat(200));
    let full_length = format!("{}paypal.com.evil.example", "x.".repeat(115));
    let long_url = format!("https://paypal.com.evil.example/{}", "a/b?c=d&".repeat(60 << 10 >> 3));
    let mut group = c.benchmark_group("sizes/url");
    for (name, input) in [
        ("host-10KB", &long_label),
        ("host-200-labels", &many_labels),
        ("host-253-chars", &full_length),
        ("url-60KB", &long_url),
    ] {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(BenchmarkId::new("analyze_url", name), input, |b, input| {
            b.iter(|| black_box(engine.analyze_url(black_box(input))).ok());
        });
    }
    group.finish();
}

criterion_group!(benches, texts, hosts);
criterion_main!(benches);
