//! The `offer` layer: too good to be true — prizes and "you have won", closing-down and
//! warehouse-clearance stories, storage that cannot exist at its price (a "2 TB flash drive"
//! for $8), and brands at a tenth of their price. A shop's "50% off" is ordinary marketing
//! and weighs nothing; 70% and more counts a little, more beside a brand name.

use std::ops::Range;

use super::{shorten, Scan};
use crate::catalogue;
use crate::code::Code;
use crate::findings::{Cue, Findings};
use crate::index::Index;
use crate::messages::say;
use crate::text::number_end;
use crate::verdict::{Layer, Severity};

/// Discounts from this percentage on are "big".
const BIG_DISCOUNT_PERCENT: u32 = 70;
/// Flash storage (USB sticks, memory cards) of this many terabytes or more is not sold at all.
const IMPOSSIBLE_FLASH_TB: f64 = 4.0;
/// Real flash and solid-state storage costs more than this many US dollars a terabyte.
const MIN_USD_PER_TB: f64 = 12.0;
/// A brand's product at this fraction of its usual price or less is a copy: a tenth.
const BRAND_PRICE_FACTOR: f64 = 10.0;

pub(crate) fn check(scan: &Scan, index: &Index, cues: &mut Vec<Cue>) {
    cues.extend(scan.phrase_cues(Layer::Offer));
    check_capacity(scan, cues);
    if let Some((percent, range)) = big_discount(scan) {
        let evidence = shorten(&scan.text[range]);
        match super::brand_named_in(scan, index) {
            Some((entry, _)) => cues.push(Cue::new(
                Layer::Offer,
                Code::BrandedDiscount,
                2,
                say!("branded-discount.percent", &entry.name, percent.to_string()),
                evidence,
            )),
            None => cues.push(Cue::new(
                Layer::Offer,
                Code::BigDiscount,
                1,
                super::cue_message(Code::BigDiscount),
                evidence,
            )),
        }
    }
}

/// A price in US dollars, and as written; None when there is none to read.
pub(crate) type Price<'t> = Option<(f64, &'t str)>;

/// "2TB flash drive … $8": a capacity in terabytes beside a storage word, and a price.
fn check_capacity(scan: &Scan, cues: &mut Vec<Cue>) {
    let price = scan
        .amounts
        .iter()
        .min_by(|a, b| a.usd.total_cmp(&b.usd))
        .filter(|amount| amount.usd > 0.0)
        .map(|amount| (amount.usd, &scan.text[amount.range.clone()]));
    if let Some(evidence) = impossible_capacity(scan, price) {
        let message = super::cue_message(Code::ImpossibleCapacity);
        cues.push(Cue::new(Layer::Offer, Code::ImpossibleCapacity, 3, message, evidence));
    }
}

/// Storage that cannot exist, or not at its price: the biggest capacity in terabytes in
/// `scan` beside a flash or SSD word, flash of [`IMPOSSIBLE_FLASH_TB`] or more, or any at
/// less than [`MIN_USD_PER_TB`] a terabyte of `price` (US dollars, and the price as written).
/// The evidence: the capacity, and the price when it is what gives the listing away.
pub(crate) fn impossible_capacity(scan: &Scan, price: Price) -> Option<String> {
    let flash = scan.has(Code::FlashStorage);
    if !flash && !scan.has(Code::SsdStorage) {
        return None;
    }
    let (tb, range) = terabytes(scan.text).into_iter().max_by(|a, b| a.0.total_cmp(&b.0))?;
    let too_cheap = price.is_some_and(|(usd, _)| tb >= 1.0 && usd / tb < MIN_USD_PER_TB);
    if !(too_cheap || (flash && tb >= IMPOSSIBLE_FLASH_TB)) {
        return None;
    }
    let capacity = &scan.text[range];
    Some(match price.filter(|_| too_cheap) {
        Some((_, written)) => shorten(&format!("{capacity} … {written}")),
        None => shorten(capacity),
    })
}

/// A listing's buying tips on a real marketplace, `platform` (its title in `scan`, its price
/// and the usual price it gives, each in US dollars and as written): storage that cannot be
/// what it says ([`impossible_capacity`]), and a known brand's product at a tenth of its usual
/// price or less (a copy, almost always). Tips, not warnings: the platform is real, the listing
/// is what is not.
pub(crate) fn check_listing(
    scan: &Scan,
    index: &Index,
    price: Price,
    usual: Price,
    platform: &str,
    tips: &mut Findings,
) {
    if let Some(evidence) = impossible_capacity(scan, price) {
        let message = say!("tip.impossible-capacity", platform);
        tips.add(Layer::Offer, Code::ImpossibleCapacity, Severity::Info, message, evidence);
    }
    let (Some((usd, written)), Some((usual_usd, usual_written))) = (price, usual) else { return };
    if usd <= 0.0 || usd * BRAND_PRICE_FACTOR > usual_usd {
        return;
    }
    // A marketplace's own label ("Amazon Basics") is sold cheap by the marketplace itself.
    let brand = super::brand_named_in(scan, index)
        .filter(|(entry, _)| catalogue::kind_of(&entry.home) != Some("marketplace"));
    if let Some((entry, named)) = brand {
        let message = say!("tip.brand-too-cheap", &entry.name, platform);
        let evidence = shorten(&format!("{named}: {written} ({usual_written})"));
        tips.add(Layer::Offer, Code::BrandTooCheap, Severity::Info, message, evidence);
    }
}

/// Capacities in terabytes: `2TB`, `16 TB`, `1.5 To` (French), `2 ТБ` (Russian).
fn terabytes(text: &str) -> Vec<(f64, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() || (at > 0 && bytes[at - 1].is_ascii_alphanumeric()) {
            at += 1;
            continue;
        }
        let end = number_end(bytes, at);
        let unit_at = end + usize::from(bytes.get(end) == Some(&b' '));
        let unit: String = text[unit_at..].chars().take(3).collect();
        let unit_len = ["TB", "Tb", "tb", "To", "ТБ", "Тб", "тб"]
            .iter()
            .find(|u| unit.starts_with(*u) && !unit[u.len()..].starts_with(char::is_alphabetic))
            .map(|u| u.len());
        let number = &text[at..end];
        let (whole, fraction) = number.split_once(['.', ',']).unwrap_or((number, ""));
        if let (Some(len), Some(value)) = (unit_len, crate::text::parse_decimal(whole, fraction)) {
            found.push((value, at..unit_at + len));
        }
        at = end.max(at + 1);
    }
    found
}

/// The biggest discount of [`BIG_DISCOUNT_PERCENT`] or more written as `90%` beside a
/// discount word ("off", "Rabatt", "скидка") or as `-90%`.
fn big_discount(scan: &Scan) -> Option<(u32, Range<usize>)> {
    let text = scan.text;
    let has_word = scan.has(Code::DiscountWord);
    let mut best: Option<(u32, Range<usize>)> = None;
    for (percent_at, _) in text.match_indices('%') {
        let before = text[..percent_at].trim_end_matches(' ');
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let start = before.len() - digits;
        let Ok(percent) = before[start..].parse::<u32>() else { continue };
        let minus = before[..start].ends_with('-') || before[..start].ends_with('−');
        if (BIG_DISCOUNT_PERCENT..100).contains(&percent)
            && (has_word || minus)
            && best.as_ref().is_none_or(|(p, _)| percent > *p)
        {
            let from = if minus {
                before[..start].char_indices().last().map_or(start, |(i, _)| i)
            } else {
                start
            };
            best = Some((percent, from..percent_at + 1));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_capacities_in_terabytes() {
        let read = |text: &str| terabytes(text).into_iter().map(|(tb, _)| tb).collect::<Vec<_>>();
        assert_eq!(read("USB 2TB flash drive, 16 TB SSD, 1.5 To, 2 ТБ"), [2.0, 16.0, 1.5, 2.0]);
        assert!(read("2 to 3 days, 64GB, TB2, 5 tbsp").is_empty());
    }
}
