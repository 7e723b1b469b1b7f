//! The two kinds of table build.rs compiles in, both searched by bisection, with nothing built
//! at start-up and no allocation per lookup:
//!
//! - [`NameSet`]: sorted 32-bit FNV-1a hashes of names, for membership only (public suffix
//!   rules, popular sites, free hosting, shorteners, keywords). Four bytes a name, whatever
//!   its length; build.rs refuses a table in which two names share a hash. A name that is not
//!   in the table is wrongly found with odds of (table size) in 2^32, about 1 in 600,000 for
//!   the 7,000 suffix rules.
//! - [`SortedLines`]: sorted, newline-separated text with a sparse index, where the lines
//!   themselves are needed (the look-alike characters and what they pass for).

/// A set of names, stored as their sorted FNV-1a hashes.
#[derive(Clone, Copy)]
pub(crate) struct NameSet(pub &'static [u32]);

impl NameSet {
    pub fn contains(self, name: &str) -> bool {
        self.0.binary_search(&crate::skeleton::fnv32(name)).is_ok()
    }
}

/// A `'\n'`-separated list of lines in byte order, without a trailing newline, and
/// optionally the byte offset of every [`SAMPLE_EVERY`]th line (build.rs writes both), which
/// turns a lookup into a binary search over the samples plus a short forward scan.
#[derive(Clone, Copy)]
pub(crate) struct SortedLines {
    text: &'static str,
    samples: &'static [u32],
}

/// How many lines lie between two sampled line starts.
pub(crate) const SAMPLE_EVERY: usize = 16;

impl SortedLines {
    /// A table with its sampled line offsets, as build.rs writes them.
    pub const fn sampled(text: &'static str, samples: &'static [u32]) -> Self {
        Self { text, samples }
    }

    /// A small table without samples: searched by bisection over its bytes.
    pub const fn new(text: &'static str) -> Self {
        Self { text, samples: &[] }
    }

    /// Whether the table holds the line `key`.
    pub fn contains(self, key: &str) -> bool {
        self.lower_bound(key) == Some(key)
    }

    /// The lines that start with `prefix`, in order.
    pub fn starting_with<'k>(self, prefix: &'k str) -> impl Iterator<Item = &'static str> + 'k {
        let text = self.text;
        let start = self.lower_bound(prefix).map_or(text.len(), |line| line.as_ptr() as usize - text.as_ptr() as usize);
        text[start..].split('\n').take_while(move |line| line.starts_with(prefix) && !line.is_empty())
    }

    /// The first line that is not below `key`, if any.
    fn lower_bound(self, key: &str) -> Option<&'static str> {
        if self.samples.is_empty() {
            return self.lower_bound_by_bytes(key);
        }
        // The last sampled line below the key; the answer lies within the next SAMPLE_EVERY lines.
        let below = self.samples.partition_point(|&at| self.line_at(at as usize) < key);
        let mut at = below.checked_sub(1).map_or(0, |sample| self.samples[sample] as usize);
        for _ in 0..=SAMPLE_EVERY {
            if at > self.text.len() {
                break;
            }
            let line = self.line_at(at);
            if line >= key {
                return Some(line);
            }
            at += line.len() + 1;
        }
        None
    }

    /// The line starting at byte `at`.
    fn line_at(self, at: usize) -> &'static str {
        let rest = &self.text.as_bytes()[at..];
        let len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        &self.text[at..at + len]
    }

    fn lower_bound_by_bytes(self, key: &str) -> Option<&'static str> {
        let text = self.text.as_bytes();
        let (mut low, mut high) = (0, text.len());
        let mut found = None;
        // Invariant: `low` is at a line start; lines wholly before `low` sort below the key;
        // the line starting at `high` (if any) is the best candidate seen so far.
        while low < high {
            let middle = low + (high - low) / 2;
            let start = text[low..middle].iter().rposition(|&b| b == b'\n').map_or(low, |at| low + at + 1);
            let end = text[middle..].iter().position(|&b| b == b'\n').map_or(text.len(), |at| middle + at);
            let line = &self.text[start..end];
            if line < key {
                low = end + 1;
            } else {
                found = Some(line);
                high = start;
            }
        }
        found
    }
}

/// The sampled line offsets for `text`, as build.rs computes them (shared via tests).
#[cfg(test)]
fn samples_of(text: &str) -> Vec<u32> {
    let mut starts = vec![0u32];
    starts.extend(text.match_indices('\n').map(|(at, _)| at as u32 + 1));
    starts.into_iter().step_by(SAMPLE_EVERY).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: SortedLines = SortedLines::new("a\nab\nabc\nb\nbe\tx\nbe\ty\nc");

    #[test]
    fn sampled_and_unsampled_tables_agree() {
        let lines: Vec<String> = (0..500).map(|n| format!("{:05}", n * 3)).collect();
        let text: &'static str = Box::leak(lines.join("\n").into_boxed_str());
        let samples: &'static [u32] = Box::leak(samples_of(text).into_boxed_slice());
        let (plain, sampled) = (SortedLines::new(text), SortedLines::sampled(text, samples));
        for n in 0..1510 {
            let key = format!("{n:05}");
            assert_eq!(plain.contains(&key), n % 3 == 0 && n < 1500, "plain lookup of {key}");
            assert_eq!(sampled.contains(&key), n % 3 == 0 && n < 1500, "sampled lookup of {key}");
            assert_eq!(plain.starting_with(&key[..4]).collect::<Vec<_>>(), sampled.starting_with(&key[..4]).collect::<Vec<_>>(), "prefix {}", &key[..4]);
        }
    }

    #[test]
    fn finds_exact_lines() {
        for line in TABLE.text.split('\n') {
            assert!(TABLE.contains(line), "{line:?} should be found");
        }
        for absent in ["", "aa", "abcd", "bb", "d", "be"] {
            assert!(!TABLE.contains(absent), "{absent:?} should not be found");
        }
    }

    #[test]
    fn lists_lines_by_prefix() {
        assert_eq!(TABLE.starting_with("be\t").collect::<Vec<_>>(), ["be\tx", "be\ty"]);
        assert_eq!(TABLE.starting_with("ab").collect::<Vec<_>>(), ["ab", "abc"]);
        assert_eq!(TABLE.starting_with("z").count(), 0);
        assert_eq!(SortedLines::new("").starting_with("a").count(), 0);
    }
}
