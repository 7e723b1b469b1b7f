//! The engine's word and suffix lists from `data/lists/` (one file a list, each saying where it
//! came from and what reads it), compiled in by build.rs: negations, the word "to" before a
//! short code, premium-rate units, call words, currencies, words bank and payment names end
//! in, account and payment action words in host names, and groups of suffixes (faked second
//! levels, restricted, abused country codes, cheap generic ones, each script's home suffixes).

include!(concat!(env!("OUT_DIR"), "/lists.rs"));
