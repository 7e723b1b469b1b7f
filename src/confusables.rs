//! Look-alike characters at run time: the skeleton of a host name, and which script each
//! character of a label is written in. The tables are compiled by build.rs: the look-alikes
//! (every non-ASCII character that reads as ASCII) from UTS #39 confusables with diacritics
//! stripped and data/lookalike_extras.txt (its [hosts] part for host names only); the scripts from UTS #39's identifier status and
//! Unicode's Script property, less what data/idn_policy.txt says browsers do not show.

use crate::skeleton::{foreign_letters_read_with, skeleton_with};

mod lookalikes {
    include!(concat!(env!("OUT_DIR"), "/confusables.rs"));
}

mod scripts {
    use super::Script;
    include!(concat!(env!("OUT_DIR"), "/scripts.rs"));
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
const SCRIPTS: Runs =
    Runs { runs: scripts::RUNS, samples: scripts::RUN_SAMPLES, sample_every: scripts::RUN_SAMPLE };

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

/// `name` with its foreign letters read as the ASCII they pass for in a host name, its ASCII
/// as spelled.
pub(crate) fn foreign_letters_read(name: &str) -> String {
    foreign_letters_read_with(name, lookalike_in_host)
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

/// The writing system a character of a host name belongs to, as UTS #39 groups them to decide
/// which may mix in one label: the scripts in modern use (the only ones whose letters UTS #39
/// allows in identifiers), and three kinds of character that belong to none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Script {
    /// A character no browser shows in a host name: symbols, emoji, punctuation, invisible
    /// joiners, letters of historic scripts (Cherokee, Runic...) and the rarely used letters
    /// Chrome leaves out (data/idn_policy.txt).
    NotShown,
    /// Digits and the few signs every script may use (`-`, the middle dot).
    Common,
    /// Combining marks: they take the script of the letter they sit on.
    Inherited,
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Thaana,
    Devanagari,
    Bengali,
    Gurmukhi,
    Gujarati,
    Oriya,
    Tamil,
    Telugu,
    Kannada,
    Malayalam,
    Sinhala,
    Thai,
    Lao,
    Tibetan,
    Myanmar,
    Georgian,
    Hangul,
    Ethiopic,
    Khmer,
    Hiragana,
    Katakana,
    Han,
}

impl Script {
    /// The script of `c` (ASCII letters are Latin; ASCII digits, `-` and `_` Common).
    pub fn of(c: char) -> Self {
        if c.is_ascii() {
            return if c.is_ascii_alphabetic() {
                Self::Latin
            } else if c.is_ascii_digit() || c == '-' || c == '_' {
                Self::Common
            } else {
                Self::NotShown
            };
        }
        SCRIPTS
            .value_of(c)
            .and_then(|class| scripts::CLASSES.get(usize::from(class)).copied())
            .unwrap_or(Self::NotShown)
    }

    /// A script of letters, not a kind of character that belongs to none.
    pub fn is_letters(self) -> bool {
        !matches!(self, Self::NotShown | Self::Common | Self::Inherited)
    }
}

/// A set of [`Script`]s: the scripts a label's letters are written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Scripts(u64);

impl Scripts {
    pub fn insert(&mut self, script: Script) {
        if script.is_letters() {
            self.0 |= 1 << script as u8;
        }
    }

    pub fn remove(&mut self, script: Script) {
        self.0 &= !(1 << script as u8);
    }

    pub fn contains(self, script: Script) -> bool {
        self.0 & (1 << script as u8) != 0
    }

    pub fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// Whether every script of `self` is one of `scripts`.
    pub fn within(self, scripts: &[Script]) -> bool {
        let allowed: Scripts = scripts.iter().copied().collect();
        self.0 & !allowed.0 == 0
    }

    /// The scripts, in the table's order (Unicode's order of blocks, near enough).
    pub fn iter(self) -> impl Iterator<Item = Script> {
        scripts::CLASSES.iter().copied().filter(move |&script| self.contains(script))
    }
}

impl FromIterator<Script> for Scripts {
    fn from_iter<I: IntoIterator<Item = Script>>(scripts: I) -> Self {
        let mut set = Self::default();
        scripts.into_iter().for_each(|script| set.insert(script));
        set
    }
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
    fn knows_the_script_of_each_character() {
        let cases = [
            ('a', Script::Latin),
            ('é', Script::Latin),
            ('ệ', Script::Latin), // Vietnamese: after the Latin Extended Additional Chrome drops
            ('а', Script::Cyrillic),
            ('ο', Script::Greek),
            ('中', Script::Han),
            ('旪', Script::Han), // an uncommon ideograph: the ideograph blocks count whole
            ('あ', Script::Hiragana),
            ('テ', Script::Katakana),
            ('ー', Script::Katakana), // the prolonged sound mark: kana of either kind
            ('한', Script::Hangul),
            ('ㄅ', Script::NotShown), // Bopomofo: not in UTS #39's allowed set
            ('ก', Script::Thai),
            ('ע', Script::Hebrew),
            ('ب', Script::Arabic),
            ('ह', Script::Devanagari),
            ('5', Script::Common),
            ('-', Script::Common),
            ('·', Script::Common),
            ('\u{301}', Script::Inherited),
            ('🔒', Script::NotShown),
            ('✔', Script::NotShown),
            ('—', Script::NotShown),
            ('\u{200D}', Script::NotShown),
            ('ĸ', Script::NotShown), // UTS #39 allows it; Chrome does not
            ('ḃ', Script::NotShown),
            ('Ꭺ', Script::NotShown), // Cherokee: no script in modern use in names
        ];
        for (c, script) in cases {
            assert_eq!(Script::of(c), script, "{c:?} (U+{:04X})", c as u32);
        }
    }

    #[test]
    fn finds_mixed_scripts() {
        let of = |label: &str| label.chars().map(Script::of).collect::<Scripts>();
        let scripts = |label: &str| of(label).iter().collect::<Vec<_>>();
        assert_eq!(scripts("pаypal"), [Script::Latin, Script::Cyrillic]);
        assert_eq!(scripts("аррӏе"), [Script::Cyrillic]);
        assert_eq!(scripts("shop-24"), [Script::Latin]);
        assert_eq!(scripts("中国"), [Script::Han]);
        assert_eq!(scripts("🙂-1"), []);
        assert!(of("ソニーstore").within(&[Script::Latin, Script::Katakana, Script::Han]));
    }
}
