//! The tables build.rs compiles in and the engine's small lookup structures, searched without
//! allocation per lookup:
//!
//! - [`NameSet`]: the 32-bit FNV-1a hashes of names, for membership only (public suffix
//!   rules, popular sites, free hosting, shorteners, keywords). build.rs refuses a table in
//!   which two names share a hash. A name that is not in the table is wrongly found with odds
//!   of (table size) in 2^32: 2.3 in a million for the 10,000 popular sites, 1.6 in a million
//!   for the 6,925 suffix rules. Sets under [`PACK_FROM`] names stay plain sorted hashes.
//! - [`Slots`]: a hash table of numbers built at run time over keys stored elsewhere (token
//!   numbers of the brand index, lines of the official domains).
//!
//! How a [`NameSet`] stores its hashes (an Elias-Fano code, in the shape of a quotient
//! filter): the sorted hashes are split into a high part, the bucket (`bucket_bits` bits, with
//! about as many buckets as names), and the low part (the other `32 - bucket_bits` bits).
//! Low parts are packed side by side in hash order; bucket sizes are written in unary, one
//! 1-bit per hash in the bucket and a 0-bit to close it. So a name costs its low bits plus
//! about two bits, ~21 bits for the popular sites instead of 32 — and random hashes do not
//! compress, so this is what the gzipped wasm saves: ~24 KB over the plain sorted `u32`s.
//! A lookup jumps to the sampled start of every [`BUCKET_SAMPLE`]th bucket, counts a few
//! 0-bits forward to its bucket, and compares that bucket's one or two low parts.

use crate::skeleton::fnv32;

/// A set of names, stored as their FNV-1a hashes (see the module note for the layout).
#[derive(Clone, Copy)]
pub(crate) struct NameSet {
    /// The sorted hashes of a small set (then `bucket_bits` is 0 and the rest empty): below
    /// [`PACK_FROM`] names a bisection is cheaper than unpacking, and the bytes are few.
    sorted: &'static [u32],
    /// How many high bits of a hash pick its bucket (1 to 31).
    bucket_bits: u32,
    /// Bucket sizes in unary, least significant bit first.
    buckets: &'static [u64],
    /// The bit position in `buckets` where every [`BUCKET_SAMPLE`]th bucket starts.
    starts: &'static [u16],
    /// The low `32 - bucket_bits` bits of each hash, in hash order, packed least significant
    /// bit first.
    lows: &'static [u64],
}

/// Buckets between two sampled bucket starts.
pub(crate) const BUCKET_SAMPLE: usize = 16;
/// Sets of this many names and more are packed; smaller ones (the suffix-rule helpers, keywords,
/// shorteners, looked up several times per host) stay sorted hashes.
#[allow(dead_code)] // build.rs
pub(crate) const PACK_FROM: usize = 512;

impl NameSet {
    /// A set as build.rs writes it.
    pub const fn new(
        bucket_bits: u32,
        buckets: &'static [u64],
        starts: &'static [u16],
        lows: &'static [u64],
    ) -> Self {
        Self { sorted: &[], bucket_bits, buckets, starts, lows }
    }

    /// A small set as build.rs writes it: its sorted hashes.
    pub const fn sorted(hashes: &'static [u32]) -> Self {
        Self { sorted: hashes, bucket_bits: 0, buckets: &[], starts: &[], lows: &[] }
    }

    pub fn contains(self, name: &str) -> bool {
        self.contains_hash(fnv32(name))
    }

    fn contains_hash(self, hash: u32) -> bool {
        if self.bucket_bits == 0 {
            return self.sorted.binary_search(&hash).is_ok();
        }
        let low_bits = 32 - self.bucket_bits;
        let bucket = (hash >> low_bits) as usize;
        let low = hash & ((1 << low_bits) - 1);
        let Some(&sampled) = self.starts.get(bucket / BUCKET_SAMPLE) else { return false };
        let (start, end) = self.bucket_span(sampled as usize, bucket % BUCKET_SAMPLE);
        // Every bucket before this one closed with a 0-bit: the rest are its hashes' 1-bits.
        let first = start - bucket;
        for at in first..first + (end - start) {
            let stored = read_bits(self.lows, at * low_bits as usize, low_bits);
            if stored >= low {
                return stored == low;
            }
        }
        false
    }

    /// Where the bucket `skip` buckets after the one starting at bit `sampled` starts and
    /// ends (its closing 0-bit) in `buckets`. Mostly within one 64-bit window: drop the first
    /// `skip` 0-bits of the window, and the next one closes the bucket.
    fn bucket_span(self, sampled: usize, skip: usize) -> (usize, usize) {
        let mut zeros = !read_window(self.buckets, sampled);
        let mut start = 0;
        for _ in 0..skip {
            start = zeros.trailing_zeros() as usize + 1;
            zeros &= zeros.wrapping_sub(1);
        }
        if zeros == 0 {
            // The bucket runs past the window (a long run of full buckets): count bit by bit.
            let start = next_zero(self.buckets, sampled, skip);
            return (start, next_zero(self.buckets, start, 1) - 1);
        }
        (sampled + start, sampled + zeros.trailing_zeros() as usize)
    }
}

/// The 64 bits of `words` from bit `at` on, least significant first (0-bits past the end).
fn read_window(words: &[u64], at: usize) -> u64 {
    let (word, shift) = (at / 64, at % 64);
    let low = words.get(word).map_or(0, |w| w >> shift);
    if shift == 0 {
        return low;
    }
    low | words.get(word + 1).map_or(0, |w| w << (64 - shift))
}

/// The bit position just past the `count`th 0-bit at or after bit `at` (`at` itself when
/// `count` is 0). Past the end of `words` every bit counts as 0.
fn next_zero(words: &[u64], mut at: usize, mut count: usize) -> usize {
    while count > 0 {
        let Some(&word) = words.get(at / 64) else { return at + count };
        // 1-bits where `word` has 0-bits, from `at` on.
        let zeros = !word >> (at % 64);
        if zeros == 0 {
            at = (at / 64 + 1) * 64;
            continue;
        }
        at += zeros.trailing_zeros() as usize + 1;
        count -= 1;
    }
    at
}

/// `width` (≤ 32) bits at bit position `at` of `words`, least significant bit first.
fn read_bits(words: &[u64], at: usize, width: u32) -> u32 {
    let (word, shift) = (at / 64, at % 64);
    let mut bits = words.get(word).map_or(0, |w| w >> shift);
    if shift + width as usize > 64 {
        bits |= words.get(word + 1).map_or(0, |w| w << (64 - shift));
    }
    (bits & ((1u64 << width) - 1)) as u32
}

/// The parts of a [`NameSet`] holding `hashes` (sorted, without duplicates): bucket bits,
/// buckets, sampled starts, low parts. build.rs writes them out; tests build sets with them.
#[allow(dead_code)] // build.rs and the tests
pub(crate) fn encode_name_set(hashes: &[u32]) -> (u32, Vec<u64>, Vec<u16>, Vec<u64>) {
    // About as many buckets as names (the largest power of two not above their number), so a
    // bucket holds one or two hashes and its size costs about two bits.
    let bucket_bits = (usize::BITS - 1 - hashes.len().max(2).leading_zeros()).clamp(1, 31);
    let low_bits = 32 - bucket_bits;
    let (mut buckets, mut lows, mut starts) = (Bits::default(), Bits::default(), Vec::new());
    let mut next = 0;
    for bucket in 0..1u32 << bucket_bits {
        if bucket as usize % BUCKET_SAMPLE == 0 {
            starts.push(
                u16::try_from(buckets.len)
                    .expect("NameSet: bucket starts past 16 bits; widen `starts`"),
            );
        }
        while next < hashes.len() && hashes[next] >> low_bits == bucket {
            buckets.push(1, 1);
            lows.push(u64::from(hashes[next]), low_bits);
            next += 1;
        }
        buckets.push(0, 1);
    }
    (bucket_bits, buckets.words, starts, lows.words)
}

/// A bit vector filled least significant bit first.
#[allow(dead_code)]
#[derive(Default)]
struct Bits {
    words: Vec<u64>,
    len: usize,
}

#[allow(dead_code)]
impl Bits {
    /// Appends the low `width` bits of `value`.
    fn push(&mut self, value: u64, width: u32) {
        for bit in 0..width {
            if self.len % 64 == 0 {
                self.words.push(0);
            }
            if let Some(word) = self.words.last_mut() {
                *word |= (value >> bit & 1) << (self.len % 64);
            }
            self.len += 1;
        }
    }
}

/// A hash table of numbers (token numbers, positions) whose keys live elsewhere: the caller
/// hashes a key and says which stored number has it. Open addressing, linear probing, at most
/// half full; four bytes a slot, nothing allocated per key.
#[derive(Default)]
pub(crate) struct Slots(Vec<u32>);

impl Slots {
    /// No number: a free slot, or the end of a chain.
    pub const EMPTY: u32 = u32::MAX;

    pub fn with_room_for(count: usize) -> Self {
        Slots(vec![Self::EMPTY; (2 * count).next_power_of_two().max(8)])
    }

    /// The slot of the stored number `is` accepts, or else the free slot that ends its chain
    /// (the table is at most half full, so there is one). `None` for a table without slots.
    fn slot(&self, hash: u32, is: impl Fn(u32) -> bool) -> Option<usize> {
        let mask = self.0.len().checked_sub(1)?;
        let mut at = hash as usize & mask;
        while self.0[at] != Self::EMPTY && !is(self.0[at]) {
            at = (at + 1) & mask;
        }
        Some(at)
    }

    /// The stored number `is` accepts, if any.
    pub fn find(&self, hash: u32, is: impl Fn(u32) -> bool) -> Option<u32> {
        let number = self.0[self.slot(hash, is)?];
        (number != Self::EMPTY).then_some(number)
    }

    /// Stores `number` unless a number `is` accepts (one with the same key) is there already
    /// (a table without slots stores nothing).
    pub fn insert(&mut self, hash: u32, number: u32, is: impl Fn(u32) -> bool) {
        let Some(at) = self.slot(hash, is) else { return };
        if self.0[at] == Self::EMPTY {
            self.0[at] = number;
        }
    }

    /// Stores `number` in place of the number `is` accepts (one with the same key), and
    /// returns that one; or in a free slot.
    pub fn replace(&mut self, hash: u32, number: u32, is: impl Fn(u32) -> bool) -> Option<u32> {
        let at = self.slot(hash, is)?;
        let stored = std::mem::replace(&mut self.0[at], number);
        (stored != Self::EMPTY).then_some(stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A set built from `names` the way build.rs builds one.
    fn name_set(names: &[String]) -> NameSet {
        let mut hashes: Vec<u32> = names.iter().map(|n| fnv32(n)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        let (bits, buckets, starts, lows) = encode_name_set(&hashes);
        NameSet::new(bits, Vec::leak(buckets), Vec::leak(starts), Vec::leak(lows))
    }

    #[test]
    fn name_sets_hold_their_names_and_no_others() {
        for size in [0, 1, 2, 3, 17, 200, 5_000] {
            let names: Vec<String> = (0..size).map(|n| format!("site{n}.example")).collect();
            let set = name_set(&names);
            for name in &names {
                assert!(set.contains(name), "{name} in the set of {size}");
            }
            // Odds of a stray hit are size / 2^32: none expected among 20,000 strangers.
            let strays = (0..20_000)
                .map(|n| format!("other{n}.example"))
                .filter(|n| set.contains(n))
                .count();
            assert_eq!(strays, 0, "names outside the set of {size} found in it");
        }
    }

    #[test]
    fn name_sets_agree_with_plain_sorted_hashes() {
        // Hashes at the edges of buckets and words: the top values, and 300 in the first bucket,
        // so that the buckets after it start past the first 64-bit window.
        let mut hashes: Vec<u32> = (0..3_000u32)
            .map(|n| n.wrapping_mul(2_654_435_761))
            .chain([u32::MAX, u32::MAX - 1])
            .chain(0..300)
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        let (bits, buckets, starts, lows) = encode_name_set(&hashes);
        let (buckets, starts, lows) = (Vec::leak(buckets), Vec::leak(starts), Vec::leak(lows));
        let set = NameSet::new(bits, buckets, starts, lows);
        // Probe the set through hashes directly: every stored one, and each one's neighbours.
        for &hash in &hashes {
            for probe in [hash.wrapping_sub(1), hash, hash.wrapping_add(1)] {
                assert_eq!(
                    set.contains_hash(probe),
                    hashes.binary_search(&probe).is_ok(),
                    "hash {probe:#010x}"
                );
            }
        }
    }
}
