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
mod host;
mod index;
mod layers;
mod lines;
mod skeleton;
mod suffix;
mod verdict;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use host::InputError;
pub use verdict::{Layer, Level, Reason, Severity, Verdict};

use verdict::Findings;

/// The checks, ready to run, with the user's own settings.
#[derive(Default)]
pub struct Engine {
    /// Registrable domains the user trusts: never warned about.
    trusted: Vec<String>,
    /// The user's own protected domains (their bank, say), guarded like catalogue brands.
    protected: Option<index::Index>,
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
        }
    }

    /// Judges a URL or a bare host name (`aliexpress-sale.shop`, `https://x.example/pay`).
    pub fn analyze_url(&self, input: &str) -> Result<Verdict, InputError> {
        let target = host::parse_target(input)?;
        let mut findings = Findings::default();
        let catalogue = index::Index::catalogue();
        let indexes: Vec<&index::Index> = std::iter::once(catalogue).chain(self.protected.as_ref()).collect();
        let protection = layers::domain::Protection { indexes: &indexes, trusted: &self.trusted };
        if let Some(host) = &target.host {
            layers::domain::check_host(host, input, &protection, &mut findings);
        }
        layers::link::check_target(&target, &protection, &mut findings);
        Ok(findings.into_verdict(input.trim()))
    }
}

/// [`Engine::analyze_url`] with the default engine.
pub fn analyze_url(input: &str) -> Result<Verdict, InputError> {
    Engine::new().analyze_url(input)
}
