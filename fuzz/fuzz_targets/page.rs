//! Pages: `analyze_page` on page facts built from the fuzzer's bytes — any address, title,
//! headings, text, links and forms, in any number.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use wary::{PageFacts, PageForm, PageLink};

#[derive(Debug, Arbitrary)]
struct Facts {
    url: String,
    title: String,
    text: String,
    headings: Vec<String>,
    links: Vec<(String, String)>,
    forms: Vec<(String, bool, bool)>,
}

fuzz_target!(|facts: Facts| {
    let facts = PageFacts {
        url: facts.url,
        title: facts.title,
        text: facts.text,
        headings: facts.headings,
        links: facts.links.into_iter().map(|(href, text)| PageLink { href, text }).collect(),
        forms: facts
            .forms
            .into_iter()
            .map(|(action, has_password, has_card)| PageForm { action, has_password, has_card })
            .collect(),
    };
    let verdict = wary::analyze_page(&facts);
    assert!(verdict.score <= 100, "score out of range");
});
