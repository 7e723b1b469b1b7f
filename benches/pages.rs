//! Page checks: the cost of judging one page from its facts, for a heavy page at the caps
//! (200 KB of text, 2,000 links to as many sites, 100 forms) and for an ordinary shop page.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use wary::{PageFacts, PageForm, PageLink};

#[path = "shared/config.rs"]
mod config;

fn heavy_page() -> PageFacts {
    let popular = include_str!("../data/popular_sites.txt");
    let sites: Vec<&str> = popular.lines().filter(|l| !l.starts_with('#')).take(2_000).collect();
    PageFacts {
        url: "https://myblog-reviews.net/links".into(),
        title: "Every site we like".into(),
        text: "Wireless earbuds with free delivery, order today and pay at checkout. "
            .repeat(3_000)[..200 * 1024]
            .to_string(),
        headings: (0..50).map(|i| format!("Section {i}")).collect(),
        links: sites
            .iter()
            .map(|site| PageLink {
                href: format!("https://www.{site}/page"),
                text: site.to_string(),
            })
            .collect(),
        forms: vec![
            PageForm {
                action: "https://myblog-reviews.net/search".into(),
                has_password: false,
                has_card: false
            };
            100
        ],
    }
}

fn shop_page() -> PageFacts {
    PageFacts {
        url: "https://www.aliexpress.com/item/1005.html".into(),
        title: "Wireless earbuds - AliExpress".into(),
        text: "Wireless earbuds. Free shipping. Buyer protection. Add to cart. ".repeat(300),
        headings: vec!["Wireless earbuds".into(), "Reviews".into()],
        links: (0..300)
            .map(|i| PageLink {
                href: format!("https://www.aliexpress.com/item/{i}.html"),
                text: format!("Item {i}"),
            })
            .collect(),
        forms: vec![PageForm {
            action: "https://www.aliexpress.com/pay".into(),
            has_password: true,
            has_card: true,
        }],
    }
}

fn page_checks(c: &mut Criterion) {
    let engine = wary::Engine::new();
    engine.analyze_url("warm.example").unwrap(); // build the catalogue index outside the timing
    let mut group = c.benchmark_group("page");
    group.throughput(Throughput::Elements(1));
    for (name, facts) in [("heavy", heavy_page()), ("shop", shop_page())] {
        group.bench_function(format!("analyze_page/{name}"), |b| {
            b.iter(|| black_box(engine.analyze_page(black_box(&facts))))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = config::short_runs();
    targets = page_checks
}
criterion_main!(benches);
