//! Skeletons: what a name looks like to a reader. Characters that are easily confused map to
//! one representative, so `paypa1`, `pаypal` (Cyrillic а), `PAYPAL` and `paypal` share the
//! skeleton `paypal` (here written with `l` for every i/l/1/I, so `paypal` is `paypal`).
//!
//! This file is shared, as a plain module, by build.rs (which computes the skeletons of brand
//! names and popular sites at build time) and the engine (which computes the skeleton of each
//! host it judges), so the two always agree. The non-ASCII part of the mapping — UTS #39
//! confusables with diacritics stripped — is a table build.rs derives; it is passed in here.

/// The skeleton of `name`. `non_ascii` maps a non-ASCII character to its ASCII look-alike
/// (already folded as below), to `""` for marks that vanish, or `None` when it has none.
pub fn skeleton_with<'t>(name: &str, non_ascii: impl Fn(char) -> Option<&'t str>) -> String {
    fold_pairs(&letters_with(name, non_ascii))
}

/// `name` with only its non-ASCII characters read as the ASCII they pass for (`googlé-login` →
/// `google-login`); ASCII letters keep their spelling, so words in it can be looked up.
pub fn foreign_letters_read_with<'t>(
    name: &str,
    non_ascii: impl Fn(char) -> Option<&'t str>,
) -> String {
    let mut read = String::with_capacity(name.len());
    for c in name.chars() {
        match (c.is_ascii(), non_ascii(c)) {
            (true, _) => read.push(c.to_ascii_lowercase()),
            (false, Some(lookalike)) => read.push_str(lookalike),
            (false, None) => read.extend(c.to_lowercase()),
        }
    }
    read
}

/// The skeleton's first step alone: each character folded, letter pairs (rn, cl) left as
/// they are.
fn letters_with<'t>(name: &str, non_ascii: impl Fn(char) -> Option<&'t str>) -> String {
    let mut mapped = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii() {
            mapped.push(fold_ascii(c));
        } else {
            match non_ascii(c) {
                Some(lookalike) => mapped.push_str(lookalike),
                None => mapped.extend(c.to_lowercase()),
            }
        }
    }
    mapped
}

/// Case and the single ASCII characters that pass for others: I, i, 1, | look like l; 0 like o.
pub fn fold_ascii(c: char) -> char {
    match c.to_ascii_lowercase() {
        'i' | '1' | '|' => 'l',
        '0' => 'o',
        other => other,
    }
}

/// Letter pairs that read as one letter: rn, nn, rr → m; vv → w; cl → d.
pub fn fold_pairs(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < bytes.len() {
        let pair = bytes.get(at..at + 2);
        let folded = match pair {
            Some(b"rn" | b"nn" | b"rr") => Some('m'),
            Some(b"vv") => Some('w'),
            Some(b"cl") => Some('d'),
            _ => None,
        };
        match folded {
            Some(letter) => {
                out.push(letter);
                at += 2;
            }
            None if bytes[at].is_ascii() => {
                out.push(char::from(bytes[at]));
                at += 1;
            }
            None => {
                // Copy one whole character (the text may hold non-ASCII that had no look-alike).
                let len = text[at..].chars().next().map_or(1, char::len_utf8);
                out.push_str(&text[at..at + len]);
                at += len;
            }
        }
    }
    out
}

/// FNV-1a, 32 bits: how the name sets store a name (build.rs hashes the lists, the engine
/// hashes the name it looks up).
pub fn fnv32(text: &str) -> u32 {
    fnv32_bytes(text.as_bytes())
}

/// [`fnv32`] of bytes that need not be whole characters.
pub fn fnv32_bytes(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &b| (hash ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The 64-bit FNV-1a hash as a [`std::hash::Hasher`], for the maps of our own short keys (words,
/// phrases, list entries: nothing untrusted is stored, so a keyed hash buys nothing, and
/// SipHash, the standard map's, cost a tenth of a heavy page's time).
pub(crate) struct Fnv(u64);

/// A map or set hashed with [`Fnv`].
pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
