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
mod host;
mod layers;
mod suffix;
mod verdict;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use host::InputError;
pub use verdict::{Layer, Level, Reason, Severity, Verdict};

use verdict::Findings;

/// The checks, ready to run. Cheap to create: every table is compiled in.
#[derive(Debug, Default, Clone)]
pub struct Engine {}

impl Engine {
    pub fn new() -> Self {
        Self::default()
    }

    /// Judges a URL or a bare host name (`aliexpress-sale.shop`, `https://x.example/pay`).
    pub fn analyze_url(&self, input: &str) -> Result<Verdict, InputError> {
        let target = host::parse_target(input)?;
        let mut findings = Findings::default();
        layers::link::check_target(&target, &mut findings);
        if let Some(host) = &target.host {
            layers::domain::check_host(host, input, &mut findings);
        }
        Ok(findings.into_verdict(input.trim()))
    }
}

/// [`Engine::analyze_url`] with the default engine.
pub fn analyze_url(input: &str) -> Result<Verdict, InputError> {
    Engine::new().analyze_url(input)
}
