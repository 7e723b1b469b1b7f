//! Text checks: the cost of judging a pasted message or a page's text, at 1 KB, 10 KB and
//! 100 KB. The text mixes ordinary prose, scam cues in six languages and links, so every
//! layer runs (the phrase matcher, amounts, phone numbers, the domain checks of each link).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

/// Messages from tests/data/texts.tsv (scams and legitimate ones alike), repeated to `bytes`.
fn text_of(bytes: usize) -> String {
    let messages: Vec<&str> = include_str!("../tests/data/texts.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    let mut text = String::with_capacity(bytes + 512);
    for message in messages.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(message);
        text.push('\n');
    }
    let end = (0..=bytes).rev().find(|&i| text.is_char_boundary(i)).unwrap();
    text.truncate(end);
    text
}

fn text_checks(c: &mut Criterion) {
    let engine = wary::Engine::new();
    engine.analyze_text("warm up: pay by Western Union at paypal-login.example"); // build the indexes outside the timing
    let mut group = c.benchmark_group("text");
    for kb in [1usize, 10, 100] {
        let text = text_of(kb * 1024);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("analyze_text", format!("{kb}KB")), &text, |b, text| {
            b.iter(|| black_box(engine.analyze_text(black_box(text))));
        });
    }
    group.finish();
}

criterion_group!(benches, text_checks);
criterion_main!(benches);
