//! The names Wary protects — catalogue brands and the user's own protected domains — indexed
//! so that judging a host takes a handful of lookups, not a scan. Every token has a number
//! (entries in order, each entry's tokens in order); the indexes hold those numbers in small
//! open-addressing hash tables ([`Slots`]) or sorted arrays, never strings of their own:
//!
//! - `by_text`: tokens by their text (TLD swaps, brand words in subdomains);
//! - `by_skeleton`: tokens by their skeleton (homographs: same look, other letters);
//! - `by_loose`: tokens by their loose skeleton (e/c, b/d, n/m, ... folded too), for names
//!   whose letters pass for the brand's at a glance though Unicode lists them as different;
//! - `inside`: tokens keyed by their first three or four bytes (the first token per key, and a
//!   chain to the next), so finding brand names inside longer names (`paypalrefunds`) costs
//!   one small-key lookup per position of the name;
//! - `near`: each distinctive token and every form of it with one character deleted, keyed by
//!   a hash of that form. Two strings one edit apart (substitution, insertion, deletion, or an
//!   adjacent swap) always share a form of this "deletion neighbourhood", so typo candidates
//!   come from at most len+1 lookups, each form checked against the token's own letters and
//!   the candidate confirmed with a real edit distance. Each token is there three times: as
//!   spelled, as its skeleton and as its loose skeleton (each key tagged with its form).
//!
//! Where several tokens share a text or skeleton, the first listed wins (catalogue order is
//! priority order); candidates come out in token order. The catalogue's index is built once
//! per process from its compiled text (~650 tokens into four tables, no text copied but the
//! loose skeletons);
//! `near`, the biggest part, only on the first typo check. Building the tables at compile
//! time instead would put ~2 bytes a token per table into the wasm to save well under a
//! millisecond once; see BENCHMARKS.md.
//!
//! The popular sites' names (8,964) are the wasm's largest index, built by [`load_names`] while
//! the worker starts: their entries borrow the names' text, and they have neither loose
//! skeletons nor typo forms, which no check matches them by: `load_names` went from 46 to 25
//! million instructions natively, and from 27–31 to 17–23 ms in the wasm in Node (BENCHMARKS.md,
//! issue 15's cold start).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::catalogue;
use crate::confusables::{loose_skeleton, skeleton};
use crate::host::Host;
use crate::lines::Slots;
use crate::skeleton::fnv32_bytes;

/// Tokens shorter than this match only exactly or by skeleton: one edit away from `ebay`,
/// `adobe` or `ameli` is mostly other real names (`adore`, `amelia`: measured on the Tranco
/// top 1M, five-letter names gave most of the false alarms).
pub(crate) const MIN_TYPO_LEN: usize = 6;
/// Names longer than this are not looked up for typos (bounded work on hostile input).
const MAX_TYPO_LEN: usize = 64;

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
    /// The skeleton read loosely ([`loose_skeleton`]): e/c, b/d, n/m, ... folded too. Empty for
    /// a popular site's name (`from_data`): no check matches those by loose letters, and
    /// computing 8,964 of them was about a fifth of what [`load_names`] cost the worker.
    pub loose: String,
    /// An ordinary word (`target`, `chase`): matched only whole or by look-alike letters.
    pub generic: bool,
    /// A name rare among real domains (`aliexpress`, `metamask`): a lookalike inside any other
    /// domain and under any suffix its brand does not own ([`catalogue::BrandToken`]).
    pub distinctive: bool,
    /// Its brand holds country sites, so a country-code swap is no finding.
    pub country_sites: bool,
    /// One typing slip from other established sites: never matched by a slip.
    pub slip_prone: bool,
    /// An ordinary word that real sites seldom pair with scam words ([`catalogue::BrandToken`]).
    pub keywords: bool,
    /// A popular site where people hold an account or pay (data/protected_names.txt
    /// `accounts`): its name beside any scam word counts, as a brand's does.
    pub accounts: bool,
    /// A popular site's name that no other site of the top 1M is one slip from
    /// (data/protected_names.txt `slips`): a typing slip of it counts too (an account site's
    /// under any suffix, another's under a generic suffix or its own).
    pub slips: bool,
    /// A popular site's name ([`Index::for_names`]), not a hand-checked brand's: its mirrors,
    /// country sites and namesakes are everywhere, so only look-alike foreign letters, an
    /// embedded domain, or the name beside a word asking for an account or a payment count.
    pub from_data: bool,
}

/// One token of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub entry: u32,
    pub token: u16,
}

pub(crate) struct Index {
    entries: Vec<Entry>,
    /// Each token's entry and place, by token number.
    hits: Vec<Hit>,
    /// Token numbers by text, one per distinct text (the first).
    by_text: Slots,
    /// Token numbers by skeleton, one per distinct skeleton (the first).
    by_skeleton: Slots,
    /// Token numbers by loose skeleton, one per distinct one (the first); popular sites'
    /// names are not there.
    by_loose: Slots,
    /// The first token (of three bytes and more) with each head key.
    inside: Slots,
    /// The next token with the same head key as this one ([`Slots::EMPTY`]: none), by number.
    next_inside: Vec<u32>,
    /// One bit for each [`HEAD_FILTER_BITS`] high bits of the head keys' hashes in `inside`: most
    /// three and four letters of a name begin no token, and the bit says so without a look-up.
    head_filter: Vec<u64>,
    /// The deletion neighbourhood: `hash << 32 | token << 8 | deleted byte` (255: none
    /// deleted), sorted; built on first use.
    near: OnceLock<Near>,
    /// Official registrable domains of a user index; the catalogue's are a compiled table.
    official: HashMap<String, u32>,
    is_catalogue: bool,
}

/// The deletion neighbourhood (sorted keys) and, beside it, one bit for each low
/// [`NEAR_FILTER_BITS`] bits of the keys' hashes: most forms of most names are in no
/// neighbourhood, and the bit says so without a binary search of the keys.
struct Near {
    keys: Vec<u64>,
    filter: Vec<u64>,
}

/// The filter's size in bits, as a power of two: 2^18 bits (32 KB) for a few tens of thousands
/// of keys leaves most bits clear.
const NEAR_FILTER_BITS: u32 = 18;

impl Near {
    fn new(keys: Vec<u64>) -> Self {
        let mut filter = vec![0u64; 1 << (NEAR_FILTER_BITS - 6)];
        for key in &keys {
            let bit = Self::bit((key >> 32) as u32);
            filter[bit / 64] |= 1 << (bit % 64);
        }
        Near { keys, filter }
    }

    fn bit(hash: u32) -> usize {
        (hash & ((1 << NEAR_FILTER_BITS) - 1)) as usize
    }

    /// The keys whose hash is `hash`.
    fn with_hash(&self, hash: u32) -> &[u64] {
        let bit = Self::bit(hash);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return &[];
        }
        let hash = u64::from(hash);
        let first = self.keys.partition_point(|&key| key >> 32 < hash);
        let count = self.keys[first..].iter().take_while(|&&key| key >> 32 == hash).count();
        &self.keys[first..first + count]
    }
}

/// Marks the form of a token with nothing deleted in `near`.
const WHOLE: u8 = u8::MAX;
/// Marks a `near` key made from a token's skeleton rather than its spelling.
const SKELETON_FORM: u32 = 1 << 23;
/// Marks a `near` key made from a token's loose skeleton.
const LOOSE_FORM: u32 = 1 << 22;

/// Which written form of the tokens a typo lookup compares with.
#[derive(Clone, Copy)]
enum Form {
    Plain,
    Skeleton,
    Loose,
}

impl Form {
    fn tag(self) -> u32 {
        match self {
            Form::Plain => 0,
            Form::Skeleton => SKELETON_FORM,
            Form::Loose => LOOSE_FORM,
        }
    }
}

impl Index {
    /// The catalogue's index, built on first use.
    pub fn catalogue() -> &'static Index {
        static INDEX: OnceLock<Index> = OnceLock::new();
        INDEX.get_or_init(|| {
            let entries = catalogue::brands().map(|brand| Entry {
                name: Cow::Borrowed(brand.name),
                home: Cow::Borrowed(brand.home),
                tokens: brand
                    .tokens()
                    .map(|token| Token {
                        text: Cow::Borrowed(token.text),
                        skeleton: Cow::Borrowed(token.skeleton),
                        loose: loose_skeleton(token.skeleton),
                        generic: token.generic,
                        distinctive: token.distinctive,
                        country_sites: token.country_sites,
                        slip_prone: token.slip_prone,
                        keywords: token.keywords,
                        accounts: false,
                        slips: false,
                        from_data: false,
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
                    loose: loose_skeleton(&skeleton(label)),
                    generic: false,
                    distinctive: false,
                    country_sites: false,
                    slip_prone: false,
                    keywords: false,
                    accounts: false,
                    slips: false,
                    from_data: false,
                }],
            });
        }
        Index::build(entries, official, false)
    }

    /// An index of popular sites' names (data/protected_names.txt: a home domain a line,
    /// `generic` after it for an ordinary name). Each protects its first label; none is
    /// anyone's official domain here (a popular site is simply never judged a lookalike).
    /// Lines that are not a domain are skipped. The entries borrow their text from `text`
    /// (and a skeleton that is its label's spelling from the label), so the worker's
    /// [`load_names`] allocates little more than one vector of tokens a name.
    pub fn for_names(text: &'static str) -> Index {
        let entries = text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut words = line.split_whitespace();
                let home = words.next()?;
                let (mut generic, mut accounts, mut slips) = (false, false, false);
                for mark in words {
                    match mark {
                        "generic" => generic = true,
                        "accounts" => accounts = true,
                        "slips" => slips = true,
                        _ => {}
                    }
                }
                let slips = slips && !generic;
                let (label, _) = home.split_once('.')?;
                let skeleton = skeleton(label);
                let skeleton =
                    if skeleton == label { Cow::Borrowed(label) } else { Cow::Owned(skeleton) };
                Some(Entry {
                    name: Cow::Borrowed(home),
                    home: Cow::Borrowed(home),
                    tokens: vec![Token {
                        text: Cow::Borrowed(label),
                        loose: String::new(),
                        skeleton,
                        generic,
                        distinctive: false,
                        country_sites: true,
                        slip_prone: false,
                        keywords: false,
                        accounts,
                        slips,
                        from_data: true,
                    }],
                })
            })
            .collect();
        Index::build(entries, HashMap::new(), false)
    }

    fn build(entries: Vec<Entry>, official: HashMap<String, u32>, is_catalogue: bool) -> Index {
        let hits: Vec<Hit> = entries
            .iter()
            .enumerate()
            .flat_map(|(entry, e)| {
                (0..e.tokens.len())
                    .map(move |token| Hit { entry: entry as u32, token: token as u16 })
            })
            .collect();
        let tokens = hits.len();
        let mut index = Index {
            entries,
            hits,
            by_text: Slots::default(),
            by_skeleton: Slots::default(),
            by_loose: Slots::default(),
            inside: Slots::default(),
            next_inside: Vec::new(),
            head_filter: vec![0; 1 << (HEAD_FILTER_BITS - 6)],
            near: OnceLock::new(),
            official,
            is_catalogue,
        };
        let with_loose =
            index.entries.iter().flat_map(|e| &e.tokens).filter(|t| !t.from_data).count();
        let (mut by_text, mut by_skeleton, mut by_loose, mut inside) = (
            Slots::with_room_for(tokens),
            Slots::with_room_for(tokens),
            Slots::with_room_for(with_loose),
            Slots::with_room_for(tokens),
        );
        let mut next_inside = vec![Slots::EMPTY; tokens];
        // Last to first, so each head key's chain runs in token order.
        for number in (0..tokens as u32).rev() {
            let token = index.token_at(number);
            let text = token.text.as_bytes();
            by_text
                .replace(text_hash(text), number, |other| index.text_of(other).as_bytes() == text);
            let skeleton = token.skeleton.as_bytes();
            by_skeleton.replace(text_hash(skeleton), number, |other| {
                index.token_at(other).skeleton.as_bytes() == skeleton
            });
            // A popular site's name has no loose skeleton: the one caller of
            // `with_loose_skeleton` sets its names aside anyway.
            if !token.from_data {
                let loose = token.loose.as_bytes();
                by_loose.replace(text_hash(loose), number, |other| {
                    index.token_at(other).loose.as_bytes() == loose
                });
            }
            // Slips and brand names inside longer names are matched on the plain letters:
            // folding i/1 into l there would find `gmail` in `shoppingmall`.
            if text.len() >= 3 {
                let key = head_key(text);
                let bit = head_bit(key);
                index.head_filter[bit / 64] |= 1 << (bit % 64);
                if let Some(next) = inside.replace(key_hash(key), number, |other| {
                    head_key(index.text_of(other).as_bytes()) == key
                }) {
                    next_inside[number as usize] = next;
                }
            }
        }
        (index.by_text, index.by_skeleton, index.by_loose, index.inside, index.next_inside) =
            (by_text, by_skeleton, by_loose, inside, next_inside);
        index
    }

    fn token_at(&self, number: u32) -> &Token {
        self.token(self.hits[number as usize])
    }

    fn text_of(&self, number: u32) -> &str {
        &self.token_at(number).text
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
            self.entries.get(brand)
        } else {
            self.official.get(registrable).map(|&at| &self.entries[at as usize])
        }
    }

    /// The token spelled exactly `text`.
    pub fn exact(&self, text: &str) -> Option<Hit> {
        let number = self.by_text.find(text_hash(text.as_bytes()), |n| self.text_of(n) == text)?;
        Some(self.hits[number as usize])
    }

    /// The token whose skeleton is `skeleton`.
    pub fn with_skeleton(&self, skeleton: &str) -> Option<Hit> {
        let number = self
            .by_skeleton
            .find(text_hash(skeleton.as_bytes()), |n| self.token_at(n).skeleton == skeleton)?;
        Some(self.hits[number as usize])
    }

    /// The token whose loose skeleton ([`loose_skeleton`]) is `loose`.
    pub fn with_loose_skeleton(&self, loose: &str) -> Option<Hit> {
        let number =
            self.by_loose.find(text_hash(loose.as_bytes()), |n| self.token_at(n).loose == loose)?;
        Some(self.hits[number as usize])
    }

    /// Distinctive tokens exactly one edit (Damerau) from `name`, both in plain lowercase.
    pub fn one_edit_from(&self, name: &str) -> Vec<Hit> {
        self.one_edit(name, Form::Plain)
    }

    /// Distinctive tokens whose skeleton is exactly one edit from `skeleton`: a look-alike
    /// letter plus a slip (`garăntiblbva`) is one edit from the skeleton, not the spelling.
    pub fn one_edit_from_skeleton(&self, skeleton: &str) -> Vec<Hit> {
        self.one_edit(skeleton, Form::Skeleton)
    }

    /// Tokens of six letters and more, ordinary words too, whose loose skeleton is exactly one
    /// edit from `loose`.
    pub fn one_edit_from_loose(&self, loose: &str) -> Vec<Hit> {
        self.one_edit(loose, Form::Loose)
    }

    fn one_edit(&self, name: &str, wanted: Form) -> Vec<Hit> {
        let mut found = Vec::new();
        if name.len() < MIN_TYPO_LEN - 1 || name.len() > MAX_TYPO_LEN {
            return found;
        }
        let near = self.near.get_or_init(|| Near::new(self.deletion_neighbourhoods()));
        let mut form = [0u8; MAX_TYPO_LEN];
        let (mut forms, mut count) = ([(0u32, 0u8); MAX_TYPO_LEN + 1], 0);
        form_hashes(name.as_bytes(), !deletions(name).is_empty(), |hash, deleted| {
            forms[count] = (hash, deleted);
            count += 1;
        });
        for &(hash, deleted) in &forms[..count] {
            let keys = near.with_hash(hash);
            if keys.is_empty() {
                continue;
            }
            let form = match deleted {
                WHOLE => name.as_bytes(),
                at => with_deleted(name.as_bytes(), usize::from(at), &mut form),
            };
            for &key in keys {
                let tagged = (key >> 8) as u32 & 0xff_ffff;
                if tagged & (SKELETON_FORM | LOOSE_FORM) != wanted.tag() {
                    continue;
                }
                let number = tagged & !(SKELETON_FORM | LOOSE_FORM);
                let token = self.token_at(number);
                let text = match wanted {
                    Form::Plain => token.text.as_bytes(),
                    Form::Skeleton => token.skeleton.as_bytes(),
                    Form::Loose => token.loose.as_bytes(),
                };
                let same_form = match key as u8 {
                    WHOLE => text == form,
                    at => {
                        text.len() == form.len() + 1
                            && text[..at as usize] == form[..at as usize]
                            && text[at as usize + 1..] == form[at as usize..]
                    }
                };
                let hit = self.hits[number as usize];
                if same_form && !found.contains(&hit) && one_edit_apart(name.as_bytes(), text) {
                    found.push(hit);
                }
            }
        }
        found
    }

    /// Every distinctive token, and its forms with one byte deleted, keyed for `near`: by its
    /// plain letters and, tagged [`SKELETON_FORM`], by its skeleton.
    fn deletion_neighbourhoods(&self) -> Vec<u64> {
        let mut near = Vec::new();
        // Token numbers take 22 bits of a key; the 23rd and 24th tell the form.
        for number in 0..(self.hits.len() as u32).min(LOOSE_FORM) {
            let token = self.token_at(number);
            // A popular site's name is never matched by a slip (the domain layer's rule), so
            // its ~30 forms would only cost the worker's first verdict time.
            if token.text.len() < MIN_TYPO_LEN || (token.from_data && !token.slips) {
                continue;
            }
            for (written, form) in [
                (&*token.text, Form::Plain),
                (&*token.skeleton, Form::Skeleton),
                (token.loose.as_str(), Form::Loose),
            ] {
                // Ordinary words are near other words by a slip; by loose look-alike letters
                // they are looked up only for international names (see `one_edit_from_loose`).
                if (token.generic || token.slip_prone) && !matches!(form, Form::Loose) {
                    continue;
                }
                let tag = form.tag();
                let bytes = written.as_bytes();
                if bytes.len() > MAX_TYPO_LEN + 1 || bytes.is_empty() {
                    continue;
                }
                form_hashes(bytes, !deletions(written).is_empty(), |hash, deleted| {
                    near.push(
                        u64::from(hash) << 32 | u64::from(number | tag) << 8 | u64::from(deleted),
                    );
                });
            }
        }
        near.sort_unstable();
        near
    }

    /// Every token found inside `name` (plain lowercase), with its byte range there.
    pub fn inside(&self, name: &str) -> Vec<(Hit, std::ops::Range<usize>)> {
        let bytes = name.as_bytes();
        let mut found = Vec::new();
        for start in 0..bytes.len() {
            for head in [3, 4] {
                let Some(window) = bytes.get(start..start + head) else { break };
                let key = head_key(window);
                let bit = head_bit(key);
                if self.head_filter[bit / 64] & (1 << (bit % 64)) == 0 {
                    continue;
                }
                let mut next = self
                    .inside
                    .find(key_hash(key), |n| head_key(self.text_of(n).as_bytes()) == key);
                while let Some(number) = next {
                    let token = self.text_of(number).as_bytes();
                    if bytes[start..].starts_with(token) {
                        found.push((self.hits[number as usize], start..start + token.len()));
                    }
                    next = self
                        .next_inside
                        .get(number as usize)
                        .copied()
                        .filter(|&n| n != Slots::EMPTY);
                }
            }
        }
        found
    }
}

/// Popular sites' names, protected beside the catalogue's brands, and the popular sites
/// themselves (never called lookalikes): compiled into the native engine; the wasm's host loads
/// them once with [`load_names`] (together they would add a third to its size).
static NAMES: OnceLock<(Index, Vec<u32>)> = OnceLock::new();

/// Loads the popular sites' names (the text of data/protected_names.txt) and, for the wasm,
/// the popular sites (the text of data/popular_sites.txt: a registrable domain a line); the
/// first load wins. Returns how many names the index holds.
pub fn load_names(names: &str, popular: &str) -> usize {
    // The index borrows from the names' text, kept for the life of the process (once: the
    // first load wins).
    NAMES.get_or_init(|| names_and_sites(String::leak(names.to_string()), popular)).0.entries.len()
}

fn names_and_sites(names: &'static str, popular: &str) -> (Index, Vec<u32>) {
    let mut sites: Vec<u32> = popular
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|domain| fnv32_bytes(domain.as_bytes()))
        .collect();
    sites.sort_unstable();
    sites.dedup();
    (Index::for_names(names), sites)
}

/// The popular sites' names, once loaded (the native engine loads its compiled copy here).
pub(crate) fn names() -> Option<&'static Index> {
    #[cfg(not(target_arch = "wasm32"))]
    NAMES.get_or_init(|| names_and_sites(include_str!("../data/protected_names.txt"), ""));
    NAMES.get().map(|(index, _)| index)
}

/// Whether the popular sites [`load_names`] was given hold `registrable` (the wasm's
/// `catalogue::is_popular`; the native engine compiles the set in). Before a load, none.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn is_loaded_popular(registrable: &str) -> bool {
    NAMES
        .get()
        .is_some_and(|(_, sites)| sites.binary_search(&fnv32_bytes(registrable.as_bytes())).is_ok())
}

/// What the domain and link layers need from the engine: where to look for protected names
/// (the catalogue, then the user's own domains), and the registrable domains the user trusts.
pub(crate) struct Protection<'a> {
    pub indexes: &'a [&'a Index],
    pub trusted: &'a [String],
}

/// At most this many names of a host are looked up as official domains (bounded work on
/// hostile 127-label hosts).
const MAX_OFFICIAL_NAMES: usize = 32;

/// The brand or protected entry whose official site `host` is (or a subdomain of one).
/// Official domains are looked up as the registrable domain and as any longer name ending in
/// it: `amazon.com.be` is Amazon's, though `com.be` is no public suffix.
pub(crate) fn official_owner<'i>(host: &Host, indexes: &[&'i Index]) -> Option<&'i Entry> {
    let registrable = host.registrable()?;
    let prefix_len = host.ascii.len() - registrable.len();
    let official_names =
        host.ascii[..prefix_len].match_indices('.').map(|(at, _)| &host.ascii[at + 1..]);
    let official_names = std::iter::once(host.ascii.as_str())
        .filter(|_| prefix_len > 0)
        .chain(official_names)
        .chain(std::iter::once(registrable));
    official_names
        .take(MAX_OFFICIAL_NAMES)
        .find_map(|name| indexes.iter().find_map(|index| index.owner_of(name)))
}

/// The first three or four bytes of `text` (four when it has them), with how many.
fn head_key(text: &[u8]) -> u64 {
    let head = &text[..text.len().min(4)];
    head.iter().fold(head.len() as u64, |key, &b| (key << 8) | u64::from(b))
}

fn text_hash(text: &[u8]) -> u32 {
    fnv32_bytes(text)
}

/// The size of [`Index`]'s head filter in bits, as a power of two (2^16 bits, 8 KB: a few
/// thousand tokens leave most clear).
const HEAD_FILTER_BITS: u32 = 16;

/// A head key's bit in the head filter.
fn head_bit(key: u64) -> usize {
    (key_hash(key) >> (32 - HEAD_FILTER_BITS)) as usize
}

/// A head key's hash: its bytes are few, so one multiplication mixes them (Fibonacci hashing).
fn key_hash(key: u64) -> u32 {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
}

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

/// The byte positions whose deletion makes the neighbourhood of `text`: every one of an ASCII
/// text (other text has only its whole form).
fn deletions(text: &str) -> std::ops::Range<usize> {
    0..if text.is_ascii() { text.len() } else { 0 }
}

/// The hash of `bytes` (deleted: [`WHOLE`]) and, with `deletions`, of each of its forms with one
/// byte deleted, in linear time: a polynomial hash of the form, from the hashes of the bytes
/// before and after the deleted one, then mixed (MurmurHash3's finaliser) so that its low bits
/// serve [`Near`]'s filter. (FNV of every form took a name's length squared, a tenth of a
/// long-tail host's check.)
fn form_hashes(bytes: &[u8], deletions: bool, mut each: impl FnMut(u32, u8)) {
    const BASE: u32 = 0x0100_0193;
    let n = bytes.len();
    let finish = |poly: u32, len: usize| {
        let mut h = poly ^ (len as u32).wrapping_mul(0x9e37_79b9);
        h ^= h >> 16;
        h = h.wrapping_mul(0x85eb_ca6b);
        h ^= h >> 13;
        h = h.wrapping_mul(0xc2b2_ae35);
        h ^ (h >> 16)
    };
    let whole = bytes.iter().fold(0u32, |h, &b| h.wrapping_mul(BASE).wrapping_add(u32::from(b)));
    each(finish(whole, n), WHOLE);
    if !deletions || n == 0 {
        return;
    }
    // suffix[i]: the polynomial of bytes[i..] on its own; power[k] = BASE^k.
    let mut suffix = [0u32; MAX_TYPO_LEN + 2];
    let mut power = [1u32; MAX_TYPO_LEN + 2];
    for k in 1..=n {
        power[k] = power[k - 1].wrapping_mul(BASE);
    }
    for i in (0..n).rev() {
        suffix[i] = u32::from(bytes[i]).wrapping_mul(power[n - 1 - i]).wrapping_add(suffix[i + 1]);
    }
    let mut prefix = 0u32;
    for at in 0..n {
        let form = prefix.wrapping_mul(power[n - 1 - at]).wrapping_add(suffix[at + 1]);
        each(finish(form, n - 1), at as u8);
        prefix = prefix.wrapping_mul(BASE).wrapping_add(u32::from(bytes[at]));
    }
}

/// `text` without its byte `at`, written into `buffer` (at least `text.len() - 1` long).
fn with_deleted<'b>(text: &[u8], at: usize, buffer: &'b mut [u8; MAX_TYPO_LEN]) -> &'b [u8] {
    let len = text.len() - 1;
    buffer[..at].copy_from_slice(&text[..at]);
    buffer[at..len].copy_from_slice(&text[at + 1..]);
    &buffer[..len]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deleted_forms_hash_is_the_hash_of_that_form() {
        let whole = |bytes: &[u8]| {
            let mut got = None;
            form_hashes(bytes, false, |hash, _| got = Some(hash));
            got.expect("the whole form's hash")
        };
        for name in ["aliexpress", "ab", "x", "paypal-login", "0123456789abcdefghij"] {
            let bytes = name.as_bytes();
            let mut buffer = [0u8; MAX_TYPO_LEN];
            let mut seen = 0;
            form_hashes(bytes, true, |hash, deleted| {
                let form = match deleted {
                    WHOLE => bytes,
                    at => with_deleted(bytes, usize::from(at), &mut buffer),
                };
                assert_eq!(hash, whole(form), "{name:?} without byte {deleted}");
                seen += 1;
            });
            assert_eq!(seen, bytes.len() + 1, "{name:?}: the whole and each deletion");
        }
        assert_ne!(whole(b"ab"), whole(b"ba"));
        assert_ne!(whole(b"a"), whole(b"a\0"), "the length is part of the hash");
    }

    #[test]
    fn finds_names_one_edit_away() {
        let index = Index::catalogue();
        let names = |hits: Vec<Hit>| {
            hits.iter().map(|&h| index.token(h).text.to_string()).collect::<Vec<_>>()
        };
        for (typo, real) in [
            ("amazom", "amazon"),
            ("amazonn", "amazon"),
            ("amzon", "amazon"),
            ("maazon", "amazon"),
            ("paypla", "paypal"),
        ] {
            assert!(
                names(index.one_edit_from(typo)).contains(&real.to_string()),
                "{typo} should be one edit from {real}"
            );
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
        let found: Vec<String> = index
            .inside("paypalrefunds")
            .iter()
            .map(|(h, _)| index.token(*h).text.to_string())
            .collect();
        assert!(found.contains(&"paypal".to_string()), "{found:?}");
        let found: Vec<String> = index
            .inside("shoppingmall")
            .iter()
            .map(|(h, _)| index.token(*h).text.to_string())
            .collect();
        assert!(
            !found.contains(&"gmail".to_string()),
            "plain letters: no gmail in shoppingmall, {found:?}"
        );
    }

    #[test]
    fn user_domains_get_their_own_index() {
        let index = Index::for_domains(&["mybank.example".to_string(), "ab.example".to_string()]);
        assert_eq!(
            index.owner_of("mybank.example").map(|e| e.home.as_ref()),
            Some("mybank.example")
        );
        assert!(index.owner_of("ab.example").is_none(), "two-letter names are not protected");
        assert!(!index.one_edit_from("mybamk").is_empty());
    }

    #[test]
    fn popular_names_come_from_their_text() {
        let index = Index::for_names(
            "# a comment\nreddit.com\nnews.example generic\n\nnodot\n  \nzalo.me extra words\n",
        );
        let hit = index.exact("reddit").expect("reddit is protected");
        let (entry, token) = (index.entry(hit), index.token(hit));
        assert_eq!(
            (entry.home.as_ref(), token.generic, token.from_data),
            ("reddit.com", false, true)
        );
        assert!(index.token(index.exact("news").expect("news is protected")).generic);
        assert!(!index.token(index.exact("zalo").expect("zalo too")).generic);
        assert!(index.exact("nodot").is_none(), "a line that is no domain is skipped");
        assert!(index.owner_of("reddit.com").is_none(), "a popular name is no one's official site");
        // Hostile text (the wasm takes whatever its host hands it): no panic, and what is no
        // name is skipped or kept as an ordinary one.
        let long = format!(
            "{}.com\n{}\n.\n..\n\u{0}.x generic generic\n🙂🙂.com",
            "a".repeat(100_000),
            "x".repeat(10_000)
        );
        let hostile = Index::for_names(long.leak());
        assert!(hostile.one_edit_from(&"a".repeat(100_000)).is_empty());
        assert!(Index::for_names("").exact("a").is_none());
        let shipped = names().expect("the native engine compiles the names in");
        assert!(shipped.exact("reddit").is_some() && shipped.exact("aliexpress").is_none());
    }
}
