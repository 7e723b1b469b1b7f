//! The cue phrases of the text layers (payment, pressure, offer, pattern) and the matcher
//! that finds them in a folded message. build.rs compiles `data/cues/<layer>.<lang>.txt`,
//! folding each phrase as `text::fold` folds a message, into groups (layer, code, weight) and
//! sorted lines `<group> <words>`.
//!
//! The matcher works on whole words, not bytes: the first word of every phrase is a key in a
//! hash map (a stem such as `заблокир*` in a second map, looked up by the word's prefixes of
//! the stem lengths in use), and the rest of the phrase is compared word by word. One pass
//! over the words, a few map lookups per word: linear in the text. (The `aho-corasick` crate
//! would match bytes instead, but added 33 KB to the gzipped WebAssembly; this adds a few.)

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::code::Code;
use crate::skeleton::FnvBuild;
use crate::verdict::Layer;

include!(concat!(env!("OUT_DIR"), "/cues.rs"));

/// What a group of phrases means: its layer, stable code and weight (1 weak: means little
/// alone; 2 medium; 3 strong: a warning sign even alone; 0 context that a layer's own
/// rules read, such as the word "fee" beside a small amount, never a reason by itself).
#[derive(Debug)]
pub(crate) struct CueGroup {
    pub layer: Layer,
    pub code: Code,
    pub weight: u8,
}

/// A phrase found in the folded text.
#[derive(Debug, Clone)]
pub(crate) struct CueHit {
    pub group: &'static CueGroup,
    /// Byte range in the folded text.
    pub range: Range<usize>,
}

/// Words a `..` in a phrase may skip.
const MAX_GAP_WORDS: usize = 3;

/// A phrase under its first word: its group and where its remaining words lie in [`Phrases::rest`].
#[derive(Clone, Copy)]
struct Phrase {
    group: u16,
    start: u32,
    len: u16,
    /// The first byte of the phrase's second word (0 when it has none, or it is a `..` gap):
    /// most candidates fail on it without a call.
    next: u8,
}

type WordMap = HashMap<&'static str, Vec<Phrase>, FnvBuild>;

struct Phrases {
    /// First word → the phrases that start with it.
    by_word: WordMap,
    /// First-word stem (without its `*`) → the phrases that start with it.
    by_stem: WordMap,
    /// The byte lengths of the stems, shortest first.
    stem_lengths: Vec<usize>,
    /// The first two bytes of every stem, sorted: most words start otherwise and skip the stems.
    stem_heads: Vec<[u8; 2]>,
    /// The words after the first of every phrase, one after another.
    rest: Vec<Want>,
}

/// A word of a phrase after its first, read once at start-up.
#[derive(Clone, Copy)]
enum Want {
    /// `..`: up to [`MAX_GAP_WORDS`] words of any kind.
    Gap,
    /// `stem*`: a word starting with the stem.
    Stem(&'static str),
    Word(&'static str),
}

impl Want {
    fn parse(word: &'static str) -> Self {
        match word.strip_suffix('*') {
            _ if word == ".." => Want::Gap,
            Some(stem) => Want::Stem(stem),
            None => Want::Word(word),
        }
    }

    /// The first byte a matching word has (0 for a gap: any).
    fn first_byte(self) -> u8 {
        match self {
            Want::Gap => 0,
            Want::Stem(text) | Want::Word(text) => text.bytes().next().unwrap_or(0),
        }
    }
}

fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut phrases = Phrases {
            by_word: WordMap::default(),
            by_stem: WordMap::default(),
            stem_lengths: Vec::new(),
            stem_heads: Vec::new(),
            rest: Vec::new(),
        };
        for line in CUE_PHRASES.lines() {
            let (group, words) = line.split_once(' ').expect("build.rs writes `<group> <words>`");
            let group: u16 = group.parse().expect("build.rs writes the group number");
            let mut words = words.split(' ');
            let first = words.next().unwrap_or("");
            let start = phrases.rest.len();
            phrases.rest.extend(words.map(Want::parse));
            let next = phrases.rest.get(start).map_or(0, |want| want.first_byte());
            let phrase = Phrase {
                group,
                start: start as u32,
                len: (phrases.rest.len() - start) as u16,
                next,
            };
            match first.strip_suffix('*') {
                Some(stem) => {
                    phrases.by_stem.entry(stem).or_default().push(phrase);
                    if !phrases.stem_lengths.contains(&stem.len()) {
                        phrases.stem_lengths.push(stem.len());
                    }
                    let head = stem_head(stem).expect("stems are at least two bytes long");
                    if !phrases.stem_heads.contains(&head) {
                        phrases.stem_heads.push(head);
                    }
                }
                None => phrases.by_word.entry(first).or_default().push(phrase),
            }
        }
        phrases.stem_lengths.sort_unstable();
        phrases.stem_heads.sort_unstable();
        phrases
    })
}

fn stem_head(word: &str) -> Option<[u8; 2]> {
    word.as_bytes().first_chunk().copied()
}

/// The byte ranges of the words of a folded text (words are separated by single spaces).
pub(crate) fn words_of(folded: &str) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut start = 0;
    for (at, b) in folded.bytes().enumerate() {
        if b == b' ' {
            if at > start {
                words.push(start..at);
            }
            start = at + 1;
        }
    }
    if folded.len() > start {
        words.push(start..folded.len());
    }
    words
}

/// Every cue phrase in `folded` (text from `text::fold`), in order of where it starts.
pub(crate) fn find_cues(folded: &str, words: &[Range<usize>]) -> Vec<CueHit> {
    let phrases = phrases();
    let mut hits = Vec::new();
    for (at, range) in words.iter().enumerate() {
        let word = &folded[range.clone()];
        let next_word = words.get(at + 1).map_or("", |next| &folded[next.clone()]);
        let next = next_word.bytes().next().unwrap_or(0);
        let next_spoken = if next_word.len() <= 3 {
            spelled_out(next_word).and_then(|word| word.bytes().next()).unwrap_or(0)
        } else {
            0
        };
        let mut try_phrases = |candidates: &[Phrase]| {
            for phrase in candidates.iter().filter(|phrase| {
                phrase.next == 0 || phrase.next == next || phrase.next == next_spoken
            }) {
                let start = phrase.start as usize;
                let rest = &phrases.rest[start..start + usize::from(phrase.len)];
                if let Some(last) = match_rest(folded, words, at + 1, rest) {
                    hits.push(CueHit {
                        group: &CUE_GROUPS[usize::from(phrase.group)],
                        range: range.start..words[last].end,
                    });
                }
            }
        };
        if let Some(found) = phrases.by_word.get(word) {
            try_phrases(found);
        }
        if let Some(found) = (word.len() <= 3)
            .then(|| spelled_out(word))
            .flatten()
            .and_then(|word| phrases.by_word.get(word))
        {
            try_phrases(found);
        }
        let stems =
            stem_head(word).is_some_and(|head| phrases.stem_heads.binary_search(&head).is_ok());
        for &len in phrases.stem_lengths.iter().take_while(|&&len| stems && len <= word.len()) {
            if let Some(found) = word.get(..len).and_then(|stem| phrases.by_stem.get(stem)) {
                try_phrases(found);
            }
        }
    }
    hits
}

/// Text-message shorthand for the English words of the phrases (`u` for `you`, `2` for `to`),
/// folded as the phrases are. Other languages' phrases list their own short forms.
fn spelled_out(word: &str) -> Option<&'static str> {
    Some(match word {
        "u" => "you",
        "ur" | "yr" => "your",
        "r" => "are",
        "2" => "to",
        "4" => "for",
        "txt" => "text",
        "msg" => "message",
        "pls" | "plz" => "please",
        "ph" => "phone",
        "mob" => "mobile",
        "nd" => "and",
        _ => return None,
    })
}

/// Matches the phrase words `rest` from word `at` on; the index of the last word matched
/// (`at - 1` when `rest` is empty).
fn match_rest(folded: &str, words: &[Range<usize>], at: usize, rest: &[Want]) -> Option<usize> {
    let Some((&want, tail)) = rest.split_first() else {
        return Some(at - 1);
    };
    let word = |at: usize| words.get(at).map(|range| &folded[range.clone()]);
    match want {
        // Skip as few words as will do, up to MAX_GAP_WORDS.
        Want::Gap => {
            (0..=MAX_GAP_WORDS).find_map(|skip| match_rest(folded, words, at + skip, tail))
        }
        Want::Stem(stem) if word(at)?.starts_with(stem) => match_rest(folded, words, at + 1, tail),
        Want::Word(want) if is_word(word(at)?, want) => match_rest(folded, words, at + 1, tail),
        _ => None,
    }
}

/// `word` of the text is the phrase's `want`, also written in shorthand.
fn is_word(word: &str, want: &str) -> bool {
    word == want || (word.len() <= 3 && spelled_out(word) == Some(want))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn codes(text: &str) -> Vec<&'static str> {
        let folded = fold(text);
        let words = words_of(&folded.text);
        find_cues(&folded.text, &words).into_iter().map(|hit| hit.group.code.as_str()).collect()
    }

    #[test]
    fn finds_phrases_as_scammers_write_them() {
        let cases = [
            ("Please pay with an iTunes gift card", "gift-card"),
            ("Send via W.e.s.t.e.r.n Uni0n today", "money-transfer-service"),
            ("Ваш аккаунт заблокирован", "account-blocked"),
            ("Ihr Konto wurde gesperrt", "account-blocked"),
            ("reply within 24 hours", "deadline"),
            ("you have won a prize", "prize"),
        ];
        for (text, code) in cases {
            assert!(codes(text).contains(&code), "{text:?}: want {code}, got {:?}", codes(text));
        }
        assert!(
            codes("").is_empty() && codes("gift").is_empty() && codes("card gift").is_empty(),
            "no partial phrases"
        );
    }

    #[test]
    fn every_phrase_group_is_used_and_named() {
        assert!(!CUE_GROUPS.is_empty());
        for group in CUE_GROUPS {
            assert!(
                matches!(
                    group.layer,
                    Layer::Payment | Layer::Pressure | Layer::Offer | Layer::Pattern
                ),
                "{group:?}"
            );
            assert!(
                group.weight == 0 || crate::messages::is_known(group.code.as_str()),
                "code {} has no message",
                group.code.as_str()
            );
        }
    }
}
