//! The engine's word and suffix lists from `data/lists/` (one file a list, each saying where it
//! came from and what reads it), compiled in by build.rs: negations, the word "to" before a
//! short code, premium-rate units, call words, currencies, words bank and payment names end
//! in, account and payment action words in host names, and groups of suffixes (faked second
//! levels, restricted, abused country codes, cheap generic ones).

include!(concat!(env!("OUT_DIR"), "/lists.rs"));

/// A list's entries, one a line, in the file's order.
#[derive(Clone, Copy)]
pub(crate) struct WordList(&'static str);

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

    /// Whether `entry` is one of them: found as a substring that fills a line (a host check
    /// asks several lists a few times; splitting them into lines each time cost a tenth of it).
    pub fn contains(self, entry: &str) -> bool {
        if entry.is_empty() || entry.contains('\n') {
            return false;
        }
        let lines = self.0.as_bytes();
        self.0.match_indices(entry).any(|(start, _)| {
            let end = start + entry.len();
            (start == 0 || lines[start - 1] == b'\n') && (end == lines.len() || lines[end] == b'\n')
        })
    }
}

/// Whether the sorted `folded` list ([`WordList::folded`]) holds `word`.
pub(crate) fn listed(folded: &[String], word: &str) -> bool {
    folded.binary_search_by(|w| w.as_str().cmp(word)).is_ok()
}
