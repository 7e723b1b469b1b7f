//! Look-alike characters at run time: the skeleton of a host name, and which scripts a label
//! mixes. The tables (every non-ASCII character that reads as ASCII) are compiled by build.rs
//! from UTS #39 confusables with diacritics stripped and data/lookalike_extras.txt (its [hosts]
//! part for host names only).

use crate::skeleton::skeleton_with;

mod lookalikes {
    include!(concat!(env!("OUT_DIR"), "/confusables.rs"));
}

/// A table of code points with a byte each, as build.rs's `encode_runs` writes it.
struct Runs {
    runs: &'static [u8],
    /// (end of the previous run, record offset) of every `sample_every`th run.
    samples: &'static [(u32, u32)],
    sample_every: usize,
}

impl Runs {
    /// The byte of `c`, `None` for a character in no run: a binary search over the samples,
    /// then at most `sample_every` runs read on.
    fn value_of(&self, c: char) -> Option<u8> {
        let code = c as u32;
        let sample =
            self.samples.partition_point(|&(end_before, _)| end_before <= code).checked_sub(1)?;
        let (mut end, offset) = self.samples[sample];
        let mut bytes = self.runs.get(offset as usize..)?.iter().copied();
        for _ in 0..self.sample_every {
            let start = end.checked_add(read_varint(&mut bytes)?)?;
            end = start.checked_add(read_varint(&mut bytes)?)?;
            let value = bytes.next()?;
            if code < start {
                return None;
            }
            if code < end {
                return Some(value);
            }
        }
        None
    }
}

const LOOKALIKES: Runs = Runs {
    runs: lookalikes::RUNS,
    samples: lookalikes::RUN_SAMPLES,
    sample_every: lookalikes::RUN_SAMPLE,
};
const HOST_LOOKALIKES: Runs = Runs {
    runs: lookalikes::HOST_RUNS,
    samples: lookalikes::HOST_RUN_SAMPLES,
    sample_every: lookalikes::HOST_RUN_SAMPLE,
};

/// The ASCII that `c` passes for in a message's words (`"a"` for Cyrillic а, `""` for a
/// combining accent): UTS #39's look-alikes, which the cue lists are folded with too.
pub(crate) fn lookalike_of(c: char) -> Option<&'static str> {
    LOOKALIKES.value_of(c).and_then(|at| lookalikes::ASCII.get(usize::from(at)).copied())
}

/// The ASCII that `c` passes for in a host name: [`lookalike_of`], and Chromium's look-alikes
/// beyond UTS #39 (`"n"` for Thai ก, `"b"` for ß; data/lookalike_extras.txt).
pub(crate) fn lookalike_in_host(c: char) -> Option<&'static str> {
    HOST_LOOKALIKES
        .value_of(c)
        .and_then(|at| lookalikes::ASCII.get(usize::from(at)).copied())
        .or_else(|| lookalike_of(c))
}

/// A LEB128 varint, as build.rs writes them; `None` at the end of the table.
fn read_varint(bytes: &mut impl Iterator<Item = u8>) -> Option<u32> {
    let mut value = 0u32;
    for shift in (0..32).step_by(7) {
        let byte = bytes.next()?;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// What host name `name` looks like: see [`crate::skeleton`].
pub(crate) fn skeleton(name: &str) -> String {
    skeleton_with(name, lookalike_in_host)
}

/// A skeleton read more loosely: plain letters that pass for each other at a glance in small
/// print but that Unicode does not list as confusable — e/c, q/g, v/u, b/d, n/m, z/s, and the
/// pairs lc (k), lh (h), lb (b) — folded to one of each, then the skeleton's pairs folded again
/// (`ageneiatributaria` → `agenclatr…` → `agendatr…`, as `agenciatributaria` reads). The same
/// substitutions make dnstwist's ASCII homoglyphs. Too loose to judge a plain name by on its own:
/// it backs up evidence such as foreign look-alike letters, or is required to match whole.
pub(crate) fn loose_skeleton(skeleton: &str) -> String {
    let mut singles = String::with_capacity(skeleton.len());
    let mut chars = skeleton.chars().peekable();
    while let Some(c) = chars.next() {
        let pair = match (c, chars.peek()) {
            ('l', Some('c')) => Some('k'),
            ('l', Some('h')) => Some('h'),
            ('l', Some('b')) => Some('d'),
            _ => None,
        };
        if let Some(letter) = pair {
            chars.next();
            singles.push(letter);
            continue;
        }
        singles.push(match c {
            'e' => 'c',
            'q' => 'g',
            'v' => 'u',
            'b' => 'd',
            'n' => 'm',
            'z' => 's',
            other => other,
        });
    }
    crate::skeleton::fold_pairs(&singles)
}

/// Writing systems whose letters pass for Latin ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Cherokee,
    /// Digits, hyphens, and everything else that is not a confusable letter.
    Other,
}

impl Script {
    pub fn of(c: char) -> Self {
        match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Self::Latin,
            0x370..=0x3FF | 0x1F00..=0x1FFF => Self::Greek,
            0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Self::Cyrillic,
            0x530..=0x58F => Self::Armenian,
            0x13A0..=0x13FF | 0xAB70..=0xABBF => Self::Cherokee,
            _ => Self::Other,
        }
    }
}

/// The confusable scripts a label's letters come from, in order of first appearance.
pub(crate) fn scripts_in(label: &str) -> Vec<Script> {
    let mut seen = Vec::new();
    for script in label.chars().map(Script::of).filter(|&s| s != Script::Other) {
        if !seen.contains(&script) {
            seen.push(script);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_skeletons_fold_plain_lookalikes() {
        let cases = [
            ("booking", "bookinq"),
            ("kraken", "krakcn"),
            ("discover", "biscouer"),
            ("agenciatributaria", "ageneiatributaria"),
            ("ticketmaster", "tlcketmastcr"),
        ];
        for (real, fake) in cases {
            assert_eq!(
                loose_skeleton(&skeleton(real)),
                loose_skeleton(&skeleton(fake)),
                "{fake} should read loosely as {real}"
            );
        }
        assert_ne!(
            loose_skeleton(&skeleton("paypal")),
            loose_skeleton(&skeleton("paypat")),
            "t is no look-alike"
        );
    }

    #[test]
    fn skeletons_merge_lookalike_characters() {
        let same = [
            ("paypa1", "paypal"),
            ("aiiexpress", "aliexpress"),
            ("aIiexpress", "aliexpress"),
            ("arnazon", "amazon"),
            ("pаypal", "paypal"), // Cyrillic а
            ("аррӏе", "apple"),   // all Cyrillic
            ("amaz0n", "amazon"),
            ("pàypal", "paypal"), // diacritic
            ("ɡoogle", "google"), // Latin small script g
            ("vvalmart", "walmart"),
            ("daimler", "claimler"),
        ];
        for (fake, real) in same {
            assert_eq!(skeleton(fake), skeleton(real), "{fake} should look like {real}");
        }
        for (a, b) in [("ebay", "eboy"), ("paypal", "paypai1x"), ("яндекс", "yandex")] {
            assert_ne!(skeleton(a), skeleton(b), "{a} and {b} should differ");
        }
    }

    #[test]
    fn the_table_covers_the_usual_suspects() {
        for (c, ascii) in [
            ('а', "a"),
            ('о', "o"),
            ('р', "p"),
            ('е', "e"),
            ('ӏ', "l"),
            ('ο', "o"),
            ('é', "e"),
            ('\u{301}', ""),
        ] {
            assert_eq!(lookalike_of(c), Some(ascii), "{c:?} (U+{:04X})", c as u32);
        }
        assert_eq!(lookalike_of('я'), None);
        assert_eq!(lookalike_of('中'), None);
        // Chromium's look-alikes beyond UTS #39: in host names, not in a message's words.
        for (c, ascii) in [('ก', "n"), ('ß', "b"), ('п', "n"), ('৭', "q"), ('ვ', "3"), ('а', "a")]
        {
            assert_eq!(lookalike_in_host(c), Some(ascii), "{c:?} in a host name");
        }
        for c in ['ก', 'ß', 'п', 'н', 'т'] {
            assert_eq!(lookalike_of(c), None, "{c:?} in a message: `по` must not read as `no`");
        }
    }

    #[test]
    fn finds_mixed_scripts() {
        assert_eq!(scripts_in("pаypal"), [Script::Latin, Script::Cyrillic]);
        assert_eq!(scripts_in("аррӏе"), [Script::Cyrillic]);
        assert_eq!(scripts_in("shop-24"), [Script::Latin]);
        assert_eq!(scripts_in("中国"), []);
    }
}
