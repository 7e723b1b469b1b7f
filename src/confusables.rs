//! Look-alike characters at run time: the skeleton of a host name, and which scripts a label
//! mixes. The table (every non-ASCII character that reads as ASCII) is compiled by build.rs
//! from UTS #39 confusables with diacritics stripped.

use crate::skeleton::{foreign_letters_read_with, skeleton_with};

mod table {
    include!(concat!(env!("OUT_DIR"), "/confusables.rs"));
}

/// Runs between two sampled runs of the table (build.rs writes every 32nd).
const RUN_SAMPLE: usize = 32;

/// The ASCII that `c` passes for (`"a"` for Cyrillic а, `""` for a combining accent).
pub(crate) fn lookalike_of(c: char) -> Option<&'static str> {
    let code = c as u32;
    // The last sampled run that starts at or before `c`, then at most RUN_SAMPLE runs on.
    let sample =
        table::RUN_SAMPLES.partition_point(|&(end_before, _)| end_before <= code).checked_sub(1)?;
    let (mut end, offset) = table::RUN_SAMPLES[sample];
    let mut bytes = table::RUNS.get(offset as usize..)?.iter().copied();
    for _ in 0..RUN_SAMPLE {
        let start = end.checked_add(read_varint(&mut bytes)?)?;
        end = start.checked_add(read_varint(&mut bytes)?)?;
        let lookalike = bytes.next()?;
        if code < start {
            return None;
        }
        if code < end {
            return table::ASCII.get(usize::from(lookalike)).copied();
        }
    }
    None
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

/// `name` with its foreign letters read as the ASCII they pass for, its ASCII as spelled.
pub(crate) fn foreign_letters_read(name: &str) -> String {
    foreign_letters_read_with(name, lookalike_of)
}

/// What `name` looks like: see [`crate::skeleton`].
pub(crate) fn skeleton(name: &str) -> String {
    skeleton_with(name, lookalike_of)
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
    }

    #[test]
    fn finds_mixed_scripts() {
        assert_eq!(scripts_in("pаypal"), [Script::Latin, Script::Cyrillic]);
        assert_eq!(scripts_in("аррӏе"), [Script::Cyrillic]);
        assert_eq!(scripts_in("shop-24"), [Script::Latin]);
        assert_eq!(scripts_in("中国"), []);
    }
}
