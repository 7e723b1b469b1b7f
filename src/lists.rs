//! The engine's word and suffix lists from `data/lists/` (one file a list, each saying where it
//! came from and what reads it), compiled in by build.rs: negations, the word "to" before a
//! short code, premium-rate units, call words, currencies, words bank and payment names end
//! in, account and payment action words in host names, and groups of suffixes (faked second
//! levels, restricted, abused country codes, cheap generic ones).

include!(concat!(env!("OUT_DIR"), "/lists.rs"));

/// A list's entries, one a line, in the file's order, and the set of them, made on the first
/// [`WordList::contains`].
#[derive(Clone, Copy)]
pub(crate) struct WordList(&'static str, &'static Lines);

/// The entries of a list as a set, made once.
pub(crate) struct Lines(std::sync::OnceLock<LineSet>);

type LineSet = std::collections::HashSet<&'static str, crate::skeleton::FnvBuild>;

impl Lines {
    pub const fn new() -> Self {
        Lines(std::sync::OnceLock::new())
    }
}

impl WordList {
    /// The entries, in order.
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        self.0.split('\n')
    }

    /// The entries folded as a message is (`text::fold`: case, accents, look-alike letters),
    /// sorted, for lookups of a message's folded words with [`listed`].
    pub fn folded(self) -> Vec<String> {
        let mut words: Vec<String> = self.iter().map(|word| crate::text::fold(word).text).collect();
        words.sort_unstable();
        words
    }

    /// Whether `entry` is one of them (a host check asks several lists a few times: a set,
    /// made on the first look-up, not a scan of the lines).
    pub fn contains(self, entry: &str) -> bool {
        self.1 .0.get_or_init(|| self.iter().collect()).contains(entry)
    }
}

/// Whether the sorted `folded` list ([`WordList::folded`]) holds `word`.
pub(crate) fn listed(folded: &[String], word: &str) -> bool {
    folded.binary_search_by(|w| w.as_str().cmp(word)).is_ok()
}
