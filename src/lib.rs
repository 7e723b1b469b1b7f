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
mod code;
mod confusables;
mod cues;
mod engine;
mod findings;
mod host;
mod idn;
mod idn_policy;
mod index;
mod layers;
mod lines;
mod listing;
mod lists;
mod messages;
mod page;
mod skeleton;
mod suffix;
mod text;
mod verdict;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use engine::{analyze_page, analyze_text, analyze_url, AddressVerdict, Engine};
pub use host::InputError;
pub use index::load_names;
pub use listing::{ListingFacts, ListingTips, Tip, MAX_LISTING_FIELD_BYTES};
pub use messages::{message_keys, Language};
pub use page::{
    PageFacts, PageForm, PageLimits, PageLink, MAX_PAGE_FORMS, MAX_PAGE_LINKS, MAX_PAGE_TEXT_BYTES,
    PAGE_LIMITS,
};
pub use verdict::{Layer, Level, Reason, Sensitivity, Severity, Verdict};
