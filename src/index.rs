//! The names Wary protects — catalogue brands and the user's own protected domains — indexed
//! so that judging a host takes a handful of lookups, not a scan:
//!
//! - `exact`: token → entry (TLD swaps, brand words in subdomains);
//! - `by_skeleton`: skeleton of a token → entry (homographs: same look, other letters);
//! - `near`: each distinctive token and every form of it with one character deleted →
//!   entries. Two strings one edit apart (substitution, insertion, deletion, or an
//!   adjacent swap) always share a key of this "deletion neighbourhood", so typo candidates
//!   come from at most len+1 lookups and are then confirmed with a real edit distance;
//! - `inside`: tokens keyed by their first three or four bytes, so finding brand
//!   names inside longer names (`paypalrefunds`) costs one small-key hash lookup per position
//!   of the name (this replaced an Aho-Corasick automaton: same answers, ~40 KB less wasm).
//!
//! The catalogue's index is built once per process (a few hundred microseconds); a user's
//! protected domains get a small index of their own.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::catalogue;
use crate::confusables::skeleton;

/// Tokens shorter than this match only exactly or by skeleton: one edit away from `ebay`,
/// `adobe` or `ameli` is mostly other real names (`adore`, `amelia`: measured on the Tranco
/// top 1M, five-letter names gave most of the false alarms).
pub(crate) const MIN_TYPO_LEN: usize = 6;

/// A protected name: a catalogue brand or a user's domain.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub name: Cow<'static, str>,
    /// The registrable domain to send people to.
    pub home: Cow<'static, str>,
    pub tokens: Vec<Token>,
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub text: Cow<'static, str>,
    pub skeleton: Cow<'static, str>,
    /// An ordinary word (`target`, `chase`): matched only whole or by look-alike letters.
    pub generic: bool,
}

/// One token of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub entry: u32,
    pub token: u16,
}

pub(crate) struct Index {
    entries: Vec<Entry>,
    exact: FastMap<Cow<'static, str>, Hit>,
    by_skeleton: FastMap<Cow<'static, str>, Hit>,
    near: FastMap<String, Vec<Hit>>,
    /// Token skeletons by their first `min(len, 4)` bytes (see [`head_key`]).
    inside: FastMap<u64, Vec<Hit>>,
    /// Official registrable domains of a user index; the catalogue's are a compiled table.
    official: HashMap<String, u32>,
    is_catalogue: bool,
}

impl Index {
    /// The catalogue's index, built on first use.
    pub fn catalogue() -> &'static Index {
        static INDEX: OnceLock<Index> = OnceLock::new();
        INDEX.get_or_init(|| {
            let entries = catalogue::brands().iter().map(|brand| Entry {
                name: Cow::Borrowed(brand.name),
                home: Cow::Borrowed(brand.home),
                tokens: brand
                    .tokens
                    .iter()
                    .zip(brand.skeletons)
                    .map(|(&text, &skeleton)| Token {
                        text: Cow::Borrowed(text),
                        skeleton: Cow::Borrowed(skeleton),
                        generic: brand.is_generic(text),
                    })
                    .collect(),
            });
            Index::build(entries.collect(), HashMap::new(), true)
        })
    }

    /// An index of the user's own protected registrable domains (ASCII form), e.g. their
    /// bank: each protects its first label as a name.
    pub fn for_domains(domains: &[String]) -> Index {
        let mut entries = Vec::new();
        let mut official = HashMap::new();
        for domain in domains {
            let Some((label, _)) = domain.split_once('.') else { continue };
            if label.len() < 3 {
                continue; // too short to tell a lookalike from a coincidence
            }
            official.insert(domain.clone(), entries.len() as u32);
            entries.push(Entry {
                name: Cow::Owned(domain.clone()),
                home: Cow::Owned(domain.clone()),
                tokens: vec![Token {
                    text: Cow::Owned(label.to_string()),
                    skeleton: Cow::Owned(skeleton(label)),
                    generic: false,
                }],
            });
        }
        Index::build(entries, official, false)
    }

    fn build(entries: Vec<Entry>, official: HashMap<String, u32>, is_catalogue: bool) -> Index {
        let mut exact = FastMap::default();
        let mut by_skeleton = FastMap::default();
        let mut near: FastMap<String, Vec<Hit>> = FastMap::default();
        let mut inside: FastMap<u64, Vec<Hit>> = FastMap::default();
        for (entry_at, entry) in entries.iter().enumerate() {
            for (token_at, token) in entry.tokens.iter().enumerate() {
                let hit = Hit { entry: entry_at as u32, token: token_at as u16 };
                // The first entry listed keeps a shared token (catalogue order is priority order).
                exact.entry(token.text.clone()).or_insert(hit);
                by_skeleton.entry(token.skeleton.clone()).or_insert(hit);
                // Slips and brand names inside longer names are matched on the plain letters:
                // folding i/1 into l there would find `gmail` in `shoppingmall`.
                if token.text.len() >= 3 {
                    inside.entry(head_key(token.text.as_bytes())).or_default().push(hit);
                }
                if !token.generic && token.text.len() >= MIN_TYPO_LEN {
                    // Keyed by the plain letters and by the skeleton: a look-alike letter plus
                    // a slip (`garăntiblbva`) is one edit from the skeleton, not the spelling.
                    let plain = std::iter::once(token.text.to_string()).chain(deletion_neighbourhood(&token.text));
                    let looks = std::iter::once(token.skeleton.to_string()).chain(deletion_neighbourhood(&token.skeleton));
                    for key in plain.chain(looks) {
                        let hits = near.entry(key).or_default();
                        if !hits.contains(&hit) {
                            hits.push(hit);
                        }
                    }
                }
            }
        }
        Index { entries, exact, by_skeleton, near, inside, official, is_catalogue }
    }

    pub fn entry(&self, hit: Hit) -> &Entry {
        &self.entries[hit.entry as usize]
    }

    pub fn token(&self, hit: Hit) -> &Token {
        &self.entries[hit.entry as usize].tokens[hit.token as usize]
    }

    /// The entry that officially owns this registrable domain.
    pub fn owner_of(&self, registrable: &str) -> Option<&Entry> {
        if self.is_catalogue {
            let brand = catalogue::owner_index(registrable)?;
            Some(&self.entries[brand])
        } else {
            self.official.get(registrable).map(|&at| &self.entries[at as usize])
        }
    }

    /// The token spelled exactly `text`.
    pub fn exact(&self, text: &str) -> Option<Hit> {
        self.exact.get(text).copied()
    }

    /// The token whose skeleton is `skeleton`.
    pub fn with_skeleton(&self, skeleton: &str) -> Option<Hit> {
        self.by_skeleton.get(skeleton).copied()
    }

    /// Distinctive tokens exactly one edit (Damerau) from `name`, both in plain lowercase.
    pub fn one_edit_from(&self, name: &str) -> Vec<Hit> {
        self.one_edit(name, |token| &token.text)
    }

    /// Distinctive tokens whose skeleton is exactly one edit from `skeleton`.
    pub fn one_edit_from_skeleton(&self, skeleton: &str) -> Vec<Hit> {
        self.one_edit(skeleton, |token| &token.skeleton)
    }

    fn one_edit(&self, name: &str, form: impl Fn(&Token) -> &str) -> Vec<Hit> {
        let mut found = Vec::new();
        if name.len() < MIN_TYPO_LEN - 1 || name.len() > 64 {
            return found;
        }
        for key in std::iter::once(name.to_string()).chain(deletion_neighbourhood(name)) {
            for &hit in self.near.get(&key).into_iter().flatten() {
                if !found.contains(&hit) && one_edit_apart(name.as_bytes(), form(self.token(hit)).as_bytes()) {
                    found.push(hit);
                }
            }
        }
        found
    }

    /// Every token found inside `name` (plain lowercase), with its byte range there.
    pub fn inside(&self, name: &str) -> Vec<(Hit, std::ops::Range<usize>)> {
        let bytes = name.as_bytes();
        let mut found = Vec::new();
        for start in 0..bytes.len() {
            for head in [3, 4] {
                let Some(window) = bytes.get(start..start + head) else { break };
                for &hit in self.inside.get(&head_key(window)).into_iter().flatten() {
                    let token = self.token(hit).text.as_bytes();
                    if bytes[start..].starts_with(token) {
                        found.push((hit, start..start + token.len()));
                    }
                }
            }
        }
        found
    }
}

/// The first three or four bytes of `text` (four when it has them), with how many.
fn head_key(text: &[u8]) -> u64 {
    let head = &text[..text.len().min(4)];
    head.iter().fold(head.len() as u64, |key, &b| (key << 8) | u64::from(b))
}

/// FNV-1a: keys here are a few bytes long, where std's DoS-resistant SipHash costs more than
/// the lookup itself; the keys come from our own tables and the host being judged, and a
/// hostile host can at worst slow its own check.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Whether `a` becomes `b` by exactly one substitution, insertion, deletion, or swap of two
/// adjacent bytes (Damerau distance 1), in linear time.
fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    match a.len() as isize - b.len() as isize {
        0 if a.is_empty() => false, // equal
        0 => a[1..] == b[1..] || (a.len() >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..]),
        1 => a[1..] == *b,
        -1 => *a == b[1..],
        _ => false,
    }
}

/// `text` with each one character removed in turn (ASCII skeletons; other text is skipped).
fn deletion_neighbourhood(text: &str) -> impl Iterator<Item = String> + '_ {
    let ascii = text.is_ascii();
    (0..if ascii { text.len() } else { 0 }).map(move |at| format!("{}{}", &text[..at], &text[at + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_one_edit_away() {
        let index = Index::catalogue();
        let names = |hits: Vec<Hit>| hits.iter().map(|&h| index.token(h).text.to_string()).collect::<Vec<_>>();
        for (typo, real) in [("amazom", "amazon"), ("amazonn", "amazon"), ("amzon", "amazon"), ("maazon", "amazon"), ("paypla", "paypal")] {
            assert!(names(index.one_edit_from(typo)).contains(&real.to_string()), "{typo} should be one edit from {real}");
        }
        assert!(index.one_edit_from("amazing").is_empty(), "amazing is two edits from amazon");
        assert!(index.one_edit_from("amazon").is_empty(), "zero edits is not a typo");
    }

    #[test]
    fn tells_one_edit_from_more() {
        let cases = [
            ("amazon", "amazom", true),
            ("amazon", "amazonn", true),
            ("amazon", "amzon", true),
            ("amazon", "maazon", true),
            ("amazon", "amazon", false),
            ("amazon", "maazno", false), // two swaps apart
            ("amazon", "amazing", false),
            ("ab", "ba", true),
            ("", "a", true),
        ];
        for (a, b, expected) in cases {
            assert_eq!(one_edit_apart(a.as_bytes(), b.as_bytes()), expected, "{a} vs {b}");
            assert_eq!(one_edit_apart(b.as_bytes(), a.as_bytes()), expected, "{b} vs {a}");
        }
    }

    #[test]
    fn finds_names_inside_longer_names() {
        let index = Index::catalogue();
        let found: Vec<String> = index.inside("paypalrefunds").iter().map(|(h, _)| index.token(*h).text.to_string()).collect();
        assert!(found.contains(&"paypal".to_string()), "{found:?}");
        let found: Vec<String> = index.inside("shoppingmall").iter().map(|(h, _)| index.token(*h).text.to_string()).collect();
        assert!(!found.contains(&"gmail".to_string()), "plain letters: no gmail in shoppingmall, {found:?}");
    }

    #[test]
    fn user_domains_get_their_own_index() {
        let index = Index::for_domains(&["mybank.example".to_string(), "ab.example".to_string()]);
        assert_eq!(index.owner_of("mybank.example").map(|e| e.home.as_ref()), Some("mybank.example"));
        assert!(index.owner_of("ab.example").is_none(), "two-letter names are not protected");
        assert!(!index.one_edit_from("mybamk").is_empty());
    }
}
