//! Host checks: the cost of judging one host on page load, over a fixed corpus of real popular
//! hosts and generated lookalikes (the same corpus the Node harness feeds the WASM build).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

#[path = "shared/config.rs"]
mod config;

/// Real popular registrable domains, then lookalikes of brand domains made by the usual
/// techniques (omission, swap, repetition, replacement, combos, embedding, TLD swap).
fn corpus() -> Vec<String> {
    let popular = include_str!("../data/popular_sites.txt");
    let mut hosts: Vec<String> = popular
        .lines()
        .filter(|l| !l.starts_with('#'))
        .take(5000)
        .map(|d| format!("www.{d}"))
        .collect();
    let brands = [
        "aliexpress.com",
        "paypal.com",
        "amazon.com",
        "ebay.com",
        "walmart.com",
        "temu.com",
        "shein.com",
        "fedex.com",
    ];
    for domain in brands {
        let (name, suffix) = domain.split_once('.').unwrap();
        let mut fakes = vec![
            format!("{name}-sale.shop"),
            format!("{name}.com.secure-login.ru"),
            format!("{name}.top"),
            format!("{name}-refund-center.com"),
            format!("login.{name}.verify-account.net"),
        ];
        for at in 0..name.len() {
            fakes.push(format!("{}{}.{suffix}", &name[..at], &name[at + 1..])); // omission
            fakes.push(format!("{}{}{}.{suffix}", &name[..at], &name[at..at + 1], &name[at..])); // repetition
            fakes.push(format!("{}x{}.{suffix}", &name[..at], &name[at + 1..]));
            // replacement
        }
        hosts.extend(fakes);
    }
    hosts
}

fn host_checks(c: &mut Criterion) {
    let hosts = corpus();
    let engine = wary::Engine::new();
    engine.analyze_url("warm.example").unwrap(); // build the catalogue index outside the timing
    let mut group = c.benchmark_group("host");
    group.throughput(Throughput::Elements(hosts.len() as u64));
    group.bench_function("analyze_url/corpus", |b| {
        b.iter(|| {
            for host in &hosts {
                black_box(engine.analyze_url(black_box(host)).ok());
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = config::short_runs();
    targets = host_checks
}
criterion_main!(benches);
