//! Wary's engine: tells whether a link, a site or a message is the real thing or an
//! impersonation of a brand people trust. Pure Rust, no I/O and no clock, so the same code
//! runs in the CLI, in tests and, compiled to WebAssembly, inside the browser extension.
//!
//! ```
//! let verdict = wary::analyze_url("https://aliexpress.com.secure-login.ru/pay").unwrap();
//! assert_eq!(verdict.level, wary::Level::Danger);
//! assert_eq!(verdict.lookalike_of.as_deref(), Some("aliexpress.com"));
//! ```

mod catalogue;
mod confusables;
mod cues;
mod host;
mod idn;
mod index;
mod layers;
mod lines;
mod messages;
mod page;
mod skeleton;
mod suffix;
mod text;
mod verdict;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use host::InputError;
pub use messages::{message_keys, Language};
pub use page::{
    analyze_page, PageFacts, PageForm, PageLink, MAX_PAGE_FORMS, MAX_PAGE_LINKS,
    MAX_PAGE_TEXT_BYTES,
};
pub use verdict::{Layer, Level, Reason, Severity, Verdict};

use verdict::Findings;

/// The checks, ready to run, with the user's own settings.
#[derive(Default)]
pub struct Engine {
    /// Registrable domains the user trusts: never warned about.
    trusted: Vec<String>,
    /// The user's own protected domains (their bank, say), guarded like catalogue brands.
    protected: Option<index::Index>,
    /// The language of messages and advice.
    language: Language,
}

impl Engine {
    /// The engine with the built-in catalogue and popular sites only.
    pub fn new() -> Self {
        Self::default()
    }

    /// The engine with the user's trusted sites and protected domains. Each is a host name or
    /// URL; it is reduced to its registrable domain, and entries that are not domain names
    /// are skipped (settings come from storage and may be stale or hand-edited).
    pub fn with_settings(trusted: &[String], protected: &[String]) -> Self {
        let registrable = |input: &String| {
            let target = host::parse_target(input).ok()?;
            target.host?.registrable().map(str::to_string)
        };
        let protected: Vec<String> = protected.iter().filter_map(registrable).collect();
        Self {
            trusted: trusted.iter().filter_map(registrable).collect(),
            protected: (!protected.is_empty()).then(|| index::Index::for_domains(&protected)),
            language: Language::english(),
        }
    }

    /// The same engine, writing its messages and advice in `language`.
    pub fn in_language(self, language: Language) -> Self {
        Self { language, ..self }
    }

    /// Where protected names are looked up: the catalogue, then the user's own domains.
    fn indexes(&self) -> Vec<&index::Index> {
        std::iter::once(index::Index::catalogue()).chain(self.protected.as_ref()).collect()
    }

    /// Judges a URL or a bare host name (`aliexpress-sale.shop`, `https://x.example/pay`).
    pub fn analyze_url(&self, input: &str) -> Result<Verdict, InputError> {
        let target = host::parse_target(input)?;
        let mut findings = Findings::default();
        let indexes = self.indexes();
        let protection = layers::domain::Protection { indexes: &indexes, trusted: &self.trusted };
        if let Some(host) = &target.host {
            layers::domain::check_host(host, input, &protection, &mut findings);
        }
        layers::link::check_target(&target, &protection, &mut findings);
        Ok(findings.into_verdict(input.trim(), &self.language))
    }
}

impl Engine {
    /// Judges a pasted message, e-mail or chat text: every link in it through the domain and
    /// link checks; whether it speaks as a brand while its links lead elsewhere; and its words,
    /// through the payment, pressure, offer and pattern layers, weighed together. Text past
    /// 200 KB is cut, and links past the 64th are not judged; the verdict says so.
    pub fn analyze_text(&self, text: &str) -> Verdict {
        let truncated = text.len() > text::MAX_TEXT_BYTES;
        let text = &text[..text::floor_boundary(text, text::MAX_TEXT_BYTES)];
        let mut findings = Findings::default();
        if truncated {
            findings.add(
                Layer::Pattern,
                "text-truncated",
                Severity::Info,
                messages::say!("text-truncated", text::MAX_TEXT_BYTES / 1024),
                String::new(),
            );
        }
        let mut links = text::find_links(text);
        if links.len() > text::MAX_LINKS {
            links.truncate(text::MAX_LINKS);
            findings.add(
                Layer::Link,
                "text-links-truncated",
                Severity::Info,
                messages::say!("text-links-truncated", text::MAX_LINKS),
                String::new(),
            );
        }
        let mut link_verdicts = Vec::new();
        for link in &links {
            if let Ok(verdict) = self.analyze_url(&link.link) {
                link_verdicts.push((link, verdict));
            }
        }
        for (link, verdict) in &link_verdicts {
            for mut reason in verdict.reasons.clone() {
                if reason.severity == Severity::Info && reason.code != "verified" {
                    continue;
                }
                if !reason.evidence.contains(&link.written) && reason.evidence != link.written {
                    reason.evidence = format!("{} ({})", link.written, reason.evidence);
                }
                findings.reasons.push(reason.into());
            }
            if findings.lookalike_of.is_none() {
                findings.lookalike_of = verdict.lookalike_of.clone();
            }
        }
        findings.verified =
            !link_verdicts.is_empty() && link_verdicts.iter().all(|(_, v)| v.verified);
        let catalogue = index::Index::catalogue();
        let scan = layers::Scan::new(text, &link_verdicts);
        layers::pattern::check_impersonation(&scan, catalogue, &link_verdicts, &mut findings);
        let mut cues = Vec::new();
        layers::payment::check(&scan, &mut cues);
        layers::pressure::check(&scan, &mut cues);
        layers::offer::check(&scan, catalogue, &mut cues);
        layers::pattern::check_scripts(&scan, &mut cues);
        findings.weigh_cues(cues, scan.has_contact());
        findings.into_verdict(text, &self.language)
    }
}

/// [`Engine::analyze_text`] with the default engine.
pub fn analyze_text(text: &str) -> Verdict {
    Engine::new().analyze_text(text)
}

/// [`Engine::analyze_url`] with the default engine.
pub fn analyze_url(input: &str) -> Result<Verdict, InputError> {
    Engine::new().analyze_url(input)
}
